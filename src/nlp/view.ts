/**
 * The text the NLP (and the boilerplate detector) reads: the source with everything outside the
 * given spans blanked. For plain text and markdown the view has the same length as the source
 * (blanked characters become spaces, line breaks are kept), so a view offset is a source offset.
 * For HTML (`layout` given) the view is shorter: markup between spans collapses to one space, or
 * to a blank line where a block element ends; line breaks inside text become spaces (HTML
 * whitespace); character references (`&rsquo;`) are read as the characters they stand for.
 * The Unicode line separators U+2028, U+2029 and NEL (U+0085) are read as line breaks (HTML: as
 * spaces), one unit for one: the tokenizer does not know them and glued the next sentence's
 * opening quote mark to the sentence before. `origin` maps view offsets back to source offsets.
 */
import type { Span, TextLayout } from '../core/types.js';

export interface TextView {
  /** What is read. */
  text: string;
  /**
   * Null when view offsets equal source offsets. Otherwise `origin[i]` is the 0-based source
   * offset where view character `i` starts; its length is `text.length + 1` and
   * `[origin[i], origin[i + 1])` is the source range of view character `i`.
   */
  origin: Int32Array | null;
}

/** Maps a 0-based view offset to a source offset (end offsets map to the end of the previous character). */
export function toSource(view: TextView, offset: number): number {
  return view.origin ? view.origin[offset]! : offset;
}

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
/** Line breaks the tokenizer does not know (one UTF-16 unit each). */
const SEPARATORS = /[\u0085\u2028\u2029]/g;

/** Replaces every code unit outside `spans` with a space, keeping line breaks (same length). */
export function maskOutside(text: string, spans: readonly Span[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const b of spans) {
    if (b.start > cursor) parts.push(blank(text.slice(cursor, b.start)));
    parts.push(text.slice(b.start, b.end).replace(SEPARATORS, '\n'));
    cursor = b.end;
  }
  if (cursor < text.length) parts.push(blank(text.slice(cursor)));
  return parts.join('');
}

/** Builds the view of `text` restricted to `spans` (sorted, non-overlapping). */
export function buildView(text: string, spans: readonly Span[], layout?: TextLayout): TextView {
  if (!layout) return { text: maskOutside(text, spans), origin: null };
  const chars: string[] = [];
  const origin: number[] = [];
  const push = (s: string, at: number) => {
    chars.push(s);
    for (let k = 0; k < s.length; k++) origin.push(at);
  };
  const { breaks, references } = layout;
  let b = 0; // next break
  let r = 0; // next reference
  let prevEnd = -1;
  for (const span of spans) {
    if (prevEnd >= 0) {
      while (b < breaks.length && breaks[b]! < prevEnd) b++;
      const blockEnd = b < breaks.length && breaks[b]! < span.start;
      push(blockEnd ? '\n\n' : ' ', prevEnd);
    }
    while (r < references.length && references[r]!.start < span.start) r++;
    let i = span.start;
    while (i < span.end) {
      const ref = references[r];
      if (ref && ref.start === i && ref.end <= span.end) {
        // every character of the value starts at ref.start; the last one ends where the next begins (ref.end)
        push(ref.value.replace(/[\r\n\u0085\u2028\u2029]/g, ' '), ref.start);
        i = ref.end;
        r++;
        continue;
      }
      const next = ref && ref.start < span.end ? ref.start : span.end;
      chars.push(text.slice(i, next).replace(/[\r\n\u0085\u2028\u2029]/g, ' '));
      for (let k = i; k < next; k++) origin.push(k);
      i = next;
    }
    prevEnd = span.end;
  }
  origin.push(prevEnd < 0 ? text.length : prevEnd);
  return { text: chars.join(''), origin: Int32Array.from(origin) };
}
