/**
 * Attribution round 9 (issue #14), error classes of quote-then-said found on PolNeAR train (the
 * tuning half; ../shared/datasets) and in written sentences: a quotation closed by a full stop is a
 * sentence of its own, not the report of the next sentence's cue (its closing mark split off by the
 * sentence breaker: "….'' ' She called …", "“unhinged.” Sen. X called …"); a quoted title before a
 * source's words is part of the source phrase ("“Daily Show” host X said …"). Skips the PolNeAR part
 * when ../shared/datasets is absent.
 */
import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

describe('a quotation closed by a full stop is no report of the next sentence', () => {
  it('"Bush called Trump “unhinged.” Sen. Rubio called the statement “outlandish.”" (was: Rubio\'s content “unhinged.”)', () => {
    expect(attr('Jeb Bush called Trump “unhinged.” Sen. Marco Rubio called the statement “offensive and outlandish.”')).toEqual([
      ['subject-verb-object', [0, 'Jeb Bush'], [9, 'called'], 'Trump “unhinged.”'],
      ['subject-verb-object', [34, 'Sen. Marco Rubio'], [51, 'called'], 'the statement “offensive and outlandish.”'],
    ]);
  });

  it('"“We lost,” he said." still takes its quotation', () => {
    expect(attr('“We lost,” he said.')).toEqual([['quote-then-said', [11, 'he'], [14, 'said'], '“We lost,”']]);
  });
});

describe('a quoted title before the source is part of the source phrase', () => {
  it('"“Daily Show” host Trevor Noah showed that …"', () => {
    expect(attr('“Daily Show” host Trevor Noah on Thursday showed that the businessman was given a chance.')).toEqual([
      ['subject-said-that', [13, 'host Trevor Noah'], [42, 'showed'], 'the businessman was given a chance'],
    ]);
  });
});

/** file, start of the cue, [pattern, content] now (before: quote-then-said with the quotation of the sentence before). */
const OWN_SENTENCE: [string, number, [string, string]][] = [
  // "' She called the atom bomb ''a marvelous gift …''" (was: the quotation of the sentence before)
  [
    'nyt_2016-09-07_phyllis-schlafly-conservative-ba.txt',
    2861,
    ['subject-verb-object', "the atom bomb ''a marvelous gift that was given to our country by a wise God.'"],
  ],
  [
    'nyt_2016-08-22_foundation-and-donors-complicate.txt',
    10312,
    ['said-quote', "''As you know, hearing nice things about your children is as good as it gets.''"],
  ],
  ['breitbart_2015-12-07_clinton-camp-trump-s-islamaphobi.txt', 1003, ['subject-verb-object', 'the statement “offensive and outlandish.”']],
  // still governed: the closing mark split off after a question mark or a comma
  ['nyt_2016-04-23_campaign-for-trump-says-he-ll-re.txt', 5601, ['quote-then-said', "''Can we win Illinois?''"]],
  [
    'nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa.txt',
    1458,
    ['quote-then-said', "''There's a guy that follows me, right back here, has the nuclear codes,''"],
  ],
];

describe('PolNeAR train: the quotation before a full stop belongs to its own sentence', () => {
  for (const [file, start, want] of OWN_SENTENCE) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start}`, () => {
      expect(train(file, start).map((f) => [f.pattern, f.content?.text ?? null])).toEqual([want]);
    });
  }
});

describe('a report ends where the writer goes on with a second report or a clause of its own', () => {
  it('a dash before a quotation: "suggested … - “He would have loved Stalin,” Mr. Biden said twice -"', () => {
    expect(attr('Mr. Biden suggested Mr. Trump admired brutal leaders - “He would have loved Stalin,” Mr. Biden said twice - and left.')[0]).toEqual([
      'subject-said-that',
      [0, 'Mr. Biden'],
      [10, 'suggested'],
      'Mr. Trump admired brutal leaders',
    ]);
  });

  it('", and" before a clause with its own subject: "suggested she marry an American, and his campaign is approaching …"', () => {
    expect(attr('One lawyer suggested she marry an American, and his campaign is approaching delegates.')[0]).toEqual([
      'subject-said-that',
      [0, 'One lawyer'],
      [11, 'suggested'],
      'she marry an American',
    ]);
  });

  it('but ", and that …" coordinates a second clause of the same report', () => {
    expect(attr('The mayor said the bridge would close, and that the city would pay.')[0]).toEqual([
      'subject-said-that',
      [0, 'The mayor'],
      [10, 'said'],
      'the bridge would close, and that the city would pay',
    ]);
  });
});

/** file, start of the cue, content now (before: running on into the writer's next clause). */
const SECOND: [string, number, string][] = [
  ['nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa.txt', 1179, 'Mr. Trump had demonstrated a fondness for brutal leaders like Saddam Hussein'],
  ['usa-today_2016-04-06_sanders-says-he-s-riding-momentu.txt', 2573, 'delegates from states he won should flip to his column'],
];

describe("PolNeAR train: the report ends before the writer's next clause", () => {
  for (const [file, start, want] of SECOND) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start}`, () => {
      const found = train(file, start);
      expect(found.map((f) => f.content?.text ?? null)).toEqual([want]);
    });
  }
});

describe('the source without a free relative before it or an adjective aside after it', () => {
  it('"less than half of what researchers say they need" → researchers', () => {
    expect(attr('It is still less than half of what researchers say they need every year.')).toEqual([
      ['subject-said-that', [35, 'researchers'], [47, 'say'], 'they need every year'],
    ]);
  });

  it('"Biden, aware of this, told voters …" → Biden', () => {
    expect(attr('Biden, aware of this, told voters they should be suspicious.')[0]).toEqual([
      'subject-said-that',
      [0, 'Biden'],
      [22, 'told'],
      'they should be suspicious',
    ]);
  });
});
