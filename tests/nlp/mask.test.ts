/**
 * What wink reads: long runs of blank (masked) lines are collapsed to one blank line of the same
 * length, so a file of thousands of masked lines is read in linear time; sentences never run
 * from one body span into the next across boilerplate.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseText, collapseBlankRuns } from '../../src/nlp/index.js';
import { maskOutside } from '../../src/nlp/view.js';
import { prepareArticle } from '../../src/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-mask-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collapseBlankRuns', () => {
  it('keeps the first and last line break of a run in place and the length unchanged', () => {
    expect(collapseBlankRuns('a\n    \n    \n    \nb')).toBe('a\n              \nb');
    expect(collapseBlankRuns('a  \r\n  \r\n \r\n  b')).toBe('a  \r\n     \r\n  b');
    expect(collapseBlankRuns('a\t\t\tb')).toBe('a   b');
    expect(collapseBlankRuns('a \r\n b')).toBe('a \r\n b');
    expect(collapseBlankRuns('a\n\nb')).toBe('a\n\nb');
    expect(collapseBlankRuns('a\r\r\rb')).toBe('a\r \rb');
    for (const s of ['x\n \n \n \ny', '\r\n\r\n\r\n', ' \t\n\t \n']) expect(collapseBlankRuns(s).length).toBe(s.length);
  });

  it('a masked run of 10,000 blank lines keeps 2 line breaks', () => {
    const text = 'word\n' + 'word\n'.repeat(10_000);
    const masked = collapseBlankRuns(maskOutside(text, [{ start: 0, end: 4 }]));
    expect(masked.length).toBe(text.length);
    expect(masked.match(/\n/g)).toHaveLength(2);
  });
});

describe('linear on masked lines', () => {
  it('a file of 20,000 identical lines (all but one boilerplate-free repeats) is analysed', () => {
    const path = join(dir, 'lines.txt');
    writeFileSync(path, Array.from({ length: 20_000 }, () => 'word').join('\n'));
    const a = prepareArticle(path, { timeoutMs: 600_000 });
    expect(a.tokens.map((t) => t.text)).toEqual(['word']);
    expect(a.sentences).toHaveLength(1);
  });

  it('PDF-like text with 5,000 indented blank lines inside the body', () => {
    const text = `First line of the article.\n${'      \n'.repeat(5000)}Last line of the article.\n`;
    const nlp = analyseText(text, [{ start: 0, end: text.length - 1 }]);
    expect(nlp.sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['First line of the article.', 0],
      ['Last line of the article.', 1],
    ]);
  });
});

describe('sentences stop at boilerplate', () => {
  it('hard-wrapped text: a boilerplate line inside a wrapped paragraph ends the sentence', () => {
    const wrapped = [
      'The council met on Tuesday evening and voted to extend the bus lanes along',
      'the river road after residents who live near the bridge said the traffic had',
      'grown worse over the winter months and a spokesman for the transport office',
      'said the work would begin in the spring and last a year while shopkeepers on',
      'the high street were divided with some fearing that fewer drivers would stop',
      'and others saying that more people on foot would mean more trade for them in',
      'the long run and the mayor said the plan would be reviewed after twelve months',
      'of operation and that the council would publish the figures for every month',
    ];
    const lines = [...wrapped.slice(0, 4), 'Share this article', ...wrapped.slice(4)];
    const text = lines.join('\n') + '\n';
    const share = text.indexOf('Share this article');
    const body = [
      { start: 0, end: share - 1 },
      { start: share + 'Share this article'.length + 1, end: text.length - 1 },
    ];
    const nlp = analyseText(text, body);
    for (const s of nlp.sentences) expect(s.start < share && s.end > share).toBe(false);
    expect(nlp.sentences.map((s) => [s.start, s.end])).toEqual([
      [0, share - 1],
      [body[1]!.start, body[1]!.end],
    ]);
  });
});
