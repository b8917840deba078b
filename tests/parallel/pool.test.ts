/**
 * The worker pool gives the same articles and findings whatever the worker count, the same as
 * the serial pipeline, and throws the same errors. Runs compiled code (workers need .js files).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, ROOT } from '../bench/build-dist.js';

type Pool = typeof import('../../src/parallel/pool.js');
type Pipeline = typeof import('../../src/pipeline.js');
type Lex = typeof import('../../src/lexicons/index.js');
type Errors = typeof import('../../src/core/errors.js');

const load = async <T>(rel: string) => (await import(pathToFileURL(join(ROOT, 'dist', rel)).href)) as T;

let pool: Pool;
let pipeline: Pipeline;
let lex: Lex;
let errors: Errors;
let dir: string;
let files: string[];

beforeAll(async () => {
  buildDist(['dist/parallel/pool.js', 'dist/parallel/worker.js', 'dist/corpus/worker.js', 'dist/pipeline.js']);
  pool = await load<Pool>('parallel/pool.js');
  pipeline = await load<Pipeline>('pipeline.js');
  lex = await load<Lex>('lexicons/index.js');
  errors = await load<Errors>('core/errors.js');
  dir = mkdtempSync(join(tmpdir(), 'parallax-pool-'));
  files = readdirSync(join(ROOT, 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      copyFileSync(join(ROOT, 'corpus', f), join(dir, f));
      return join(dir, f);
    });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const localOf = () => {
  const lexicons = lex.loadLexicons({});
  return {
    prepare: (p: string) => pipeline.prepareArticle(p, {}),
    analyse: (a: Parameters<Pipeline['analyseArticle']>[0]) => pipeline.analyseArticle(a, lexicons, {}),
  };
};

const snapshot = (r: { articles: unknown[]; drafts: Map<unknown, unknown> }) => JSON.stringify(r.articles.map((a) => ({ a, d: r.drafts.get(a) ?? null })));

describe('worker pool', () => {
  it('gives identical results with 1 and 2 workers, identical to the serial analysis', () => {
    const local = localOf();
    const serial = files.map((f) => local.prepare(f));
    const serialSnap = JSON.stringify(serial.map((a) => ({ a, d: local.analyse(a) })));
    const one = pool.analyseInParallel(files, {}, local, { workers: 1, mainShare: false, depth: 1 });
    const two = pool.analyseInParallel(files, {}, local, { workers: 2, mainShare: false, depth: 1 });
    // The workers did the work (the main thread only waited), so this compares threads.
    expect(one.perThread).toEqual([0, files.length]);
    expect(two.perThread[0]).toBe(0);
    expect(two.perThread.reduce((s, x) => s + x, 0)).toBe(files.length);
    expect(snapshot(one)).toBe(serialSnap);
    expect(snapshot(two)).toBe(serialSnap);
    expect(one.articles.map((a) => a.path)).toEqual(files);
  }, 120_000);

  it('shares the work with the main thread and keeps input order', () => {
    const local = localOf();
    const many = [...files, ...files, ...files]; // the same file thrice is fine at this level
    const r = pool.analyseInParallel(many, {}, local, { workers: 1 });
    expect(r.articles.map((a) => a.path)).toEqual(many);
    expect(r.perThread.reduce((s, x) => s + x, 0)).toBe(many.length);
    expect(r.drafts.size).toBe(many.length);
  }, 120_000);

  it('throws the first input error in input order, as the serial pipeline does', () => {
    const local = localOf();
    const bad = join(dir, 'zz-empty.txt');
    writeFileSync(bad, '   \n\n  \n');
    const missing = join(dir, 'zz-missing.txt');
    const input = [files[0]!, bad, files[1]!, missing];
    let serialError: unknown;
    try {
      input.forEach((f) => local.prepare(f));
    } catch (e) {
      serialError = e;
    }
    expect(serialError).toBeInstanceOf(errors.InputError);
    expect(() => pool.analyseInParallel(input, {}, local, { workers: 2, mainShare: false, depth: 1 })).toThrow((serialError as Error).message);
    try {
      pool.analyseInParallel(input, {}, local, { workers: 2, mainShare: false, depth: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(errors.InputError);
      expect((e as InstanceType<Errors['InputError']>).format()).toBe((serialError as InstanceType<Errors['InputError']>).format());
    }
    rmSync(bad);
  }, 120_000);

  // Two PolNeAR train texts holding a stray combining diaeresis, which wink types `unk` in the
  // first and `word` in the second (skipped with a message when ../shared/datasets is absent).
  const polnear = join(resolve(process.env['PARALLAX_DATASETS'] ?? join(ROOT, '../shared/datasets')), 'polnear', 'train', 'text');
  const pair = ['wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-.txt', 'nyt_2016-04-23_even-signed-climate-deal-won-t-e.txt'];
  if (!existsSync(polnear)) console.warn(`tests/parallel/pool.test.ts: ${polnear} not found; the real-text thread check is skipped`);
  it.skipIf(!existsSync(polnear))(
    'analyses a real article alone in a worker thread as the main thread does after other articles',
    () => {
      const local = localOf();
      const input = pair.map((f) => {
        copyFileSync(join(polnear, f), join(dir, f));
        return join(dir, f);
      });
      // Main thread: the second article after the first (and after everything above). Workers: one article each, fresh.
      const serialSnap = JSON.stringify(input.map((f) => local.prepare(f)).map((a) => ({ a, d: local.analyse(a) })));
      const two = pool.analyseInParallel(input, {}, local, { workers: 2, mainShare: false, depth: 1 });
      expect(two.perThread).toEqual([0, 1, 1]);
      expect(snapshot(two)).toBe(serialSnap);
      const mark = two.articles[1]!.tokens.find((t) => t.start === 5892)!;
      expect([mark.type, mark.pos]).toEqual(['unk', 'X']);
    },
    120_000,
  );

  it('plans no workers unless PARALLAX_WORKERS asks, and none for small runs in auto mode', () => {
    expect(pool.planWorkers(1000, {}).workers).toBe(0);
    expect(pool.planWorkers(1000, { PARALLAX_WORKERS: '0' }).workers).toBe(0);
    expect(pool.planWorkers(3, { PARALLAX_WORKERS: '2' }).workers).toBe(2);
    expect(pool.planWorkers(3, { PARALLAX_WORKERS: 'auto' }).workers).toBe(0);
    expect(pool.planWorkers(pool.MIN_ARTICLES_FOR_WORKERS - 1, { PARALLAX_WORKERS: 'auto' }).workers).toBe(0);
    expect(pool.planWorkers(1000, { PARALLAX_WORKERS: 'auto' }).workers).toBeLessThanOrEqual(7);
  });

  it('finds each compiled worker script in its own dist folder (one function for the pool and corpus mode)', () => {
    expect(pool.workerScript()).toBe(join(ROOT, 'dist', 'parallel', 'worker.js'));
    expect(pool.workerScript('parallel')).toBe(join(ROOT, 'dist', 'parallel', 'worker.js'));
    expect(pool.workerScript('corpus')).toBe(join(ROOT, 'dist', 'corpus', 'worker.js'));
  });
});
