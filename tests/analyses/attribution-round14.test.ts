/**
 * Attribution round 14 (issue #14): a report in a relative clause set off after its source ("Ms. Lee, who said the
 * budget was balanced, voted …") ends where the main clause's verb resumes the writer's sentence; "that" before a
 * singular noun with no finite verb after it in its sentence is a determiner ("repeated that pledge at a rally"),
 * so the content is the noun phrase, "that" included. Cases from PolNeAR train (the tuning half) written as
 * sentences of their own, and one train text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

describe('a report in a relative clause after its source ends where the main clause resumes', () => {
  it('"X, who said …, voted …" (was: the content ran on into the main clause)', () => {
    expect(attr('Ms. Lee, who said the budget was balanced, voted against the bill on Tuesday.')).toEqual([
      ['subject-said-that', [0, 'Ms. Lee, who'], [13, 'said'], 'the budget was balanced'],
    ]);
  });

  it('an auxiliary opens the main clause too ("…, doesn’t expect …")', () => {
    expect(attr('The governor, who says the state cannot afford new roads, doesn’t expect the plan to pass.')).toEqual([
      ['subject-said-that', [0, 'The governor, who'], [18, 'says'], 'the state cannot afford new roads'],
    ]);
  });

  it('only the first comma decides: an aside inside the report is not the main clause (left as it was)', () => {
    expect(attr('Mr. Park, who said the two plans, and the second in particular, would raise taxes, has not decided.')).toEqual([
      ['subject-verb-object', [0, 'Mr. Park, who'], [14, 'said'], 'the two plans, and the second in particular, would raise taxes, has not decided'],
    ]);
  });

  it.skipIf(!existsSync(join(DATASETS, 'polnear/train/text')))('PolNeAR train: "Cruz, who says Trump is attacking him …, said GOP voters …"', () => {
    const [f] = train('usa-today_2016-01-26_candidates-fan-out-in-iowa-as-ca.txt', 1576);
    expect(f?.content?.text).toBe('Trump is attacking him because the polls have tightened');
  });
});

describe('"that" as the determiner of an object', () => {
  it('"repeated that pledge at a rally on Friday" (was: content "pledge at a rally …", read as a clause)', () => {
    expect(attr('The mayor repeated that pledge at a rally on Friday.')).toEqual([
      ['subject-verb-object', [0, 'The mayor'], [10, 'repeated'], 'that pledge at a rally on Friday'],
    ]);
  });

  it('not before a quotation, which may hold the clause’s verb', () => {
    expect(attr('She added that such talk “only helps our rivals.”')).toEqual([
      ['subject-said-that', [0, 'She'], [4, 'added'], 'such talk “only helps our rivals.”'],
    ]);
  });

  it('not before a plural noun or when a finite verb follows', () => {
    expect(attr('The minister said that new rules about the border would take effect in May.')).toEqual([
      ['subject-said-that', [0, 'The minister'], [13, 'said'], 'new rules about the border would take effect in May'],
    ]);
  });
});

describe('the writer’s appositive on a report ends it', () => {
  it('a dash and an indefinite article (was: the content ran on into "a figure the budget office …")', () => {
    expect(attr('The senator said the plan would add 2,000 jobs — a figure the budget office has not confirmed.')[0]).toEqual([
      'subject-said-that',
      [0, 'The senator'],
      [12, 'said'],
      'the plan would add 2,000 jobs',
    ]);
  });

  it('not after a name: the phrase describes the person named', () => {
    expect(attr('Ms. Roe said the firm had hired John Smith, a lawyer for the city.')).toEqual([
      ['subject-said-that', [0, 'Ms. Roe'], [8, 'said'], 'the firm had hired John Smith, a lawyer for the city'],
    ]);
  });
});

describe('a comma, "and" and a verb without a subject: the source’s next act ends the report', () => {
  it('"proposed that …, and pushed to …"', () => {
    expect(attr('The minister proposed that more troops stay in the region, and pushed to send arms to the rebels.')).toEqual([
      ['subject-said-that', [0, 'The minister'], [13, 'proposed'], 'more troops stay in the region'],
    ]);
  });

  it('"insisted …, and has championed …" (an auxiliary)', () => {
    expect(attr('The mayor insisted the city must remain open, and has championed a plan to cut fares.')).toEqual([
      ['subject-said-that', [0, 'The mayor'], [10, 'insisted'], 'the city must remain open'],
    ]);
  });
});
