/**
 * TF-IDF vectors over index terms, cosine similarity with the shared terms that explain it, and
 * sub-quadratic candidate search through an inverted index that skips very frequent terms.
 */
import type { TermHit } from './terms.js';

/** A sparse unit vector: terms sorted, weights aligned with them. */
export interface TermVector {
  terms: string[];
  weights: number[];
  /** Proper-name run of each term (the first term of a run stands for it). */
  groups: number[];
  proper: boolean[];
}

export interface Weighting {
  /** Number of units the terms were counted over. */
  units: number;
  df: Map<string, number>;
}

/** Inverse document frequency `ln(1 + N / df)`. */
export function idf(w: Weighting, term: string): number {
  return Math.log(1 + w.units / (w.df.get(term) ?? 1));
}

/** Document frequencies of terms over units (each unit counts a term once). */
export function weighting(hits: readonly (readonly TermHit[])[]): Weighting {
  const df = new Map<string, number>();
  for (const h of hits) for (const t of new Set(h.map((x) => x.term))) df.set(t, (df.get(t) ?? 0) + 1);
  return { units: hits.length, df };
}

/** L2-normalised tf-idf vector with sub-linear tf (`1 + ln tf`). */
export function vectorOf(hits: readonly TermHit[], w: Weighting): TermVector {
  const tf = new Map<string, { n: number; group: number; proper: boolean; weight: number }>();
  for (const h of hits) {
    const e = tf.get(h.term);
    if (e) {
      e.n++;
      e.weight = Math.max(e.weight, h.weight ?? 1);
    } else tf.set(h.term, { n: 1, group: h.group, proper: h.proper, weight: h.weight ?? 1 });
  }
  const terms = [...tf.keys()].sort();
  const raw = terms.map((t) => (1 + Math.log(tf.get(t)!.n)) * idf(w, t) * tf.get(t)!.weight);
  let norm = 0;
  for (const x of raw) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return {
    terms,
    weights: raw.map((x) => x / norm),
    groups: terms.map((t) => tf.get(t)!.group),
    proper: terms.map((t) => tf.get(t)!.proper),
  };
}

export interface Overlap {
  cosine: number;
  /** Shared terms, sorted. */
  shared: string[];
  /** Shared evidence: the sum, over proper-name runs and other shared terms counted once each,
   *  of the largest idf in the run divided by the largest possible idf (0..n). */
  evidence: number;
  /** Shared named entities (actor-lexicon terms `@id` and proper-noun stems), sorted. */
  entities: string[];
  /** Entity evidence: the same sum as `evidence`, over the entity runs only (0..n). Entities
   *  found in most units of the set (a country every sentence names) add little. */
  names: number;
  /** Shared evidence over the terms that are no entity (the same sum as `evidence`, names left out). */
  other: number;
}

/** True for an entity term: an actor-lexicon id (`@wagner`) or a proper-noun stem. */
export const isEntity = (v: TermVector, k: number) => v.proper[k]! || v.terms[k]!.startsWith('@');

/** The terms two vectors share, in term order: their proper-name runs in each vector, their idf, and whether both call them an entity. */
interface SharedTerms {
  ga: number[];
  gb: number[];
  values: number[];
  entity: boolean[];
}

/** Which shared terms a component sum takes: all, only the entities, or only the others. */
type Pick = 'all' | 'entities' | 'others';

/**
 * Sum over the components of the picked shared terms of the best value in each. Two shared terms
 * are in one component when they come from one proper-name run (or one word) in either unit, so a
 * run named as one name in one unit and as two in the other counts once, whichever unit is `a`
 * (symmetric). The components' values are summed smallest first.
 */
function componentSum(s: SharedTerms, pick: Pick, f: (v: number) => number): number {
  const picked = (k: number) => pick === 'all' || s.entity[k] === (pick === 'entities');
  const n = s.values.length;
  let count = 0;
  let only = 0;
  for (let k = 0; k < n; k++) {
    if (!picked(k)) continue;
    count++;
    only = k;
  }
  if (count === 0) return 0;
  // One shared term is one component (most candidate pairs share one or two terms).
  if (count === 1) return 0 + f(Math.max(0, s.values[only]!));
  // Union-find over the picked terms (few: mostly 2 to 4), each component's root its least term.
  const parent: number[] = [];
  for (let k = 0; k < n; k++) parent.push(k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  for (let k = 0; k < n; k++) {
    if (!picked(k)) continue;
    for (let x = 0; x < k; x++) {
      if (!picked(x) || (s.ga[x] !== s.ga[k] && s.gb[x] !== s.gb[k])) continue;
      const r = find(x);
      const q = find(k);
      if (r !== q) parent[Math.max(r, q)] = Math.min(r, q);
    }
  }
  // Each component's best value (from 0), summed smallest first (two in either order give the same sum).
  const best: number[] = [];
  for (let r = 0; r < n; r++) {
    if (!picked(r) || find(r) !== r) continue;
    let v = 0;
    for (let k = r; k < n; k++) if (picked(k) && find(k) === r) v = Math.max(v, s.values[k]!);
    best.push(f(v));
  }
  let sum = 0;
  for (const v of best.length > 2 ? best.sort((p, q) => p - q) : best) sum += v;
  return sum;
}

/** Cosine of two vectors and the terms they share. Symmetric: `overlap(a, b)` equals `overlap(b, a)`. */
export function overlap(a: TermVector, b: TermVector, w: Weighting, entityFloor = 0): Overlap {
  let i = 0;
  let j = 0;
  let cosine = 0;
  const shared: string[] = [];
  const entities: string[] = [];
  const s: SharedTerms = { ga: [], gb: [], values: [], entity: [] };
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      cosine += a.weights[i]! * b.weights[j]!;
      shared.push(x);
      s.ga.push(a.groups[i]!);
      s.gb.push(b.groups[j]!);
      s.values.push(idf(w, x));
      const entity = isEntity(a, i) && isEntity(b, j);
      s.entity.push(entity);
      if (entity) entities.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const max = Math.log(1 + w.units);
  const evidence = componentSum(s, 'all', (v) => v / max);
  const names = componentSum(s, 'entities', (v) => Math.max(0, v / max - entityFloor) / (1 - entityFloor));
  const other = componentSum(s, 'others', (v) => v / max);
  return { cosine, shared, evidence, entities, names, other };
}

/**
 * Pairs of items `[i, j]` (i < j, different `owner`) that share at least one term whose document
 * frequency is at most `maxDf`, sorted, flat: `i0, j0, i1, j1, …`. Cost is the sum of squared
 * posting-list lengths under the cap.
 */
export function candidatePairs(vectors: readonly TermVector[], owner: readonly string[], maxDf: number): Int32Array {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.terms) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  // Pairs in (i, j) order, found per unit i (its partners j > i stamped with i, so each once),
  // and kept flat: two int32 per pair (hundreds of thousands of pairs over 200 unrelated
  // articles; as [i, j] arrays with a set of seen keys they took ~50 MB).
  const n = vectors.length;
  const stamp = new Int32Array(n).fill(-1);
  let out = new Int32Array(1024);
  let size = 0;
  const partners: number[] = [];
  for (let i = 0; i < n; i++) {
    partners.length = 0;
    for (const t of vectors[i]!.terms) {
      const list = postings.get(t)!;
      if (list.length < 2 || list.length > maxDf) continue;
      for (const j of list) {
        if (j <= i || stamp[j] === i || owner[i] === owner[j]) continue;
        stamp[j] = i;
        partners.push(j);
      }
    }
    partners.sort((x, y) => x - y);
    if (size + 2 * partners.length > out.length) {
      const grown = new Int32Array(Math.max(2 * out.length, size + 2 * partners.length));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    for (const j of partners) {
      out[size++] = i;
      out[size++] = j;
    }
  }
  return out.slice(0, size);
}

/** The normalised sum of vectors (in the given order). */
export function centroid(vs: readonly TermVector[]): TermVector {
  const m = new Map<string, number>();
  for (const v of vs) v.terms.forEach((t, k) => m.set(t, (m.get(t) ?? 0) + v.weights[k]!));
  const terms = [...m.keys()].sort();
  const norm = Math.sqrt(terms.reduce((s, t) => s + m.get(t)! ** 2, 0)) || 1;
  return { terms, weights: terms.map((t) => m.get(t)! / norm), groups: terms.map((_, k) => -1 - k), proper: terms.map(() => false) };
}

/** Dot product of a sparse vector with a dense map (cost: the vector's length). */
export function dotMap(a: TermVector, m: ReadonlyMap<string, number>): number {
  let d = 0;
  a.terms.forEach((t, k) => (d += a.weights[k]! * (m.get(t) ?? 0)));
  return d;
}
