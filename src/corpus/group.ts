/**
 * Story grouping: articles about the same story, by the cosine of their tf-idf vectors (idf over
 * the whole collection), damped by the distance between their dates when both are known.
 * Candidate pairs come from an inverted index over each article's most distinctive terms,
 * skipping terms too common to be distinctive, so the cost grows about linearly with the
 * collection. Independent of input order: inputs are processed in path order.
 */
import type { StoryInput } from './features.js';

export interface GroupOptions {
  /** Least average similarity between two groups' members for them to merge. */
  threshold: number;
  /** Distinctive terms per article used for candidate search. */
  signature: number;
  /** Days apart within which dates do not damp similarity. */
  graceDays: number;
  /** Days over the grace after which similarity is halved. */
  halfLifeDays: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { threshold: 0.2, signature: 20, graceDays: 3, halfLifeDays: 14 };

export interface Story {
  /** Indices into the inputs (as given), sorted by path. */
  members: number[];
  /** Links that joined the story: input indices, similarity, shared distinctive terms. */
  links: { a: number; b: number; similarity: number; shared: string[] }[];
}

interface Vec {
  terms: string[];
  weights: number[];
}

function cosine(a: Vec, b: Vec): { c: number; shared: { t: string; w: number }[] } {
  let i = 0;
  let j = 0;
  let c = 0;
  const shared: { t: string; w: number }[] = [];
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      const w = a.weights[i]! * b.weights[j]!;
      c += w;
      shared.push({ t: x, w });
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { c, shared };
}

const dayNumber = (d: string | null): number | null => {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) ? t / 86_400_000 : null;
};

/** Factor in (0, 1] for two dates: 1 within the grace period, halved every `halfLifeDays` after it. */
export function dateFactor(a: string | null, b: string | null, o: GroupOptions = DEFAULT_GROUP_OPTIONS): number {
  const x = dayNumber(a);
  const y = dayNumber(b);
  if (x === null || y === null) return 1;
  const over = Math.max(0, Math.abs(x - y) - o.graceDays);
  return Math.pow(0.5, over / o.halfLifeDays);
}

/**
 * Groups articles into stories (every article is in exactly one story; a story may have one
 * article). Stories are ordered by their first member's path.
 */
export function groupStories(inputs: readonly StoryInput[], options: Partial<GroupOptions> = {}): Story[] {
  const o = { ...DEFAULT_GROUP_OPTIONS, ...options };
  const order = inputs.map((_, i) => i).sort((x, y) => (inputs[x]!.path < inputs[y]!.path ? -1 : inputs[x]!.path > inputs[y]!.path ? 1 : x - y));
  const n = inputs.length;
  const df = new Map<string, number>();
  for (const inp of inputs) for (const [t] of inp.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const vecs: Vec[] = inputs.map((inp) => {
    const raw = inp.terms.map(([t, c]) => (1 + Math.log(c)) * idf(t));
    const norm = Math.sqrt(raw.reduce((s, x) => s + x * x, 0)) || 1;
    return { terms: inp.terms.map(([t]) => t), weights: raw.map((x) => x / norm) };
  });

  // Inverted index over each article's most distinctive terms (terms in at least two articles).
  const maxDf = Math.max(10, Math.ceil(2 * Math.sqrt(n)));
  const postings = new Map<string, number[]>();
  for (const i of order) {
    const v = vecs[i]!;
    const top = v.terms
      .map((t, k) => ({ t, w: v.weights[k]! }))
      .filter((x) => (df.get(x.t) ?? 0) >= 2 && (df.get(x.t) ?? 0) <= maxDf)
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, o.signature);
    for (const { t } of top) postings.set(t, [...(postings.get(t) ?? []), i]);
  }
  const seen = new Set<number>();
  const edges: { a: number; b: number; s: number; shared: string[] }[] = [];
  const sim = new Map<number, number>();
  const similarity = (a: number, b: number): { s: number; shared: string[] } => {
    const { c, shared } = cosine(vecs[a]!, vecs[b]!);
    const s = c * dateFactor(inputs[a]!.date, inputs[b]!.date, o);
    const top = shared.sort((x, y) => y.w - x.w || (x.t < y.t ? -1 : 1)).slice(0, 8).map((x) => x.t);
    return { s, shared: top };
  };
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const a = Math.min(list[x]!, list[y]!);
      const b = Math.max(list[x]!, list[y]!);
      const key = a * n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      const { s, shared } = similarity(a, b);
      sim.set(key, s);
      if (s >= o.threshold) edges.push({ a, b, s, shared });
    }
  }
  const rank = new Map(order.map((i, r) => [i, r]));
  edges.sort((x, y) => y.s - x.s || rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!);

  // Greedy average linkage; pairs never scored (no shared distinctive term) count as 0.
  const group = inputs.map((_, i) => i);
  const members = new Map<number, number[]>(inputs.map((_, i) => [i, [i]]));
  const links = new Map<number, Story['links']>(inputs.map((_, i) => [i, []]));
  for (const e of edges) {
    const ga = group[e.a]!;
    const gb = group[e.b]!;
    if (ga === gb) continue;
    const A = members.get(ga)!;
    const B = members.get(gb)!;
    let sum = 0;
    for (const x of A) for (const y of B) sum += sim.get(Math.min(x, y) * n + Math.max(x, y)) ?? 0;
    if (sum / (A.length * B.length) < o.threshold) continue;
    const [keep, drop] = rank.get(A[0]!)! < rank.get(B[0]!)! ? [ga, gb] : [gb, ga];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => rank.get(x)! - rank.get(y)!);
    for (const x of members.get(drop)!) group[x] = keep;
    members.set(keep, merged);
    members.delete(drop);
    links.set(keep, [...links.get(keep)!, ...links.get(drop)!, { a: e.a, b: e.b, similarity: Math.round(e.s * 1e4) / 1e4, shared: e.shared }]);
    links.delete(drop);
  }
  return [...members.entries()]
    .sort((x, y) => rank.get(x[1][0]!)! - rank.get(y[1][0]!)!)
    .map(([k, m]) => ({ members: m, links: links.get(k)! }));
}
