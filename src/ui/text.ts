/**
 * Styled lines for the terminal UI, built as data before anything is drawn: a `Line` is a list
 * of `Segment`s, each with a theme role. Every screen turns the report into lines that already
 * fit the terminal width (wrapped or truncated here), so the drawing component never overflows
 * and tests can compare the plain text exactly. Pure.
 *
 * Widths are terminal columns: combining marks count 0, East Asian wide characters and emoji 2,
 * everything else 1. Callers pass text through `sanitizeTerminal` first.
 */
import type { Role } from './theme.js';

export interface Segment {
  text: string;
  role?: Role;
}

export type Line = Segment[];

/** Terminal columns taken by one code point. */
function charWidth(cp: number): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  )
    return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Terminal columns taken by `text` (one line, no control characters). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** The plain text of a line (what a test or a colourless terminal shows). */
export function plainText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** Columns taken by a line. */
export function lineWidth(line: Line): number {
  return line.reduce((w, s) => w + textWidth(s.text), 0);
}

/** Cuts `text` to at most `width` columns (no ellipsis). */
function cut(text: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width) break;
    w += cw;
    out += ch;
  }
  return out;
}

/** The line cut to `width` columns, ending in `…` when something was cut. */
export function truncateLine(line: Line, width: number): Line {
  if (lineWidth(line) <= width) return line;
  if (width <= 0) return [];
  const out: Line = [];
  let left = width - 1;
  for (const s of line) {
    if (left <= 0) break;
    const t = cut(s.text, left);
    if (t) out.push(seg(t, s.role));
    left -= textWidth(t);
  }
  const last = out[out.length - 1];
  out.push(seg('…', last?.role));
  return out;
}

/** A single-segment string cut to `width` columns with `…`. */
export function truncate(text: string, width: number): string {
  return plainText(truncateLine([{ text }], width));
}

/** Pads a line with spaces to exactly `width` columns (after truncating it). */
export function padLine(line: Line, width: number): Line {
  const t = truncateLine(line, width);
  const w = lineWidth(t);
  return w < width ? [...t, { text: ' '.repeat(width - w) }] : t;
}

function seg(text: string, role: Role | undefined): Segment {
  return role === undefined ? { text } : { text, role };
}

/** Appends text to a line, merging with the last segment when the role is the same. */
function push(line: Line, text: string, role: Role | undefined): void {
  const last = line[line.length - 1];
  if (last && last.role === role) last.text += text;
  else line.push(seg(text, role));
}

/**
 * Word-wraps styled text to `width` columns. Line breaks in the text start new lines; runs of
 * spaces collapse at line ends; words longer than the width are split. Continuation lines start
 * with `indent` (plain). Always returns at least one line.
 */
export function wrap(segments: readonly Segment[], width: number, indent = ''): Line[] {
  const w = Math.max(1, width);
  const indentWidth = Math.min(textWidth(indent), w - 1);
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  let pendingSpace: Segment | null = null;
  /** At the start of the text or after an explicit line break: leading spaces are kept. */
  let freshLine = true;
  const newLine = (continuation: boolean) => {
    lines.push(line);
    line = [];
    used = 0;
    pendingSpace = null;
    if (continuation && indentWidth > 0) {
      line.push({ text: cut(indent, indentWidth) });
      used = indentWidth;
    }
  };
  const startWidth = () => (lines.length === 0 ? 0 : indentWidth);
  // Tokens: words (with their role), spaces, and line breaks; a word may span segments.
  type Piece = { text: string; role: Role | undefined };
  let word: Piece[] = [];
  const wordWidth = () => word.reduce((n, p) => n + textWidth(p.text), 0);
  const flushWord = () => {
    if (word.length === 0) return;
    let ww = wordWidth();
    const spaceW = pendingSpace ? textWidth(pendingSpace.text) : 0;
    if (used + spaceW + ww > w && used > startWidth()) newLine(true);
    else if (pendingSpace && (used > startWidth() || freshLine)) {
      push(line, pendingSpace.text, pendingSpace.role);
      used += spaceW;
    }
    pendingSpace = null;
    freshLine = false;
    for (const p of word) {
      let text = p.text;
      while (text) {
        const room = w - used;
        if (room <= 0) {
          newLine(true);
          continue;
        }
        const part = cut(text, room) || text.slice(0, 1);
        push(line, part, p.role);
        used += textWidth(part);
        text = text.slice(part.length);
        ww -= textWidth(part);
      }
    }
    word = [];
  };
  for (const s of segments) {
    for (const m of s.text.matchAll(/\n|[ ]+|[^ \n]+/g)) {
      const t = m[0];
      if (t === '\n') {
        flushWord();
        lines.push(line);
        line = [];
        used = 0;
        pendingSpace = null;
        freshLine = true;
        if (indentWidth > 0) {
          line.push({ text: cut(indent, indentWidth) });
          used = indentWidth;
        }
      } else if (t.startsWith(' ')) {
        flushWord();
        if (pendingSpace) pendingSpace = seg(pendingSpace.text + t, pendingSpace.role);
        else pendingSpace = seg(t, s.role);
      } else {
        word.push({ text: t, role: s.role });
      }
    }
  }
  flushWord();
  lines.push(line);
  return lines;
}

/**
 * Puts blocks of lines side by side: column `i` is padded to `widths[i]`, columns are separated
 * by `gap` spaces, and shorter columns are filled with blank lines.
 */
export function sideBySide(cols: readonly Line[][], widths: readonly number[], gap = 2): Line[] {
  const rows = Math.max(0, ...cols.map((c) => c.length));
  const out: Line[] = [];
  for (let r = 0; r < rows; r++) {
    const line: Line = [];
    cols.forEach((c, i) => {
      if (i > 0) line.push({ text: ' '.repeat(gap) });
      const cell = i === cols.length - 1 ? truncateLine(c[r] ?? [], widths[i]!) : padLine(c[r] ?? [], widths[i]!);
      line.push(...cell);
    });
    out.push(trimEnd(line.filter((s) => s.text !== '')));
  }
  return out;
}

/** Drops trailing unstyled spaces (padding) from a line. */
function trimEnd(line: Line): Line {
  const out = [...line];
  while (out.length && out[out.length - 1]!.role === undefined && out[out.length - 1]!.text.trim() === '') out.pop();
  const last = out[out.length - 1];
  if (last && last.role === undefined) out[out.length - 1] = { text: last.text.trimEnd() };
  return out;
}

/** `n` columns of equal width that fit `total` columns with `gap` between them. */
export function columnWidths(total: number, n: number, gap = 2): number[] {
  const base = Math.floor((total - gap * (n - 1)) / n);
  return Array.from({ length: n }, () => Math.max(1, base));
}
