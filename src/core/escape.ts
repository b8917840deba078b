/**
 * Escaping of article text for every output. Article text is hostile input: it must not inject
 * terminal escape sequences, markdown structure or HTML markup. One function per destination.
 */

/** C0/C1 control characters (except tab/newline handled by callers), DEL, and bidi controls (marks LRM, RLM, ALM; embeddings, overrides, isolates). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

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

/** Text in which escapeMarkdownInline changes something anywhere: a control character, whitespace other than single spaces, a character it escapes, an autolink. */
const INLINE_WORK = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\\`*_[\]|~$<>&@]|[^\S ]| {2}|:\/\/|www\./i;
/** Text in which escapeMarkdownInline changes something when it starts a line: a leading space or block marker. */
const LINE_START_WORK = /^[ #+=\-\d]/;

/**
 * Inline markdown text (GFM, as GitHub and marked read it): every character that could open
 * inline structure (emphasis, code, links, autolinks, strikethrough, math, HTML, entities, table cells) is
 * escaped, runs of whitespace and line breaks become one space, and when `atLineStart` (the
 * default) a leading block marker (heading `#`, list `-`/`+`/`1.`, setext `=`, quote `>`) is
 * escaped too, so the text can never open a heading, list, link, code span or table cell
 * boundary. Characters without inline meaning (`.`, `-`, `(`, `#` mid-line) stay as they are,
 * so the escaped text still reads well as plain text.
 */
export function escapeMarkdownInline(text: string, atLineStart = true): string {
  // Most runs of article text need none of the replacements: return them as they are.
  if (!INLINE_WORK.test(text) && !(atLineStart && LINE_START_WORK.test(text))) return text;
  return escapeMarkdownInlineFully(text, atLineStart);
}

/** {@link escapeMarkdownInline} without its shortcut: every replacement applied (the same result; exported for its test). */
export function escapeMarkdownInlineFully(text: string, atLineStart = true): string {
  let s = text.replace(CONTROL, ' ').replace(/\s+/g, ' ');
  if (atLineStart) s = s.replace(/^ +/, '');
  s = s.replace(/[\\`*_[\]|~$<>&@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
  // GFM autolinks (`http://…`, `www.…`, emails) would turn article text into links.
  s = s.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.');
  if (atLineStart) s = s.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return s;
}

/**
 * A fenced markdown code block holding `text` verbatim (control characters removed): the fence
 * is longer than any backtick run inside, so the text cannot close it early. Ends with a newline.
 */
export function markdownFence(text: string, info = ''): string {
  const clean = text.replace(CONTROL, ' ').replace(/\r\n?/g, '\n');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${clean}\n${fence}\n`;
}

/** Characters a POSIX shell reads as themselves in an unquoted word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * `word` as one POSIX shell word that a shell gives back unchanged: as it is when every character
 * is plain, otherwise in single quotes (a `'` inside written `'\''`), so spaces, `$()`, backticks,
 * globs and newlines stay part of the path. A path that starts with `-` is written `./-…`, so it
 * is not read as an option; a URL never starts with one.
 */
export function shellWord(word: string): string {
  const w = word.startsWith('-') ? `./${word}` : word;
  return PLAIN.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
