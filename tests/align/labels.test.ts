/**
 * Event labels of long plain-text sentences: labelOf flattens a prefix of the mention when it gives
 * enough characters (round perf11) and the whole mention otherwise; both give the label the whole
 * mention gives (its first 60 characters cut at a word boundary, whitespace runs as one space).
 */
import { describe, expect, it } from 'vitest';
import { alignArticles, trimLabel } from '../../src/align/index.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analysedArticle } from '../helpers.js';

const lexicons = loadLexicons();
const labelsOf = (text: string) => {
  const article = { ...analysedArticle(text, {}, 'long.txt'), id: 'a1' };
  return alignArticles([article], [], lexicons).events.map((e) => e.label);
};

describe('event labels of long sentences', () => {
  const long =
    'The regional council approved the new water budget on Tuesday after a long debate about pipes, pumps, reservoirs, ' +
    'treatment plants and the cost of repairs that residents of the northern districts had asked for since the floods of last spring.';

  it('cut the first 60 characters of a long sentence at a word boundary', () => {
    expect(long.length).toBeGreaterThan(200);
    expect(labelsOf(long)).toEqual(['The regional council approved the new water budget on Tuesday…']);
  });

  it('read whitespace runs as one space, also past the prefix flattened first', () => {
    // 130 spaces inside the first words: the prefix flattens to too few characters, so the whole sentence is read.
    const spaced = long.replace('regional council', `regional${' '.repeat(130)}council`).replace('budget on', 'budget \t  on');
    expect(labelsOf(spaced)).toEqual(['The regional council approved the new water budget on Tuesday…']);
    expect(labelsOf(spaced)).toEqual([trimLabel(spaced, 61)]);
  });

  it('keep a short sentence whole', () => {
    expect(labelsOf('The council approved the budget.')).toEqual(['The council approved the budget.']);
  });
});
