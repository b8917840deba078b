import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../../src/core/did-you-mean.js';

describe('did-you-mean', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('hegde', 'hedge')).toBe(1);
    expect(editDistance('anaylze', 'analyze')).toBe(1);
    expect(editDistance('label', 'labels')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('names the nearest name only when it is near enough to be a typo', () => {
    const names = ['hedge', 'booster', 'label', 'emotive', 'euphemism'];
    expect(nearestName('hegde', names)).toBe('hedge');
    expect(nearestName('Boostr', names)).toBe('booster');
    expect(nearestName('euph', names)).toBe('euphemism'); // a prefix of 3+ letters
    expect(nearestName('lbl', names)).toBeNull(); // 2 edits from a 5-letter name: too far
    expect(nearestName('nope', names)).toBeNull();
  });
});
