import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { diffIds, groupChanges, MAX_DIFF_EDITS, wordDiff, type DiffPart } from '../../src/core/word-diff.js';

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

describe('diffIds', () => {
  it('gives the diff package’s diffArrays runs, ties and give-ups included', () => {
    const runs = (parts: { count?: number; added?: boolean; removed?: boolean }[] | undefined) =>
      parts?.map((p) => [p.count, p.added === true, p.removed === true]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (a, b, max) => {
          expect(runs(diffIds(a, b, max))).toEqual(runs(diffArrays(a, b, { maxEditLength: max })));
        },
      ),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('agrees with diffArrays on a version and its edit (word ids of a real sentence)', () => {
    const ids = 'the first military instructors arrived in ouagadougou on january 24 2024 the ministry said'.split(' ').map((w, _k, all) => all.indexOf(w));
    const edited = [...ids.slice(0, 3), 99, ...ids.slice(5), 7, 7];
    expect(diffIds(ids, edited, MAX_DIFF_EDITS)).toEqual(
      diffArrays(ids, edited, { maxEditLength: MAX_DIFF_EDITS })!.map((p) => ({ count: p.count, added: p.added, removed: p.removed })),
    );
  });
});
