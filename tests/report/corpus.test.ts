/**
 * The bundled corpus through the real pipeline: the committed examples reports/example/corpus.md and
 * reports/example/corpus.html must be current, the markdown must parse into consistent GFM tables, and
 * every shared event must show each reporting outlet's text (in the markdown and in the HTML's
 * outlet columns).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analysePaths } from '../../src/pipeline.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatHtml } from '../../src/report/html.js';
import { gfmTables } from './gfm.js';
import { htmlProblems, markdownProblems, markdownText, norm } from './structure.js';

const COMMAND = 'parallax analyze corpus'; // what `npm run reports` passes to the formatters
const report = analysePaths(['corpus']);
const md = formatMarkdown(report, { command: COMMAND });
const html = formatHtml(report, { command: COMMAND });

describe('committed corpus reports', () => {
  for (const [path, fresh] of [
    ['reports/example/corpus.md', md],
    ['reports/example/corpus.html', html],
  ] as const) {
    it(`${path} is current`, () => {
      const committed = existsSync(path) ? readFileSync(path, 'utf8') : null;
      expect(committed === fresh, `${path} is stale or missing: run \`npm run reports\` and commit it`).toBe(true);
    });
  }
});

describe('corpus report', () => {
  it('parses into GFM tables whose rows all have the header column count', () => {
    const tables = gfmTables(md);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) for (const row of t.rows) expect(row.length).toBe(t.header.length);
    expect(markdownProblems(md)).toEqual([]);
    expect(htmlProblems(html)).toEqual([]);
  });

  const shared = report.events.filter((e) => e.articles.length > 1);
  it('has shared events to compare', () => {
    expect(shared.length).toBeGreaterThan(0);
  });

  it('shows every event with each reporting outlet’s text in the markdown', () => {
    const text = markdownText(md);
    for (const e of report.events) for (const m of e.mentions) expect(text, `${e.id} ${m.article}`).toContain(norm(m.text));
  });

  it('puts each shared event’s mentions in the reporting outlet’s column of the HTML', () => {
    const { document } = parseHTML(html);
    for (const e of shared) {
      const cols = [...document.querySelectorAll(`#${e.id} .columns > .col`)];
      expect(cols.length).toBe(report.articles.length);
      report.articles.forEach((a, i) => {
        const col = cols[i]!;
        const mine = e.mentions.filter((m) => m.article === a.id);
        expect(col.getAttribute('data-article')).toBe(mine.length > 0 ? a.id : null);
        for (const m of mine) expect(norm(col.textContent ?? '')).toContain(norm(m.text));
      });
    }
  });
});
