/**
 * Attribution extraction: who is cited, with which reporting verb, saying what.
 *
 * Works on the article's existing tokens and sentences (never re-tokenises). Cues come from the
 * `reporting-verbs` lexicon, source types from the `sources` lexicon, quotations from
 * `findQuotations`. Patterns (each documented at its function):
 * - `X said (that) …`, `X told reporters …`, `X, adding that …`, `with X stating that …`;
 * - `“…,” he said`, `“…”, reassured Mr. Lavrov`, `“…”, TASS cited Lavrov as saying`, `X said: “…”`
 *   (also when the quotation follows in the next paragraphs);
 * - `according to (data/information/a report from|by) X`, passive `… by X` (`announced by X`,
 *   `the remarks were made by X`, `has been voiced by X`);
 * - agentless cues without a source (`reportedly`, `is said to`).
 * Pronouns and short names are resolved to the last full name (`he` → `Sergei Lavrov`).
 *
 * All offsets are 0-based UTF-16 indices into the file text, end exclusive.
 */
import { firstStartingAt } from '../core/spans.js';
import type { AnalysedArticle, AttributionFinding, SourceType, TextSpan, Token } from '../core/types.js';
import type { LexiconMatch, Lexicons } from '../lexicons/index.js';
import { findingsOf } from './by-article.js';
import { firstQuotationEndingAfter, firstQuotationStartingAt, quotationsOf, type Quotation } from './quotes.js';

export type AttributionDraft = Omit<AttributionFinding, 'id' | 'article'>;

/** Most specific first: a named outlet or body beats a title, which beats anonymous and vague. */
const TYPE_PRIORITY: readonly SourceType[] = ['state-media', 'media', 'data-ngo', 'official', 'expert', 'self', 'anonymous', 'vague'];
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);
/** Possessive determiners and the personal pronoun each stands for as a source ("his statement" → he). */
const POSSESSIVE_PRONOUNS = new Map([['his', 'he'], ['her', 'her'], ['their', 'they'], ['its', 'it'], ['my', 'i'], ['our', 'we'], ['your', 'you']]);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'madam', 'mme', 'mme.', 'miss']);
/** Words that may join the parts of a noun phrase (`head of the mission`, `Location & Event`). */
const NP_JOINERS = new Set(['of', '&', '/', "'s", '’s', "'", '’', '-', 'for', 'at', 'on', 'in']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);
const SKIP_BEFORE_CUE_POS = new Set(['ADV', 'AUX', 'PART']);
const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'CCONJ', 'PART']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** Nouns that name a document or dataset rather than its author (`a report by X`). */
const INTERMEDIATE = new Set(['by', 'from']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'last', 'this', 'next', 'on', 'earlier', 'later']);
/** Adjectives that raise the subject of "be" to a following reporting verb ("more likely to say"). */
const RAISING_ADJECTIVES = new Set(['likely', 'unlikely', 'quick', 'eager', 'willing', 'unwilling', 'ready', 'reluctant', 'careful', 'keen', 'happy', 'able', 'unable', 'first', 'last', 'prepared', 'hesitant']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'which', 'what', 'there']);

interface Ctx {
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

interface Range {
  /** Token range `[a, b)`. */
  a: number;
  b: number;
}

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

function tokSpan(ctx: Ctx, r: Range): TextSpan {
  return span(ctx.text, ctx.tokens[r.a]!.start, ctx.tokens[r.b - 1]!.end);
}

function isPunct(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'punctuation';
}

function isQuoteMark(t: Token | undefined): boolean {
  return t !== undefined && /^["“”‘’«»„‹›']$/.test(t.text);
}

/** First index in `[0, n)` where `after(i)` holds (`after` is false then true along the index), by binary search. */
function lowerBound(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The quotation that strictly contains `[start, end)` (opens before it). Quotations are sorted and
 * disjoint, so only the last one opening before `start` can (binary search).
 */
function insideQuote(ctx: Ctx, start: number, end: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, start) - 1];
  return q && q.start < start && end <= q.end ? q : undefined;
}

/** A token that can be part of a source noun phrase (sources-lexicon words count whatever their tag: "police" tagged VERB). */
function isNpToken(t: Token, ctx?: Ctx): boolean {
  if (NP_POS.has(t.pos) || (ctx !== undefined && ctx.covered[t.index] === 1)) return true;
  if (t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return false;
  // A capitalised function word opening the sentence is not a name ("When he returned he began by saying", "Then he …");
  // elsewhere it can be ("…,” From said").
  if ((FUNCTION_POS.has(t.pos) || WHEN.has(t.normal) || OPENING_ADVERBS.has(t.normal)) && (ctx === undefined || ctx.article.sentences[t.sentence]!.tokenStart === t.index)) return false;
  // A capitalised verb is a name after an honorific ("Mr. Hedge said", tagged VERB), and a capitalised
  // -ing word before a proper noun is part of a name ("Working America").
  if (t.pos !== 'VERB') return true;
  if (ctx === undefined) return false;
  const next = ctx.tokens[t.index + 1];
  return HONORIFICS.has(ctx.tokens[t.index - 1]?.normal ?? '') || (/ing$/.test(t.normal) && next !== undefined && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text));
}

/** The noun phrase ending just before token `end` (exclusive) in sentence `s`, walking left. */
function npLeft(ctx: Ctx, end: number, sentenceStart: number): Range | null {
  const { tokens } = ctx;
  let i = end - 1;
  let a = end;
  while (i >= sentenceStart) {
    const t = tokens[i]!;
    if (isNpToken(t, ctx) || (t.type === 'punctuation' && (t.text === '.' || t.text === '&') && a < end && /\p{Lu}/u.test(tokens[i - 1]?.text ?? ''))) {
      a = i;
      // A determiner opens the phrase, unless a preposition joins it to a head before ("speakers at the service").
      const joined = t.pos === 'DET' && i - 2 >= sentenceStart && ['of', 'at', 'in', 'for', 'on'].includes(tokens[i - 1]!.normal) && ['NOUN', 'PROPN'].includes(tokens[i - 2]!.pos);
      if (joined) {
        i -= 2;
        continue;
      }
      if (t.pos === 'DET' || (t.pos === 'PRON' && i < end - 1)) break;
      if (t.pos === 'PRON') break;
      i--;
      continue;
    }
    if (NP_JOINERS.has(t.normal) && a < end && i > sentenceStart && isNpToken(tokens[i - 1]!)) {
      a = i;
      i--;
      continue;
    }
    break;
  }
  if (a >= end) return null;
  // A phrase must hold a noun, proper noun or pronoun.
  // ("Nearly nine out of 10 say": a count of people is a subject too)
  for (let k = a; k < end; k++) if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[k]!.pos) || /^\p{Lu}/u.test(tokens[k]!.text)) return { a, b: end };
  return null;
}

/** The noun phrase starting at token `start` in the sentence ending at `sentenceEnd`, walking right. */
function npRight(ctx: Ctx, start: number, sentenceEnd: number): Range | null {
  const { tokens } = ctx;
  let i = start;
  let b = start;
  let depth = 0;
  while (i < sentenceEnd) {
    const t = tokens[i]!;
    if (t.text === '(' && b > start) {
      depth++;
      i++;
      continue;
    }
    if (t.text === ')' && depth > 0) {
      depth--;
      b = ++i;
      continue;
    }
    const properRun = b > start && i === b && /^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(tokens[i - 1]!.text); // "Human Rights Watch"
    if (depth > 0 || properRun || (isNpToken(t, ctx) && !(t.pos === 'DET' && b > start && t.normal !== 'the' && t.normal !== 'a'))) {
      if (t.pos === 'PRON' && b > start) break;
      b = ++i;
      continue;
    }
    if (NP_JOINERS.has(t.normal) && b > start && i + 1 < sentenceEnd && isNpToken(tokens[i + 1]!)) {
      i++;
      continue;
    }
    break;
  }
  if (b <= start) return null;
  for (let k = start; k < b; k++) if (['NOUN', 'PROPN', 'PRON'].includes(tokens[k]!.pos) || /^\p{Lu}/u.test(tokens[k]!.text)) return { a: start, b };
  return null;
}

/**
 * The source after "according to": its noun phrase, or, when the tagger broke the phrase with a
 * verb or adverb tag ("to state law", "a new Associated Press poll", "exit polling data"), every
 * token up to the next comma, dash or the sentence end, if a noun is among them.
 */
function accordingSource(ctx: Ctx, start: number, sEnd: number): Range | null {
  const { tokens } = ctx;
  const np = npRight(ctx, start, sEnd);
  let end = start;
  while (end < sEnd && !/^[,;:—–()"“”]$/.test(tokens[end]!.text) && !(end === sEnd - 1 && tokens[end]!.text === '.')) end++;
  const broken = !np || (np.b < end && ['VERB', 'ADV'].includes(tokens[np.b]!.pos));
  if (!broken || end - start > 15 || end <= start) return np;
  for (let k = start; k < end; k++) if (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN') return { a: start, b: end };
  return np;
}

/** Nouns of documents that carry their authors' findings (`in a CNN poll`, `in the report`). */
const DOCUMENT_NOUNS = new Set(['poll', 'survey', 'study', 'report', 'analysis']);

/** A single-word preposition cue (`in` a poll): it counts only before a document (see `documentAfter`). */
const isPrepositionCue = (tokens: readonly Token[], m: LexiconMatch): boolean => m.tokenEnd - m.tokenStart === 1 && tokens[m.tokenStart]!.pos === 'ADP';

/**
 * The document a sentence-opening preposition cue introduces ("In an NBC News poll released
 * Monday, …", "In the report, …"): the noun phrase after the cue up to its document noun, when a
 * comma closes the opening phrase; else null ("a lead in the polls" is not an attribution).
 */
function documentAfter(ctx: Ctx, m: LexiconMatch, sentence: { tokenStart: number; tokenEnd: number }): Range | null {
  const { tokens } = ctx;
  if (tokens.slice(sentence.tokenStart, m.tokenStart).some((t) => t.pos !== 'CCONJ' && t.pos !== 'ADV')) return null;
  const np = npRight(ctx, m.tokenEnd, sentence.tokenEnd);
  if (!np) return null;
  const comma = findComma(ctx, np.b, Math.min(sentence.tokenEnd, np.b + 8));
  if (comma >= sentence.tokenEnd || tokens[comma]!.text !== ',') return null;
  for (let k = np.b - 1; k >= np.a; k--) if (DOCUMENT_NOUNS.has(tokens[k]!.lemma) && tokens[k]!.pos === 'NOUN') return { a: np.a, b: k + 1 };
  return null;
}

/** Skips a document noun phrase (`a report by`, `information from`) to the author after it. */
function skipIntermediate(ctx: Ctx, np: Range, sentenceEnd: number): Range {
  const next = ctx.tokens[np.b];
  if (next && INTERMEDIATE.has(next.normal)) {
    const author = npRight(ctx, np.b + 1, sentenceEnd);
    if (author) return author;
  }
  return np;
}

/** Token index of the first token starting at or after `offset`. */
const tokenAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset);

/** The source type from the sources lexicon matches inside `r`, or null. */
function lexiconType(ctx: Ctx, r: Range): { type: SourceType; match: LexiconMatch } | null {
  let best: { type: SourceType; match: LexiconMatch } | null = null;
  for (let k = r.a; k < r.b; k++) {
    const m = ctx.coveredBy[k];
    if (!m || m.tokenStart < r.a || m.tokenEnd > r.b) continue;
    const type = (m.entry.sourceType ?? 'unknown') as SourceType;
    if (!best || TYPE_PRIORITY.indexOf(type) < TYPE_PRIORITY.indexOf(best.type)) {
      best = { type, match: m };
    }
  }
  return best;
}

/** Proper-name tokens of the phrase after its last title / lexicon word (`Foreign Minister Sergei Lavrov` → `Sergei Lavrov`). */
function personName(ctx: Ctx, r: Range): string | null {
  const { tokens } = ctx;
  let from = r.a;
  // Sources are sorted by start: only those starting in [r.a, r.b) can lie inside r.
  const { sources } = ctx;
  for (let i = lowerBound(sources.length, (x) => sources[x]!.tokenStart >= r.a); i < sources.length && sources[i]!.tokenStart < r.b; i++) {
    const m = sources[i]!;
    if (m.tokenEnd <= r.b && m.tokenEnd > from) from = m.tokenEnd;
  }
  const words: string[] = [];
  for (let k = from; k < r.b; k++) {
    const t = tokens[k]!;
    if (t.text === ',' && words.length === 0) continue;
    if (HONORIFICS.has(t.normal) || t.text === '.') continue;
    // The first part of a hyphenated compound is not a name ("Caucus-goers").
    const compound = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end;
    if (compound) break;
    if ((t.pos === 'PROPN' || (t.pos === 'VERB' && HONORIFICS.has(tokens[k - 1]?.normal ?? ''))) && /^\p{Lu}/u.test(t.text)) words.push(t.text);
    else if (words.length > 0 && t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text)) words.length = 0; // a title after a capitalised word: "Fire chief Lena Berg"
    else if (words.length > 0) break;
  }
  return words.length > 0 ? words.join(' ') : null;
}

interface FullName {
  name: string;
  last: string;
  start: number;
}

/** The article's full names in text order, and for each last word the positions (into `list`) of the names ending with it. */
interface Names {
  list: FullName[];
  byLast: Map<string, number[]>;
}

/** The last full name starting before `offset`, or undefined (binary search: names are in text order). */
function lastNameBefore(names: Names, offset: number): FullName | undefined {
  return names.list[lowerBound(names.list.length, (i) => names.list[i]!.start >= offset) - 1];
}

/** The last full name ending with the word `last` that starts before `offset`, or undefined. */
function lastNameEndingWith(names: Names, last: string, offset: number): FullName | undefined {
  const at = names.byLast.get(last);
  if (!at) return undefined;
  const i = at[lowerBound(at.length, (k) => names.list[at[k]!]!.start >= offset) - 1];
  return i === undefined ? undefined : names.list[i];
}

/** Full names (two or more proper nouns, titles and honorifics removed) in text order. */
function fullNames(ctx: Ctx): Names {
  const out: FullName[] = [];
  const { tokens } = ctx;
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // the name is the tail of the run after the last title word (`Foreign Minister Sergei Lavrov`)
    let from = 0;
    run.forEach((t, i) => {
      if (ctx.covered[t.index] || HONORIFICS.has(t.normal)) from = i + 1;
    });
    const name = run.slice(from);
    if (name.length >= 2) out.push({ name: name.map((t) => t.text).join(' '), last: name[name.length - 1]!.text, start: name[0]!.start });
    run = [];
  };
  for (const t of tokens) {
    const proper = (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) || (HONORIFICS.has(t.normal) && /^\p{Lu}/u.test(t.text));
    const prev = run[run.length - 1];
    if (proper && prev && (prev.index !== t.index - 1 || prev.sentence !== t.sentence)) flush();
    if (proper) run.push(t);
    else flush();
  }
  flush();
  const byLast = new Map<string, number[]>();
  out.forEach((n, i) => {
    const at = byLast.get(n.last);
    if (at) at.push(i);
    else byLast.set(n.last, [i]);
  });
  return { list: out, byLast };
}

interface Resolved {
  type: SourceType;
  name?: string;
  resolved?: string;
}

/** Source type and canonical name of the source phrase `r`. */
function describeSource(ctx: Ctx, r: Range, names: ReturnType<typeof fullNames>, previous: AttributionDraft[]): Resolved {
  const { tokens } = ctx;
  const first = tokens[r.a]!;
  const pronoun = POSSESSIVE_PRONOUNS.get(first.normal) ?? first.normal;
  if (r.b - r.a === 1 && PRONOUNS.has(pronoun)) {
    if (pronoun === 'i' || pronoun === 'we') return { type: 'self' };
    if (pronoun === 'he' || pronoun === 'she' || pronoun === 'him' || pronoun === 'her') {
      for (let k = previous.length - 1; k >= 0; k--) {
        const p = previous[k]!;
        if (p.sourceName && p.source && p.start < first.start && p.sourceType !== 'state-media' && p.sourceType !== 'media' && p.sourceType !== 'data-ngo') {
          return { type: p.sourceType, name: p.sourceName, resolved: p.sourceName };
        }
      }
      const last = lastNameBefore(names, first.start);
      if (last) return { type: ctx.nameTypes.get(last.name) ?? 'unknown', name: last.name, resolved: last.name };
    }
    return { type: 'unknown' };
  }
  const lex = lexiconType(ctx, r);
  let name = personName(ctx, r);
  let resolved: string | undefined;
  if (name && !name.includes(' ')) {
    const full = lastNameEndingWith(names, name, first.start);
    if (full) {
      resolved = full.name;
      name = full.name;
    }
  }
  let type: SourceType = lex?.type ?? 'unknown';
  // The head noun decides for unnamed sources: "police sources", "government officials" are anonymous.
  const head = ctx.coveredBy[r.b - 1];
  if (!name && head && head.entry.sourceType === 'anonymous') type = 'anonymous';
  const plural = lex ? tokens[lex.match.tokenEnd - 1]!.normal !== tokens[lex.match.tokenEnd - 1]!.lemma : false;
  if (lex && name && (type === 'anonymous' || type === 'vague')) type = 'official';
  if (type === 'expert' && !name && plural) type = 'vague';
  if (type === 'unknown' && name) type = ctx.nameTypes.get(name) ?? 'unknown';
  const phrase = lex?.match.entry.phrases[0] ?? '';
  const canonical = lex?.match.entry.name ?? (lex && /^\p{Lu}/u.test(phrase) && !name ? phrase : undefined) ?? name ?? undefined;
  const out: Resolved = { type };
  if (canonical) out.name = canonical;
  if (resolved) out.resolved = resolved;
  return out;
}

/** Learns `name → type` from title + name mentions anywhere (`Foreign Minister Sergei Lavrov`, `Diop, Mali's foreign minister`). */
function learnNameTypes(ctx: Ctx, names: ReturnType<typeof fullNames>): void {
  const { tokens } = ctx;
  const typeAt = (i: number): SourceType | undefined => {
    const m = ctx.coveredBy[i];
    const t = m?.entry.sourceType as SourceType | undefined;
    return t === 'official' || t === 'expert' ? t : undefined;
  };
  for (const n of names.list) {
    const k = tokenAt(tokens, n.start);
    let type = typeAt(k - 1) ?? (HONORIFICS.has(tokens[k - 1]?.normal ?? '') ? typeAt(k - 2) : undefined);
    if (!type && tokens[k + n.name.split(' ').length]?.text === ',') {
      for (let j = k + n.name.split(' ').length + 1; j < Math.min(tokens.length, k + 10) && !type; j++) type = typeAt(j);
    }
    if (type && !ctx.nameTypes.has(n.name)) ctx.nameTypes.set(n.name, type);
  }
}

/** Trims punctuation and spaces from both ends of `[start, end)`; null when nothing is left. */
function clause(ctx: Ctx, start: number, end: number): TextSpan | null {
  const t = ctx.text;
  while (start < end && /[\s,;:.—–-]/.test(t[start]!)) start++;
  while (end > start && /[\s,;:.—–-]/.test(t[end - 1]!)) end--;
  if (end - start < 3 || /^(the|a|an|this|that|these|those|it)$/i.test(t.slice(start, end))) return null;
  return span(t, start, end);
}

/** The quotation just before `offset` (only commas, spaces and quote marks between). */
function quoteBefore(ctx: Ctx, offset: number, notBefore: number): Quotation | undefined {
  // The last quotation ending at or before offset (sorted and disjoint: binary search).
  const q = ctx.quotes[firstQuotationEndingAfter(ctx.quotes, offset) - 1];
  if (!q || q.end < notBefore) return undefined;
  return /^[\s,;:—–-]*$/.test(ctx.text.slice(q.end, offset)) ? q : undefined;
}

/** The quotation just after `offset` (`said: “…”`, `said that “…”`, `told reporters: “…”`). */
function quoteAfter(ctx: Ctx, offset: number, limit: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q || q.start > limit) return undefined;
  const between = ctx.text.slice(offset, q.start);
  return /^[\s,:]*(that\s*)?$/i.test(between) || (/:\s*$/.test(between) && between.length < 80 && !/[.!?]/.test(between)) ? q : undefined;
}

function draft(
  ctx: Ctx,
  cue: TextSpan & { neutral: boolean; lemma: string },
  entry: LexiconMatch['entry'],
  source: Range | null,
  who: Resolved | null,
  content: TextSpan | null,
  direct: boolean,
): AttributionDraft {
  const src = source ? { ...tokSpan(ctx, source), ...(who?.resolved ? { resolved: who.resolved } : {}) } : null;
  const parts = [cue, ...(src ? [src] : []), ...(content ? [content] : [])];
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  const type = who?.type ?? 'unknown';
  const whoText = src ? `${who?.name ?? src.text} (${type})` : 'an unnamed source';
  const verb = cue.neutral
    ? `with the neutral cue "${cue.text}"`
    : `with "${cue.text}", a non-neutral reporting verb: ${entry.note}`;
  const d: AttributionDraft = {
    kind: 'attribution',
    start,
    end,
    text: ctx.text.slice(start, end),
    explanation: `${direct ? 'Quotes' : 'Cites'} ${whoText} ${verb}`,
    rule: `lexicon:${entry.lexicon}/${entry.id}`,
    source: src,
    cue,
    content,
    direct,
    sourceType: type,
  };
  if (who?.name) d.sourceName = who.name;
  return d;
}

/**
 * Attributions in the article, sorted by start. One per reporting cue outside quotations
 * (plus the channel of `X cited Y as saying`).
 */
export function findAttributions(article: AnalysedArticle, lexicons: Lexicons): AttributionDraft[] {
  const { tokens, text, sentences } = article;
  const ctx: Ctx = {
    article,
    tokens,
    text,
    quotes: quotationsOf(article),
    sources: lexicons.match(article, 'sources'),
    nameTypes: new Map(),
    covered: new Uint8Array(tokens.length),
    coveredBy: new Array<LexiconMatch | undefined>(tokens.length),
    cues: [],
  };
  for (const m of ctx.sources) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) {
      ctx.covered[k] = 1;
      const had = ctx.coveredBy[k];
      if (!had || had.tokenEnd - had.tokenStart < m.tokenEnd - m.tokenStart) ctx.coveredBy[k] = m;
    }
  }
  const names = fullNames(ctx);
  learnNameTypes(ctx, names);
  const cues = ctx.cues;
  for (const m of lexicons.match(article, 'reporting-verbs')) {
    const last = cues[cues.length - 1];
    if (last && m.tokenStart < last.tokenEnd) continue;
    if (insideQuote(ctx, m.start, m.end)) continue;
    // A cue word inside a hyphenated compound ("long-sought", "much-discussed") is an adjective.
    const before = tokens[m.tokenStart - 1];
    if (before && /^[-‐]$/.test(before.text) && before.end === m.start) continue;
    // A verb cue after an article is a noun or adjective the tagger misread ("the added security", "the pledged delegates").
    if (before && ARTICLES.has(before.normal) && tokens[m.tokenStart]!.pos === 'VERB') continue;
    if (isPrepositionCue(tokens, m) && !documentAfter(ctx, m, sentences[tokens[m.tokenStart]!.sentence]!)) continue;
    cues.push(m);
  }
  const out: AttributionDraft[] = [];
  for (const m of cues) {
    const s = sentences[tokens[m.tokenStart]!.sentence]!;
    const cueSpan = { ...span(text, m.start, m.end), neutral: m.entry.neutral !== false, lemma: tokens[m.tokenStart]!.lemma };
    const made = analyseCue(ctx, m, cueSpan, s.tokenStart, s.tokenEnd, names, out);
    // Entries marked `quoted` ("continue") report speech only next to a quotation; those marked
    // `speech: false` (a stance, thought or evidence: "want", "believe", "show") inside what an
    // earlier cue reports ("she said she wanted …") are part of that content, not a new attribution.
    const inside = (d: AttributionDraft) => out.some((e) => !e.direct && e.content !== null && e.content.start <= d.cue.start && d.cue.end <= e.content.end);
    for (const d of made) if ((d.direct || !m.entry.quoted) && (m.entry.speech !== false || !inside(d))) out.push(d);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** A reporting cue in its sentence: what the pattern functions of one cue share. Token indices `[sStart, sEnd)`. */
interface CueSite {
  m: LexiconMatch;
  cue: TextSpan & { neutral: boolean; lemma: string };
  sStart: number;
  sEnd: number;
  /** Where the reported content ends (before the sentence's closing punctuation). */
  sentenceEnd: number;
  names: ReturnType<typeof fullNames>;
  previous: AttributionDraft[];
}

function analyseCue(
  ctx: Ctx,
  m: LexiconMatch,
  cue: TextSpan & { neutral: boolean; lemma: string },
  sStart: number,
  sEnd: number,
  names: ReturnType<typeof fullNames>,
  previous: AttributionDraft[],
): AttributionDraft[] {
  const { tokens, text } = ctx;
  const first = tokens[m.tokenStart]!;
  const sentence = ctx.article.sentences[first.sentence]!;
  const lastTok = tokens[sEnd - 1]!;
  const sentenceEnd = isPunct(lastTok) && !isQuoteMark(lastTok) ? lastTok.start : sentence.end;

  const site: CueSite = { m, cue, sStart, sEnd, sentenceEnd, names, previous };
  if (first.text === ':') return colonHeadline(ctx, site);
  // A nominal cue, unless it is an -ing form the tagger misread after a comma or auxiliary ("…, warning that", "has been warning").
  const ingVerb = /ing$/.test(first.normal) && (isPunct(tokens[m.tokenStart - 1]) || ['AUX', 'CCONJ'].includes(tokens[m.tokenStart - 1]?.pos ?? ''));
  if (m.entry.pos?.includes('NOUN') === true && !ingVerb) return nominalCue(ctx, site);

  // Agentless adverb: "reportedly", "allegedly".
  if (first.pos === 'ADV' && m.tokenEnd - m.tokenStart === 1) {
    return [draft(ctx, cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
  }

  // "according to X" / "in a poll by X": the source follows; the content is the rest of the sentence.
  const isAccording = m.entry.phrases.some((p) => /^according to$/i.test(p)) && tokens[m.tokenEnd - 1]!.normal === 'to';
  if (isAccording || isPrepositionCue(tokens, m)) {
    const np = isAccording ? accordingSource(ctx, m.tokenEnd, sEnd) : documentAfter(ctx, m, { tokenStart: sStart, tokenEnd: sEnd });
    if (!np) return [];
    const src = skipIntermediate(ctx, np, sEnd);
    const who = describeSource(ctx, src, names, previous);
    const after = tokens[isAccording ? src.b : findComma(ctx, src.b, sEnd) + 1];
    const restStart = after ? after.start : sentenceEnd;
    const content = restStart < sentenceEnd && /\w/.test(text.slice(restStart, sentenceEnd)) ? clause(ctx, restStart, sentenceEnd) : clause(ctx, sentence.start, m.start);
    return [draft(ctx, cue, m.entry, src, who, content, false)];
  }

  // Passive or nominal: "announced by X", "the remarks were made by X", "has been voiced by X".
  let k = m.tokenEnd;
  // Adverbs and a time phrase may come between the cue and "by": "was endorsed the day before by X".
  while (k < sEnd && (tokens[k]!.pos === 'ADV' || TIME_WORDS.has(tokens[k]!.normal) || TIME_NOUNS.has(tokens[k]!.lemma) || (tokens[k]!.pos === 'DET' && TIME_NOUNS.has(tokens[k + 1]?.lemma ?? '')))) k++;
  // After a subject ("Mr. Trump said by telephone") the cue is active and "by" names a means.
  let s0 = m.tokenStart - 1;
  while (s0 >= sStart && tokens[s0]!.pos === 'ADV') s0--;
  const active = (first.lemma === 'say' || first.lemma === 'tell') && s0 >= sStart && (tokens[s0]!.pos === 'PROPN' || (tokens[s0]!.pos === 'PRON' && !DEMONSTRATIVES.has(tokens[s0]!.normal)));
  if (tokens[k]?.normal === 'by' && !active) {
    // A stance or offer "by X" ("assistance offered by X") is an action, not a statement.
    if (m.entry.speech === false) return [];
    const np = npRight(ctx, k + 1, sEnd);
    const who = np ? describeSource(ctx, np, names, previous) : null;
    // Only a recognisable source makes "… by X" an attribution ("an area threatened by armed groups" is not).
    if (np && who && (who.type !== 'unknown' || who.name !== undefined)) {
      let subjEnd = m.start;
      let j = m.tokenStart - 1;
      while (j >= sStart && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.text === ',')) subjEnd = tokens[j--]!.start;
      const content = clause(ctx, sentence.start, subjEnd);
      return [draft(ctx, cue, m.entry, np, who, content, false)];
    }
    return [];
  }

  // "X cited Y as saying": two attributions (the channel, and the speaker it quotes).
  let j = m.tokenStart - 1;
  const skipAuxiliaries = () => {
    while (j >= sStart && SKIP_BEFORE_CUE_POS.has(tokens[j]!.pos) && tokens[j]!.normal !== 'to' && !(WHEN.has(tokens[j]!.normal) && (j === sStart || isPunct(tokens[j - 1]) || tokens[j - 1]!.pos === 'CCONJ')) && !nameLike(ctx, j, sStart, m.tokenStart)) j--;
  };
  skipAuxiliaries();
  // "voters are more likely to say", "he was quick to note": the subject is the one of "be".
  const raised = tokens[j]?.normal === 'to' && RAISING_ADJECTIVES.has(tokens[j - 1]?.normal ?? '') && tokens[j - 1]!.pos === 'ADJ';
  if (raised) {
    j -= 2;
    skipAuxiliaries();
  }
  if (tokens[j]?.normal === 'as' && j > sStart) {
    // speaker between the previous cue and "as"
    const np = npLeft(ctx, j, sStart);
    if (np) {
      const who = describeSource(ctx, np, names, previous);
      // The quoted words are those the channel's cue took ("“…”, TASS cited Lavrov as saying").
      const channel = previous[previous.length - 1];
      const same = channel && channel.cue.end <= tokens[np.a]!.start && tokens[tokenAt(tokens, channel.cue.start)]?.sentence === first.sentence;
      const content = same ? channel.content : clause(ctx, m.end, sentenceEnd);
      return [draft(ctx, cue, m.entry, np, who, content, same ? channel.direct : false)];
    }
  }

  // Subject before the cue (with an optional apposition: "Mali's Foreign Minister, Abdoulaye Diop, hailed").
  let src: Range | null = null;
  /** The part of `src` that names and types it, when `src` runs on into a relative clause. */
  let srcHead: Range | null = null;
  j = skipTimeLeft(ctx, j, sStart);
  // A form of "be" before a participle cue is a passive ("is said to"); before an -ing form it is progressive ("is saying").
  const passive = !raised && !/ing$/.test(first.normal) && tokens.slice(Math.max(sStart, j + 1), m.tokenStart).some((t) => t.pos === 'AUX' && t.lemma === 'be');
  if (passive) {
    // Agentless passive: "is said to", "it is reported that", "she was asked whether", "he is accused of";
    // with a modal ("it should be noted") it is the writer's voice.
    const modal = tokens.slice(Math.max(sStart, j + 1), m.tokenStart).some((t) => t.pos === 'AUX' && t.lemma !== 'be' && t.lemma !== 'have');
    if (modal) return [];
    const next = tokens[m.tokenEnd]?.normal ?? '';
    // "is seen as", "is viewed as": an evaluation in the writer's voice whose holder is hidden
    // (the unsourced analysis flags it as an agentless passive), not an attribution.
    // A stance in the passive is attributed only with "to"/"that" ("is believed to"); "it remains to
    // be seen how …" is not.
    if (m.entry.speech === false && next !== 'to' && next !== 'that') return [];
    if (['to', 'that'].includes(next)) return [draft(ctx, cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
    if (AGENTLESS_NEXT.has(next) || isPunct(tokens[m.tokenEnd]) || m.tokenEnd >= sEnd) {
      return [draft(ctx, cue, m.entry, null, null, clause(ctx, tokens[m.tokenEnd]?.start ?? sentenceEnd, sentenceEnd) ?? clause(ctx, sentence.start, sentenceEnd), false)];
    }
    return [];
  }
  // "Asked about …, the senator said", "when asked whether …": an agentless question.
  if (first.lemma === 'ask' && first.normal === 'asked' && (j < sStart || WHEN.has(tokens[j]!.normal)) && AGENTLESS_NEXT.has(tokens[m.tokenEnd]?.normal ?? '')) {
    const stop = findComma(ctx, m.tokenEnd, sEnd);
    return [draft(ctx, cue, m.entry, null, null, clause(ctx, tokens[m.tokenEnd]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd), false)];
  }

  // No subject of its own: "X admitted …, but said …", "… before adding that …", "X went on to say …",
  // "by pointing out that …": the source is the subject of the clause (or of the sentence's previous attribution).
  const lead = tokens[j];
  const ing = /ing$/.test(first.normal);
  const subjectless =
    lead !== undefined &&
    j >= sStart &&
    (lead.pos === 'CCONJ' ||
      (ing && WHEN.has(lead.normal)) ||
      (lead.pos === 'VERB' && ing && !ctx.covered[j]));
  // A fronted adverbial clause: "After saying he was nervous, the man …", "Despite challenging X, Cruz said …":
  // the source is the subject of the main clause after the comma.
  const participle = ing || /ed$/.test(first.normal) || first.normal === 'told';
  if (participle && lead !== undefined && WHEN.has(lead.normal) && (j === sStart || tokens[j - 1]!.pos === 'CCONJ')) {
    const made = fromMainClause(ctx, site);
    if (made) return [made];
  }
  if (subjectless) {
    const made = fromClauseSubject(ctx, site);
    if (made) return [made];
  }
  if (j >= sStart && !isPunct(tokens[j])) {
    src = npLeft(ctx, j + 1, sStart);
    // Demonstratives are not sources ("This underscores …").
    if (src && src.b - src.a === 1 && DEMONSTRATIVES.has(tokens[src.a]!.normal)) return [];
    // A participle after an object is the subject's: "she released a statement saying …", "he was heard on
    // a microphone telling …".
    if (src && ing && src.a > sStart && (tokens[src.a - 1]!.pos === 'VERB' || (tokens[src.a - 1]!.pos === 'ADP' && tokens[src.a - 1]!.normal !== 'with')) && !ctx.covered[src.a - 1]) {
      const made = fromClauseSubject(ctx, site);
      if (made) return [made];
    }
    // The head of a relative clause is the subject: "officials who spoke with the paper said",
    // "groups that have endorsed him say".
    if (src) src = relativeHead(ctx, src, sStart) ?? src;
    // A name before an apposition with no closing comma: "Sen. Kristen Gillibrand (D-NY), a supporter of X told".
    if (src && tokens[src.a]!.pos === 'DET' && tokens[src.a - 1]?.text === ',') {
      let end = src.a - 1;
      if (tokens[end - 1]?.text === ')') {
        let open = end - 2;
        while (open > sStart && end - open < 8 && tokens[open]!.text !== '(') open--;
        if (tokens[open]?.text === '(') end = open;
      }
      const name = npLeft(ctx, end, sStart);
      if (name && (name.a === sStart || isPunct(tokens[name.a - 1])) && tokens.slice(name.a, name.b).some((t) => t.pos === 'PROPN')) {
        src = { a: name.a, b: src.b };
        srcHead = name;
      }
    }
    // A capitalised subject the tagger read as a verb ("Cook said").
    if (!src && nameLike(ctx, j, sStart, m.tokenStart) && (j === sStart || isPunct(tokens[j - 1]))) src = { a: j, b: j + 1 };
  } else if (tokens[j]?.text === ')' || /^[—–]$/.test(tokens[j]?.text ?? '')) {
    // A parenthesis or dashed aside between the name and the cue: "Sen. Jane Roe (D-Ore.) said",
    // "Many speakers — including two bishops — said".
    const close = tokens[j]!.text;
    const opener = close === ')' ? '(' : close;
    let open = j - 1;
    while (open > sStart && j - open < 15 && tokens[open]!.text !== opener && tokens[open]!.text !== close) open--;
    if (tokens[open]?.text === opener && open > sStart) src = npLeft(ctx, open, sStart);
  } else if (tokens[j]?.text === ',' && j - 1 >= sStart && !isQuoteMark(tokens[j - 1])) {
    const inner = npLeft(ctx, j, sStart);
    if (inner && tokens[inner.a - 1]?.text === ',') {
      const outer = npLeft(ctx, inner.a - 1, sStart);
      if (outer && (outer.a === sStart || isPunct(tokens[outer.a - 1]) || WHEN.has(tokens[outer.a - 1]!.normal))) src = { a: outer.a, b: inner.b };
    }
  }

  // Participle continuing the sentence's subject: "Lavrov said, adding that …", "…, telling Reuters that …".
  // Also after a dash or a quotation closed after its comma ("… “New York values,” saying …").
  const commaLike = tokens[j]?.text === ',' || /^[—–]$/.test(tokens[j]?.text ?? '') || (isQuoteMark(tokens[j]) && tokens[j - 1]?.text === ',');
  if (!src && commaLike && /ing$/.test(first.normal)) {
    const made = fromClauseSubject(ctx, site);
    return made ? [made] : [];
  }

  // A long apposition: "Chris Cox, who runs the NRA's lobbying arm, says" — the source runs from the clause start.
  // ("…, but it is under pressure, said the company's chief executive." is inverted: the phrase after "said" ends the sentence.)
  const endsSentence = (r: Range | null) => r !== null && (r.b >= sEnd || /^[.!?]$/.test(tokens[r.b]!.text) || (tokens[r.b]!.text === ',' && npRight(ctx, r.b + 1, sEnd)?.b === sEnd - 1));
  if (!src && tokens[j]?.text === ',' && !isQuoteMark(tokens[j - 1]) && !(first.lemma === 'say' && endsSentence(npRight(ctx, m.tokenEnd, sEnd)))) {
    let a = j - 1;
    while (a > sStart && !isQuoteMark(tokens[a - 1]) && tokens[a - 1]!.text !== ';' && j - a < 40) a--;
    // An opening conjunction or adverb is not part of the source ("Yet some voters who …, said"), nor is an
    // opening prepositional phrase ("In a study of voters, Working America, a labor group, found").
    while (a < j && (tokens[a]!.pos === 'CCONJ' || OPENING_ADVERBS.has(tokens[a]!.normal))) a++;
    if (a < j && (tokens[a]!.pos === 'ADP' || tokens[a]!.pos === 'SCONJ')) {
      const c = findComma(ctx, a, j);
      if (c < j) a = c + 1;
    }
    const head = npRight(ctx, a, j);
    const next = head && head.b < j ? tokens[head.b]! : undefined;
    // A participial aside ("Clinton, speaking to reporters on Tuesday, said") is not part of the source.
    if (next?.text === ',') src = /ing$/.test(tokens[head!.b + 1]?.normal ?? '') && tokens[head!.b + 1]!.pos === 'VERB' ? head : { a, b: j };
    // A head noun with a relative clause, participle or prepositional phrase running to the comma: "some voters who
    // have listened to …, said", "Exit polls from the primary, which X won, showed",
    // "veterans interviewed at rallies this week, including Mr. Jebens, said".
    // Its type and name come from the head alone ("voters who listened to the campaign" are not the campaign).
    else if (next && (next.normal === 'who' || next.pos === 'ADP' || (next.pos === 'VERB' && /(ed|ing)$/.test(next.normal) && !ctx.covered[next.index]))) {
      src = { a, b: j };
      srcHead = head;
    }
  }

  // Inverted: "“…”, reassured Mr. Lavrov." / "…, said the minister."
  let inverted = false;
  if (!src && (j < sStart || isPunct(tokens[j])) && first.lemma !== 'tell' && !/ing$/.test(first.normal)) {
    const np = npRight(ctx, m.tokenEnd, sEnd);
    // "…, said 20 percent" is a figure, but "…, said one Democrat familiar with the talks." is a source.
    const closed = np !== null && (np.b >= sEnd || isPunct(tokens[np.b]) || INVERTED_NEXT.has(tokens[np.b]!.normal));
    const timeWord = np && (TIME_WORDS.has(tokens[np.a]!.normal) || (tokens[np.a]!.pos === 'NUM' && !closed));
    // "…, said he would stay" is a clause with a subject, not an inverted source.
    const clauseSubject = np && np.b - np.a === 1 && tokens[np.a]!.pos === 'PRON' && np.b < sEnd && !isPunct(tokens[np.b]);
    if (np && closed && !timeWord && !clauseSubject && !(np.b - np.a === 1 && tokens[np.a]!.pos === 'DET')) {
      // A name in apposition closing the sentence belongs to a title: "…, said the company's chief executive, John Roe."
      const titled = !tokens.slice(np.a, np.b).some((t) => t.pos === 'PROPN');
      const apposition = titled && tokens[np.b]?.text === ',' ? npRight(ctx, np.b + 1, sEnd) : null;
      src = apposition && (apposition.b >= sEnd || /^[.!?]$/.test(tokens[apposition.b]!.text)) ? { a: np.a, b: apposition.b } : np;
      inverted = true;
    }
  }

  if (!src) return [];

  const who = describeSource(ctx, srcHead ?? src, names, previous);
  const srcStart = tokens[src.a]!.start;
  const leftEdge = Math.min(srcStart, m.start);
  const rightEdge = inverted ? tokens[src.b - 1]!.end : m.end;

  // Direct quotation before ("“…,” he said") or after ("he said: “…”").
  const before = quoteBefore(ctx, leftEdge, 0);
  // The quotation opens the sentence (or began before it); one inside a phrase is a title ("on CNN’s “New Day,” Sen. X told").
  const opensSentence = before !== undefined && (before.start <= sentence.start || !/\p{L}/u.test(text.slice(sentence.start, before.start)));
  if (before && opensSentence && before.end > sentence.start - 2 - 200) {
    return [draft(ctx, cue, m.entry, src, who, span(text, before.start, before.end), true)];
  }
  const after = lastTok.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, rightEdge + skipObject(ctx, m, rightEdge, sEnd), sentence.end + 3);
  if (after) return [draft(ctx, cue, m.entry, src, who, span(text, after.start, after.end), true)];

  // Indirect speech.
  let content: TextSpan | null;
  const tail = text.slice(rightEdge, sentenceEnd);
  // What precedes the source (or, inverted, the cue) up to its comma: "The plan failed, the minister said."
  const comma = inverted ? m.tokenStart - 1 : src.a - 1;
  if (tokens[comma]?.text === ',' && !/\w{3,}/.test(tail.replace(/\b(on|in|at|last|this|recently|earlier|later|today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|a|an|the|statement|interview|press|conference|briefing|week|month|year)\b/gi, ''))) {
    content = clause(ctx, sentence.start, tokens[comma]!.start);
  } else {
    content = clause(ctx, afterThat(ctx, tokenAt(tokens, rightEdge + skipObject(ctx, m, rightEdge, sEnd)), sEnd), sentenceEnd);
    const stop = coordinatedCue(ctx, m, sEnd);
    if (content && stop !== null && stop > content.start) content = clause(ctx, content.start, stop);
  }
  return [draft(ctx, cue, m.entry, src, who, content, false)];
}

/** Words of column and section labels that open a sentence with a colon ("The Latest:", "Editor's note:"). */
const HEADING_LABELS = new Set(['latest', 'note', 'question', 'answer', 'update', 'updated', 'name', 'watch', 'video', 'photo', 'photos', 'related', 'read', 'editor', 'email', 'transcript', 'excerpt', 'correction', 'disclosure', 'breaking', 'exclusive', 'opinion', 'analysis', 'editorial', 'live', 'warning', 'source', 'sources', 'credit', 'q', 'a']);

/**
 * Headline attribution `X: …` ("Mayor Ruiz: Bridge Reopens Monday", "Poll: Senator Leads"): the
 * sentence opens with a short name phrase (a proper noun, a sources-lexicon word or capitalised
 * words, no verb) and a colon, and at least three tokens follow. Section labels ("UPDATE:",
 * "Editor's note:") are not sources.
 */
function colonHeadline(ctx: Ctx, site: CueSite): AttributionDraft[] {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens, text } = ctx;
  const k = m.tokenStart;
  if (k - sStart < 1 || k - sStart > 6 || sEnd - m.tokenEnd < 3) return [];
  const np = npRight(ctx, sStart, k);
  if (!np || np.b !== k) return [];
  const words = tokens.slice(sStart, k);
  // A name: a proper noun, a sources-lexicon word, or capitalised words only ("Lynch:", "TAPPER:" in a transcript).
  const capitalised = words.every((t) => t.type !== 'word' || /^\p{Lu}/u.test(t.text) || NP_JOINERS.has(t.normal));
  if (!words.some((t) => ctx.covered[t.index] === 1 || t.pos === 'PROPN') && !capitalised) return [];
  // Column and section labels ("The Latest:", "Editor's note:", "Question:") are not sources.
  if (words.some((t) => HEADING_LABELS.has(t.normal)) || (words[0]!.pos === 'DET' && !ctx.covered[sStart + 1])) return [];
  const q = quoteAfter(ctx, m.end, m.end + 3);
  const whole = q && q.end >= sentenceEnd - 1;
  const content = whole ? span(text, q.start, q.end) : clause(ctx, tokens[m.tokenEnd]!.start, sentenceEnd);
  return [draft(ctx, cue, m.entry, np, describeSource(ctx, np, names, previous), content, whole === true)];
}

/** Prepositions that end a nominal cue phrase and introduce its holder ("criticism from Democrats", "concern among voters"). */
const NOMINAL_HOLDER_PREPS = new Set(['from', 'among', 'within']);
/** Verbs whose object noun carries the reporting and whose subject holds it ("expressed concern that", "made the suggestion that"). */
const LIGHT_VERBS = new Set(['express', 'voice', 'raise', 'make', 'share', 'repeat', 'reiterate', 'issue', 'offer', 'leave', 'air']);
/** Parts of speech that open a clause after "that" (its subject); a verb or auxiliary there makes "that" a relative pronoun. */
const CLAUSE_OPENERS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'SCONJ']);

/** Verbs that take a statement as their object ("a claim that his office disputes", "the statements that she made"). */
const STATEMENT_OBJECT_VERBS = new Set(['make', 'dispute', 'deny', 'reject', 'corroborate', 'repeat', 'echo', 'hear', 'receive', 'raise', 'voice', 'express', 'use', 'disavow', 'support', 'share', 'issue', 'offer', 'cite', 'dismiss', 'refute', 'confirm', 'answer', 'address', 'ignore', 'accept', 'get', 'face', 'level', 'lodge', 'file', 'send', 'post', 'publish', 'retract', 'withdraw', 'investigate', 'verify']);

/**
 * True when the clause after "that" from token `k` is a relative clause whose verb lacks its object
 * ("a claim that Gowdy's office strongly disputes.", "the statements that she made to the FBI"):
 * its first verb takes a statement as object and punctuation or a preposition follows it.
 */
function objectGap(ctx: Ctx, k: number, sEnd: number): boolean {
  const { tokens } = ctx;
  for (let j = k; j < sEnd && j - k < 8; j++) {
    const t = tokens[j]!;
    if (t.pos === 'PUNCT') return false;
    if (t.pos !== 'VERB') continue;
    const next = tokens[j + 1];
    // An adverb counts when the clause ends after it ("would echo again and again").
    const adverbEnd = next?.pos === 'ADV' && (j + 2 >= sEnd || ['PUNCT', 'CCONJ'].includes(tokens[j + 2]!.pos));
    return STATEMENT_OBJECT_VERBS.has(t.lemma) && (next === undefined || j + 1 >= sEnd || ['PUNCT', 'ADP'].includes(next.pos) || adverbEnd);
  }
  return false;
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * Token index after a time adverbial that starts at token `k` ("earlier this year", "on
 * Wednesday", "in November", "last month"), when a "that" follows it; `k` otherwise.
 */
function skipTimeRight(ctx: Ctx, k: number, sEnd: number): number {
  const { tokens } = ctx;
  const isTime = (t: Token) => TIME_WORDS.has(t.normal) || TIME_NOUNS.has(t.lemma) || MONTHS.has(t.normal) || t.pos === 'NUM' || ['in', 'during', 'a', 'the'].includes(t.normal);
  let j = k;
  while (j < sEnd && j - k < 5 && isTime(tokens[j]!)) j++;
  return j > k && tokens[j]?.normal === 'that' ? j : k;
}

/**
 * The possessive holder before a nominal cue at token `k`, skipping the words that describe the
 * noun ("his earlier statements", "Trump's nagging concern", "Trump's recent evidence-free
 * assertion"): a possessive determiner, the name before a `'s` / `’` token, or a name token that
 * carries its own `'s` ("Trump’s" as one token); null when there is none.
 */
function possessiveHolder(ctx: Ctx, k: number, sStart: number): Range | null {
  const { tokens } = ctx;
  let i = k - 1;
  const describes = (t: Token) => t.pos === 'ADJ' || t.pos === 'ADV' || (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal)) || t.text === '-' || tokens[t.index + 1]?.text === '-';
  while (i >= sStart && k - i <= 6 && describes(tokens[i]!)) i--;
  const t = tokens[i];
  if (!t || i < sStart) return null;
  if (POSSESSIVE_PRONOUNS.has(t.normal) && (t.pos === 'PRON' || t.pos === 'DET')) return { a: i, b: i + 1 };
  const end = /^['’]s?$/.test(t.text) ? i : (t.pos === 'PROPN' || t.pos === 'NOUN') && /\p{L}['’]s$/u.test(t.text) ? i + 1 : -1;
  const np = end > sStart ? npLeft(ctx, end, sStart) : null;
  if (!np) return null;
  // The owner is the name itself, not what a preposition or an opening word joins to it ("a dig at
  // Trump's statement", "But Podliska's claim").
  let a = np.a;
  for (let x = np.a; x < end - 1; x++) if (['ADP', 'ADV', 'CCONJ', 'SCONJ', 'VERB'].includes(tokens[x]!.pos) && !ctx.covered[x]) a = x + 1;
  return { a, b: end };
}

/**
 * Nominal cue: a noun that reports speech, stance or evaluation by a source ("statement",
 * "criticism", "concern"; lexicon entries with `pos: [NOUN]`). News writing uses most such nouns
 * without reporting anything ("The statement was posted online", "his remarks on Monday"), so
 * the noun is an attribution only where its context names what was said or who said it:
 * - a complement clause "that …" whose first word can be a subject: "Trump's statement that
 *   women … should be punished", "his earlier statements that the contact never occurred",
 *   "concerns that …" (no source). A verb after "that" makes it a relative clause ("statements
 *   that were made"): no attribution; so does a clause whose verb lacks its object ("a claim that
 *   his office disputes", see `objectGap`);
 * - a cue phrase ending in from/among/within names the holder after it: "sparked criticism from
 *   Democrats", "The concern within the administration is that …" (the content after "is that");
 * - a cue phrase ending in another preposition takes what follows as its content when a
 *   possessive names the holder: "Trump's promise to build a wall".
 * The holder before the noun is a possessive: a name with `'s` ("Trump's") or a possessive
 * determiner ("his", "her", resolved like "he"/"she"); else the subject of a light verb whose
 * object the noun is ("Cruz made the suggestion that …"). Which nouns take which preposition is the
 * lexicon's choice (its phrases), not this function's. A noun after "in" is where a reporting
 * verb's words appeared ("said in a statement that", "stressing in his remarks that"): part of
 * that verb's attribution, not a new one.
 */
function nominalCue(ctx: Ctx, site: CueSite): AttributionDraft[] {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens } = ctx;
  let src = possessiveHolder(ctx, m.tokenStart, sStart);
  const possessive = src !== null;
  // The word before the noun phrase: "in" ("in a statement", "in his remarks", "in Trump's statement")
  // makes the noun the medium of another cue; a light verb ("expressed concern that", "made the
  // suggestion that") has the holder as its subject.
  let before = src ? src.a - 1 : m.tokenStart - 1;
  let inside = before;
  while (inside >= sStart && ['DET', 'ADJ', 'ADV', 'NUM', 'NOUN', 'PRON'].includes(tokens[inside]!.pos) && before - inside < 4) inside--;
  if (tokens[inside]?.normal === 'in' || tokens[before]?.normal === 'in') return []; // "in her opening remarks that"
  while (!src && before >= sStart && ['DET', 'ADJ', 'ADV', 'NUM'].includes(tokens[before]!.pos)) before--;
  if (!src && before >= sStart && tokens[before]!.pos === 'VERB' && LIGHT_VERBS.has(tokens[before]!.lemma)) {
    let j = before - 1;
    while (j >= sStart && SKIP_BEFORE_CUE_POS.has(tokens[j]!.pos)) j--;
    const subject = j >= sStart && !isPunct(tokens[j]) ? npLeft(ctx, j + 1, sStart) : null;
    if (subject && !(subject.b - subject.a === 1 && DEMONSTRATIVES.has(tokens[subject.a]!.normal))) src = relativeHead(ctx, subject, sStart) ?? subject;
  }
  const prep = m.tokenEnd - m.tokenStart > 1 ? tokens[m.tokenEnd - 1]!.normal : null;
  let k = m.tokenEnd;
  if (prep !== null && NOMINAL_HOLDER_PREPS.has(prep)) {
    if (possessive) return [];
    src = npRight(ctx, k, sEnd);
    if (!src) return [];
    k = src.b;
    // "The concern within the administration is that …".
    if (tokens[k]?.lemma === 'be' && tokens[k + 1]?.normal === 'that') k++;
  }
  // A time between the noun and its clause ("Trump's statement earlier this year that", "his claim
  // in November that"), and "is that" ("Their fear is that …", "Another complaint is that …").
  if (prep === null) k = skipTimeRight(ctx, k, sEnd);
  if (tokens[k]?.lemma === 'be' && tokens[k + 1]?.normal === 'that' && !NOMINAL_HOLDER_PREPS.has(prep ?? '')) k++;
  let content: TextSpan | null = null;
  if (prep !== null && !NOMINAL_HOLDER_PREPS.has(prep)) {
    if (!possessive || k >= sEnd) return [];
    const stop = findComma(ctx, k, sEnd);
    content = clause(ctx, tokens[k]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd);
  } else if (tokens[k]?.normal === 'that' && k + 1 < sEnd && (CLAUSE_OPENERS.has(tokens[k + 1]!.pos) || isQuoteMark(tokens[k + 1])) && !objectGap(ctx, k + 1, sEnd)) {
    // The clause ends at a semicolon (a list of "his claim that …; his criticism of …").
    let stop = k + 1;
    while (stop < sEnd && tokens[stop]!.text !== ';') stop++;
    content = clause(ctx, tokens[k + 1]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd);
  }
  if (!content && !(src && k > m.tokenEnd)) return [];
  return [draft(ctx, cue, m.entry, src, src ? describeSource(ctx, src, names, previous) : null, content, false)];
}

/**
 * The noun phrase a relative clause ending at `src` hangs on ("officials who spoke with the
 * paper", "groups that have endorsed him"): the relative pronoun follows a noun, a verb lies
 * between it and `src`, and no punctuation or conjunction; null when there is none.
 */
function relativeHead(ctx: Ctx, src: Range, sStart: number): Range | null {
  const { tokens } = ctx;
  let verb = false;
  if (['who', 'that', 'which'].includes(tokens[src.a]!.normal)) return null;
  for (let r = src.a - 1; r > sStart && src.a - r < 15; r--) {
    const t = tokens[r]!;
    if (t.type === 'punctuation' || t.pos === 'CCONJ') return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    if ((t.normal === 'who' || t.normal === 'that' || t.normal === 'which') && verb && ['NOUN', 'PROPN'].includes(tokens[r - 1]!.pos)) return npLeft(ctx, r, sStart);
  }
  return null;
}

/** Nouns of time that may sit between a subject and its cue ("Trump at the time said", "The campaign last week said"). */
const TIME_NOUNS = new Set(['time', 'minute', 'hour', 'week', 'month', 'year', 'decade', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'day']);

/**
 * Token index left of a time adverbial that ends at token `j` and stands between a subject and its
 * cue ("Grassley (R-Iowa) on Wednesday downplayed", "Trump at the time said"); `j` when there is none.
 */
function skipTimeLeft(ctx: Ctx, j: number, sStart: number): number {
  const { tokens } = ctx;
  const isTime = (t: Token) => TIME_WORDS.has(t.normal) || TIME_NOUNS.has(t.lemma);
  if (j < sStart || !isTime(tokens[j]!)) return j;
  let k = j;
  while (k > sStart && (isTime(tokens[k]!) || tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM' || tokens[k]!.normal === 'at' || tokens[k]!.normal === 'in')) k--;
  // A time phrase after an apposition's comma is skipped too: "Paul Ryan, the Speaker, on Tuesday called".
  return k < j && tokens[k]!.type === 'word' && isNpToken(tokens[k]!, ctx) && !isTime(tokens[k]!) ? k : tokens[k]!.text === ')' || (k < j && tokens[k]!.text === ',') ? k : j;
}

/** Words that may follow the source of an inverted cue ("…, said the minister on Monday", "…, said Smith, who …"). */
const INVERTED_NEXT = new Set(['on', 'in', 'at', 'with', 'of', 'to', 'and', 'as', 'during', 'after', 'before', 'while', 'who', 'last', 'this', 'earlier', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Words after an agentless passive cue that open what was said or asked ("was asked whether", "is accused of"). */
const AGENTLESS_NEXT = new Set(['about', 'whether', 'if', 'what', 'which', 'why', 'how', 'when', 'who', 'whom', 'where', 'of', 'as', 'for', 'on', 'to', 'that']);
const WHEN = new Set(['when', 'while', 'after', 'before', 'if', 'once', 'as', 'since', 'without', 'by', 'despite', 'upon']);
/** Sentence-opening adverbs that are not names even when capitalised. */
const OPENING_ADVERBS = new Set(['also', 'still', 'now', 'then', 'later', 'however', 'instead', 'meanwhile', 'again', 'separately', 'previously', 'earlier', 'recently', 'once', 'here', 'there', 'so', 'yet', 'thus', 'even', 'indeed', 'only', 'never', 'always', 'often', 'just']);

/** True when token `k` is a capitalised word that reads as a name even if tagged as an adverb ("Jolly said"). */
function nameLike(ctx: Ctx, k: number, sStart: number, cueAt: number): boolean {
  const t = ctx.tokens[k]!;
  if (t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return false;
  if (k === sStart && (FUNCTION_POS.has(t.pos) || WHEN.has(t.normal))) return false;
  if (k > sStart || k + 1 === cueAt) return true; // nothing else could be the subject
  return !OPENING_ADVERBS.has(t.normal) && !/ly$/.test(t.normal);
}

/**
 * Offset where the content of cue `m` ends because the same subject goes on with another cue:
 * "admitted the plan was late, but said …" (the later cue follows "and"/"but"); null when none.
 */
function coordinatedCue(ctx: Ctx, m: LexiconMatch, sEnd: number): number | null {
  const { tokens } = ctx;
  const { cues } = ctx;
  // Cues are in text order: start at the first one after m.
  for (let i = lowerBound(cues.length, (x) => cues[x]!.tokenStart > m.tokenStart); i < cues.length; i++) {
    const c = cues[i]!;
    if (c.tokenStart >= sEnd) break;
    let k = c.tokenStart - 1;
    while (k > m.tokenEnd && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
    if (tokens[k]?.pos === 'CCONJ') return tokens[k - 1]?.text === ',' ? tokens[k - 1]!.start : tokens[k]!.start;
  }
  return null;
}

/** Index of the first comma in `[from, to)`, or `to`. */
function findComma(ctx: Ctx, from: number, to: number): number {
  for (let k = from; k < to; k++) if (ctx.tokens[k]!.text === ',') return k;
  return to;
}

/**
 * The subject of the clause that holds a cue with no subject of its own: the source of the
 * sentence's previous attribution, else the first noun phrase of the sentence after an opening
 * adverbial ("On Sunday, Pastor Brown … and, citing …, urged").
 */
function clauseSubject(ctx: Ctx, cueAt: number, sStart: number): Range | null {
  const { tokens } = ctx;
  let i = sStart;
  // Dateline: "WASHINGTON —", "CLEVELAND -", "Washington (AFP) –", "ORLANDO, Fla. (Reuters) -".
  for (let k = sStart; k < Math.min(cueAt, sStart + 12); k++) {
    const before = tokens.slice(sStart, k);
    const agency = before.some((t) => t.text === '(');
    if (/^[—–-]+$/.test(tokens[k]!.text) && before.every((t) => t.type !== 'word' || t.text === t.text.toUpperCase() || (agency && /^\p{Lu}|^\d/u.test(t.text)))) {
      i = k + 1;
      break;
    }
  }
  // An opening conjunction or adverb: "But the senator …", "Then he began dismissing …".
  while (i < cueAt && (tokens[i]!.pos === 'CCONJ' || OPENING_ADVERBS.has(tokens[i]!.normal))) i++;
  // Opening adverbial up to a comma: "On Sunday,", "Hours later,", "In an interview,", "Speaking on Monday,".
  const t = tokens[i];
  const c0 = findComma(ctx, i, Math.min(cueAt, i + 6));
  const opening = tokens.slice(i, c0);
  const shortOpening =
    c0 < Math.min(cueAt, i + 6) && !opening.some((x) => x.pos === 'VERB' || x.pos === 'AUX') && opening.some((x) => x.pos === 'ADV' || x.pos === 'ADP' || x.pos === 'NUM' || TIME_WORDS.has(x.normal));
  if (shortOpening) i = c0 + 1;
  else if (t && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'ADV' || t.pos === 'NUM' || TIME_WORDS.has(t.normal) || (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal)) || (t.pos === 'NOUN' && TIME_WORDS.has(tokens[i + 1]?.normal ?? '')))) {
    const c = findComma(ctx, i, cueAt);
    if (c < cueAt) i = c + 1;
    // The cue is inside the opening clause: its subject follows the conjunction ("When Trump launched … by talking").
    else if (WHEN.has(t.normal) || t.pos === 'SCONJ') i++;
  }
  let np = npRight(ctx, i, cueAt);
  // An opening time phrase without a comma: "A few minutes later they reversed themselves … and said".
  if (np && np.b < cueAt && TIME_NOUNS.has(tokens[np.b - 1]!.lemma) && ['later', 'earlier', 'ago'].includes(tokens[np.b]!.normal)) np = npRight(ctx, np.b + 1, cueAt);
  if (!np || np.b > cueAt || TIME_WORDS.has(tokens[np.a]!.normal) || tokens[np.a]!.pos === 'NUM') return null;
  if (np.b - np.a === 1 && DEMONSTRATIVES.has(tokens[np.a]!.normal)) return null;
  return np;
}

/** An attribution for a cue without its own subject, the source taken from its clause (see `clauseSubject`). */
function fromClauseSubject(ctx: Ctx, site: CueSite): AttributionDraft | null {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens, text } = ctx;
  const first = tokens[m.tokenStart]!;
  const sentence = ctx.article.sentences[first.sentence]!;
  const objectEnd = m.end + skipObject(ctx, m, m.end, sEnd);
  const q = tokens[sEnd - 1]!.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, objectEnd, sentence.end + 3);
  const content = q ? span(text, q.start, q.end) : clause(ctx, afterThat(ctx, tokenAt(tokens, objectEnd), sEnd), sentenceEnd);
  const prev = previous[previous.length - 1];
  if (prev && prev.source && prev.cue.start < m.start && tokens[tokenAt(tokens, prev.cue.start)]?.sentence === first.sentence) {
    const a = tokenAt(tokens, prev.source.start);
    const b = tokenAt(tokens, prev.source.end);
    const who: Resolved = { type: prev.sourceType, ...(prev.sourceName ? { name: prev.sourceName } : {}), ...(prev.source.resolved ? { resolved: prev.source.resolved } : {}) };
    return draft(ctx, cue, m.entry, { a, b }, who, content, q !== undefined);
  }
  const subject = clauseSubject(ctx, m.tokenStart, sStart);
  if (!subject) return null;
  return draft(ctx, cue, m.entry, subject, describeSource(ctx, subject, names, previous), content, q !== undefined);
}

/**
 * An attribution for a cue in a fronted adverbial clause ("After saying he was nervous, the man ended
 * up …"): the source is the subject of the main clause after the adverbial's comma, when a verb follows it.
 */
function fromMainClause(ctx: Ctx, site: CueSite): AttributionDraft | null {
  const { m, cue, sEnd, names, previous } = site;
  const { tokens } = ctx;
  // The first comma not followed by a relative clause ("After thanking the crowd, which chanted his name, he …").
  let comma = findComma(ctx, m.tokenEnd, sEnd);
  while (comma < sEnd - 1 && ['which', 'who', 'where', 'whose'].includes(tokens[comma + 1]!.normal)) comma = findComma(ctx, comma + 1, sEnd);
  if (comma >= sEnd - 1) return null;
  const np = npRight(ctx, comma + 1, sEnd);
  if (!np || np.b >= sEnd) return null;
  const after = tokens[np.b]!;
  if (after.pos !== 'VERB' && after.pos !== 'AUX' && after.pos !== 'ADV') return null;
  const content = clause(ctx, afterThat(ctx, m.tokenEnd + (tokens[m.tokenEnd]?.lemma === 'about' ? 1 : 0), sEnd), tokens[comma]!.start);
  return draft(ctx, cue, m.entry, np, describeSource(ctx, np, names, previous), content, false);
}

/** Offset just after "that" when the clause starts with it, else the start of token `k`. */
function afterThat(ctx: Ctx, k: number, sEnd: number): number {
  const t = ctx.tokens[k];
  if (!t) return ctx.text.length;
  // Adverbs and a time word before "that" belong to the cue: "stated recently that …", "said Tuesday that …".
  let j = k;
  while (j < sEnd - 1 && j < k + 3 && (ctx.tokens[j]!.pos === 'ADV' || TIME_WORDS.has(ctx.tokens[j]!.normal)) && ctx.tokens[j]!.normal !== 'that') j++;
  if (ctx.tokens[j]!.normal === 'that' && j + 1 < sEnd) return ctx.tokens[j + 1]!.start;
  return t.start;
}

/** Characters to skip after the cue: the addressee of "told" ("told reporters", "told a press conference"). */
function skipObject(ctx: Ctx, m: LexiconMatch, from: number, sEnd: number): number {
  const { tokens } = ctx;
  if (tokens[m.tokenStart]!.lemma !== 'tell') return 0;
  const k = tokenAt(tokens, from);
  const np = npRight(ctx, k, sEnd);
  return np ? tokens[np.b - 1]!.end - from : 0;
}

/**
 * The quotation introduced by a sentence ending in a colon ("X said:"): the next quotation, when
 * only headings lie between them (the quoted paragraphs may follow a sub-heading).
 */
function introducedQuote(ctx: Ctx, offset: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q) return undefined;
  // Sentences are in text order: those wholly between offset and the quotation start in that range.
  const { sentences } = ctx.article;
  for (let i = lowerBound(sentences.length, (x) => sentences[x]!.start >= offset); i < sentences.length && sentences[i]!.start <= q.start; i++) {
    const s = sentences[i]!;
    if (s.end <= q.start && !s.heading) return undefined;
  }
  return q;
}

const SOURCE_TYPES: readonly SourceType[] = ['official', 'state-media', 'media', 'data-ngo', 'expert', 'anonymous', 'vague', 'self', 'unknown'];

/** Per-article source scores; all reproducible from the report's findings (shares 0..1, 4 decimals). */
export interface SourceScores {
  /** Attribution findings of the article. */
  attributions: number;
  /** Count of attributions per `sourceType` (every type listed, zeros included). */
  sourceMix: Record<SourceType, number>;
  /** Attributions whose cue is not neutral / attributions (0 when there are none). */
  nonNeutralCueShare: number;
  /** Distinct `sourceName` values among the attributions. */
  namedSources: number;
  /** Unsourced findings / sentences that are not headings (0 when there are none). */
  unsourcedShare: number;
}

/** Source scores of `article` from `findings` (all articles' findings may be passed). */
export function sourceScores(
  article: { id: string; sentences: readonly { heading: boolean }[] },
  findings: readonly { kind: string; article: string }[],
): SourceScores {
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const mine = findingsOf(findings, article.id);
  const attributions = mine.filter((f): f is AttributionFinding => f.kind === 'attribution');
  const unsourced = mine.filter((f) => f.kind === 'unsourced').length;
  const sentences = article.sentences.filter((s) => !s.heading).length;
  const sourceMix = Object.fromEntries(SOURCE_TYPES.map((t) => [t, 0])) as Record<SourceType, number>;
  for (const a of attributions) sourceMix[a.sourceType]++;
  const nonNeutral = attributions.filter((a) => !a.cue.neutral).length;
  return {
    attributions: attributions.length,
    sourceMix,
    nonNeutralCueShare: attributions.length ? r4(nonNeutral / attributions.length) : 0,
    namedSources: new Set(attributions.map((a) => a.sourceName).filter((n) => n !== undefined)).size,
    unsourcedShare: sentences ? r4(unsourced / sentences) : 0,
  };
}
