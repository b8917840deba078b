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
