/**
 * Ctrl-C at scale (issue #19, item 2): SIGINT during `analyze` of 200 real articles or `corpus`
 * of 500 — while articles are read, and later, while they are aligned and rendered — ends the
 * run with exit 130 within 1 s, writes no report and leaves no temporary file or staging folder.
 * The articles are PolNeAR train texts when ../shared/datasets is present, else the bundled
 * articles varied (sentences rotated, numbers changed) so that no two are duplicates.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, DATASETS, HAS_DATASETS, REPO } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'parallax-sigint-scale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `n` real, distinct article texts. */
function texts(n: number): string[] {
  const polnear = join(DATASETS, 'polnear', 'train', 'text');
  if (HAS_DATASETS && existsSync(polnear))
    return readdirSync(polnear)
      .sort()
      .slice(0, n)
      .map((f) => readFileSync(join(polnear, f), 'utf8'));
  console.warn(`${DATASETS} not found: SIGINT tests use the bundled articles, varied`);
  const bodies = readdirSync(join(REPO, 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(REPO, 'corpus', f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
  return Array.from({ length: n }, (_, i) => {
    const paras = bodies[i % bodies.length]!.split(/\n\s*\n/);
    const k = Math.floor(i / bodies.length) % paras.length;
    return [...paras.slice(k), ...paras.slice(0, k)].join('\n\n').replace(/\d+/g, (d) => String(Number(d) + i));
  });
}

function folder(name: string, n: number): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  texts(n).forEach((t, i) => writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.txt`), t));
  return dir;
}

interface Outcome {
  code: number | null;
  stderr: string;
  /** Milliseconds from the SIGINT to the process's exit. */
  afterSignal: number;
}

/** Runs the CLI and sends SIGINT once `ready(stderr)` holds and `delay` ms more have passed. */
function interrupt(args: string[], ready: (stderr: string) => boolean, delay: number): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = 0;
    const guard = setTimeout(() => child.kill('SIGKILL'), 300_000); // only against hangs
    const send = () => {
      if (sent) return;
      sent = -1;
      setTimeout(() => {
        sent = performance.now();
        child.kill('SIGINT');
      }, delay);
    };
    if (ready('')) send();
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (ready(stderr)) send();
    });
    child.on('exit', (code) => {
      clearTimeout(guard);
      done({ code, stderr, afterSignal: sent > 0 ? performance.now() - sent : -1 });
    });
  });
}

const leftovers = (dir: string) => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : []).filter((f) => /\.tmp$|parallax-/.test(f));
const announced = (n: number) => (stderr: string) => new RegExp(`^parallax: \\[${n}/`, 'm').test(stderr);

describe('SIGINT during analyze of 200 articles', () => {
  const dir = folder('analyze200', 200);
  it.each([
    ['while articles are read', announced(50), 0],
    ['after the last article, while they are analysed, aligned and rendered', announced(200), 1500],
  ])('%s: exit 130 within 1 s, no report, no temporary', async (_, ready, delay) => {
    const out = join(root, `out-${delay}`);
    const r = await interrupt(['analyze', dir, '--out', out, '--progress'], ready, delay);
    expect({ code: r.code, last: r.stderr.trimEnd().split('\n').pop() }).toEqual({ code: 130, last: 'parallax: interrupted — no report written' });
    expect(r.afterSignal).toBeGreaterThan(0);
    expect(r.afterSignal).toBeLessThan(1000);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('SIGINT during corpus of 500 articles', () => {
  const dir = folder('corpus500', 500);
  it.each([3000, 8000])('after %i ms: exit 130 within 1 s, the output folder untouched, no staging folder left', async (delay) => {
    const out = join(root, 'corpus-out');
    mkdirSync(out, { recursive: true });
    const r = await interrupt(['corpus', dir, '--out', out], () => true, delay);
    expect(r.code).toBe(130);
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^parallax: interrupted — (no report written|wrote 0 of \d+ files)$/);
    expect(r.afterSignal).toBeGreaterThan(0);
    expect(r.afterSignal).toBeLessThan(1000);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });
});
