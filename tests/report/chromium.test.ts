/**
 * The HTML report of the bundled corpus in headless Chromium: it renders (a non-trivial
 * screenshot), logs no console error or failed request, and the rendered DOM has each shared
 * event's outlet columns. Skips, saying so, when Chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analysePaths } from '../../src/pipeline.js';
import { formatHtml } from '../../src/report/html.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const SKIP = CHROMIUM === undefined;
if (SKIP) console.warn('chromium not installed: skipping the HTML report browser test (apt-get install -y chromium)');

function chromium(dir: string, args: string[]) {
  return spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe.skipIf(SKIP)(`HTML report in headless Chromium${SKIP ? ' (skipped: chromium not installed)' : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const report = analysePaths(['corpus']);
  const page = join(dir, 'corpus.html');
  writeFileSync(page, formatHtml(report, { command: 'parallax analyze corpus' }));
  const url = pathToFileURL(page).href;

  it('renders a non-trivial screenshot with no console errors or failed requests', () => {
    const png = join(dir, 'shot.png');
    const run = chromium(dir, [`--screenshot=${png}`, '--window-size=1400,1000', url]);
    expect(existsSync(png), run.stderr).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1400, 1000]);
    expect(bytes.length).toBeGreaterThan(40_000); // a blank page compresses to a few kB
    // The page has no script: any console message (`INFO:CONSOLE:1] "…"`) or failed request is a fault.
    expect(run.stderr).not.toMatch(/:CONSOLE[:(]|Uncaught|net::ERR_/);
  });

  it('lays out each shared event in one column per outlet', () => {
    const run = chromium(dir, ['--dump-dom', url]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/:CONSOLE[:(]|Uncaught|net::ERR_/);
    const { document } = parseHTML(run.stdout);
    const shared = report.events.filter((e) => e.articles.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const e of shared) {
      const cols = [...document.querySelectorAll(`#${e.id} .columns > .col`)];
      expect(cols.map((c) => c.getAttribute('data-col'))).toEqual(report.articles.map((_, i) => String(i)));
    }
    expect(document.querySelectorAll('.version mark.loaded[title]').length).toBeGreaterThan(0);
  });

  it("enforces its Content-Security-Policy: the report's own style sheet and style attributes apply, anything else is refused", () => {
    const html = readFileSync(page, 'utf8');
    // Without the hashes of its style attributes, the browser refuses them: the policy is live and exact.
    const strict = join(dir, 'strict.html');
    writeFileSync(strict, html.replace(/ 'unsafe-hashes'( 'sha256-[^']+')+/, ''));
    const refused = chromium(dir, ['--dump-dom', pathToFileURL(strict).href]);
    expect(refused.stderr).toMatch(/Applying inline style violates the following Content Security Policy directive/);
    // Markup that got into the page some other way (a script, an outside image) would not run or load.
    const injected = join(dir, 'injected.html');
    writeFileSync(injected, html.replace('<body>', '<body><script>console.log("ran")</script><img src="http://127.0.0.1:9/x.png">'));
    const blocked = chromium(dir, ['--dump-dom', pathToFileURL(injected).href]);
    expect(blocked.stderr).toMatch(/Executing inline script violates the following Content Security Policy directive/);
    expect(blocked.stderr).not.toMatch(/"ran"/);
    expect(blocked.stderr).toMatch(/Loading the image 'http:\/\/127\.0\.0\.1:9\/x\.png' violates the following Content Security Policy directive/);
  });

  it('nothing overflows its card at 1,400, 800 or 640 px wide (per-outlet attribution tables included), nor the page', () => {
    // The report's policy refuses scripts, so the measuring script runs in a copy without the
    // policy; the layout under test (style sheet, markup) is the report's own, byte for byte.
    const measure = `<script>
const bad = [];
for (const card of document.querySelectorAll('.col')) {
  const c = card.getBoundingClientRect();
  for (const el of card.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > c.right + 1 || r.left < c.left - 1)) bad.push((card.closest('[id]') || {}).id + ' ' + el.tagName + ' +' + Math.round(r.right - c.right) + 'px');
  }
}
document.body.setAttribute('data-measure', JSON.stringify({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth, tables: document.querySelectorAll('.col table').length, bad: bad.slice(0, 5) }));
</script>`;
    const html = readFileSync(page, 'utf8');
    const probe = join(dir, 'measure.html');
    writeFileSync(probe, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${measure}</body>`));
    for (const width of [1400, 800, 640]) {
      const run = chromium(dir, [`--window-size=${width},2000`, '--dump-dom', pathToFileURL(probe).href]);
      const { document } = parseHTML(run.stdout);
      const m = JSON.parse(document.body.getAttribute('data-measure') ?? 'null') as { page: number; tables: number; bad: string[] } | null;
      expect(m, run.stderr).not.toBeNull();
      const withTables = report.articles.filter((a) => report.scores[a.id]!.attributions > 0).length;
      expect(withTables).toBeGreaterThan(0);
      expect(m!.tables).toBe(withTables); // each outlet's shown attributions, measured
      expect({ width, bad: m!.bad }).toEqual({ width, bad: [] });
      expect(m!.page).toBeLessThanOrEqual(0);
    }
  });
});
