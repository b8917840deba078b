/**
 * Attribution round 16 (issue #14, recall of shown findings): a report before its source and a plain verb of saying
 * ("…, Spicer said, adding …", "…, Hollande said Tuesday in Paris, noting …") is that clause, not the participle or the
 * occasion after the cue; a quotation closed by two marks ("profit,''" in the doubled-apostrophe style, "ringleader,’”")
 * ends the clause as one mark does; and a quotation a colon introduces is the whole report, not the writer's words before
 * the colon. Written sentences and PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { attr, hasTrain, train } from './attribution-helpers.js';

describe('a participle after the source and a plain verb of saying goes on with the speaker', () => {
  it('"…, Spicer said, adding, “…”" (was: the participle as the content of "said")', () => {
    expect(attr('The two men will meet next week, Spicer said, adding, "They need to talk."')[0]).toEqual([
      'clause-then-said',
      [33, 'Spicer'],
      [40, 'said'],
      'The two men will meet next week',
    ]);
  });

  it('"…, Hollande said Tuesday in Paris, noting …" (was: "Tuesday in Paris" as the content)', () => {
    expect(attr('The plan is a disaster, Hollande said Tuesday in Paris, noting the cost of the war.')[0]).toEqual([
      'clause-then-said',
      [24, 'Hollande'],
      [33, 'said'],
      'The plan is a disaster',
    ]);
  });

  it('not after other verbs: "Berlin backed off, replacing …" is the writer’s clause', () => {
    expect(attr('Facing blowback from unions, Berlin backed off, replacing the levy with a subsidy.').some((r) => r[0] === 'clause-then-said')).toBe(false);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "Ryan and Trump will meet sometime next week, Spicer said, adding, “…”"', () => {
    const [f] = train('politico_2016-05-05_paul-ryan-says-he-s-not-ready-to.txt', 4743);
    expect([f?.pattern, f?.source?.text, f?.content?.text]).toEqual(['clause-then-said', 'Spicer', 'Ryan and Trump will meet sometime next week']);
  });
});

describe('a quotation closed by two marks ends the clause before the source', () => {
  it.skipIf(!hasTrain)("PolNeAR train: \"Still, golf clubs are ''just scratching out a profit,'' Mr. Hedge said from his office\"", () => {
    const [f] = train('nyt_2015-11-25_golf-courses-forced-to-reach-int.txt', 8731);
    expect([f?.pattern, f?.source?.text, f?.content?.text]).toEqual([
      'clause-then-said',
      'Mr. Hedge',
      "Still, golf clubs are ''just scratching out a profit,''",
    ]);
  });

  it.skipIf(!hasTrain)('PolNeAR train: "… ‘He’s the ringleader,’” Sexton said in phone interview" (was: "in phone interview")', () => {
    const [f] = train('huff-post_2016-06-17_trump-s-supporters-may-be-the-re.txt', 1264);
    expect([f?.pattern, f?.source?.text, f?.content?.text]).toEqual([
      'clause-then-said',
      'Sexton',
      'The event “was the first time I walked away with the idea that maybe it’s not as simple as, ‘He’s the ringleader,’”',
    ]);
  });
});

describe('a quotation a colon introduces is the whole report', () => {
  it.skipIf(!hasTrain)("PolNeAR train: \"… the code of conduct …: ''Civility and good manners were kind of assumed,'' he said\"", () => {
    const [f] = train('nyt_2016-01-19_bush-s-presidential-campaign-per.txt', 2565);
    expect([f?.pattern, f?.source?.text, f?.content?.text]).toEqual(['clause-then-said', 'he', "''Civility and good manners were kind of assumed,''"]);
  });
});
