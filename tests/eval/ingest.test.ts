/**
 * The HTML extraction measure (src/eval/ingest.ts): its word scorer on hand-made strings, the
 * furniture-like line check, and the visible text of an HTML reference.
 */
import { describe, expect, it } from 'vitest';
import { furnitureLike, htmlText, wordBag, wordOverlap } from '../../src/eval/ingest.js';
import { prf } from '../../src/eval/prf.js';

describe('wordBag', () => {
  it('counts case-folded runs of letters and digits, in any script, and nothing else', () => {
    expect([...wordBag("The mayor's plan: THE 2 plans — l’été, Größe!").entries()]).toEqual([
      ['the', 2],
      ['mayor', 1],
      ['s', 1],
      ['plan', 1],
      ['2', 1],
      ['plans', 1],
      ['l', 1],
      ['été', 1],
      ['größe', 1],
    ]);
    expect(wordBag(' — … ').size).toBe(0);
  });
});

describe('wordOverlap', () => {
  it('matches words as multisets: a repeated word counts as often as both sides hold it', () => {
    // kept: the×3 cat sat share ; expected: the×2 cat sat on mat
    expect(wordOverlap('The cat sat. The the. Share', 'the cat sat on the mat')).toEqual({ tp: 4, fp: 2, fn: 2 });
    expect(prf(wordOverlap('The cat sat. The the. Share', 'the cat sat on the mat'))).toEqual({ p: 4 / 6, r: 4 / 6, f1: 4 / 6 });
  });

  it('a page read as nothing has recall 0 and no false positives', () => {
    expect(wordOverlap('', 'one two two')).toEqual({ tp: 0, fp: 0, fn: 3 });
    expect(prf(wordOverlap('', 'one two two')).r).toBe(0);
  });

  it('order and punctuation do not matter', () => {
    expect(wordOverlap('sat, cat; the!', 'The cat sat')).toEqual({ tp: 3, fp: 0, fn: 0 });
  });
});

describe('furnitureLike', () => {
  it('names credit, share, related, sign-up, copyright and advert lines', () => {
    expect(furnitureLike('Photo: Getty Images')).toBe('credit');
    expect(furnitureLike('Share this story')).toBe('share');
    expect(furnitureLike('Related: Port strike ends')).toBe('related');
    expect(furnitureLike('Sign up for our morning newsletter')).toBe('sign-up');
    expect(furnitureLike('© 2024 The Harbour Gazette')).toBe('copyright');
    expect(furnitureLike('Continue reading the main story')).toBe('advert');
  });

  it('leaves prose alone, even prose that mentions sharing or relations', () => {
    expect(furnitureLike('The two firms share a board, and their relations are close.')).toBeNull();
    expect(furnitureLike('Related companies in three countries were fined on Monday, the regulator said in a statement.')).toBeNull();
    expect(furnitureLike('Related: Port strike ends')).toBe('related');
    expect(furnitureLike('Reuters reported the fine on Monday, citing two officials who asked not to be named.')).toBeNull();
  });
});

describe('htmlText', () => {
  it('is the visible text: scripts and styles dropped, blocks kept apart, entities decoded', () => {
    expect(htmlText('<div><p>One&nbsp;two</p><p>three</p><script>var x = "four";</script><style>p{}</style><p>caf&eacute;</p></div>')).toBe(
      'One two three café',
    );
  });
});
