import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWordsWithSpace } from 'diff';
import { groupChanges, MAX_DIFF_EDITS, wordDiff, type DiffPart } from '../../src/core/word-diff.js';

const side = (parts: DiffPart[], drop: DiffPart['op']) =>
  parts
    .filter((p) => p.op !== drop)
    .map((p) => p.text)
    .join('');

describe('groupChanges', () => {
  it('turns alternating word changes into one removed and one added run, keeping shared edges', () => {
    const parts = groupChanges(wordDiff('The bridge will cost 12 million euros.', 'The project costs 15 million euros.'));
    expect(parts).toEqual([
      { op: 'same', text: 'The ' },
      { op: 'removed', text: 'bridge will cost 12' },
      { op: 'added', text: 'project costs 15' },
      { op: 'same', text: ' million euros.' },
    ]);
  });

  it('moves whitespace both versions share at a run’s edge out of the change', () => {
    const parts = groupChanges(wordDiff('on Friday, forcing some 500 residents', 'on Friday night and about 300 residents'));
    expect(parts).toEqual([
      { op: 'same', text: 'on Friday' },
      { op: 'removed', text: ', forcing some 500' },
      { op: 'added', text: ' night and about 300' },
      { op: 'same', text: ' residents' },
    ]);
  });

  it('keeps both versions’ texts exactly (property)', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'the', ',', '.', ' ', '  ', '\n', 'x y'), { maxLength: 14 }).map((w) => w.join(''));
    fc.assert(
      fc.property(words, words, (a, b) => {
        const parts = groupChanges(wordDiff(a, b));
        // wordDiff ignores case; the fixtures are lower-case, so both sides come back verbatim.
        expect(side(parts, 'added')).toBe(a);
        expect(side(parts, 'removed')).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.op === 'same' && parts[i - 1]!.op === 'same').toBe(false);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});

describe('wordDiff is diffWordsWithSpace with ignoreCase', () => {
  const words = ['The', 'the', 'a', 'SAID', 'said', ' ', '  ', '\n', '\r\n', ',', '.', 'Über', 'über', 'İ', 'i', '’', '-', '\t', '12'];
  const text = fc.array(fc.constantFrom(...words), { maxLength: 120 }).map((xs) => xs.join(''));
  it('gives the same parts as the diff package on any two texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const expected = diffWordsWithSpace(a, b, { ignoreCase: true }).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
        expect(wordDiff(a, b)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('wordDiff on versions too different to diff word by word', () => {
  it('gives one removed and one added part beyond MAX_DIFF_EDITS token edits, a word diff up to it', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, k) => `${w}${k}`).join(' ');
    // 250 words each, no word shared (the spaces are): 500 token edits.
    const [a, b] = [words(250, 'x'), words(250, 'y')];
    expect(wordDiff(a, b)).toEqual([
      { op: 'removed', text: a },
      { op: 'added', text: b },
    ]);
    // 100 words each, sharing the spaces: 200 word edits, below the cap — a real diff.
    const [c, d] = [words(100, 'x'), words(100, 'y')];
    const parts = wordDiff(c, d);
    expect(
      parts
        .filter((p) => p.op === 'same')
        .map((p) => p.text)
        .join(''),
    ).toBe(' '.repeat(99));
    expect(MAX_DIFF_EDITS).toBe(400);
  });
});
