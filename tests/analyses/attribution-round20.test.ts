/**
 * Attribution round 20 (issue #14): a quoted fragment that an indirect report goes on from ("he said “budget reforms”
 * and the collection of unpaid taxes would help finance them", "Comey testified “thousands” of emails … had not been
 * turned over") has the whole clause as its content, not the quoted words alone; the finding stays a `said-quote`. Not
 * when another cue follows in the rest ("21 percent said “not too likely” and 14 percent said …"), when a comma outside
 * the quotation may close a fronted clause ("… she said “…” about her environmental record, Sanders jabbed …"), nor
 * after a participle cue, which may be a reduced relative ("the share of Republicans saying “…” increased …").
 * PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

const spans = (file: string, cue: number) => {
  const [f] = train(file, cue);
  return [f?.pattern, f?.source?.text, f?.cue.text, f?.content?.start, f?.content?.end, f?.content?.text];
};

describe('a quoted fragment inside an indirect report: the content is the whole report', () => {
  it('a written sentence: the report goes on after the quoted words', () => {
    expect(attr('The mayor said “new taxes” and higher fees would pay for the stadium.')[0]).toEqual([
      'said-quote',
      [0, 'The mayor'],
      [10, 'said'],
      '“new taxes” and higher fees would pay for the stadium',
    ]);
  });

  it('a written sentence: a quotation that closes with its own stop stays the content', () => {
    expect(attr('The mayor said: “New taxes will pay for it.” Voters disagreed.')[0]).toEqual([
      'said-quote',
      [0, 'The mayor'],
      [10, 'said'],
      '“New taxes will pay for it.”',
    ]);
  });

  it.skipIf(!hasTrain).each([
    [
      '"Comey testified “thousands” of emails in fact had not been turned over"',
      'west-journal_2016-07-28_obama-claims-hillary-most-qualif.txt',
      5183,
      'Comey',
      'testified',
      5193,
      5247,
      '“thousands” of emails in fact had not been turned over',
    ],
    [
      '"Kaine declared that "I strongly support" the state\'s … law"',
      'usa-today_2016-07-25_clinton-pick-gives-trump-an-open.txt',
      481,
      'Kaine',
      'declared',
      495,
      571,
      '"I strongly support" the state\'s anti-union and misnamed "right to work" law',
    ],
    [
      "Ms. Tanzer said ''is a perfect example of adapting'' to the changing economics of golf",
      'nyt_2015-11-25_golf-courses-forced-to-reach-int.txt',
      6872,
      'Ms. Tanzer',
      'said',
      6878,
      6948,
      "''is a perfect example of adapting'' to the changing economics of golf",
    ],
  ] as const)('PolNeAR train: %s (was: only the quoted words)', (_, file, cue, source, cueText, start, end, content) => {
    expect(spans(file, cue)).toEqual(['said-quote', source, cueText, start, end, content]);
  });

  it.skipIf(!hasTrain)('not when another cue follows: "21 percent said “not too likely” and 14 percent said …"', () => {
    expect(spans('west-journal_2016-05-12_exit-polls-in-west-virginia-spel.txt', 1569)).toEqual([
      'said-quote',
      '21 percent',
      'said',
      1574,
      1590,
      '“not too likely”',
    ]);
  });

  it.skipIf(!hasTrain)('not past a comma outside the quotation: "… she said “…” about her environmental record, Sanders jabbed …"', () => {
    expect(spans('politico_2016-04-11_clinton-and-sanders-trade-low-bl.txt', 3505).slice(3)).toEqual([
      3511,
      3555,
      '“I am so sick of the Sanders campaign lying”',
    ]);
  });

  it.skipIf(!hasTrain)('not after a participle cue: "the share of Republicans saying “…” increased by 28 points"', () => {
    expect(spans('huff-post_2016-07-27_guns-are-the-ultimate-public-hea.txt', 3302).slice(3)).toEqual([
      3309,
      3353,
      '“it is more important to protect gun rights”',
    ]);
  });
});
