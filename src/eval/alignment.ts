/**
 * Evaluation of event alignment on the development datasets.
 *
 * - ECB+ dev topics: pairwise precision/recall/F1 over cross-document sentence pairs (both
 *   sides annotated sentences), micro over topics plus macro F1, beside a plain TF-IDF cosine
 *   baseline (topic-level idf, stop words removed, best threshold).
 * - The bundled corpus against its hand-made alignment (see ./bundled-gold.ts).
 * Story grouping on BASIL is in ./grouping.ts.
 *
 * Each ECB+ topic is fed as the datasets README says: one `.txt` per document, one sentence per
 * line. Files are written to a temporary folder, never into the repository.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AnalysedArticle } from '../core/types.js';
import { analysePaths, prepareArticle } from '../pipeline.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { loadBundledGold, scoreBundled } from './bundled-gold.js';
import { prf, type Counts } from './prf.js';
import { alignArticles, type AlignOptions } from '../align/index.js';
import { loadTermLexicon } from '../align/terms.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';

interface EcbTopic {
  topic: number;
  documents: { id: string; sentences: { index: number; text: string }[] }[];
  annotated_sentences: { doc: string; sentence: number }[];
  pairs: { a: { doc: string; sentence: number }; b: { doc: string; sentence: number } }[];
}

/** A topic prepared for alignment: articles (ids a1.. in path order) and the gold. */
export interface PreparedTopic {
  topic: number;
  articles: AnalysedArticle[];
  /** Per article id: the document id and the start offset of each line (sentence). */
  docOf: Map<string, { doc: string; lineStarts: number[] }>;
  annotated: Set<string>;
  gold: Set<string>;
}

const key = (doc: string, sentence: number) => `${doc}#${sentence}`;
const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Reads an ECB+ topic, writes its documents as `.txt` files into `dir` and prepares them. */
export function prepareTopic(file: string, dir: string): PreparedTopic {
  const t = JSON.parse(readFileSync(file, 'utf8')) as EcbTopic;
  const docs = [...t.documents].sort((a, b) => (a.id < b.id ? -1 : 1));
  const articles: AnalysedArticle[] = [];
  const docOf = new Map<string, { doc: string; lineStarts: number[] }>();
  docs.forEach((d, i) => {
    const path = join(dir, `${t.topic}-${d.id}.txt`);
    const lines = [...d.sentences].sort((a, b) => a.index - b.index).map((s) => s.text);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const a = prepareArticle(path);
    a.id = `a${i + 1}`;
    articles.push(a);
    const lineStarts: number[] = [];
    let at = 0;
    for (const l of lines) {
      lineStarts.push(at);
      at += l.length + 1;
    }
    docOf.set(a.id, { doc: d.id, lineStarts });
  });
  const annotated = new Set(t.annotated_sentences.map((s) => key(s.doc, s.sentence)));
  const gold = new Set(t.pairs.map((p) => pairKey(key(p.a.doc, p.a.sentence), key(p.b.doc, p.b.sentence))));
  return { topic: t.topic, articles, docOf, annotated, gold };
}

/** Sentences (line indices, 0-based) that `[start, end)` overlaps. */
function linesOf(lineStarts: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i]!;
    const e = i + 1 < lineStarts.length ? lineStarts[i + 1]! : Infinity;
    if (s < end && e > start) out.push(i);
  }
  return out;
}

/** Counts of predicted vs gold pairs for one topic. */
export function countPairs(predicted: Set<string>, t: PreparedTopic): Counts {
  let tp = 0;
  for (const p of predicted) if (t.gold.has(p)) tp++;
  return { tp, fp: predicted.size - tp, fn: t.gold.size - tp };
}

/** Cross-document annotated sentence pairs that the aligner puts in one event. */
export function alignedPairs(t: PreparedTopic, options: Partial<AlignOptions> = {}, lexicons?: Lexicons): Set<string> {
  const { events } = alignArticles(t.articles, [], lexicons, options);
  const out = new Set<string>();
  for (const e of events) {
    if (e.articles.length < 2) continue;
    const sents = e.mentions.flatMap((m) => {
      const d = t.docOf.get(m.article)!;
      return linesOf(d.lineStarts, m.start, m.end)
        .map((l) => ({ doc: d.doc, k: key(d.doc, l) }))
        .filter((x) => t.annotated.has(x.k));
    });
    for (let i = 0; i < sents.length; i++)
      for (let j = i + 1; j < sents.length; j++) {
        if (sents[i]!.doc !== sents[j]!.doc) out.add(pairKey(sents[i]!.k, sents[j]!.k));
      }
  }
  return out;
}

/** Baseline: cosine of tf-idf vectors of words (token normals minus stop words), idf over the topic's sentences. */
export function baselineScores(t: PreparedTopic): { pair: string; cosine: number }[] {
  const { stop } = loadTermLexicon();
  const sentences: { doc: string; k: string; tf: Map<string, number> }[] = [];
  for (const a of t.articles) {
    const d = t.docOf.get(a.id)!;
    const byLine = new Map<number, Map<string, number>>();
    for (const tok of a.tokens) {
      if (tok.type !== 'word' || stop.has(tok.normal)) continue;
      const line = linesOf(d.lineStarts, tok.start, tok.end)[0]!;
      const tf = byLine.get(line) ?? new Map<string, number>();
      tf.set(tok.normal, (tf.get(tok.normal) ?? 0) + 1);
      byLine.set(line, tf);
    }
    d.lineStarts.forEach((_, l) => sentences.push({ doc: d.doc, k: key(d.doc, l), tf: byLine.get(l) ?? new Map<string, number>() }));
  }
  const df = new Map<string, number>();
  for (const s of sentences) for (const w of s.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const vec = sentences.map((s) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [w, c] of s.tf) {
      const x = c * Math.log(sentences.length / df.get(w)!);
      v.set(w, x);
      n += x * x;
    }
    n = Math.sqrt(n) || 1;
    for (const [w, x] of v) v.set(w, x / n);
    return v;
  });
  const ann = sentences.map((s, i) => ({ ...s, i })).filter((s) => t.annotated.has(s.k));
  const out: { pair: string; cosine: number }[] = [];
  for (let x = 0; x < ann.length; x++)
    for (let y = x + 1; y < ann.length; y++) {
      const a = ann[x]!;
      const b = ann[y]!;
      if (a.doc === b.doc) continue;
      let c = 0;
      for (const [w, wa] of vec[a.i]!) c += wa * (vec[b.i]!.get(w) ?? 0);
      out.push({ pair: pairKey(a.k, b.k), cosine: c });
    }
  return out;
}

const fmt = (x: number) => x.toFixed(3);

/** Loads every ECB+ dev topic (prepared once) from `datasets/ecb-dev`. */
export function loadEcb(datasets: string): { topics: PreparedTopic[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ecb-'));
  const folder = join(datasets, 'ecb-dev');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => parseInt(a) - parseInt(b));
  const topics = files.map((f) => prepareTopic(join(folder, f), dir));
  return { topics, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Micro P/R/F1 and macro F1 of the aligner over topics. */
export function evaluateAlignment(topics: PreparedTopic[], options: Partial<AlignOptions> = {}, lexicons?: Lexicons) {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const f1s: number[] = [];
  for (const t of topics) {
    const c = countPairs(alignedPairs(t, options, lexicons), t);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    f1s.push(prf(c).f1);
  }
  return { ...prf(total), macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length), ...total };
}

/** Baseline counts over topics at one cosine threshold (micro counts and macro F1). */
function baselineAt(scored: { t: PreparedTopic; s: { pair: string; cosine: number }[] }[], th: number) {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const f1s: number[] = [];
  for (const { t, s } of scored) {
    const c = countPairs(new Set(s.filter((x) => x.cosine >= th).map((x) => x.pair)), t);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    f1s.push(prf(c).f1);
  }
  return { threshold: th, ...prf(total), macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length), ...total };
}

/** Thresholds the baseline is tuned over. */
const BASELINE_THRESHOLDS = Array.from({ length: 60 }, (_, k) => (k + 1) / 100);

/** The baseline at its best threshold on `tune` (micro F1), scored on `test` (default: the same topics). */
export function evaluateBaseline(tune: PreparedTopic[], test: PreparedTopic[] = tune) {
  const scoredTune = tune.map((t) => ({ t, s: baselineScores(t) }));
  let best = baselineAt(scoredTune, BASELINE_THRESHOLDS[0]!);
  for (const th of BASELINE_THRESHOLDS.slice(1)) {
    const m = baselineAt(scoredTune, th);
    if (m.f1 > best.f1) best = m;
  }
  return test === tune
    ? best
    : baselineAt(
        test.map((t) => ({ t, s: baselineScores(t) })),
        best.threshold,
      );
}

/**
 * The ECB+ folds of the datasets README: odd topic numbers and even topic numbers. Each method is
 * tuned on one fold and scored on the other.
 */
export function ecbFolds(topics: PreparedTopic[]): { name: string; tune: PreparedTopic[]; test: PreparedTopic[] }[] {
  const odd = topics.filter((t) => t.topic % 2 === 1);
  const even = topics.filter((t) => t.topic % 2 === 0);
  return [
    { name: 'tuned on odd topics, scored on even', tune: odd, test: even },
    { name: 'tuned on even topics, scored on odd', tune: even, test: odd },
  ];
}

/**
 * The aligner's candidate settings for tuning: the link threshold, the cluster merge threshold and
 * the least mean score for a sentence to join a further event (attach), around the defaults.
 * Everything else (rules, lexicons) is fixed.
 */
export function alignmentGrid(): Partial<AlignOptions>[] {
  const out: Partial<AlignOptions>[] = [];
  for (const link of [0.3, 0.35, 0.4, 0.45]) for (const merge of [0.2, 0.25, 0.3]) for (const attach of [0.1, 0.12, 0.15]) out.push({ link, merge, attach });
  return out;
}

/** The grid point with the best micro F1 on `tune` (ties: the earlier point), scored on `test`. */
export function crossFoldAlignment(tune: PreparedTopic[], test: PreparedTopic[], lexicons: Lexicons, grid = alignmentGrid()) {
  let best: { options: Partial<AlignOptions>; f1: number } | null = null;
  for (const options of grid) {
    const m = evaluateAlignment(tune, options, lexicons);
    if (!best || m.f1 > best.f1 + 1e-9) best = { options, f1: m.f1 };
  }
  return { options: best!.options, tuneF1: best!.f1, ...evaluateAlignment(test, best!.options, lexicons) };
}

export function run(datasets: string): void {
  const gold = loadBundledGold();
  const b = scoreBundled(analysePaths([resolve(PACKAGE_ROOT, 'corpus')]).events, gold);
  console.log(`alignment — bundled corpus vs hand-made gold (${gold.length} sentences; cross-article pairs)`);
  console.log(`  parallax align           P ${fmt(b.p)}  R ${fmt(b.r)}  F1 ${fmt(b.f1)}  (tp ${b.tp}, fp ${b.fp}, fn ${b.fn})`);
  for (const [x, y] of b.missed) console.log(`    missed  ${x.article} "${x.snippet}"  ~  ${y.article} "${y.snippet}"`);
  for (const [x, y] of b.wrong) console.log(`    wrong   ${x.article} "${x.snippet}"  ~  ${y.article} "${y.snippet}"`);
  const { topics, cleanup } = loadEcb(datasets);
  try {
    // As the pipeline does: the bundled lexicons (actor aliases) are passed to the aligner.
    const lexicons = loadLexicons();
    console.log('alignment — ECB+ dev, cross-fold (cross-document sentence pairs, annotated sentences; tuned on one fold, scored on the other)');
    console.log('  fold                                   method                          P      R      F1     macro-F1');
    for (const fold of ecbFolds(topics)) {
      const ours = crossFoldAlignment(fold.tune, fold.test, lexicons);
      const base = evaluateBaseline(fold.tune, fold.test);
      const setting = Object.entries(ours.options)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      console.log(`  ${fold.name.padEnd(38)} ${`parallax (${setting})`.padEnd(31)} ${fmt(ours.p)}  ${fmt(ours.r)}  ${fmt(ours.f1)}  ${fmt(ours.macroF1)}`);
      console.log(
        `  ${''.padEnd(38)} ${`tf-idf cosine ≥ ${base.threshold.toFixed(2)}`.padEnd(31)} ${fmt(base.p)}  ${fmt(base.r)}  ${fmt(base.f1)}  ${fmt(base.macroF1)}`,
      );
    }
    const all = evaluateAlignment(topics, {}, lexicons);
    const base = evaluateBaseline(topics);
    console.log('  all dev topics, defaults (not cross-fold: the defaults were chosen on these topics)');
    console.log(`  ${''.padEnd(38)} ${'parallax (defaults)'.padEnd(31)} ${fmt(all.p)}  ${fmt(all.r)}  ${fmt(all.f1)}  ${fmt(all.macroF1)}`);
    console.log(
      `  ${''.padEnd(38)} ${`tf-idf cosine ≥ ${base.threshold.toFixed(2)}`.padEnd(31)} ${fmt(base.p)}  ${fmt(base.r)}  ${fmt(base.f1)}  ${fmt(base.macroF1)}`,
    );
  } finally {
    cleanup();
  }
}
