/**
 * Event alignment across articles: sentences (or clauses) of N ≥ 2 articles clustered into
 * events by tf-idf cosine over Porter stems, shared figures and reused quotations, with the
 * evidence for every link kept on the event. Which mentions are grouped depends on the articles'
 * content only, neither on the order of `articles` nor on their ids: every tie between links is
 * broken on a content key (hash of the article text, then offset), scores are symmetric and sums
 * are taken in content order. Event ids and order follow the article ids.
 *
 * All offsets are 0-based UTF-16 indices into the article's file text, end exclusive.
 */
import { createHash } from 'node:crypto';
import { displayText } from '../core/display-text.js';
import { checkBudget } from '../core/limits.js';
import type { AnalysedArticle, Event, EventLink, Finding, LexiconRecord, Token } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { headUnits, overlapping, sortSpans } from '../core/spans.js';
import { isBareQuotation, unitsOf, type Unit } from './units.js';
import { loadTermLexicon, stem, termsOf, type TermHit, type TermLexicon } from './terms.js';
import { candidatePairs, centroid, idf, isEntity, overlap, vectorOf, weighting, type TermVector, type Weighting } from './similarity.js';
import { figuresOf, type Figure } from './figures.js';
import { isReuse, QUOTE_MIN_SHARED, quoteOverlap, quotesOf, reuseGroups, type QuoteRef, type QuoteReuse } from './quote-reuse.js';
import { figureConflicts, type FigureConflict } from './conflicts.js';
import { loadParaphrases, paraphrasesOf, type ParaphraseTable } from './paraphrases.js';
import {
  bestPredicateMatchKeyed,
  loadPredicates,
  predicateKeys,
  lowerCaseWords,
  predicatesOf,
  type Predicate,
  type PredicateLexicon,
  type PredicateMatch,
} from './predicates.js';
import { loadEmbeddings, rememberingCosines, type Embeddings } from './embeddings.js';
import { describeTime, loadTimeLexicon, referenceDay, timeOf, timesConflict, type TimeSpan } from './time.js';

export type { Figure } from './figures.js';
export type { QuoteReuse } from './quote-reuse.js';
export type { FigureConflict } from './conflicts.js';
export type { EventLink } from '../core/types.js';

export interface Alignment {
  events: Event[];
  /** Per article id: ids of multi-article events it leaves out. */
  omissions: Record<string, string[]>;
  /** The alignment's data files (paraphrases, predicates, time words, stop words, word vectors): id, version, sha256, for the report's `lexicons`. */
  sources: LexiconRecord[];
}

/** Provenance of the data the aligner reads with options `o`. */
export function alignmentSources(o: AlignOptions = DEFAULT_ALIGN_OPTIONS): LexiconRecord[] {
  const out: LexiconRecord[] = [];
  if (o.paraphrase > 0 || o.predicates) {
    const p = loadParaphrases();
    out.push({ id: p.id, version: p.version, sha256: p.sha256 });
  }
  const pr = loadPredicates();
  out.push({ id: pr.id, version: pr.version, sha256: pr.sha256 });
  const t = loadTimeLexicon();
  out.push({ id: t.id, version: t.version, sha256: t.sha256 });
  const te = loadTermLexicon();
  out.push({ id: te.id, version: te.version, sha256: te.sha256 });
  if (o.predicateVector < 1) {
    const e = loadEmbeddings().record;
    out.push({ id: e.id, version: e.version, sha256: e.sha256 });
  }
  return out;
}

/** Thresholds and weights of the aligner. `link`, `merge` and `attach` were chosen on ECB+ dev, where
 *  each fold (odd / even topics) picked link 0.35–0.4, merge 0.2–0.3 and attach 0.12 when tuned on
 *  its own topics (npm run eval -- alignment tunes on one fold and scores the other); since round 14 (one shared
 *  noun no longer counts in the attach step, `oneWord`) the odd fold picks link 0.3 and the even fold link 0.4, both
 *  merge 0.2 and attach 0.1: the defaults are the even fold's pick (README "Evaluation", round 14); `predicateVectorAlone`
 *  was chosen the same way (of 0.6–0.9 the odd fold picked 0.8, the even fold 0.9 by a hair), and `paraphrase` too (of
 *  0.3–0.5 over the full grid the even fold picked 0.45, the odd fold 0.5 by a hair; README "Evaluation", round 12); the rest are fixed. */
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
  /** Least mean score between a unit and another event's members for it to mention that event too (0: off). */
  attach: number;
  /** Least shared evidence besides names (idf-normalised, as `evidence`) for a pair whose shared names are all
   *  places — states of the actor lexicon and the name runs they stand in — to count in the attach step's mean
   *  (0: every pair counts). A sentence listing the countries of a region does not join an event by naming them. */
  places: number;
  /** Leave out of the attach step's mean a pair whose only shared content is its predicate, one noun (the same stem,
   *  no name, figure, quotation or other word shared; see oneNounPair): one shared topic word (*water*) joined a
   *  headline to a quotation of another happening at attach 0.1 (README "Evaluation", round 14). */
  oneWord: boolean;
  /** Weight of the article centroid mixed into each unit's vector (0: none). */
  context: number;
  /** Weight of a paraphrase-set term (`~die` for perished / death) beside the word's own stem (0: off). */
  paraphrase: number;
  /** Weight of an actor term (`@russia` for Moscow / Kremlin) beside the name's own stems (0: off). */
  actor: number;
  /** Score added per unit of shared entity evidence (actor ids and proper names, idf-weighted). */
  entity: number;
  /** Entity idf (normalised 0..1) below which a shared entity adds nothing to `entity`. */
  entityFloor: number;
  /** Least score for an anchored link: two units of different articles that are each other's best match in
   *  the other's article and share a rare actor that is not a state (see anchoredLinks) link from this score (0: off). */
  anchor: number;
  /** Least word-vector cosine for two different predicates to match when the two units share a rare named
   *  participant (an entity adding to `entity`) (1: stems and paraphrase sets only). */
  predicateVector: number;
  /** The same when they share none: word vectors put related words close (coach / team, court / verdict), so a
   *  paraphrase of the predicate alone must be closer (see scorer). */
  predicateVectorAlone: number;
  /** Require a shared predicate for a link (see predicates.ts). */
  predicates: boolean;
  /** Keep units whose times are more than the time lexicon's slack apart from linking (see time.ts). */
  time: boolean;
  /** Least mean cross-article score for two multi-article events to join as one occasion (0: off; see alignArticles). */
  regroup: number;
  /** Split each event of MIN_CONTEXT_ARTICLES or more articles into mention chains: the members that share one
   *  predicate (a stem or a paraphrase set) that one of the event's links matched on, one event per chain of two
   *  or more articles, so two sentences are in one event only through a happening word they both use (ECB+ pairs
   *  sentences that share a mention of one event chain). An event of fewer articles stays whole: too few articles
   *  to tell a story from its parts. On by default since round 21 (cross-fold: odd as check 0.5519 -> 0.5776,
   *  even as check 0.6762 -> 0.6897; docs/evaluation.md round 21). */
  chains: boolean;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  link: 0.4,
  merge: 0.2,
  evidence: 0.8,
  figureBonus: 0.05,
  quoteBonus: 0.3,
  attach: 0.1,
  places: 0.8,
  oneWord: true,
  context: 1.5,
  paraphrase: 0.45,
  actor: 0.5,
  entity: 0.3,
  entityFloor: 0.5,
  anchor: 0.15,
  predicateVector: 0.6,
  predicateVectorAlone: 0.8,
  predicates: true,
  time: true,
  regroup: 0.07,
  chains: true,
};

const byId = (x: string, y: string) => x.localeCompare(y, 'en', { numeric: true });
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface Scored {
  score: number;
  cosine: number;
  evidence: number;
  shared: string[];
  entities: string[];
  entityScore: number;
  /** Shared evidence of the terms that are no names (see Overlap.other). */
  other: number;
  figures: string[];
  quotation: number;
  /** The actor an anchored link rests on. */
  anchor?: string;
  predicate: PredicateMatch | null;
}

/**
 * True when a scored pair's only shared content is its predicate, one noun (the same stem in both, with its
 * paraphrase set): no name, figure, quotation or other word shared, and neither side of the match a verb or a
 * predicative adjective. Such a noun (*water*, *council*) names what a story is about, not what happened to
 * whom, so the attach step does not count the pair (see AlignOptions.oneWord).
 */
function oneNounPair(s: Scored, tokens: ReadonlyMap<string, readonly Token[]>, a: string, b: string): boolean {
  const p = s.predicate;
  if (!p || p.how !== 'stem' || s.entities.length || s.figures.length || s.quotation > 0) return false;
  if (s.shared.some((t) => !t.startsWith('@') && t !== p.a.stem && t !== `~${p.a.set}`)) return false;
  const pos = [tokens.get(a)![p.a.token]!.pos, tokens.get(b)![p.b.token]!.pos];
  return !pos.some((x) => x === 'VERB' || x === 'ADJ');
}

/** True when a scored pair is a link by itself: score and shared evidence high enough, or a shared quotation. */
const isLink = (s: Scored, o: AlignOptions) => (s.score >= o.link && s.evidence >= o.evidence && (!o.predicates || s.predicate !== null)) || s.quotation > 0;

/** Largest document frequency (in units) of a term used for candidate search, whatever the set size. */
export const MAX_CANDIDATE_DF = 100;

/** Document-frequency cap of candidate terms for `units` units: 50 + 2√units, at most MAX_CANDIDATE_DF. */
export function candidateDfCap(units: number): number {
  return Math.min(MAX_CANDIDATE_DF, 50 + 2 * Math.ceil(Math.sqrt(units)));
}

/** Most events one unit is a mention of (see alignArticles: a sentence can tell of more than one happening, but of few). */
export const MAX_EVENTS_PER_UNIT = 12;

/** Fewest articles for the story context: with fewer, the average pair is no reliable reference. */
export const MIN_CONTEXT_ARTICLES = 5;

/**
 * Story context: two units' cosine plus `lambda` times how much more similar their two articles
 * are (cosine of the articles' centroids) than the average pair of articles in the set. In a set
 * of articles about one story it changes little; where the set mixes stories it keeps them apart.
 */
function contextOf(articles: readonly AnalysedArticle[], units: readonly Unit[], vectors: readonly TermVector[], lambda: number) {
  if (lambda <= 0 || articles.length < MIN_CONTEXT_ARTICLES) return (_i: number, _j: number, dot: number) => dot;
  const maps = articles.map((a) => {
    const c = centroid(vectors.filter((_, x) => units[x]!.article === a.id));
    return new Map(c.terms.map((t, k) => [t, c.weights[k]!]));
  });
  const index = new Map(articles.map((a, k) => [a.id, k]));
  // Article index of each unit, looked up once (the scorer asks for every candidate pair).
  const articleOf = Int32Array.from(units, (u) => index.get(u.article)!);
  const sims: number[][] = maps.map(() => []);
  const all: number[] = [];
  for (let p = 0; p < maps.length; p++) {
    for (let q = p + 1; q < maps.length; q++) {
      let d = 0;
      // Summed in term order, so the same whichever article is p.
      const [small, big] = maps[p]!.size <= maps[q]!.size ? [maps[p]!, maps[q]!] : [maps[q]!, maps[p]!];
      for (const t of [...small.keys()].sort()) d += small.get(t)! * (big.get(t) ?? 0);
      sims[p]![q] = d;
      sims[q]![p] = d;
      all.push(d);
    }
  }
  // Summed in value order: independent of the articles' order.
  let sum = 0;
  for (const d of all.sort((x, y) => x - y)) sum += d;
  const mean = sum / ((maps.length * (maps.length - 1)) / 2);
  return (i: number, j: number, dot: number): number => {
    const s = sims[articleOf[i]!]![articleOf[j]!]!;
    return dot + lambda * (s - mean);
  };
}

/** The score of a pair that cannot link (shared by every such pair; never changed). */
const ZERO: Scored = Object.freeze({
  score: 0,
  cosine: 0,
  evidence: 0,
  shared: [],
  entities: [],
  entityScore: 0,
  other: 0,
  figures: [],
  quotation: 0,
  predicate: null,
});

/** Cross-article score of two units, with its evidence. */
function scorer(
  vectors: TermVector[],
  context: (i: number, j: number, dot: number) => number,
  w: Weighting,
  figures: Figure[][],
  quotes: QuoteRef[][],
  preds: Predicate[][],
  times: (TimeSpan | null)[],
  embeddings: Embeddings | null,
  slack: number,
  o: AlignOptions,
) {
  // What regroup asks again and again (see alignArticles): a pair's score when it shares a
  // predicate, else null. Kept as numbers, and only for the pairs regroup asks for, not as every
  // scored pair with its evidence: over 200 unrelated articles 400k pairs score above 0, and
  // their evidence took ~400 MB of heap.
  const known = new Map<number, number | null>();
  const n = vectors.length;
  // Precise figures of each unit as sorted, distinct `kind:value` keys.
  const figureKeys = figures.map((list) => [...new Set(list.filter((f) => !f.vague).map((f) => `${f.kind}:${f.value}`))].sort());
  // Reused quotations (the same quotation in two or more articles) grouped: two units that each
  // hold a reused quotation, but of different groups, report two different claims (cannot link).
  const group = new Map<QuoteRef, number>();
  const all = [...new Set(quotes.flat())];
  all.forEach((q, k) => group.set(q, k));
  const root = (k: number): number => {
    while (group.get(all[k]!)! !== k) k = group.get(all[k]!)!;
    return k;
  };
  // Only quotations sharing at least QUOTE_MIN_SHARED stems can be reuses: found through the
  // stems' postings, not by comparing every pair (quadratic in a long article's quotations).
  // Components do not depend on the order pairs are joined in (each root is its least index).
  const postings = new Map<string, number[]>();
  all.forEach((q, k) =>
    q.stems.forEach((t) => {
      const list = postings.get(t);
      if (list) list.push(k);
      else postings.set(t, [k]);
    }),
  );
  const reused = new Set<number>();
  for (let x = 0; x < all.length; x++) {
    const shared = new Map<number, number>();
    for (const t of all[x]!.stems) for (const y of postings.get(t)!) if (y > x) shared.set(y, (shared.get(y) ?? 0) + 1);
    for (const [y, n] of shared) {
      if (n < QUOTE_MIN_SHARED || !isReuse(all[x]!, all[y]!)) continue;
      reused.add(x).add(y);
      const [rx, ry] = [root(x), root(y)];
      if (rx !== ry) group.set(all[Math.max(rx, ry)]!, Math.min(rx, ry));
    }
  }
  const indexOf = new Map(all.map((q, k) => [q, k]));
  const reusedIn = quotes.map((list) => new Set(list.filter((q) => reused.has(indexOf.get(q)!)).map((q) => root(indexOf.get(q)!))));
  const keys = predicateKeys(preds);
  const compute = (i: number, j: number): Scored => {
    const ri = reusedIn[i]!;
    const rj = reusedIn[j]!;
    if ((ri.size && rj.size && ![...ri].some((g) => rj.has(g))) || (o.time && timesConflict(times[i]!, times[j]!, slack))) return ZERO;
    let quotation = 0;
    for (const qa of quotes[i]!) for (const qb of quotes[j]!) if (isReuse(qa, qb)) quotation = Math.max(quotation, quoteOverlap(qa, qb).containment);
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    let predicate = bestPredicateMatchKeyed(preds[lo]!, keys[lo]!, preds[hi]!, keys[hi]!, embeddings, o.predicateVector);
    // A pair without a shared predicate or quotation scores 0, and nothing reads the rest of a
    // 0-scored pair (links, anchors and occasions need a positive score or a predicate): its
    // overlap, the costliest part, is not computed.
    if (o.predicates && predicate === null && quotation === 0) return ZERO;
    const ov = overlap(vectors[i]!, vectors[j]!, w, o.entityFloor);
    // A predicate matched by word vectors below predicateVectorAlone counts only with a rare named participant
    // shared (who it happened to); else the best match at that stricter cosine, if any.
    if (predicate?.how === 'vector' && predicate.similarity < o.predicateVectorAlone && ov.names <= 0) {
      predicate = bestPredicateMatchKeyed(preds[lo]!, keys[lo]!, preds[hi]!, keys[hi]!, embeddings, o.predicateVectorAlone);
      if (o.predicates && predicate === null && quotation === 0) return ZERO;
    }
    const cosine = context(i, j, ov.cosine);
    const fi = figureKeys[i]!;
    const fj = figureKeys[j]!;
    const sharedFigures = fi.length && fj.length ? fi.filter((k) => fj.includes(k)) : [];
    const entityScore = o.entity * ov.names;
    const score = cosine + o.figureBonus * Math.min(3, sharedFigures.length) + o.quoteBonus * quotation + entityScore;
    return {
      score,
      cosine,
      evidence: ov.evidence,
      shared: ov.shared,
      entities: ov.entities,
      entityScore,
      other: ov.other,
      figures: sharedFigures,
      quotation,
      predicate,
    };
  };
  /**
   * The pair's score with its evidence, computed again on each call (the same values: every part
   * of it is symmetric in the two units, and it is computed with the lower unit first).
   */
  const score = (i: number, j: number): Scored => (i < j ? compute(i, j) : compute(j, i));
  /** The pair's score when it shares a predicate, else null (remembered). */
  const predicateScore = (i: number, j: number): number | null => {
    const key = Math.min(i, j) * n + Math.max(i, j);
    let v = known.get(key);
    if (v === undefined) {
      const s = score(i, j);
      known.set(key, (v = s.predicate ? s.score : null));
    }
    return v;
  };
  return { score, predicateScore };
}

/** Index terms of each unit: stems, paraphrase-set terms and actor terms (see AlignOptions). */
export function unitTerms(
  article: AnalysedArticle,
  units: readonly Unit[],
  lexicons: Lexicons | undefined,
  o: Pick<AlignOptions, 'paraphrase' | 'actor'>,
  table: ParaphraseTable | null,
): TermHit[][] {
  const actors = lexicons && o.actor > 0 ? lexicons.match(article, 'actors') : [];
  // Token ranges of the actor matches (sorted by start), looked up per unit.
  const actorSpans = actors.map((m) => ({ start: m.tokenStart, end: m.tokenEnd, m }));
  const termLexicon = loadTermLexicon(lexicons);
  return units.map((u) => {
    const hits = termsOf(article.tokens, u.tokenStart, u.tokenEnd, termLexicon);
    if (table && o.paraphrase > 0) {
      for (const p of paraphrasesOf(table, article.tokens, u.tokenStart, u.tokenEnd))
        hits.push({ term: `~${p.set}`, proper: false, group: p.tokenStart, weight: o.paraphrase });
    }
    for (const { m } of overlapping(actorSpans, u.tokenStart, u.tokenEnd)) {
      if (m.tokenStart < u.tokenStart || m.tokenEnd > u.tokenEnd) continue;
      // The actor term joins the proper-name run it starts in (Yevgeny Prigozhin), so the run counts once.
      let g = m.tokenStart;
      while (g > u.tokenStart && article.tokens[g - 1]!.pos === 'PROPN' && article.tokens[g]!.pos === 'PROPN') g--;
      hits.push({ term: `@${m.entry.id}`, proper: false, group: g, weight: o.actor });
    }
    return hits;
  });
}

/**
 * Units, vectors, figures, quotations and the pair scorer of a set of articles (sorted by id).
 * With one article nothing can link (links join units of different articles): only the units,
 * their figures and quotations are made, and the pair scorer, term vectors, predicates and times,
 * which only links read, are left out (most stories of a corpus run have one article).
 */
export function buildModel(sorted: readonly AnalysedArticle[], lexicons: Lexicons | undefined, o: AlignOptions) {
  if (sorted.length === 1) return singleModel(sorted[0]!, lexicons);
  const table = o.paraphrase > 0 ? loadParaphrases(lexicons) : null;
  const predicateLexicon = loadPredicates(lexicons);
  const timeLexicon = loadTimeLexicon(lexicons);
  const termLexicon = loadTermLexicon(lexicons);
  const embeddings = o.predicateVector < 1 ? loadEmbeddings() : null;
  const preds: Predicate[][] = [];
  const times: (TimeSpan | null)[] = [];
  const units: Unit[] = [];
  const figures: Figure[][] = [];
  const quotes: QuoteRef[][] = [];
  const allQuotes: QuoteRef[] = [];
  const hits: TermHit[][] = [];
  const places = new Set<string>();
  for (const a of sorted) {
    checkBudget('alignment');
    if (lexicons && o.places > 0) placeTerms(a, lexicons, termLexicon, places);
    const fig = figuresOf(a, lexicons);
    const qs = quotesOf(a, termLexicon);
    allQuotes.push(...qs);
    const us = unitsOf(a, predicateLexicon);
    hits.push(...unitTerms(a, us, lexicons, o, table));
    // Looked up per unit through sorted spans, not by scanning the article's list for each unit.
    const figSpans = sortSpans(fig.map((f, k) => ({ start: f.start, end: f.end, k })));
    const quoteSpans = sortSpans(qs.map((q, k) => ({ start: q.innerStart, end: q.innerEnd, k })));
    const inOrder = <T>(list: readonly T[], hits: { k: number }[]) =>
      hits
        .map((h) => h.k)
        .sort((x, y) => x - y)
        .map((k) => list[k]!);
    const ref = referenceDay(a, fig);
    const common = lowerCaseWords(a.tokens);
    for (const u of us) {
      checkBudget('alignment');
      units.push(u);
      const uf = inOrder(fig, overlapping(figSpans, u.start, u.end)).filter((f) => f.start >= u.start && f.end <= u.end);
      figures.push(uf);
      quotes.push(inOrder(qs, overlapping(quoteSpans, u.start, u.end)));
      preds.push(
        isAddress(a.tokens, u)
          ? []
          : predicatesOf(
              a.tokens,
              u.tokenStart,
              u.tokenEnd,
              predicateLexicon,
              table ?? loadParaphrases(lexicons),
              embeddings,
              termLexicon,
              u.heading ? common : undefined,
            ),
      );
      times.push(timeOf(a.tokens, u.tokenStart, u.tokenEnd, uf, ref?.day ?? null, timeLexicon, u.heading, a.text));
    }
    // A quotation was said when its frame says ("…,” Lavrov said on June 5): it takes the frame's
    // date or time phrase over the tense of its own words.
    for (let k = units.length - us.length; k < units.length - 1; k++) {
      const [q, f] = [units[k]!, units[k + 1]!];
      const tf = times[k + 1];
      if (
        q.part === 'quotation' &&
        f.part === 'frame' &&
        q.sentence === f.sentence &&
        tf &&
        tf.source !== 'tense' &&
        (!times[k] || times[k]!.source === 'tense')
      )
        times[k] = tf;
    }
  }
  const w = weighting(hits);
  const vectors = hits.map((h) => vectorOf(h, w));
  const cosines = embeddings
    ? rememberingCosines(
        embeddings,
        preds.flatMap((list) => list.map((p) => p.row)),
      )
    : null;
  const { score, predicateScore } = scorer(
    vectors,
    contextOf(sorted, units, vectors, o.context),
    w,
    figures,
    quotes,
    preds,
    times,
    cosines,
    timeLexicon.slack,
    o,
  );
  return { units, vectors, figures, quotes, allQuotes, score, predicateScore, weighting: w, times, preds, places };
}

/**
 * Terms that name a place in `a`, added to `into`: each state of the actor lexicon that the article
 * names (a country, its capital or government) as its actor term (`@mali`) and the stems of the
 * proper-name run it stands in (*Burkina Faso*). See AlignOptions.places.
 */
function placeTerms(a: AnalysedArticle, lexicons: Lexicons, termLexicon: TermLexicon, into: Set<string>): void {
  const toks = a.tokens;
  for (const m of lexicons.match(a, 'actors')) {
    if (m.entry.category !== 'state') continue;
    into.add(`@${m.entry.id}`);
    let from = m.tokenStart;
    let to = m.tokenEnd;
    while (from > 0 && toks[from - 1]!.pos === 'PROPN' && toks[from]!.pos === 'PROPN') from--;
    while (to < toks.length && toks[to - 1]!.pos === 'PROPN' && toks[to]!.pos === 'PROPN') to++;
    for (const h of termsOf(toks, from, to, termLexicon)) if (h.proper) into.add(h.term);
  }
}

/** The model of one article: its units, figures and quotations; no scorer, links need two articles. */
function singleModel(a: AnalysedArticle, lexicons: Lexicons | undefined) {
  checkBudget('alignment');
  const fig = figuresOf(a, lexicons);
  const qs = quotesOf(a, loadTermLexicon(lexicons));
  const us = unitsOf(a, loadPredicates(lexicons));
  const figSpans = sortSpans(fig.map((f, k) => ({ start: f.start, end: f.end, k })));
  const quoteSpans = sortSpans(qs.map((q, k) => ({ start: q.innerStart, end: q.innerEnd, k })));
  const inOrder = <T>(list: readonly T[], hits: { k: number }[]) =>
    hits
      .map((h) => h.k)
      .sort((x, y) => x - y)
      .map((k) => list[k]!);
  const figures: Figure[][] = [];
  const quotes: QuoteRef[][] = [];
  for (const u of us) {
    checkBudget('alignment');
    figures.push(inOrder(fig, overlapping(figSpans, u.start, u.end)).filter((f) => f.start >= u.start && f.end <= u.end));
    quotes.push(inOrder(qs, overlapping(quoteSpans, u.start, u.end)));
  }
  const vectors: TermVector[] = us.map(() => ({ terms: [], weights: [], groups: [], proper: [] }));
  const times: (TimeSpan | null)[] = us.map(() => null);
  const score = (_i: number, _j: number): Scored => {
    throw new Error('alignment: no pairs in one article');
  };
  const predicateScore = (i: number, j: number): number | null => score(i, j).score;
  return {
    units: us,
    vectors,
    figures,
    quotes,
    allQuotes: qs,
    score,
    predicateScore,
    weighting: null,
    times,
    preds: [] as Predicate[][],
    places: null as Set<string> | null,
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
  lexicons?: Lexicons,
  options: Partial<AlignOptions> = {},
): Alignment {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const sorted = [...articles].sort((a, b) => byId(a.id, b.id) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { units, vectors, figures, allQuotes, score, predicateScore, times, weighting: w, places, preds } = buildModel(sorted, lexicons, o);
  // Pairs (key i·n + j, i < j: candidatePairs gives i < j) whose shared names are all places and whose
  // other shared evidence is below `places`, or whose only shared content is one noun: the attach step
  // does not count them (see AlignOptions.places and AlignOptions.oneWord).
  const uncounted = new Set<number>();
  const tokensByArticle = new Map(sorted.map((a) => [a.id, a.tokens]));
  const owner = units.map((u) => u.article);
  const canon = contentRanks(sorted, units);

  // Candidate pairs: units sharing a not-too-frequent term. Pairs that are not candidates count
  // as score 0 in the average linkage below (they share only very frequent terms, if any). The
  // document-frequency cap stops growing at MAX_CANDIDATE_DF, so the pairs scored grow about
  // linearly with the number of units (at most units · terms per unit · the cap).
  const maxDf = candidateDfCap(units.length);
  const pairs = candidatePairs(vectors, owner, maxDf);
  const edges: { i: number; j: number; s: Scored }[] = [];
  const between = new Map<number, Map<number, number>>(units.map((_, i) => [i, new Map()]));
  const adjacency: [number, number][][] = units.map(() => []);
  // Anchored links (see anchoredLinks) come from the pairs scored here: those that qualify but for
  // being each other's best are kept with their score (key i·n + j), not scored a second time.
  const anchors =
    o.anchor > 0 && lexicons
      ? new Set(
          lexicons
            .entries('actors')
            .filter((e) => e.category !== 'state' && e.category !== 'group')
            .map((e) => `@${e.id}`),
        )
      : null;
  const anchorable = new Map<number, { i: number; j: number; s: Scored }>();
  for (let p = 0; p < pairs.length; p += 2) {
    checkBudget('alignment');
    const i = pairs[p]!;
    const j = pairs[p + 1]!;
    const s = score(i, j);
    if (s.score <= 0) continue;
    between.get(i)!.set(j, s.score);
    between.get(j)!.set(i, s.score);
    adjacency[i]!.push([j, s.score]);
    adjacency[j]!.push([i, s.score]);
    if (places?.size && s.entities.length && s.other < o.places && s.entities.every((t) => places.has(t))) uncounted.add(i * units.length + j);
    // One shared noun and nothing else says what a story is about, not what happened (see AlignOptions.oneWord).
    else if (o.oneWord && oneNounPair(s, tokensByArticle, units[i]!.article, units[j]!.article)) uncounted.add(i * units.length + j);
    if (isLink(s, o)) edges.push({ i, j, s });
    else if (anchors && s.score >= o.anchor) {
      const anchor = anchoredBy(s, anchors);
      if (anchor) anchorable.set(i * units.length + j, { i, j, s: { ...s, anchor } });
    }
  }
  if (anchors) edges.push(...anchoredLinks(units, adjacency, canon, anchorable));
  // Ties: on the content ranks of the two units (not on their ids), so swapping two articles' ids
  // merges in the same order.
  const lo = (e: { i: number; j: number }) => Math.min(canon[e.i]!, canon[e.j]!);
  const hi = (e: { i: number; j: number }) => Math.max(canon[e.i]!, canon[e.j]!);
  edges.sort((x, y) => y.s.score - x.s.score || lo(x) - lo(y) || hi(x) - hi(y));
  for (const list of adjacency) list.sort((p, q) => canon[p[0]]! - canon[q[0]]!);

  // Greedy average linkage over the links, strongest first: two clusters merge when the mean
  // score of their cross-article unit pairs reaches `merge`. `between` keeps the summed
  // scores between clusters, updated on every merge.
  const cluster = units.map((_, i) => i);
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  const perArticle = new Map<number, Map<string, number>>(units.map((u, i) => [i, new Map([[u.article, 1]])]));
  const used = new Map<number, { i: number; j: number; s: Scored }[]>(units.map((_, i) => [i, []]));
  const crossPairs = (a: number, b: number) => {
    const A = perArticle.get(a)!;
    const B = perArticle.get(b)!;
    let same = 0;
    for (const [art, c] of A) same += c * (B.get(art) ?? 0);
    return members.get(a)!.length * members.get(b)!.length - same;
  };
  const join = (ca: number, cb: number, e: { i: number; j: number; s: Scored }) => {
    const [keep, drop] = ca < cb ? [ca, cb] : [cb, ca];
    for (const x of members.get(drop)!) cluster[x] = keep;
    members.set(
      keep,
      [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y),
    );
    members.delete(drop);
    const pk = perArticle.get(keep)!;
    for (const [art, c] of perArticle.get(drop)!) pk.set(art, (pk.get(art) ?? 0) + c);
    perArticle.delete(drop);
    const bk = between.get(keep)!;
    for (const [other, v] of between.get(drop)!) {
      if (other === keep) continue;
      bk.set(other, (bk.get(other) ?? 0) + v);
      const bo = between.get(other)!;
      bo.delete(drop);
      bo.set(keep, (bo.get(keep) ?? 0) + v);
    }
    bk.delete(drop);
    between.delete(drop);
    used.get(keep)!.push(...used.get(drop)!, e);
    used.delete(drop);
  };
  for (const e of edges) {
    checkBudget('alignment');
    const ca = cluster[e.i]!;
    const cb = cluster[e.j]!;
    if (ca === cb) continue;
    const count = crossPairs(ca, cb);
    const sum = between.get(ca)!.get(cb) ?? 0;
    // An anchored link joins at the anchor score (it is below the plain link and merge scores by design).
    if (count > 0 && sum / count < (e.s.anchor ? o.anchor : o.merge)) continue;
    join(ca, cb, e);
  }

  // Occasions: two events of several articles each are one happening told in parts (the visit, what
  // was agreed there, the press conference) when their cross-article pairs score `regroup` on
  // average, no two of their members have conflicting times, both are placed in time by a date or
  // a time phrase (not by tense alone), and a pair of them shares a predicate. Two such events also
  // join, whatever their mean, when each has a member dated to one and the same day by a date in the
  // text and a member of each names one rare participant (not a state; a quotation names its
  // frame's): one day, one participant, one occasion. Same-day occasions first, then strongest first.
  if (o.regroup > 0) {
    const dated = (x: number) => times[x] !== null && times[x]!.source !== 'tense';
    // A day the text names (a date, not a tense or a month): the unit's time is that one day.
    const day = (x: number) => (times[x] && times[x].source === 'date' && times[x].from === times[x].to ? times[x].from : null);
    // Rare participants of a unit: entity terms (actor ids, proper names) whose normalised idf reaches entityFloor, not states.
    const maxIdf = w ? Math.log(1 + w.units) : 1;
    const states = new Set(
      lexicons
        ? lexicons
            .entries('actors')
            .filter((e) => e.category === 'state')
            .map((e) => `@${e.id}`)
        : [],
    );
    const calendar = new Set([...loadPredicates(lexicons).nouns].map(stem));
    const ownParticipants = (x: number) =>
      vectors[x]!.terms.filter((t, k) => isEntity(vectors[x]!, k) && !states.has(t) && !calendar.has(t) && idf(w!, t) / maxIdf >= o.entityFloor);
    // A quotation's participants include its frame's (the speaker, the place it was said).
    const known = new Map<number, string[]>();
    const participants = (x: number) => {
      let list = known.get(x);
      if (!list) {
        const f = units[x + 1];
        list = [
          ...ownParticipants(x),
          ...(units[x]!.part === 'quotation' && f?.part === 'frame' && f.sentence === units[x]!.sentence && f.article === units[x]!.article
            ? ownParticipants(x + 1)
            : []),
        ];
        known.set(x, list);
      }
      return list;
    };
    const sameDayOccasion = (A: readonly number[], B: readonly number[]) => {
      const daysA = new Set<number | null>(A.map(day).filter((d) => d !== null));
      if (daysA.size === 0 || !B.some((y) => daysA.has(day(y)))) return false;
      const names = new Set(A.flatMap(participants));
      return B.some((y) => participants(y).some((t) => names.has(t)));
    };
    const slack = loadTimeLexicon(lexicons).slack;
    for (;;) {
      checkBudget('alignment');
      let best: { ca: number; cb: number; mean: number; i: number; j: number } | null = null;
      const multi = [...perArticle.entries()]
        .filter(([, m]) => m.size > 1)
        .map(([c]) => c)
        .sort((x, y) => canon[members.get(x)![0]!]! - canon[members.get(y)![0]!]!);
      const isMulti = new Set(multi);
      for (const ca of multi) {
        for (const [cb, sum] of [...between.get(ca)!.entries()].sort((x, y) => x[0] - y[0])) {
          if (cb <= ca || !isMulti.has(cb)) continue;
          const A = members.get(ca)!;
          const B = members.get(cb)!;
          const mean = sum / crossPairs(ca, cb) + (sameDayOccasion(A, B) ? 1 : 0);
          if (mean < o.regroup || (best && mean <= best.mean + 1e-12)) continue;
          if (!A.some(dated) || !B.some(dated)) continue;
          let ok = true;
          let top: { i: number; j: number; v: number } | null = null;
          for (const x of A) {
            for (const y of B) {
              if (units[x]!.article === units[y]!.article) continue;
              if (timesConflict(times[x]!, times[y]!, slack)) ok = false;
              const v = predicateScore(x, y);
              if (v !== null && (!top || v > top.v + 1e-12)) top = { i: x, j: y, v };
            }
          }
          if (ok && top) best = { ca, cb, mean, i: top.i, j: top.j };
        }
      }
      if (!best) break;
      join(cluster[best.i]!, cluster[best.j]!, { i: best.i, j: best.j, s: score(best.i, best.j) });
    }
  }

  // A unit that also reports a multi-article event other than its own (its mean score to that
  // event's members in other articles reaches `attach`) is a mention of that event too: a sentence
  // can tell of more than one happening (an arrest and the shooting it follows), but of few, so a
  // unit is a mention of at most MAX_EVENTS_PER_UNIT events, the best-scoring ones (ties: the event
  // whose first member ranks lowest by content). Without the bound a sentence sharing a predicate
  // with many unrelated stories joined all of them, and events grew as units × events. A unit left
  // alone by the links (a one-mention event) moves into the best of them rather than staying in
  // its own event as well. With fewer than MIN_CONTEXT_ARTICLES articles the mean must rest on at
  // least two members in other articles: one pair alone is too noisy to add a mention by.
  const isMultiEvent = (c: number) => perArticle.get(c)!.size > 1;
  /** Events (cluster keys) of each unit beside its own cluster. */
  const also = units.map((): number[] => []);
  const eventsOf = (x: number) => (isMultiEvent(cluster[x]!) ? 1 : 0) + also[x]!.length;
  const addTo = (x: number, c: number) => {
    const own = cluster[x]!;
    if (own === c || also[x]!.includes(c)) return;
    if (!isMultiEvent(own)) {
      // A one-mention event: the unit moves.
      members.delete(own);
      perArticle.delete(own);
      cluster[x] = c;
    } else also[x]!.push(c);
    members.set(
      c,
      [...members.get(c)!, x].sort((p, q) => p - q),
    );
    const pc = perArticle.get(c)!;
    pc.set(units[x]!.article, (pc.get(units[x]!.article) ?? 0) + 1);
  };
  if (o.attach > 0) {
    const least = sorted.length >= MIN_CONTEXT_ARTICLES ? 1 : 2;
    const slack = loadTimeLexicon(lexicons).slack;
    const multi = new Set([...perArticle.keys()].filter(isMultiEvent));
    const firstRank = new Map([...multi].map((c) => [c, Math.min(...members.get(c)!.map((y) => canon[y]!))]));
    const moves: [number, number][] = [];
    units.forEach((u, x) => {
      checkBudget('alignment');
      const sums = new Map<number, number>();
      for (const [y, v] of adjacency[x]!) {
        const c = cluster[y]!;
        // A pair that shares only places by name and little else says nothing of what happened.
        if (uncounted.size && uncounted.has(Math.min(x, y) * units.length + Math.max(x, y))) continue;
        if (c !== cluster[x] && multi.has(c)) sums.set(c, (sums.get(c) ?? 0) + v);
      }
      const found: { c: number; mean: number }[] = [];
      for (const [c, sum] of sums) {
        const others = members.get(c)!.length - (perArticle.get(c)!.get(u.article) ?? 0);
        if (others < least || sum / others < o.attach) continue;
        // Not when its time is apart from most of the event's members (another happening of the same kind).
        if (members.get(c)!.filter((y) => timesConflict(times[x]!, times[y]!, slack)).length * 2 > members.get(c)!.length) continue;
        found.push({ c, mean: sum / others });
      }
      found.sort((p, q) => q.mean - p.mean || firstRank.get(p.c)! - firstRank.get(q.c)!);
      const room = MAX_EVENTS_PER_UNIT - (multi.has(cluster[x]!) ? 1 : 0);
      for (const f of found.slice(0, room)) moves.push([x, f.c]);
    });
    for (const [x, c] of moves) addTo(x, c);
  }

  // A quotation standing alone right after a quoted sentence goes on with the same speaker's words
  // (“…,” Lavrov said. “We have supplied …”): it joins the multi-article events of the quotation
  // before it (in text order, so a run of them follows) when it shares a predicate with one of
  // their members in another article (a positive score), up to MAX_EVENTS_PER_UNIT events.
  {
    const tokensOf = new Map(sorted.map((a) => [a.id, a.tokens]));
    units.forEach((u, x) => {
      if (!isBareQuotation(tokensOf.get(u.article)!, u)) return;
      let p = x - 1;
      while (p >= 0 && units[p]!.article === u.article && units[p]!.sentence === u.sentence - 1 && units[p]!.part === 'frame') p--;
      const before = units[p];
      if (
        !before ||
        before.article !== u.article ||
        before.sentence !== u.sentence - 1 ||
        !(before.part === 'quotation' || isBareQuotation(tokensOf.get(u.article)!, before))
      )
        return;
      const scored = new Set(adjacency[x]!.filter(([y]) => units[y]!.article !== u.article).map(([y]) => y));
      for (const c of [cluster[p]!, ...also[p]!]) {
        if (eventsOf(x) >= MAX_EVENTS_PER_UNIT) break;
        if (isMultiEvent(c) && members.get(c)!.some((y) => scored.has(y))) addTo(x, c);
      }
    });
  }

  const articleOf = (id: string) => sorted.find((a) => a.id === id)!;
  const articleText = (id: string) => articleOf(id).text;
  const reuse = reuseGroups(allQuotes, articleText, findings);
  let clusters: [number, number[], { i: number; j: number; s: Scored }[]][] = [...members.entries()].map(([key, list]) => [key, list, used.get(key)!]);
  if (o.chains) clusters = mentionChains(clusters, units, preds, score, (c) => perArticle.get(c)!.size >= MIN_CONTEXT_ARTICLES, canon);
  clusters.sort((x, y) => x[1][0]! - y[1][0]! || x[1].length - y[1].length || x[1].join().localeCompare(y[1].join()));
  const events: Event[] = clusters.map(([, list, usedLinks], k) => {
    checkBudget('alignment');
    const mentions = list.map((x) => ({ article: units[x]!.article, start: units[x]!.start, end: units[x]!.end, text: units[x]!.text }));
    const pos = new Map(list.map((x, m) => [x, m]));
    const links: EventLink[] = usedLinks
      .map((e) => ({
        a: Math.min(pos.get(e.i)!, pos.get(e.j)!),
        b: Math.max(pos.get(e.i)!, pos.get(e.j)!),
        score: r4(e.s.score),
        cosine: r4(e.s.cosine),
        shared: e.s.shared,
        ...(e.s.figures.length ? { figures: e.s.figures } : {}),
        ...(e.s.quotation > 0 ? { quotation: r4(e.s.quotation) } : {}),
        ...(e.s.entities.length ? { entities: e.s.entities, entityScore: r4(e.s.entityScore) } : {}),
        ...(e.s.anchor ? { anchor: e.s.anchor } : {}),
        ...(e.s.predicate ? { predicate: predicateOf(e.s.predicate, e.i < e.j ? e.i : e.j) } : {}),
        ...(times[e.i] || times[e.j] ? { times: timesOf(times, pos.get(e.i)! < pos.get(e.j)! ? [e.i, e.j] : [e.j, e.i]) } : {}),
      }))
      .sort((x, y) => x.a - y.a || x.b - y.b);
    const numbers = list.flatMap((x) => figures[x]!);
    const quoteReuse: QuoteReuse[] = reuse.filter((r) =>
      r.variants.some((v) => list.some((x) => units[x]!.article === v.article && v.start < units[x]!.end && v.end > units[x]!.start)),
    );
    const conflicts: FigureConflict[] = figureConflicts(numbers);
    const event: Event = {
      id: `e${k + 1}`,
      label: labelOf(units, articleOf(units[centralOf(list, vectors, units)]!.article), centralOf(list, vectors, units), loadPredicates(lexicons)),
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
    const mine = e.quoteReuse.filter((r) => !claimed.has(r));
    mine.forEach((r) => claimed.add(r));
    if (mine.length) e.quoteReuse = mine;
    else delete e.quoteReuse;
  }
  return {
    events,
    omissions: omissionsOf(
      sorted.map((a) => a.id),
      events,
    ),
    sources: alignmentSources(o),
  };
}

/**
 * Mention chains of the multi-article events (AlignOptions.chains): per event, the members holding one
 * predicate key (a stem, or a paraphrase set) that one of the event's links matched on (the happening words
 * that made the event) form a chain when they come from two or more articles; chains
 * whose members another chain holds too are left out (they add no pair). Each chain is an event whose links
 * join every member to its best-scoring member of another article in the chain (the shared happening word
 * shows in the link's predicate). A member in no chain shares no happening word with the event's other
 * articles: it leaves the event, and stands alone when it is in no other event.
 */
function mentionChains(
  clusters: [number, number[], { i: number; j: number; s: Scored }[]][],
  units: readonly Unit[],
  preds: readonly Predicate[][],
  score: (i: number, j: number) => Scored,
  split: (c: number) => boolean,
  canon: readonly number[],
): [number, number[], { i: number; j: number; s: Scored }[]][] {
  const keysOf = (x: number) => new Set((preds[x] ?? []).flatMap((p) => [`s:${p.stem}`, ...(p.set ? [`p:${p.set}`] : [])]));
  const out: [number, number[], { i: number; j: number; s: Scored }[]][] = [];
  const placed = new Set<number>();
  const all = new Set<number>();
  const split2: [number, number[]][] = [];
  for (const c of clusters) {
    const [key, list] = c;
    list.forEach((x) => all.add(x));
    if (!split(key)) {
      out.push(c);
      list.forEach((x) => placed.add(x));
      continue;
    }
    const byKey = new Map<string, number[]>();
    // The keys a link's two units share (all of them: which one the link shows depends on which unit is lower), and
    // the two words of a word-vector match.
    const linkKeys = new Set<string>();
    for (const e of c[2]) {
      const kj = keysOf(e.j);
      for (const k of keysOf(e.i)) if (kj.has(k)) linkKeys.add(k);
      if (e.s.predicate?.how === 'vector')
        for (const q of [e.s.predicate.a, e.s.predicate.b]) [`s:${q.stem}`, ...(q.set ? [`p:${q.set}`] : [])].forEach((k) => linkKeys.add(k));
    }
    for (const x of list) for (const k of [...keysOf(x)].sort()) if (linkKeys.has(k)) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(x);
    const chains = [...byKey.values()].filter((m) => new Set(m.map((x) => units[x]!.article)).size > 1);
    const sig = (m: number[]) => m.join(',');
    const unique = [...new Map(chains.map((m) => [sig(m), m])).values()];
    const kept = unique.filter((m) => !unique.some((n) => n !== m && n.length > m.length && m.every((x) => n.includes(x))));
    for (const m of kept) split2.push([key, m]);
  }
  // A unit is a mention of at most MAX_EVENTS_PER_UNIT events: of its events, it keeps the largest (ties: the one
  // whose first member comes first); a chain left with one article is no event.
  const count = new Map<number, number>();
  for (const [, list] of out) if (list.length > 1) for (const x of list) count.set(x, (count.get(x) ?? 0) + 1);
  // Ties on the members' content ranks, not on their indices (which follow the article ids).
  const ranks = split2.map(([, m]) => m.map((x) => canon[x]!).sort((p, q) => p - q));
  const byRanks = (p: number, q: number) => {
    const [a, b] = [ranks[p]!, ranks[q]!];
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return a.length - b.length;
  };
  const order = split2.map((_, k) => k).sort((p, q) => split2[q]![1].length - split2[p]![1].length || byRanks(p, q));
  const dropped = new Map<number, Set<number>>();
  for (const k of order)
    for (const x of split2[k]![1]) {
      const n = (count.get(x) ?? 0) + 1;
      if (n > MAX_EVENTS_PER_UNIT) (dropped.get(k) ?? dropped.set(k, new Set()).get(k)!).add(x);
      else count.set(x, n);
    }
  split2.forEach(([key, all0], k) => {
    const m = all0.filter((x) => !dropped.get(k)?.has(x));
    if (new Set(m.map((x) => units[x]!.article)).size < 2) return;
    const links: { i: number; j: number; s: Scored }[] = [];
    for (const x of m.slice(1)) {
      let best: { i: number; j: number; s: Scored } | null = null;
      for (const y of m) {
        if (y === x || units[y]!.article === units[x]!.article) continue;
        const s = score(x, y);
        if (
          s.predicate &&
          (!best || s.score > best.s.score + 1e-12 || (Math.abs(s.score - best.s.score) <= 1e-12 && canon[y]! < canon[best.i === x ? best.j : best.i]!))
        )
          best = { i: Math.min(x, y), j: Math.max(x, y), s };
      }
      if (best && !links.some((l) => l.i === best.i && l.j === best.j)) links.push(best);
    }
    out.push([key, m, links]);
    m.forEach((x) => placed.add(x));
  });
  for (const x of [...all].sort((p, q) => p - q)) if (!placed.has(x)) out.push([-1 - x, [x], []]);
  return out;
}

/** True for a unit that is a web address written out ("www . example . com / 2013 / …"): it reports no happening. */
function isAddress(tokens: readonly Token[], u: Unit): boolean {
  if (!/\b(https?|www)\b|\.\s*(com|org|net)\b/i.test(u.text)) return false;
  let punct = 0;
  for (let k = u.tokenStart; k < u.tokenEnd; k++) if (tokens[k]!.type !== 'word' && tokens[k]!.type !== 'number') punct++;
  return punct * 3 >= u.tokenEnd - u.tokenStart;
}

/** The predicate match of a link, as words (the lower unit's word first). */
function predicateOf(m: PredicateMatch, _lower: number): NonNullable<EventLink['predicate']> {
  return { a: m.a.word, b: m.b.word, how: m.how, similarity: r4(m.similarity) };
}

/** The times of two units, as shown on a link. */
function timesOf(times: readonly (TimeSpan | null)[], [x, y]: [number, number]): [string | null, string | null] {
  const d = (t: TimeSpan | null) => (t ? describeTime(t) : null);
  return [d(times[x]!), d(times[y]!)];
}

/**
 * Anchored links: pairs of units of two articles that are each other's best-scoring unit in the
 * other article (ties: the lower content rank), share an actor of `anchors` (organisations and
 * persons: not states, which a story names in most sentences, nor groups, which stand for whatever
 * an outlet calls them) while some shared entity is rare enough to add to the score, match on
 * predicates that are heads (not a noun modifying another: "defense cooperation" / "defense pact"),
 * and score at least `o.anchor`; they join clusters whose mean reaches `o.anchor`. They catch one event told in
 * other words around the same actor (a force's first instructors arriving / its troops replacing
 * others), below the plain link score.
 */
function anchoredLinks(
  units: readonly Unit[],
  adjacency: readonly [number, number][][],
  canon: readonly number[],
  anchorable: ReadonlyMap<number, { i: number; j: number; s: Scored }>,
) {
  const out: { i: number; j: number; s: Scored }[] = [];
  if (anchorable.size === 0) return out;
  // best.get(i * articles + article index) = the unit of that article with i's highest score.
  const articleIndex = new Map([...new Set(units.map((u) => u.article))].map((a, k) => [a, k]));
  const n = articleIndex.size;
  const best = new Map<number, [number, number]>();
  units.forEach((_, i) => {
    for (const [j, v] of adjacency[i]!) {
      const key = i * n + articleIndex.get(units[j]!.article)!;
      const b = best.get(key);
      if (!b || v > b[1] || (v === b[1] && canon[j]! < canon[b[0]]!)) best.set(key, [j, v]);
    }
  });
  units.forEach((u, i) => {
    for (const [j] of adjacency[i]!) {
      if (j < i) continue;
      const link = anchorable.get(i * units.length + j);
      if (!link) continue;
      if (best.get(i * n + articleIndex.get(units[j]!.article)!)?.[0] !== j && best.get(j * n + articleIndex.get(u.article)!)?.[0] !== i) continue;
      out.push(link);
    }
  });
  return out;
}

/** The anchor of a pair that is no plain link but scores at least `o.anchor` (see anchoredLinks), if it qualifies: a shared actor of `anchors`, a rare shared entity adding to the score, predicates that are heads. */
function anchoredBy(s: Scored, anchors: ReadonlySet<string>): string | undefined {
  const anchor = s.entities.find((t) => anchors.has(t));
  const heads = s.predicate && !s.predicate.a.modifier && !s.predicate.b.modifier;
  return anchor && heads && s.entityScore > 0 ? anchor : undefined;
}

/**
 * Rank of each unit by content: (sha1 of its article's text, start offset), the article's id
 * only breaking ties between identical texts. Used for every tie-break that decides grouping.
 */
function contentRanks(sorted: readonly AnalysedArticle[], units: readonly Unit[]): number[] {
  const hash = new Map(sorted.map((a) => [a.id, createHash('sha1').update(a.text).digest('hex')]));
  const order = units.map((_, i) => i);
  const key = (i: number) => hash.get(units[i]!.article)!;
  order.sort((x, y) => {
    const hx = key(x);
    const hy = key(y);
    return hx < hy ? -1 : hx > hy ? 1 : x - y;
  });
  const rank = new Array<number>(units.length);
  order.forEach((x, r) => (rank[x] = r));
  return rank;
}

/** Per article id: the ids of the multi-article events (reported by two or more articles) it leaves out. */
export function omissionsOf(articleIds: readonly string[], events: readonly Event[]): Record<string, string[]> {
  const multi = events.filter((e) => e.articles.length > 1);
  return Object.fromEntries(articleIds.map((id) => [id, multi.filter((e) => !e.articles.includes(id)).map((e) => e.id)]));
}

/** The member closest to the cluster's centroid (a body sentence rather than a heading when it has one). */
function centralOf(list: number[], vectors: TermVector[], units: Unit[]): number {
  const pool = list.some((x) => !units[x]!.heading) ? list.filter((x) => !units[x]!.heading) : list;
  const centroid = new Map<string, number>();
  for (const x of list) vectors[x]!.terms.forEach((t, k) => centroid.set(t, (centroid.get(t) ?? 0) + vectors[x]!.weights[k]!));
  let best = pool[0]!;
  let bestDot = -1;
  for (const x of pool) {
    let dot = 0;
    vectors[x]!.terms.forEach((t, k) => (dot += vectors[x]!.weights[k]! * centroid.get(t)!));
    if (dot > bestDot + 1e-12) {
      best = x;
      bestDot = dot;
    }
  }
  return best;
}

/** Longest label (characters, before the ellipsis). */
const LABEL_MAX = 60;
/** Characters of plain text flattened first for a label (see labelOf); a longer mention is read whole only when they flatten to too few. */
const LABEL_PREFIX = 2 * (LABEL_MAX + 3);

/** Tokens that open a fronted phrase before the subject ("As a reminder, …", "Since a coup in 2022, …", "According to X, …"). */
const FRONTED_POS = new Set(['ADP', 'SCONJ', 'ADV', 'CCONJ', 'PART']);
/** Tokens that can open a subject. */
const SUBJECT_POS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ']);

/**
 * Where the label of unit `u` starts: at the unit's start (a sentence or a clause, see units.ts),
 * or after a fronted phrase that ends in a comma ("As a reminder, on January 24, 2024, | the first
 * military instructors …"; "Since a military coup in 2022, | Burkina Faso has served …"), so the
 * label opens with the clause's subject. Token index.
 */
function labelStart(tokens: readonly Token[], u: Unit, lex: PredicateLexicon): number {
  const first = tokens[u.tokenStart]!;
  const fronted = FRONTED_POS.has(first.pos) || (first.pos === 'VERB' && first.normal.endsWith('ing'));
  if (!fronted || u.heading) return u.tokenStart;
  const half = u.tokenStart + Math.ceil((u.tokenEnd - u.tokenStart) / 2);
  // First a comma after which a clause with its own verb runs to the next comma, else one after which a verb follows at all.
  for (const strict of [true, false]) {
    for (let k = u.tokenStart + 1; k < half; k++) {
      if (tokens[k]!.text !== ',') continue;
      const next = tokens[k + 1];
      if (!next || !SUBJECT_POS.has(next.pos) || lex.subordinators.has(next.normal)) continue;
      for (let m = k + 2; m < u.tokenEnd && !(strict && tokens[m]!.text === ','); m++) if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX') return k + 1;
    }
  }
  return u.tokenStart;
}

/**
 * The event label: its most central mention from a clause boundary, with its subject first
 * (labelStart), cut at a word boundary after at most LABEL_MAX characters with an ellipsis. A
 * lower-case first letter (after a fronted phrase) is capitalised. Readable text (displayText).
 */
function labelOf(units: Unit[], article: AnalysedArticle, x: number, lex: PredicateLexicon): string {
  const u = units[x]!;
  const from = labelStart(article.tokens, u, lex);
  const start = article.tokens[from]!.start;
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  // The label reads at most LABEL_MAX + 2 characters of the flattened mention, so plain text is
  // flattened from a prefix when that gives enough (a flattened prefix is a prefix of the
  // flattened whole, at most one trailing space shorter): the same label without a pass over a
  // long sentence. Else, and for HTML, the whole mention as a reader sees it (inline tags and
  // character references resolved).
  let text = '';
  if (article.format !== 'html' && u.end - start > LABEL_PREFIX) text = flat(article.text.slice(start, start + LABEL_PREFIX));
  if (text.length < LABEL_MAX + 3) text = flat(displayText(article.text.slice(start, u.end), article.format));
  const label = trimLabel(text, LABEL_MAX + 1);
  return from > u.tokenStart ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** `text` on one line, cut at a word boundary before `max` characters with an ellipsis. */
export function trimLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > 20 ? cut.slice(0, at) : headUnits(flat, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
