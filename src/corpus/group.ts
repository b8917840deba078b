/**
 * Story grouping: articles about the same story, by the cosine of their tf-idf vectors (idf over
 * the whole collection), damped by the distance between their dates when both are known, and
 * only between articles that share a named participant (topic words alone do not make a story)
 * whose names carry a share of their similarity, and whose dates written without a year are not all two months or more apart (news writes the
 * year only for dates outside the current one, so "June 19" and "Jan. 28" place two reports of
 * one topic in different happenings).
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
  /** Days (around the year) that every year-less date of one article lies from every one of the other for them to be different stories; Infinity turns it off. Chosen a priori (two months): any value from 31 to 90 scores the same on both BASIL halves. */
  yearlessGap: number;
  /** Least share of two articles' cosine carried by the names they share (0: a shared name is enough). Chosen on the tuning halves: 0.15 is the largest of 0.05–0.3 that keeps BASIL 2010–2012 at F1 0.977 and PolNeAR train's same-week pairs at 42 (its pairs over 14 days apart fall from 195 to 180). */
  namedShare: number;
}

/** Largest document frequency of a term used for candidate search, whatever the collection size. */
export const MAX_DF = 40;

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { threshold: 0.2, signature: 20, graceDays: 3, halfLifeDays: 14, yearlessGap: 60, namedShare: 0.15 };

export interface Story {
  /** Indices into the inputs (as given), sorted by path. */
  members: number[];
  /** Links that joined the story: input indices, similarity, shared distinctive terms; sorted by the paths of their two articles. */
  links: { a: number; b: number; similarity: number; shared: string[] }[];
}

interface Vec {
  terms: string[];
  weights: number[];
  named: Uint8Array;
}

function cosine(a: Vec, b: Vec): { c: number; shared: { t: string; w: number; named: boolean }[] } {
  let i = 0;
  let j = 0;
  let c = 0;
  const shared: { t: string; w: number; named: boolean }[] = [];
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      const w = a.weights[i]! * b.weights[j]!;
      c += w;
      shared.push({ t: x, w, named: a.named[i] === 1 && b.named[j] === 1 });
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

/** True when both articles give year-less dates and none of one lies within `gap` days (around the year) of one of the other. */
export function yearlessApart(a: readonly number[] | undefined, b: readonly number[] | undefined, gap: number): boolean {
  if (!a?.length || !b?.length || !Number.isFinite(gap)) return false;
  for (const x of a)
    for (const y of b) {
      const d = Math.abs(x - y);
      if (Math.min(d, 366 - d) < gap) return false;
    }
  return true;
}

/**
 * Groups articles into stories (every article is in exactly one story; a story may have one
 * article). Stories are ordered by their first member's path.
 */
export function groupStories(inputs: readonly StoryInput[], options: Partial<GroupOptions> = {}, stats?: { pairsScored: number }): Story[] {
  const o = { ...DEFAULT_GROUP_OPTIONS, ...options };
  const order = inputs.map((_, i) => i).sort((x, y) => (inputs[x]!.path < inputs[y]!.path ? -1 : inputs[x]!.path > inputs[y]!.path ? 1 : x - y));
  const n = inputs.length;
  const df = new Map<string, number>();
  for (const inp of inputs) for (const t of inp.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const vecs: Vec[] = inputs.map((inp) => {
    const raw = inp.terms.map((t, k) => (1 + Math.log(inp.counts[k]!)) * idf(t));
    const norm = Math.sqrt(raw.reduce((s, x) => s + x * x, 0)) || 1;
    return { terms: inp.terms, weights: raw.map((x) => x / norm), named: inp.named };
  });

  // Inverted index over each article's most distinctive terms (terms in at least two articles).
  // Terms in more than `maxDf` articles are skipped; the cap stops growing at MAX_DF, so the pairs
  // scored grow linearly with the collection (at most n · signature · MAX_DF).
  const maxDf = Math.min(MAX_DF, Math.max(10, Math.ceil(2 * Math.sqrt(n))));
  const postings = new Map<string, number[]>();
  for (const i of order) {
    const v = vecs[i]!;
    const top = v.terms
      .map((t, k) => ({ t, w: v.weights[k]! }))
      .filter((x) => (df.get(x.t) ?? 0) >= 2 && (df.get(x.t) ?? 0) <= maxDf)
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, o.signature);
    for (const { t } of top) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }
  const seen = new Set<number>();
  const edges: { a: number; b: number; s: number; shared: string[] }[] = [];
  // Summed similarity between groups (initially between articles), updated on every merge.
  const between: Map<number, number>[] = inputs.map(() => new Map<number, number>());
  const similarity = (a: number, b: number): { s: number; shared: string[] } => {
    const { c, shared } = cosine(vecs[a]!, vecs[b]!);
    // Topic words alone do not make a story: two articles must share a named participant (a name
    // in both, distinctive enough to be searched on: in at most maxDf articles), and the names they
    // share must carry at least `namedShare` of their cosine (two reports on taxes that share
    // "Trump" among many topic words are one topic, not one story).
    let namedWeight = 0;
    for (const x of shared) if (x.named) namedWeight += x.w;
    const named = shared.some((x) => x.named && (df.get(x.t) ?? 0) <= maxDf) && namedWeight >= o.namedShare * c;
    const s =
      named && !yearlessApart(inputs[a]!.yearlessDays, inputs[b]!.yearlessDays, o.yearlessGap) ? c * dateFactor(inputs[a]!.date, inputs[b]!.date, o) : 0;
    const top = shared
      .sort((x, y) => y.w - x.w || (x.t < y.t ? -1 : 1))
      .slice(0, 8)
      .map((x) => x.t);
    return { s, shared: top };
  };
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const a = Math.min(list[x]!, list[y]!);
        const b = Math.max(list[x]!, list[y]!);
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        if (stats) stats.pairsScored++;
        const { s, shared } = similarity(a, b);
        if (s > 0) {
          between[a]!.set(b, s);
          between[b]!.set(a, s);
        }
        if (s >= o.threshold) edges.push({ a, b, s, shared });
      }
  }
  const rank = new Map(order.map((i, r) => [i, r]));
  // Ties between links: on the articles' prose hashes (content), then paths, so renaming files
  // does not change which articles are grouped.
  const canonOrder = inputs
    .map((_, i) => i)
    .sort((x, y) => (inputs[x]!.hash < inputs[y]!.hash ? -1 : inputs[x]!.hash > inputs[y]!.hash ? 1 : rank.get(x)! - rank.get(y)!));
  const canon = new Map(canonOrder.map((i, r) => [i, r]));
  const lo = (e: { a: number; b: number }) => Math.min(canon.get(e.a)!, canon.get(e.b)!);
  const hi = (e: { a: number; b: number }) => Math.max(canon.get(e.a)!, canon.get(e.b)!);
  edges.sort((x, y) => y.s - x.s || lo(x) - lo(y) || hi(x) - hi(y));

  // Greedy average linkage; pairs never scored (no shared distinctive term) count as 0. The
  // summed similarity between two groups is kept up to date on each merge (cost: the dropped
  // group's neighbours), so no merge re-sums member pairs.
  const group = inputs.map((_, i) => i);
  const members = new Map<number, number[]>(inputs.map((_, i) => [i, [i]]));
  const links = new Map<number, Story['links']>(inputs.map((_, i) => [i, []]));
  for (const e of edges) {
    const ga = group[e.a]!;
    const gb = group[e.b]!;
    if (ga === gb) continue;
    const A = members.get(ga)!;
    const B = members.get(gb)!;
    const sum = between[ga]!.get(gb) ?? 0;
    if (sum / (A.length * B.length) < o.threshold) continue;
    // The larger group is kept (its members and neighbours are not moved).
    const [keep, drop] = A.length > B.length || (A.length === B.length && rank.get(ga)! < rank.get(gb)!) ? [ga, gb] : [gb, ga];
    const dropped = members.get(drop)!;
    const kept = members.get(keep)!;
    for (const x of dropped) {
      group[x] = keep;
      kept.push(x);
    }
    members.delete(drop);
    const bk = between[keep]!;
    for (const [other, v] of between[drop]!) {
      if (other === keep) continue;
      bk.set(other, (bk.get(other) ?? 0) + v);
      const bo = between[other]!;
      bo.delete(drop);
      bo.set(keep, (bo.get(keep) ?? 0) + v);
    }
    bk.delete(drop);
    between[drop] = new Map();
    const lk = links.get(keep)!;
    for (const l of links.get(drop)!) lk.push(l);
    lk.push({ a: e.a, b: e.b, similarity: Math.round(e.s * 1e4) / 1e4, shared: e.shared });
    links.delete(drop);
  }
  for (const m of members.values()) m.sort((x, y) => rank.get(x)! - rank.get(y)!);
  for (const l of links.values())
    l.sort(
      (x, y) =>
        Math.min(rank.get(x.a)!, rank.get(x.b)!) - Math.min(rank.get(y.a)!, rank.get(y.b)!) ||
        Math.max(rank.get(x.a)!, rank.get(x.b)!) - Math.max(rank.get(y.a)!, rank.get(y.b)!),
    );
  return [...members.entries()].sort((x, y) => rank.get(x[1][0]!)! - rank.get(y[1][0]!)!).map(([k, m]) => ({ members: m, links: links.get(k)! }));
}
