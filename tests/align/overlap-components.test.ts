/**
 * `overlap` (src/align/similarity.ts) computes its component sums without per-call maps and
 * sorted copies (round perf17): the same cosine, shared terms and evidence, bit for bit, as the
 * version before it, kept here as the reference, on random term hits with proper-name runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEntity, overlap, vectorOf, weighting, type Overlap, type TermVector, type Weighting } from '../../src/align/similarity.js';
import type { TermHit } from '../../src/align/terms.js';

const idf = (w: Weighting, term: string) => Math.log(1 + w.units / (w.df.get(term) ?? 1));

function referenceComponentSum(ga: readonly number[], gb: readonly number[], vs: readonly number[], f: (v: number) => number): number {
  const n = vs.length;
  if (n === 0) return 0;
  // One shared term is one component (most candidate pairs share one or two terms).
  if (n === 1) return 0 + f(Math.max(0, vs[0]!));
  const parent = vs.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  const firstA = new Map<number, number>();
  const firstB = new Map<number, number>();
  const join = (first: Map<number, number>, g: number, k: number) => {
    const f0 = first.get(g);
    if (f0 === undefined) first.set(g, k);
    else {
      const x = find(f0);
      const y = find(k);
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  };
  for (let k = 0; k < n; k++) {
    join(firstA, ga[k]!, k);
    join(firstB, gb[k]!, k);
  }
  const best = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const r = find(k);
    best.set(r, Math.max(best.get(r) ?? 0, vs[k]!));
  }
  let sum = 0;
  for (const v of [...best.values()].map(f).sort((x, y) => x - y)) sum += v;
  return sum;
}

function referenceOverlap(a: TermVector, b: TermVector, w: Weighting, entityFloor = 0): Overlap {
  let i = 0;
  let j = 0;
  let cosine = 0;
  const shared: string[] = [];
  const entities: string[] = [];
  const ga: number[] = [];
  const gb: number[] = [];
  const vs: number[] = [];
  const na: number[] = [];
  const nb: number[] = [];
  const nv: number[] = [];
  const oa: number[] = [];
  const ob: number[] = [];
  const ov: number[] = [];
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      cosine += a.weights[i]! * b.weights[j]!;
      shared.push(x);
      const v = idf(w, x);
      ga.push(a.groups[i]!);
      gb.push(b.groups[j]!);
      vs.push(v);
      if (isEntity(a, i) && isEntity(b, j)) {
        entities.push(x);
        na.push(a.groups[i]!);
        nb.push(b.groups[j]!);
        nv.push(v);
      } else {
        oa.push(a.groups[i]!);
        ob.push(b.groups[j]!);
        ov.push(v);
      }
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const max = Math.log(1 + w.units);
  const evidence = referenceComponentSum(ga, gb, vs, (v) => v / max);
  const names = referenceComponentSum(na, nb, nv, (v) => Math.max(0, v / max - entityFloor) / (1 - entityFloor));
  const other = referenceComponentSum(oa, ob, ov, (v) => v / max);
  return { cosine, shared, evidence, entities, names, other };
}

const hit = fc.record({
  term: fc.constantFrom('lavrov', 'sergei', 'moscow', '@un', '@wagner', 'troops', 'said', 'border', 'talks', 'cease'),
  proper: fc.boolean(),
  group: fc.integer({ min: 0, max: 5 }),
  weight: fc.option(fc.constantFrom(1, 1.5, 2), { nil: undefined }),
});
const unit = fc
  .array(hit, { maxLength: 12 })
  .map((hits) => hits.map((h) => (h.weight === undefined ? { term: h.term, proper: h.proper, group: h.group } : h)) as TermHit[]);

describe('overlap: the same values as the reference version', () => {
  it('cosine, shared terms, entities and the three component sums, on random units', () => {
    fc.assert(
      fc.property(unit, unit, fc.array(unit, { maxLength: 4 }), fc.constantFrom(0, 0.25, 0.5), (a, b, others, floor) => {
        const w = weighting([a, b, ...others]);
        const [va, vb] = [vectorOf(a, w), vectorOf(b, w)];
        expect(overlap(va, vb, w, floor)).toEqual(referenceOverlap(va, vb, w, floor));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('counts a run named as two in one unit and one in the other once (three shared terms, two components)', () => {
    const a: TermHit[] = [
      { term: 'sergei', proper: true, group: 0 },
      { term: 'lavrov', proper: true, group: 0 },
      { term: 'talks', proper: false, group: 1 },
    ];
    const b: TermHit[] = [
      { term: 'sergei', proper: true, group: 2 },
      { term: 'lavrov', proper: true, group: 5 },
      { term: 'talks', proper: false, group: 6 },
    ];
    const c: TermHit[] = [{ term: 'talks', proper: false, group: 0 }];
    const w = weighting([a, b, c, [{ term: 'other', proper: false, group: 0 }]]);
    const o = overlap(vectorOf(a, w), vectorOf(b, w), w);
    // sergei + lavrov: one component, idf ln(1 + 4/2); talks: ln(1 + 4/3); over ln(1 + 4).
    expect(o.evidence).toBe(Math.log(1 + 4 / 3) / Math.log(5) + Math.log(3) / Math.log(5));
    expect(o.names).toBe(Math.log(3) / Math.log(5));
    expect(o.other).toBe(Math.log(1 + 4 / 3) / Math.log(5));
    expect(o.entities).toEqual(['lavrov', 'sergei']);
  });
});
