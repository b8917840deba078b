/**
 * Corpus mode: many articles about many stories → stories → one report per story plus
 * outlet-level aggregates. Streams: each article is read and tokenised once for grouping (its
 * grouping features are kept, and the prepared article in compact form up to a text budget),
 * then each story's articles are analysed and aligned together. Files that fail with an
 * InputError are skipped and listed; duplicates (same prose) are skipped with a notice. Pure
 * apart from reading the input files; the caller writes.
 *
 * Memory: the grouping features (term counts, a hash) are kept per article, and prepared articles
 * in compact form up to KEEP_TEXT_CHARS of text (src/corpus/story.ts; past it a story's articles
 * are prepared again); a story's articles are dropped after it is made; outlet aggregates are summed
 * report by report; with `emit`, story files are handed over as they are made, not kept; and the
 * heap is kept from growing far past that live data (HEAP_GROWING_PERCENT).
 */
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../core/errors.js';
import { expandInputs } from '../ingest/files.js';
import type { AnalyseOptions } from '../pipeline.js';
import { loadLexicons } from '../lexicons/index.js';
import { GENERATOR_MARK, type OutputFile } from '../report/write.js';
import type { StoryInput } from './features.js';
import { groupStories, type GroupOptions } from './group.js';
import { DEFAULT_MIN_ARTICLES, OutletAccumulator, outletsCsv, outletsMeta, type OutletTable } from './outlets.js';
import { KEEP_TEXT_CHARS, KeptArticles, readOne, storyResult } from './story.js';
import { ARTICLE_COLUMNS, FINDING_COLUMNS, exportMeta, tidyCsv } from './exports.js';
export { KEEP_TEXT_CHARS } from './story.js';
import { startReaders } from './threads.js';

export interface CorpusResult {
  files: OutputFile[];
  stories: number;
  articles: number;
  skipped: { path: string; reason: string }[];
  duplicates: { path: string; sameAs: string }[];
  /** Pairs of one outlet's articles in one story that read as versions of one article (counted both; see NEAR_DUPLICATE). */
  nearDuplicates: { a: string; b: string; outlet: string; similarity: number }[];
  /** Outlet rows (at least `minArticles` articles each) and what was left out. */
  outlets: OutletTable;
  /** Wall time of the phases (ms): reading + grouping features, story grouping, per-story analysis and alignment. Not written to any file. */
  timings: { readMs: number; groupMs: number; alignMs: number };
  /** Worker threads that read the articles and made the stories (0: the main thread alone, the default). Not written to any file. */
  threads: number;
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

/**
 * Least story-link similarity at which two articles of one outlet are listed as possible versions
 * of one article (an update, a print and a web edition): kept and counted, but named on stderr and
 * in stories.json so a researcher can drop one. PolNeAR train (tuning) has 4 same-outlet links at or
 * above it (0.997, 0.990, 0.910, 0.895), each two editions of one article when read; the next,
 * 0.842, is one too, and 0.823 two different live-blog posts. BASIL dev's highest link is 0.66,
 * PolNeAR dev's 0.41.
 */
export const NEAR_DUPLICATE = 0.85;

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
 * The rows of one CSV export, story by story. With `emit`, the header goes out at once and each story's rows are
 * appended as they are made (findings.csv holds ~40 rows an article: kept whole, 2,000 articles cost ~120 MB more
 * peak RSS); without it they are kept and `whole` adds the file to `out`. The bytes are the same either way.
 */
function csvRows(path: string, columns: readonly { name: string }[], emit: ((file: OutputFile) => void) | undefined) {
  const kept: string[] = [];
  emit?.({ path, content: tidyCsv(columns, []) });
  return {
    add(lines: readonly string[]): void {
      if (!emit) for (const l of lines) kept.push(l);
      else if (lines.length > 0) emit({ path, content: `${lines.join('\n')}\n`, append: true });
    },
    whole(out: OutputFile[]): void {
      if (!emit) out.push({ path, content: tidyCsv(columns, kept) });
    },
  };
}

/** Groups and analyses every article under `dirs` (folders or files); returns the files to write into `outDir`. */
export function runCorpus(dirs: string | readonly string[], outDir: string, given: CorpusOptions = {}): CorpusResult {
  const roots = typeof dirs === 'string' ? [dirs] : [...dirs];
  const dir = roots.join(' ');
  const options: CorpusOptions = { ...given, inputs: given.inputs ?? roots }; // the folder rule of outlets
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const t0 = process.hrtime.bigint();
  const { files, ownReports } = expandInputs(roots);
  const skipped: CorpusResult['skipped'] = ownReports.map((path) => ({ path, reason: `${path}: a report parallax wrote, not an article` }));
  const duplicates: CorpusResult['duplicates'] = [];
  const inputs: StoryInput[] = [];
  const byHash = new Map<string, string>();
  const lexicons = loadLexicons(options);
  const command = options.command ?? `parallax corpus ${dir}`;
  const readers = startReaders(files.length, options, KEEP_TEXT_CHARS);
  // With workers, the main thread keeps its share of the budget and works too.
  const kept = new KeptArticles(readers ? Math.floor(KEEP_TEXT_CHARS / (readers.size + 1)) : KEEP_TEXT_CHARS);
  readers?.share({
    read: (path) => readOne(path, kept, lexicons, options, () => true),
    kept: (path) => kept.has(path),
    drop: (path) => kept.drop(path),
    story: (paths, id) => storyResult(paths, kept, lexicons, options, outDir, id, command),
  });
  const readFile = readers?.read(files);
  try {
    const inputFile: number[] = [];
    files.forEach((f, i) => {
      const got = readFile?.(i) ?? readOne(f, kept, lexicons, options, (hash) => !byHash.has(hash));
      if ('skip' in got) skipped.push({ path: f, reason: got.skip });
      else {
        const same = byHash.get(got.hash);
        if (same) {
          duplicates.push({ path: f, sameAs: same });
          readers?.drop(i, f);
        } else {
          byHash.set(got.hash, f);
          inputs.push(got);
          inputFile.push(i);
        }
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
    const nearDuplicates = stories.flatMap((s) =>
      s.links
        .filter((l) => l.similarity >= NEAR_DUPLICATE && inputs[l.a]!.outlet !== null && inputs[l.a]!.outlet === inputs[l.b]!.outlet)
        .map((l) => {
          const [a, b] = [inputs[l.a]!.path, inputs[l.b]!.path].sort();
          return { a: a!, b: b!, outlet: inputs[l.a]!.outlet!, similarity: l.similarity };
        }),
    );
    const t2 = process.hrtime.bigint();
    const out: OutputFile[] = [];
    const give = (f: OutputFile) => (options.emit ? options.emit(f) : out.push(f));
    const outletAcc = new OutletAccumulator();
    const articleRows = csvRows(join(outDir, 'articles.csv'), ARTICLE_COLUMNS, options.emit);
    const findingRows = csvRows(join(outDir, 'findings.csv'), FINDING_COLUMNS, options.emit);
    const made = readers?.stories(stories, inputs, inputFile, outDir, command);
    const index = stories.map((s, k) => {
      const id = `s${k + 1}`;
      const paths = s.members.map((m) => inputs[m]!.path);
      const done = made?.(k) ?? storyResult(paths, kept, lexicons, options, outDir, id, command);
      outletAcc.addPart(done.part);
      articleRows.add(done.rows.articles);
      findingRows.add(done.rows.findings);
      done.files.forEach(give);
      options.progress?.(k + 1, stories.length, 'align');
      return {
        id,
        title: inputs[s.members[0]!]!.title ?? basename(inputs[s.members[0]!]!.path),
        articles: s.members.map((m) => ({ path: inputs[m]!.path, outlet: inputs[m]!.outlet, date: inputs[m]!.date })),
        links: s.links.map((l) => ({ a: inputs[l.a]!.path, b: inputs[l.b]!.path, similarity: l.similarity, shared: l.shared })),
        events: done.events,
        multiArticleEvents: done.multiArticleEvents,
        json: `stories/${id}.json`,
        markdown: `stories/${id}.md`,
      };
    });
    const outlets = outletAcc.table(options.minArticles ?? DEFAULT_MIN_ARTICLES);
    const alignMs = msSince(t2);
    out.push({
      path: join(outDir, 'stories.json'),
      content: `${JSON.stringify({ generator: GENERATOR_MARK, articles: inputs.length, stories: index, skipped, duplicates, nearDuplicates }, null, 2)}\n`,
    });
    out.push({
      path: join(outDir, 'outlets.json'),
      content: `${JSON.stringify({ generator: GENERATOR_MARK, minArticles: outlets.minArticles, shownAt: outlets.shownAt, outlets: outlets.rows, leftOut: outlets.leftOut, withoutOutlet: outlets.withoutOutlet }, null, 2)}\n`,
    });
    out.push({ path: join(outDir, 'outlets.csv'), content: outletsCsv(outlets.rows) });
    out.push({ path: join(outDir, 'outlets.meta.json'), content: outletsMeta(outlets, command) });
    articleRows.whole(out);
    out.push({ path: join(outDir, 'articles.meta.json'), content: exportMeta('articles.csv', ARTICLE_COLUMNS, command, { shownAt: outlets.shownAt }) });
    findingRows.whole(out);
    out.push({ path: join(outDir, 'findings.meta.json'), content: exportMeta('findings.csv', FINDING_COLUMNS, command, { shownAt: outlets.shownAt }) });
    return {
      files: out,
      stories: stories.length,
      articles: inputs.length,
      skipped,
      duplicates,
      nearDuplicates,
      outlets,
      timings: { readMs, groupMs, alignMs },
      threads: readers?.size ?? 0,
    };
  } finally {
    readers?.close();
  }
}
