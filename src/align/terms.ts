/**
 * Index terms of a run of tokens: Porter stems (natural's PorterStemmer) of content words, with
 * stop words (natural's list and lexicons/align/terms.yml) and punctuation left out. Works on the
 * NLP layer's tokens; never re-tokenises.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { yaml } from '../core/yaml-lazy.js';
import { InputError } from '../core/errors.js';
import type { Token } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { readYamlData } from '../core/yaml-copy.js';
import { dataLoader, type Lexicons } from '../lexicons/index.js';

const require = createRequire(import.meta.url);
// natural is CommonJS; import only the parts used (its index prints to stdout).
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const stopwords = (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;

export const TERMS_FILE = join(PACKAGE_ROOT, 'lexicons', 'align', 'terms.yml');

/** The words that are never index terms: natural's stop words and lexicons/align/terms.yml's `stop_words`. */
export interface TermLexicon {
  id: string;
  version: string;
  sha256: string;
  /** Lower-case words as written (natural's list and the file's). */
  stop: ReadonlySet<string>;
}

/** Parses and checks the term lexicon (`data` from the compiled copy when known). */
export function parseTermLexicon(raw: string, file = TERMS_FILE, data?: unknown): TermLexicon {
  const d = (data ?? yaml().parse(raw)) as { id?: unknown; version?: unknown; stop_words?: { words?: unknown } } | null;
  const words = d?.stop_words?.words;
  if (typeof d?.id !== 'string' || typeof d.version !== 'string' || !Array.isArray(words) || !words.every((w) => typeof w === 'string' && w.trim() !== '')) {
    throw new InputError('expected id, version and stop_words.words (a list of words)', {
      file,
      expected: 'id, version and stop_words.words',
      found: JSON.stringify(d?.stop_words?.words ?? null)?.slice(0, 60) ?? 'nothing',
      hint: 'see lexicons/align/terms.yml',
    });
  }
  return {
    id: d.id,
    version: d.version,
    sha256: createHash('sha256').update(raw).digest('hex'),
    stop: new Set([...stopwords, ...(words as string[]).map((w) => w.toLowerCase())]),
  };
}

/** The bundled file (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadTermLexicon: (lexicons?: Lexicons) => TermLexicon = dataLoader(
  () => readYamlData(TERMS_FILE),
  (data, raw) => parseTermLexicon(raw, TERMS_FILE, data),
);

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV', 'X']);

const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word (memoised). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porter.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** One index term occurrence. `group` joins the stems of one proper-name run (Burkina Faso). */
export interface TermHit {
  term: string;
  /** True when the token is a proper noun. */
  proper: boolean;
  /** Index of the first token of the proper-name run, or of the token itself. */
  group: number;
  /** Weight multiplier of the term (1 when absent): paraphrase-set and actor terms weigh less than a word's own stem. */
  weight?: number;
}

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** Normal form used for terms: lower-case, curly apostrophes and possessive endings removed. */
function clean(normal: string): string {
  // Most words need none of it: ASCII letters or digits at both ends, no curly quote, no 's.
  const n = normal.length;
  if (
    n > 0 &&
    isAsciiAlnum(normal.charCodeAt(0)) &&
    isAsciiAlnum(normal.charCodeAt(n - 1)) &&
    !normal.endsWith("'s") &&
    !normal.includes('’') &&
    !normal.includes('‘')
  )
    return normal;
  return normal
    .replace(/[’‘]/g, "'")
    .replace(/'s$/, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Terms of `tokens[from, to)`. Hyphenated words count once as written (wink keeps them as one
 * token). Numbers are left to the figure extractor except plain years (they name events).
 */
export function termsOf(tokens: readonly Token[], from: number, to: number, lexicon: TermLexicon): TermHit[] {
  const { stop } = lexicon;
  const out: TermHit[] = [];
  let runStart = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const proper = t.pos === 'PROPN';
    if (!proper) runStart = -1;
    else if (runStart < 0) runStart = i;
    if (t.type !== 'word' && !(t.type === 'number' && /^(1[89]|20)\d\d$/.test(t.text))) continue;
    if (!CONTENT_POS.has(t.pos) && t.type === 'word') continue;
    const w = clean(t.normal);
    if (w.length < 2 || stop.has(w) || !/\p{L}|^\d{4}$/u.test(w)) continue;
    out.push({ term: /^\d+$/.test(w) ? w : stem(w), proper, group: proper ? runStart : i });
  }
  return out;
}
