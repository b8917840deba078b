import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 14 of issue #14: the hidden entries that fire most often on the tuning half were
// read on every finding (seed 277 and 281 sheets); readers' letters pages are the readers'.

describe('loaded terms, round 14 (issue #14)', () => {
  it('the storm metaphors (firestorm, bombshell) have a record of their own and are shown; the others read stay hidden', () => {
    const storm = lex.calibration.get('lexicon:metaphors/storm');
    expect(storm?.judged).toBeGreaterThanOrEqual(10);
    expect(storm!.data).toContain('loaded-entries-polnear-train-seed277.yml');
    expect(storm!.precision).toBeGreaterThanOrEqual(SHOWN);
    for (const key of [
      'lexicon:reporting-verbs/go-after',
      'lexicon:reporting-verbs/slam',
      'lexicon:reporting-verbs/cast-as',
      'lexicon:evaluative/praise-leader',
      'lexicon:evaluative/reckless',
      'lexicon:idioms/condemning-adverbs',
      'lexicon:subjective/unhinged',
    ]) {
      const r = lex.calibration.get(key);
      expect(r?.judged, key).toBeGreaterThanOrEqual(10);
      expect(r!.precision, key).toBeLessThan(SHOWN);
    }
    // Attribution round 25: one finding judged wrong ('disingenuous' in "Lindsey Graham and David Perdue, who …, said on
    // the record that it would be inappropriate and disingenuous") now lies inside the senators' attribution and is gone,
    // so 'dishonest' has 9 judged findings and no record of its own; it takes its pool's precision and stays hidden.
    expect(lex.calibration.get('lexicon:subjective/dishonest')).toBeUndefined();
    const [selfServing] = loadedIn('The senator gave a self-serving account of the vote.');
    expect(selfServing).toMatchObject({ rule: 'lexicon:subjective/dishonest' });
    expect(selfServing!.confidence).toBeLessThan(SHOWN);
    const [firestorm] = loadedIn('The remarks created a firestorm in Washington.');
    expect(firestorm).toMatchObject({ text: 'firestorm', rule: 'lexicon:metaphors/storm' });
    expect(firestorm!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });

  it("a page after a readers' section label in capitals (LETTERS., FACEBOOK.) is the readers'", () => {
    expect(loadedIn('Voters weigh in.\n\nLETTERS.\n\nThis disgraceful bill is a disaster.\n\nJane Roe.\n\nAnytown, Ohio.')).toEqual([]);
    expect(loadedIn('Voters weigh in.\n\nFACEBOOK:\n\nThe senator complained that the disgraceful bill failed.')).toEqual([]);
    // a word in prose or a menu link in lower case opens no such page
    expect(loadedIn('Voters weigh in.\n\nLetters\n\nThis disgraceful bill is a disaster.').map((f) => f.text)).toEqual(['disgraceful', 'disaster']);
    expect(loadedIn('Voters weigh in.\n\nThis disgraceful bill is a disaster.').map((f) => f.text)).toEqual(['disgraceful', 'disaster']);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged cases', () => {
    // the comments created a firestorm: the outlet's dramatising noun, shown
    const ginsburg = loadedAt('polnear:train/usa-today_2016-07-15_ginsburg-apologizes-for-trump-co.txt').find((f) => f.span === '843-852 firestorm');
    expect(ginsburg?.rule).toBe('lexicon:metaphors/storm');
    expect(ginsburg!.confidence).toBeGreaterThanOrEqual(SHOWN);
    // Young voters are … not racist enough to vote for Donald Trump: a reader's letter after LETTERS., gone
    const letters = loadedAt('polnear:train/usa-today_2016-08-16_millenials-aren-t-buying-trump-s.txt');
    expect(letters).toEqual([]);
  });
});
