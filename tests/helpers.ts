/** Shared test helpers: repo paths, the built CLI, the optional ../shared folder, and an analysed article made from text. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle, ArticleMeta } from '../src/core/types.js';
import { analyseText } from '../src/nlp/index.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built CLI (`PARALLAX_TEST_CLI` runs the CLI tests against another build, e.g. to see a new test fail on main). */
export const CLI = resolve(process.env['PARALLAX_TEST_CLI'] ?? resolve(REPO, 'dist/cli.js'));
export const SHARED = resolve(REPO, '../shared');
export const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(SHARED, 'datasets'));
export const HAS_DATASETS = existsSync(DATASETS);
export const HAS_SHARED_TOOLS = existsSync(resolve(SHARED, 'tools/check-report.mjs'));

/** Runs the built CLI (no TTY) and returns its result. `npm test` builds dist/ first. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeout: 120_000,
  });
}

/** A plain-text article (id a1) whose whole text is body, analysed by the NLP stage as the pipeline does. */
export function analysedArticle(text: string, meta: Partial<ArticleMeta> = {}, path = 'test.txt'): AnalysedArticle {
  const body = [{ start: 0, end: text.length }];
  return {
    id: 'a1',
    path,
    format: 'txt',
    text,
    meta: { title: null, outlet: null, author: null, date: null, url: null, ...meta },
    body,
    boilerplate: [],
    ...analyseText(text, body),
    notices: [],
  };
}
