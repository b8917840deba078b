/**
 * Attribution round 11 (issue #14): a report inside a fronted adverbial clause ("While he said …, his
 * aides …") ends where the main clause begins; a concession after a dash or "even as"/"even though"
 * and a closing quotation in doubled apostrophes ('' … '') end an indirect report; a cue followed
 * directly by "and" or by an adverbial clause ("said as she turned around") has no complement; verbs of
 * thought, stance or evidence (`speech: false`) calibrate apart (`attribution/<pattern>:non-speech`).
 * Cases from PolNeAR train (the tuning half) written as sentences of their own.
 */
import { describe, expect, it } from 'vitest';
import { calibrationKeys } from '../../src/analyses/confidence.js';
import type { FindingDraft } from '../../src/core/types.js';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { analysedArticle } from '../helpers.js';
import { attr, lex } from './attribution-helpers.js';

describe('a report inside a fronted adverbial clause ends where the main clause begins', () => {
  it('"While the governor said he opposes new taxes, his budget raises fees." (was: content ran into the main clause)', () => {
    expect(attr('While the governor said he opposes new taxes, his budget raises several fees.')).toEqual([
      ['subject-said-that', [6, 'the governor'], [19, 'said'], 'he opposes new taxes'],
    ]);
  });

  it('"Although the senator acknowledged it would be hard, her campaign has argued …" (after a quotation\'s comma too)', () => {
    expect(attr('Although the senator acknowledged it would be “very hard,” her campaign has argued otherwise.')[0]).toEqual([
      'subject-said-that',
      [9, 'the senator'],
      [21, 'acknowledged'],
      'it would be “very hard,”',
    ]);
  });

  it('a relative clause inside the report still ends it first', () => {
    expect(attr('When the student learned that the candidate would speak in Denver, where she lives, she printed two signs.')).toEqual([
      ['subject-said-that', [5, 'the student'], [17, 'learned'], 'the candidate would speak in Denver'],
    ]);
  });

  it('an aside inside a report without a fronted clause is unchanged', () => {
    expect(attr('The mayor said that the plan, which the council rejected, was sound.')[0]).toEqual([
      'subject-said-that',
      [0, 'The mayor'],
      [10, 'said'],
      'the plan, which the council rejected, was sound',
    ]);
  });
});

describe('a concession after a dash or "even as", and a closing doubled-apostrophe quotation, end an indirect report', () => {
  it('"… told reporters that he did not know, even as speculation grew" (was: content took the concession)', () => {
    expect(attr('The senator told reporters that he did not know whether the governor would endorse him, even as speculation grew.')).toEqual([
      ['subject-said-that', [0, 'The senator'], [12, 'told'], 'he did not know whether the governor would endorse him'],
    ]);
  });

  it('"… told agents that he had not made the changes - though he gave varying stories"', () => {
    expect(attr('The technician told agents that he had not made the changes - though he gave varying accounts later.')).toEqual([
      ['subject-said-that', [0, 'The technician'], [15, 'told'], 'he had not made the changes'],
    ]);
  });

  it("\"… told investors that the fears were ''overblown,'' adding that …\" (was: ran on past the participle)", () => {
    expect(attr("The investor told clients that the fears were ''overblown,'' adding that the firm had room to grow.")).toEqual([
      ['subject-said-that', [0, 'The investor'], [13, 'told'], "the fears were ''overblown,''"],
    ]);
  });

  it('a dash aside with a relative pronoun stays inside the report', () => {
    expect(attr('The aide said the donors - who backed other candidates - now believe he can win.')).toEqual([
      ['subject-said-that', [0, 'The aide'], [9, 'said'], 'the donors - who backed other candidates - now believe he can win'],
    ]);
  });
});

describe('a cue followed directly by "and" or an adverbial clause has no complement', () => {
  it('"The protester yelled and held up a banner." (was: the banner as content)', () => {
    expect(attr('The protester yelled and held up a banner that was quickly torn away.')).toEqual([]);
  });

  it('"“…,” Susan said as she turned around." keeps only the quotation', () => {
    expect(attr('“But we love him anyway!” Susan said as she turned around and waved.')).toEqual([
      ['quote-then-said', [26, 'Susan'], [32, 'said'], '“But we love him anyway!”'],
    ]);
  });

  it('"described as his second home" and "remembers when …" stay', () => {
    expect(attr('He owns a house in Florida, which he describes as his second home.')).toEqual([
      ['subject-verb-object', [34, 'he'], [37, 'describes'], 'as his second home'],
    ]);
    expect(attr('She remembers when soldiers came to the door and arrested her sister.')).toEqual([
      ['subject-said-that', [0, 'She'], [4, 'remembers'], 'when soldiers came to the door and arrested her sister'],
    ]);
  });
});

describe('verbs of thought, stance or evidence calibrate apart from verbs of speech', () => {
  const base = { kind: 'attribution', rule: 'lexicon:reporting-verbs/seem', pattern: 'said-quote' } as const;
  it('a cue with speech: false has the non-speech key before its neutral class', () => {
    const f = { ...base, cue: { start: 0, end: 4, text: 'seem', neutral: true, speech: false } } as unknown as FindingDraft;
    expect(calibrationKeys(f)).toEqual([
      'attribution/said-quote:seem',
      'attribution/said-quote:non-speech',
      'attribution/said-quote:neutral',
      'attribution/said-quote',
      'attribution',
    ]);
  });

  it('a verb of speech has none', () => {
    const f = { ...base, rule: 'lexicon:reporting-verbs/reply', cue: { start: 0, end: 7, text: 'replied', neutral: true } } as unknown as FindingDraft;
    expect(calibrationKeys(f)).toEqual(['attribution/said-quote:reply', 'attribution/said-quote:neutral', 'attribution/said-quote', 'attribution']);
  });

  it('the finding carries speech: false from its entry, a verb of speech none', () => {
    const [believes] = findAttributions(analysedArticle('The mayor believes the bridge will reopen in May.'), lex);
    expect(believes?.cue).toMatchObject({ text: 'believes', speech: false });
    const [said] = findAttributions(analysedArticle('The mayor said the bridge will reopen in May.'), lex);
    expect(said?.cue.text).toBe('said');
    expect(said?.cue).not.toHaveProperty('speech');
  });
});
