/**
 * Attribution round 24 (issue #14, recall of shown relations): the class keys of rare verbs
 * (`<pattern>:neutral`, `:non-neutral`, `:non-speech`, each with or without `:that`) are split by quoted words inside an
 * indirect report's content (`:quoted`, `partlyQuoted`), so that "X predicted that delegates would “take this fight to
 * the floor”" and "The program was a "good thing" …, he remarked" get their own measured precision.
 * Written sentences, an audit-sheet item's form, and PolNeAR train texts (the tuning half).
 */
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { calibrationKeys, partlyQuoted } from '../../src/analyses/confidence.js';
import type { FindingDraft } from '../../src/core/types.js';
import { analysedArticle } from '../helpers.js';
import { hasTrain, lex, train } from './attribution-helpers.js';

const drafts = (text: string) => findAttributions(analysedArticle(text), lex);

describe('partlyQuoted: quoted words inside a content that is not itself a quotation', () => {
  it.each([
    ['Clinton had been “extremely careless” in her handling of classified material', true],
    ["the policy ''is not to cover'' rival firms", true],
    ['the summit accomplished "too little,"', true],
    ['“Men, you will not cease to exist by taking your partner’s surname,”', false],
    ["''There will always be exceptions,''", false],
    ['the bridge will open next spring', false],
    ['the United States’ corporate tax rate is too high', false],
  ])('%s → %s', (content, expected) => {
    expect(partlyQuoted({ kind: 'attribution', rule: 'x', content } as unknown as FindingDraft)).toBe(expected);
  });
});

describe('calibration keys of a partly quoted report', () => {
  it('a written sentence: rare verb, that-clause with quoted words → :that:quoted before :that, :quoted before the class', () => {
    const [d] = drafts('The senator predicted that the delegates would “take this fight to the floor.”');
    expect(d?.content?.text).toBe('the delegates would “take this fight to the floor.”');
    expect(calibrationKeys(d!)).toEqual([
      'attribution/subject-said-that:predict',
      'attribution/subject-said-that:neutral:that:quoted',
      'attribution/subject-said-that:neutral:that',
      'attribution/subject-said-that:neutral:quoted',
      'attribution/subject-said-that:neutral',
      'attribution/subject-said-that',
      'attribution',
    ]);
  });

  it('a written sentence: a direct quotation is no partly quoted report (its content opens with the mark)', () => {
    const [d] = drafts('“We will win this state,” the senator wrote.');
    expect(d?.pattern).toBe('quote-then-said');
    expect(calibrationKeys(d!).some((k) => k.endsWith(':quoted'))).toBe(false);
  });

  it('an audit-sheet item (cue and content as text) gets the same keys', () => {
    const item = {
      kind: 'attribution',
      rule: 'lexicon:reporting-verbs/remark',
      pattern: 'clause-then-said',
      text: 'The program was a "good thing" that yielded "frankly good information," he remarked',
      source: 'he',
      cue: 'remarked',
      neutral: true,
      content: 'The program was a "good thing" that yielded "frankly good information,"',
    } as unknown as FindingDraft;
    expect(calibrationKeys(item)).toEqual([
      'attribution/clause-then-said:remark',
      'attribution/clause-then-said:neutral:quoted',
      'attribution/clause-then-said:neutral',
      'attribution/clause-then-said',
      'attribution',
    ]);
  });

  it.skipIf(!hasTrain).each([
    [
      'breitbart_2016-07-27_obama-to-frame-election-as-comma.txt',
      2544,
      'The FBI',
      'Clinton had been “extremely careless” in her handling of classified material via a private email server',
      'attribution/subject-said-that:neutral:that:quoted',
    ],
    [
      'politico_2015-11-19_trump-calls-for-bringing-back-su.txt',
      1990,
      'he',
      'The program was a "good thing" that yielded "frankly good information,"',
      'attribution/clause-then-said:neutral:quoted',
    ],
  ] as const)('PolNeAR train %s at %i: shown under its :quoted record', (file, cue, source, content, key) => {
    const [f] = train(file, cue);
    expect([f?.source?.text, f?.content?.text, f?.calibration]).toEqual([source, content, key]);
    expect(f?.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
