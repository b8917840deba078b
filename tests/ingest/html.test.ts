/**
 * HTML ingest on a hostile-ish page (nav, share buttons, scripts with tags in strings, entities,
 * figure caption, related links, footer): main text only, offsets into the raw HTML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource, segment } from '../../src/ingest/index.js';
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
    expect(texts).toContain('Ships waiting outside the harbour on Friday. Photo: Per Ek / TT');
    for (const t of texts) expect(t).not.toMatch(/[<>]|Share on Facebook|Ferry fares|Privacy|Injected|dataLayer|Opinion/);
  });

  it('everything else is markup, and content + excluded cover the file without overlap', () => {
    const all = [...doc.content.map((c) => ({ ...c, kind: 'content' })), ...doc.excluded.map((e) => ({ ...e, kind: e.reason }))].sort(
      (a, b) => a.start - b.start,
    );
    let cursor = 0;
    for (const s of all) {
      expect(s.start).toBe(cursor);
      cursor = s.end;
    }
    expect(cursor).toBe(raw.length);
    expect(new Set(doc.excluded.map((e) => e.reason))).toEqual(new Set(['markup']));
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
