/**
 * Articles kept from corpus mode's reading pass in compact form (src/corpus/story.ts) come back as
 * the article prepared again would: the same fields in the same order, the same tokens, and the
 * same story files, on the bundled articles and real PolNeAR texts (those skipped without the datasets).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptArticles, storyResult } from '../../src/corpus/story.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { prepareArticle } from '../../src/pipeline.js';

const REPO = resolve(__dirname, '../..');
const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(REPO, '../shared/datasets'));
const TEXTS = join(DATASETS, 'polnear', 'train', 'text');

const bundled = readdirSync(join(REPO, 'corpus'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => join(REPO, 'corpus', f));
const polnear = existsSync(TEXTS)
  ? readdirSync(TEXTS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 12)
      .map((f) => join(TEXTS, f))
  : [];

describe('compact kept articles', () => {
  const lexicons = loadLexicons();
  const paths = [...bundled, ...polnear];

  it('give back each article as prepared again: same JSON (fields, order, tokens)', () => {
    const kept = new KeptArticles(Infinity);
    for (const p of paths) kept.offer(prepareArticle(p, {}, lexicons));
    for (const p of paths) {
      expect(kept.has(p)).toBe(true);
      const back = kept.take(p)!;
      expect(kept.has(p)).toBe(false);
      expect(kept.take(p)).toBeUndefined();
      const again = prepareArticle(p, {}, lexicons);
      expect(back.tokens.length).toBeGreaterThan(50);
      expect(JSON.stringify(back)).toBe(JSON.stringify(again));
    }
  });

  it('make the same story files as articles prepared again, and keep no more text than the budget', () => {
    const stories = [bundled.slice(0, 3), ...polnear.slice(0, 4).map((p) => [p])];
    const files = (budget: number) => {
      const kept = new KeptArticles(budget);
      for (const p of stories.flat()) kept.offer(prepareArticle(p, {}, lexicons));
      const held = stories.flat().filter((p) => kept.has(p)).length;
      return { held, files: stories.map((s, k) => storyResult(s, kept, lexicons, {}, '/out', `s${k + 1}`, 'parallax corpus DIR').files.map((f) => f.content)) };
    };
    const compact = files(Infinity);
    const again = files(0);
    expect(compact.held).toBe(stories.flat().length);
    expect(again.held).toBe(0);
    expect(compact.files).toEqual(again.files);
    expect(compact.files[0]![1]).toContain('# ');
    const first = prepareArticle(bundled[0]!, {}, lexicons).text.length;
    expect(files(first).held).toBe(1); // the first article fits, the next does not
  });
});
