/** Loaded findings settle like attributions (src/eval/calibrate.ts): a pool measures only what falls back to it. */
import { describe, expect, it } from 'vitest';
import { Tallies } from '../../src/eval/calibrate.js';

const loaded = (rule: string, category: string) => ({ kind: 'loaded', rule, category });

describe('Tallies.settle for loaded findings', () => {
  it('counts a finding toward its entry, else its category, else loaded — never twice', () => {
    const t = new Tallies();
    // 12 judged of one entry (enough for its own record), 7 right
    for (let i = 0; i < 12; i++) t.add(loaded('lexicon:evaluative/controversial', 'evaluative'), i < 7, 'sheet');
    // 6 of other evaluative entries: too few each, enough for the category pool
    for (let i = 0; i < 6; i++) t.add(loaded(`lexicon:evaluative/e${i}`, 'evaluative'), i < 5, 'sheet');
    // 3 of a thin category: too few for its pool, they fall to loaded
    for (let i = 0; i < 3; i++) t.add(loaded(`rule:scare-quotes`, 'scare-quotes'), false, 'sheet');
    t.settle();
    const got = (k: string) => t.byKey.get(k) && { judged: t.byKey.get(k)!.judged, correct: t.byKey.get(k)!.correct };
    expect(got('lexicon:evaluative/controversial')).toEqual({ judged: 12, correct: 7 });
    expect(got('loaded/evaluative')).toEqual({ judged: 6, correct: 5 });
    expect(got('loaded/scare-quotes')).toBeUndefined();
    expect(got('rule:scare-quotes')).toBeUndefined();
    expect(got('loaded')).toEqual({ judged: 3, correct: 0 });
  });
});

/** Audit-sheet form of an attribution (cue and content as text): "noted that …" adds the `:that` key before `:neutral`. */
const reported = (that: boolean) => ({
  kind: 'attribution',
  rule: 'pattern:subject-said-that',
  pattern: 'subject-said-that',
  neutral: true,
  text: that ? 'The mayor noted that the budget was late.' : 'The mayor noted the budget was late.',
  cue: 'noted',
  content: 'the budget was late',
});

describe('Tallies.settle by key, not by place in the key list', () => {
  const got = (t: Tallies, k: string) => t.byKey.get(k) && { judged: t.byKey.get(k)!.judged, correct: t.byKey.get(k)!.correct };

  it('a split key too thin for a record gives its findings back to its parent, which counts them with the unsplit ones', () => {
    const t = new Tallies();
    // 20 with "that" (14 right; under the 30 a split key needs), 6 without (3 right): alone, the 6 are under MIN_JUDGED
    for (let i = 0; i < 20; i++) t.add(reported(true), i < 14, 'sheet');
    for (let i = 0; i < 6; i++) t.add(reported(false), i < 3, 'sheet');
    t.settle();
    expect(got(t, 'attribution/subject-said-that:neutral:that')).toBeUndefined();
    expect(got(t, 'attribution/subject-said-that:neutral')).toEqual({ judged: 26, correct: 17 });
    expect(got(t, 'attribution/subject-said-that')).toBeUndefined();
    expect(got(t, 'attribution')).toBeUndefined();
  });

  it('a split key with enough findings keeps them; its parent measures only the rest, and falls back when they are too few', () => {
    const t = new Tallies();
    // a class key split by "that" needs MIN_JUDGED_ENTRY (30) findings of its own
    for (let i = 0; i < 30; i++) t.add(reported(true), i < 27, 'sheet');
    for (let i = 0; i < 9; i++) t.add(reported(false), i < 2, 'sheet');
    t.settle();
    expect(got(t, 'attribution/subject-said-that:neutral:that')).toEqual({ judged: 30, correct: 27 });
    expect(got(t, 'attribution/subject-said-that:neutral')).toBeUndefined();
    // the 9 unsplit fall past the pattern pool (9 < MIN_JUDGED) to attribution
    expect(got(t, 'attribution/subject-said-that')).toBeUndefined();
    expect(got(t, 'attribution')).toEqual({ judged: 9, correct: 2 });
  });
});
