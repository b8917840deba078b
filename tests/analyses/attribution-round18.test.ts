/**
 * Attribution round 18 (issue #14): an indirect report ends where another report begins after a comma or dash — a
 * subject of its own and a finite verb of speech ("…, and more than 4 in 10 said …", "…, 39 have said they support
 * Sanders", "…, they also say …", "…, at the town hall this week she said …"). What follows is the writer telling
 * another report, not the first source's words. Not after a subordinate clause inside the report ("but that if Mr.
 * Obama opted to make one, he should have insisted …"), nor before a verb of thought ("…, and the senator finally felt
 * …"). PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

const spans = (file: string, cue: number) => {
  const [f] = train(file, cue);
  return [f?.pattern, f?.source?.text, f?.cue.text, f?.content?.start, f?.content?.end, f?.content?.text];
};

describe('an indirect report ends where another report begins after a comma or dash', () => {
  it('a written sentence: "…, and more than 4 in 10 said …" ends the first report', () => {
    expect(attr('Most voters said they were worried about the economy, and more than 4 in 10 said Trump would handle it best.')[0]).toEqual([
      'subject-said-that',
      [0, 'Most voters'],
      [12, 'said'],
      'they were worried about the economy',
    ]);
  });

  it.skipIf(!hasTrain).each([
    [
      '"…, and more than 4 in 10 said billionaire Donald Trump …"',
      'breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt',
      16074,
      'three-quarters of the voters',
      'said',
      16079,
      16145,
      'they were very worried about the direction of the nation’s economy',
    ],
    [
      '"520 superdelegates have publicly said they support Clinton, 39 have said …"',
      'wash-post_2016-05-05_sanders-faces-tough-sell-in-gett.txt',
      1087,
      '520 superdelegates',
      'said',
      1092,
      1112,
      'they support Clinton',
    ],
    [
      '"…, at the town hall this week she said …" (an occasion before the subject)',
      'wash-post_2016-01-31_state-calls-emails-of-clinton-to.txt',
      8420,
      'she',
      'said',
      8425,
      8478,
      'her decision to use the private account was a mistake',
    ],
    [
      '"…, they also say he does not readily advertise his views" (an adverb before the cue)',
      'nyt_2016-08-01_with-ailes-out-and-murdoch-in-wh.txt',
      4068,
      'executives',
      'say',
      4072,
      4127,
      "they assume he shares some of his father's conservatism",
    ],
  ] as const)('PolNeAR train: %s (was: content ran on)', (_, file, cue, source, cueText, start, end, content) => {
    expect(spans(file, cue)).toEqual(['subject-said-that', source, cueText, start, end, content]);
  });

  it.skipIf(!hasTrain)('not after a subordinate clause inside the report: "… but that if Mr. Obama opted to make one, he should have insisted …"', () => {
    expect(spans('nyt_2016-01-20_in-prisoner-swap-compassion-vs-c.txt', 6838).slice(3)).toEqual([
      6848,
      6989,
      'a swap involved difficult trade-offs but that if Mr. Obama opted to make one, he should have insisted on getting all imprisoned Americans out',
    ]);
  });

  it.skipIf(!hasTrain)('not before a verb of thought: "…, and the senator finally felt he had to …" goes on', () => {
    expect(spans('west-journal_2016-03-03_trump-just-responded-to-rubio-s-.txt', 472).slice(3)).toEqual([
      487,
      668,
      'Donald Trump had been ridiculing and engaging in personal attacks the entire campaign, and the senator finally felt he had to give the billionaire candidate some of his own medicine',
    ]);
  });
});
