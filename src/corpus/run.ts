/**
 * Corpus mode: many articles about many stories → stories → one report per story plus
 * outlet-level aggregates. Streams: each article is read and analysed once for grouping (only
 * its grouping features are kept), then each story's articles are read again and analysed
 * together. Files that fail with an InputError are skipped and listed; duplicates (same prose)
 * are skipped with a notice. Pure apart from reading the input files; the caller writes.
 */
import { basename, join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, Report } from '../core/types.js';
import { expandInputs } from '../ingest/files.js';
import { analyseArticles, prepareArticle, type AnalyseOptions } from '../pipeline.js';
import { loadLexicons } from '../lexicons/index.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { GENERATOR_MARK, type OutputFile } from '../report/write.js';
import { storyInputOf, type StoryInput } from './features.js';
import { groupStories, type GroupOptions } from './group.js';
import { outletAggregates, outletsCsv, type OutletRow } from './outlets.js';

export interface CorpusResult {
  files: OutputFile[];
  stories: number;
  articles: number;
  skipped: { path: string; reason: string }[];
  duplicates: { path: string; sameAs: string }[];
  outlets: OutletRow[];
}

export interface CorpusOptions extends AnalyseOptions {
  group?: Partial<GroupOptions>;
  /** Called after each article is read (for a progress line). */
  progress?: (done: number, total: number, phase: 'read' | 'align') => void;
}

/** Groups and analyses every article under `dir`; returns the files to write into `outDir`. */
export function runCorpus(dir: string, outDir: string, options: CorpusOptions = {}): CorpusResult {
  const { files } = expandInputs([dir]);
  const skipped: CorpusResult['skipped'] = [];
  const duplicates: CorpusResult['duplicates'] = [];
  const inputs: StoryInput[] = [];
  const byHash = new Map<string, string>();
  files.forEach((f, i) => {
    try {
      const input = storyInputOf(prepareArticle(f, options));
      const same = byHash.get(input.hash);
      if (same) duplicates.push({ path: f, sameAs: same });
      else {
        byHash.set(input.hash, f);
        inputs.push(input);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      skipped.push({ path: f, reason: e.format() });
    }
    options.progress?.(i + 1, files.length, 'read');
  });
  if (inputs.length === 0) {
    throw new InputError('no readable articles', { file: dir, expected: 'article files (.txt, .md, .html)', found: `${files.length} files, none readable`, hint: 'check the folder' });
  }
  const stories = groupStories(inputs, options.group);
  const lexicons = loadLexicons(options);
  const out: OutputFile[] = [];
  const reports: { story: string; report: Report }[] = [];
  const index = stories.map((s, k) => {
    const id = `s${k + 1}`;
    const articles: AnalysedArticle[] = s.members.map((m) => prepareArticle(inputs[m]!.path, options));
    const report = analyseArticles(articles, lexicons);
    reports.push({ story: id, report });
    out.push({ path: join(outDir, 'stories', `${id}.json`), content: formatJson(report) });
    out.push({ path: join(outDir, 'stories', `${id}.md`), content: formatMarkdown(report, { command: `parallax corpus ${dir}` }) });
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
  const outlets = outletAggregates(reports.map((r) => r.report));
  out.push({
    path: join(outDir, 'stories.json'),
    content: `${JSON.stringify({ generator: GENERATOR_MARK, articles: inputs.length, stories: index, skipped, duplicates }, null, 2)}\n`,
  });
  out.push({ path: join(outDir, 'outlets.json'), content: `${JSON.stringify({ generator: GENERATOR_MARK, outlets }, null, 2)}\n` });
  out.push({ path: join(outDir, 'outlets.csv'), content: outletsCsv(outlets) });
  return { files: out, stories: stories.length, articles: inputs.length, skipped, duplicates, outlets };
}
