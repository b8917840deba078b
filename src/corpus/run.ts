/**
 * Corpus mode: many articles about many stories → stories → one report per story plus
 * outlet-level aggregates. Streams: each article is read and analysed once for grouping (only
 * its grouping features are kept), then each story's articles are read again and analysed
 * together. Files that fail with an InputError are skipped and listed; duplicates (same prose)
 * are skipped with a notice. Pure apart from reading the input files; the caller writes.
 *
 * Memory: only the grouping features (term counts, a hash) are kept per article; a story's
 * articles are prepared again when it is aligned and dropped after; outlet aggregates are summed
 * report by report; with `emit`, story files are handed over as they are made, not kept; and the
 * heap is kept from growing far past that live data (HEAP_GROWING_PERCENT).
 */
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, FindingDraft, Report } from '../core/types.js';
import { expandInputs } from '../ingest/files.js';
import { analyseArticle, analyseArticles, prepareArticle, type AnalyseOptions } from '../pipeline.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { GENERATOR_MARK, type OutputFile } from '../report/write.js';
import { storyInputOf, type StoryInput } from './features.js';
import { groupStories, type GroupOptions } from './group.js';
import { DEFAULT_MIN_ARTICLES, OutletAccumulator, outletsCsv, outletsMeta, type OutletTable } from './outlets.js';

export interface CorpusResult {
  files: OutputFile[];
  stories: number;
  articles: number;
  skipped: { path: string; reason: string }[];
  duplicates: { path: string; sameAs: string }[];
  /** Outlet rows (at least `minArticles` articles each) and what was left out. */
  outlets: OutletTable;
  /** Wall time of the phases (ms): reading + grouping features, story grouping, per-story analysis and alignment. Not written to any file. */
  timings: { readMs: number; groupMs: number; alignMs: number };
}

export interface CorpusOptions extends AnalyseOptions {
  group?: Partial<GroupOptions>;
  /** Called after each article is read (for a progress line). */
  progress?: (done: number, total: number, phase: 'read' | 'align') => void;
  /** When given, each story's files are passed here as soon as they are made (and left out of `files`). */
  emit?: (file: OutputFile) => void;
  /** Least articles for an outlet row (default DEFAULT_MIN_ARTICLES). */
  minArticles?: number;
  /** The command line, for the metadata (default `parallax corpus DIR`). */
  command?: string;
}

const msSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/**
 * V8's old-generation growth factor for corpus mode, in percent. Corpus mode keeps little alive
 * (~60 MB at 2,000 articles: the model, the grouping features, one story) but allocates fast, and
 * V8 then lets the heap grow to about four times the live data between full collections (peak RSS
 * ~480 MB at 2,000 articles). Growing by at most 50% keeps it near 250 MB for the same time
 * (measured: 1,000 articles, 416 → 253 MB, 93 → 95 s); 15% kept the 2,000 bench texts at 295 MB
 * (50%: 334 MB, 25%: 306 MB; 71–72 s CPU each, load 9–11). Process-wide; corpus mode is the process.
 */
const HEAP_GROWING_PERCENT = 15;

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
class KeptArticles {
  private readonly byPath = new Map<string, { article: AnalysedArticle; drafts: FindingDraft[] }>();
  private chars = 0;
  constructor(private readonly budget: number) {}

  /** Keeps `article` with its findings while the budget allows; an analysis that fails is left to the story pass. */
  offer(article: AnalysedArticle, lexicons: Lexicons, options: CorpusOptions): void {
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

/** Groups and analyses every article under `dirs` (folders or files); returns the files to write into `outDir`. */
export function runCorpus(dirs: string | readonly string[], outDir: string, given: CorpusOptions = {}): CorpusResult {
  const roots = typeof dirs === 'string' ? [dirs] : [...dirs];
  const dir = roots.join(' ');
  const options: CorpusOptions = { ...given, inputs: given.inputs ?? roots }; // the folder rule of outlets
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const t0 = process.hrtime.bigint();
  const { files } = expandInputs(roots);
  const skipped: CorpusResult['skipped'] = [];
  const duplicates: CorpusResult['duplicates'] = [];
  const inputs: StoryInput[] = [];
  const byHash = new Map<string, string>();
  const lexicons = loadLexicons(options);
  const kept = new KeptArticles(KEEP_TEXT_CHARS);
  files.forEach((f, i) => {
    try {
      const article = prepareArticle(f, options, lexicons);
      const input = storyInputOf(article, lexicons);
      const same = byHash.get(input.hash);
      if (same) duplicates.push({ path: f, sameAs: same });
      else {
        byHash.set(input.hash, f);
        inputs.push(input);
        kept.offer(article, lexicons, options);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      skipped.push({ path: f, reason: e.format() });
    }
    options.progress?.(i + 1, files.length, 'read');
  });
  if (inputs.length === 0) {
    throw new InputError('no readable articles', {
      file: dir,
      expected: 'article files (.txt, .md, .html)',
      found: `${files.length} files, none readable`,
      hint: 'check the folder',
    });
  }
  const readMs = msSince(t0);
  const t1 = process.hrtime.bigint();
  const stories = groupStories(inputs, options.group);
  const groupMs = msSince(t1);
  const t2 = process.hrtime.bigint();
  const out: OutputFile[] = [];
  const give = (f: OutputFile) => (options.emit ? options.emit(f) : out.push(f));
  const outletAcc = new OutletAccumulator();
  const command = options.command ?? `parallax corpus ${dir}`;
  const index = stories.map((s, k) => {
    const id = `s${k + 1}`;
    const drafts = new Map<AnalysedArticle, FindingDraft[]>();
    const articles: AnalysedArticle[] = s.members.map((m) => kept.take(inputs[m]!.path, drafts) ?? prepareArticle(inputs[m]!.path, options, lexicons));
    const report: Report = analyseArticles(articles, lexicons, options, drafts);
    outletAcc.add(report);
    give({ path: join(outDir, 'stories', `${id}.json`), content: formatJson(report) });
    give({ path: join(outDir, 'stories', `${id}.md`), content: formatMarkdown(report, { command }) });
    options.progress?.(k + 1, stories.length, 'align');
    return {
      id,
      title: inputs[s.members[0]!]!.title ?? basename(inputs[s.members[0]!]!.path),
      articles: s.members.map((m) => ({ path: inputs[m]!.path, outlet: inputs[m]!.outlet, date: inputs[m]!.date })),
      links: s.links.map((l) => ({ a: inputs[l.a]!.path, b: inputs[l.b]!.path, similarity: l.similarity, shared: l.shared })),
      events: report.events.length,
      multiArticleEvents: report.events.filter((e) => e.articles.length > 1).length,
      json: `stories/${id}.json`,
      markdown: `stories/${id}.md`,
    };
  });
  const outlets = outletAcc.table(options.minArticles ?? DEFAULT_MIN_ARTICLES);
  const alignMs = msSince(t2);
  out.push({
    path: join(outDir, 'stories.json'),
    content: `${JSON.stringify({ generator: GENERATOR_MARK, articles: inputs.length, stories: index, skipped, duplicates }, null, 2)}\n`,
  });
  out.push({
    path: join(outDir, 'outlets.json'),
    content: `${JSON.stringify({ generator: GENERATOR_MARK, minArticles: outlets.minArticles, outlets: outlets.rows, leftOut: outlets.leftOut, withoutOutlet: outlets.withoutOutlet }, null, 2)}\n`,
  });
  out.push({ path: join(outDir, 'outlets.csv'), content: outletsCsv(outlets.rows) });
  out.push({ path: join(outDir, 'outlets.meta.json'), content: outletsMeta(outlets, command) });
  return { files: out, stories: stories.length, articles: inputs.length, skipped, duplicates, outlets, timings: { readMs, groupMs, alignMs } };
}
