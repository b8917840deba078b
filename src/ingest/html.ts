/**
 * HTML articles: main-text extraction whose offsets slice back into the raw HTML.
 *
 * parse5 (with source locations) gives every text node with its 0-based source range;
 * @mozilla/readability (on a linkedom DOM) decides what the main content is. The two are joined
 * on "units": the text of one block element (split at `<br>`), whitespace collapsed. A source
 * unit whose text Readability kept is content: its text nodes' source ranges become
 * `content`; everything else is `excluded` as `markup` (tags, scripts, styles, navigation,
 * footers), except a unit Readability took as the byline (`byline`). Character references stay
 * raw in the text; `layout.references` tells the NLP to read `&rsquo;` as ’, and
 * `layout.breaks` marks where block elements end (read as paragraph breaks).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { InputError } from '../core/errors.js';
import type { ArticleMeta, BoilerplateSpan, SourceDocument, Span } from '../core/types.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** Elements whose text is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);

/** Page chrome: never article text, even when Readability finds nothing better. */
const CHROME = new Set(['nav', 'footer', 'aside']);

/** Elements that start a new block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'html',
]);

/** The text of one block element between `<br>`s. */
interface Unit {
  nodes: { start: number; end: number; value: string }[];
  text: string;
  heading: boolean;
  /** Inside nav, footer or aside. */
  chrome: boolean;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Splits a tree into units, in document order. With `located`, only text nodes with a source range. */
function unitsOf(root: Node, located: boolean): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  const close = () => {
    if (current && current.nodes.length > 0) {
      current.text = collapse(current.nodes.map((n) => n.value).join(''));
      if (current.text) units.push(current);
    }
    current = null;
  };
  const walk = (node: Node, heading: boolean, chrome: boolean) => {
    if (node.nodeName === '#text') {
      const t = node as TextNode;
      const loc = t.sourceCodeLocation;
      if (located && !loc) return;
      current ??= { nodes: [], text: '', heading, chrome };
      current.nodes.push({ start: loc?.startOffset ?? 0, end: loc?.endOffset ?? 0, value: t.value });
      return;
    }
    if (!('childNodes' in node)) return;
    const tag = 'tagName' in node ? (node as Element).tagName : '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') return close();
    const block = BLOCK.has(tag);
    if (block) close();
    const h = heading || /^h[1-6]$/.test(tag);
    const c = chrome || CHROME.has(tag);
    for (const child of node.childNodes) walk(child, h, c);
    if (block) close();
  };
  walk(root, false, false);
  close();
  return units;
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function elements(root: Node, out: Element[] = []): Element[] {
  if ('tagName' in root) out.push(root as Element);
  if ('childNodes' in root) for (const c of root.childNodes) elements(c, out);
  if ('content' in root && root.nodeName === 'template') elements((root as DefaultTreeAdapterMap['template']).content, out);
  return out;
}

/** `YYYY-MM-DD` from an ISO-like timestamp, or null. */
function isoDate(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return m && !Number.isNaN(Date.parse(m[1]!)) ? m[1]! : null;
}

/** Page metadata from <title>, Open Graph and article meta tags, and the canonical link. */
function pageMeta(doc: Node): ArticleMeta {
  const meta = new Map<string, string>();
  let title: string | null = null;
  let canonical: string | null = null;
  for (const el of elements(doc)) {
    if (el.tagName === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
      const content = attr(el, 'content');
      if (key && content && !meta.has(key)) meta.set(key, collapse(content));
    } else if (el.tagName === 'title' && title === null) {
      title = collapse(el.childNodes.map((c) => (c.nodeName === '#text' ? (c as TextNode).value : '')).join(''));
    } else if (el.tagName === 'link' && canonical === null && (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      canonical = attr(el, 'href');
    }
  }
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v) ?? null;
  const author = pick('author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author');
  return {
    title: pick('og:title', 'twitter:title') ?? (title || null),
    outlet: pick('og:site_name', 'application-name', 'publisher'),
    author: author && !/^https?:/.test(author) ? author.replace(/^by\s+/i, '') : null,
    date: isoDate(pick('article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate', 'publish-date', 'sailthru.date')),
    url: canonical ?? pick('og:url'),
  };
}

const decoded = new Map<string, string>();
/** The characters a character reference stands for (HTML rules, via parse5). */
function decodeReference(raw: string): string {
  let v = decoded.get(raw);
  if (v === undefined) {
    const frag = parseFragment(raw);
    const first = frag.childNodes[0];
    v = first && first.nodeName === '#text' ? (first as TextNode).value : raw;
    decoded.set(raw, v);
  }
  return v;
}

const REFERENCE = /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/** Reads an HTML article: content = the main text's text nodes, offsets into the raw HTML. */
export function readHtml(path: string, text: string): SourceDocument {
  const tree = parse(text, { sourceCodeLocationInfo: true });
  const meta = pageMeta(tree);
  const source = unitsOf(tree, true);

  let article: ReturnType<Readability['parse']> = null;
  try {
    const { document } = parseHTML(text);
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null; // Readability gives up on some pages; fall back to every text block below
  }
  const kept = new Map<string, number>();
  const keptUnits = article?.content ? unitsOf(parseFragment(article.content), false) : [];
  for (const u of keptUnits) kept.set(u.text, (kept.get(u.text) ?? 0) + 1);
  const byline = collapse(article?.byline ?? '');
  const title = collapse(article?.title || meta.title || '');

  const isContent = source.map((u) => {
    const n = kept.get(u.text) ?? 0;
    if (n > 0) kept.set(u.text, n - 1);
    return n > 0 && !u.chrome;
  });
  if (keptUnits.length === 0) source.forEach((u, i) => (isContent[i] = !u.chrome && (u.text.split(' ').length >= 8 || u.heading)));
  // The title as a heading just before the kept text (Readability moves it to `title`).
  const first = isContent.indexOf(true);
  if (first > 0 && title && !source.slice(first).some((u, i) => isContent[first + i] && u.heading && u.text === title)) {
    for (let i = first - 1; i >= 0; i--) if (source[i]!.heading && source[i]!.text === title) { isContent[i] = true; break; }
  }
  if (!isContent.includes(true)) {
    throw new InputError('no article text found in the HTML page', {
      file: path,
      expected: 'an HTML page with an article (paragraphs of text)',
      found: source.length === 0 ? 'no visible text' : 'only navigation, scripts and short snippets',
      hint: 'save the article page itself, or paste its text into a .txt file',
    });
  }

  const content: Span[] = [];
  const bylines: Span[] = [];
  const breaks: number[] = [];
  const references: (Span & { value: string })[] = [];
  source.forEach((u, i) => {
    const isByline = !isContent[i] && byline !== '' && u.text === byline && !bylines.length;
    if (!isContent[i] && !isByline) return;
    for (const n of u.nodes) {
      if (isByline) {
        bylines.push({ start: n.start, end: n.end });
        continue;
      }
      content.push({ start: n.start, end: n.end });
      const raw = text.slice(n.start, n.end);
      for (const m of raw.matchAll(REFERENCE)) {
        const value = decodeReference(m[0]);
        if (value !== m[0]) references.push({ start: n.start + m.index, end: n.start + m.index + m[0].length, value });
      }
    }
    if (!isByline) breaks.push(u.nodes[u.nodes.length - 1]!.end);
  });

  const excluded: BoilerplateSpan[] = [];
  const outside = [...content, ...bylines].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const s of outside) {
    if (s.start > cursor) excluded.push({ start: cursor, end: s.start, text: text.slice(cursor, s.start), reason: 'markup', rule: 'outside the main text (readability)' });
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < text.length) excluded.push({ start: cursor, end: text.length, text: text.slice(cursor), reason: 'markup', rule: 'outside the main text (readability)' });
  for (const b of bylines) excluded.push({ ...b, text: text.slice(b.start, b.end), reason: 'byline', rule: 'the page marks it as the byline (readability)' });
  excluded.sort((a, b) => a.start - b.start);

  if (!meta.author && byline) meta.author = byline.replace(/^by\s+/i, '');
  if (!meta.outlet && article?.siteName) meta.outlet = collapse(article.siteName);
  if (!meta.date) meta.date = isoDate(article?.publishedTime);
  return { path, format: 'html', text, meta, content, excluded, layout: { breaks, references } };
}
