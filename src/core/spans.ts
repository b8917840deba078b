import type { Span, TextSpan } from './types.js';

/** Builds a `TextSpan` for `[start, end)` of `text` (0-based UTF-16 offsets, end exclusive). */
export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/** The first `max` UTF-16 units of `text`, one fewer when the last would be the first half of a surrogate pair (an emoji, a math letter): a cut never leaves half a character. */
export function headUnits(text: string, max: number): string {
  const end = Math.max(0, Math.min(max, text.length));
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff && end < text.length ? end - 1 : end);
}

/** True when the two half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies entirely within `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sorts spans by start, then by end (a new array). */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Subtracts `holes` from `regions`; both sorted or not, result sorted and non-empty spans only. */
export function subtractSpans(regions: readonly Span[], holes: readonly Span[]): Span[] {
  const sortedHoles = sortSpans(holes);
  const out: Span[] = [];
  for (const r of sortSpans(regions)) {
    let cursor = r.start;
    for (const h of sortedHoles) {
      if (h.end <= cursor || h.start >= r.end) continue;
      if (h.start > cursor) out.push({ start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < r.end) out.push({ start: cursor, end: r.end });
  }
  return out;
}

/** Trims whitespace off both ends of `[start, end)` in `text`. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * 1-based line and column of a 0-based offset. Lines are split at `\n` (a `\r\n` pair counts
 * as one line break); the column counts UTF-16 code units from the line start, plus one.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The lines of `text` as spans without their line terminator (`\n`, `\r\n` or `\r`). */
export function lineSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(textSpan(text, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(textSpan(text, start, text.length));
  return out;
}

/**
 * Index of the first span in `spans` (sorted by start, and by end too — true of tokens,
 * sentences and disjoint quotations) whose `start` is at or after `offset`; `spans.length` when
 * none. Binary search.
 */
export function firstStartingAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span (sorted as above) whose `end` is after `offset`. Binary search. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per array of spans sorted by start: the largest end among its first i + 1 spans. */
const prefixEnds = new WeakMap<readonly Span[], Float64Array>();

/**
 * The spans of `sorted` (sorted by start; not changed afterwards) that overlap `[start, end)`, in
 * their order. The first call on an array indexes it (linear, memoised); each call then costs a
 * binary search plus the spans it walks back over, so looking up every event of a long article is
 * not quadratic in its length.
 */
export function overlapping<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  let ends = prefixEnds.get(sorted);
  if (!ends) {
    ends = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((s, i) => (ends![i] = max = Math.max(max, s.end)));
    prefixEnds.set(sorted, ends);
  }
  const out: T[] = [];
  for (let i = firstStartingAt(sorted, end) - 1; i >= 0 && ends[i]! > start; i--) if (sorted[i]!.end > start) out.push(sorted[i]!);
  return out.reverse();
}
