/**
 * Escaping of article text for every output. Article text is hostile input: it must not inject
 * terminal escape sequences, markdown structure or HTML markup. One function per destination.
 */

/** C0/C1 control characters (except tab/newline handled by callers), DEL, and bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe for a terminal: control characters (ESC, CSI, OSC, BEL, bidi overrides) become
 * U+FFFD-free spaces, tabs become a space. Newlines are kept unless `singleLine`.
 */
export function sanitizeTerminal(text: string, singleLine = false): string {
  const s = text.replace(/\t/g, ' ').replace(CONTROL, ' ');
  return singleLine ? s.replace(/\r\n|\r|\n/g, ' ') : s.replace(/\r\n?/g, '\n');
}

/** Text safe inside HTML element content and attribute values (double-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, ' ').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Inline markdown text: every character with markdown meaning is backslash-escaped, HTML is
 * neutralised, and line breaks become spaces, so the text can never open a heading, list,
 * link, code span or table cell boundary.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
