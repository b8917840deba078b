/**
 * One article's reading pass and one story's report in corpus mode (src/corpus/run.ts), the same
 * functions on the main thread and in worker threads (threads.ts).
 */
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, FindingDraft, Report } from '../core/types.js';
import { analyseArticle, analyseArticles, prepareArticle, type AnalyseOptions } from '../pipeline.js';
import type { Lexicons } from '../lexicons/index.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import type { OutputFile } from '../report/write.js';
import { storyInputOf, type StoryInput } from './features.js';
import { outletPartOf, type OutletPart } from './outlets.js';

/**
 * Most article text (UTF-16 code units) whose prepared article and findings are kept from the
 * reading pass for its story, instead of being read and analysed a second time. A prepared
 * article takes about 36 bytes of heap per character of text (PolNeAR: 242 KB for 6.7 KB of
 * text), so this keeps at most ~55 MB: all of 300 PolNeAR texts (1.35M characters), the first
 * of a larger folder (the rest are prepared again, as before). 2.5M characters (~90 MB) made the
 * peak RSS of 2,000 bench texts 417 MB; 1.5M, 333 MB (outputs identical). Kept or prepared again, an article comes out
 * the same (src/nlp/wink-lexicon.ts: tokenisation does not depend on what was read before).
 */
export const KEEP_TEXT_CHARS = 1_500_000;

/** Prepared articles and their findings kept from the reading pass, up to a text budget. */
export class KeptArticles {
  private readonly byPath = new Map<string, { article: AnalysedArticle; drafts: FindingDraft[] }>();
  private chars = 0;
  constructor(private readonly budget: number) {}

  /** Keeps `article` with its findings while the budget allows; an analysis that fails is left to the story pass. */
  offer(article: AnalysedArticle, lexicons: Lexicons, options: AnalyseOptions): void {
    if (this.chars + article.text.length > this.budget) return;
    let drafts: FindingDraft[];
    try {
      drafts = analyseArticle(article, lexicons, options);
    } catch {
      return;
    }
    this.chars += article.text.length;
    this.byPath.set(article.path, { article, drafts });
  }

  /** Whether the article of `path` is kept. */
  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Lets the article of `path` go (a duplicate: no story will take it). */
  drop(path: string): void {
    const hit = this.byPath.get(path);
    if (!hit) return;
    this.byPath.delete(path);
    this.chars -= hit.article.text.length;
  }

  /** The kept article of `path` (dropped from the store), its findings put in `drafts`; undefined when not kept. */
  take(path: string, drafts: Map<AnalysedArticle, FindingDraft[]>): AnalysedArticle | undefined {
    const hit = this.byPath.get(path);
    if (!hit) return undefined;
    this.byPath.delete(path);
    this.chars -= hit.article.text.length;
    drafts.set(hit.article, hit.drafts);
    return hit.article;
  }
}

/** One story's report files (JSON, markdown) and what the outlet table and the story index need of its report. */
export interface StoryResult {
  files: OutputFile[];
  part: OutletPart;
  events: number;
  multiArticleEvents: number;
}

/** Analyses and aligns one story's articles (kept from the reading pass, else prepared again) and renders its files. */
export function storyResult(
  paths: readonly string[],
  kept: KeptArticles,
  lexicons: Lexicons,
  options: AnalyseOptions,
  outDir: string,
  id: string,
  command: string,
): StoryResult {
  const drafts = new Map<AnalysedArticle, FindingDraft[]>();
  const articles: AnalysedArticle[] = paths.map((p) => kept.take(p, drafts) ?? prepareArticle(p, options, lexicons));
  const report: Report = analyseArticles(articles, lexicons, options, drafts);
  const part = outletPartOf(report);
  return {
    files: [
      { path: join(outDir, 'stories', `${id}.json`), content: formatJson(report) },
      { path: join(outDir, 'stories', `${id}.md`), content: formatMarkdown(report, { command }) },
    ],
    part,
    events: report.events.length,
    multiArticleEvents: part.multi,
  };
}

/** What the reading pass makes of one file: its grouping features (its prepared article offered to `kept`), or why it was skipped. */
export function readOne(
  path: string,
  kept: KeptArticles,
  lexicons: Lexicons,
  options: AnalyseOptions,
  offer: (hash: string) => boolean,
): StoryInput | { skip: string } {
  try {
    const article = prepareArticle(path, options, lexicons);
    const input = storyInputOf(article, lexicons);
    if (offer(input.hash)) kept.offer(article, lexicons, options);
    return input;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { skip: e.format() };
  }
}
