/**
 * One article's reading pass and one story's report in corpus mode (src/corpus/run.ts), the same
 * functions on the main thread and in worker threads (threads.ts).
 */
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, Report, Token } from '../core/types.js';
import { analyseArticles, prepareArticle, type AnalyseOptions } from '../pipeline.js';
import type { Lexicons } from '../lexicons/index.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import type { OutputFile } from '../report/write.js';
import { storyInputOf, type StoryInput } from './features.js';
import { outletPartOf, type OutletPart } from './outlets.js';
import { storyRows } from './exports.js';

/**
 * Most article text (UTF-16 code units) whose prepared article is kept from the reading pass for
 * its story, in compact form (CompactArticle), instead of being read, segmented and tokenised a
 * second time. A compact article takes about 10 bytes per character of text (the text itself
 * and its token columns, ~28 bytes a token; a prepared article's objects take 33), so this keeps
 * at most ~30 MB: all of 300 PolNeAR texts (1.35M characters) and a third of the 2,000 bench
 * texts (9.0M characters; the rest are prepared again). 6M characters made the peak RSS of the
 * 2,000 bench texts 334 MB (before, 313 MB in the same conditions; outputs identical). Until round
 * perf9 whole articles and their findings were kept, up to 1.5M characters (~55 MB). Kept or
 * prepared again, an article comes out the same (src/nlp/wink-lexicon.ts: tokenisation does not
 * depend on what was read before).
 */
export const KEEP_TEXT_CHARS = 3_000_000;

/** Token tags (pos, type) and word forms (normal, lemma) as numbers, one table for every article of the process. */
const ids = new Map<string, number>();
const names: string[] = [];
const idOf = (name: string): number => {
  let id = ids.get(name);
  if (id === undefined) {
    id = names.push(name) - 1;
    ids.set(name, id);
  }
  return id;
};

/** A prepared article without its token objects: the same tokens as columns, rebuilt by `expand`. */
interface CompactArticle {
  /** The article's other fields, `tokens` left empty in its place (so the fields keep their order). */
  rest: AnalysedArticle;
  /** Per token: start, end, sentence. */
  spans: Int32Array;
  /** Per token: ids of normal, lemma, pos, type. */
  words: Uint32Array;
}

function compact(article: AnalysedArticle): CompactArticle {
  const { tokens } = article;
  const n = tokens.length;
  const c: CompactArticle = {
    // Fresh arrays: memos keyed on the read article's arrays (quotations of its body) are not kept alive.
    rest: {
      ...article,
      body: [...article.body],
      boilerplate: [...article.boilerplate],
      sentences: [...article.sentences],
      entities: [...article.entities],
      tokens: [],
    },
    spans: new Int32Array(3 * n),
    words: new Uint32Array(4 * n),
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    c.spans[3 * i] = t.start;
    c.spans[3 * i + 1] = t.end;
    c.spans[3 * i + 2] = t.sentence;
    const normal = idOf(t.normal);
    c.words[4 * i] = normal;
    // Most lemmas are the word's normal form: the same id without a second lookup.
    c.words[4 * i + 1] = t.lemma === t.normal ? normal : idOf(t.lemma);
    c.words[4 * i + 2] = idOf(t.pos);
    c.words[4 * i + 3] = idOf(t.type);
  }
  return c;
}

/** The article `compact` was made of: equal tokens (the same fields in the same order), fresh objects. */
function expand(c: CompactArticle): AnalysedArticle {
  const { text } = c.rest;
  const { spans, words } = c;
  const tokens = new Array<Token>(spans.length / 3);
  for (let i = 0; i < tokens.length; i++) {
    const start = spans[3 * i]!;
    const end = spans[3 * i + 1]!;
    tokens[i] = {
      index: i,
      start,
      end,
      text: text.slice(start, end),
      normal: names[words[4 * i]!]!,
      lemma: names[words[4 * i + 1]!]!,
      pos: names[words[4 * i + 2]!]!,
      type: names[words[4 * i + 3]!]!,
      sentence: spans[3 * i + 2]!,
    };
  }
  return { ...c.rest, tokens };
}

/** Prepared articles kept (compact) from the reading pass, up to a text budget. */
export class KeptArticles {
  private readonly byPath = new Map<string, CompactArticle>();
  private chars = 0;
  constructor(private readonly budget: number) {}

  /** Keeps `article` while the budget allows. */
  offer(article: AnalysedArticle): void {
    if (this.chars + article.text.length > this.budget) return;
    this.chars += article.text.length;
    this.byPath.set(article.path, compact(article));
  }

  /** Whether the article of `path` is kept. */
  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Lets the article of `path` go (a duplicate: no story will take it). */
  drop(path: string): void {
    this.take(path);
  }

  /** The kept article of `path` (dropped from the store), rebuilt; undefined when not kept. */
  take(path: string): AnalysedArticle | undefined {
    const hit = this.byPath.get(path);
    if (!hit) return undefined;
    this.byPath.delete(path);
    this.chars -= hit.rest.text.length;
    return expand(hit);
  }
}

/** One story's report files (JSON, markdown) and what the outlet table and the story index need of its report. */
export interface StoryResult {
  files: OutputFile[];
  part: OutletPart;
  /** Its lines of articles.csv and findings.csv (src/corpus/exports.ts). */
  rows: { articles: string[]; findings: string[] };
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
  const articles: AnalysedArticle[] = paths.map((p) => kept.take(p) ?? prepareArticle(p, options, lexicons));
  const report: Report = analyseArticles(articles, lexicons, options);
  const part = outletPartOf(report);
  return {
    files: [
      { path: join(outDir, 'stories', `${id}.json`), content: formatJson(report) },
      { path: join(outDir, 'stories', `${id}.md`), content: formatMarkdown(report, { command }) },
    ],
    part,
    rows: storyRows(report, id),
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
    if (offer(input.hash)) kept.offer(article);
    return input;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { skip: e.format() };
  }
}
