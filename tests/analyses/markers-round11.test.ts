import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 11 of issue #14: new entries of general loaded vocabulary, each measured on the
// tuning half (seed 229 sheets) before it is shown.

describe('loaded terms, round 11 (issue #14)', () => {
  it('the words of harsh tone have a record of their own and are shown; their literal senses are plain', () => {
    const c = lex.calibration.get('lexicon:subjective/harsh-tone');
    expect(c?.judged).toBeGreaterThanOrEqual(10);
    expect(c!.data).toContain('loaded-harsh-tone-polnear-train-seed229.yml');
    const [snarky] = loadedIn('Trump fired back with a snarky statement.');
    expect(snarky).toMatchObject({ text: 'snarky', rule: 'lexicon:subjective/harsh-tone' });
    expect(snarky!.confidence).toBeGreaterThanOrEqual(SHOWN);
    expect(loadedIn('He took a nasty fall on the ice.')).toEqual([]);
    expect(loadedIn('Her goal was not dating or anything more salacious.')).toEqual([]);
  });

  it('the verbs of force by blade, trap or wrecking are measured and stay hidden; literal senses are plain', () => {
    const c = lex.calibration.get('lexicon:subjective/force-verbs');
    expect(c?.judged).toBeGreaterThanOrEqual(10);
    expect(c!.precision).toBeLessThan(SHOWN);
    const [slashed] = loadedIn('The governor slashed school funding.');
    expect(slashed).toMatchObject({ text: 'slashed', rule: 'lexicon:subjective/force-verbs' });
    expect(slashed!.confidence).toBeLessThan(SHOWN);
    expect(loadedIn('Two men hijacked a plane.')).toEqual([]);
    expect(loadedIn('Vandals slashed the tires of six cars.')).toEqual([]);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged cases', () => {
    const ryan = loadedAt('polnear:train/politico_2016-05-05_paul-ryan-says-he-s-not-ready-to.txt');
    // Trump fired back with a snarky statement: the outlet's judgement of its tone, shown.
    const snarky = ryan.find((f) => f.span === '1382-1388 snarky');
    expect(snarky?.rule).toBe('lexicon:subjective/harsh-tone');
    expect(snarky!.confidence).toBeGreaterThanOrEqual(SHOWN);
    // anything more salacious: plainly sexual, no longer a finding.
    const bern = loadedAt('polnear:train/nyt_2016-02-09_it-s-fine-to-feel-the-bern-but-n.txt');
    expect(bern.find((f) => f.span === '1045-1054 salacious')).toBeUndefined();
    // They hijacked the floor of the House: found, hidden with its entry.
    const sitIn = loadedAt('polnear:train/wash-post_2016-06-27_byline-amber-phillips.txt').find((f) => f.span === '844-852 hijacked');
    expect(sitIn?.rule).toBe('lexicon:subjective/force-verbs');
    expect(sitIn!.confidence).toBeLessThan(SHOWN);
  });
});
