/**
 * Ctrl-C (SIGINT) during a run: no half-written report, no temporary file left, a message that
 * says what was completed, exit code 130. The signal is sent after the CLI reports (with
 * --progress) that it has reached a given article: a count, not a clock.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'parallax-sigint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function makeArticles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, `a${String(i).padStart(3, '0')}.txt`),
      `Story ${i}\n\nThe minister said on Monday that ${i * 3 + 1} instructors had arrived in the capital.\n\nCritics called the deal number ${i} a dangerous step, according to local media.\n`,
    );
  }
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  interruptedAt: number;
}

/** Runs `analyze DIR --out OUT --progress` and sends SIGINT once article `at` is announced. */
function runAndInterrupt(dir: string, out: string, at: number): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'analyze', dir, '--out', out, '--progress'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', PARALLAX_WORKERS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let interruptedAt = -1;
    const guard = setTimeout(() => child.kill('SIGKILL'), 300_000); // only against hangs
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const m = [...stderr.matchAll(/^parallax: \[(\d+)\/\d+\]/gm)].pop();
      if (interruptedAt < 0 && m && Number(m[1]) >= at) {
        interruptedAt = Number(m[1]);
        child.kill('SIGINT');
      }
    });
    child.stdout.resume();
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      done({ code, signal, stderr, interruptedAt });
    });
  });
}

describe('SIGINT during analyze', () => {
  it('stops, writes no report and no temporary, says so and exits 130', async () => {
    const dir = join(root, 'articles');
    makeArticles(dir, 40);
    const out = join(root, 'out');
    const r = await runAndInterrupt(dir, out, 3);
    expect(r.interruptedAt).toBeGreaterThanOrEqual(3);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const lines = r.stderr.split('\n').filter(Boolean);
    const last = lines.pop()!;
    expect(lines.every((l) => /^parallax: \[\d+\/40\] /.test(l))).toBe(true);
    expect({ code: r.code, signal: r.signal, last }).toEqual({ code: 130, signal: null, last: 'parallax: interrupted — no report written' });
    let files: string[] = [];
    try {
      files = readdirSync(out);
    } catch {
      files = [];
    }
    expect(files).toEqual([]);
  });

  it('an interrupted re-run keeps the earlier complete reports whole and leaves no temporary', async () => {
    const dir = join(root, 'articles2');
    makeArticles(dir, 30);
    const out = join(root, 'out2');
    // A complete first run.
    const first = await runAndInterrupt(dir, out, Number.MAX_SAFE_INTEGER);
    expect(first.code).toBe(0);
    const before = readdirSync(out).sort();
    expect(before).toEqual(['articles2.html', 'articles2.json', 'articles2.md']);
    const json = readFileSync(join(out, 'articles2.json'), 'utf8');
    // Then a run interrupted at each of several points.
    for (const at of [1, 10, 29]) {
      const r = await runAndInterrupt(dir, out, at);
      expect([130, 0]).toContain(r.code);
      if (r.code === 130) expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^parallax: interrupted — (no report written|wrote [0-3] of 3 files(: .+)?)$/);
      expect(readdirSync(out).sort()).toEqual(before); // no .tmp left, nothing missing
      const again = readFileSync(join(out, 'articles2.json'), 'utf8');
      expect(JSON.parse(again).articles).toHaveLength(30); // complete JSON
      expect(again).toBe(json); // same input, same bytes
    }
  });
});
