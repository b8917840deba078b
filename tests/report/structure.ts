/** Test helpers: structural checks of rendered reports (markdown via marked, HTML via linkedom). */
import { parseHTML } from 'linkedom';
import { marked, type Token, type Tokens } from 'marked';
import { gfmHtml } from './gfm.js';

/** Tags the HTML report may contain; anything else would have come from article text. */
export const HTML_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'nav',
  'section',
  'article',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'mark',
  'details',
  'summary',
  'del',
  'ins',
  'em',
  'strong',
]);

/** Problems in an HTML report: foreign elements, event-handler attributes, non-fragment links. */
export function htmlProblems(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!HTML_TAGS.has(tag)) out.push(`element <${tag}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) out.push(`attribute ${attr.name} on <${tag}>`);
      if (attr.name === 'http-equiv' && tag === 'meta' && attr.value === 'Content-Security-Policy' && el.parentElement?.tagName.toLowerCase() === 'head')
        continue; // the report's own policy
      if (!['class', 'id', 'title', 'style', 'data-col', 'data-article', 'href', 'lang', 'charset', 'name', 'content', 'aria-label'].includes(attr.name))
        out.push(`attribute ${attr.name} on <${tag}>`);
    }
    if (tag === 'a' && !(el.getAttribute('href') ?? '').startsWith('#')) out.push(`link to ${el.getAttribute('href')}`);
  }
  const csp = document.querySelector('head > meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  if (!/^default-src 'none'; style-src 'sha256-[^']+'( 'unsafe-hashes'( 'sha256-[^']+')+)?; img-src data:; base-uri 'none'; form-action 'none'$/.test(csp))
    out.push(`no strict Content-Security-Policy (found ${JSON.stringify(csp)})`);
  return out;
}

/** Problems in a markdown report rendered by marked (GFM): raw HTML beyond the marks, any link (the report makes none). */
export function markdownProblems(markdown: string): string[] {
  const out: string[] = [];
  const { document } = parseHTML(`<!doctype html><html><body>${gfmHtml(markdown)}</body></html>`);
  const allowed = new Set([
    'html',
    'head',
    'body',
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'strong',
    'em',
    'del',
    'ins',
    'b',
    'i',
    'blockquote',
  ]);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!allowed.has(tag)) out.push(`element <${tag}>`);
    for (const attr of el.attributes)
      if (!(tag === 'code' && attr.name === 'class') && !(['th', 'td'].includes(tag) && attr.name === 'align')) out.push(`attribute ${attr.name} on <${tag}>`);
  }
  return out;
}

/** Heading texts of a markdown document as marked parses them. */
export function markdownHeadings(markdown: string): string[] {
  const out: string[] = [];
  void marked.walkTokens(marked.lexer(markdown, { gfm: true }), (t: Token) => {
    if (t.type === 'heading') out.push(`${'#'.repeat((t as Tokens.Heading).depth)} ${(t as Tokens.Heading).text}`);
  });
  return out;
}

/** The visible text of a markdown document rendered by marked, whitespace collapsed, flags removed. */
export function markdownText(markdown: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${gfmHtml(markdown)}</body></html>`);
  return norm(document.body.textContent ?? '');
}

/** Whitespace collapsed and the ⚑ flags (which the reports insert before unsourced assertions) removed. */
export function norm(s: string): string {
  return s
    .replace(/⚑ ?/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
