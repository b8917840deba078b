/**
 * Attribution round 23 (issue #14, recall of shown relations): an indirect report whose verb is quoted ("said the
 * justice’s “mind is shot”") is a clause, not an object; a source inside a relative clause reports the clause whose
 * subject is the relative pronoun ("which they say left a vacuum …", up to the comma that closes it); the addressee of
 * "told" takes a possessive and a quoted programme ("told ABC’s “Good Morning America” …"); and an inverted source
 * opening with a capitalised word the tagger reads as a verb ("said Josh Bivens", "said Weld", "said Concord resident
 * …") or with a participle after a number ("one unaligned Florida Republican strategist") is read.
 * Written sentences and PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

/** The finding at a PolNeAR train cue as [pattern, source, cue, content]. */
const at = (file: string, cue: number) => {
  const [f] = train(file, cue);
  return f ? [f.pattern, f.source?.text ?? null, f.cue.text, f.content?.text ?? null] : null;
};

describe('a quoted verb keeps an indirect report a clause', () => {
  it('a written sentence: the clause’s verb inside a quotation', () => {
    expect(attr('The mayor said the new bridge “will open next spring.”')[0]).toEqual([
      'subject-said-that',
      [0, 'The mayor'],
      [10, 'said'],
      'the new bridge “will open next spring.”',
    ]);
  });

  it('a written sentence: doubled apostrophes as quotation marks', () => {
    expect(attr("The company says its policy ''is not to cover'' rival firms.")[0]).toEqual([
      'subject-said-that',
      [0, 'The company'],
      [12, 'says'],
      "its policy ''is not to cover'' rival firms",
    ]);
  });

  it('a written sentence: a quoted name with no verb stays an object ("called the plan “a disaster”")', () => {
    expect(attr('He called the plan “a disaster” on Monday.')[0]?.[0]).toBe('subject-verb-object');
  });

  it('a written sentence: not after a preposition opening the words (the occasion, not a subject)', () => {
    expect(attr('Sanders acknowledged in a forum on Monday "it will be very hard for us" to win.')[0]?.[0]).toBe('subject-verb-object');
  });

  it.skipIf(!hasTrain).each([
    ['breitbart_2016-07-13_trump-demands-ginsburg-resign-fo.txt', 248, 'Trump', 'said', 'the 83-year-old justice’s “mind is shot.”'],
    ['huff-post_2015-12-03_cnn-president-on-trump-we-do-not.txt', 2690, 'Zucker', 'said', 'CNN’s business “is so much broader” than television ratings'],
  ] as const)('PolNeAR train %s at %i', (file, cue, source, cueText, content) => {
    expect(at(file, cue)).toEqual(['subject-said-that', source, cueText, content]);
  });
});

describe('a source inside a relative clause reports the clause of the relative pronoun', () => {
  it('a written sentence: "which he said had harmed …"', () => {
    expect(attr('He cited policies which he said had harmed the economy.')[1]).toEqual([
      'subject-said-that',
      [24, 'he'],
      [27, 'said'],
      'had harmed the economy',
    ]);
  });

  it('a written sentence: a time word after the cue is no verb ("which he said Monday")', () => {
    expect(attr('The bill, which he said Monday, is long.')[0]?.[0]).toBe('subject-verb-object');
  });

  it.skipIf(!hasTrain).each([
    ['usa-today_2015-12-07_gop-targets-clinton-s-foreign-po.txt', 4278, 'they', 'say', 'left a vacuum for terrorist activity to grow'],
    ['wash-post_2016-06-27_the-revolutionary-s-next-tactic-.txt', 2708, 'the campaign', 'says', 'includes 2.7 million contributors across the country'],
  ] as const)('PolNeAR train %s at %i (ends at the comma closing the relative clause)', (file, cue, source, cueText, content) => {
    expect(at(file, cue)).toEqual(['subject-said-that', source, cueText, content]);
  });
});

describe('the addressee of "told" takes a possessive and a quoted programme', () => {
  it('a written sentence', () => {
    expect(attr('She told ABC’s “Good Morning America” that the talks were cordial.')[0]).toEqual([
      'subject-said-that',
      [0, 'She'],
      [4, 'told'],
      'the talks were cordial',
    ]);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "She told ABC’s “Good Morning America” on Monday the tone …"', () => {
    expect(at('breitbart_2016-05-15_trump-talks-to-megyn-kelly-about.txt', 1210)).toEqual([
      'subject-said-that',
      'She',
      'told',
      'the tone of the interview was cordial, with tense moments',
    ]);
  });
});

describe('an inverted source the tagger breaks is read', () => {
  it('a written sentence: a capitalised name read as a verb ("said Weld")', () => {
    expect(attr('"I have defended her for years," said Weld, who added that the emails gave him pause.')[0]).toEqual([
      'quote-then-said',
      [38, 'Weld'],
      [33, 'said'],
      '"I have defended her for years,"',
    ]);
  });

  it.skipIf(!hasTrain).each([
    ['huff-post_2016-06-23_why-hillary-clinton-s-attacks-on.txt', 7570, 'Josh Bivens'],
    ['nyt_2015-12-09_terrorists-mock-bids-to-block-th.txt', 4888, 'Josh Earnest'],
    ['wash-post_2016-08-28_in-crazy-election-gary-johnson-s.txt', 6185, 'Weld'],
    ['wash-post_2016-08-26_a-shaky-balancing-act-for-kelly-.txt', 3943, 'Concord resident Whit Symms'],
    ['politico_2016-02-17_bush-rubio-collide-in-scramble-f.txt', 7196, 'one unaligned Florida Republican strategist'],
  ] as const)('PolNeAR train %s at %i: quote-then-said with source %s', (file, cue, source) => {
    const f = at(file, cue);
    expect([f?.[0], f?.[1], f?.[2]]).toEqual(['quote-then-said', source, 'said']);
  });
});
