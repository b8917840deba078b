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
import { createRequire } from 'node:module';
import type { Readability as ReadabilityType } from '@mozilla/readability';
import type { DefaultTreeAdapterMap } from 'parse5';
import { decodeReference, REFERENCE } from '../core/display-text.js';
import { InputError } from '../core/errors.js';
import type { ArticleMeta, BoilerplateReason, BoilerplateSpan, SourceDocument, Span } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { loadBoilerplateCues, type BoilerplateCues } from './cues.js';

/** The HTML libraries, loaded on the first HTML file (a run over .txt/.md never loads them). */
interface HtmlLibraries {
  parse: typeof import('parse5').parse;
  parseFragment: typeof import('parse5').parseFragment;
  Readability: typeof import('@mozilla/readability').Readability;
  parseHTML: typeof import('linkedom').parseHTML;
}
let libraries: HtmlLibraries | undefined;
function html(): HtmlLibraries {
  if (!libraries) {
    // Synchronous, so readSource stays synchronous: the packages' CommonJS builds.
    const require = createRequire(import.meta.url);
    const parse5 = require('parse5') as typeof import('parse5');
    libraries = {
      parse: parse5.parse,
      parseFragment: parse5.parseFragment,
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    };
  }
  return libraries;
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** Elements whose text is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);

/** Page chrome: never article text, even when Readability finds nothing better. */
const CHROME = new Set(['nav', 'footer', 'aside']);

/** Elements that start a new block of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'html',
]);

/** The text of one block element between `<br>`s. */
interface Unit {
  /** Text nodes; `afterSkip`: a skipped element (script, style, ...) lies between this node and the previous one. */
  nodes: { start: number; end: number; value: string; afterSkip: boolean; inPageLink: boolean }[];
  text: string;
  heading: boolean;
  /** Inside nav, footer or aside. */
  chrome: boolean;
  /** Inside an element that is page furniture by its tag or class name (a caption, a code block, a newsletter box). */
  furniture: Furniture | null;
}

/** An element marked as page furniture; `id` tells its units apart from another element's. */
interface Furniture {
  reason: BoilerplateReason;
  rule: string;
  id: number;
  /** Marked by a class name (dropped only when short), or by its tag (always). */
  byClass: boolean;
}

/** The furniture an element is by its tag (<figcaption>, <pre>) or its class names (lexicons/ingest/boilerplate.yml furniture_classes), or null. */
function furnitureOf(el: Element, id: number, cues: BoilerplateCues): Furniture | null {
  if (el.tagName === 'figcaption') return { reason: 'caption', rule: 'inside <figcaption>', id, byClass: false };
  if (el.tagName === 'pre') return { reason: 'markup', rule: 'preformatted code block (<pre>)', id, byClass: false };
  const cls = attr(el, 'class');
  if (!cls) return null;
  const classes = cues.furnitureClasses;
  for (const name of cls.toLowerCase().split(/\s+/)) {
    if (/^(?:no|not|without|has|with|hide|hidden)[-_]/.test(name)) continue; // "no_caption", "has-caption": a state, not the thing
    for (const part of name.split(/[_-]+/)) {
      const reason = classes.get(part);
      if (reason) return { reason, rule: `element of class "${name.slice(0, 60)}"`, id, byClass: true };
    }
  }
  return null;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Splits a tree into units, in document order. With `located`, only text nodes with a source
 * range. Iterative (an explicit stack), so deeply nested pages do not exhaust the call stack.
 */
function unitsOf(root: Node, located: boolean, cues: BoilerplateCues): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  let skipped = false; // a skipped element since the last text node of the current unit
  const close = () => {
    if (current && current.nodes.length > 0) {
      current.text = collapse(current.nodes.map((n) => n.value).join(''));
      if (current.text) units.push(current);
    }
    current = null;
    skipped = false;
  };
  // A frame: a node to enter, or (exit) a block element to close after its children.
  const stack: { node: Node; heading: boolean; chrome: boolean; furniture: Furniture | null; link: boolean; exit: boolean }[] = [
    { node: root, heading: false, chrome: false, furniture: null, link: false, exit: false },
  ];
  let elementId = 0;
  while (stack.length > 0) {
    const { node, heading, chrome, furniture, link, exit } = stack.pop()!;
    if (exit) {
      close();
      continue;
    }
    if (node.nodeName === '#text') {
      const t = node as TextNode;
      const loc = t.sourceCodeLocation;
      if (located && !loc) continue;
      current ??= { nodes: [], text: '', heading, chrome, furniture };
      current.nodes.push({
        start: loc?.startOffset ?? 0,
        end: loc?.endOffset ?? 0,
        value: t.value,
        afterSkip: skipped && current.nodes.length > 0,
        inPageLink: link,
      });
      skipped = false;
      continue;
    }
    if (!('childNodes' in node)) continue;
    const tag = 'tagName' in node ? node.tagName : '';
    if (SKIP.has(tag)) {
      skipped = true;
      continue;
    }
    if (tag === 'br') {
      close();
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      close();
      stack.push({ node, heading, chrome, furniture, link, exit: true });
    }
    const h = heading || /^h[1-6]$/.test(tag);
    const c = chrome || CHROME.has(tag);
    // only block elements (their own units) are furniture: an inline <span class="credit"> inside a paragraph stays with it
    const f = furniture ?? (block ? furnitureOf(node as Element, elementId++, cues) : null);
    const l = link || (tag === 'a' && (attr(node as Element, 'href') ?? '').trim().startsWith('#'));
    for (let k = node.childNodes.length - 1; k >= 0; k--) stack.push({ node: node.childNodes[k]!, heading: h, chrome: c, furniture: f, link: l, exit: false });
  }
  close();
  // A block whose whole text is links to elsewhere on the same page (href="#…") is in-page
  // navigation: skip links ("Continue reading the main story" jumping past an ad), "Back to top",
  // a table of contents. Headings stay (a section heading is often a link to itself).
  for (const u of units)
    if (!u.furniture && !u.heading && u.nodes.every((n) => n.inPageLink || !n.value.trim()))
      u.furniture = { reason: 'markup', rule: 'links within the page standing alone (skip link, table of contents)', id: elementId++, byClass: false };
  return units;
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) out.push(node);
    const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
    if ('content' in node && node.nodeName === 'template') children.push(node.content);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
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

/** Deepest element nesting parallax reads (browsers cap the DOM depth their parser builds at 512; Readability is cubic in it: 400 levels take seconds). */
export const MAX_HTML_NESTING = 256;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'basefont',
  'bgsound',
  'frame',
]);
/** Elements whose end tag may be left out: not counted (an unclosed <p> or <li> does not nest). */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rtc',
  'rp',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * The deepest nesting of elements that need an end tag, from a linear scan of the tags (comments
 * and raw-text elements skipped). An estimate, used to refuse pages the HTML libraries would take
 * quadratic time (and stack) on.
 */
export function htmlNesting(text: string): number {
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
  const lower = text.toLowerCase();
  let depth = 0;
  let max = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2] === undefined) continue; // comment
    const tag = m[2].toLowerCase();
    if (VOID.has(tag) || OPTIONAL_END.has(tag)) continue;
    if (m[1]) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (m[3]) continue; // <x/>
    if (RAW_TEXT.has(tag)) {
      const end = lower.indexOf(`</${tag}`, re.lastIndex);
      re.lastIndex = end < 0 ? text.length : end;
      continue;
    }
    if (++depth > max) max = depth;
  }
  return max;
}

/** Class or id names Readability takes for a byline (its own pattern, `REGEXPS.byline`). */
const BYLINE_LIKE = /byline|author|dateline|writtenby|p-author/i;

/** The parts of linkedom's DOM this reads (the project's TypeScript has no DOM library). */
interface DomElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  closest(selectors: string): DomElement | null;
}

/**
 * Readability removes the first element whose class or id looks like a byline, even inside a
 * paragraph (`<p><span class="dateline">CAIRO —</span> Gunmen …</p>`): the paragraph it keeps then
 * no longer matches the source's, and the whole paragraph was lost from the article. Such an
 * element inside running text (its parent a paragraph or list item with more text than it) is part
 * of the sentence, so its class and id are cleared before Readability reads the page; a byline
 * standing as its own block is left to Readability.
 */
function keepInlineBylineLookalikes(document: { querySelectorAll(selectors: string): ArrayLike<DomElement> }): void {
  for (const el of Array.from(document.querySelectorAll('p [class], p [id], li [class], li [id]'))) {
    if (!BYLINE_LIKE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    const block = el.closest('p, li');
    if (!block || (block.textContent ?? '').trim().length <= (el.textContent ?? '').trim().length) continue;
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
}

/**
 * Page chrome (<nav>, <footer>, <aside>) is never article text here (CHROME), so it is taken out
 * of the DOM before Readability chooses the main content: otherwise Readability may pick a block
 * inside the footer (a "printed from" notice, a copyright paragraph) when the real article sits in
 * a wrapper whose class name it takes for page furniture ("site_header") and drops on its first
 * pass, and parallax, refusing chrome, is left with no article text at all. Without the chrome
 * Readability's first pass finds too little text and it retries without dropping such wrappers.
 */
function removeChrome(document: { querySelectorAll(selectors: string): ArrayLike<{ remove(): void }> }): void {
  for (const el of Array.from(document.querySelectorAll([...CHROME].join(', ')))) el.remove();
}

/** Reads an HTML article: content = the main text's text nodes, offsets into the raw HTML. */
export function readHtml(path: string, text: string, lexicons?: Lexicons): SourceDocument {
  const cues = loadBoilerplateCues(lexicons);
  const nesting = htmlNesting(text);
  if (nesting > MAX_HTML_NESTING) {
    throw new InputError('HTML is nested too deeply', {
      file: path,
      expected: `at most ${MAX_HTML_NESTING.toLocaleString('en-US')} levels of nested elements`,
      found: `${nesting.toLocaleString('en-US')} levels`,
      hint: 'save the article text as a .txt file, or fix the page markup',
    });
  }
  const { parse, parseFragment, Readability, parseHTML } = html();
  const tree = parse(text, { sourceCodeLocationInfo: true });
  const meta = pageMeta(tree);
  const source = unitsOf(tree, true, cues);

  let article: ReturnType<ReadabilityType<string>['parse']> = null;
  try {
    // linkedom's declarations do not resolve for the type-aware linter (tsc reads them); the DOM is used as Readability's `Document`.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
    const { document } = parseHTML(text);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
    keepInlineBylineLookalikes(document);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
    removeChrome(document);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
    article = new Readability(document, { charThreshold: 200 }).parse();
  } catch {
    article = null; // Readability gives up on some pages; fall back to every text block below
  }
  const kept = new Map<string, number>();
  const keptUnits = article?.content ? unitsOf(parseFragment(article.content), false, cues) : [];
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
    for (let i = first - 1; i >= 0; i--)
      if (source[i]!.heading && source[i]!.text === title) {
        isContent[i] = true;
        break;
      }
  }
  if (!isContent.includes(true)) {
    throw new InputError('no article text found in the HTML page', {
      file: path,
      expected: 'an HTML page with an article (paragraphs of text)',
      found: source.length === 0 ? 'no visible text' : 'only navigation, scripts and short snippets',
      hint: 'save the article page itself, or paste its text into a .txt file',
    });
  }

  // Furniture by tag or class name (captions, code blocks, newsletter boxes) that Readability kept:
  // excluded with its reason; an element marked by class only when it is short (see furnitureOf).
  const furnitureWords = new Map<number, number>();
  source.forEach((u, i) => {
    if (isContent[i] && u.furniture) furnitureWords.set(u.furniture.id, (furnitureWords.get(u.furniture.id) ?? 0) + u.text.split(' ').length);
  });
  const { furnitureMaxWords } = cues;
  const furnitureAt = source.map((u, i) =>
    isContent[i] && u.furniture && (!u.furniture.byClass || furnitureWords.get(u.furniture.id)! <= furnitureMaxWords) ? u.furniture : null,
  );
  const furniture: BoilerplateSpan[] = [];
  // a page whose whole text is furniture (an article saved inside <pre>) keeps it
  if (isContent.every((c, i) => !c || furnitureAt[i])) furnitureAt.fill(null);
  source.forEach((u, i) => {
    const f = furnitureAt[i];
    if (!f) return;
    isContent[i] = false;
    for (const n of u.nodes) furniture.push({ start: n.start, end: n.end, text: text.slice(n.start, n.end), reason: f.reason, rule: f.rule });
  });

  const content: Span[] = [];
  const bylines: Span[] = [];
  const inline: Span[] = [];
  const breaks: number[] = [];
  const references: (Span & { value: string })[] = [];
  source.forEach((u, i) => {
    const isByline = !isContent[i] && byline !== '' && u.text === byline && !bylines.length;
    if (!isContent[i] && !isByline) return;
    u.nodes.forEach((n, k) => {
      if (isByline) {
        bylines.push({ start: n.start, end: n.end });
        return;
      }
      const prev = u.nodes[k - 1];
      if (prev && prev.end < n.start) {
        // Tags between two text nodes of one block: inline markup inside a sentence (<a>, <b>),
        // or a skipped element (<script>) that stays excluded and ends the sentence.
        if (n.afterSkip) breaks.push(prev.end);
        else inline.push({ start: prev.end, end: n.start });
      }
      content.push({ start: n.start, end: n.end });
      const raw = text.slice(n.start, n.end);
      for (const m of raw.matchAll(REFERENCE)) {
        const value = decodeReference(m[0]);
        if (value !== m[0]) references.push({ start: n.start + m.index, end: n.start + m.index + m[0].length, value });
      }
    });
    if (!isByline) breaks.push(u.nodes[u.nodes.length - 1]!.end);
  });

  const excluded: BoilerplateSpan[] = [];
  const outside = [...content, ...bylines, ...inline, ...furniture].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const s of outside) {
    if (s.start > cursor)
      excluded.push({ start: cursor, end: s.start, text: text.slice(cursor, s.start), reason: 'markup', rule: 'outside the main text (readability)' });
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < text.length)
    excluded.push({ start: cursor, end: text.length, text: text.slice(cursor), reason: 'markup', rule: 'outside the main text (readability)' });
  for (const b of bylines) excluded.push({ ...b, text: text.slice(b.start, b.end), reason: 'byline', rule: 'the page marks it as the byline (readability)' });
  excluded.push(...furniture);
  excluded.sort((a, b) => a.start - b.start);

  if (!meta.author && byline) meta.author = byline.replace(/^by\s+/i, '');
  if (!meta.outlet && article?.siteName) meta.outlet = collapse(article.siteName);
  if (!meta.date) meta.date = isoDate(article?.publishedTime);
  breaks.sort((a, b) => a - b);
  return { path, format: 'html', text, meta, content, excluded, layout: { breaks, references } };
}
