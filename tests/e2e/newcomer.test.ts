/**
 * The README's set-up sequence, as a newcomer runs it, on a fresh clone of the last commit:
 * `npm install && npx parallax` (no TTY), then `npm test`, then `git status` must be clean.
 *
 * It tests what is committed (HEAD), not the working tree. The inner `npm test` runs with
 * PARALLAX_NEWCOMER_INNER=1 so that this file does not clone again inside the clone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO, SHARED } from '../helpers.js';

const inner = process.env['PARALLAX_NEWCOMER_INNER'] === '1';
const isCheckout = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: REPO, encoding: 'utf8' }).stdout.trim() === 'true';
if (!inner && !isCheckout) console.warn('tests/e2e/newcomer.test.ts: not a git checkout — skipping the fresh-clone set-up test');

const tmp = mkdtempSync(join(tmpdir(), 'parallax-newcomer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs one step in the clone; returns its exit code and the tail of its output for the failure message. */
function step(cmd: string, args: string[], cwd: string): { status: number | null; tail: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, PARALLAX_NEWCOMER_INNER: '1', CI: 'true' },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, tail: `${r.stdout}\n${r.stderr}`.split('\n').slice(-30).join('\n') };
}

describe.skipIf(inner || !isCheckout)('a newcomer following the README', () => {
  test(
    'npm install && npx parallax, then npm test: tests pass and git status stays clean',
    () => {
      const clone = join(tmp, 'parallax');
      expect(step('git', ['clone', '-q', REPO, clone], tmp).status).toBe(0);
      // Tests that use ../shared find it beside the clone, as they do beside the project.
      if (existsSync(SHARED)) symlinkSync(SHARED, join(tmp, 'shared'));
      for (const [cmd, args] of [
        ['npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']],
        ['npx', ['parallax']],
        ['npm', ['test']],
      ] as const) {
        const r = step(cmd, [...args], clone);
        expect(r.status, `${cmd} ${args.join(' ')} failed:\n${r.tail}`).toBe(0);
      }
      const status = spawnSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' }).stdout;
      expect(status, 'git status after the README’s commands').toBe('');
    },
    40 * 60_000,
  );
});
