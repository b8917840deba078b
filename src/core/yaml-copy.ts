/**
 * Data files whose YAML is the source of truth but which are read at every start-up (ingest cues,
 * alignment paraphrases): `<name>.json` beside `<name>.yml` is a compiled copy (written by
 * `npm run lexicons`, i.e. `node dist/core/yaml-copy.js`) holding the sha256 of the YAML text it was made from. A copy
 * with the current sha256 is read instead of the YAML (the YAML parser costs ~50–150 ms at
 * start-up); a stale or missing copy falls back to the YAML. tests/core/yaml-copy.test.ts fails
 * while a copy is stale. Every YAML file in the folders of `COPIED_FOLDERS` has a copy.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { yaml } from './yaml-lazy.js';
import { PACKAGE_ROOT } from './version.js';

/** The data folders read at every start-up, whose YAML files have compiled copies. */
export const COPIED_FOLDERS = [join(PACKAGE_ROOT, 'lexicons', 'ingest'), join(PACKAGE_ROOT, 'lexicons', 'align')];

/** Every YAML file with a compiled copy. */
export function yamlCopies(): string[] {
  return COPIED_FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f)),
  );
}

/** The compiled copy's path: `x.yml` → `x.json`. */
export const copyPathOf = (file: string): string => file.replace(/\.ya?ml$/, '.json');

const sha256 = (raw: string) => createHash('sha256').update(raw).digest('hex');

/** The YAML text of `file` and its data (from the compiled copy when it is current). */
export function readYamlData(file: string): { raw: string; data: unknown } {
  const raw = readFileSync(file, 'utf8');
  try {
    const copy = JSON.parse(readFileSync(copyPathOf(file), 'utf8')) as { sha256?: string; data?: unknown };
    if (copy.sha256 === sha256(raw) && copy.data !== undefined) return { raw, data: copy.data };
  } catch {
    // no compiled copy: parse the YAML below
  }
  return { raw, data: yaml().parse(raw) as unknown };
}

/** The folder holding the ingest cue files (lexicons/ingest). */
export const INGEST_LEXICONS = join(PACKAGE_ROOT, 'lexicons', 'ingest');

/** An ingest cue file's data (from its compiled copy when current), its header checked. */
export function readCueFile(name: string): Record<string, unknown> {
  const file = join(INGEST_LEXICONS, name);
  const { data } = readYamlData(file);
  if (!data || typeof data !== 'object') throw new Error(`${file}: expected a YAML mapping`);
  for (const key of ['id', 'version', 'license', 'sources']) {
    if (!(key in data)) throw new Error(`${file}: missing "${key}" in the header`);
  }
  return data as Record<string, unknown>;
}

/** A non-empty list of strings (or numbers) under `key` of a cue file's data, lower-cased. */
export function cueList(data: Record<string, unknown>, key: string, file: string): string[] {
  const v = data[key];
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    throw new Error(`lexicons/ingest/${file}: "${key}" must be a non-empty list of strings`);
  }
  return v.map((x) => String(x).toLowerCase());
}

/** The compiled JSON copy of a YAML file (what `cues-json.js` writes beside it). */
export function compileYamlCopy(file: string): string {
  const raw = readFileSync(file, 'utf8');
  return `${JSON.stringify({ note: `generated from ${basename(file)} by npm run lexicons; edit the YAML`, sha256: sha256(raw), data: yaml().parse(raw) as unknown })}\n`;
}

if (process.argv[1]?.endsWith('yaml-copy.js')) {
  for (const file of yamlCopies()) {
    writeFileSync(copyPathOf(file), compileYamlCopy(file));
    console.log(`wrote ${copyPathOf(file)}`);
  }
}
