/**
 * Attribution round 15 (issue #14): a report that goes on as a list of items separated by semicolons ("would include
 * X; Y; and Z") runs to the end of its sentence instead of stopping at the first semicolon, which left the later
 * items as the writer's own words; a coordinated subject after an opening conjunction ("But X and Y said") is the
 * source whole, not its last conjunct. Written sentences and PolNeAR train texts (the tuning half).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

describe('a reported list separated by semicolons runs to the end of the sentence', () => {
  it('"say a package would include X; Y; and Z" (was: the content stopped at the first semicolon)', () => {
    expect(attr('Some lawmakers say the package would include new rules on hiring; more border agents; and a path to legal status.')).toEqual([
      [
        'subject-said-that',
        [0, 'Some lawmakers'],
        [15, 'say'],
        'the package would include new rules on hiring; more border agents; and a path to legal status',
      ],
    ]);
  });

  it('not when a later item has a pronoun or an auxiliary: a clause of its own may be the writer’s', () => {
    expect(attr('The mayor said the plan covers roads; it will also cover parks; and schools get nothing.')[0]).toEqual([
      'subject-said-that',
      [0, 'The mayor'],
      [10, 'said'],
      'the plan covers roads',
    ]);
  });

  it('not with a single semicolon and no closing "and"/"or" item', () => {
    expect(attr('The mayor said the plan covers roads; the council voted against it.')[0]).toEqual([
      'subject-said-that',
      [0, 'The mayor'],
      [10, 'said'],
      'the plan covers roads',
    ]);
  });

  it.skipIf(!existsSync(join(DATASETS, 'polnear/train/text')))(
    'PolNeAR train: "According to the initial schedule …, Thiel is scheduled to speak …, along with X; Y; …; and Z"',
    () => {
      const [f] = train('west-journal_2016-07-14_donald-trump-stuns-lgbt-communit.txt', 1329);
      expect(f?.content?.text).toBe(
        'Thiel is scheduled to speak next Thursday night, along with Heisman Trophy\u00a0winner Tim Tebow; Rep. Marsha Blackburn, R-Tenn.; Oklahoma Gov. Mary Fallin; Florida Gov. Rick Scott; RNC Chairman Reince Priebus; and Ivanka Trump',
      );
    },
  );
});

describe('a coordinated subject after an opening conjunction is the source whole', () => {
  it('"But Mr. Grassley and Mr. Leahy said" (was: "Mr. Leahy")', () => {
    expect(attr('But Mr. Grassley and Mr. Leahy said the bill would pass.')).toEqual([
      ['subject-said-that', [4, 'Mr. Grassley and Mr. Leahy'], [31, 'said'], 'the bill would pass'],
    ]);
  });

  it('not when "and" joins two clauses ("But the bill passed and Nebraska said")', () => {
    expect(attr('But the bill passed and Nebraska said it would sue.')).toEqual([['subject-said-that', [24, 'Nebraska'], [33, 'said'], 'it would sue']]);
  });

  it.skipIf(!existsSync(join(DATASETS, 'polnear/train/text')))('PolNeAR train: "But attorneys and legal experts said …" (was: "legal experts")', () => {
    const [f] = train('wash-post_2016-03-30_trump-sticking-by-his-campaign-m.txt', 8115);
    expect([f?.source?.start, f?.source?.text]).toEqual([8087, 'attorneys and legal experts']);
  });
});
