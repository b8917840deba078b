/** The hand-made alignment of the bundled corpus and its pairwise scoring (src/eval/bundled-gold.ts). */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/types.js';
import { loadBundledGold, scoreBundled } from '../../src/eval/bundled-gold.js';

const gold = loadBundledGold();
const find = (start: string) => {
  const hits = gold.filter((g) => g.snippet.startsWith(start));
  expect(hits.length, start).toBe(1);
  return hits[0]!;
};
const eventOf = (id: string, ...starts: string[]): Event => ({
  id,
  label: id,
  articles: [...new Set(starts.map((s) => find(s).article))],
  mentions: starts.map((s) => ({ article: find(s).article, start: find(s).start, end: find(s).end, text: find(s).snippet })),
  links: [],
});

describe('bundled gold alignment', () => {
  it('lists every body sentence once, in the body (not the front matter); a sentence of two events is one mention of both', () => {
    expect(gold.length).toBe(69);
    expect(gold.filter((g) => g.article === 'a1').length).toBe(16);
    const violent = find('The three Sahel states have become increasingly violent');
    expect(violent.article).toBe('a3');
    expect(violent.events).toEqual(['wagner-deployment', 'violence-toll']);
    // The a1 title is also in its front matter: the body's copy is the mention.
    const title = find('During his African tour');
    expect(title.start).toBeGreaterThan(200);
    expect(title.events).toEqual(['lavrov-tour', 'more-instructors']);
    // A sentence the article repeats: two mentions, by occurrence.
    const twice = gold.filter((g) => g.snippet.startsWith('Given Burkina Faso’s declining financial support'));
    expect(twice.map((g) => g.start)).toEqual([...twice.map((g) => g.start)].sort((x, y) => x - y));
    expect(twice.length).toBe(2);
    expect(find('This is an area threatened by the filtration').events).toEqual([]);
  });

  it('counts cross-article pairs: gold pairs found, missed and wrongly linked', () => {
    const events = [
      eventOf('x1', 'Since a military coup in 2022, Burkina Faso has served', 'The Kremlin-linked Wagner Group began deploying'),
      eventOf('x2', 'The creator Yevgeny Prigozhin perished', 'Separately, on Wednesday, the RIA'),
    ];
    const s = scoreBundled(events, gold);
    // Gold cross-article pairs: 43 in all; the Wagner pair is found; Prigozhin ~ bauxite is a same-article pair, not judged.
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 42]);
    const wrong = scoreBundled([eventOf('y', 'The creator Yevgeny Prigozhin perished', 'This is an area threatened by the filtration')], gold);
    expect([wrong.tp, wrong.fp, wrong.fn]).toEqual([0, 1, 43]);
    expect(wrong.wrong.map(([a, b]) => [a.article, b.article])).toEqual([['a2', 'a1']]);
  });
});
