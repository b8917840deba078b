/**
 * Attribution round 25 (issue #14, reported speech the finder missed in context): a quantity standing alone as the
 * subject ("most said", "42% say", "Yet another said", "those surveyed said"), a statement announced with "the
 * following statement:" and given after the colon (often in the next paragraph), and a sentence opening with the
 * inverted cue and an aside before the quotation ("Said Ann Lee, a retired teacher, “…”").
 * Written sentences and PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

/** The finding at a PolNeAR train cue as [pattern, source, cue, content]. */
const at = (file: string, cue: number) => {
  const [f] = train(file, cue);
  return f ? [f.pattern, f.source?.text ?? null, f.cue.text, f.content?.text ?? null] : null;
};

describe('a quantity alone as the subject is the source', () => {
  it('a written sentence: "most said" after a semicolon', () => {
    expect(attr('Nine of 10 voters were worried; most said the economy was weak.')).toContainEqual([
      'subject-said-that',
      [32, 'most'],
      [37, 'said'],
      'the economy was weak',
    ]);
  });

  it('a written sentence: "those surveyed" after an opening adverb', () => {
    expect(attr('Again, those surveyed said the mayor was best placed to fix the roads.')[0]).toEqual([
      'subject-said-that',
      [7, 'those surveyed'],
      [22, 'said'],
      'the mayor was best placed to fix the roads',
    ]);
  });

  it('a written sentence: a share after a colon ("42% say")', () => {
    expect(attr('On taxes the young lean left: 42% say they are liberal.')[0]).toEqual(['subject-said-that', [30, '42%'], [34, 'say'], 'they are liberal']);
  });

  it('guards: a quantity floating after its subject, after a list or modifying an adverb is no source', () => {
    // After a parenthesis: the senators are the subject, not "all".
    expect(attr('Sen. Jane Roe (D-Ore.) and Sen. John Doe (D-Ohio) all suggested that the plan was flawed.').map((r) => r[1])).not.toContainEqual([
      expect.any(Number),
      'all',
    ]);
    // After a list of names closed by a comma.
    expect(attr('I heard from Muslim-Americans, African-Americans, all expressing concern about the plan.').map((r) => r[1])).not.toContainEqual([
      expect.any(Number),
      'all',
    ]);
    // Inside a clause, not opening it.
    expect(attr('They all said the plan would fail.').map((r) => r[1])).not.toContainEqual([expect.any(Number), 'all']);
  });

  it.skipIf(!hasTrain).each([
    ['usa-today_2015-11-23_trump-leads-pack-terrorism-a-top.txt', 958, 'those surveyed', 'said', 'Trump was best able to handle the issue'],
    ['usa-today_2015-12-08_most-oppose-defunding-planned-pa.txt', 367, 'those surveyed', 'said', "the group's funding shouldn't be eliminated"],
    ['usa-today_2016-03-02_no-clear-path-points-to-white-ho.txt', 5614, 'most', 'said', 'they were "very worried."'],
    ['usa-today_2016-08-16_millennials-agree-in-poll-on-tra.txt', 1746, '26%', 'say', 'they are conservative'],
    ['nyt_2016-06-26_the-battle-of-the-billionaire-li.txt', 1274, 'another', 'says', 'there are about 1,800'],
    [
      'wash-post_2016-06-28_ruling-solidifies-candidates-abo.txt',
      2047,
      'many',
      'said',
      'the Texas ruling intensifies the need to get behind him in order to ensure favorable Supreme Court appointments',
    ],
  ] as const)('PolNeAR train %s at %i', (file, cue, source, cueText, content) => {
    expect(at(file, cue)).toEqual(['subject-said-that', source, cueText, content]);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "Yet another said, “…”"', () => {
    expect(at('politico_2016-02-04_insiders-trump-will-rebound-in-n.txt', 1507)?.slice(0, 3)).toEqual(['said-quote', 'another', 'said']);
  });
});

describe('"the following statement:" introduces the quotation after the colon', () => {
  it('a written text: the quotation in the next paragraph', () => {
    expect(attr('When the senator died, the president released the following statement:\n\n"He was a loyal friend. We will miss him."')).toEqual([
      ['said-quote', [23, 'the president'], [37, 'released the following statement'], '"He was a loyal friend. We will miss him."'],
    ]);
  });

  it.skipIf(!hasTrain).each([
    ['breitbart_2015-12-21_nytimes-casually-conflates-ted-c.txt', 2361, 'President Clinton', 'released the following statement'],
    ['west-journal_2016-07-23_trump-addresses-munich-attack-th.txt', 809, 'Republican presidential nominee Donald Trump', 'issued the following statement'],
  ] as const)('PolNeAR train %s at %i', (file, cue, source, cueText) => {
    expect(at(file, cue)?.slice(0, 3)).toEqual(['said-quote', source, cueText]);
  });
});

describe('a sentence opening with the inverted cue and an aside before the quotation', () => {
  it('a written sentence: "Said Ann Lee, a retired teacher, “…”"', () => {
    expect(attr('Said Ann Lee, a retired teacher, "I have never seen anything like it."')[0]).toEqual([
      'said-quote',
      [5, 'Ann Lee'],
      [0, 'Said'],
      '"I have never seen anything like it."',
    ]);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "Said Dorothy Poynter, who grew up with Ali in the neighborhood, “…”"', () => {
    expect(at('breitbart_2016-06-05_the-latest-mourners-say-ali-s-de.txt', 6071)).toEqual([
      'said-quote',
      'Dorothy Poynter',
      'Said',
      '“We were all so proud of him.”',
    ]);
  });

  it('guard: the aside holds no quotation mark or sentence end', () => {
    expect(attr('Said Ann Lee, a "retired" teacher, "I have never seen anything like it."')[0]?.[0]).not.toBe('said-quote');
  });
});

describe('two names joined by "and" before an aside between commas are the source', () => {
  it('a written sentence: "Lindsey Graham and David Perdue, who …, said"', () => {
    expect(attr('Lindsey Graham and David Perdue, who are both on the committee, said it would be wrong.')[0]).toEqual([
      'subject-said-that',
      [0, 'Lindsey Graham and David Perdue, who are both on the committee'],
      [64, 'said'],
      'it would be wrong',
    ]);
  });

  it.skipIf(!hasTrain).each([
    [
      'usa-today_2016-08-09_khans-trump-stirs-ugliness-musli.txt',
      249,
      'Khizr and Ghazala Khan, the Gold Star parents whose appearance at the Democratic National Convention created a firestorm for Donald Trump',
      'say',
    ],
    [
      'politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit.txt',
      3155,
      'Sens. Johnny Isakson of Georgia and John Boozman of Arkansas, both up for reelection in conservative territory',
      'said',
    ],
    ['huff-post_2016-07-31_clinton-says-russians-hacked-dnc.txt', 801, 'Cyber security experts and U.S. officials', 'said'],
  ] as const)('PolNeAR train %s at %i', (file, cue, source, cueText) => {
    expect(at(file, cue)?.slice(0, 3)).toEqual(['subject-said-that', source, cueText]);
  });
});
