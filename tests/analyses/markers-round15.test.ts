import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 15 of issue #14: four new entries for recall of all findings (hidden until a record
// of their own reaches the threshold), read on every tuning finding (seed 307 sheets).

describe('loaded terms, round 15 (issue #14)', () => {
  it('assault and bombardment metaphors of politics are found, literal attacks and charges are not', () => {
    expect(loadedIn('The bill is an assault on voting rights.').map((f) => [f.text, f.rule])).toEqual([['assault on', 'lexicon:subjective/raid-assault']]);
    expect(loadedIn('Rebels launched an assault on the town with rockets.')).toEqual([]);
    expect(loadedIn('He was charged with assault on a police officer.')).toEqual([]);
    // raid forms were left out after reading (mostly literal raids)
    expect(loadedIn('Agents raided the offices on Friday.')).toEqual([]);
    const r = lex.calibration.get('lexicon:subjective/raid-assault');
    expect(r?.judged).toBe(14);
    expect(r!.correct).toBe(9);
    expect(r!.precision).toBeLessThan(SHOWN);
  });

  it('overwrought, verdict and derision words are found and stay hidden in their pools', () => {
    const found = loadedIn('The warnings were overblown. The cover-up was inexcusable. Online trolls posted on the page.');
    expect(found.map((f) => [f.text, f.rule])).toEqual([
      ['overblown', 'lexicon:subjective/overwrought'],
      ['inexcusable', 'lexicon:subjective/verdict-adjectives'],
      ['trolls', 'lexicon:subjective/derision-labels'],
    ]);
    for (const f of found) expect(f.confidence).toBeLessThan(SHOWN);
    expect(loadedIn('Workers whitewashed the walls of the school.')).toEqual([]);
    expect(loadedIn('The concert was a sell-out within an hour.')).toEqual([]);
  });

  it('petty and combative are split from contemptuous-manner, whose literal list no longer drops its other words', () => {
    expect(loadedIn('The senator went on offense with a disdainful attack on his rival.').map((f) => [f.text, f.rule])).toEqual([
      ['disdainful', 'lexicon:subjective/contemptuous-manner'],
    ]);
    expect(loadedIn('A retired petty officer chairs the committee.')).toEqual([]);
    expect(loadedIn('Their exchanges were the most combative of the campaign.')).toEqual([]);
    const [combative] = loadedIn('The combative congressman refused to answer questions.');
    expect(combative).toMatchObject({ text: 'combative', rule: 'lexicon:subjective/combative' });
    expect(combative!.confidence).toBeLessThan(SHOWN);
    const manner = lex.calibration.get('lexicon:subjective/contemptuous-manner');
    expect(manner!.data).toContain('loaded-contemptuous-manner-polnear-train-seed311.yml');
    expect(manner!.precision).toBeGreaterThanOrEqual(SHOWN);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged cases', () => {
    // the Obama campaign's assault on McCain's Medicare record: the outlet's word of attack (seed 307 #6, right)
    const fox = loadedAt('basil:2012/2ec04201-2016-4227-baf7-ba8289058203_2.json');
    expect(fox.map((f) => f.span)).toEqual(expect.arrayContaining(['3349-3359 assault on']));
    // worksite raids: literal, no longer found (seed 307 #2, wrong)
    const arpaio = loadedAt('basil:2011/0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d_2.json');
    expect(arpaio.some((f) => f.span.endsWith(' raids'))).toBe(false);
  });
});
