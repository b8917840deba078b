/**
 * Property-based tests of the whole pipeline on generated articles (hostile Unicode and realistic
 * news prose): the report contract holds, analysis terminates, input order does not matter and
 * the same input gives byte-identical reports. Runs per property: PARALLAX_FUZZ_RUNS (default
 * below); seed: PARALLAX_FUZZ_SEED.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { LimitError } from '../../src/core/limits.js';
import type { AnalysedArticle, Report } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatHtml } from '../../src/report/html.js';
import { canonicalAnalysis, contractProblems } from './contract.js';
import { frontMatter, fuzzRuns, fuzzSeed, hostileText, spicedArticle } from './generators.js';

const RUNS = fuzzRuns(250);
const MULTI_RUNS = fuzzRuns(80);
const lexicons = loadLexicons();
const root = mkdtempSync(join(tmpdir(), 'parallax-props-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Cases run per property, collected for the summary printed at the end. */
export const stats = { cases: 0, rejected: 0, articles: 0, findings: 0, events: 0, kinds: new Map<string, number>() };

type Ext = 'txt' | 'md' | 'html';

function fileText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

function toFile(text: string, ext: Ext): string {
  return ext === 'html' ? `<!doctype html><html><head><title>t</title></head><body><article><p>${text}</p></article></body></html>` : text;
}

/** Prepares an article; InputErrors other than resource limits are accepted rejections (returns null). */
function prepareOrReject(path: string): AnalysedArticle | null {
  try {
    return prepareArticle(path, { timeoutMs: 60_000 });
  } catch (e) {
    if (e instanceof LimitError) throw e; // small generated files must never hit a limit
    if (e instanceof InputError) {
      const line = e.format();
      if (line.includes('\n') || line.includes('\x1b')) throw new Error(`error message is not one safe line: ${JSON.stringify(line)}`);
      stats.rejected++;
      return null;
    }
    throw e;
  }
}

function record(report: Report): void {
  stats.articles += report.articles.length;
  stats.findings += report.findings.length;
  stats.events += report.events.length;
  for (const f of report.findings) stats.kinds.set(f.kind, (stats.kinds.get(f.kind) ?? 0) + 1);
}

function sourcesOf(paths: readonly string[]): Map<string, string> {
  return new Map(paths.map((p) => [p, fileText(p)]));
}

/** Writes the texts as files `a0.md`, `a1.md`, ... in a fresh folder; `names` permutes the names. */
function writeSet(texts: readonly string[], names?: readonly number[]): string[] {
  const base = mkdtempSync(join(root, 's-'));
  return texts.map((t, i) => {
    const p = join(base, `a${names?.[i] ?? i}.md`);
    writeFileSync(p, t);
    return p;
  });
}

describe('generated articles: the report contract holds', () => {
  it(`hostile Unicode, quote marks, bidi, escapes, markup in .txt/.md/.html (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom<Ext>('txt', 'md', 'html'), fc.boolean(), fc.option(frontMatter, { nil: null }), (text, ext, bom, fm) => {
        stats.cases++;
        const body = ext === 'md' && fm ? fm + text : toFile(text, ext);
        const dir = mkdtempSync(join(root, 'h-'));
        const path = join(dir, `article.${ext}`);
        writeFileSync(path, (bom ? '\uFEFF' : '') + body);
        const article = prepareOrReject(path);
        if (!article) return;
        expect(article.text).toBe(fileText(path));
        const report = analyseArticles([article], lexicons);
        record(report);
        expect(contractProblems(report, sourcesOf([path]))).toEqual([]);
      }),
      { numRuns: RUNS, seed: fuzzSeed() },
    );
  });

  const spliceExts: Ext[] = ['txt', 'md', 'html'];
  it(`realistic news articles with hostile fragments spliced in (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(spicedArticle, fc.option(frontMatter, { nil: null }), fc.constantFrom<Ext>(...spliceExts), (text, fm, ext) => {
        stats.cases++;
        const dir = mkdtempSync(join(root, 'r-'));
        const path = join(dir, `article.${ext}`);
        writeFileSync(path, ext === 'md' && fm ? fm + text : toFile(text, ext));
        const article = prepareOrReject(path);
        if (!article) return;
        const report = analyseArticles([article], lexicons);
        record(report);
        expect(contractProblems(report, sourcesOf([path]))).toEqual([]);
      }),
      { numRuns: RUNS, seed: fuzzSeed() + 1 },
    );
  });
});

const articleSet = fc
  .array(fc.tuple(spicedArticle, frontMatter), { minLength: 2, maxLength: 4 })
  .map((xs) => xs.map(([text, fm]) => fm + text))
  .filter((xs) => new Set(xs.map((x) => x.replace(/^---[\s\S]*?---\n/, '').replace(/\s+/g, ' '))).size === xs.length);

describe('generated article sets: order and repetition do not change the report', () => {
  it(`permuting the input articles gives the same report (${MULTI_RUNS} runs)`, () => {
    fc.assert(
      fc.property(articleSet, fc.infiniteStream(fc.nat()), (texts, rnd) => {
        stats.cases++;
        const paths = writeSet(texts);
        const first = paths.map(prepareOrReject);
        if (first.some((a) => a === null)) return;
        const reportA = analyseArticles(first as AnalysedArticle[], lexicons);
        record(reportA);
        expect(contractProblems(reportA, sourcesOf(paths))).toEqual([]);
        // Same files, shuffled input order: byte-identical report.
        const order = [...paths.keys()].sort((a, b) => ((rnd.next().value as number) % 3) - 1 || a - b);
        const shuffled = order.map((i) => prepareOrReject(paths[i]!) as AnalysedArticle);
        const reportB = analyseArticles(shuffled, lexicons);
        expect(formatJson(reportB)).toBe(formatJson(reportA));
        // Same texts under permuted file names (so other ids): the same findings and events.
        const names = [...texts.keys()].reverse();
        const renamed = writeSet(texts, names);
        const reportC = analyseArticles(
          renamed.map((p) => prepareOrReject(p) as AnalysedArticle),
          lexicons,
        );
        expect(canonicalAnalysis(reportC)).toEqual(canonicalAnalysis(reportA));
      }),
      { numRuns: MULTI_RUNS, seed: fuzzSeed() + 2 },
    );
  });

  it(`the same input gives byte-identical JSON, markdown and HTML (${MULTI_RUNS} runs)`, () => {
    fc.assert(
      fc.property(articleSet, (texts) => {
        stats.cases++;
        const paths = writeSet(texts);
        const run = () => {
          const prepared = paths.map(prepareOrReject);
          if (prepared.some((a) => a === null)) return null;
          const report = analyseArticles(prepared as AnalysedArticle[], lexicons);
          return [formatJson(report, true), formatMarkdown(report, { command: 'x' }), formatHtml(report, { command: 'x' })];
        };
        const a = run();
        const b = run();
        expect(b).toEqual(a);
      }),
      { numRuns: MULTI_RUNS, seed: fuzzSeed() + 3 },
    );
  });

  it('ran the generated cases and the analyses fired on them', () => {
    // Printed so the run log says how many cases ran and what they produced.
    console.log(
      `hardening properties: ${stats.cases} generated cases, ${stats.rejected} rejected with an input error, ` +
        `${stats.articles} articles analysed, ${stats.findings} findings (${[...stats.kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ${stats.events} events`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(2 * RUNS + 2 * MULTI_RUNS); // more when a failure was shrunk
    expect(stats.articles).toBeGreaterThan(RUNS);
    for (const kind of ['loaded', 'attribution', 'unsourced']) expect(stats.kinds.get(kind) ?? 0).toBeGreaterThan(RUNS);
    expect(stats.events).toBeGreaterThan(RUNS);
  });
});
