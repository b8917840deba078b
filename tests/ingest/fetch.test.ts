/**
 * Articles from URLs, against a local HTTP server on 127.0.0.1 (no other network): the limits
 * (timeout, size cap, redirects, content type), one clear error per failure, and through the CLI
 * the saved page beside the report, whose text every offset indexes, with the URL recorded.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, MAX_REDIRECTS, pageFileName } from '../../src/ingest/fetch.js';
import { InputError } from '../../src/core/errors.js';
import type { Report } from '../../src/core/types.js';
import { CLI, REPO } from '../helpers.js';

const BODY = readFileSync(resolve(REPO, 'corpus/lavrov-african-tour.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const PAGE = `<!doctype html><html><head><title>Lavrov in Africa</title><meta property="og:site_name" content="Harbour Wire"></head><body><nav>Home · World</nav><article><h1>Lavrov in Africa</h1>${BODY.split(
  /\n\n+/,
)
  .map((p) => `<p>${esc(p)}</p>`)
  .join('\n')}</article><footer>© Harbour Wire</footer></body></html>`;

let server: Server;
let base = '';
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-fetch-'));
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (path === '/plain') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(BODY);
    if (path === '/latin1')
      return void res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from(`${BODY}\nCaf\u00e9 au lait.\n`, 'latin1'));
    if (path === '/moved') return void res.writeHead(302, { location: '/article' }).end();
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return void res.writeHead(301, { location: `/hop/${Number(hop[1]) + 1}` }).end();
    if (path === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (path === '/big') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'word '.repeat(10_000)}</p>`);
    if (path === '/slow') return void res.writeHead(200, { 'content-type': 'text/html' }).write('<p>the start'); // never ends
    if (path === '/ftp') return void res.writeHead(302, { location: 'ftp://127.0.0.1/x' }).end();
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const failure = async (url: string, limits = {}) => {
  try {
    await fetchPage(url, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format();
  }
  throw new Error('no error');
};

describe('fetchPage', () => {
  it('an HTML page, a plain-text page, a page in another charset', async () => {
    const html = await fetchPage(`${base}/article`);
    expect(html).toEqual({ url: `${base}/article`, finalUrl: `${base}/article`, text: PAGE, extension: '.html' });
    expect((await fetchPage(`${base}/plain`)).extension).toBe('.txt');
    expect((await fetchPage(`${base}/latin1`)).text).toMatch(/Café au lait\.\n$/);
  });
  it('follows redirects up to the limit', async () => {
    expect((await fetchPage(`${base}/moved`)).finalUrl).toBe(`${base}/article`);
    expect(await failure(`${base}/hop/0`)).toBe(
      `${base}/hop/0: too many redirects: expected at most ${MAX_REDIRECTS} redirects, found more than ${MAX_REDIRECTS} redirects (last to /hop/${MAX_REDIRECTS + 1}) — fix: give the address the page finally lives at`,
    );
    expect(await failure(`${base}/ftp`)).toMatch(/cannot fetch this URL: expected an http\(s\) URL, found a ftp: address after a redirect/);
  });
  it('one clear error per failure: status, content type, size, time, no server', async () => {
    expect(await failure(`${base}/gone`)).toBe(
      `${base}/gone: the server refused the page: expected HTTP 200, found HTTP 404 Not Found — fix: check the address`,
    );
    expect(await failure(`${base}/pdf`)).toBe(
      `${base}/pdf: not an article page: expected text/html or text/plain, found content type "application/pdf" — fix: give the address of the article as a web page (HTML or plain text)`,
    );
    expect(await failure(`${base}/big`, { maxBytes: 10_000 })).toMatch(
      /the page is too large to be one article: expected at most 10,000 bytes, found (more than 10,000 bytes|50,007 bytes announced) — fix: raise the limit with --max-bytes/,
    );
    expect(await failure(`${base}/slow`, { timeoutMs: 300 })).toBe(
      `${base}/slow: the page did not answer in time: expected an article page, found no complete answer within 300 ms — fix: try again later, or raise the limit with --fetch-timeout-ms`,
    );
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await failure(`http://127.0.0.1:${port}/x`)).toBe(
      `http://127.0.0.1:${port}/x: cannot fetch the page: expected a server answering at that address, found ECONNREFUSED — fix: check the address and the network connection`,
    );
  });
  it('names saved pages by host, path and a hash of the URL', () => {
    expect(pageFileName({ url: 'https://www.example.com/2024/06/bridge-closes?x=1', extension: '.html' })).toMatch(
      /^www-example-com-2024-06-bridge-closes-[0-9a-f]{8}\.html$/,
    );
  });
});

/** The built CLI, asynchronously (the server answers in this process). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((r) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 }, (err, stdout, stderr) =>
      r({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('parallax analyze URL…', () => {
  it('fetches, keeps the page beside the report, records the URL; every offset indexes the saved page', async () => {
    const r = await cli(['analyze', `${base}/moved`, `${base}/plain`, '--json', 'out/r.json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')) as Report;
    const saved = readdirSync(join(dir, 'out/pages')).sort();
    expect(saved).toHaveLength(2);
    const byUrl = report.articles.map((a) => [a.url, a.outlet, a.outletSource]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    // The page's og:site_name; the plain page has no metadata: its URL's host.
    expect(byUrl).toEqual([
      [`${base}/article`, 'Harbour Wire', 'html-meta'],
      [`${base}/plain`, '127.0.0.1', 'url'],
    ]);
    for (const a of report.articles) {
      expect(a.path.startsWith(join('out', 'pages'))).toBe(true);
      const file = readFileSync(join(dir, a.path), 'utf8');
      expect(file).toBe(a.text);
    }
    const html = report.articles.find((a) => a.format === 'html')!;
    expect(readFileSync(join(dir, html.path), 'utf8')).toBe(PAGE);
    for (const f of report.findings) {
      const a = report.articles.find((x) => x.id === f.article)!;
      expect(readFileSync(join(dir, a.path), 'utf8').slice(f.start, f.end)).toBe(f.text);
    }
    expect(report.findings.length).toBeGreaterThan(0);
  }, 120_000);

  it('a failed page is exit 2 with its error and nothing written; --keep-going leaves it out with a notice', async () => {
    const bad = await cli(['analyze', `${base}/article`, `${base}/pdf`, '--json', 'bad/r.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `parallax: ${base}/pdf: not an article page: expected text/html or text/plain, found content type "application/pdf" — fix: give the address of the article as a web page (HTML or plain text)\n`,
    );
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    const kept = await cli(['analyze', `${base}/article`, `${base}/gone`, '--json', 'kept/r.json', '--keep-going']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain(`parallax: skipped ${base}/gone: the server refused the page: expected HTTP 200, found HTTP 404 Not Found`);
    expect((JSON.parse(readFileSync(join(dir, 'kept/r.json'), 'utf8')) as Report).articles.map((a) => a.url)).toEqual([`${base}/article`]);
  }, 120_000);
});

describe('parallax corpus URL…', () => {
  it('fetches the pages into pages/ beside the output folder and groups them with the rest', async () => {
    const r = await cli(['corpus', `${base}/article`, `${base}/plain`, `${base}/pdf`, '--out', 'res/corpus', '--min-articles', '1']);
    expect(r.code, r.stderr).toBe(0);
    // In corpus mode a page that fails is left out with a notice, as an unreadable file is.
    expect(r.stderr).toContain(`parallax: skipped ${base}/pdf: not an article page`);
    expect(readdirSync(join(dir, 'res/pages'))).toHaveLength(2);
    const outlets = JSON.parse(readFileSync(join(dir, 'res/corpus/outlets.json'), 'utf8')) as {
      outlets: { outlet: string; outletSources: Record<string, number> }[];
    };
    expect(outlets.outlets.map((o) => [o.outlet, o.outletSources])).toEqual([
      ['127.0.0.1', { url: 1 }],
      ['Harbour Wire', { 'html-meta': 1 }],
    ]);
    const index = JSON.parse(readFileSync(join(dir, 'res/corpus/stories.json'), 'utf8')) as { stories: { articles: { path: string }[] }[] };
    for (const s of index.stories) for (const a of s.articles) expect(a.path.startsWith(join('res', 'pages'))).toBe(true);
  }, 120_000);
});
