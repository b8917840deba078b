/**
 * HTML main-text choice around page chrome and in-page links:
 * - an article inside a wrapper whose class name Readability takes for page furniture, with a
 *   long notice in the <footer> (Readability used to pick the footer notice, parallax refused it
 *   as chrome and found no article text at all);
 * - blocks that are only links within the page (skip links, "Back to top") are markup;
 * - the saved medicalnewstoday page of that structure (../shared/datasets/web-pages, skipped
 *   when absent) reads from its first to its last article sentence.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/pipeline.js';
import { DATASETS, REPO } from '../helpers.js';

const FIXTURE = resolve(REPO, 'tests/fixtures/ingest/article-in-header-wrapper.html');
const MNT = join(DATASETS, 'web-pages', 'medicalnewstoday', 'source.html');
const hasMnt = existsSync(MNT);
if (!hasMnt) console.warn(`skipping the medicalnewstoday page: ${MNT} not found (set PARALLAX_DATASETS to the datasets folder)`);

const prose = (path: string) =>
  prepareArticle(path)
    .sentences.filter((s) => !s.heading)
    .map((s) => s.text);

describe('an article in a "header" wrapper, a notice in the footer', () => {
  it('reads the article paragraphs, not the footer notice', () => {
    const sentences = prose(FIXTURE);
    expect(sentences).toEqual([
      'The island ferry will sail four times a day instead of seven from the first of November, the operator said on Monday.',
      'Its chief executive said fewer passengers travel in the dark months and that the older of the two boats needs a new engine.',
      'Shopkeepers on the island said the change would make it harder for their staff to reach work on time in the morning.',
      'The council will discuss the timetable at its next meeting and has asked the operator to keep an early sailing on weekdays.',
    ]);
    const a = prepareArticle(FIXTURE);
    const notice = a.text.indexOf('This page was printed');
    expect(a.body.some((b) => b.start <= notice && notice < b.end)).toBe(false);
  });
});

describe('links within the page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const para = (n: number) => `<p>Paragraph ${n}: the council met for hours on the plan for the harbour road and agreed to vote again next week.</p>`;

  it('a skip link or "Back to top" standing alone is markup; an in-page link inside a sentence and a self-linked heading stay', () => {
    const html =
      `<body><article><h1>Harbour road</h1>${para(1)}<a class="skip" href="#after-ad">Continue reading the main story</a>` +
      `<h2><a href="#vote">The vote</a></h2>${para(2)}<p>The plan is set out in <a href="#annex">the annex</a> to the council's report.</p>` +
      `${para(3)}<div><a href="#top">Back to top</a></div></article></body>`;
    const path = join(dir, 'links.html');
    writeFileSync(path, html);
    const a = prepareArticle(path);
    const skip = html.indexOf('Continue reading');
    const top = html.indexOf('Back to top');
    for (const at of [skip, top]) expect(a.body.some((b) => b.start <= at && at < b.end)).toBe(false);
    // Readability keeps the skip link (it sits between paragraphs); the new rule marks it
    expect(a.boilerplate.find((b) => b.start <= skip && skip < b.end)?.rule).toBe('links within the page standing alone (skip link, table of contents)');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Harbour road',
      'Paragraph 1: the council met for hours on the plan for the harbour road and agreed to vote again next week.',
      'The vote',
      'Paragraph 2: the council met for hours on the plan for the harbour road and agreed to vote again next week.',
      'The plan is set out in <a href="#annex">the annex</a> to the council\'s report.',
      'Paragraph 3: the council met for hours on the plan for the harbour road and agreed to vote again next week.',
    ]);
  });
});

describe.skipIf(!hasMnt)('the saved medicalnewstoday page', () => {
  it('reads from the first to the last article sentence', () => {
    const sentences = prepareArticle(MNT).sentences.map((s) => s.text);
    expect(sentences[0]).toBe('How does the brain turn unconscious information into conscious thought?');
    expect(sentences[1]).toBe(
      'Neuroscience tells us that most of the work done by our brains happens on an unconscious level, but when does that "a-ha!" moment occur?',
    );
    expect(sentences[sentences.length - 1]).toBe(
      'The findings provide unique insights into the biology of consciousness, say the researchers, and they bring us closer to understanding the biological basis of decisions, ethics, and, generally, the human mind.',
    );
    expect(sentences.length).toBeGreaterThan(40);
  });
});
