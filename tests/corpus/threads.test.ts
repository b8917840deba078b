/**
 * Corpus mode with a worker thread beside the main thread (PARALLAX_WORKERS=1) writes the same files as one thread: on
 * the first 120 PolNeAR train texts (real news, several multi-article stories; skipped when
 * ../shared/datasets is absent) with the bundled corpus, a duplicate and an unreadable file beside
 * them. Runs compiled code (workers need .js files).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, ROOT } from '../bench/build-dist.js';

type Run = typeof import('../../src/corpus/run.js');

const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(ROOT, '../shared/datasets'));
const TEXTS = join(DATASETS, 'polnear', 'train', 'text');
let run: Run;
let dir: string;

beforeAll(async () => {
  buildDist(['dist/corpus/run.js', 'dist/corpus/worker.js']);
  run = (await import(pathToFileURL(join(ROOT, 'dist', 'corpus', 'run.js')).href)) as Run;
  dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-threads-'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs corpus mode on `input` with `PARALLAX_WORKERS` set to `workers` (undefined: unset); the files by path, and the threads used. */
function corpusWith(input: string, workers: string | undefined) {
  const before = process.env['PARALLAX_WORKERS'];
  if (workers === undefined) delete process.env['PARALLAX_WORKERS'];
  else process.env['PARALLAX_WORKERS'] = workers;
  try {
    const files = new Map<string, string>();
    const r = run.runCorpus(input, join(dir, 'out'), { emit: (f) => files.set(f.path, (f.append ? (files.get(f.path) ?? '') : '') + f.content) });
    for (const f of r.files) files.set(f.path, f.content);
    return { files, threads: r.threads, stories: r.stories, articles: r.articles };
  } finally {
    if (before === undefined) delete process.env['PARALLAX_WORKERS'];
    else process.env['PARALLAX_WORKERS'] = before;
  }
}

describe.skipIf(!existsSync(TEXTS))('corpus mode in worker threads', () => {
  it('writes byte-identical files to one thread on real texts', () => {
    const input = join(dir, 'in');
    const names = readdirSync(TEXTS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 120);
    mkdirSync(input, { recursive: true });
    for (const f of names) copyFileSync(join(TEXTS, f), join(input, f));
    for (const f of readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.md'))) copyFileSync(join(ROOT, 'corpus', f), join(input, f));
    copyFileSync(join(TEXTS, names[3]!), join(input, 'zz-copy.txt'));
    writeFileSync(join(input, 'zz-empty.txt'), '  \n');
    const one = corpusWith(input, undefined);
    const two = corpusWith(input, '1');
    expect(one.threads).toBe(0);
    expect(two.threads).toBe(1); // one worker besides the main thread
    expect(one.articles).toBe(123);
    expect(one.stories).toBeLessThan(one.articles); // some stories have several articles
    expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
    for (const [path, content] of one.files) expect(two.files.get(path), path).toBe(content);
    const index = JSON.parse(one.files.get(join(dir, 'out', 'stories.json'))!) as { duplicates: { path: string }[]; skipped: { path: string }[] };
    expect(index.duplicates.map((d) => d.path)).toEqual([join(input, 'zz-copy.txt')]);
    expect(index.skipped.map((d) => d.path)).toEqual([join(input, 'zz-empty.txt')]);
  }, 600_000);
});
