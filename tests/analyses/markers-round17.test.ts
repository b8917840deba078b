import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findMarkers } from '../../src/analyses/markers.js';
import { HAS_DATASETS, analysedArticle } from '../helpers.js';
import { SHOWN, lex, loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 17 of issue #14: the words after a report's cue set between commas are the
// speaker's (X, he said, Y), and a noun the article once uses in a fixed phrase of its entry keeps that
// sense in the whole article (market turmoil … Turmoil on the way); spark split from stoke and both read on tuning.

const withReports = (text: string) => {
  const a = analysedArticle(text, {}, 't.txt');
  return findMarkers(a, lex, findAttributions(a, lex)).map((f) => `${f.start}-${f.end} ${f.text}`);
};

describe('loaded terms, round 17 (issue #14)', () => {
  it("the words after a verb cue set between commas are the speaker's; after according to X, they are the outlet's", () => {
    expect(withReports('Officials met on Monday. The museum, Mr. Bush said, celebrated several of his heroes.')).toEqual([]);
    expect(withReports('Officials met on Monday. Though the change was smooth, he said, the next one would be much more acrimonious.')).toEqual([]);
    // the same words in the outlet's own sentence stay findings
    expect(withReports('Officials met on Monday. The next change would be much more acrimonious.')).toEqual(['60-71 acrimonious']);
    expect(withReports('Officials met on Monday. The fund grew, according to public filings, a disgraceful sum for a firm of 35 partners.')).toEqual([
      '71-82 disgraceful',
    ]);
  });

  it('a noun used once in a fixed phrase of its entry keeps that sense in the text; a verb does not', () => {
    expect(loadedIn('Market turmoil hit Asian shares on Monday. Turmoil on the way.')).toEqual([]);
    expect(loadedIn('Chaos theory began with the weather. The story of chaos is usually told like this.')).toEqual([]);
    expect(loadedIn('The story of chaos is usually told like this.').map((f) => f.text)).toEqual(['chaos']);
    expect(loadedIn('The campaign blasted out e-mails on Monday. Reid blasted Rubio on Tuesday.').map((f) => f.text)).toEqual(['blasted']);
  });

  it('spark (the verb) has its own entry, hidden (3 of 11 judged tuning findings right); the noun stays with stoke', () => {
    const sparked = loadedIn('The attack sparked a fresh debate.');
    expect(sparked.map((f) => [f.text, f.rule])).toEqual([['sparked', 'lexicon:metaphors/spark']]);
    expect(sparked[0]!.confidence).toBeLessThan(SHOWN);
    expect(loadedIn('A faulty wire sparked the blaze.')).toEqual([]);
    // the idiom stays a finding (the tagger may read a headline's Sparks as a verb: then it is spark's)
    expect(loadedIn('Sparks flew at the debate on Monday.').map((f) => f.text)).toEqual(['Sparks']);
    // stoke, read on 14 tuning findings (9 right), is below the default threshold too
    const stoking = loadedIn('The parties are stoking anti-Muslim sentiments.');
    expect(stoking.map((f) => [f.text, f.rule])).toEqual([['stoking', 'lexicon:metaphors/stoke']]);
    expect(stoking[0]!.confidence).toBeLessThan(SHOWN);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: reported words after the cue and the market sense of turmoil are gone, a blast at a rival stays', () => {
    // "What really got under her skin, she said, was a question … thought she was a liar."
    expect(loadedAt('polnear:train/politico_2016-01-31_clinton-rolls-out-special-charac.txt').map((f) => f.span)).not.toContain('2795-2799 liar');
    // "The good news for Cruz, Woolson said, is that … he's almost guaranteed to attract a media horde."
    expect(loadedAt('polnear:train/politico_2016-01-27_the-steep-cost-of-cruz-s-county-.txt').map((f) => f.span)).not.toContain('4955-4960 horde');
    // "…, according to public filings, a huge sum for a firm with 35 partners": the outlet's
    expect(loadedAt('polnear:train/nyt_2016-01-07_personal-touch-helps-boutique-ba.txt').map((f) => f.span)).toContain('3518-3522 huge');
    // a column on currency turmoil: "Turmoil on the way." is the market term
    expect(loadedAt('polnear:train/usa-today_2015-12-16_markets-are-never-ready-for-the-.txt').map((f) => f.span)).not.toContain('3154-3161 Turmoil');
    // "Harry M. Reid (D-Nev.) blasted Rubio": the verb keeps its finding
    expect(loadedAt('polnear:train/wash-post_2015-12-24_ted-cruz-constitutional-conserva.txt').map((f) => f.span)).toContain('3800-3807 blasted');
  });
});
