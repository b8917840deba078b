/**
 * Lexicons: YAML data in lexicons/, loaded, validated and compiled once per run.
 * (First version: records id/version/sha256 only; the validating loader and compiled matchers
 * replace it.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.js';
import { parse } from 'yaml';
import type { LexiconRecord } from '../core/types.js';

/** The lexicons/ folder shipped with parallax. */
export const BUNDLED_LEXICONS = resolve(PACKAGE_ROOT, 'lexicons');

export interface LexiconOptions {
  /** Extra lexicon directories (`--lexicons DIR`), loaded after the bundled ones. */
  dirs?: string[];
  /** Categories to turn off (`--disable CATEGORY`). */
  disable?: string[];
}

export interface Lexicons {
  records: LexiconRecord[];
  disabled: ReadonlySet<string>;
}

export function loadLexicons(options: LexiconOptions = {}): Lexicons {
  const records: LexiconRecord[] = [];
  for (const dir of [BUNDLED_LEXICONS, ...(options.dirs ?? [])]) {
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const raw = readFileSync(join(dir, name), 'utf8');
      const data = parse(raw) as { id?: string; version?: string };
      records.push({
        id: data.id ?? name,
        version: String(data.version ?? '0'),
        sha256: createHash('sha256').update(raw).digest('hex'),
      });
    }
  }
  return { records, disabled: new Set(options.disable ?? []) };
}
