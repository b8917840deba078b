/**
 * Writes the compiled JSON copies of the YAML data files read at every start-up
 * (lexicons/ingest/*.yml, lexicons/align/paraphrases.yml, predicates.yml and time.yml; see core/yaml-copy.ts):
 * `node dist/ingest/cues-json.js`. Run it after editing those files; a stale copy is ignored at
 * run time (the YAML is read instead) and tests/core/yaml-copy.test.ts fails until it is
 * regenerated.
 */
import { writeFileSync } from 'node:fs';
import { PARAPHRASES_FILE } from '../align/paraphrases.js';
import { PREDICATES_FILE } from '../align/predicates.js';
import { TIME_FILE } from '../align/time.js';
import { compileYamlCopy, copyPathOf } from '../core/yaml-copy.js';
import { CUE_FILES, INGEST_LEXICONS } from './cues.js';
import { resolve } from 'node:path';

/** Every YAML file with a compiled copy. */
export const YAML_COPIES = [...CUE_FILES.map((name) => resolve(INGEST_LEXICONS, name)), PARAPHRASES_FILE, PREDICATES_FILE, TIME_FILE];

if (process.argv[1]?.endsWith('cues-json.js')) {
  for (const file of YAML_COPIES) {
    writeFileSync(copyPathOf(file), compileYamlCopy(file));
    console.log(`wrote ${copyPathOf(file)}`);
  }
}
