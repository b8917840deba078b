/**
 * Alignment of many articles about different stories stays linear: a sentence is a mention of at
 * most MAX_EVENTS_PER_UNIT events, and a sentence left alone by the links is not also a
 * one-mention event of its own. Before the bound, one sentence of 200 PolNeAR train articles was a
 * mention of 38 events (every event whose members it shared a predicate with), and the report
 * grew as sentences × events. On 24 PolNeAR train articles spread over the sorted list (different
 * outlets and weeks; skipped with a message when ../shared/datasets is absent).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignArticles, MAX_EVENTS_PER_UNIT } from '../../src/align/index.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analysedArticle, DATASETS, HAS_DATASETS } from '../helpers.js';

const TEXT = join(DATASETS, 'polnear', 'train', 'text');

if (!HAS_DATASETS) console.warn('skipped: unrelated-articles alignment test needs ../shared/datasets (PolNeAR train texts)');

describe.skipIf(!HAS_DATASETS)('24 unrelated PolNeAR train articles', () => {
  const names = HAS_DATASETS
    ? readdirSync(TEXT)
        .sort()
        .filter((_, k) => k % 35 === 0)
        .slice(0, 24)
    : [];
  const articles = names.map((name, k) => ({ ...analysedArticle(readFileSync(join(TEXT, name), 'utf8'), {}, name), id: `a${k + 1}` }));
  const { events } = HAS_DATASETS ? alignArticles(articles, [], loadLexicons()) : { events: [] };
  const key = (m: { article: string; start: number; end: number }) => `${m.article}:${m.start}:${m.end}`;
  const eventsOf = new Map<string, number>();
  for (const e of events) for (const k of new Set(e.mentions.map(key))) eventsOf.set(k, (eventsOf.get(k) ?? 0) + 1);

  it('are 24 articles', () => {
    expect(articles).toHaveLength(24);
  });

  it('make no sentence a mention of more than MAX_EVENTS_PER_UNIT events', () => {
    expect(Math.max(...eventsOf.values())).toBeLessThanOrEqual(MAX_EVENTS_PER_UNIT);
  });

  it('leave no sentence both a one-mention event and a mention of another event', () => {
    const alone = events.filter((e) => e.mentions.length === 1).map((e) => key(e.mentions[0]!));
    expect(alone.filter((k) => eventsOf.get(k)! > 1)).toEqual([]);
  });

  it('keep the mentions within three times the sentences', () => {
    const mentions = events.reduce((n, e) => n + e.mentions.length, 0);
    expect(mentions).toBeLessThanOrEqual(3 * eventsOf.size);
  });
});
