import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { HAS_DATASETS, analysedArticle } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 18 of issue #14: the literal senses of claim read on PolNeAR train (claim the
// nomination, momentum, success or allegiance; attacks claimed by a group; the lawsuit sense), the doubting
// verb of saying kept. The claim entry stays hidden: its judged tuning findings are about half right.

const claims = (text: string) =>
  loadedIn(text)
    .filter((f) => f.rule === 'lexicon:reporting-verbs/claim')
    .map((f) => f.text);

describe('loaded terms, round 18 (issue #14)', () => {
  it('claim as winning, declaring or taking responsibility is literal; claim that … stays the doubting verb', () => {
    expect(claims('Mr. Trump officially claimed the nomination on Tuesday.')).toEqual([]);
    expect(claims('Sanders claimed momentum after the caucus.')).toEqual([]);
    expect(claims('A gunman claiming allegiance to the group opened fire.')).toEqual([]);
    expect(claims('The attacks in Paris were claimed by the Islamic State.')).toEqual([]);
    // the object after a clause opener is what is claimed, not what is taken
    expect(claims('Mr. Rubio has been boldly claiming that the nomination is his to lose.')).toEqual(['claiming']);
    expect(claims('Trump claimed that the vote was rigged.')).toEqual(['claimed']);
  });

  it('near a suit or a suing party, claim is the legal verb of a filing', () => {
    expect(claims('The nurse later sued, claiming the quarantine violated her constitutional rights.')).toEqual([]);
    expect(claims('The nurse later said the quarantine was wrong, claiming it violated her rights.')).toEqual(['claiming']);
    // a lawsuit after the verb is part of what is claimed
    expect(claims('Trump claimed that a judge presiding over a lawsuit against him was unfit to serve.')).toEqual(['claimed']);
    // the report itself stays an attribution: only the loaded reading is dropped
    const a = analysedArticle('The nurse later sued, claiming the quarantine violated her constitutional rights.', {}, 't.txt');
    expect(findAttributions(a, lex).map((f) => f.cue?.text)).toEqual(['claiming']);
  });

  it('claim has a judged record of its own (tuning sheet seed 347), below the default threshold', () => {
    const [f] = loadedIn('Trump claimed that the vote was rigged.');
    expect(f?.rule).toBe('lexicon:reporting-verbs/claim');
    expect(lex.calibration.has('lexicon:reporting-verbs/claim')).toBe(true);
    expect(f!.confidence).toBeLessThan(SHOWN);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: literal claims gone, the doubting claimed kept', () => {
    // "the April 5 killing of a Saudi security officer that was claimed by the Islamic State terrorist network"
    expect(loadedAt('polnear:train/politico_2016-05-19_exclusive-in-memo-to-congress-sa.txt').map((f) => f.span)).not.toContain('3066-3073 claimed');
    // "Sanders claimed momentum and argued he is a stronger general election candidate"
    expect(loadedAt('polnear:train/usa-today_2016-04-06_sanders-says-he-s-riding-momentu.txt').map((f) => f.span)).not.toContain('283-290 claimed');
    // "Along with a raft of allegations, the suit claims that Gowdy made statements"
    expect(loadedAt('polnear:train/west-journal_2015-11-23_look-how-trey-gowdy-just-fired-b.txt').map((f) => f.span)).not.toContain('1502-1508 claims');
    // "Mr. Rubio himself has been making this argument and boldly claiming that the nomination is his to lose."
    expect(loadedAt('polnear:train/nyt_2016-02-25_rubio-has-the-praise-just-not-th.txt').map((f) => f.span)).toContain('5741-5749 claiming');
  });
});
