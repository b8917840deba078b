/**
 * Writes the compiled JSON copies of lexicons/ingest/*.yml (`node dist/ingest/cues-json.js`).
 * Run it after editing those files; a stale copy is ignored at run time (the YAML is read
 * instead) and tests/ingest/cues.test.ts fails until it is regenerated.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CUE_FILES, INGEST_LEXICONS, compileCueFile } from './cues.js';

for (const name of CUE_FILES) {
  const out = resolve(INGEST_LEXICONS, name.replace(/\.ya?ml$/, '.json'));
  writeFileSync(out, compileCueFile(name));
  console.log(`wrote ${out}`);
}
