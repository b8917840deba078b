/**
 * Paraphrase sets for alignment (lexicons/align/paraphrases.yml): words of one set give one extra
 * index term `~<set id>` besides their own stem, so that "perished" and "the death of" share
 * evidence. Loaded once per process; the file is data, validated here (a stem in two sets, an
 * empty set or a bad id is an InputError naming the file and line).
 *
 * A single word matches a token whose normal form or lemma equals it, or whose Porter stem equals
 * the word's stem; a word written `=word` matches the normal form only. A phrase of several words
 * matches consecutive tokens by normal form or lemma. Offsets: token indices, 0-based, end exclusive.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { yaml } from '../core/yaml-lazy.js';
import { InputError } from '../core/errors.js';
import type { Token } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { readYamlData } from '../core/yaml-copy.js';
import { dataLoader, type Lexicons } from '../lexicons/index.js';
import { stem } from './terms.js';

export const PARAPHRASES_FILE = join(PACKAGE_ROOT, 'lexicons', 'align', 'paraphrases.yml');

export interface ParaphraseTable {
  id: string;
  version: string;
  /** Set id of each exact normal form / lemma (single words). */
  exact: Map<string, string>;
  /** Set id of each stem (single words not marked `=`). */
  stems: Map<string, string>;
  /** Multi-word phrases, by first word: [words, set id], longest first. */
  phrases: Map<string, [string[], string][]>;
  sets: number;
  words: number;
  /** sha256 of the file's text (provenance in the report). */
  sha256: string;
}

interface RawFile {
  id?: unknown;
  version?: unknown;
  sets?: { id?: unknown; words?: unknown }[];
}

/**
 * Parses and validates a paraphrase file's text. `parsed` is its data when already known (from
 * the compiled JSON copy, see core/yaml-copy.ts); the YAML is then parsed only to name the line
 * of an error.
 */
export function parseParaphrases(raw: string, file = PARAPHRASES_FILE, parsed?: unknown): ParaphraseTable {
  let yamlDoc: Document | undefined;
  const doc = () => (yamlDoc ??= yaml().parseDocument(raw));
  const lineOf = (path: (string | number)[]): number => {
    const node = doc().getIn(path, true) as { range?: [number, number, number] } | undefined;
    const at = node?.range?.[0] ?? 0;
    return raw.slice(0, at).split('\n').length;
  };
  const fail = (message: string, path: (string | number)[]) => {
    throw new InputError(message, {
      file,
      line: lineOf(path),
      hint: 'each set needs an id and a list of words; a word (or its stem) may belong to one set only',
    });
  };
  if (parsed === undefined && doc().errors.length) fail(`not valid YAML: ${doc().errors[0]!.message}`, []);
  const data = (parsed ?? doc().toJS()) as RawFile;
  if (typeof data?.id !== 'string' || typeof data.version !== 'string' || !Array.isArray(data.sets)) fail('expected id, version and sets', []);
  const exact = new Map<string, string>();
  const stems = new Map<string, string>();
  const phrases = new Map<string, [string[], string][]>();
  const ids = new Set<string>();
  let words = 0;
  data.sets!.forEach((s, i) => {
    if (typeof s?.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(s.id)) fail('set id must be lower-case letters, digits and hyphens', ['sets', i]);
    const id = s.id as string;
    if (ids.has(id)) fail(`duplicate set id "${id}"`, ['sets', i, 'id']);
    ids.add(id);
    if (!Array.isArray(s.words) || s.words.length < 2) fail(`set "${id}" needs at least two words`, ['sets', i]);
    (s.words as unknown[]).forEach((w, k) => {
      if (typeof w !== 'string' || !w.trim()) fail(`set "${id}": word ${k + 1} is not a string`, ['sets', i, 'words', k]);
      words++;
      const onlyExact = (w as string).startsWith('=');
      const parts = (w as string).replace(/^=/, '').toLowerCase().trim().split(/\s+/);
      if (parts.length > 1) {
        const list = phrases.get(parts[0]!) ?? [];
        list.push([parts, id]);
        list.sort((a, b) => b[0].length - a[0].length);
        phrases.set(parts[0]!, list);
        return;
      }
      const word = parts[0]!;
      const prev = exact.get(word);
      if (prev !== undefined && prev !== id) fail(`"${word}" is in sets "${prev}" and "${id}"`, ['sets', i, 'words', k]);
      exact.set(word, id);
      if (onlyExact) return;
      const st = stem(word);
      const prevStem = stems.get(st);
      if (prevStem !== undefined && prevStem !== id) fail(`"${word}" (stem "${st}") is in sets "${prevStem}" and "${id}"`, ['sets', i, 'words', k]);
      stems.set(st, id);
    });
  });
  return {
    id: data.id as string,
    version: data.version as string,
    exact,
    stems,
    phrases,
    sets: ids.size,
    words,
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}

/** The bundled file (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadParaphrases: (lexicons?: Lexicons) => ParaphraseTable = dataLoader(
  () => readYamlData(PARAPHRASES_FILE),
  (data, raw) => parseParaphrases(raw, PARAPHRASES_FILE, data),
);

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'X']);

/** One paraphrase occurrence: the set id and the token range it covers. */
export interface ParaphraseHit {
  set: string;
  tokenStart: number;
  tokenEnd: number;
}

/** Paraphrase-set occurrences in `tokens[from, to)`, left to right, longest phrase first. */
export function paraphrasesOf(table: ParaphraseTable, tokens: readonly Token[], from: number, to: number): ParaphraseHit[] {
  const out: ParaphraseHit[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    const normal = t.normal.replace(/[’‘]/g, "'");
    let matched = false;
    for (const [words, set] of [...(table.phrases.get(normal) ?? []), ...(t.lemma !== normal ? (table.phrases.get(t.lemma) ?? []) : [])]) {
      if (i + words.length > to) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) {
        const u = tokens[i + k]!;
        ok = u.normal === words[k] || u.lemma === words[k];
      }
      if (!ok) continue;
      out.push({ set, tokenStart: i, tokenEnd: i + words.length });
      i += words.length - 1;
      matched = true;
      break;
    }
    if (matched || !CONTENT_POS.has(t.pos)) continue;
    const set = table.exact.get(normal) ?? table.exact.get(t.lemma) ?? table.stems.get(stem(normal)) ?? table.stems.get(stem(t.lemma));
    if (set !== undefined) out.push({ set, tokenStart: i, tokenEnd: i + 1 });
  }
  return out;
}
