/** HTML pages: a quotation in straight marks written as &quot; (or after a tag) is a quotation, as in a .txt file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/analyses/quotes.js';
import type { AttributionFinding } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';

const PAGE = (p: string) =>
  `<html><head><title>Test page</title></head><body><article><h1>Council votes on bridge</h1>
<p>The council met on Monday to vote on the new bridge across the river, which has been debated for years by residents and officials alike.</p>
<p>${p}</p>
<p>Critics said the plan was too expensive and that the river crossing would harm the old town and its shops and markets.</p>
</article></body></html>
`;

function attributions(html: string): AttributionFinding[] {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-q-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  return analyseArticles([prepareArticle(file)], loadLexicons()).findings.filter((f): f is AttributionFinding => f.kind === 'attribution');
}

describe('quotations in HTML source', () => {
  it('&quot; marks, as the first thing in a paragraph', () => {
    const html = PAGE('&quot;We will build it this year,&quot; the mayor said after the vote.');
    const [q] = attributions(html);
    expect(q).toMatchObject({
      pattern: 'quote-then-said',
      direct: true,
      source: { text: 'the mayor' },
      cue: { text: 'said' },
      content: { text: '&quot;We will build it this year,&quot;' },
    });
    expect(html.slice(q!.content!.start, q!.content!.end)).toBe('&quot;We will build it this year,&quot;');
  });

  it('a literal straight mark right after a tag', () => {
    const [q] = attributions(PAGE('"We will build it this year," the mayor said after the vote.'));
    expect(q).toMatchObject({ pattern: 'quote-then-said', direct: true, content: { text: '"We will build it this year,"' } });
  });

  it('the scanner maps character references of double marks back to the source', () => {
    const t = 'x &ldquo;Go,&rdquo; she said; &#34;Stop&#34;.';
    expect(findQuotations(t, [{ start: 0, end: t.length }]).map((q) => [q.start, q.end, q.text, q.innerStart, q.innerEnd, q.open, q.close])).toEqual([
      [2, 19, '&ldquo;Go,&rdquo;', 9, 12, '&ldquo;', '&rdquo;'],
      [30, 44, '&#34;Stop&#34;', 35, 39, '&#34;', '&#34;'],
    ]);
  });
});
