/**
 * Attribution error classes of the seed-41 audit (issue #14), found again on PolNeAR train (the
 * tuning half; ../shared/datasets) and in written sentences: "X says something / little about Y" is
 * what X reveals or leaves out, not a report; a coordinated subject is the source whole; a source
 * name goes on past a title's period ("the Rev. Peter Wherry"). Skips the PolNeAR part when
 * ../shared/datasets is absent.
 */
import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

/** file, start of the cue, its text (before: found as a report of speech with "nothing/little about …" as content). */
const AMOUNT_ABOUT: [string, number, string][] = [
  ['huff-post_2016-01-28_bernie-sanders-and-hillary-clint.txt', 3420, 'says'], // "a page on climate says nothing about blocking …"
  ['nyt_2016-09-06_u-s-presses-for-truce-in-syria-d.txt', 3614, 'said'], // "She has said little about the plan …"
];

describe('"X says something / little about Y" is no report (PolNeAR train)', () => {
  for (const [file, start, cue] of AMOUNT_ABOUT) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start} ${cue}`, () => {
      const found = train(file, start);
      expect(found).toEqual([]);
    });
  }

  it('but "said a lot of voters would …" is a report', () => {
    expect(attr('The choice says a lot about the campaign. The mayor said a lot of voters would leave.')).toEqual([
      ['subject-said-that', [42, 'The mayor'], [52, 'said'], 'a lot of voters would leave'],
    ]);
  });
});

/** file, start of the cue, the source judged right (before: only its last conjunct, or cut at a title's period). */
const SOURCES: [string, number, [number, string]][] = [
  ['breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt', 11952, [11884, 'Bush and his rivals for the Republican presidential nomination']], // was "his rivals …"
  ['breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth.txt', 382, [367, 'Trump and Ryan']], // was "Ryan"
  ['huff-post_2016-02-01_here-s-why-winning-iowa-could-br.txt', 5279, [5284, 'Rev. Kyev Tatum']], // was "Rev" (the sentence ended at "Rev.")
];

describe('the whole source: a coordinated subject, a name after a title (PolNeAR train)', () => {
  for (const [file, start, source] of SOURCES) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start} ${source[1]}`, () => {
      const found = train(file, start);
      expect(found.map((f) => [f.source!.start, f.source!.text])).toEqual([source]);
    });
  }
});

describe('a coordinated subject is the source whole', () => {
  it('"Oklahoma and Nebraska said" → both states', () => {
    expect(attr('Oklahoma and Nebraska said the influx had led to more arrests.')).toEqual([
      ['subject-said-that', [0, 'Oklahoma and Nebraska'], [22, 'said'], 'the influx had led to more arrests'],
    ]);
  });

  it('but not across joined clauses', () => {
    expect(attr('The bill passed and Nebraska said the influx had led to arrests.')).toEqual([
      ['subject-said-that', [20, 'Nebraska'], [29, 'said'], 'the influx had led to arrests'],
    ]);
  });
});

describe('a source name goes on past a title with its period', () => {
  it('"said the Rev. Peter Wherry"', () => {
    expect(attr('"This is a good thing," said the Rev. Peter Wherry, of Mayfield Church. He left.')).toEqual([
      ['quote-then-said', [29, 'the Rev. Peter Wherry'], [24, 'said'], '"This is a good thing,"'],
    ]);
  });
});

// Round 7 (issue #14; tuning sheets polnear-train seed 113 and basil-tune seed 127, and PolNeAR train): the medium is
// not the source; a quotation split by its source and cue goes on after them; a bare verb after "and" inside the
// report is no second cue.

describe('the medium is not the source', () => {
  it.skipIf(!HAS_DATASETS)('PolNeAR train: "said RNC spokesman Sean Spicer in a Friday tweet" (was the whole phrase)', () => {
    const found = train('politico_2016-06-22_trump-s-stumbles-fuel-convention.txt', 2836);
    expect(found.map((f) => [f.source!.start, f.source!.text, f.content!.start, f.content!.end])).toEqual([[2841, 'RNC spokesman Sean Spicer', 2757, 2835]]);
  });

  it('an inverted source before a medium phrase, and one after an opening medium phrase', () => {
    expect(attr('“We will win,” said the party chairman in a statement on Friday.')).toEqual([
      ['quote-then-said', [20, 'the party chairman'], [15, 'said'], '“We will win,”'],
    ]);
    expect(attr('In a radio interview Smith declared “the plan will fail.”')[0]?.[1]).toEqual([21, 'Smith']);
  });

  it('but a source whose phrase names no medium keeps it', () => {
    expect(attr('“We will win,” said the head of the party in Ohio.')).toEqual([
      ['quote-then-said', [20, 'the head of the party in Ohio'], [15, 'said'], '“We will win,”'],
    ]);
  });
});

describe('a quotation split by its source and cue', () => {
  it.skipIf(!HAS_DATASETS)('PolNeAR train: “Let’s take this opportunity,” Blackwell concluded, “to nominate …” (was the first fragment only)', () => {
    const found = train('breitbart_2016-01-10_conservative-icon-morton-blackwe.txt', 3552);
    expect(found.map((f) => [f.source!.text, f.content!.start, f.content!.end])).toEqual([['Blackwell', 3511, 3718]]);
    expect(found[0]!.content!.text).toMatch(/^“Let’s take this opportunity,” Blackwell concluded, “to nominate and elect .* supporting Ted Cruz\.”$/);
  });

  it('a quotation ending its sentence before the cue is not joined to the next one', () => {
    expect(attr('“We lost.” Smith said. “We will be back.”')).toEqual([['quote-then-said', [11, 'Smith'], [17, 'said'], '“We lost.”']]);
  });
});

describe('a bare verb after "and" inside the report is no second cue', () => {
  it('"said her group would stand up for and defend her" keeps the whole report', () => {
    // (The shared-subject reading of "defend" with Jones as its source stays, below the default threshold.)
    expect(attr('Jones said her group would stand up for and defend the senator against such attacks.')[0]).toEqual([
      'subject-said-that',
      [0, 'Jones'],
      [6, 'said'],
      'her group would stand up for and defend the senator against such attacks',
    ]);
  });

  it('but "said …, and defended …" still ends the report at the second cue', () => {
    expect(attr('Jones said the plan was late, and defended the budget.')[0]).toEqual(['subject-said-that', [0, 'Jones'], [6, 'said'], 'the plan was late']);
  });
});

describe('source and cue set off by commas inside the sentence they report', () => {
  it.skipIf(!HAS_DATASETS)('PolNeAR train: "The hashtag #prayforparis, he said, was even more popular, …" (was "was even more popular, …" alone)', () => {
    const found = train('nyt_2015-11-16_social-sites-overflow-when-crisi.txt', 2172);
    expect(found.map((f) => [f.pattern, f.source!.text, f.content!.start, f.content!.end])).toEqual([['clause-then-said', 'he', 2142, 2235]]);
    expect(found[0]!.content!.text).toMatch(/^The hashtag #prayforparis, he said, was even more popular/);
  });

  it('the whole sentence is the content; a participle cue after it leaves the clause before', () => {
    expect(attr('The city will never recover, the mayor said, unless the state helps.')).toEqual([
      ['clause-then-said', [29, 'the mayor'], [39, 'said'], 'The city will never recover, the mayor said, unless the state helps'],
    ]);
    expect(attr('The vote failed, he said, adding that he would try again.')[0]).toEqual(['clause-then-said', [17, 'he'], [20, 'said'], 'The vote failed']);
  });
});
