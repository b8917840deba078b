/**
 * Attribution round 12 (issue #14): a report before an inverted source with an apposition ("…, said Angie
 * Holan, the site's editor") or before a comma inside a closing quotation mark ("This is a “raw time,” said
 * …") is the clause before the cue, not the apposition after the source; a closing phrase of the medium
 * ("… in a tweet on Tuesday") is the writer's; a past participle between a possessive or a number and its
 * noun ("Trump's proposed tax cuts", "475 pledged delegates") and "accused of" after a noun are no cues; the
 * classes of each pattern calibrate apart when "that" opens the content (`attribution/<pattern>:<class>:that`).
 * Cases from PolNeAR train (the tuning half) written as sentences of their own, and one train text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationKeys, thatClause } from '../../src/analyses/confidence.js';
import type { FindingDraft } from '../../src/core/types.js';
import { DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

describe('the report before an inverted source is the clause before the cue, not the apposition after the source', () => {
  it('"…, said Angie Holan, the site\'s editor." (was: subject-verb-object with the apposition as content)', () => {
    expect(attr('The Internet has spread such claims faster, said Angie Holan, the site’s editor.')).toEqual([
      ['clause-then-said', [49, 'Angie Holan'], [44, 'said'], 'The Internet has spread such claims faster'],
    ]);
  });

  it('"…, said Jane Roe, executive director of the union, a group that has endorsed him." (a relative "that" in the apposition)', () => {
    expect(attr('The decision was welcome, said Jane Roe, executive director of the union, a group that has endorsed him.')[0]).toEqual([
      'clause-then-said',
      [31, 'Jane Roe'],
      [26, 'said'],
      'The decision was welcome',
    ]);
  });

  it('"This is a “raw time,” said David Axelrod, a longtime ally …" (a comma inside the closing quotation mark)', () => {
    expect(attr('This is a “raw time,” said David Axelrod, a longtime ally of the mayor.')).toEqual([
      ['clause-then-said', [27, 'David Axelrod'], [22, 'said'], 'This is a “raw time,”'],
    ]);
  });

  it('"The plan is “a disaster,” Smith said." (uninverted; was: no content)', () => {
    expect(attr('The plan is “a disaster,” Smith said.')).toEqual([['clause-then-said', [26, 'Smith'], [32, 'said'], 'The plan is “a disaster,”']]);
  });

  it('a quotation that opens the sentence is still quote-then-said', () => {
    expect(attr('“The plan is a disaster,” Smith said.')).toEqual([['quote-then-said', [26, 'Smith'], [32, 'said'], '“The plan is a disaster,”']]);
  });
});

describe('a closing phrase of the medium ends an indirect report', () => {
  it('"Trump called the system “rigged” in a tweet Tuesday, and …" (was: content took "in a tweet Tuesday")', () => {
    expect(attr('Trump called the system “rigged” in a tweet Tuesday, and several lawmakers agreed.')[0]).toEqual([
      'subject-verb-object',
      [0, 'Trump'],
      [6, 'called'],
      'the system “rigged”',
    ]);
  });

  it('"… said his campaign does not want that in an interview with CNN on Sunday"', () => {
    expect(attr('The senator said his campaign does not want the money in an interview with CNN on Sunday.')[0]![3]).toBe(
      'his campaign does not want the money',
    );
  });

  it('not a noun that only modifies the head ("a private email server"), nor a phrase a verb of the report follows', () => {
    expect(attr('Clinton said she had used a private email server.')[0]![3]).toBe('she had used a private email server');
    expect(attr('The mayor said the plan announced in a statement would fail.')[0]![3]).toBe('the plan announced in a statement would fail');
  });
});

describe('an attributive participle is no cue', () => {
  it('"Trump\'s proposed tax cuts", "475 pledged delegates" (was: Trump proposed …, 475 promised …)', () => {
    expect(attr('Critics said Trump’s proposed tax cuts would not raise much money.')).toEqual([
      ['subject-said-that', [0, 'Critics'], [8, 'said'], 'Trump’s proposed tax cuts would not raise much money'],
    ]);
    expect(attr('The state will send 475 pledged delegates to the convention.')).toEqual([]);
  });

  it('"The woman accused of driving onto the sidewalk was arrested." (was: The woman accused …)', () => {
    expect(attr('The woman accused of driving onto the sidewalk was arrested.')).toEqual([]);
    expect(attr('Trump accused Clinton of lying.')).toEqual([['subject-verb-object', [0, 'Trump'], [6, 'accused'], 'Clinton of lying']]);
  });
});

describe('a content opened by "that" calibrates apart', () => {
  const base = { kind: 'attribution', rule: 'lexicon:reporting-verbs/insist', pattern: 'subject-said-that' } as const;
  it('a finding with offsets', () => {
    const text = 'Aides insisted that the plan was sound';
    const f = {
      ...base,
      start: 0,
      end: text.length,
      text,
      cue: { start: 6, end: 14, text: 'insisted', neutral: false },
      content: { start: 20, end: text.length, text: 'the plan was sound' },
    } as unknown as FindingDraft;
    expect(thatClause(f)).toBe(true);
    expect(calibrationKeys(f)).toEqual([
      'attribution/subject-said-that:insist',
      'attribution/subject-said-that:non-neutral:that',
      'attribution/subject-said-that:non-neutral',
      'attribution/subject-said-that',
      'attribution',
    ]);
    const bare = {
      ...f,
      text: 'Aides insisted the plan was sound',
      end: 33,
      content: { start: 15, end: 33, text: 'the plan was sound' },
    } as unknown as FindingDraft;
    expect(thatClause(bare)).toBe(false);
  });

  it('an audit-sheet item (cue and content as text)', () => {
    const item = { ...base, text: 'Aides insisted on Tuesday that the plan was sound', cue: 'insisted', content: 'the plan was sound' };
    expect(thatClause(item as unknown as FindingDraft)).toBe(true);
    expect(thatClause({ ...item, text: 'Aides insisted the plan was sound' } as unknown as FindingDraft)).toBe(false);
  });
});

describe.skipIf(!existsSync(join(DATASETS, 'polnear/train')))('PolNeAR train', () => {
  it('wash-post 2015-12-04: "This is a “raw time,” said … David Axelrod, a longtime Emanuel ally …" is shown with the clause', () => {
    const [f] = train('wash-post_2015-12-04_a-killing-and-video-test-emanuel.txt', 4014);
    expect(f?.pattern).toBe('clause-then-said');
    expect(f?.source?.text).toBe('Democratic strategist David Axelrod');
    expect(f?.content?.text).toBe('This is a "raw time,"');
    expect(f?.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
