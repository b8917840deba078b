/**
 * Issue #19 item 12: `analyze` of 200 small articles wrote a 16 MB HTML report (measured again:
 * the first 200 PolNeAR train texts, 765 KB, made a 49 MB page). Part of it grew with events ×
 * articles: a "not reported" column per other article in every shared event, "left out by" lists
 * naming every other outlet, a coverage cell per event and article, each outlet's list of the
 * events it leaves out. A wide report (more than WIDE_ARTICLES articles) now shows only what each
 * event has, so the page is bounded by what it shows: the input and the text of the events'
 * mentions (alignment may put one sentence into several events; that is the report's content,
 * and the JSON has it too).
 *
 * Size-based, on real texts (the first PolNeAR train texts by name); no time limits. Skips
 * without ../shared/datasets.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { analysePaths } from '../../src/pipeline.js';
import { formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { WIDE_ARTICLES } from '../../src/report/view-model.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const TEXTS = join(DATASETS, 'polnear', 'train', 'text');
const firstTexts = (n: number) =>
  readdirSync(TEXTS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, n)
    .map((f) => join(TEXTS, f));

/** Input bytes, the characters of every event mention, and the page. */
function measure(n: number): { report: Report; html: string; input: number; shown: number } {
  const files = firstTexts(n);
  const report = analysePaths(files);
  const html = formatHtml(report);
  const input = files.reduce((s, f) => s + statSync(f).size, 0);
  const shown = report.events.reduce((s, e) => s + e.mentions.reduce((t, m) => t + m.end - m.start, 0), 0);
  return { report, html, input, shown };
}

describe.skipIf(!HAS_DATASETS)('HTML report size grows with what it shows, not with events × articles (issue #19 item 12)', () => {
  const small = HAS_DATASETS ? measure(12) : null;
  const big = HAS_DATASETS ? measure(24) : null;

  it('each shared event of a wide report is bounded by its own versions, mention text and findings', () => {
    const { report, html } = big!;
    expect(report.articles.length).toBeGreaterThan(WIDE_ARTICLES);
    const shared = report.events.filter((e) => e.articles.length > 1);
    expect(shared.length).toBeGreaterThan(10);
    for (const e of shared) {
      const block = new RegExp(`<article class="event" id="${e.id}">[\\s\\S]*?</article>`).exec(html)![0];
      const chars = e.mentions.reduce((s, m) => s + m.end - m.start, 0);
      const findings = report.findings.filter((f) => e.mentions.some((m) => m.article === f.article && f.start < m.end && f.end > m.start)).length;
      // Before: 22 "not reported" columns and a 22-name "left out by" list in a two-version event (1.5× this bound).
      expect(Buffer.byteLength(block), e.id).toBeLessThanOrEqual(600 + 600 * e.articles.length + 6 * chars + 800 * findings);
    }
    expect(html).not.toContain('class="col absent"');
    // The coverage table has two columns (event, who reports it), not one per article.
    expect(html).toContain('<thead><tr><th>Event</th><th>Reported by</th></tr></thead>');
    // The markdown report alike: no coverage cell per article, no list of every outlet that left an event out.
    const md = formatMarkdown(report);
    expect(md).toContain('| Event | Reported by |');
    const first = shared.find((e) => e.articles.length < report.articles.length)!;
    expect(md).toContain(`left out by ${report.articles.length - first.articles.length} other outlets`);
  });

  it('the whole page stays within a bound proportional to the input and the mention text, at 12 and at 24 articles alike', () => {
    const ratio = ({ html, input, shown }: NonNullable<typeof big>) => Buffer.byteLength(html) / (input + shown);
    for (const m of [small!, big!]) {
      expect(Buffer.byteLength(m.html)).toBeLessThanOrEqual(6 * (m.input + m.shown) + 2000 * m.report.articles.length);
    }
    // Twice the articles: the page per byte shown grows by at most a quarter (measured: 4.30 → 3.94).
    expect(ratio(big!)).toBeLessThanOrEqual(1.25 * ratio(small!));
  });
});
