/**
 * Story grouping: articles about the same story, by the cosine of their tf-idf vectors (idf over
 * the whole collection), damped by the distance between their dates when both are known, and
 * only between articles that share a named participant (topic words alone do not make a story)
 * whose names carry a share of their similarity, and whose dates written without a year are not all two months or more apart (news writes the
 * year only for dates outside the current one, so "June 19" and "Jan. 28" place two reports of
 * one topic in different happenings).
 * Groups merge by average linkage, the closest pair first; two stories of two or more articles
 * each merge only when they are nearly as close to each other as the looser one is within itself.
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
  /** Two groups of two or more articles each merge only when their average similarity reaches this share of the looser group's own average (0: off). 0.6: the largest of 0.5–1 that leaves synthetic stories of 10 and 30 alike articles whole (with 20 or 60 words per story; 0.7 splits one, 0.9–1 split many: tight cores of one story form first and then refuse to join; tests/corpus/scaling.test.ts); on the tuning halves 0.5–0.6 keep BASIL 2010–2012 at F1 0.977 and PolNeAR train's proxy at 39 pairs within 3 days · 164 over 14 days apart (as average linkage alone; 42 · 180 before it). */
  cohesion: number;
}

/** Largest document frequency of a term used for candidate search, whatever the collection size. */
export const MAX_DF = 40;

export const DEFAULT_GROUP_OPTIONS: GroupOptions = {
  threshold: 0.2,
  signature: 20,
  graceDays: 3,
  halfLifeDays: 14,
  yearlessGap: 60,
  namedShare: 0.15,
  cohesion: 0.6,
};

export interface Story {
  /** Indices into the inputs (as given), sorted by path. */
  members: number[];
  /** Links that joined the story: input indices, similarity, shared distinctive terms; sorted by the paths of their two articles. */
  links: { a: number; b: number; similarity: number; shared: string[] }[];
}

interface Edge {
  a: number;
  b: number;
  s: number;
  shared: string[];
}

/** A candidate merge: two groups, their sizes when it was offered, their average similarity and their strongest link. */
interface Candidate {
  avg: number;
  ga: number;
  gb: number;
  na: number;
  nb: number;
  edge: Edge;
}

/** A binary heap of candidate merges, best first by `before` (negative when x goes first). */
class PairHeap {
  private readonly items: Candidate[] = [];
  constructor(private readonly before: (x: Candidate, y: Candidate) => number) {}
  push(c: Candidate): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.before(h[i]!, h[p]!) >= 0) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Candidate | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!) < 0) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!) < 0) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
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
  const edges: Edge[] = [];
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

  // Average linkage: the two groups of highest average similarity merge first (pairs never scored,
  // no shared distinctive term, count as 0), until no two reach the threshold. A heap of candidate
  // group pairs, each entry stamped with the two groups' sizes so an entry of a group that has grown
  // since is skipped; the summed similarity between two groups, the strongest link between them and
  // each group's own summed similarity are kept up to date on each merge (cost: the dropped group's
  // neighbours, and one heap entry per neighbour of the merged group), so no merge re-sums member
  // pairs. Merging the best pair first (not the strongest single link first) lets an article join
  // the story it is closest to on average, not the first story one strong link reaches.
  const group = inputs.map((_, i) => i);
  const members = new Map<number, number[]>(inputs.map((_, i) => [i, [i]]));
  const links = new Map<number, Story['links']>(inputs.map((_, i) => [i, []]));
  const within = inputs.map(() => 0);
  const strongest: Map<number, Edge>[] = inputs.map(() => new Map<number, Edge>());
  for (const e of edges) {
    if (!strongest[e.a]!.has(e.b)) strongest[e.a]!.set(e.b, e);
    if (!strongest[e.b]!.has(e.a)) strongest[e.b]!.set(e.a, e);
  }
  const heap = new PairHeap((x, y) => y.avg - x.avg || y.edge.s - x.edge.s || lo(x.edge) - lo(y.edge) || hi(x.edge) - hi(y.edge));
  const offer = (ga: number, gb: number) => {
    const edge = strongest[ga]!.get(gb);
    if (!edge) return;
    const na = members.get(ga)!.length;
    const nb = members.get(gb)!.length;
    const avg = (between[ga]!.get(gb) ?? 0) / (na * nb);
    if (avg >= o.threshold) heap.push({ avg, ga, gb, na, nb, edge });
  };
  for (const e of edges) offer(e.a, e.b);
  for (let c = heap.pop(); c; c = heap.pop()) {
    const A = members.get(c.ga);
    const B = members.get(c.gb);
    if (!A || !B || A.length !== c.na || B.length !== c.nb) continue;
    // Two stories of two or more articles each are one story only when their articles are, on
    // average, nearly as close to each other as the looser story's own articles are to one another
    // (`cohesion` of that): two tight stories of one topic (a gun plan and a lobby's school report)
    // stay apart although their topic words make them alike.
    if (A.length > 1 && B.length > 1) {
      const own = Math.min(within[c.ga]! / ((A.length * (A.length - 1)) / 2), within[c.gb]! / ((B.length * (B.length - 1)) / 2));
      if (c.avg < o.cohesion * own) continue;
    }
    const sum = between[c.ga]!.get(c.gb) ?? 0;
    // The larger group is kept (its members and neighbours are not moved).
    const [keep, drop] = A.length > B.length || (A.length === B.length && rank.get(c.ga)! < rank.get(c.gb)!) ? [c.ga, c.gb] : [c.gb, c.ga];
    within[keep] = within[c.ga]! + within[c.gb]! + sum;
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
    const sk = strongest[keep]!;
    for (const [other, e] of strongest[drop]!) {
      if (other === keep) continue;
      const so = strongest[other]!;
      so.delete(drop);
      const cur = sk.get(other);
      if (!cur || e.s > cur.s || (e.s === cur.s && (lo(e) - lo(cur) || hi(e) - hi(cur)) < 0)) {
        sk.set(other, e);
        so.set(keep, e);
      }
    }
    sk.delete(drop);
    strongest[drop] = new Map();
    const lk = links.get(keep)!;
    for (const l of links.get(drop)!) lk.push(l);
    lk.push({ a: c.edge.a, b: c.edge.b, similarity: Math.round(c.edge.s * 1e4) / 1e4, shared: c.edge.shared });
    links.delete(drop);
    for (const other of bk.keys()) offer(Math.min(keep, other), Math.max(keep, other));
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
