/**
 * Event alignment across articles: sentences (or clauses) of N ≥ 2 articles clustered into
 * events by tf-idf cosine over Porter stems, shared figures and reused quotations, with the
 * evidence for every link kept on the event. Independent of the order of `articles`: units are
 * processed in (article id, offset) order and every tie is broken on those keys.
 *
 * All offsets are 0-based UTF-16 indices into the article's file text, end exclusive.
 */
import type { AnalysedArticle, Event, Finding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { unitsOf, type Unit } from './units.js';
import { termsOf } from './terms.js';
import { candidatePairs, overlap, vectorOf, weighting, type TermVector, type Weighting } from './similarity.js';
import { figuresOf, type Figure } from './figures.js';
import { isReuse, quoteOverlap, quotesOf, reuseGroups, type QuoteRef, type QuoteReuse } from './quote-reuse.js';
import { figureConflicts, type FigureConflict } from './conflicts.js';

export type { Figure } from './figures.js';
export type { QuoteReuse } from './quote-reuse.js';
export type { FigureConflict } from './conflicts.js';

export interface Alignment {
  events: Event[];
  /** Per article id: ids of multi-article events it leaves out. */
  omissions: Record<string, string[]>;
}

/** Tunable thresholds (chosen on the ECB+ development topics; see src/eval/alignment.ts). */
export interface AlignOptions {
  /** Least score for a link between two units of different articles. */
  link: number;
  /** Least average score between two clusters' cross-article unit pairs for them to merge. */
  merge: number;
  /** Least shared evidence (sum of normalised idf over shared names/terms) for a link. */
  evidence: number;
  /** Score added per shared figure (at most three count). */
  figureBonus: number;
  /** Score added, times the containment, when the two units hold the same quotation. */
  quoteBonus: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { link: 0.2, merge: 0.1, evidence: 0.7, figureBonus: 0.05, quoteBonus: 0.3 };

/** Why two mentions of an event are aligned. `a`/`b` index `mentions` (0-based). */
export interface EventLink {
  a: number;
  b: number;
  score: number;
  cosine: number;
  shared: string[];
  figures?: string[];
  quotation?: number;
}

const byId = (x: string, y: string) => x.localeCompare(y, 'en', { numeric: true });
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface Scored {
  score: number;
  cosine: number;
  evidence: number;
  shared: string[];
  figures: string[];
  quotation: number;
}

/** Cross-article score of two units, with its evidence. */
function scorer(vectors: TermVector[], w: Weighting, figures: Figure[][], quotes: QuoteRef[][], o: AlignOptions) {
  const cache = new Map<number, Scored>();
  const n = vectors.length;
  return (i: number, j: number): Scored => {
    const key = Math.min(i, j) * n + Math.max(i, j);
    const hit = cache.get(key);
    if (hit) return hit;
    const ov = overlap(vectors[i]!, vectors[j]!, w);
    const fj = new Set(figures[j]!.map((f) => `${f.kind}:${f.value}`));
    const sharedFigures = [...new Set(figures[i]!.filter((f) => !f.vague && fj.has(`${f.kind}:${f.value}`)).map((f) => `${f.kind}:${f.value}`))].sort();
    let quotation = 0;
    for (const qa of quotes[i]!) for (const qb of quotes[j]!) if (isReuse(qa, qb)) quotation = Math.max(quotation, quoteOverlap(qa, qb).containment);
    const score = ov.cosine + o.figureBonus * Math.min(3, sharedFigures.length) + o.quoteBonus * quotation;
    const s = { score, cosine: ov.cosine, evidence: ov.evidence, shared: ov.shared, figures: sharedFigures, quotation };
    cache.set(key, s);
    return s;
  };
}

/**
 * Aligns the articles' sentences into events. Deterministic and independent of the order of
 * `articles` (articles are taken in id order). Events are ordered by their first mention in the
 * lowest article id and numbered e1..en in that order.
 */
export function alignArticles(
  articles: readonly AnalysedArticle[],
  findings: readonly Finding[],
  _lexicons?: Lexicons,
  options: Partial<AlignOptions> = {},
): Alignment {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const sorted = [...articles].sort((a, b) => byId(a.id, b.id) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const units: Unit[] = [];
  const figures: Figure[][] = [];
  const quotes: QuoteRef[][] = [];
  const allFigures = new Map<string, Figure[]>();
  const allQuotes: QuoteRef[] = [];
  for (const a of sorted) {
    const fig = figuresOf(a);
    const qs = quotesOf(a);
    allFigures.set(a.id, fig);
    allQuotes.push(...qs);
    for (const u of unitsOf(a)) {
      units.push(u);
      figures.push(fig.filter((f) => f.start >= u.start && f.end <= u.end));
      quotes.push(qs.filter((q) => q.innerStart < u.end && q.innerEnd > u.start));
    }
  }
  const hits = units.map((u) => termsOf(sorted.find((a) => a.id === u.article)!.tokens, u.tokenStart, u.tokenEnd));
  const w = weighting(hits);
  const vectors = hits.map((h) => vectorOf(h, w));
  const score = scorer(vectors, w, figures, quotes, o);
  const owner = units.map((u) => u.article);

  // Candidate links: pairs sharing a not-too-frequent term, or a reused quotation.
  const maxDf = 50 + 2 * Math.ceil(Math.sqrt(units.length));
  const pairs = candidatePairs(vectors, owner, maxDf);
  const edges: { i: number; j: number; s: Scored }[] = [];
  for (const [i, j] of pairs) {
    const s = score(i, j);
    if ((s.score >= o.link && s.evidence >= o.evidence) || s.quotation > 0) edges.push({ i, j, s });
  }
  edges.sort((x, y) => y.s.score - x.s.score || x.i - y.i || x.j - y.j);

  // Greedy average-linkage merging over the links, strongest first.
  const cluster = units.map((_, i) => i);
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  const used = new Map<number, { i: number; j: number; s: Scored }[]>(units.map((_, i) => [i, []]));
  for (const e of edges) {
    const ca = cluster[e.i]!;
    const cb = cluster[e.j]!;
    if (ca === cb) continue;
    const A = members.get(ca)!;
    const B = members.get(cb)!;
    let sum = 0;
    let count = 0;
    for (const x of A) for (const y of B) if (owner[x] !== owner[y]) {
      sum += score(x, y).score;
      count++;
    }
    if (count > 0 && sum / count < o.merge) continue;
    const [keep, drop] = ca < cb ? [ca, cb] : [cb, ca];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    for (const x of members.get(drop)!) cluster[x] = keep;
    members.set(keep, merged);
    members.delete(drop);
    used.set(keep, [...used.get(keep)!, ...used.get(drop)!, e]);
    used.delete(drop);
  }

  const articleText = (id: string) => sorted.find((a) => a.id === id)!.text;
  const reuse = reuseGroups(allQuotes, articleText, findings);
  const clusters = [...members.entries()].sort((x, y) => x[1][0]! - y[1][0]!);
  const events: Event[] = clusters.map(([key, list], k) => {
    const mentions = list.map((x) => ({ article: units[x]!.article, start: units[x]!.start, end: units[x]!.end, text: units[x]!.text }));
    const pos = new Map(list.map((x, m) => [x, m]));
    const links: EventLink[] = used
      .get(key)!
      .map((e) => ({
        a: Math.min(pos.get(e.i)!, pos.get(e.j)!),
        b: Math.max(pos.get(e.i)!, pos.get(e.j)!),
        score: r4(e.s.score),
        cosine: r4(e.s.cosine),
        shared: e.s.shared,
        ...(e.s.figures.length ? { figures: e.s.figures } : {}),
        ...(e.s.quotation > 0 ? { quotation: r4(e.s.quotation) } : {}),
      }))
      .sort((x, y) => x.a - y.a || x.b - y.b);
    const numbers = list.flatMap((x) => figures[x]!);
    const quoteReuse: QuoteReuse[] = reuse.filter((r) => r.variants.some((v) => list.some((x) => units[x]!.article === v.article && v.start < units[x]!.end && v.end > units[x]!.start)));
    const conflicts: FigureConflict[] = figureConflicts(numbers);
    const event: Event = {
      id: `e${k + 1}`,
      label: labelOf(list, units, score),
      articles: [...new Set(mentions.map((m) => m.article))].sort(byId),
      mentions,
      links,
    };
    if (quoteReuse.length) event.quoteReuse = quoteReuse;
    if (numbers.length) event.numbers = numbers;
    if (conflicts.length) event['conflicts'] = conflicts;
    return event;
  });
  // A reused quotation belongs to the first event that holds one of its variants.
  const claimed = new Set<QuoteReuse>();
  for (const e of events) {
    if (!e.quoteReuse) continue;
    const mine = (e.quoteReuse as QuoteReuse[]).filter((r) => !claimed.has(r));
    mine.forEach((r) => claimed.add(r));
    if (mine.length) e.quoteReuse = mine;
    else delete e.quoteReuse;
  }
  return { events, omissions: omissionsOf(sorted.map((a) => a.id), events) };
}

/** Per article id: the ids of the multi-article events (reported by two or more articles) it leaves out. */
export function omissionsOf(articleIds: readonly string[], events: readonly Event[]): Record<string, string[]> {
  const multi = events.filter((e) => e.articles.length > 1);
  return Object.fromEntries(articleIds.map((id) => [id, multi.filter((e) => !e.articles.includes(id)).map((e) => e.id)]));
}

/** The most central mention (highest summed score to the others), cut to ~60 characters at a word boundary. */
function labelOf(list: number[], units: Unit[], score: (i: number, j: number) => Scored): string {
  let best = list[0]!;
  let bestSum = -1;
  for (const x of list) {
    if (units[x]!.heading && list.length > 1) continue;
    let sum = 0;
    for (const y of list) if (y !== x && units[y]!.article !== units[x]!.article) sum += score(x, y).score;
    if (sum > bestSum + 1e-12) {
      best = x;
      bestSum = sum;
    }
  }
  return trimLabel(units[best]!.text);
}

/** `text` on one line, cut at a word boundary before `max` characters with an ellipsis. */
export function trimLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > 20 ? cut.slice(0, at) : flat.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
