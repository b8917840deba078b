/**
 * The pipeline: files → ingest → nlp → analyses → align → Report. Pure apart from reading the
 * input files and lexicons; never prints and never writes. Its parts are in src/pipeline/: one
 * article's steps (article.ts, also run by the worker pool), the report and its scores (build.ts,
 * scores.ts).
 */
import { createHash } from 'node:crypto';

import { InputError } from './core/errors.js';
import { kindRank } from './core/finding-kinds.js';
import type { AnalysedArticle, Finding, FindingDraft, Report, SkippedInput } from './core/types.js';
import { pause } from './core/interrupt.js';
import { expandInputs } from './ingest/files.js';
import { loadLexicons, type Lexicons } from './lexicons/index.js';
import { harmoniseSourceTypes } from './analyses/attribution/index.js';
import { alignArticles } from './align/index.js';
import { buildReport } from './pipeline/build.js';
import { analyseArticle, prepareArticle, type AnalyseOptions, type ReportOptions } from './pipeline/article.js';
import { assignConfidence } from './analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_CONFIDENCE_BY_KIND } from './core/confidence.js';
import { analyseInParallel, analyseInParallelAsync, planWorkers, type LocalAnalysis } from './parallel/pool.js';

export { analyseArticle, prepareArticle, type AnalyseOptions, type AnalysisChoice, type ReportOptions } from './pipeline/article.js';
import { ANALYSIS_NAMES } from './pipeline/analyses.js';
export { ANALYSIS_NAMES, splitDisable } from './pipeline/analyses.js';

/**
 * What a run keeps and leaves out: with `keepGoing`, a file that cannot be analysed (an
 * InputError: unreadable, no prose, too long, a duplicate) is listed in `skipped` and the run goes
 * on; without it, the first such error ends the run (exit 2).
 */
class Collector {
  readonly skipped: SkippedInput[] = [];
  private readonly byHash = new Map<string, string>();
  constructor(private readonly keepGoing: boolean) {}

  /** True when the run goes on without `path` (the error is recorded); false to rethrow it. */
  skip(path: string, e: unknown): boolean {
    if (!this.keepGoing || !(e instanceof InputError)) return false;
    const message = e.format();
    this.skipped.push({ path, reason: message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message });
    return true;
  }

  /** The articles whose text was not seen before; a repeat fails, or is skipped with `keepGoing`. */
  distinct(articles: readonly AnalysedArticle[]): AnalysedArticle[] {
    return articles.filter((a) => {
      const prose = a.body.map((b) => a.text.slice(b.start, b.end)).join('\n');
      const hash = createHash('sha1').update(prose.replace(/\s+/g, ' ')).digest('hex');
      const other = this.byHash.get(hash);
      if (!other) {
        this.byHash.set(hash, a.path);
        return true;
      }
      const e = new InputError('the same article was given twice', {
        file: a.path,
        expected: 'different articles',
        found: `the same text as ${other}`,
        hint: 'remove one of the two files',
      });
      if (this.skip(a.path, e)) return false;
      throw e;
    });
  }

  /** Runs `fn` for `path`; undefined when it failed and the run goes on without the file. */
  attempt<T>(path: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (this.skip(path, e)) return undefined;
      throw e;
    }
  }

  /** The report, with the skipped inputs listed when there are any. */
  finish(report: Report): Report {
    if (this.skipped.length > 0) report.skipped = [...this.skipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return report;
  }
}

/** Fails (exit 2) when nothing is left to analyse. */
function requireArticles(articles: readonly AnalysedArticle[], skipped: readonly SkippedInput[]): void {
  if (articles.length > 0) return;
  throw new InputError('no article could be analysed', {
    expected: 'at least one readable article',
    found: skipped.map((s) => `${s.path}: ${s.reason}`).join('; '),
    hint: 'fix or remove the files listed',
  });
}

/**
 * Analyses the given files and directories into one report. `onArticle` is called with the
 * 0-based index of each article before it is read (without worker threads).
 */
export function analysePaths(inputs: readonly string[], given: AnalyseOptions = {}, onArticle?: (path: string, index: number, total: number) => void): Report {
  const { files } = expandInputs(inputs);
  const options: AnalyseOptions = { ...given, inputs: given.inputs ?? [...inputs] }; // the folder rule of outlets
  const lexicons = loadLexicons({ ...options, analyses: ANALYSIS_NAMES }); // an unknown --disable name's fix lists the analyses too
  const run = new Collector(options.keepGoing === true);
  const plan = planWorkers(files.length);
  let prepared: AnalysedArticle[];
  let drafts: Map<AnalysedArticle, FindingDraft[]> = new Map();
  if (plan.workers > 0) {
    // Many articles and several cores: prepare + analyse in worker threads (same results, in order).
    ({ articles: prepared, drafts } = analyseInParallel(files, options, localAnalysis(lexicons, options, run), plan));
  } else {
    prepared = files.flatMap((f, i) => {
      onArticle?.(f, i, files.length);
      return run.attempt(f, () => prepareArticle(f, options, lexicons)) ?? [];
    });
  }
  const articles = run.distinct(prepared).filter((a) => drafts.has(a) || run.attempt(a.path, () => drafts.set(a, analyseArticle(a, lexicons, options))));
  requireArticles(articles, run.skipped);
  return run.finish(analyseArticles(articles, lexicons, options, drafts));
}

/** The main thread's share of the pool's work: the same two steps the workers run. */
function localAnalysis(lexicons: Lexicons, options: AnalyseOptions, run: Collector): LocalAnalysis {
  return { prepare: (f) => prepareArticle(f, options, lexicons), analyse: (a) => analyseArticle(a, lexicons, options), skip: (f, e) => run.skip(f, e) };
}

/**
 * Like `analysePaths`, but yielding to the event loop between articles, so that a view (the
 * TUI's progress) stays live. `onArticle` is called with the 0-based index of each article
 * before it is read.
 */
export async function analysePathsAsync(
  inputs: readonly string[],
  given: AnalyseOptions = {},
  onArticle?: (path: string, index: number, total: number) => void,
): Promise<Report> {
  const { files } = expandInputs(inputs);
  const options: AnalyseOptions = { ...given, inputs: given.inputs ?? [...inputs] }; // the folder rule of outlets
  const lexicons = loadLexicons({ ...options, analyses: ANALYSIS_NAMES }); // an unknown --disable name's fix lists the analyses too
  const run = new Collector(options.keepGoing === true);
  const plan = planWorkers(files.length);
  let prepared: AnalysedArticle[] = [];
  let drafts: Map<AnalysedArticle, FindingDraft[]> = new Map();
  if (plan.workers > 0) {
    ({ articles: prepared, drafts } = await analyseInParallelAsync(files, options, localAnalysis(lexicons, options, run), plan, onArticle));
  } else {
    for (const [i, f] of files.entries()) {
      await pause();
      onArticle?.(f, i, files.length);
      const a = run.attempt(f, () => prepareArticle(f, options, lexicons));
      if (a) prepared.push(a);
    }
  }
  const articles: AnalysedArticle[] = [];
  for (const a of run.distinct(prepared)) {
    await pause();
    if (drafts.has(a) || run.attempt(a.path, () => drafts.set(a, analyseArticle(a, lexicons, options)))) articles.push(a);
  }
  requireArticles(articles, run.skipped);
  await pause();
  return run.finish(analyseArticles(articles, lexicons, options, drafts));
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
  harmoniseSourceTypes(drafts);
  const findings = assignConfidence(numberFindings(articles, drafts), lexicons.calibration);
  const alignment = alignArticles(articles, findings, lexicons);
  return buildReport({
    articles,
    findings,
    alignment,
    lexicons,
    disabled: new Set(options.disableAnalyses ?? []),
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    ...(options.minConfidence === undefined ? { minConfidenceByKind: { ...DEFAULT_MIN_CONFIDENCE_BY_KIND } } : {}),
  });
}

/** Gives findings ids `f1..fn` in a stable order: article, start, end, kind, rule. */
export function numberFindings(articles: AnalysedArticle[], drafts: FindingDraft[][]): Finding[] {
  const all: Finding[] = [];
  articles.forEach((a, i) => {
    const sorted = [...drafts[i]!].sort(
      (x, y) => x.start - y.start || x.end - y.end || kindRank(x.kind) - kindRank(y.kind) || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0),
    );
    for (const d of sorted) all.push({ ...d, id: '', article: a.id, confidence: 0, calibration: '' });
  });
  all.forEach((f, i) => (f.id = `f${i + 1}`));
  return all;
}
