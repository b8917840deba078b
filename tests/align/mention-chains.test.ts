/**
 * Mention chains (AlignOptions.chains, round 21): an event of MIN_CONTEXT_ARTICLES or more articles is split
 * into the chains of its members that share one predicate (a stem or a paraphrase set) that one of the event's
 * links matched on, so two sentences are in one event only through a happening word they both use. On ECB+ topic 16 of the even fold (Jose Luis Orozco
 * sentenced to death for shooting a deputy; skipped with a message when ../shared/datasets is absent) the
 * sentencing headline leaves the charge sentence (no word of a happening in common) and keeps the jury's death
 * sentence; the bundled corpus (events of two or three articles) is unchanged.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALIGN_OPTIONS, MAX_EVENTS_PER_UNIT, alignArticles } from '../../src/align/index.js';
import { PACKAGE_ROOT } from '../../src/core/version.js';
import { loadBundledGold, scoreBundled } from '../../src/eval/bundled-gold.js';
import { alignedPairs, countPairs, prepareTopic } from '../../src/eval/alignment.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { prepareArticle } from '../../src/pipeline.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-ecb-chains-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mention chains', () => {
  it('group the same mentions whatever the article ids (ECB+ topic 16, ids reversed)', () => {
    if (!HAS_DATASETS) return;
    const t = prepareTopic(join(DATASETS, 'ecb-dev', '16.json'), dir);
    const sig = () => {
      const path = new Map(t.articles.map((a) => [a.id, a.path]));
      return alignArticles(t.articles, [], loadLexicons())
        .events.map((e) =>
          e.mentions
            .map((m) => `${path.get(m.article)}@${m.start}`)
            .sort()
            .join(' '),
        )
        .sort();
    };
    const before = sig();
    t.articles.forEach((a, i) => (a.id = `a${t.articles.length - i}`));
    expect(sig()).toEqual(before);
  });

  it('are on by default (round 21)', () => {
    expect(DEFAULT_ALIGN_OPTIONS.chains).toBe(true);
  });

  it('keep a sentence a mention of at most MAX_EVENTS_PER_UNIT events (ECB+ topic 16 with chains)', () => {
    if (!HAS_DATASETS) return;
    const t = prepareTopic(join(DATASETS, 'ecb-dev', '16.json'), dir);
    const { events } = alignArticles(t.articles, [], loadLexicons(), { chains: true });
    const per = new Map<string, number>();
    for (const e of events)
      if (e.articles.length > 1) for (const m of e.mentions) per.set(`${m.article}:${m.start}`, (per.get(`${m.article}:${m.start}`) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(MAX_EVENTS_PER_UNIT);
    expect(events.filter((e) => e.articles.length > 1).length).toBeGreaterThan(
      alignArticles(t.articles, [], loadLexicons(), { chains: false }).events.filter((e) => e.articles.length > 1).length,
    );
  });

  it('leave the bundled corpus as it is: its events have fewer than five articles (23 right, 0 wrong, 20 missed)', () => {
    const folder = resolve(PACKAGE_ROOT, 'corpus');
    const articles = readdirSync(folder)
      .filter((f) => /\.(txt|md|html?)$/.test(f))
      .map((f) => prepareArticle(join(folder, f)))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    articles.forEach((a, i) => (a.id = `a${i + 1}`));
    const lexicons = loadLexicons();
    const gold = loadBundledGold();
    const off = alignArticles(articles, [], lexicons, { chains: false }).events;
    const on = alignArticles(articles, [], lexicons, { chains: true }).events;
    const s = scoreBundled(on, gold);
    expect([s.tp, s.fp, s.fn]).toEqual([23, 0, 20]);
    expect(on.map((e) => e.mentions)).toEqual(off.map((e) => e.mentions));
    expect(on.filter((e) => e.articles.length > 1).length).toBe(5);
  });
});

describe.skipIf(!HAS_DATASETS)('ECB+ topic 16 (Orozco sentenced to death), chains on against off', () => {
  const topic = HAS_DATASETS ? prepareTopic(join(DATASETS, 'ecb-dev', '16.json'), dir) : null;
  const lexicons = loadLexicons();

  it('drops the headline "Judge sentences Orozco to death" ~ "… was charged with murdering the … deputy" (not gold)', () => {
    const pair = '16_10ecbplus#1|16_1ecbplus#5';
    expect(topic!.gold.has(pair)).toBe(false);
    expect(alignedPairs(topic!, { chains: false }, lexicons).has(pair)).toBe(true);
    expect(alignedPairs(topic!, { chains: true }, lexicons).has(pair)).toBe(false);
  });

  it('keeps the headline ~ "A Norwalk jury … ordered execution for a gang member convicted of murdering …" (gold)', () => {
    const pair = '16_10ecbplus#1|16_6ecbplus#4';
    expect(topic!.gold.has(pair)).toBe(true);
    expect(alignedPairs(topic!, { chains: true }, lexicons).has(pair)).toBe(true);
  });

  it('drops the gold pair "… accused of gunning down Deputy …" ~ "Deputy Jerry Ortiz was shot and killed …" (other words)', () => {
    const pair = '16_1ecbplus#4|16_3ecbplus#5';
    expect(topic!.gold.has(pair)).toBe(true);
    expect(alignedPairs(topic!, { chains: false }, lexicons).has(pair)).toBe(true);
    expect(alignedPairs(topic!, { chains: true }, lexicons).has(pair)).toBe(false);
  });

  it('counts 198 right, 138 wrong, 241 missed with chains (251, 216, 188 off)', () => {
    expect(countPairs(alignedPairs(topic!, { chains: false }, lexicons), topic!)).toEqual({ tp: 251, fp: 216, fn: 188 });
    expect(countPairs(alignedPairs(topic!, { chains: true }, lexicons), topic!)).toEqual({ tp: 198, fp: 138, fn: 241 });
  });
});
if (!HAS_DATASETS) console.log(`tests/align/mention-chains: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
