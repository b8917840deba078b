/**
 * Attribution round 17 (issue #14): a noun phrase after a preposition right before the cue is that preposition's
 * object, not the subject ("The senator from Vermont said", "A statement from Ryan's office indicated"): when the head
 * before the preposition opens the sentence with a determiner or possessive, the source is the whole phrase. Not after a
 * verb's object ("paid a settlement to a booker who said"). Written sentences and PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

describe('the object of a preposition before the cue is not the source; the head before it is', () => {
  it('"Her submission to the court noted …" (was: "the court")', () => {
    expect(attr('Her submission to the court noted that the law was unclear.')[0]).toEqual([
      'subject-said-that',
      [0, 'Her submission to the court'],
      [28, 'noted'],
      'the law was unclear',
    ]);
  });

  it('not a verb’s object: "… paid a settlement to a booker who said …" stays "a booker who"', () => {
    expect(attr('Fox News paid a $3 million settlement to a booker who said she was harassed.')[0]?.[1]).toEqual([41, 'a booker who']);
  });

  it('not an object with no noun: "the language on their shows" has no cue "shows"', () => {
    expect(attr('In turn, the language on their shows often made its way to the stump speeches.').some((r) => r[2]?.[1] === 'shows')).toBe(false);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "The senator from Vermont said the financial system was “corrupt,” …" (was: "Vermont")', () => {
    const [f] = train('wash-post_2016-01-18_a-sharper-tone-as-stakes-rise.txt', 4741);
    expect([f?.pattern, f?.source?.text, f?.source?.start, f?.cue.text, f?.content?.text]).toEqual([
      'subject-said-that',
      'The senator from Vermont',
      4716,
      'said',
      'the financial system was "corrupt,"',
    ]);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "A statement from Ryan’s office indicated the invitation was accepted" (was: "Ryan’s office")', () => {
    const [f] = train('west-journal_2016-05-06_republican-unity-meeting-schedul.txt', 494);
    expect([f?.pattern, f?.source?.text, f?.cue.text, f?.content?.text]).toEqual([
      'subject-said-that',
      'A statement from Ryan’s office',
      'indicated',
      'the invitation was accepted',
    ]);
  });
});
