/**
 * Noun-phrase and clause-boundary helpers for attribution extraction: where a source phrase begins
 * and ends (walking left or right over the tokens), the document after a preposition cue, time
 * adverbials and relative clauses around a subject, and the trimmed text of a clause. They find
 * boundaries only; what a phrase names and which type it has is `sources.ts`'s job.
 */
import type { TextSpan, Token } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import { type Ctx, type Range, span } from './context.js';

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);
const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'CCONJ', 'PART']);
/**
 * A token that can be part of a source noun phrase (sources-lexicon words count whatever their tag: "police" tagged VERB).
 * With `inContext` false the token is judged alone, as a neighbour of a joining word: its lexicon cover, its place in
 * the sentence and its neighbours do not count.
 */
function isNpToken(t: Token, ctx: Ctx, inContext = true): boolean {
  if (NP_POS.has(t.pos) || (inContext && ctx.covered[t.index] === 1)) return true;
  if (t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return false;
  // A capitalised function word opening the sentence is not a name ("When he returned he began by saying", "Then he …");
  // elsewhere it can be ("…,” From said").
  if (
    (FUNCTION_POS.has(t.pos) || ctx.w.subordinators.has(t.normal) || ctx.w.openingAdverbs.has(t.normal)) &&
    (!inContext || ctx.article.sentences[t.sentence]!.tokenStart === t.index)
  )
    return false;
  // A capitalised verb is a name after an honorific ("Mr. Hedge said", tagged VERB), and a capitalised
  // -ing word before a proper noun is part of a name ("Working America").
  if (t.pos !== 'VERB') return true;
  if (!inContext) return false;
  const next = ctx.tokens[t.index + 1];
  const prev = ctx.tokens[t.index - 1];
  // A surname the tagger read as a verb after a given name ("Loretta Lynch said"), outside title-case headings.
  const surname =
    prev !== undefined && prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.text) && prev.sentence === t.sentence && !ctx.article.sentences[t.sentence]!.heading;
  return (
    surname || ctx.w.honorifics.has(prev?.normal ?? '') || (/ing$/.test(t.normal) && next !== undefined && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text))
  );
}

/** The noun phrase ending just before token `end` (exclusive) in sentence `s`, walking left. */
export function npLeft(ctx: Ctx, end: number, sentenceStart: number): Range | null {
  const { tokens } = ctx;
  let i = end - 1;
  let a = end;
  // "advisers to Mr. Obama", "people close to the talks": the phrase goes on past "to" to the noun of the tie (index of that noun, or -1).
  const tie = (k: number): number => {
    if (tokens[k]?.normal !== 'to' || k - 1 < sentenceStart) return -1;
    const n = tokens[k - 1]!;
    const noun = (x: Token) => ctx.w.relationNouns.has(x.lemma) || ctx.w.relationNouns.has(x.normal.replace(/s$/, ''));
    if (n.normal === 'close') return k - 2 >= sentenceStart && noun(tokens[k - 2]!) && tokens[k - 2]!.normal !== 'close' ? k - 2 : -1;
    return noun(n) && ['NOUN', 'PRON', 'PROPN'].includes(n.pos) ? k - 1 : -1;
  };
  while (i >= sentenceStart) {
    const t = tokens[i]!;
    if (a < end && a === i + 1 && tie(i) >= 0) {
      i = tie(i);
      a = i;
      continue;
    }
    if (isNpToken(t, ctx) || (t.type === 'punctuation' && (t.text === '.' || t.text === '&') && a < end && /\p{Lu}/u.test(tokens[i - 1]?.text ?? ''))) {
      a = i;
      // A determiner opens the phrase, unless a preposition joins it to a head before ("speakers at the service").
      const joined =
        t.pos === 'DET' && i - 2 >= sentenceStart && ctx.w.headPrepositions.has(tokens[i - 1]!.normal) && ['NOUN', 'PROPN'].includes(tokens[i - 2]!.pos);
      if (joined) {
        i -= 2;
        continue;
      }
      if ((t.pos === 'DET' || (t.pos === 'PRON' && i < end - 1)) && tie(i - 1) >= 0) {
        i = tie(i - 1);
        a = i;
        continue;
      }
      if (t.pos === 'DET' || (t.pos === 'PRON' && i < end - 1)) break;
      if (t.pos === 'PRON') break;
      i--;
      continue;
    }
    if (ctx.w.npJoiners.has(t.normal) && a < end && i > sentenceStart && isNpToken(tokens[i - 1]!, ctx, false)) {
      a = i;
      i--;
      continue;
    }
    break;
  }
  if (a >= end) return null;
  // A time phrase before a name is no part of it: "the third time AROS said", "the day Trump said".
  for (let k = end - 2; k >= a; k--) {
    const x = tokens[k]!;
    const next = tokens[k + 1]!;
    if (ctx.w.timeNouns.has(x.lemma) && /^\p{Ll}/u.test(x.text) && /^\p{Lu}/u.test(next.text) && next.pos === 'PROPN') {
      a = k + 1;
      break;
    }
  }
  // A phrase must hold a noun, proper noun or pronoun.
  // ("Nearly nine out of 10 say": a count of people is a subject too)
  for (let k = a; k < end; k++) if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[k]!.pos) || /^\p{Lu}/u.test(tokens[k]!.text)) return { a, b: end };
  return null;
}

/** The noun phrase starting at token `start` in the sentence ending at `sentenceEnd`, walking right. */
export function npRight(ctx: Ctx, start: number, sentenceEnd: number): Range | null {
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
    // The period of a short abbreviation inside a name ("the Rev. Peter Wherry"; the sentence goes on after it).
    const prev = tokens[i - 1];
    if (
      t.text === '.' &&
      b > start &&
      i === b &&
      prev &&
      prev.end === t.start &&
      /^\p{Lu}\p{Ll}{0,3}$/u.test(prev.text) &&
      i + 1 < sentenceEnd &&
      /^\p{Lu}/u.test(tokens[i + 1]!.text)
    ) {
      b = ++i;
      continue;
    }
    const properRun = b > start && i === b && /^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(tokens[i - 1]!.text); // "Human Rights Watch"
    // A capitalised word the tagger read as a verb opening the phrase inside a sentence is a name ("said Josh Bivens",
    // "said Weld", "said Concord resident Whit Symms"); not in a title-case heading nor at the sentence's start.
    const sentence = ctx.article.sentences[t.sentence]!;
    const nameVerb = i === start && t.pos === 'VERB' && /^\p{Lu}\p{Ll}/u.test(t.text) && !sentence.heading && sentence.tokenStart !== i;
    // A participle between a determiner or number and the phrase's noun describes it ("one unaligned Florida Republican
    // strategist", "a retired teacher").
    const next = tokens[i + 1];
    const describing =
      b > start &&
      i === b &&
      t.pos === 'VERB' &&
      /ed$/.test(t.normal) &&
      ['DET', 'NUM'].includes(tokens[i - 1]!.pos) &&
      next !== undefined &&
      i + 1 < sentenceEnd &&
      ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
    if (depth > 0 || properRun || nameVerb || describing || (isNpToken(t, ctx) && !(t.pos === 'DET' && b > start && t.normal !== 'the' && t.normal !== 'a'))) {
      if (t.pos === 'PRON' && b > start) break;
      b = ++i;
      continue;
    }
    if (ctx.w.npJoiners.has(t.normal) && b > start && i + 1 < sentenceEnd && isNpToken(tokens[i + 1]!, ctx, false)) {
      i++;
      continue;
    }
    // A hyphenated compound written without spaces is one word of the phrase ("Florida-based strategist").
    const after = tokens[i + 1];
    if (
      /^[-‐]$/.test(t.text) &&
      b > start &&
      i === b &&
      t.start === tokens[i - 1]!.end &&
      after &&
      i + 1 < sentenceEnd &&
      after.type === 'word' &&
      after.start === t.end
    ) {
      b = i += 2;
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
export function accordingSource(ctx: Ctx, start: number, sEnd: number): Range | null {
  const { tokens } = ctx;
  const np = npRight(ctx, start, sEnd);
  let end = start;
  while (end < sEnd && !/^[,;:—–()"“”]$/.test(tokens[end]!.text) && !(end === sEnd - 1 && tokens[end]!.text === '.')) end++;
  const broken = !np || (np.b < end && ['VERB', 'ADV'].includes(tokens[np.b]!.pos));
  if (!broken || end - start > 15 || end <= start) return np;
  for (let k = start; k < end; k++) if (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN') return { a: start, b: end };
  return np;
}

/** A single-word preposition cue (`in` a poll): it counts only before a document (see `documentAfter`). */
export const isPrepositionCue = (tokens: readonly Token[], m: LexiconMatch): boolean => m.tokenEnd - m.tokenStart === 1 && tokens[m.tokenStart]!.pos === 'ADP';

/**
 * The document a sentence-opening preposition cue introduces ("In an NBC News poll released
 * Monday, …", "In the report, …"): the noun phrase after the cue up to its document noun, when a
 * comma closes the opening phrase; else null ("a lead in the polls" is not an attribution).
 */
export function documentAfter(ctx: Ctx, m: LexiconMatch, sentence: { tokenStart: number; tokenEnd: number }): Range | null {
  const { tokens } = ctx;
  if (tokens.slice(sentence.tokenStart, m.tokenStart).some((t) => t.pos !== 'CCONJ' && t.pos !== 'ADV')) return null;
  const np = npRight(ctx, m.tokenEnd, sentence.tokenEnd);
  if (!np) return null;
  const comma = findComma(ctx, np.b, Math.min(sentence.tokenEnd, np.b + 8));
  if (comma >= sentence.tokenEnd || tokens[comma]!.text !== ',') return null;
  for (let k = np.b - 1; k >= np.a; k--) if (ctx.w.documentNouns.has(tokens[k]!.lemma) && tokens[k]!.pos === 'NOUN') return { a: np.a, b: k + 1 };
  return null;
}

/** Skips a document noun phrase (`a report by`, `information from`) to the author after it. */
export function skipIntermediate(ctx: Ctx, np: Range, sentenceEnd: number): Range {
  const next = ctx.tokens[np.b];
  if (next && ctx.w.documentPrepositions.has(next.normal)) {
    const author = npRight(ctx, np.b + 1, sentenceEnd);
    if (author) return author;
  }
  return np;
}

/** Trims punctuation and spaces from both ends of `[start, end)`; null when nothing is left. */
export function clause(ctx: Ctx, start: number, end: number): TextSpan | null {
  const t = ctx.text;
  while (start < end && /[\s,;:.—–-]/.test(t[start]!)) start++;
  while (end > start && /[\s,;:.—–-]/.test(t[end - 1]!)) end--;
  if (end - start < 3 || ctx.w.emptyContents.has(t.slice(start, end).toLowerCase())) return null;
  return span(t, start, end);
}

/**
 * Token index after a time adverbial that starts at token `k` ("earlier this year", "on
 * Wednesday", "in November", "last month"), when a "that" follows it; `k` otherwise.
 */
export function skipTimeRight(ctx: Ctx, k: number, sEnd: number): number {
  const { tokens } = ctx;
  const isTime = (t: Token) =>
    ctx.w.timeWords.has(t.normal) || ctx.w.timeNouns.has(t.lemma) || ctx.w.months.has(t.normal) || t.pos === 'NUM' || ctx.w.timePhraseLinks.has(t.normal);
  let j = k;
  while (j < sEnd && j - k < 5 && isTime(tokens[j]!)) j++;
  return j > k && tokens[j]?.normal === 'that' ? j : k;
}

/**
 * The noun phrase a relative clause ending at `src` hangs on ("officials who spoke with the
 * paper", "groups that have endorsed him"): the relative pronoun follows a noun, a verb lies
 * between it and `src`, and no punctuation or conjunction; null when there is none.
 */
export function relativeHead(ctx: Ctx, src: Range, sStart: number): Range | null {
  const { tokens } = ctx;
  let verb = false;
  if (ctx.w.relativeSubjects.has(tokens[src.a]!.normal)) return null;
  for (let r = src.a - 1; r > sStart && src.a - r < 15; r--) {
    const t = tokens[r]!;
    if (t.type === 'punctuation' || t.pos === 'CCONJ') return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    if (ctx.w.relativeSubjects.has(t.normal) && verb && ['NOUN', 'PROPN'].includes(tokens[r - 1]!.pos)) return npLeft(ctx, r, sStart);
  }
  return null;
}

/**
 * Token index left of a time adverbial that ends at token `j` and stands between a subject and its
 * cue ("Grassley (R-Iowa) on Wednesday downplayed", "Trump at the time said"); `j` when there is none.
 */
export function skipTimeLeft(ctx: Ctx, j: number, sStart: number): number {
  const { tokens } = ctx;
  const isTime = (t: Token) => ctx.w.timeWords.has(t.normal) || ctx.w.timeNouns.has(t.lemma);
  if (j < sStart || !isTime(tokens[j]!)) return j;
  let k = j;
  while (k > sStart && (isTime(tokens[k]!) || tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM' || ctx.w.timePrepositions.has(tokens[k]!.normal))) k--;
  // A time phrase after an apposition's comma is skipped too: "Paul Ryan, the Speaker, on Tuesday called".
  return k < j && tokens[k]!.type === 'word' && isNpToken(tokens[k]!, ctx) && !isTime(tokens[k]!)
    ? k
    : tokens[k]!.text === ')' || (k < j && tokens[k]!.text === ',')
      ? k
      : j;
}

/** True when token `k` is a capitalised word that reads as a name even if tagged as an adverb ("Jolly said"). */
export function nameLike(ctx: Ctx, k: number, sStart: number, cueAt: number): boolean {
  const t = ctx.tokens[k]!;
  if (t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return false;
  if (k === sStart && (FUNCTION_POS.has(t.pos) || ctx.w.subordinators.has(t.normal))) return false;
  if (k > sStart || k + 1 === cueAt) return true; // nothing else could be the subject
  return !ctx.w.openingAdverbs.has(t.normal) && !/ly$/.test(t.normal);
}

/** Index of the first comma in `[from, to)`, or `to`. */
export function findComma(ctx: Ctx, from: number, to: number): number {
  for (let k = from; k < to; k++) if (ctx.tokens[k]!.text === ',') return k;
  return to;
}
