/**
 * A lexicon entry's `note` is for readers (reports show it as the finding's explanation); its
 * `comment` is for maintainers (why the entry is as it is) and never reaches a report. Checked on
 * the bundled corpus, whose findings include entries with both (fruitful, coveted, solid), and on a
 * non-neutral reporting verb with both (maintained) in an attribution's explanation.
 */
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analysePaths } from '../../src/pipeline.js';
import { formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { analysedArticle } from '../helpers.js';

const lex = loadLexicons();
const comments = lex
  .entries()
  .map((e) => e.comment)
  .filter((c): c is string => c !== undefined);
const report = analysePaths(['corpus']);

describe('lexicon notes and maintainer comments', () => {
  it('bundled lexicons have maintainer comments to keep out (the entries split from their notes)', () => {
    const split = lex
      .entries()
      .filter((e) => e.comment !== undefined)
      .map((e) => `${e.lexicon}/${e.id}`)
      .sort();
    expect(split).toEqual(expect.arrayContaining(['evaluative/coveted', 'evaluative/fruitful', 'evaluative/solid', 'reporting-verbs/maintain']));
  });

  it('no bundled note that a report shows (markers, reporting verbs) says why the entry was chosen', () => {
    const remark = /\b(left out|kept neutral|not scored|recorded for context|literal list|does not count|is no cue|measured|judged|PolNeAR|BASIL|BABE)\b/i;
    const leaks = lex
      .entries()
      .filter((e) => (e.kind === 'markers' || e.kind === 'reporting-verbs') && remark.test(e.note))
      .map((e) => `${e.lexicon}/${e.id}: ${e.note}`);
    expect(leaks).toEqual([]);
  });

  it('a loaded finding explains itself by the note alone', () => {
    const explanations = Object.fromEntries(
      report.findings.filter((f) => f.kind === 'loaded' && ['fruitful', 'coveted', 'solid'].includes(f.text)).map((f) => [f.text, f.explanation]),
    );
    expect(explanations).toEqual({
      fruitful: 'Praises talks or cooperation as successful without saying what they produced.',
      coveted: 'Attributes desire or value without saying whose.',
      solid: 'Presents a relationship or commitment as firm, a diplomatic flourish adopted as description.',
    });
  });

  it('no explanation, markdown or HTML of the corpus report holds a maintainer comment', () => {
    const md = formatMarkdown(report, { command: 'parallax analyze corpus' });
    const html = formatHtml(report, { command: 'parallax analyze corpus' });
    const json = JSON.stringify(report);
    // one comment that the report held as part of a note before the split
    expect(comments).toContain('Lucrative is left out: it says that something pays well, a plain business fact (a lucrative contract).');
    for (const c of comments) {
      expect(report.findings.filter((f) => f.explanation.includes(c)).map((f) => f.id)).toEqual([]);
      expect(md.includes(c) || json.includes(c), c).toBe(false);
      // the HTML escapes quotes and apostrophes: compare a stretch without them
      const plain = c.split(/['"’]/).reduce((a, b) => (b.length > a.length ? b : a), '');
      expect(html.includes(plain), c).toBe(false);
    }
  });

  it('an attribution with a non-neutral cue quotes the note, not the comment', () => {
    const [a] = findAttributions(analysedArticle('The senator maintained that the vote was fair.'), lex);
    expect(a?.explanation).toBe(
      `Cites The senator (official) with "maintained that", a non-neutral reporting verb: 'Maintained that' frames the statement as a position held against doubt.`,
    );
  });
});
