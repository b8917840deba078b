/** countWords counts what `/[\p{L}\p{N}]+/gu` matches, without making the matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/report/view-model.js';

const regexCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const pieces = ['a', 'Z', '0', '9', ' ', '-', "'", '’', 'é', 'ß', '٣', '中', '𝐀', '😀', '\ud835', '\udc00', '\u0301', '_', '.', '\n'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join(''));

describe('countWords', () => {
  it('counts the regular expression’s matches in any slice', () => {
    fc.assert(
      fc.property(text, fc.nat(20), fc.nat(20), (t, x, y) => {
        const [start, end] = [Math.min(x, y, t.length), Math.min(Math.max(x, y), t.length)];
        return countWords(t, start, end) === regexCount(t.slice(start, end));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts words of real text', () => {
    expect(countWords('Sen. Bernie Sanders (I-Vt.) said 25 “Ségolène” 𝐀B😀c')).toBe(10);
  });
});
