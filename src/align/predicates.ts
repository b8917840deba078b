/**
 * Predicates of alignment units: the verbs and common nouns that say what happened (deploy,
 * death, agreement), as opposed to names, places, dates, numbers and the light and reporting
 * verbs listed in lexicons/align/predicates.yml. Two units of different articles are linked only
 * when they share a predicate (see index.ts): the same Porter stem, one paraphrase set
 * (paraphrases.yml), or word vectors at least `threshold` apart in cosine (embeddings.ts).
 * Offsets are token indices into the article's tokens, 0-based, end exclusive.
 */
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Token } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { readYamlData } from '../core/yaml-copy.js';
import { dataLoader, type Lexicons } from '../lexicons/index.js';
import { createHash } from 'node:crypto';
import { yaml } from '../core/yaml-lazy.js';
import type { Embeddings } from './embeddings.js';
import { paraphrasesOf, type ParaphraseTable } from './paraphrases.js';
import { stem, type TermLexicon } from './terms.js';

export const PREDICATES_FILE = join(PACKAGE_ROOT, 'lexicons', 'align', 'predicates.yml');

export interface PredicateLexicon {
  id: string;
  version: string;
  sha256: string;
  /** Verb lemmas that are never predicates. */
  light: Set<string>;
  /** Noun lemmas that are never predicates. */
  nouns: Set<string>;
  /** Forms (as written) of be, become and remain before a predicative adjective. */
  copula: Set<string>;
  /** After a comma, conjunctions that can open a clause of its own (units.ts). */
  clauseConjunctions: Set<string>;
  /** Relative words that keep ", and …" from being a new clause (units.ts). */
  relativeWords: Set<string>;
  /** Words after a fronted phrase's comma that open a subordinate clause, not the label's subject (index.ts). */
  subordinators: Set<string>;
  /** Nouns of people that stand for their owner after "of" (figures.ts). */
  genericCounted: Set<string>;
  /** Words before a figure kept as its qualifier (figures.ts). */
  figureQualifiers: Set<string>;
  /** Currency names after a number (figures.ts). */
  currencyWords: Set<string>;
}

interface RawFile {
  id?: unknown;
  version?: unknown;
  light?: { words?: unknown };
  nouns?: { words?: unknown };
  copula?: { words?: unknown };
  clause_conjunctions?: { words?: unknown };
  relative_words?: { words?: unknown };
  subordinators?: { words?: unknown };
  generic_counted?: { words?: unknown };
  figure_qualifiers?: { words?: unknown };
  currency_words?: { words?: unknown };
}

const words = (x: unknown, field: string, file: string): Set<string> => {
  if (!Array.isArray(x) || !x.every((w) => typeof w === 'string' && w.trim() !== '')) {
    throw new InputError(`${field}.words must be a list of words`, {
      file,
      expected: 'a list of lower-case words',
      found: JSON.stringify(x)?.slice(0, 60) ?? 'nothing',
      hint: `fix ${field}.words in ${file}`,
    });
  }
  return new Set((x as string[]).map((w) => w.toLowerCase()));
};

/** Parses and checks a predicate lexicon (`data` from the compiled copy when known). */
export function parsePredicates(raw: string, file = PREDICATES_FILE, data?: unknown): PredicateLexicon {
  const d = (data ?? yaml().parse(raw)) as RawFile;
  if (typeof d?.id !== 'string' || typeof d.version !== 'string') {
    throw new InputError('expected id and version', {
      file,
      expected: 'id, version, light, nouns, copula, clause_conjunctions, relative_words, subordinators, generic_counted, figure_qualifiers and currency_words',
      found: 'neither',
      hint: 'see lexicons/align/predicates.yml',
    });
  }
  return {
    id: d.id,
    version: d.version,
    sha256: createHash('sha256').update(raw).digest('hex'),
    light: words(d.light?.words, 'light', file),
    nouns: words(d.nouns?.words, 'nouns', file),
    copula: words(d.copula?.words, 'copula', file),
    clauseConjunctions: words(d.clause_conjunctions?.words, 'clause_conjunctions', file),
    relativeWords: words(d.relative_words?.words, 'relative_words', file),
    subordinators: words(d.subordinators?.words, 'subordinators', file),
    genericCounted: words(d.generic_counted?.words, 'generic_counted', file),
    figureQualifiers: words(d.figure_qualifiers?.words, 'figure_qualifiers', file),
    currencyWords: words(d.currency_words?.words, 'currency_words', file),
  };
}

/** The bundled file (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadPredicates: (lexicons?: Lexicons) => PredicateLexicon = dataLoader(
  () => readYamlData(PREDICATES_FILE),
  (data, raw) => parsePredicates(raw, PREDICATES_FILE, data),
);

/** One predicate occurrence. */
export interface Predicate {
  /** Token index. */
  token: number;
  /** The word as written (lower case). */
  word: string;
  /** Porter stem of the lemma. */
  stem: string;
  /** Paraphrase set id, when the word is in one. */
  set?: string;
  /** Row in the embeddings, or -1. */
  row: number;
  /** A noun that modifies the noun after it ("defense cooperation"): it names a kind, not the happening. */
  modifier?: true;
}

/** The predicates of `tokens[from, to)`, in text order. */
export function predicatesOf(
  tokens: readonly Token[],
  from: number,
  to: number,
  lexicon: PredicateLexicon,
  table: ParaphraseTable | null,
  embeddings: Embeddings | null,
  terms: TermLexicon,
  common: ReadonlySet<string> = new Set(),
): Predicate[] {
  const sets = new Map<number, string>();
  if (table) for (const p of paraphrasesOf(table, tokens, from, to)) for (let k = p.tokenStart; k < p.tokenEnd; k++) sets.set(k, p.set);
  const out: Predicate[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    const lemma = t.lemma.toLowerCase();
    const word = t.normal.replace(/[’']s$/, '');
    // A capitalised word of a title-case headline that the article also writes in lower case is a common word.
    const pos = t.pos === 'PROPN' && common.has(word) ? 'NOUN' : t.pos;
    if (pos === 'VERB') {
      if (lexicon.light.has(lemma) || lexicon.light.has(word)) continue;
    } else if (pos === 'ADJ') {
      // A predicative adjective says what the subject is or became ("are concerned", "have been critical").
      const prev = tokens[i - 1]?.pos === 'ADV' ? tokens[i - 2] : tokens[i - 1];
      if (!prev || !lexicon.copula.has(prev.normal)) continue;
    } else if (pos === 'NOUN') {
      if (lexicon.nouns.has(lemma) || lexicon.nouns.has(word)) continue;
    } else continue;
    if (word.length < 3 || terms.stop.has(word) || !/^\p{L}[\p{L}'-]*$/u.test(word)) continue;
    const set = sets.get(i);
    let row = embeddings ? embeddings.index(lemma) : -1;
    if (row < 0 && embeddings) row = embeddings.index(word);
    const modifier = pos === 'NOUN' && tokens[i + 1]?.pos === 'NOUN' && i + 1 < to;
    out.push({ token: i, word, stem: stem(lemma), ...(set ? { set } : {}), row, ...(modifier ? { modifier: true as const } : {}) });
  }
  return out;
}

/** Words the article writes in lower case (to read a title-case headline's capitalised common words). */
export function lowerCaseWords(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.type === 'word' && /^\p{Ll}/u.test(t.text)) out.add(t.normal);
  return out;
}

/** How two predicates match: `stem`, `set` (one paraphrase set) or `vector` (cosine), with a similarity 0..1. */
export interface PredicateMatch {
  a: Predicate;
  b: Predicate;
  how: 'stem' | 'set' | 'vector';
  similarity: number;
}

/**
 * The predicates of each unit as numbers, for the pair loop of {@link bestPredicateMatchKeyed}:
 * stems and paraphrase sets as ids shared by all the lists (set -1: none), and embedding rows.
 * Two predicates have equal ids exactly when they have equal stems (sets).
 */
export interface PredicateKeys {
  stems: Int32Array;
  sets: Int32Array;
  rows: Int32Array;
}

/** The keys of each list of predicates, with ids shared across the lists. */
export function predicateKeys(lists: readonly (readonly Predicate[])[]): PredicateKeys[] {
  const stems = new Map<string, number>();
  const sets = new Map<string, number>();
  const id = (ids: Map<string, number>, key: string) => {
    let v = ids.get(key);
    if (v === undefined) ids.set(key, (v = ids.size));
    return v;
  };
  return lists.map((list) => ({
    stems: Int32Array.from(list, (p) => id(stems, p.stem)),
    sets: Int32Array.from(list, (p) => (p.set === undefined ? -1 : id(sets, p.set))),
    rows: Int32Array.from(list, (p) => p.row),
  }));
}

/**
 * The best-matching predicate pair of two units (same stem or paraphrase set: similarity 1; else
 * the largest word-vector cosine at least `threshold`), or null. Ties: the earliest tokens.
 */
export function bestPredicateMatch(
  xs: readonly Predicate[],
  ys: readonly Predicate[],
  embeddings: Embeddings | null,
  threshold: number,
): PredicateMatch | null {
  const [xk, yk] = predicateKeys([xs, ys]);
  return bestPredicateMatchKeyed(xs, xk!, ys, yk!, embeddings, threshold);
}

/**
 * {@link bestPredicateMatch} of two units whose keys are made once (alignment asks for every
 * candidate unit pair): the same pairs compared in the same order, on numbers instead of strings.
 */
export function bestPredicateMatchKeyed(
  xs: readonly Predicate[],
  xk: PredicateKeys,
  ys: readonly Predicate[],
  yk: PredicateKeys,
  embeddings: Embeddings | null,
  threshold: number,
): PredicateMatch | null {
  // The best so far, kept in locals (the object is made once, at the end).
  let bestA = -1;
  let bestB = -1;
  let bestHow: PredicateMatch['how'] = 'stem';
  let bestSimilarity = 0;
  const vectors = embeddings !== null && threshold < 1;
  const { stems: yStems, sets: ySets, rows: yRows } = yk;
  const nx = xk.stems.length;
  const ny = yStems.length;
  for (let x = 0; x < nx; x++) {
    const stemA = xk.stems[x]!;
    const setA = xk.sets[x]!;
    const rowA = xk.rows[x]!;
    for (let y = 0; y < ny; y++) {
      let how: PredicateMatch['how'] = 'stem';
      let similarity = 1;
      if (stemA === yStems[y]) how = 'stem';
      else if (setA >= 0 && setA === ySets[y]) how = 'set';
      else if (vectors && rowA >= 0 && yRows[y]! >= 0) {
        similarity = embeddings.cosine(rowA, yRows[y]!);
        if (!(similarity >= threshold)) continue;
        how = 'vector';
      } else continue;
      if (bestA < 0 || similarity > bestSimilarity + 1e-12) {
        bestA = x;
        bestB = y;
        bestHow = how;
        bestSimilarity = similarity;
      }
    }
  }
  return bestA < 0 ? null : { a: xs[bestA]!, b: ys[bestB]!, how: bestHow, similarity: bestSimilarity };
}
