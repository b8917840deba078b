/**
 * Index terms of a run of tokens: Porter stems (natural's PorterStemmer) of content words, with
 * stop words and punctuation left out. Works on the NLP layer's tokens; never re-tokenises.
 */
import { createRequire } from 'node:module';
import type { Token } from '../core/types.js';

const require = createRequire(import.meta.url);
// natural is CommonJS; import only the parts used (its index prints to stdout).
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const stopwords = (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;

/** Extra function words that natural's list lacks (reporting glue, not content). */
const EXTRA_STOP = [
  'also',
  'said',
  'says',
  'say',
  'told',
  'according',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'will',
  'can',
  'one',
  'two',
  'new',
  'mr',
  'mrs',
  'ms',
  'however',
  'since',
  'well',
  'even',
  'still',
  'yet',
  'just',
  'many',
  'much',
  'more',
  'most',
  'other',
  'such',
  'some',
  'own',
  'being',
  'been',
  'has',
  'had',
  'have',
  'did',
  'does',
  'do',
  'its',
  "it's",
  "'s",
  'while',
  'where',
  'which',
  'who',
  'whom',
  'whose',
  'there',
  'here',
  'very',
  'last',
  'first',
  'year',
  'years',
  'week',
  'day',
  'days',
  'time',
  'people',
];
const STOP = new Set([...stopwords, ...EXTRA_STOP]);

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

/** True for a stop word (lower-case). */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
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
export function termsOf(tokens: readonly Token[], from: number, to: number): TermHit[] {
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
    if (w.length < 2 || STOP.has(w) || !/\p{L}|^\d{4}$/u.test(w)) continue;
    out.push({ term: /^\d+$/.test(w) ? w : stem(w), proper, group: proper ? runStart : i });
  }
  return out;
}
