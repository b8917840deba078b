import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { SHOWN, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 9 of issue #14: recall of shown findings at unchanged precision.

describe('loaded terms, round 9 (issue #14)', () => {
  it('contentious is its own entry, so controversial has a record of its own at the default threshold', () => {
    const [contentious] = loadedIn('It was a contentious hearing.');
    expect(contentious).toMatchObject({ text: 'contentious', rule: 'lexicon:evaluative/contentious' });
    expect(contentious!.confidence).toBeLessThan(SHOWN);
    const [controversial] = loadedIn('Trump made a controversial proposal.');
    expect(controversial).toMatchObject({ text: 'controversial', rule: 'lexicon:evaluative/controversial' });
    expect(controversial!.confidence).toBeGreaterThanOrEqual(SHOWN);
  });

  it('praise words, landmark words, gaffe words and bigotry labels are measured precise enough to be shown', () => {
    for (const [text, rule] of [
      ['It was a stunning turn for the candidate.', 'lexicon:evaluative/remarkable'],
      ['The vote was a watershed moment.', 'lexicon:evaluative/landmark'],
      ['The campaign fell after a series of blunders.', 'lexicon:subjective/uproar'],
      ['His racist rhetoric drew crowds.', 'lexicon:subjective/bigotry-labels'],
    ] as const) {
      const [f] = loadedIn(text);
      expect(f).toMatchObject({ rule });
      expect(f!.confidence).toBeGreaterThanOrEqual(SHOWN);
    }
  });

  it("the words after a verb of judging and as are the judge's picture; not after the agentless passive", () => {
    expect(loadedIn('Environmental groups welcomed the ruling as a watershed.')).toEqual([]);
    expect(loadedIn('Critics dismissed the plan as a reckless gamble.').map((f) => f.text)).toEqual(['dismissed']);
    expect(loadedIn('The ruling was a watershed for the region.').map((f) => f.text)).toEqual(['watershed']);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: judged right ones are shown, the judged wrong ones hidden or gone', () => {
    const shown: [string, string, string][] = [
      ['polnear:train/nyt_2016-02-04_polls-miss-trump-s-fall-in-iowa-.txt', '2653-2663 impressive', 'lexicon:evaluative/remarkable'],
      ['polnear:train/nyt_2015-12-18_rubio-and-cruz-diverge-on-approa.txt', '908-917 watershed', 'lexicon:evaluative/landmark'],
      ['polnear:train/breitbart_2015-12-10_millennial-democratics-prefer-be.txt', '1349-1362 controversial', 'lexicon:evaluative/controversial'],
      ['polnear:train/politico_2015-12-23_ben-carson-hints-at-major-campai.txt', '6024-6032 blunders', 'lexicon:subjective/uproar'],
      ['polnear:train/huff-post_2015-11-23_donald-trump-tweets-a-wildly-ina.txt', '1372-1378 racist', 'lexicon:subjective/bigotry-labels'],
    ];
    for (const [ref, span, rule] of shown) {
      const f = loadedAt(ref).find((x) => x.span === span);
      expect(f?.rule).toBe(rule);
      expect(f!.confidence).toBeGreaterThanOrEqual(SHOWN);
    }
    // environmentalists welcome the decision as a watershed: theirs, now gone.
    expect(loadedAt('polnear:train/nyt_2016-08-31_the-human-face-of-coal-power.txt').map((f) => f.span)).not.toContain('4184-4193 watershed');
    // his contentious 2008 primary battle: a disputed contest, found but hidden.
    const contentious = loadedAt('polnear:train/breitbart_2016-07-27_obama-to-frame-election-as-comma.txt').find((f) => f.span === '3923-3934 contentious');
    expect(contentious?.rule).toBe('lexicon:evaluative/contentious');
    expect(contentious!.confidence).toBeLessThan(SHOWN);
  });
});
