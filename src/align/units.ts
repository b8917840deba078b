/**
 * Alignment units: the sentences of an article, split into clauses where a sentence packs two
 * events (at a semicolon, or at ", and/but/while" followed by a clause with its own subject and
 * verb), when both halves are long enough to stand alone, and a quoted sentence split into its
 * quotation and the frame that tells where and when it was said (frameStart).
 */
import type { AnalysedArticle, Token } from '../core/types.js';
import { loadPredicates, type PredicateLexicon } from './predicates.js';

/** A sentence or clause of one article. Offsets are 0-based UTF-16 into the file text, end exclusive. */
export interface Unit {
  article: string;
  start: number;
  end: number;
  text: string;
  /** Token range `[tokenStart, tokenEnd)` in the article's tokens. */
  tokenStart: number;
  tokenEnd: number;
  /** Index of the sentence the unit comes from (0-based). */
  sentence: number;
  heading: boolean;
  /** Of a quoted sentence split in two (frameStart): the quotation, or the frame that tells who said it where and when. */
  part?: 'quotation' | 'frame';
}

/** Fewest word tokens each half of a split sentence must keep. */
export const MIN_CLAUSE_WORDS = 8;

/**
 * Fewest word tokens of the frame after a quotation ("…,” he told a press conference in the
 * capital Ouagadougou.") for it to be a unit of its own: a bare "Lavrov said" tells no occasion.
 */
export const MIN_FRAME_WORDS = 7;

/** The start of a web address once whitespace is removed (also tokenised: "http : / / www . example . com / 2013 / …"). */
const WEB_ADDRESS_START = /^(?:https?:\/\/|www\.)\S/i;

/**
 * A test of whether an offset of `text` lies on a line that is a web address and nothing else (it
 * reports no happening: no unit). The lines are read once, so one huge line costs one pass, not one
 * per sentence.
 */
export function addressLineTest(text: string): (offset: number) => boolean {
  const lines: [number, number][] = [];
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let i = from;
    while (i < to && /\s/.test(text[i]!)) i++;
    if (WEB_ADDRESS_START.test(text.slice(i, Math.min(to, i + 64)).replace(/\s+/g, ''))) lines.push([from, to]);
    from = to + 1;
  }
  return (offset) => lines.some(([a, b]) => offset >= a && offset <= b);
}

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„']);

const SUBJECT_POS = new Set(['PRON', 'PROPN', 'DET', 'NOUN', 'NUM', 'ADJ']);
const VERB_POS = new Set(['VERB', 'AUX']);

const words = (tokens: readonly Token[], a: number, b: number): number => {
  let n = 0;
  for (let i = a; i < b; i++) if (tokens[i]!.type === 'word') n++;
  return n;
};

const hasVerb = (tokens: readonly Token[], a: number, b: number): boolean => {
  for (let i = a; i < b; i++) if (VERB_POS.has(tokens[i]!.pos)) return true;
  return false;
};

/** Token index where a new clause starts at `i`, or -1. `i` is a `;` or a `,` token. */
function clauseBoundary(tokens: readonly Token[], i: number, end: number, lex: PredicateLexicon): number {
  const t = tokens[i]!;
  if (t.text === ';') return i + 1;
  if (t.text !== ',') return -1;
  const conj = tokens[i + 1];
  if (!conj || !lex.clauseConjunctions.has(conj.normal)) return -1;
  const subj = tokens[i + 2];
  if (!subj || !SUBJECT_POS.has(subj.pos)) return -1;
  // "Mali, Niger, and Burkina Faso": a comma shortly before means a list, not a new clause.
  for (let k = Math.max(0, i - 4); k < i; k++) if (tokens[k]!.text === ',') return -1;
  // The new clause needs a finite verb soon after its subject, before any relative word.
  for (let k = i + 3; k < Math.min(end, i + 8); k++) {
    const t = tokens[k]!;
    if (lex.relativeWords.has(t.normal) || t.type === 'punctuation') return -1;
    if (VERB_POS.has(t.pos)) return /ing$/.test(t.normal) && tokens[k - 1]!.pos !== 'AUX' ? -1 : i + 1;
  }
  return -1;
}

/**
 * Where the frame of a quoted sentence starts (token index), or -1: the sentence opens with a
 * quotation mark, the quotation closes before the sentence ends ("…,” or "…”,") and what follows
 * (who said it, where, when) has at least MIN_FRAME_WORDS words with a verb. The quotation and
 * the occasion it was said on are two happenings a report can tell apart (the statement; the
 * press conference or visit), so each gets its own unit.
 */
function frameStart(tokens: readonly Token[], from: number, to: number): number {
  if (!QUOTE_MARKS.has(tokens[from]!.text)) return -1;
  for (let i = from + 1; i < to - 1; i++) {
    if (!QUOTE_MARKS.has(tokens[i]!.text)) continue;
    const prev = tokens[i - 1]!.text;
    let next = i + 1;
    if (tokens[next]?.text === ',') next++;
    else if (prev !== ',') return -1;
    if (words(tokens, from, i) < MIN_CLAUSE_WORDS || words(tokens, next, to) < MIN_FRAME_WORDS || !hasVerb(tokens, next, to)) return -1;
    // A quotation that runs on after the frame ("…,” she said, “and …”) stays whole.
    for (let k = next; k < to; k++) if (QUOTE_MARKS.has(tokens[k]!.text)) return -1;
    return next;
  }
  return -1;
}

/** The units of one article, in text order. */
export function unitsOf(article: AnalysedArticle, lex: PredicateLexicon = loadPredicates()): Unit[] {
  const { tokens, text } = article;
  const out: Unit[] = [];
  const push = (a: number, b: number, sentence: number, heading: boolean, part?: Unit['part']) => {
    while (b > a && tokens[b - 1]!.type === 'punctuation' && /^[;,]$/.test(tokens[b - 1]!.text)) b--;
    if (b <= a) return;
    const start = tokens[a]!.start;
    const end = tokens[b - 1]!.end;
    out.push({ article: article.id, start, end, text: text.slice(start, end), tokenStart: a, tokenEnd: b, sentence, heading, ...(part ? { part } : {}) });
  };
  const onAddressLine = addressLineTest(text);
  for (const s of article.sentences) {
    if (s.tokenEnd > s.tokenStart && onAddressLine(tokens[s.tokenStart]!.start)) continue;
    let from = s.tokenStart;
    if (!s.heading) {
      const frame = frameStart(tokens, s.tokenStart, s.tokenEnd);
      if (frame >= 0) {
        // The quotation keeps its closing mark; the frame is its own unit.
        let close = frame;
        while (close > s.tokenStart && tokens[close - 1]!.text === ',') close--;
        push(s.tokenStart, close, s.index, false, 'quotation');
        push(frame, s.tokenEnd, s.index, false, 'frame');
        continue;
      }
      for (let i = s.tokenStart + 1; i < s.tokenEnd - 1; i++) {
        const next = clauseBoundary(tokens, i, s.tokenEnd, lex);
        if (next < 0) continue;
        if (words(tokens, from, i) < MIN_CLAUSE_WORDS || words(tokens, next, s.tokenEnd) < MIN_CLAUSE_WORDS) continue;
        if (!hasVerb(tokens, from, i) || !hasVerb(tokens, next, s.tokenEnd)) continue;
        push(from, i, s.index, false);
        from = next;
      }
    }
    push(from, s.tokenEnd, s.index, s.heading);
  }
  return out;
}

/** True for a unit that is one quotation and nothing else (“…”): words that run on from a speaker named before. */
export function isBareQuotation(tokens: readonly Token[], u: Unit): boolean {
  if (u.part || u.heading || u.tokenEnd - u.tokenStart < 3) return false;
  if (!QUOTE_MARKS.has(tokens[u.tokenStart]!.text) || !QUOTE_MARKS.has(tokens[u.tokenEnd - 1]!.text)) return false;
  for (let k = u.tokenStart + 1; k < u.tokenEnd - 1; k++) if (QUOTE_MARKS.has(tokens[k]!.text)) return false;
  return true;
}
