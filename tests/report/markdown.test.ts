import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { fixtureReport } from './fixture.js';
import { gfmTables } from './gfm.js';

describe('formatMarkdown on the fixture report', () => {
  const out = formatMarkdown(fixtureReport(), { command: 'parallax analyze cases' });

  it('matches the expected report', async () => {
    await expect(out).toMatchFileSnapshot('./expected/fixture.md');
  });

  it('parses into GFM tables whose rows all have the header column count', () => {
    const tables = gfmTables(out);
    expect(tables.map((t) => t.header.length)).toEqual([8, 3, 3, 6, 6, 3, 8, 3]);
    for (const t of tables) for (const row of t.rows) expect(row.length).toBe(t.header.length);
  });

  it('marks loaded terms, cues and unsourced assertions in the versions', () => {
    expect(out).toContain('- **e3** Critics **slammed** the **so-called "plan"** as a **disaster**, the mayor *admitted*.');
    expect(out).toContain('> ⚑ The bridge will cost 12 million euros.');
  });
});

describe('markdown marks next to punctuation', () => {
  it('falls back to HTML tags where GFM emphasis would not parse', () => {
    const r = fixtureReport();
    // A mark that starts with punctuation right after a letter ("so|-called") cannot open GFM emphasis.
    const f2 = r.findings.find((f) => f.id === 'f2')!;
    const start = r.articles[0]!.text.indexOf('-called');
    Object.assign(f2, { start, end: start + 7, text: '-called' });
    const out = formatMarkdown(r);
    expect(out).toContain('the so<b>-called</b> "plan" as');
  });
});
