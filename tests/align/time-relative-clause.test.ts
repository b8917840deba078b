/**
 * (Round 21: the counts here are of the clustering before the mention-chain split, `chains: false`; see
 * mention-chains.test.ts.)
 * A date in a relative clause set off by commas (", who swam to stardom in the 1940's ,") tells a
 * participant's past, not when the sentence's happening was: it does not place the unit in time
 * (lexicons/align/time.yml `relative_clause`, src/align/time.ts inRelativeClause). Issue #15, round 15:
 * on ECB+ topic 4 (even fold; skipped with a message when ../shared/datasets is absent) the death
 * reported as "Esther Williams , who swam to stardom in the 1940's , dies at 91" was dated to the
 * 1940s and kept apart from every other report of the death.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, DEFAULT_ALIGN_OPTIONS } from '../../src/align/index.js';
import { describeTime, loadTimeLexicon } from '../../src/align/time.js';
import { alignedPairs, countPairs, prepareTopic } from '../../src/eval/alignment.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-ecb-relative-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relative-clause words', () => {
  it('are read from lexicons/align/time.yml', () => {
    expect([...loadTimeLexicon().relativeClause]).toEqual(['who', 'whose', 'which']);
  });
});

describe.skipIf(!HAS_DATASETS)('ECB+ topic 4 (Esther Williams dies): a date in a relative clause', () => {
  const topic = HAS_DATASETS ? prepareTopic(join(DATASETS, 'ecb-dev', '4.json'), dir) : null;
  const lexicons = loadLexicons();
  const timeOfUnit = (doc: string, opening: string) => {
    const sorted = [...topic!.articles].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    const model = buildModel(sorted, lexicons, DEFAULT_ALIGN_OPTIONS);
    const x = model.units.findIndex((u) => topic!.docOf.get(u.article)!.doc === doc && u.text.startsWith(opening));
    expect(x, opening).toBeGreaterThanOrEqual(0);
    return model.times[x] ? describeTime(model.times[x]!) : null;
  };

  it('does not date the sentence: its verb and the article date place it', () => {
    expect(timeOfUnit('4_3ecbplus', "Esther Williams , who swam to stardom in the 1940's , dies at 91")).toBe(
      '2013-03-08…2013-06-06 ("dies" and the article date)',
    );
    // "… the swimming champion turned actress who starred in … musicals of the 1940s and 1950s , has died ."
    expect(timeOfUnit('4_1ecbplus', 'Esther Williams , the swimming champion turned actress who starred')).toBe(
      '2013-03-09…2013-06-07 ("turned" and the article date)',
    );
  });

  it('a date the main clause gives still places it ("… confirmed … that the 1940s Hollywood actress … died on 6th June")', () => {
    expect(timeOfUnit('4_4ecbplus', 'It has been confirmed by publicist Harlan Boll')).toBe('2013-06-06 (6th June)');
  });

  it('joins "… who swam to stardom in the 1940\'s , dies at 91" to the reports of the death (gold pairs)', () => {
    const pairs = alignedPairs(topic!, { chains: false }, lexicons);
    const mine = [...topic!.gold].filter((p) => p.includes('4_3ecbplus#1'));
    expect(mine.length).toBe(28);
    expect(mine.filter((p) => pairs.has(p)).length).toBe(27);
    expect(pairs.has('4_1ecbplus#4|4_3ecbplus#1')).toBe(true);
    expect(countPairs(pairs, topic!)).toEqual({ tp: 462, fp: 146, fn: 48 });
  });
});
