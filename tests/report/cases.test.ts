/**
 * Snapshot cases through the real pipeline: each case's articles → report.md and report.html in
 * tests/cases/<name>/ (real files, `vitest -u` rewrites them). Also determinism, permuted input
 * order, GFM table shape and the hostile fixture's escaping.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analysePaths } from '../../src/pipeline.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatHtml } from '../../src/report/html.js';
import { gfmTables } from './gfm.js';
import { htmlProblems, markdownHeadings, markdownProblems } from './structure.js';

const CASES = [
  { name: 'small', input: 'tests/cases/small/articles' },
  { name: 'hostile', input: 'tests/fixtures/hostile' },
] as const;

function render(paths: string[], command: string) {
  const report = analysePaths(paths);
  return { report, md: formatMarkdown(report, { command }), html: formatHtml(report, { command }) };
}

const HEADING =
  /^(# \d+ articles? side by side: |## (Articles|Summary|Coverage|Shared events|Reported by one outlet only|Outlets|Actors|Legend|Methodology)$|### (e\d+ · |Only |Rules that fired$|Lexicons$)|### .* \(a\d+\)$|#### (Unsourced assertions|Attributions) \(\d+\)$)/;

for (const c of CASES) {
  describe(`case ${c.name}`, () => {
    const command = `parallax analyze ${c.input}`;
    const { md, html } = render([c.input], command);

    it('matches tests/cases/<name>/report.md and report.html', async () => {
      await expect(md).toMatchFileSnapshot(`../cases/${c.name}/report.md`);
      await expect(html).toMatchFileSnapshot(`../cases/${c.name}/report.html`);
    });

    it('is byte-identical across runs and across permuted input order', () => {
      const files = readdirSync(c.input)
        .sort()
        .map((f) => join(c.input, f));
      expect(render([c.input], command)).toMatchObject({ md, html });
      expect(render([...files].reverse(), command)).toMatchObject({ md, html });
    });

    it('parses as GFM into tables whose rows all have the header column count, headings all its own', () => {
      const tables = gfmTables(md);
      expect(tables.length).toBeGreaterThanOrEqual(5);
      for (const t of tables) for (const row of t.rows) expect(row.length, `row ${JSON.stringify(row)}`).toBe(t.header.length);
      expect(markdownHeadings(md).filter((hd) => !HEADING.test(hd))).toEqual([]);
      expect(markdownProblems(md)).toEqual([]);
    });

    it('has no element, attribute or link from the articles in the HTML', () => {
      expect(htmlProblems(html)).toEqual([]);
    });
  });
}

describe('hostile fixture', () => {
  const { md, html } = render(['tests/fixtures/hostile'], 'parallax analyze tests/fixtures/hostile');

  it('keeps no raw markup, escape sequence or bidi control in either output', () => {
    for (const out of [md, html]) {
      expect(out).not.toMatch(/<script|<img|<iframe|<\/textarea/i);
      expect(out).not.toMatch(/[\u001b\u0007\u009b\u202e\u202c]/);
    }
  });

  it('shows the hostile text as text', () => {
    const { document } = parseHTML(html);
    const text = document.body.textContent ?? '';
    expect(text).toContain('a disaster <script>alert("x")</script> and `rm -rf /` will follow.');
    expect(text).toContain('Evil | Outlet <img src=x onerror=alert(2)>');
    // "disaster" is the minister's word (reported speech), so it is not marked; the text stays escaped.
    expect(md).toContain('a disaster &lt;script&gt;alert("x")&lt;/script&gt; and \\`rm -rf /\\` will follow.');
  });

  it('keeps article headings, lists and tables out of the markdown structure', () => {
    const headings = markdownHeadings(md);
    expect(headings.some((hd) => /Fake heading|Breaking/.test(hd))).toBe(false);
    const tables = gfmTables(md);
    expect(tables.some((t) => t.header.some((cell) => /col a/.test(cell)))).toBe(false);
  });
});
