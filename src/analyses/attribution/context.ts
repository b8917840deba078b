/**
 * Shared parts of attribution extraction: the types every module of this folder works on
 * (`AttributionDraft`, the per-article context `Ctx`, token `Range`s, the article's full names,
 * `CueSite`), the word sets that several modules consult, and tiny token helpers (spans,
 * punctuation and quote-mark tests, binary search).
 */
import { firstStartingAt } from '../../core/spans.js';
import type { AnalysedArticle, AttributionFinding, SourceType, TextSpan, Token, Assigned } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import type { Quotation } from '../quotes.js';

export type AttributionDraft = Omit<AttributionFinding, Assigned>;

/** Possessive determiners and the personal pronoun each stands for as a source ("his statement" → he). */
export const POSSESSIVE_PRONOUNS = new Map([['his', 'he'], ['her', 'her'], ['their', 'they'], ['its', 'it'], ['my', 'i'], ['our', 'we'], ['your', 'you']]);
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'madam', 'mme', 'mme.', 'miss']);
/** Words that may join the parts of a noun phrase (`head of the mission`, `Location & Event`). */
export const NP_JOINERS = new Set(['of', '&', '/', "'s", '’s', "'", '’', '-', 'for', 'at', 'on', 'in']);
export const SKIP_BEFORE_CUE_POS = new Set(['ADV', 'AUX', 'PART']);
export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'last', 'this', 'next', 'on', 'earlier', 'later']);
export const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'which', 'what', 'there']);
/** Nouns of time that may sit between a subject and its cue ("Trump at the time said", "The campaign last week said"). */
export const TIME_NOUNS = new Set(['time', 'minute', 'hour', 'week', 'month', 'year', 'decade', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'day']);
export const WHEN = new Set(['when', 'while', 'after', 'before', 'if', 'once', 'as', 'since', 'without', 'by', 'despite', 'upon']);
/** Sentence-opening adverbs that are not names even when capitalised. */
export const OPENING_ADVERBS = new Set(['also', 'still', 'now', 'then', 'later', 'however', 'instead', 'meanwhile', 'again', 'separately', 'previously', 'earlier', 'recently', 'once', 'here', 'there', 'so', 'yet', 'thus', 'even', 'indeed', 'only', 'never', 'always', 'often', 'just']);

export interface Ctx {
  article: AnalysedArticle;
  tokens: Token[];
  text: string;
  /** Sorted by start, disjoint. */
  quotes: readonly Quotation[];
  sources: readonly LexiconMatch[];
  /** Canonical person name → source type learned from title + name mentions. */
  nameTypes: Map<string, SourceType>;
  /** Per token: 1 when a sources-lexicon match covers it. */
  covered: Uint8Array;
  /** Per token: the longest sources-lexicon match covering it. */
  coveredBy: (LexiconMatch | undefined)[];
  /** Reporting cues outside quotations, in text order. */
  cues: LexiconMatch[];
}

export interface Range {
  /** Token range `[a, b)`. */
  a: number;
  b: number;
}

export interface FullName {
  name: string;
  last: string;
  start: number;
}

/** The article's full names in text order, and for each last word the positions (into `list`) of the names ending with it. */
export interface Names {
  list: FullName[];
  byLast: Map<string, number[]>;
}

/** A reporting cue in its sentence: what the pattern functions of one cue share. Token indices `[sStart, sEnd)`. */
export interface CueSite {
  m: LexiconMatch;
  cue: TextSpan & { neutral: boolean; lemma: string };
  sStart: number;
  sEnd: number;
  /** Where the reported content ends (before the sentence's closing punctuation). */
  sentenceEnd: number;
  names: Names;
  previous: AttributionDraft[];
}

export const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

export function tokSpan(ctx: Ctx, r: Range): TextSpan {
  return span(ctx.text, ctx.tokens[r.a]!.start, ctx.tokens[r.b - 1]!.end);
}

export function isPunct(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'punctuation';
}

export function isQuoteMark(t: Token | undefined): boolean {
  return t !== undefined && /^["“”‘’«»„‹›']$/.test(t.text);
}

/** First index in `[0, n)` where `after(i)` holds (`after` is false then true along the index), by binary search. */
export function lowerBound(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Token index of the first token starting at or after `offset`. */
export const tokenAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset);
