import type { Span, TextSpan } from './types.js';

/** Builds a `TextSpan` for `[start, end)` of `text` (0-based UTF-16 offsets, end exclusive). */
export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
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
