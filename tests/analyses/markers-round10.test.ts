import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 10 of issue #14: entries split by sense so that each has its own measured record,
// and calibration counting a judged span once however many sheets drew it.

describe('loaded terms, round 10 (issue #14)', () => {
  it('fierce is its own entry and hidden; scathing, withering and frosty are shown', () => {
    const [fierce] = loadedIn('The backlash against the plan was fierce.');
    expect(fierce).toMatchObject({ text: 'fierce', rule: 'lexicon:subjective/fierce' });
    expect(fierce!.confidence).toBeLessThan(SHOWN);
    for (const text of ['She wrote a scathing letter to the board.', 'He faced withering attacks.', 'The leaders have a frosty relationship.']) {
      const [f] = loadedIn(text);
      expect(f).toMatchObject({ rule: 'lexicon:subjective/scathing' });
      expect(f!.confidence).toBeGreaterThanOrEqual(SHOWN);
    }
  });

  it('scheme is no longer a gaffe word: its own entry, hidden, and plain beside a pension or a fraud', () => {
    const [scheme] = loadedIn("The governor's scheme to shift the costs drew fire.");
    expect(scheme).toMatchObject({ text: 'scheme', rule: 'lexicon:subjective/scheme' });
    expect(scheme!.confidence).toBeLessThan(SHOWN);
    expect(loadedIn('He was charged in a bribery scheme.')).toEqual([]);
    const [stunt] = loadedIn('The speech was a publicity stunt.');
    expect(stunt).toMatchObject({ rule: 'lexicon:subjective/uproar' });
    expect(stunt!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });

  it('fuel (mostly to power or drive) is split from the fire verbs and hidden (stoke and spark too since round 17)', () => {
    const [fuel] = loadedIn('Small donors fueled her campaign.');
    expect(fuel).toMatchObject({ text: 'fueled', rule: 'lexicon:metaphors/fuel' });
    expect(fuel!.confidence).toBeLessThan(SHOWN);
    const [stoke] = loadedIn('The ad stoked anxiety among voters.');
    expect(stoke).toMatchObject({ text: 'stoked', rule: 'lexicon:metaphors/stoke' });
    // round 17 read stoke's never-judged tuning findings: 9/14, below the threshold (markers-round17.test.ts)
    expect(stoke!.confidence).toBeLessThan(SHOWN);
    expect(loadedIn('A faulty wire sparked the blaze.')).toEqual([]);
  });

  it('the combat verbs keep a record of their own once each judged span counts once (seed 197 entry sheet)', () => {
    const c = lex.calibration.get('lexicon:subjective/combat-verbs');
    expect(c?.judged).toBeGreaterThanOrEqual(10);
    expect(c!.data).toContain('loaded-entries-polnear-train-seed197.yml');
    const [hammer] = loadedIn('Trump has hammered Bush throughout the campaign.');
    expect(hammer!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });

  it('the adverbs that rule on truth or judge manner are measured (0.765 with the seed-197 readings; 0.882, shown, since the sheets were re-judged to docs/judging.md); pointedly and conspicuously are split off and hidden', () => {
    const [falsely] = loadedIn('She falsely presents herself as a practicing physician.');
    expect(falsely).toMatchObject({ text: 'falsely', rule: 'lexicon:subjective/falsely' });
    expect(lex.calibration.get('lexicon:subjective/falsely')).toMatchObject({ judged: 17, correct: 15 });
    expect(falsely!.confidence).toBe(0.88);
    const [pointedly] = loadedIn('He pointedly declined to endorse the nominee.');
    expect(pointedly).toMatchObject({ text: 'pointedly', rule: 'lexicon:subjective/pointedly' });
    expect(pointedly!.confidence).toBeLessThan(SHOWN);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged cases', () => {
    // the Census brazenly violated federal law: the writer's verdict, found and shown (its entry measures 0.882 since the re-judging).
    const brazenly = loadedAt('polnear:train/usa-today_2015-11-24_trump-card-for-census-roundup-bu.txt').find((f) => f.span.endsWith(' brazenly'));
    expect(brazenly?.span).toBe('938-946 brazenly');
    expect(brazenly!.confidence).toBeGreaterThanOrEqual(SHOWN);
    // The Swiss are fiercely proud: plain intensity, found but hidden.
    const proud = loadedAt('polnear:train/huff-post_2016-03-21_the-rise-of-switzerland-s-trump.txt').find((f) => f.span === '9056-9064 fiercely');
    expect(proud?.rule).toBe('lexicon:subjective/fierce');
    expect(proud!.confidence).toBeLessThan(SHOWN);
    // a campaign fueled by hundreds of millions of dollars: fuel as power, hidden.
    const money = loadedAt('polnear:train/nyt_2016-09-07_ugly-election-enters-a-final-sur.txt').find((f) => f.span.endsWith(' fueled'));
    expect(money?.rule).toBe('lexicon:metaphors/fuel');
    expect(money!.confidence).toBeLessThan(SHOWN);
    // Republicans quickly pounced on the administration's policy announcement: shown.
    const pounced = loadedAt('polnear:train/huff-post_2016-07-26_obama-administration-to-expand-p.txt').find((f) => f.span.endsWith(' pounced'));
    expect(pounced?.rule).toBe('lexicon:subjective/combat-verbs');
    expect(pounced!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });
});
