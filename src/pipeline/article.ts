/**
 * One article through the pipeline: read, segmented and tokenised (`prepareArticle`), then
 * analysed into finding drafts (`analyseArticle`), each under the `--timeout-ms` budget. The
 * main thread and the worker pool (src/parallel/) run these same two steps.
 */
import { InputError } from '../core/errors.js';
import { withArticleBudget, type ArticleBudget, type ArticleLimits } from '../core/limits.js';
import type { AnalysedArticle, FindingDraft } from '../core/types.js';
import { readSource, segment } from '../ingest/index.js';
import { resolveOutlet, type OutletOptions } from '../ingest/outlets.js';
import { analyseText } from '../nlp/index.js';
import type { LexiconOptions, Lexicons } from '../lexicons/index.js';
import { runArticleAnalyses } from './analyses.js';

export interface AnalyseOptions extends LexiconOptions, ReportOptions, OutletOptions {
  maxBytes?: number;
  /** Saved page path → the URL it was fetched from (recorded as the article's url). */
  pageUrls?: Record<string, string>;
  /** Leave out the files that cannot be analysed, listed in the report's `skipped`, instead of failing (`--keep-going`). */
  keepGoing?: boolean;
}

/** What the report builder needs besides the articles: limits, analyses left out, the views' confidence threshold. */
export interface ReportOptions extends ArticleLimits, AnalysisChoice {
  /** Views show findings with at least this confidence, and scores count only those (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
}

/** Which analyses of the pipe (src/pipeline/analyses.ts) are left out (`--disable NAME`). */
export interface AnalysisChoice {
  disableAnalyses?: string[];
}

/** One article read, segmented and tokenised (ingest cues as extended by `lexicons`, see withUserData); `id` is assigned later. */
export function prepareArticle(path: string, options: AnalyseOptions = {}, lexicons?: Lexicons): AnalysedArticle {
  return withArticleBudget(path, options, (budget) => prepareWithin(path, options, budget, lexicons));
}

function prepareWithin(path: string, options: AnalyseOptions, budget: ArticleBudget, lexicons: Lexicons | undefined): AnalysedArticle {
  budget.check('read');
  const doc = readSource(path, { ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), ...(lexicons ? { lexicons } : {}) });
  budget.check('boilerplate');
  const { body, boilerplate, meta, notices, language } = segment(doc, lexicons);
  const fetchedFrom = options.pageUrls?.[path];
  if (fetchedFrom) meta.url = fetchedFrom;
  // The outlet in the stated order (ingest/outlets.ts); segment's own guess is the copyright line's.
  Object.assign(
    meta,
    resolveOutlet(path, { declared: doc.meta.outlet, format: doc.format, url: meta.url, pageText: doc.meta.outlet ? null : meta.outlet }, options),
  );
  if (body.length === 0) {
    throw new InputError('no article prose found', {
      file: path,
      expected: 'article text',
      found: `only boilerplate (${[...new Set(boilerplate.map((b) => b.reason))].join(', ')})`,
      hint: 'check that the file holds the article itself, not just its page furniture',
    });
  }
  budget.check('nlp');
  const nlp = analyseText(doc.text, body, doc.layout);
  return { id: '', path, format: doc.format, text: doc.text, meta, body, boilerplate, ...nlp, notices, language };
}

/**
 * The analyses of one article, in pipe order, under the `--timeout-ms` budget.
 *
 * Per-language policy: the lexicons and rules are written for English, so an article known not
 * to be English (`language` set by ingest, which says so in the article's notice) gets no
 * findings rather than English rules misfiring on it (nearly every French sentence "unsourced").
 * It is still read, aligned and shown.
 */
export function analyseArticle(article: AnalysedArticle, lexicons: Lexicons, options: ArticleLimits & AnalysisChoice = {}): FindingDraft[] {
  if (article.language) return [];
  const disabled = new Set(options.disableAnalyses ?? []);
  return withArticleBudget(article.path, options, (budget) => runArticleAnalyses(article, lexicons, disabled, (name) => budget.check(name)));
}
