/** Shared test helpers: repo paths, the built CLI, and the optional ../shared folder. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
