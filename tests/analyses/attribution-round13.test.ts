/**
 * Attribution round 13 (issue #14): a phrase of medium or occasion between the cue and "that" ("wrote in his 1990
 * autobiography that …", "argued during Saturday's debate that …", "said in an interview taped before the attacks
 * that …") belongs to the cue even with a possessive or a noun the tagger read as a verb, so the report starts after
 * "that"; a source that is an article or possessive determiner alone ("The only hope the Gulf States have …",
 * "Their shows rose …") is the start of a noun phrase whose head was read as the cue, and the finding is dropped.
 * Cases from PolNeAR train (the tuning half) written as sentences of their own, and two train texts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../helpers.js';
import { attr, train } from './attribution-helpers.js';

describe('a phrase of medium or occasion before "that" belongs to the cue', () => {
  it('"wrote in his 1990 autobiography that …" (a possessive; was: content opened with "in his")', () => {
    expect(attr('Carson wrote in his 1990 autobiography that he had been named the most honest student in the class.')).toEqual([
      ['subject-said-that', [0, 'Carson'], [7, 'wrote'], 'he had been named the most honest student in the class'],
    ]);
  });

  it('"argued during Saturday’s Democratic presidential debate that …" (a possessive ending)', () => {
    expect(attr('Clinton argued during Saturday’s Democratic presidential debate that she could take a hard line on Wall Street.')).toEqual([
      ['subject-said-that', [0, 'Clinton'], [8, 'argued'], 'she could take a hard line on Wall Street'],
    ]);
  });

  it('"wrote in a court file that …" (a noun tagged as a verb before "that")', () => {
    expect(attr('Jones wrote in a court file that such a request was futile.')).toEqual([
      ['subject-said-that', [0, 'Jones'], [6, 'wrote'], 'such a request was futile'],
    ]);
  });

  it('"said in an ABC interview taped before the attacks that …" (a participle and its phrase inside)', () => {
    expect(attr('Obama said in an ABC interview taped before the attacks that the United States had contained the group.')).toEqual([
      ['subject-said-that', [0, 'Obama'], [6, 'said'], 'the United States had contained the group'],
    ]);
  });

  it('not after a preposition of another kind: "apologized for his campaign’s suggestion … that …" keeps the phrase', () => {
    expect(attr("He apologized for his campaign's suggestion to voters on Monday that Carson was dropping out.")).toEqual([
      ['subject-said-that', [0, 'He'], [3, 'apologized'], "for his campaign's suggestion to voters on Monday that Carson was dropping out"],
    ]);
  });

  it.skipIf(!existsSync(join(DATASETS, 'polnear')))('PolNeAR train: "Carson wrote in his 1990 autobiography that he’d been named …"', () => {
    const [f] = train('huff-post_2015-11-08_ben-carson-defends-himself-again.txt', 632);
    expect(f?.content?.text.startsWith('he’d been named the most honest student')).toBe(true);
  });
});

describe('a bare determiner is no source', () => {
  it('"The only hope the Gulf States have now is …" (was: source "The", cue "hope")', () => {
    expect(attr('The only hope the Gulf States have now is for Washington to oppose the policy.')).toEqual([]);
  });

  it('"Their shows rose to be among the most watched …" (was: source "Their", cue "shows")', () => {
    expect(attr('Their shows rose to be among the most watched in all of cable television.')).toEqual([]);
  });

  it('a possessive before the complement is the holder: "His promises to stick it to the rich …" stays', () => {
    expect(attr('His promises to stick it to the rich notwithstanding, analysts agree the top 1 percent would benefit.')[0]?.slice(0, 3)).toEqual([
      'subject-verb-to',
      [0, 'His'],
      [4, 'promises'],
    ]);
  });

  it.skipIf(!existsSync(join(DATASETS, 'polnear')))('PolNeAR train: "The only hope the Gulf States have now …" has no finding at "hope"', () => {
    expect(train('huff-post_2016-08-29_erdogan-is-in-syria-with-a-green.txt', 1701)).toEqual([]);
  });
});
