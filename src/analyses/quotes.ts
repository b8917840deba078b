/**
 * The one quotation-span scanner of parallax. Finds direct quotations in every common quote
 * style: “…” and „…“ (curly), "…" (straight), ‘…’ and '…' (single), «…» and ‹…› (guillemets),
 * the ”…” pairs some sites print with U+201D on both sides, and ''…'' (two apostrophes for a
 * double mark, as in wire and archive texts). Quotations may run over several
 * sentences and paragraphs (the closing mark may be missing at a paragraph end when the next
 * paragraph reopens the quotation). Unbalanced marks never throw: an opening mark that is never
 * closed yields a quotation to the end of its paragraph with `balanced: false`.
 *
 * One linear pass per body span (plus at most one rescan after an unclosed quotation), no regex
 * per character; all offsets are 0-based UTF-16 indices into the file text, end exclusive.
 */
import { firstEndingAfter, firstStartingAt } from '../core/spans.js';
import type { Span } from '../core/types.js';

/** A quotation span (0-based UTF-16 offsets into the file text, end exclusive). */
export interface Quotation {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph when unbalanced). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** The quoted words without the marks and surrounding spaces: `[innerStart, innerEnd)`. */
  innerStart: number;
  innerEnd: number;
  /** The opening mark as written. */
  open: string;
  /** The closing mark as written; `''` when unbalanced. */
  close: string;
  /** False when no closing mark was found. */
  balanced: boolean;
}

/** Longest quotation looked for (code units); bounds the work on pathological input. */
const MAX_QUOTATION = 20_000;

/** Every character that may be a quotation mark. */
const MARKS = /["'\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/g;

type Family = 'double' | 'single' | 'guillemet' | 'angle';

/** Opening marks and the closing marks they accept. */
const CLOSERS: Record<string, string> = {
  '\u201C': '\u201D\u201C"', // “ closed by ” (or “ in German „…“ typography, or a stray ")
  '\u201E': '\u201C\u201D', // „ closed by “ or ”
  '"': '"\u201D',
  '\u201D': '\u201D"', // ” ” pairs
  '\u2018': '\u2019\u2018', // ‘ closed by ’
  '\u201A': '\u2018\u2019', // ‚ closed by ‘ or ’
  "'": "'\u2019",
  '\u00AB': '\u00BB', // « »
  '\u2039': '\u203A', // ‹ ›
};

const FAMILY: Record<string, Family> = {
  '\u201C': 'double',
  '\u201E': 'double',
  '"': 'double',
  '\u201D': 'double',
  '\u2018': 'single',
  '\u201A': 'single',
  "'": 'single',
  '\u2019': 'single',
  '\u00AB': 'guillemet',
  '\u00BB': 'guillemet',
  '\u2039': 'angle',
  '\u203A': 'angle',
};

/** Start or end of text, or white space: JavaScript's `\s` (every Unicode space and the line separators U+2028, U+2029) and NEL (U+0085). */
const isSpace = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\n' || (c.charCodeAt(0) > 32 ? /[\s\u0085]/.test(c) : c === '\t' || c === '\r' || c === '\v' || c === '\f');
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a quotation may open: space, start, opening brackets and dashes, and the end of an HTML tag (`<p>"…`). */
const isOpenContext = (c: string | undefined): boolean => isSpace(c) || (c !== undefined && '([{—–-/:>'.includes(c));

/** True when the mark at `i` can open a quotation (context only). */
function canOpen(text: string, i: number, mark: string): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isSpace(next)) return mark === '\u00AB' || mark === '\u2039' ? !isSpace(text[i + 2]) : false;
  if (mark === '\u201C' || mark === '\u201E' || mark === '\u00AB' || mark === '\u2039' || mark === '\u201A') return !isWordChar(prev) || mark === '\u201C';
  if (mark === '\u2018') return !isWordChar(prev);
  // Straight marks, ” and ': only after a space, a bracket, a dash or at the start.
  return isOpenContext(prev) && (mark !== "'" || isWordChar(next));
}

/** True when the mark at `i` can close a quotation of the given opener. */
function canClose(text: string, i: number, opener: string): boolean {
  const mark = text[i]!;
  if (!(CLOSERS[opener] ?? '').includes(mark)) return false;
  const next = text[i + 1];
  const prev = text[i - 1];
  if (FAMILY[opener] === 'single') {
    // An apostrophe inside a word (it’s, Faso’s) is not a closing mark.
    return !isWordChar(next) && !isSpace(prev);
  }
  return true;
}

/** Offsets of paragraph breaks (a line break, optional blanks, another line break) in `[from, to)`. */
function paragraphEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      let j = i + 1;
      if (c === '\r' && text[j] === '\n') j++;
      while (j < to && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) j++;
      if (j < to && (text[j] === '\n' || text[j] === '\r')) return i;
    }
  }
  return to;
}

/** True when `i` is the first non-blank character of a paragraph. */
function atParagraphStart(text: string, i: number, spanStart: number): boolean {
  let j = i - 1;
  while (j >= spanStart && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) j--;
  if (j < spanStart) return true;
  if (text[j] !== '\n' && text[j] !== '\r') return false;
  j--;
  if (text[j] === '\r' && text[j + 1] === '\n') j--;
  while (j >= spanStart && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) j--;
  return j < spanStart || text[j] === '\n' || text[j] === '\r';
}

/**
 * The closing ” of a “ opened at `i` whose paragraph (up to `paraEnd`) nests curly pairs: the ”
 * where the count of “ less ” from `i` first returns to zero, or -1 when it never does.
 */
function nestedClose(text: string, i: number, paraEnd: number): number {
  let depth = 0;
  for (let k = i; k < paraEnd; k++) {
    if (text[k] === '\u201C') depth++;
    else if (text[k] === '\u201D' && --depth === 0) return k;
  }
  return -1;
}

/**
 * `paragraphEnd(text, from, to)` for one span, remembering the last answer: a break found at `r`
 * from `from` is also the answer for any later `from` up to `r` (no break starts in between), so
 * a long paragraph with many quotation marks is scanned once, not once per mark.
 */
function paragraphEnds(text: string, to: number): (from: number) => number {
  let lastFrom = Infinity;
  let lastEnd = -1;
  return (from) => {
    if (from >= lastFrom && from <= lastEnd) return lastEnd;
    lastFrom = from;
    lastEnd = paragraphEnd(text, from, to);
    return lastEnd;
  };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}

function make(text: string, start: number, end: number, innerStart: number, innerEnd: number, close: string, balanced: boolean): Quotation {
  while (innerStart < innerEnd && isSpace(text[innerStart])) innerStart++;
  innerEnd = trimEnd(text, innerStart, innerEnd);
  return { start, end, text: text.slice(start, end), innerStart, innerEnd, open: text[start]!, close, balanced };
}

/**
 * A quotation written with doubled apostrophes (''…''), opened at `i`: pushes it to `out` and
 * returns the offset after it, or -1 when `i` cannot open one. It closes at the next '' in its
 * paragraph; without one it runs to the paragraph end (unbalanced), as an unclosed “ does.
 */
function doubledQuote(text: string, i: number, out: Quotation[], paraEndFrom: (from: number) => number): number {
  if (!isOpenContext(text[i - 1]) || isSpace(text[i + 2]) || text[i + 2] === "'") return -1;
  const paraEnd = paraEndFrom(i + 2);
  const limit = Math.min(paraEnd, i + MAX_QUOTATION);
  let j = text.indexOf("''", i + 2);
  // A closing '' follows a non-space; a following third apostrophe closes a nested ‘…’ first ('''').
  while (j >= 0 && j < limit && isSpace(text[j - 1])) j = text.indexOf("''", j + 2);
  if (j >= 0 && j < limit) {
    const end = text[j + 2] === "'" ? j + 3 : j + 2;
    out.push(make(text, i, end, i + 2, j, "''", true));
    return end;
  }
  const end = trimEnd(text, i + 2, limit);
  out.push(make(text, i, end, i + 2, end, '', false));
  return Math.max(end, i + 2);
}
function scanSpan(text: string, span: Span, out: Quotation[]): void {
  const paraEndFrom = paragraphEnds(text, span.end);
  let i = span.start;
  while (i < span.end) {
    // Jump to the next quotation mark (one native regex search instead of a per-character loop).
    MARKS.lastIndex = i;
    const next = MARKS.exec(text);
    if (!next || next.index >= span.end) break;
    i = next.index;
    const c = text[i]!;
    // Two apostrophes standing for a double mark (''…'', a wire and archive convention).
    if (c === "'" && text[i + 1] === "'") {
      const j = doubledQuote(text, i, out, paraEndFrom);
      if (j > i) {
        i = j;
        continue;
      }
      i += text[i + 2] === "'" ? 3 : 2;
      continue;
    }
    const fam = FAMILY[c];
    if (fam === undefined || !(c in CLOSERS) || !canOpen(text, i, c)) {
      i++;
      continue;
    }
    // Open a quotation at i; look for its closing mark.
    const opener = c;
    const firstParaEnd = paraEndFrom(i + 1);
    let j = i + 1;
    let closed = -1;
    let stop = -1; // a new opening mark of the same family: the quotation at i was never closed
    const limit = Math.min(span.end, i + MAX_QUOTATION);
    while (j < limit) {
      MARKS.lastIndex = j;
      const hit = MARKS.exec(text);
      if (!hit || hit.index >= limit) break;
      j = hit.index;
      // A single-quoted passage does not run over a paragraph break (apostrophes are too common).
      if (fam === 'single' && j >= firstParaEnd) break;
      const d = text[j]!;
      if (FAMILY[d] === fam) {
        const reopensParagraph = d in CLOSERS && atParagraphStart(text, j, span.start);
        if (reopensParagraph) {
          // Continuation convention: a paragraph inside a quotation reopens it without closing.
          j++;
          continue;
        }
        const looksOpening = d in CLOSERS && canOpen(text, j, d) && isSpace(text[j - 1]) && !isSpace(text[j + 1]);
        if (canClose(text, j, opener) && !(looksOpening && (d === '"' || d === '\u201C' || d === '\u201E' || d === '\u00AB'))) {
          closed = j;
          break;
        }
        if (looksOpening && fam !== 'single') {
          // A quotation quoting a title or phrase in the same curly marks (“… the “Obama Agenda” …”):
          // the inner pair nests when the paragraph's marks balance from here.
          const nested = opener === '\u201C' && d === '\u201C' ? nestedClose(text, i, firstParaEnd) : -1;
          if (nested >= 0) closed = nested;
          else stop = j;
          break;
        }
      }
      j++;
    }
    if (closed >= 0) {
      out.push(make(text, i, closed + 1, i + 1, closed, text[closed]!, true));
      i = closed + 1;
      continue;
    }
    if (fam === 'single') {
      i++; // an unclosed single mark is most likely an apostrophe
      continue;
    }
    // A block quotation (the opening mark starts its paragraph) runs to the paragraph's end even
    // when it quotes something in the same marks; elsewhere a new opening mark ends it.
    const blockQuote = atParagraphStart(text, i, span.start);
    const end = trimEnd(text, i + 1, Math.min(firstParaEnd, stop >= 0 && !blockQuote ? stop : span.end));
    out.push(make(text, i, end, i + 1, end, '', false));
    i = Math.max(end, i + 1);
  }
}

/**
 * All top-level quotations inside the body spans of `text`, sorted by start. Quotations nested
 * in another quotation (‘…’ inside “…”) are part of the outer one and not listed separately.
 * A quotation never crosses the gap between two body spans.
 *
 * @param text the file text; offsets are 0-based UTF-16 indices into it, end exclusive.
 * @param body the spans to scan (sorted, non-overlapping).
 */
export function findQuotations(text: string, body: readonly Span[]): Quotation[] {
  // HTML source keeps character references raw: a double mark written &quot; (or &#34;, &ldquo; …) is
  // scanned as its character followed by blanks that are neither space nor letter, then mapped back.
  const refs = DOUBLE_MARK_REFS.test(text);
  const view = refs ? text.replace(DOUBLE_MARK_REFS_ALL, (ref: string) => (DOUBLE_MARK_OF[ref.toLowerCase()] ?? '"') + '\u0001'.repeat(ref.length - 1)) : text;
  const out: Quotation[] = [];
  for (const span of body) {
    const s = { start: Math.max(0, span.start), end: Math.min(view.length, span.end) };
    if (s.end > s.start) scanSpan(view, s, out);
  }
  return refs ? out.map((q) => fromView(text, view, q)) : out;
}

/** Character references of double quotation marks in HTML source, and the mark each stands for. */
const DOUBLE_MARK_REFS = /&(?:quot|#34|#x22|ldquo|rdquo|bdquo|#8220|#8221|#8222|#x201c|#x201d|#x201e);/i;
const DOUBLE_MARK_REFS_ALL = new RegExp(DOUBLE_MARK_REFS.source, 'gi');
const DOUBLE_MARK_OF: Record<string, string> = {
  '&quot;': '"',
  '&#34;': '"',
  '&#x22;': '"',
  '&ldquo;': '\u201C',
  '&#8220;': '\u201C',
  '&#x201c;': '\u201C',
  '&rdquo;': '\u201D',
  '&#8221;': '\u201D',
  '&#x201d;': '\u201D',
  '&bdquo;': '\u201E',
  '&#8222;': '\u201E',
  '&#x201e;': '\u201E',
};

/** A quotation found in the view, with its marks widened to the whole character references of the source. */
function fromView(text: string, view: string, q: Quotation): Quotation {
  const refAt = (i: number) => {
    let j = i + 1;
    while (view[j] === '\u0001') j++;
    return j;
  };
  const openEnd = view[q.start + 1] === '\u0001' ? refAt(q.start) : q.start + 1;
  const closeAt = q.balanced ? q.end - 1 : -1;
  const end = closeAt >= 0 && view[closeAt + 1] === '\u0001' ? refAt(closeAt) : q.end;
  const innerStart = Math.max(q.innerStart, openEnd);
  return {
    ...q,
    end,
    text: text.slice(q.start, end),
    innerStart,
    innerEnd: Math.max(innerStart, q.innerEnd),
    open: text.slice(q.start, openEnd),
    close: q.balanced ? text.slice(closeAt, end) : '',
  };
}

const memo = new WeakMap<readonly Span[], { text: string; quotes: readonly Quotation[] }>();

/**
 * `findQuotations(article.text, article.body)`, computed once per article (memoised on the body
 * array; recomputed if the text differs). The analyses share it, so the scanner runs once per
 * article instead of once per analysis. The array is frozen: callers must not change it.
 */
export function quotationsOf(article: { text: string; body: readonly Span[] }): readonly Quotation[] {
  const hit = memo.get(article.body);
  if (hit && hit.text === article.text) return hit.quotes;
  const quotes = Object.freeze(findQuotations(article.text, article.body));
  memo.set(article.body, { text: article.text, quotes });
  return quotes;
}

/**
 * True when a quotation is the speaker's words though never closed: its opening mark starts a
 * paragraph (a block quotation, often running on over quoted titles in the same marks).
 */
export function isQuotedPassage(text: string, q: Quotation): boolean {
  return q.balanced || (q.open !== "'" && q.open !== '\u2018' && atParagraphStart(text, q.start, 0));
}

/** Index of the first quotation whose end is after `offset` (quotations are sorted and disjoint), by binary search. */
export const firstQuotationEndingAfter = firstEndingAfter;

/** Index of the first quotation starting at or after `offset`, by binary search. */
export const firstQuotationStartingAt = firstStartingAt;
