/**
 * The pipeline: files → ingest → nlp → analyses → align → Report. Pure apart from reading the
 * input files and lexicons; never prints and never writes. Its parts are in src/pipeline/: one
 * article's steps (article.ts, also run by the worker pool), the report and its scores (build.ts,
 * scores.ts).
 */
import { createHash } from 'node:crypto';

import { InputError } from './core/errors.js';
import { kindRank } from './core/finding-kinds.js';
import type { ArticleLimits } from './core/limits.js';
import type { AnalysedArticle, Finding, FindingDraft, Report } from './core/types.js';
import { expandInputs } from './ingest/files.js';
import { loadLexicons, type Lexicons } from './lexicons/index.js';
import { alignArticles } from './align/index.js';
import { buildReport } from './pipeline/build.js';
import { analyseArticle, prepareArticle, type AnalyseOptions, type ReportOptions } from './pipeline/article.js';
import { assignConfidence } from './analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE } from './core/confidence.js';
import { analyseInParallel, analyseInParallelAsync, planWorkers, type LocalAnalysis } from './parallel/pool.js';

export { analyseArticle, prepareArticle, type AnalyseOptions, type AnalysisChoice, type ReportOptions } from './pipeline/article.js';
export { ANALYSIS_NAMES, splitDisable } from './pipeline/analyses.js';

/** Fails when two files hold the same article text. */
function rejectDuplicates(articles: AnalysedArticle[]): void {
  const byHash = new Map<string, string>();
  for (const a of articles) {
    const prose = a.body.map((b) => a.text.slice(b.start, b.end)).join('\n');
    const hash = createHash('sha1').update(prose.replace(/\s+/g, ' ')).digest('hex');
    const other = byHash.get(hash);
    if (other) {
      throw new InputError('the same article was given twice', {
        file: a.path,
        expected: 'different articles',
        found: `the same text as ${other}`,
        hint: 'remove one of the two files',
      });
    }
    byHash.set(hash, a.path);
  }
}


/** Analyses the given files and directories into one report. */
export function analysePaths(inputs: readonly string[], options: AnalyseOptions = {}): Report {
  const { files } = expandInputs(inputs);
  const lexicons = loadLexicons(options);
  const plan = planWorkers(files.length);
  if (plan.workers > 0) {
    // Many articles and several cores: prepare + analyse in worker threads (same results, in order).
    const { articles, drafts } = analyseInParallel(files, options, localAnalysis(lexicons, options), plan);
    rejectDuplicates(articles);
    return analyseArticles(articles, lexicons, options, drafts);
  }
  const articles = files.map((f) => prepareArticle(f, options));
  rejectDuplicates(articles);
  return analyseArticles(articles, lexicons, options);
}

/** The main thread's share of the pool's work: the same two steps the workers run. */
function localAnalysis(lexicons: Lexicons, options: AnalyseOptions): LocalAnalysis {
  return { prepare: (f) => prepareArticle(f, options), analyse: (a) => analyseArticle(a, lexicons, options) };
}

/**
 * Like `analysePaths`, but yields to the event loop before each article, so a Ctrl-C (SIGINT)
 * is handled within one article's time (bounded by `--timeout-ms`). `onArticle` is called with
 * the 0-based index of each article before it is read.
 */
export async function analysePathsAsync(
  inputs: readonly string[],
  options: AnalyseOptions = {},
  onArticle?: (path: string, index: number, total: number) => void,
): Promise<Report> {
  const { files } = expandInputs(inputs);
  const lexicons = loadLexicons(options);
  const plan = planWorkers(files.length);
  if (plan.workers > 0) {
    const { articles, drafts } = await analyseInParallelAsync(files, options, localAnalysis(lexicons, options), plan, onArticle);
    rejectDuplicates(articles);
    await new Promise((resolve) => setImmediate(resolve));
    return analyseArticles(articles, lexicons, options, drafts);
  }
  const articles: AnalysedArticle[] = [];
  for (const [i, f] of files.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    onArticle?.(f, i, files.length);
    articles.push(prepareArticle(f, options));
  }
  rejectDuplicates(articles);
  await new Promise((resolve) => setImmediate(resolve));
  return analyseArticles(articles, lexicons, options);
}

/** Runs the analyses and alignment over prepared articles (ids assigned in path order). */
export function analyseArticles(
  prepared: AnalysedArticle[],
  lexicons: Lexicons,
  options: ReportOptions = {},
  /** Findings already computed per article (by the worker pool); the rest are computed here. */
  precomputed?: ReadonlyMap<AnalysedArticle, FindingDraft[]>,
): Report {
  const articles = [...prepared].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  articles.forEach((a, i) => (a.id = `a${i + 1}`));
  const drafts = articles.map((a) => precomputed?.get(a) ?? analyseArticle(a, lexicons, options));
  const findings = assignConfidence(numberFindings(articles, drafts), lexicons.calibration);
  const alignment = alignArticles(articles, findings, lexicons);
  return buildReport({
    articles,
    findings,
    alignment,
    lexicons,
    disabled: new Set(options.disableAnalyses ?? []),
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
  });
}


/** Gives findings ids `f1..fn` in a stable order: article, start, end, kind, rule. */
export function numberFindings(articles: AnalysedArticle[], drafts: FindingDraft[][]): Finding[] {
  const all: Finding[] = [];
  articles.forEach((a, i) => {
    const sorted = [...drafts[i]!].sort(
      (x, y) => x.start - y.start || x.end - y.end || kindRank(x.kind) - kindRank(y.kind) || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0),
    );
    for (const d of sorted) all.push({ ...d, id: '', article: a.id, confidence: 0, calibration: '' } as Finding);
  });
  all.forEach((f, i) => (f.id = `f${i + 1}`));
  return all;
}
