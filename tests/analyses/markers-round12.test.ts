import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 12 of issue #14: entries of hidden pools measured apart on the tuning half
// (seed 233 and 239 sheets), so the precise ones are shown.

describe('loaded terms, round 12 (issue #14)', () => {
  it('boast / brag has a record of its own and is shown; tout is measured and stays hidden', () => {
    const boast = lex.calibration.get('lexicon:reporting-verbs/boast');
    expect(boast?.judged).toBeGreaterThanOrEqual(10);
    expect(boast!.data).toContain('loaded-tout-boast-polnear-train-seed239.yml');
    expect(boast!.precision).toBeGreaterThanOrEqual(SHOWN);
    const tout = lex.calibration.get('lexicon:reporting-verbs/tout');
    expect(tout?.judged).toBeGreaterThanOrEqual(10);
    expect(tout!.precision).toBeLessThan(SHOWN);
    const [bragged] = loadedIn('The senator bragged that his bill had passed.');
    expect(bragged).toMatchObject({ text: 'bragged', rule: 'lexicon:reporting-verbs/boast' });
    expect(bragged!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });

  it('boast before a direct object means have: no finding', () => {
    expect(loadedIn('The town boasts a fine harbour.')).toEqual([]);
    expect(loadedIn('The state party boasted only one paid staffer in 2012.')).toEqual([]);
    expect(loadedIn('The mayor boasted 300 new jobs.')).toEqual([]);
    const [that] = loadedIn('The mayor boasted that the city had never been safer.');
    expect(that).toMatchObject({ text: 'boasted', rule: 'lexicon:reporting-verbs/boast' });
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged cases', () => {
    // Kasich, who brags he has held more than 100 town halls: the outlet's verb, shown.
    const kasich = loadedAt('polnear:train/usa-today_2016-02-09_new-hampshire-primary-game-on-wh.txt').find((f) => f.span === '5001-5006 brags');
    expect(kasich?.rule).toBe('lexicon:reporting-verbs/boast');
    expect(kasich!.confidence).toBeGreaterThanOrEqual(SHOWN);
    // Mr. Trump boasted that he welcomed the former president: shown.
    const golf = loadedAt('polnear:train/nyt_2015-12-31_trump-turns-attacks-on-another-c.txt').find((f) => f.span === '1007-1014 boasted');
    expect(golf!.confidence).toBeGreaterThanOrEqual(SHOWN);
    // Ohio boasted only one paid staffer; She boasts a roughly 45-point lead: the sense have, gone.
    expect(loadedAt('polnear:train/west-journal_2016-05-26_republican-party-boosts-spending.txt').find((f) => f.span === '2186-2193 boasted')).toBeUndefined();
    expect(loadedAt('polnear:train/huff-post_2016-02-01_here-s-why-winning-iowa-could-br.txt').find((f) => f.span === '443-449 boasts')).toBeUndefined();
    // The ad touts Shuster's conservative bona fides: found, hidden with its entry.
    const ad = loadedAt('polnear:train/politico_2016-04-18_outside-gop-group-goes-in-big-fo.txt').find((f) => f.span === '399-404 touts');
    expect(ad?.rule).toBe('lexicon:reporting-verbs/tout');
    expect(ad!.confidence).toBeLessThan(SHOWN);
  });
});
