/**
 * One article's reading pass and one story's report in corpus mode (src/corpus/run.ts), the same
 * functions on the main thread and in worker threads (threads.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, Report, Token } from '../core/types.js';
import { analyseArticles, prepareArticle, type AnalyseOptions } from '../pipeline.js';
import type { Lexicons } from '../lexicons/index.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import type { OutputFile } from '../report/write.js';
import { storyInputOf, type StoryInput } from './features.js';
import { outletPartOf, type OutletPart } from './outlets.js';

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

/**
 * Most article text kept in memory when the articles past it are spilled (one thread, the default;
 * see KeptArticles): spilling costs ~0.1 s of CPU per million characters more than keeping in
 * memory (serialising, writing, reading back), against ~2 s to prepare them again, and takes no
 * memory, so the memory budget is kept small: all of the 300 PolNeAR texts (1.33M characters, about
 * 11.5 bytes a character compact, measured with the typed arrays) stay in memory, and of the 2,000
 * bench texts 1.5M of 9.0M (was 3M in memory and the other 6M prepared again).
 */
export const KEEP_IN_MEMORY_CHARS = 1_500_000;

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

/**
 * Prepared articles kept (compact) from the reading pass: in memory up to a text budget, and with
 * `spill`, past it in a temporary folder (src/corpus/run.ts), one file a compact article
 * (`v8.serialize`: the same values, typed arrays included), read back and deleted when its story is
 * made. Reading a spilled article back costs a small part of preparing it again (reading the
 * source, boilerplate, wink-nlp), and the files take no memory. Where a file cannot be written or
 * read, the article is prepared again, as without `spill`. `close` deletes the folder.
 */
export class KeptArticles {
  private readonly byPath = new Map<string, CompactArticle>();
  private readonly spilled = new Map<string, string>();
  private chars = 0;
  /** The spill folder: undefined until the first spill, null when it cannot be made (or is closed). */
  private dir: string | null | undefined;
  private files = 0;
  private readonly cleanup = () => this.close();
  constructor(
    private readonly budget: number,
    private readonly spill = false,
  ) {}

  /** Keeps `article` while the budget allows, else spills it when spilling. */
  offer(article: AnalysedArticle): void {
    if (this.chars + article.text.length > this.budget) {
      if (this.spill) this.write(article);
      return;
    }
    this.chars += article.text.length;
    this.byPath.set(article.path, compact(article));
  }

  /** Whether the article of `path` is kept (in memory or spilled). */
  has(path: string): boolean {
    return this.byPath.has(path) || this.spilled.has(path);
  }

  /** Lets the article of `path` go (a duplicate: no story will take it). */
  drop(path: string): void {
    if (this.byPath.has(path)) this.take(path);
    else this.unlink(path);
  }

  /** The kept article of `path` (dropped from the store), rebuilt; undefined when not kept (or its file cannot be read). */
  take(path: string): AnalysedArticle | undefined {
    const hit = this.byPath.get(path);
    if (!hit) return this.read(path);
    this.byPath.delete(path);
    this.chars -= hit.rest.text.length;
    return expand(hit);
  }

  /** Deletes the spill folder (and stops spilling). */
  close(): void {
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      process.removeListener('exit', this.cleanup);
    }
    this.dir = null;
    this.spilled.clear();
  }

  private write(article: AnalysedArticle): void {
    if (this.dir === undefined) {
      try {
        this.dir = mkdtempSync(join(tmpdir(), 'parallax-kept-'));
        process.once('exit', this.cleanup);
      } catch {
        this.dir = null;
      }
    }
    if (!this.dir) return;
    const file = join(this.dir, `${this.files++}.bin`);
    try {
      writeFileSync(file, serialize(compact(article)));
      this.spilled.set(article.path, file);
    } catch {
      rmSync(file, { force: true });
    }
  }

  private read(path: string): AnalysedArticle | undefined {
    const file = this.spilled.get(path);
    if (!file) return undefined;
    let c: CompactArticle;
    try {
      c = deserialize(readFileSync(file)) as CompactArticle;
    } catch {
      return undefined;
    } finally {
      this.unlink(path);
    }
    return expand(c);
  }

  private unlink(path: string): void {
    const file = this.spilled.get(path);
    if (!file) return;
    this.spilled.delete(path);
    rmSync(file, { force: true });
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
  const articles: AnalysedArticle[] = paths.map((p) => kept.take(p) ?? prepareArticle(p, options, lexicons));
  const report: Report = analyseArticles(articles, lexicons, options);
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
    if (offer(input.hash)) kept.offer(article);
    return input;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { skip: e.format() };
  }
}
