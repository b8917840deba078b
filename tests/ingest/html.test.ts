/**
 * HTML ingest on a hostile-ish page (nav, share buttons, scripts with tags in strings, entities,
 * figure caption, related links, footer): main text only, offsets into the raw HTML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource, segment } from '../../src/ingest/index.js';
import { htmlNesting, MAX_HTML_NESTING } from '../../src/ingest/html.js';
import { prepareArticle } from '../../src/pipeline.js';
import { InputError } from '../../src/core/errors.js';
import { REPO } from '../helpers.js';

const PAGE = resolve(REPO, 'tests/fixtures/ingest/hostile-page.html');

describe('readHtml', () => {
  const doc = readSource(PAGE);
  const raw = readFileSync(PAGE, 'utf8');

  it('reads meta from og:title, og:site_name, author, article:published_time and the canonical link', () => {
    expect(doc.meta).toEqual({
      title: 'Port strike ends after nine days',
      outlet: 'The Harbour Gazette',
      author: 'Mira Lindqvist',
      date: '2024-03-18',
      url: 'https://example.org/news/port-strike-ends',
    });
  });

  it('content is the main text: exact text nodes of the raw page', () => {
    expect(doc.text).toBe(raw);
    const texts = doc.content.map((c) => raw.slice(c.start, c.end));
    expect(texts[0]).toBe('Port strike ends after nine days');
    expect(texts[1]).toMatch(/^Dock workers in Gävle returned to work on Monday/);
    expect(texts).toContain('Thursday');
    expect(texts).toContain('Support independent journalism: donate via PayPal.');
    // the <figcaption> is excluded by its tag, as a caption (not content)
    expect(texts).not.toContain('Ships waiting outside the harbour on Friday. Photo: Per Ek / TT');
    expect(doc.excluded.filter((e) => e.reason === 'caption').map((e) => [e.text, e.rule])).toEqual([
      ['Ships waiting outside the harbour on Friday. Photo: Per Ek / TT', 'inside <figcaption>'],
    ]);
    for (const t of texts) expect(t).not.toMatch(/[<>]|Share on Facebook|Ferry fares|Privacy|Injected|dataLayer|Opinion/);
  });

  it('everything else is markup, and content + excluded cover the file without overlap (but inline tags inside a paragraph)', () => {
    const all = [...doc.content.map((c) => ({ ...c, kind: 'content' })), ...doc.excluded.map((e) => ({ ...e, kind: e.reason }))].sort(
      (a, b) => a.start - b.start,
    );
    let cursor = 0;
    const inline: string[] = [];
    for (const s of all) {
      // Tags between two text nodes of one paragraph are neither prose nor boilerplate.
      if (s.start !== cursor) inline.push(raw.slice(cursor, s.start));
      expect(s.start).toBeGreaterThanOrEqual(cursor);
      cursor = s.end;
    }
    expect(inline).toEqual(['<a href="/news/talks">', '</a>']);
    expect(cursor).toBe(raw.length);
    expect(new Set(doc.excluded.map((e) => e.reason))).toEqual(new Set(['markup', 'caption']));
    for (const e of doc.excluded) expect(raw.slice(e.start, e.end)).toBe(e.text);
  });

  it('character references are listed with the characters they stand for', () => {
    const refs = doc.layout!.references.map((r) => [raw.slice(r.start, r.end), r.value]);
    expect(refs).toEqual([
      ['&ldquo;', '\u201C'],
      ['&rdquo;', '\u201D'],
      ['&nbsp;', '\u00A0'],
      ['&amp;', '&'],
      ['&mdash;', '\u2014'],
      ['&nbsp;', '\u00A0'],
      ['&rsquo;', '\u2019'],
      ['&#39;', "'"],
    ]);
  });

  it('boilerplate inside the article (caption, donation prompt) is detected on the decoded text', () => {
    const seg = segment(doc);
    const found = seg.boilerplate.filter((b) => b.reason !== 'markup').map((b) => [b.reason, b.text]);
    expect(found).toEqual([
      ['caption', 'Ships waiting outside the harbour on Friday. Photo: Per Ek / TT'],
      ['donation-prompt', 'Support independent journalism: donate via PayPal.'],
    ]);
    expect(seg.body.length).toBe(7);
  });

  describe('pages without an article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-html-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('a page of navigation only is refused with a clear error', () => {
      const path = join(dir, 'nav.html');
      writeFileSync(path, '<html><body><nav><a href="/">Home</a> <a href="/x">News</a></nav><script>var x = "<p>text</p>";</script></body></html>');
      expect(() => readSource(path)).toThrow(InputError);
      expect(() => readSource(path)).toThrow(/no article text found/);
    });
  });
});

describe('markup inside a paragraph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-inline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const prepare = (name: string, html: string) => {
    const path = join(dir, name);
    writeFileSync(path, html);
    return prepareArticle(path);
  };

  it('a <script> inside a paragraph is boilerplate and ends the sentence; no sentence spans it', () => {
    const html =
      '<body><article><p>troops <script>alert(1)</script> Sergei Lavrov troops\n\nSergei Lavrov said that 1,000 troops had arrived.\n</p></article></body>';
    const a = prepare('script.html', html);
    const script = html.indexOf('<script>');
    const scriptEnd = html.indexOf('</script>') + '</script>'.length;
    expect(a.boilerplate.some((b) => b.start <= script && scriptEnd <= b.end && b.reason === 'markup')).toBe(true);
    expect(a.sentences.map((s) => s.text)).toEqual(['troops', 'Sergei Lavrov troops\n\nSergei Lavrov said that 1,000 troops had arrived.']);
    for (const s of a.sentences) for (const b of a.boilerplate) expect(s.start < b.end && b.start < s.end).toBe(false);
  });

  it('inline tags (<a>, <b>) are neither prose nor boilerplate: the sentence runs across them', () => {
    const html = '<body><article><p>The minister <b>Sergei Lavrov</b> said on <a href="/x">Monday</a> that 1,000 troops had arrived.</p></article></body>';
    const a = prepare('inline.html', html);
    expect(a.sentences.map((s) => s.text)).toEqual(['The minister <b>Sergei Lavrov</b> said on <a href="/x">Monday</a> that 1,000 troops had arrived.']);
    for (const s of a.sentences) for (const b of a.boilerplate) expect(s.start < b.end && b.start < s.end).toBe(false);
  });

  it('a dateline or author element inside a paragraph stays part of it (Readability took it for the byline and the paragraph was lost)', () => {
    const para = (n: number) => `<p>Paragraph ${n}: the council met for hours on the plan for the harbour road and agreed to vote again next week.</p>`;
    const html = `<body><article><h1>Harbour road</h1><p><span class="dateline">PORTVILLE —</span> The harbour bridge was closed on Tuesday after a storm damaged its cables.</p>${[1, 2, 3].map(para).join('')}</article></body>`;
    const a = prepare('dateline.html', html);
    expect(a.meta.author ?? null).toBeNull();
    expect(a.sentences.map((x) => x.text).slice(0, 2)).toEqual([
      'Harbour road',
      'PORTVILLE —</span> The harbour bridge was closed on Tuesday after a storm damaged its cables.',
    ]);
    // a byline standing as its own block is still Readability's byline
    const byline = prepare('byline.html', html.replace('<h1>Harbour road</h1>', '<h1>Harbour road</h1><div class="byline">By Ana Ruiz</div>'));
    expect(byline.meta.author).toBe('Ana Ruiz');
  });
});

describe('furniture by tag or class name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-furniture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const para = (n: number) => `<p>Paragraph ${n} of the article tells how the port strike ended after nine days of talks between the union and the owners.</p>`;
  const read = (name: string, html: string) => {
    const path = join(dir, name);
    writeFileSync(path, html);
    return readSource(path);
  };

  it('<pre> code, a newsletter box and a credit <div class="credit"> are excluded with their reasons; "no_caption" is not a caption', () => {
    const html = `<html><body><article><div class="item no_caption">${para(1)}</div>${para(2)}<pre><code>rekt: { list: [ list: [] ] }</code></pre>${para(3)}<section class="c-newsletter"><h2>Cities are changing fast. Keep up with the Daily newsletter.</h2></section>${para(4)}<div class="photo-credit">Jane Roe/Agence France-Presse</div>${para(5)}</article></body></html>`;
    const doc = read('furniture.html', html);
    const texts = doc.content.map((c) => html.slice(c.start, c.end));
    expect(texts.filter((t) => t.startsWith('Paragraph')).length).toBe(5);
    expect(
      doc.excluded.filter((e) => e.reason !== 'markup' || e.rule !== 'outside the main text (readability)').map((e) => [e.reason, e.text, e.rule]),
    ).toEqual([
      ['markup', 'rekt: { list: [ list: [] ] }', 'preformatted code block (<pre>)'],
      ['share-prompt', 'Cities are changing fast. Keep up with the Daily newsletter.', 'element of class "c-newsletter"'],
      ['caption', 'Jane Roe/Agence France-Presse', 'element of class "photo-credit"'],
    ]);
  });

  it('a long element whose class names furniture stays content (a wrapper wrongly named)', () => {
    const body = Array.from({ length: 8 }, (_, i) => para(i + 1)).join('');
    const html = `<html><body><article><div class="newsletter-body">${body}</div></article></body></html>`;
    const doc = read('wrapper.html', html);
    expect(doc.content.map((c) => html.slice(c.start, c.end)).filter((t) => t.startsWith('Paragraph')).length).toBe(8);
    expect(doc.excluded.every((e) => e.reason === 'markup')).toBe(true);
  });

  it('a page whose whole text is inside <pre> keeps it', () => {
    const html = `<html><body><pre>${'The port strike ended after nine days of talks between the union and the owners. '.repeat(5)}</pre></body></html>`;
    const doc = read('pre.html', html);
    expect(doc.content.length).toBeGreaterThan(0);
  });
});

describe('deeply nested HTML', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-deep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (depth: number) =>
    `<html><body>${'<div>'.repeat(depth)}<p>Sergei Lavrov said that 1,000 troops had arrived in the capital on Monday, officials said.</p>${'</div>'.repeat(depth)}</body></html>`;

  it('htmlNesting counts elements that need an end tag (not void or optional-end ones, not comments or scripts)', () => {
    expect(htmlNesting(page(5))).toBe(5);
    expect(htmlNesting('<div><p>a<p>b<li>c<br><img src=x><span/></div><!-- <div><div> --><script>"<div><div><div>"</script>')).toBe(1);
    expect(htmlNesting('<div><div></div><div><section></section></div></div>')).toBe(3);
  });

  it(`100 levels are read; ${MAX_HTML_NESTING + 1} and 20,000 levels are refused at once with an input error`, () => {
    writeFileSync(join(dir, 'ok.html'), page(100));
    expect(readSource(join(dir, 'ok.html')).content.map((c) => page(100).slice(c.start, c.end))).toEqual([
      'Sergei Lavrov said that 1,000 troops had arrived in the capital on Monday, officials said.',
    ]);
    writeFileSync(join(dir, 'over.html'), page(MAX_HTML_NESTING + 1));
    let error: unknown;
    try {
      readSource(join(dir, 'over.html'));
    } catch (e) {
      error = e;
    }
    expect((error as InputError).format()).toBe(
      `${join(dir, 'over.html')}: HTML is nested too deeply: expected at most ${MAX_HTML_NESTING} levels of nested elements, found ${MAX_HTML_NESTING + 1} levels — fix: save the article text as a .txt file, or fix the page markup`,
    );
    writeFileSync(join(dir, 'deep.html'), page(20_000));
    expect(() => readSource(join(dir, 'deep.html'))).toThrow(InputError);
    expect(() => readSource(join(dir, 'deep.html'))).toThrow(/HTML is nested too deeply/);
  });
});
