import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model);
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) { const d = nlp.readDoc(readFileSync(join(dir, f), 'utf8')); n += d.tokens().out().length; }
console.log(n);
