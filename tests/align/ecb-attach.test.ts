/**
 * (Round 21: the counts here are of the clustering before the mention-chain split, `chains: false`; see
 * mention-chains.test.ts.)
 * The attach threshold (the least mean score for a sentence to also be a mention of a further
 * multi-article event) is tuned per ECB+ fold like the link and merge thresholds; both folds picked
 * 0.12 from their own topics in round 6, and 0.1 since round 12 (the default since round 14, with
 * merge 0.2 and one shared noun no longer counted). On a real topic of the even fold (topic 4, Bettie
 * Page's death; skipped with a message when ../shared/datasets is absent) a report of the death in
 * other words joins the death's event at the defaults and not at the former 0.15. (Before round 15,
 * whose relative-clause dates no longer date a sentence, see time-relative-clause.test.ts: 435 / 142 /
 * 75 and 389 / 105 / 121 at attach 0.15. Counts at the
 * round-13 defaults, merge 0.25 and attach 0.12 without the one-noun guard: 420 / 143 / 90 and
 * 405 / 143 / 105 at attach 0.15; before word-vector predicate matches below 0.8 needed a shared
 * participant: 430 / 172 / 80 and 414 / 151 / 96.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/index.js';
import { alignedPairs, alignmentGrid, countPairs, prepareTopic } from '../../src/eval/alignment.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-ecb-attach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attach threshold', () => {
  it('is tuned per fold with link and merge: 4 × 3 × 3 grid points, the default among them', () => {
    const grid = alignmentGrid();
    expect(grid.length).toBe(36);
    expect([...new Set(grid.map((g) => g.attach))]).toEqual([0.1, 0.12, 0.15]);
    expect(DEFAULT_ALIGN_OPTIONS.attach).toBe(0.1);
  });
});

describe.skipIf(!HAS_DATASETS)('ECB+ topic 4 (Bettie Page dies), the default attach 0.1 against 0.15', () => {
  const topic = HAS_DATASETS ? prepareTopic(join(DATASETS, 'ecb-dev', '4.json'), dir) : null;
  const lexicons = loadLexicons();
  // "Bettie Page , the notorious Southern gal-turned-dominatrix-… , died Thursday at age 85 ." ~
  // "Bettie Page , the raven-haired pin-up whose … , has died at the age of 85 after suffering a heart attack …"
  const pair = '4_13ecb#1|4_2ecb#0';

  it('joins "died Thursday at age 85" to the death told as "has died at the age of 85" (a gold pair)', () => {
    expect(topic!.gold.has(pair)).toBe(true);
    expect(alignedPairs(topic!, { chains: false }, lexicons).has(pair)).toBe(true);
    expect(alignedPairs(topic!, { attach: 0.15, chains: false }, lexicons).has(pair)).toBe(false);
  });

  it('counts 462 right pairs, 146 wrong and 48 missed at the defaults (416, 108, 94 at attach 0.15)', () => {
    expect(countPairs(alignedPairs(topic!, { chains: false }, lexicons), topic!)).toEqual({ tp: 462, fp: 146, fn: 48 });
    expect(countPairs(alignedPairs(topic!, { attach: 0.15, chains: false }, lexicons), topic!)).toEqual({ tp: 416, fp: 108, fn: 94 });
  });
});
if (!HAS_DATASETS) console.log(`tests/align/ecb-attach: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
