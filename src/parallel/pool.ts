/**
 * A small synchronous worker-thread pool for per-article preparation + analysis.
 *
 * The pipeline is synchronous, so the pool is too: the main thread posts file paths to workers
 * over message ports, analyses articles itself while they work, and collects results with
 * `receiveMessageOnPort`, sleeping in `Atomics.wait` on a shared counter when it has nothing
 * else to do. Each worker loads wink-nlp and the lexicons once.
 *
 * Determinism: results are stored by input index, and every article is analysed by the same
 * pure functions whichever thread runs it, so the output is identical whatever the worker count.
 * Failures never change the outcome: anything a worker could not do (an input error, a crash,
 * a result that cannot be cloned) is redone on the main thread in input order, so errors are
 * thrown exactly as the serial pipeline throws them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnalysedArticle, FindingDraft } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import type { AnalyseOptions } from '../pipeline/article.js';

/** Options the workers need to reproduce the main thread's analysis (plain, cloneable data). */
export type WorkerAnalyseOptions = AnalyseOptions;

/** How to run a batch: worker threads to start and whether the main thread analyses too. */
export interface PoolPlan {
  /** Worker threads to start (0 = run everything on the main thread). */
  workers: number;
  /** The main thread analyses articles while the workers run (default true). */
  mainShare?: boolean;
  /** Tasks queued per worker at a time (default 3). */
  depth?: number;
}

/** The main thread's own way to prepare and analyse one file (the same functions workers run). */
export interface LocalAnalysis {
  prepare(path: string): AnalysedArticle;
  analyse(article: AnalysedArticle): FindingDraft[];
  /** True when the run goes on without this file after its preparation failed (`--keep-going`; it records why). */
  skip?(path: string, error: unknown): boolean;
}

/** Articles in input order, and the findings each worker (or the main thread) produced. */
export interface ParallelResult {
  articles: AnalysedArticle[];
  /** Drafts per article; an article missing here had its analysis fail and is redone in order. */
  drafts: Map<AnalysedArticle, FindingDraft[]>;
  /** Articles analysed per thread (index 0 = main thread), for the bench. */
  perThread: number[];
}

/** Below this many articles, a worker's start-up (loading the wink model) costs more than it saves. */
export const MIN_ARTICLES_FOR_WORKERS = 16;

/** Longest wait for a worker's next result before its tasks are taken back (ms). */
const STALL_MS = 120_000;

/**
 * How many worker threads to use for `articles` articles, from `PARALLAX_WORKERS`:
 * - unset or `0`: none (the default, see below);
 * - a number: that many workers (besides the main thread), whatever the article count;
 * - `auto`: none below {@link MIN_ARTICLES_FOR_WORKERS} articles or on one core, else one
 *   fewer than the cores (the main thread works too), at most 7 and one per 16 articles.
 *
 * Results do not depend on the worker count: each article is read as by a fresh process
 * (src/nlp/wink-lexicon.ts `forgetReadText`), whichever thread reads it and whatever it read
 * before. Corpus mode reads the same setting (src/corpus/threads.ts). Off by default because on
 * the shared 2-core machine threads have not yet been measured faster than one thread (`analyze`:
 * copying prepared articles back costs about what a thread saves; corpus mode, which copies
 * little, took 30% more CPU with a second thread and was no faster: README "Performance").
 */
export function planWorkers(articles: number, env: NodeJS.ProcessEnv = process.env): PoolPlan {
  const setting = env['PARALLAX_WORKERS']?.trim().toLowerCase();
  if (setting === undefined || setting === '' || !/^(\d+|auto)$/.test(setting)) return { workers: 0 };
  if (setting !== 'auto') return { workers: Math.min(Number(setting), 64) };
  const cores = availableParallelism();
  if (articles < MIN_ARTICLES_FOR_WORKERS || cores < 2) return { workers: 0 };
  return { workers: Math.max(0, Math.min(cores - 1, 7, Math.floor(articles / MIN_ARTICLES_FOR_WORKERS))) };
}

/**
 * The compiled worker script `dist/<folder>/worker.js` (`parallel`: the analyse pool; `corpus`:
 * corpus mode's, src/corpus/threads.ts), or undefined when it is not built (e.g. running from
 * sources, where this file is not under dist/).
 */
export function workerScript(folder: 'parallel' | 'corpus' = 'parallel'): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = [resolve(here, '..', '..', folder, 'worker.js'), resolve(PACKAGE_ROOT, 'dist', folder, 'worker.js')];
  return candidates.find((c) => c.endsWith('.js') && existsSync(c));
}

interface Task {
  run: number;
  i: number;
  path: string;
}

/** What a worker sends back for one task (`run` echoes the batch the task belongs to). */
export type WorkerReply =
  | { run: number; i: number; article: AnalysedArticle; drafts: FindingDraft[] }
  | { run: number; i: number; failed: 'prepare' | 'analyse' | 'clone'; article?: AnalysedArticle }
  | { fatal: string };

interface Slot {
  worker: Worker;
  port: MessagePort;
  inFlight: Set<number>;
  lastReply: number;
  dead: boolean;
}

type Outcome = { kind: 'ok'; article: AnalysedArticle; drafts: FindingDraft[] | undefined } | { kind: 'error'; error: unknown } | { kind: 'redo' };

/**
 * Worker threads kept for several batches (`run`), closed with `close()`. Each worker loads the
 * pipeline, wink-nlp and the lexicons once, when it starts.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly mainShare: boolean;
  private readonly depth: number;
  private runs = 0;

  /** Starts `plan.workers` workers (none when the compiled worker script is missing). */
  constructor(options: WorkerAnalyseOptions, plan: PoolPlan) {
    this.mainShare = plan.mainShare ?? true;
    this.depth = Math.max(1, plan.depth ?? 3);
    const script = plan.workers > 0 ? workerScript() : undefined;
    if (!script) return;
    for (let w = 0; w < plan.workers; w++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(script, {
        workerData: { port: port2, signal: this.signal, options },
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      // A crash is noticed by its silence (see STALL_MS) and its tasks redone here; the event
      // itself would arrive after the batch, when there is nothing left to do about it.
      worker.on('error', () => undefined);
      this.slots.push({ worker, port: port1, inFlight: new Set(), lastReply: Date.now(), dead: false });
    }
  }

  /** Worker threads started. */
  get size(): number {
    return this.slots.length;
  }

  /**
   * Prepares and analyses `files` (synchronously) with the workers and, unless the plan says
   * otherwise, the main thread. Returns articles in input order; throws the first preparation
   * error in input order, as the serial pipeline does.
   */
  run(files: readonly string[], local: LocalAnalysis): ParallelResult {
    const run = ++this.runs;
    const n = files.length;
    const slots = this.slots;
    const signal = this.signal;
    const depth = this.depth;
    const outcomes: (Outcome | undefined)[] = new Array<Outcome | undefined>(n);
    const perThread: number[] = new Array<number>(slots.length + 1).fill(0);

    const runLocal = (i: number): void => {
      let article: AnalysedArticle;
      try {
        article = local.prepare(files[i]!);
      } catch (error) {
        outcomes[i] = { kind: 'error', error };
        return;
      }
      let drafts: FindingDraft[] | undefined;
      try {
        drafts = local.analyse(article);
      } catch {
        drafts = undefined; // rethrown in order by the pipeline when it re-runs the analysis
      }
      outcomes[i] = { kind: 'ok', article, drafts };
      perThread[0]!++;
    };

    let next = 0;
    const redo: number[] = [];
    const dispatch = (slot: Slot): void => {
      while (!slot.dead && slot.inFlight.size < depth && next < n) {
        const task: Task = { run, i: next, path: files[next]! };
        slot.inFlight.add(next);
        if (slot.inFlight.size === 1) slot.lastReply = Date.now();
        slot.port.postMessage(task);
        next++;
      }
    };
    const kill = (slot: Slot): void => {
      slot.dead = true;
      redo.push(...slot.inFlight);
      slot.inFlight.clear();
    };
    const drain = (): void => {
      slots.forEach((slot, w) => {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          slot.lastReply = Date.now();
          const reply = m.message as WorkerReply;
          if ('fatal' in reply) {
            kill(slot);
            continue;
          }
          if (reply.run !== run || slot.dead) continue; // a late reply from an earlier batch
          slot.inFlight.delete(reply.i);
          if ('failed' in reply) {
            if (reply.failed === 'analyse' && reply.article) outcomes[reply.i] = { kind: 'ok', article: reply.article, drafts: undefined };
            else outcomes[reply.i] = { kind: 'redo' };
          } else {
            outcomes[reply.i] = { kind: 'ok', article: reply.article, drafts: reply.drafts };
            perThread[w + 1]!++;
          }
        }
        dispatch(slot);
      });
    };

    slots.forEach(dispatch);
    for (;;) {
      const seen = Atomics.load(signal, 0);
      drain();
      if (redo.length > 0) {
        runLocal(redo.shift()!);
        continue;
      }
      const live = slots.filter((s) => !s.dead);
      if (next < n && (this.mainShare || live.length === 0)) {
        runLocal(next++);
        continue;
      }
      const waiting = live.filter((s) => s.inFlight.size > 0);
      if (waiting.length === 0 && next >= n) break;
      if (Atomics.wait(signal, 0, seen, 1000) === 'timed-out') {
        const now = Date.now();
        for (const s of waiting) if (now - s.lastReply > STALL_MS) kill(s);
      }
    }

    const articles: AnalysedArticle[] = [];
    const drafts = new Map<AnalysedArticle, FindingDraft[]>();
    for (let i = 0; i < n; i++) {
      let o = outcomes[i];
      if (o === undefined || o.kind === 'redo') {
        runLocal(i);
        o = outcomes[i]!;
      }
      if (o.kind === 'error') {
        if (local.skip?.(files[i]!, o.error)) continue;
        throw o.error;
      }
      if (o.kind !== 'ok') throw new Error(`parallel analysis: no result for ${files[i]}`);
      articles.push(o.article);
      if (o.drafts) drafts.set(o.article, o.drafts);
    }
    return { articles, drafts, perThread };
  }

  /** Stops the workers. */
  close(): void {
    for (const s of this.slots) {
      s.port.close();
      void s.worker.terminate();
    }
    this.slots.length = 0;
  }
}

/**
 * Prepares and analyses `files` with `plan.workers` worker threads (plus the main thread unless
 * `plan.mainShare` is false). Synchronous; returns articles in input order. Throws the first
 * preparation error in input order, as the serial pipeline does.
 */
export function analyseInParallel(files: readonly string[], options: WorkerAnalyseOptions, local: LocalAnalysis, plan: PoolPlan): ParallelResult {
  const pool = new AnalysisPool(options, plan);
  try {
    return pool.run(files, local);
  } finally {
    pool.close();
  }
}

/**
 * Like {@link analyseInParallel}, but in batches of a few articles per thread, yielding to the
 * event loop between batches (so a Ctrl-C is handled within one batch) and calling `onArticle`
 * with each file and its 0-based index before its batch starts.
 */
export async function analyseInParallelAsync(
  files: readonly string[],
  options: WorkerAnalyseOptions,
  local: LocalAnalysis,
  plan: PoolPlan,
  onArticle?: (path: string, index: number, total: number) => void,
): Promise<ParallelResult> {
  const pool = new AnalysisPool(options, plan);
  const articles: AnalysedArticle[] = [];
  const drafts = new Map<AnalysedArticle, FindingDraft[]>();
  const perThread: number[] = new Array<number>(pool.size + 1).fill(0);
  const batch = 8 * (pool.size + 1);
  try {
    for (let start = 0; start < files.length; start += batch) {
      await new Promise((resolve) => setImmediate(resolve));
      const part = files.slice(start, start + batch);
      part.forEach((f, k) => onArticle?.(f, start + k, files.length));
      const r = pool.run(part, local);
      articles.push(...r.articles);
      for (const [a, d] of r.drafts) drafts.set(a, d);
      r.perThread.forEach((x, t) => (perThread[t] = (perThread[t] ?? 0) + x));
    }
  } finally {
    pool.close();
  }
  return { articles, drafts, perThread };
}
