/**
 * Story grouping and named participants: two articles are one story only when the names they
 * share carry at least `namedShare` (0.15) of their cosine; a shared name among many shared topic
 * words makes one topic, not one story. On real PolNeAR texts (skipped with a message when
 * ../shared/datasets is absent), text only, as `npm run eval -- grouping` groups them.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUP_OPTIONS } from '../../src/corpus/group.js';
import { groupTexts, polnearTexts } from '../../src/eval/grouping.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const TAXES = ['nyt 2016-09-30 Keep the Returns, Trump; Just Give Us a Few Figures', 'usa-today 2016-09-08 With two months to go, Trump still ducks on taxes'];
const PAGLIANO = [
  'politico 2016-09-22 House panel votes to hold Clinton tech aide Bryan Pagliano in contempt',
  "politico 2016-09-23 Partisan fireworks over Clinton aides' immunity deals",
];

describe('named share', () => {
  it('is 0.15 by default', () => {
    expect(DEFAULT_GROUP_OPTIONS.namedShare).toBe(0.15);
  });
});

describe.skipIf(!HAS_DATASETS)('PolNeAR dev (check half), text only', () => {
  const items = HAS_DATASETS ? polnearTexts(DATASETS, 'dev') : [];
  const stories = (namedShare: number) => groupTexts(items, { namedShare }).map((s) => [...s.members].sort());

  it('keeps two tax columns 22 days apart, which share "Trump" among topic words, apart (one story without the share)', () => {
    expect(stories(0)).toContainEqual(TAXES);
    const now = stories(DEFAULT_GROUP_OPTIONS.namedShare);
    expect(now.filter((m) => m.some((x) => TAXES.includes(x)))).toEqual([]);
    expect(now.length).toBe(9);
  });

  it('still groups the House panel and Bryan Pagliano, a day apart', () => {
    expect(stories(DEFAULT_GROUP_OPTIONS.namedShare)).toContainEqual(PAGLIANO);
  });
});
if (!HAS_DATASETS) console.log(`tests/corpus/grouping-names: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
