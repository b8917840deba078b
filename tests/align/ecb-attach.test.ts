/**
 * The attach threshold (the least mean score for a sentence to also be a mention of a further
 * multi-article event) is tuned per ECB+ fold like the link and merge thresholds; both folds pick
 * 0.12 from their own topics, the default. On a real topic of the even fold (topic 4, Bettie Page's
 * death; skipped with a message when ../shared/datasets is absent) a report of the death in other
 * words joins the death's event at 0.12 and not at the former 0.15. (Counts since word-vector
 * predicate matches below 0.8 need a shared participant: before it 430 / 172 / 80 and 414 / 151 / 96.)
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
    expect(DEFAULT_ALIGN_OPTIONS.attach).toBe(0.12);
  });
});

describe.skipIf(!HAS_DATASETS)('ECB+ topic 4 (Bettie Page dies), attach 0.12 against 0.15', () => {
  const topic = HAS_DATASETS ? prepareTopic(join(DATASETS, 'ecb-dev', '4.json'), dir) : null;
  const lexicons = loadLexicons();
  // "Bettie Page , the notorious Southern gal-turned-dominatrix-… , died Thursday at age 85 ." ~
  // "Bettie Page , the raven-haired pin-up whose … , has died at the age of 85 after suffering a heart attack …"
  const pair = '4_13ecb#1|4_2ecb#0';

  it('joins "died Thursday at age 85" to the death told as "has died at the age of 85" (a gold pair)', () => {
    expect(topic!.gold.has(pair)).toBe(true);
    expect(alignedPairs(topic!, {}, lexicons).has(pair)).toBe(true);
    expect(alignedPairs(topic!, { attach: 0.15 }, lexicons).has(pair)).toBe(false);
  });

  it('counts 420 right pairs, 143 wrong and 90 missed at the defaults (405, 143, 105 at attach 0.15)', () => {
    expect(countPairs(alignedPairs(topic!, {}, lexicons), topic!)).toEqual({ tp: 420, fp: 143, fn: 90 });
    expect(countPairs(alignedPairs(topic!, { attach: 0.15 }, lexicons), topic!)).toEqual({ tp: 405, fp: 143, fn: 105 });
  });
});
if (!HAS_DATASETS) console.log(`tests/align/ecb-attach: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
