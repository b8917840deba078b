import { describe, expect, test } from 'vitest';
import { plainText, sideBySide, textWidth, truncateLine, wrap } from '../../src/ui/text.js';

describe('text layout', () => {
  test('wrap breaks at spaces, keeps roles, splits over-long words', () => {
    const lines = wrap([{ text: 'The brutal ' }, { text: 'regime', role: 'loaded' }, { text: ' hailed it. Supercalifragilistic' }], 10);
    expect(lines.map(plainText)).toEqual(['The brutal', 'regime', 'hailed it.', 'Supercalif', 'ragilistic']);
    expect(lines[1]).toEqual([{ text: 'regime', role: 'loaded' }]);
  });

  test('wrap keeps explicit line breaks and indents continuation lines', () => {
    expect(wrap([{ text: 'one two three\nfour' }], 8, '  ').map(plainText)).toEqual(['one two', '  three', '  four']);
  });

  test('truncateLine ends in an ellipsis and counts wide characters as two columns', () => {
    expect(plainText(truncateLine([{ text: 'abcdef' }], 4))).toBe('abc…');
    expect(textWidth('日本')).toBe(4);
    expect(plainText(truncateLine([{ text: '日本語' }], 5))).toBe('日本…');
  });

  test('sideBySide pads columns and fills short ones', () => {
    const out = sideBySide([wrap([{ text: 'left column text' }], 6), wrap([{ text: 'right' }], 6)], [6, 6], 2).map(plainText);
    expect(out).toEqual(['left    right', 'column', 'text']);
  });
});
