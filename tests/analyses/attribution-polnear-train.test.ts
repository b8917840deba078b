/**
 * Attribution error classes of the seed-41 audit (issue #14), found again on PolNeAR train (the
 * tuning half; ../shared/datasets) and in written sentences: "X says something / little about Y" is
 * what X reveals or leaves out, not a report; a coordinated subject is the source whole; a source
 * name goes on past a title's period ("the Rev. Peter Wherry"). Skips the PolNeAR part when
 * ../shared/datasets is absent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import type { AttributionFinding } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import { DATASETS, HAS_DATASETS, analysedArticle } from '../helpers.js';

const lex = loadLexicons();
const attr = (text: string) =>
  findAttributions(analysedArticle(text), lex).map((d) => [
    d.pattern,
    d.source ? [d.source.start, d.source.text] : null,
    [d.cue.start, d.cue.text],
    d.content?.text ?? null,
  ]);

/** file, start of the cue, its text (before: found as a report of speech with "nothing/little about …" as content). */
const AMOUNT_ABOUT: [string, number, string][] = [
  ['huff-post_2016-01-28_bernie-sanders-and-hillary-clint.txt', 3420, 'says'], // "a page on climate says nothing about blocking …"
  ['nyt_2016-09-06_u-s-presses-for-truce-in-syria-d.txt', 3614, 'said'], // "She has said little about the plan …"
];

describe('"X says something / little about Y" is no report (PolNeAR train)', () => {
  for (const [file, start, cue] of AMOUNT_ABOUT) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start} ${cue}`, () => {
      const report = analyseArticles([prepareArticle(join(DATASETS, 'polnear/train/text', file))], lex);
      const found = report.findings.filter((f): f is AttributionFinding => f.kind === 'attribution' && f.cue.start === start);
      expect(found).toEqual([]);
    });
  }

  it('but "said a lot of voters would …" is a report', () => {
    expect(attr('The choice says a lot about the campaign. The mayor said a lot of voters would leave.')).toEqual([
      ['subject-said-that', [42, 'The mayor'], [52, 'said'], 'a lot of voters would leave'],
    ]);
  });
});

/** file, start of the cue, the source judged right (before: only its last conjunct, or cut at a title's period). */
const SOURCES: [string, number, [number, string]][] = [
  ['breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt', 11952, [11884, 'Bush and his rivals for the Republican presidential nomination']], // was "his rivals …"
  ['breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth.txt', 382, [367, 'Trump and Ryan']], // was "Ryan"
  ['huff-post_2016-02-01_here-s-why-winning-iowa-could-br.txt', 5279, [5284, 'Rev. Kyev Tatum']], // was "Rev" (the sentence ended at "Rev.")
];

describe('the whole source: a coordinated subject, a name after a title (PolNeAR train)', () => {
  for (const [file, start, source] of SOURCES) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start} ${source[1]}`, () => {
      const report = analyseArticles([prepareArticle(join(DATASETS, 'polnear/train/text', file))], lex);
      const found = report.findings.filter((f): f is AttributionFinding => f.kind === 'attribution' && f.cue.start === start);
      expect(found.map((f) => [f.source!.start, f.source!.text])).toEqual([source]);
    });
  }
});

describe('a coordinated subject is the source whole', () => {
  it('"Oklahoma and Nebraska said" → both states', () => {
    expect(attr('Oklahoma and Nebraska said the influx had led to more arrests.')).toEqual([
      ['subject-said-that', [0, 'Oklahoma and Nebraska'], [22, 'said'], 'the influx had led to more arrests'],
    ]);
  });

  it('but not across joined clauses', () => {
    expect(attr('The bill passed and Nebraska said the influx had led to arrests.')).toEqual([
      ['subject-said-that', [20, 'Nebraska'], [29, 'said'], 'the influx had led to arrests'],
    ]);
  });
});

describe('a source name goes on past a title with its period', () => {
  it('"said the Rev. Peter Wherry"', () => {
    expect(attr('"This is a good thing," said the Rev. Peter Wherry, of Mayfield Church. He left.')).toEqual([
      ['quote-then-said', [29, 'the Rev. Peter Wherry'], [24, 'said'], '"This is a good thing,"'],
    ]);
  });
});
