/**
 * Alignment units: the sentences of an article, split into clauses where a sentence packs two
 * events (at a semicolon, or at ", and/but/while" followed by a clause with its own subject and
 * verb), when both halves are long enough to stand alone.
 */
import type { AnalysedArticle, Token } from '../core/types.js';

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
}

/** Fewest word tokens each half of a split sentence must keep. */
export const MIN_CLAUSE_WORDS = 8;

const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'as']);
const SUBJECT_POS = new Set(['PRON', 'PROPN', 'DET', 'NOUN', 'NUM', 'ADJ']);
const VERB_POS = new Set(['VERB', 'AUX']);
const RELATIVE = new Set(['where', 'which', 'who', 'whom', 'whose', 'that', 'when']);

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
function clauseBoundary(tokens: readonly Token[], i: number, end: number): number {
  const t = tokens[i]!;
  if (t.text === ';') return i + 1;
  if (t.text !== ',') return -1;
  const conj = tokens[i + 1];
  if (!conj || !CONJUNCTIONS.has(conj.normal)) return -1;
  const subj = tokens[i + 2];
  if (!subj || !SUBJECT_POS.has(subj.pos)) return -1;
  // "Mali, Niger, and Burkina Faso": a comma shortly before means a list, not a new clause.
  for (let k = Math.max(0, i - 4); k < i; k++) if (tokens[k]!.text === ',') return -1;
  // The new clause needs a finite verb soon after its subject, before any relative word.
  for (let k = i + 3; k < Math.min(end, i + 8); k++) {
    const t = tokens[k]!;
    if (RELATIVE.has(t.normal) || t.type === 'punctuation') return -1;
    if (VERB_POS.has(t.pos)) return /ing$/.test(t.normal) && tokens[k - 1]!.pos !== 'AUX' ? -1 : i + 1;
  }
  return -1;
}

/** The units of one article, in text order. */
export function unitsOf(article: AnalysedArticle): Unit[] {
  const { tokens, text } = article;
  const out: Unit[] = [];
  const push = (a: number, b: number, sentence: number, heading: boolean) => {
    while (b > a && tokens[b - 1]!.type === 'punctuation' && /^[;,]$/.test(tokens[b - 1]!.text)) b--;
    if (b <= a) return;
    const start = tokens[a]!.start;
    const end = tokens[b - 1]!.end;
    out.push({ article: article.id, start, end, text: text.slice(start, end), tokenStart: a, tokenEnd: b, sentence, heading });
  };
  for (const s of article.sentences) {
    let from = s.tokenStart;
    if (!s.heading) {
      for (let i = s.tokenStart + 1; i < s.tokenEnd - 1; i++) {
        const next = clauseBoundary(tokens, i, s.tokenEnd);
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
