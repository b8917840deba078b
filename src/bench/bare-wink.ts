/**
 * The bench's floor for whole commands: a bare wink-nlp process (its default pipe, no parallax
 * code) that reads every file of a folder (sorted) and runs `readDoc` + `tokens().out()` on each,
 * as a minimal tool over the same texts would. Usage: node dist/bench/bare-wink.js DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bare-wink DIR');
const nlp = winkNLP(model);
let tokens = 0;
for (const f of readdirSync(dir).sort())
  tokens += nlp
    .readDoc(readFileSync(join(dir, f), 'utf8'))
    .tokens()
    .out().length;
process.stdout.write(`${tokens}\n`);
