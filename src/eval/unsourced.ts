/**
 * `npm run eval -- unsourced`: unsourced assertions against
 * - the hand-made gold of the bundled corpus (tests/fixtures/unsourced/bundled-gold.yml): recall of
 *   the outlets' own unsourced claims among the shown findings, and shown findings on attributed
 *   sentences (both must be perfect: #14 "done when");
 * - the PolNeAR unsourced proxy (../shared/datasets/README.md §2) on train (tuning half) and dev
 *   (check half), for all findings and for the shown ones, with the proxy precision of each reason.
 *   `PARALLAX_POLNEAR_EVERY=k` scores every k-th article only; `PARALLAX_UNSOURCED_DUMP=FILE` writes
 *   each flagged train sentence with its proxy verdict as JSON lines (error analysis outside the repo).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { FindingDraft, Span } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { confidenceOf, DEFAULT_MIN_CONFIDENCE } from '../analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../core/confidence.js';

/** The default threshold of unsourced findings (views show those at or above it). */
const MIN_UNSOURCED = DEFAULT_MIN_CONFIDENCE_BY_KIND['unsourced'] ?? DEFAULT_MIN_CONFIDENCE;
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { analyseArticle, analyseArticles, prepareArticle } from '../pipeline.js';
import { polnearDocs, proxySpans } from './attribution.js';

export const UNSOURCED_GOLD = resolve(PACKAGE_ROOT, 'tests/fixtures/unsourced/bundled-gold.yml');

export type GoldLabel = 'unsourced' | 'attributed' | 'unclear';

/** One gold sentence of the bundled corpus: article id, corpus file, snippet span and label. */
export interface UnsourcedGoldItem {
  article: string;
  file: string;
  start: number;
  end: number;
  snippet: string;
  label: GoldLabel;
}

/** The gold items with their spans located in the corpus files (each snippet must occur once). */
export function loadUnsourcedGold(corpusDir = resolve(PACKAGE_ROOT, 'corpus'), file = UNSOURCED_GOLD): UnsourcedGoldItem[] {
  const gold = parse(readFileSync(file, 'utf8')) as { articles: Record<string, string> } & Record<GoldLabel, [string, string][]>;
  const texts = new Map(Object.entries(gold.articles).map(([id, name]) => [id, readFileSync(resolve(corpusDir, name), 'utf8')]));
  const out: UnsourcedGoldItem[] = [];
  for (const label of ['unsourced', 'attributed', 'unclear'] as const) {
    for (const [article, snippet] of gold[label] ?? []) {
      const text = texts.get(article);
      const start = text === undefined ? -1 : text.indexOf(snippet);
      if (start < 0 || text!.indexOf(snippet, start + 1) >= 0) throw new Error(`${file}: "${snippet}" must occur once in ${article}`);
      out.push({ article, file: gold.articles[article]!, start, end: start + snippet.length, snippet, label });
    }
  }
  return out;
}

/** A shown or hidden unsourced finding of one corpus file. */
export interface FlaggedSpan extends Span {
  file: string;
  shown: boolean;
  reason: string;
  text: string;
}

/** How the findings fare against the gold: gold unsourced missed, attributed flagged, and flags on no listed sentence. */
export function scoreUnsourcedGold(gold: readonly UnsourcedGoldItem[], flagged: readonly FlaggedSpan[]) {
  const hits = (g: UnsourcedGoldItem) => flagged.filter((f) => f.shown && f.file === g.file && f.start < g.end && g.start < f.end);
  const missed = gold.filter((g) => g.label === 'unsourced' && hits(g).length === 0);
  const wronglyFlagged = gold.filter((g) => g.label === 'attributed' && hits(g).length > 0);
  const unlisted = flagged.filter((f) => f.shown && !gold.some((g) => g.file === f.file && f.start < g.end && g.start < f.end));
  const unsourced = gold.filter((g) => g.label === 'unsourced').length;
  const attributed = gold.filter((g) => g.label === 'attributed').length;
  const shownOnListed = flagged.filter((f) => f.shown && gold.some((g) => g.label !== 'unclear' && g.file === f.file && f.start < g.end && g.start < f.end));
  const right = shownOnListed.filter((f) => gold.some((g) => g.label === 'unsourced' && g.file === f.file && f.start < g.end && g.start < f.end));
  return {
    unsourced,
    attributed,
    missed,
    wronglyFlagged,
    unlisted,
    recall: (unsourced - missed.length) / unsourced,
    precision: shownOnListed.length ? right.length / shownOnListed.length : 1,
  };
}

/** The unsourced findings of the bundled corpus, analysed together as `parallax analyze corpus` does. */
export function bundledFlags(lexicons: Lexicons, corpusDir = resolve(PACKAGE_ROOT, 'corpus')): FlaggedSpan[] {
  const files = readdirSync(corpusDir)
    .filter((f) => /\.(md|txt|html)$/.test(f))
    .sort();
  const report = analyseArticles(
    files.map((f) => prepareArticle(join(corpusDir, f))),
    lexicons,
  );
  const fileOf = new Map(report.articles.map((a) => [a.id, a.path.split(/[\\/]/).pop()!]));
  return report.findings
    .filter((f) => f.kind === 'unsourced')
    .map((f) => ({
      file: fileOf.get(f.article)!,
      start: f.start,
      end: f.end,
      shown: f.confidence >= MIN_UNSOURCED,
      reason: (f as { reason: string }).reason,
      text: f.text,
    }));
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

interface ProxyCounts {
  all: { tp: number; fp: number; fn: number };
  shown: { tp: number; fp: number; fn: number };
  /** reason → [flagged, right by the proxy] (all findings). */
  reasons: Map<string, [number, number]>;
  articles: number;
}

/** The PolNeAR unsourced proxy on one split, all findings and shown ones, with per-reason proxy precision. */
export function polnearProxy(datasets: string, split: 'train' | 'dev', lexicons: Lexicons, every = 1, dump?: string[]): ProxyCounts | null {
  const dir = join(datasets, 'polnear', split);
  if (!existsSync(dir)) return null;
  const c: ProxyCounts = { all: { tp: 0, fp: 0, fn: 0 }, shown: { tp: 0, fp: 0, fn: 0 }, reasons: new Map(), articles: 0 };
  for (const { base, path, text, gold } of polnearDocs(dir, { every })) {
    const { fragments, discard } = proxySpans(gold);
    const article = prepareArticle(path);
    article.id = 'a1';
    const findings = analyseArticle(article, lexicons).filter((f): f is Extract<FindingDraft, { kind: 'unsourced' }> => f.kind === 'unsourced');
    const shown = findings.filter((f) => confidenceOf(f, lexicons.calibration) >= MIN_UNSOURCED);
    for (const f of findings) {
      const right = !fragments.some((g) => overlaps(f, g)) && !discard.some((g) => overlaps(f, g));
      const r = c.reasons.get(f.reason) ?? [0, 0];
      r[0]++;
      if (right) r[1]++;
      c.reasons.set(f.reason, r);
      dump?.push(
        JSON.stringify({
          article: base,
          reason: f.reason,
          right,
          text: f.text.replace(/\s+/g, ' '),
          gold: fragments.filter((g) => overlaps(f, g)).map((g) => text.slice(g.start, g.end).replace(/\s+/g, ' ')),
        }),
      );
    }
    for (const s of article.sentences) {
      const goldUnsourced = !fragments.some((g) => overlaps(s, g)) && !discard.some((g) => overlaps(s, g));
      const half = (s.end - s.start) / 2;
      for (const [fs, k] of [
        [findings, c.all],
        [shown, c.shown],
      ] as const) {
        const flagged = fs.some((u) => Math.min(u.end, s.end) - Math.max(u.start, s.start) >= half);
        if (flagged && goldUnsourced) k.tp++;
        else if (flagged) k.fp++;
        else if (goldUnsourced) k.fn++;
      }
    }
    c.articles++;
  }
  return c;
}

const fmt = (x: number) => x.toFixed(3);
const prf = (k: { tp: number; fp: number; fn: number }) => {
  const p = k.tp + k.fp ? k.tp / (k.tp + k.fp) : 0;
  const r = k.tp + k.fn ? k.tp / (k.tp + k.fn) : 0;
  return `${fmt(p)} / ${fmt(r)} / ${fmt(p + r ? (2 * p * r) / (p + r) : 0)} (${k.tp + k.fp} flagged)`;
};

export function run(datasets: string): void {
  const lexicons = loadLexicons();
  const gold = loadUnsourcedGold();
  const s = scoreUnsourcedGold(gold, bundledFlags(lexicons));
  console.log(
    `eval unsourced: bundled corpus gold (${s.unsourced} unsourced, ${s.attributed} attributed sentences): shown findings recall ${fmt(s.recall)}, precision on listed sentences ${fmt(s.precision)}`,
  );
  for (const g of s.missed) console.log(`  missed: ${g.file}: ${JSON.stringify(g.snippet.slice(0, 90))}`);
  for (const g of s.wronglyFlagged) console.log(`  attributed but flagged: ${g.file}: ${JSON.stringify(g.snippet.slice(0, 90))}`);
  const every = Math.max(1, Number(process.env['PARALLAX_POLNEAR_EVERY'] ?? 1));
  const dumpPath = process.env['PARALLAX_UNSOURCED_DUMP'];
  for (const [split, half] of [
    ['train', 'tuning'],
    ['dev', 'check'],
  ] as const) {
    const dump = dumpPath && split === 'train' ? [] : undefined;
    const c = polnearProxy(datasets, split, lexicons, every, dump);
    if (!c) {
      console.log(`eval unsourced: skipped — no PolNeAR ${split} split`);
      continue;
    }
    if (dump) writeFileSync(dumpPath!, dump.join('\n') + '\n');
    console.log(
      `eval unsourced: PolNeAR ${split} (${half} half), ${c.articles} articles — proxy P / R / F1 over sentences: all ${prf(c.all)}; shown (confidence >= ${MIN_UNSOURCED}) ${prf(c.shown)}`,
    );
    const reasons = [...c.reasons].sort((a, b) => b[1][0] - a[1][0]);
    console.log(`  proxy precision by reason: ${reasons.map(([r, [n, k]]) => `${r} ${fmt(k / n)} (${k}/${n})`).join(', ')}`);
  }
}
