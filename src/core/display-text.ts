/**
 * Article text as a reader sees it. Spans keep the raw source slice (the report contract), so a
 * span of an HTML article may hold inline markup (`CAIRO —</span> Gunmen`) and character
 * references (`&rsquo;`). Views show {@link displayText} of it instead, and escape that for their
 * destination afterwards as before (decoding `&lt;` gives a `<` the escaping must still see).
 */
import { createRequire } from 'node:module';
import type { ArticleFormat, Event, Finding, Report } from './types.js';

let parseFragment: typeof import('parse5').parseFragment | undefined;
const decoded = new Map<string, string>();

/** The characters a character reference stands for (HTML rules, via parse5); `raw` itself when it is none. */
export function decodeReference(raw: string): string {
  let v = decoded.get(raw);
  if (v === undefined) {
    // loaded on first use, so a run over .txt/.md never loads parse5 (synchronous: its CommonJS build)
    parseFragment ??= (createRequire(import.meta.url)('parse5') as typeof import('parse5')).parseFragment;
    const first = parseFragment(raw).childNodes[0];
    v = first && 'value' in first && first.nodeName === '#text' ? first.value : raw;
    decoded.set(raw, v);
  }
  return v;
}

/** A character reference: `&amp;`, `&#8217;`, `&#x2019;` (the `;` may be missing, as HTML allows for some). */
export const REFERENCE = /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/** Tags that break the line where they stand (block elements, `<br>`): a space between words; any other tag is nothing. */
const BREAKING =
  /^(?:address|article|aside|blockquote|body|br|caption|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|html)$/i;

/** Markup a reader does not see, one alternative per kind, leftmost first: a comment, a script or style element, a tag, a character reference. */
const MARKUP = new RegExp(
  `<!--[\\s\\S]*?(?:-->|$)|<(script|style)\\b[^>]*>[\\s\\S]*?(?:<\\/\\1\\s*>|$)|<\\/?([a-zA-Z][^\\s/>]*)[^>]*>|${REFERENCE.source}`,
  'gi',
);
const SPACE = /[\s\u00a0]/;

/**
 * What each UTF-16 unit of `raw` shows as, so a view can colour the raw offsets of findings and
 * still print readable text: for HTML, a comment, a `<script>`/`<style>` element or a block tag
 * (and `<br>`) shows as one space on its first unit, an inline tag as nothing, a character
 * reference as what it stands for on its first unit, and a run of whitespace as one space; every
 * other unit as itself. Other formats: each unit as itself. {@link displayText} is these joined.
 */
export function displayPieces(raw: string, format: ArticleFormat): string[] {
  const pieces = raw.split('');
  if (format !== 'html') return pieces;
  for (const m of raw.matchAll(MARKUP)) {
    const [whole, script, tag] = m;
    pieces[m.index] = whole[0] === '&' ? decodeReference(whole) : whole.startsWith('<!--') || script || BREAKING.test(tag ?? '') ? ' ' : '';
    for (let i = m.index + 1; i < m.index + whole.length; i++) pieces[i] = '';
  }
  let afterSpace = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p === '') continue;
    let out = '';
    for (const ch of p) {
      const space = SPACE.test(ch);
      if (!space || !afterSpace) out += space ? ' ' : ch;
      afterSpace = space;
    }
    pieces[i] = out;
  }
  return pieces;
}

/**
 * The readable text of a raw slice of an article ({@link displayPieces} joined): for HTML,
 * comments, `<script>`/`<style>` and tags removed (a block tag or `<br>` becomes a space, an
 * inline tag nothing), character references decoded, and runs of whitespace collapsed to one
 * space (not trimmed, so the pieces of a split text join as before). Other formats: `raw`
 * unchanged. Not escaped.
 */
export function displayText(raw: string, format: ArticleFormat): string {
  return format === 'html' ? displayPieces(raw, format).join('') : raw;
}

/**
 * The report with the `text` of every span in its findings and events as a reader sees it
 * ({@link displayText}: an HTML article's inline tags and character references resolved). The
 * JSON keeps the raw slices (the contract); views quote these. Offsets are unchanged.
 */
export function forDisplay(report: Report): Report {
  const formatOf = new Map(report.articles.map((a) => [a.id, a.format]));
  if (![...formatOf.values()].includes('html')) return report;
  const walk = (value: unknown, article: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, article));
    if (value === null || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    const here = typeof o.article === 'string' ? o.article : article;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = walk(v, here);
    const format = here === undefined ? undefined : formatOf.get(here);
    if (format && typeof o.text === 'string' && typeof o.start === 'number' && typeof o.end === 'number') out.text = displayText(o.text, format);
    return out;
  };
  return { ...report, findings: walk(report.findings, undefined) as Finding[], events: walk(report.events, undefined) as Event[] };
}
