/** The hand-made alignment of the bundled corpus and its pairwise scoring (src/eval/bundled-gold.ts). */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/types.js';
import { loadBundledGold, scoreBundled } from '../../src/eval/bundled-gold.js';

const gold = loadBundledGold();
const find = (snippet: string) => gold.find((g) => g.snippet === snippet)!;
const eventOf = (id: string, ...snippets: string[]): Event => ({
  id,
  label: id,
  articles: [...new Set(snippets.map((s) => find(s).article))],
  mentions: snippets.map((s) => ({ article: find(s).article, start: find(s).start, end: find(s).end, text: s })),
  links: [],
});

describe('bundled gold alignment', () => {
  it('locates every snippet once in its corpus file; a sentence of two events is one mention of both', () => {
    expect(gold.length).toBe(30);
    const violent = find('The three Sahel states have become increasingly violent');
    expect(violent.article).toBe('a3');
    expect(violent.events).toEqual(['wagner-deployment', 'violence-toll']);
    expect(find('they are trained by French forces stationed in the northern part').events).toEqual([]);
  });

  it('counts cross-article pairs: gold pairs found, missed and wrongly linked', () => {
    const events = [
      eventOf('x1', 'Burkina Faso has served as a base for Wagner mercenary forces', 'The Kremlin-linked Wagner Group began deploying to Mali in 2021'),
      eventOf('x2', 'The creator Yevgeny Prigozhin perished', 'negotiations for a bauxite mining concession are underway'),
    ];
    const s = scoreBundled(events, gold);
    // Gold cross-article pairs: 22 in all; the Wagner pair is found; Prigozhin ~ bauxite is a same-article pair, not judged.
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 21]);
    const wrong = scoreBundled([eventOf('y', 'The creator Yevgeny Prigozhin perished', 'they are trained by French forces stationed in the northern part')], gold);
    expect([wrong.tp, wrong.fp, wrong.fn]).toEqual([0, 1, 22]);
    expect(wrong.wrong.map(([a, b]) => [a.article, b.article])).toEqual([['a2', 'a1']]);
  });
});
