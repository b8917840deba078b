/**
 * Work of story grouping and candidate search grows linearly with the collection: counted
 * pairs, not wall-clock time.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUP_OPTIONS, groupStories, MAX_DF } from '../../src/corpus/group.js';
import type { StoryInput } from '../../src/corpus/features.js';
import { candidateDfCap, MAX_CANDIDATE_DF } from '../../src/align/index.js';

/** Article i's grouping input from its term counts; terms starting with `story` or `name` are names. */
function inputOf(i: number, terms: Map<string, number>): StoryInput {
  const sorted = [...terms.keys()].sort((x, y) => (x < y ? -1 : 1));
  return {
    path: `p${String(i).padStart(5, '0')}`,
    date: null,
    outlet: null,
    title: null,
    terms: sorted,
    counts: Uint32Array.from(sorted, (t) => terms.get(t)!),
    named: Uint8Array.from(sorted, (t) => (t.startsWith('story') || t.startsWith('name') ? 1 : 0)),
    hash: `h${i}`,
  };
}

/** n articles in stories of three (one story term each, df 3) plus 19 shared terms of df about 60. */
function synthetic(n: number): StoryInput[] {
  const m = Math.round((n * 19) / 60);
  return Array.from({ length: n }, (_, i) => {
    const terms = new Map<string, number>([[`story${Math.floor(i / 3)}`, 3]]);
    for (let k = 0; k < 19; k++) terms.set(`common${(i * 7 + k * 13) % m}`, 1);
    return inputOf(i, terms);
  });
}

/** n articles in stories of `size`: each names its story twice and draws 12 words from the story's `vocab`, 8 from a 3,000-word background (seeded). */
function alike(n: number, size: number, vocab: number): StoryInput[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    const s = Math.floor(i / size);
    const terms = new Map<string, number>([
      [`story${s}`, 3],
      [`name${s}`, 2],
    ]);
    for (let k = 0; k < 12; k++) terms.set(`s${s}w${Math.floor(rnd() * vocab)}`, rnd() < 0.3 ? 2 : 1);
    for (let k = 0; k < 8; k++) terms.set(`g${Math.floor(rnd() * 3000)}`, 1);
    return inputOf(i, terms);
  });
}

describe('cohesion leaves a large story of alike articles whole', () => {
  it('splits no story of 10 or 30 alike articles that average linkage alone keeps whole (a cohesion of 0.8 or more does)', () => {
    expect(DEFAULT_GROUP_OPTIONS.cohesion).toBe(0.6);
    for (const size of [10, 30]) {
      const inputs = alike(600, size, 20);
      expect(groupStories(inputs, { cohesion: 0 }).length).toBe(600 / size);
      expect(groupStories(inputs).length).toBe(600 / size);
      expect(groupStories(inputs, { cohesion: 1 }).length).toBeGreaterThan(600 / size + 100);
    }
  });
});

describe('story grouping work is linear', () => {
  it('skips terms above a fixed document frequency, so four times the articles score four times the pairs', () => {
    expect(MAX_DF).toBe(40);
    const counts = [500, 2000].map((n) => {
      const stats = { pairsScored: 0 };
      const stories = groupStories(synthetic(n), {}, stats);
      expect(stories.length).toBe(Math.ceil(n / 3));
      return stats.pairsScored;
    });
    // Only the story-term pairs are scored (3 per full story, 1 for the last story of two); the
    // df-60 terms are skipped at both sizes (a 2√n cap would take them at 2,000: ~n^1.5 pairs).
    expect(counts).toEqual([499, 1999]);
  });

  it('candidate search in alignment caps document frequency at a constant', () => {
    expect(candidateDfCap(100)).toBe(70);
    expect(candidateDfCap(625)).toBe(100);
    expect(candidateDfCap(100_000)).toBe(MAX_CANDIDATE_DF);
  });
});
