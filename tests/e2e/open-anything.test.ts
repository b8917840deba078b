/**
 * `npx parallax DIR` in a real terminal (tmux) at 120×40 and 80×24: the browser opens on DIR's
 * articles (and only those). Runs the README's command from the repo (npx resolves the package's
 * own bin), on a temporary folder holding two of the bundled articles.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO } from '../helpers.js';
import { hasTmux, tmuxServer } from './tmux.js';

if (!hasTmux) console.warn('tests/e2e/open-anything.test.ts: tmux is not installed — skipping the terminal tests (apt-get install tmux)');

const SOCKET = `parallax-open-${process.pid}`;
const { tmux, waitFor, waitForFile, kill } = tmuxServer(SOCKET, 60_000);

let dir = '';
beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'parallax-open-'));
  mkdirSync(join(dir, 'mine'));
  for (const f of ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'starfolk-2025-04-03-russia-military-influence-west-africa.md'])
    copyFileSync(join(REPO, 'corpus', f), join(dir, 'mine', f));
}, 120_000);
afterAll(() => {
  if (hasTmux) kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('`npx parallax DIR` in a terminal', () => {
  for (const [width, height] of [
    [120, 40],
    [80, 24],
  ] as const) {
    test(`${width}×${height}: the browser opens on DIR's two articles, and q quits with 0`, async () => {
      const s = `open-${width}`;
      const exitFile = join(dir, `${s}.exit`);
      tmux(
        'new-session',
        '-d',
        '-x',
        String(width),
        '-y',
        String(height),
        '-s',
        s,
        '-c',
        REPO,
        `npx --offline parallax ${join(dir, 'mine')}; echo EXIT=$? > ${exitFile}; sleep 60`,
      );
      const screen = await waitFor(s, (x) => x.includes('Newsvoice') && x.includes('Starfolk'), 'the overview of the two outlets');
      const rows = screen.split('\n');
      expect(rows[0]).toMatch(/^parallax {2}Overview {2}Events {2}Actors {2}Sources/);
      // Only DIR's articles: the third bundled article is not there.
      expect(screen).not.toContain('lavrov-african-tour');
      for (const r of rows) expect([...r].length).toBeLessThanOrEqual(width);
      tmux('send-keys', '-t', s, 'q');
      expect(await waitForFile(exitFile)).toBe('EXIT=0\n');
    }, 120_000);
  }

  test('`npx parallax open r.json` browses a saved report; a broken one is refused with exit 2 before the screen changes', async () => {
    execFileSync(process.execPath, [join(REPO, 'dist/cli.js'), 'analyze', join(dir, 'mine'), '--json', join(dir, 'r.json')], { cwd: dir, stdio: 'ignore' });
    const s = 'open-report';
    const exitFile = join(dir, `${s}.exit`);
    tmux(
      'new-session',
      '-d',
      '-x',
      '120',
      '-y',
      '40',
      '-s',
      s,
      '-c',
      REPO,
      `npx --offline parallax open ${join(dir, 'r.json')}; echo EXIT=$? > ${exitFile}; sleep 60`,
    );
    const screen = await waitFor(s, (x) => x.includes('Newsvoice') && x.includes('Starfolk'), 'the overview of the saved report');
    expect(screen.split('\n')[0]).toMatch(/^parallax {2}Overview {2}Events {2}Actors {2}Sources/);
    tmux('send-keys', '-t', s, 'q');
    expect(await waitForFile(exitFile)).toBe('EXIT=0\n');
    writeFileSync(join(dir, 'broken.json'), '{"schema": "parallax/report@1", "articles": [');
    const b = 'open-broken';
    const brokenExit = join(dir, `${b}.exit`);
    tmux(
      'new-session',
      '-d',
      '-x',
      '120',
      '-y',
      '40',
      '-s',
      b,
      '-c',
      REPO,
      `npx --offline parallax open ${join(dir, 'broken.json')}; echo EXIT=$? > ${brokenExit}; sleep 60`,
    );
    expect(await waitForFile(brokenExit)).toBe('EXIT=2\n');
    // The one error line, wrapped by the terminal (which drops the space at a break): compared without spaces.
    const squash = (t: string) => t.replace(/\s+/g, '');
    const error = squash(await waitFor(b, (x) => squash(x).includes('thereportisnotvalidJSON'), 'the error'));
    expect(error).toContain(
      squash(
        `parallax: ${join(dir, 'broken.json')}: the report is not valid JSON: expected JSON as parallax analyze --json writes it, found Unexpected end of JSON input — fix:`,
      ),
    );
  }, 120_000);
});
