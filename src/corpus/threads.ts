/**
 * Worker threads for corpus mode (`PARALLAX_WORKERS`, see src/parallel/pool.ts `planWorkers`).
 * Synchronous, like the pipeline: the main thread posts tasks over message ports, works on its
 * own share while the workers run (the same steps, on its own kept articles), and waits in
 * `Atomics.wait` on a shared counter, collecting replies with `receiveMessageOnPort`.
 *
 * Little crosses threads: in the reading pass a worker prepares a file and sends back only its
 * grouping features (the prepared article stays in that thread, in compact form, up to its share
 * of the text budget); each story then goes to the thread that kept its first article (an idle
 * thread takes a queued story from a busy one and prepares it again), which analyses and aligns
 * it and renders its JSON and markdown, and sends back the two texts and
 * what the outlet table needs. The main thread groups the stories and consumes every result in
 * input and story order, so the output is the same as one thread's (each article reads the same
 * in any thread, src/nlp/wink-lexicon.ts). Whatever a worker could not do (an error, a crash, a
 * reply that cannot be cloned) the main thread does itself, in order, so errors are thrown as
 * one thread throws them.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { checkBudget } from '../core/limits.js';
import { planWorkers, workerScript } from '../parallel/pool.js';
import type { StoryInput } from './features.js';
import type { Story } from './group.js';
import type { AnalyseOptions } from '../pipeline.js';
import type { StoryResult } from './story.js';

/** A task for a corpus worker. */
export type ThreadTask =
  | { type: 'read'; n: number; path: string }
  | { type: 'drop'; path: string }
  | { type: 'story'; n: number; paths: string[]; outDir: string; id: string; command: string };

/** A corpus worker's reply (`n` echoes the task's file or story index). */
export type ThreadReply =
  | { type: 'read'; n: number; result: StoryInput | { skip: string }; kept: boolean }
  | { type: 'story'; n: number; result: StoryResult }
  | { type: 'read' | 'story'; n: number; failed: true }
  | { type: 'fatal'; error: string };

/** Tasks queued per worker at a time. */
const DEPTH = 2;
/** Stories made ahead of the one the main thread hands on (their files wait in memory). */
const WINDOW = 128;
/** Longest wait for a worker's next reply before its tasks are done here (ms). */
const STALL_MS = 300_000;

interface Slot {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
  lastReply: number;
  dead: boolean;
}

/** Plain data of `options` (functions do not cross threads). */
const cloneable = (options: AnalyseOptions): AnalyseOptions => Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));

/** The main thread's own share of the work: the same steps the workers run, on its own kept articles. */
export interface MainShare {
  /** Reads one file (its article offered to the main thread's kept articles); may throw. */
  read(path: string): StoryInput | { skip: string };
  /** Whether the main thread kept the article of `path`. */
  kept(path: string): boolean;
  drop(path: string): void;
  /** Makes one story; may throw. */
  story(paths: string[], id: string): StoryResult;
}

/**
 * Corpus workers for `files` articles, or null for one thread (the default; `PARALLAX_WORKERS`
 * unset or 0, too few articles for `auto`, or the worker script not built). The main thread
 * works too (see `share`), so the keep budget is split N + 1 ways.
 */
export function startReaders(files: number, options: AnalyseOptions, keepBudget: number): CorpusThreads | null {
  const plan = planWorkers(files);
  const script = plan.workers > 0 ? workerScript('corpus') : undefined;
  if (!script) return null;
  return new CorpusThreads(script, plan.workers, cloneable(options), Math.floor(keepBudget / (plan.workers + 1)));
}

export class CorpusThreads {
  private readonly slots: Slot[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  /** Which worker kept the article of each file (-1: none; `slots.length`: the main thread). */
  private holder: Int32Array = new Int32Array(0);
  private local: MainShare | null = null;

  constructor(script: string, count: number, options: AnalyseOptions, keepBudget: number) {
    for (let w = 0; w < count; w++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(script, {
        workerData: { port: port2, signal: this.signal, options, budget: keepBudget },
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      worker.on('error', () => undefined); // noticed by its silence (STALL_MS); its tasks are done here
      this.slots.push({ worker, port: port1, inFlight: 0, lastReply: Date.now(), dead: false });
    }
  }

  /** Lets the main thread work too, on its own kept articles, while it waits for the workers. */
  share(local: MainShare): void {
    this.local = local;
  }

  /** Worker threads started. */
  get size(): number {
    return this.slots.length;
  }

  /** Waits for replies, passing each to `take`; returns after at least one was taken or a worker was given up. */
  /** Takes every reply already in (without waiting); true when there was one. */
  private drain(take: (w: number, reply: ThreadReply) => void, lost: (w: number) => void): boolean {
    let got = false;
    this.slots.forEach((slot, w) => {
      for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
        got = true;
        slot.lastReply = Date.now();
        const reply = m.message as ThreadReply;
        if (reply.type === 'fatal') {
          slot.dead = true;
          lost(w);
          continue;
        }
        if (slot.dead) continue;
        slot.inFlight--;
        take(w, reply);
      }
    });
    return got;
  }

  private wait(take: (w: number, reply: ThreadReply) => void, lost: (w: number) => void): void {
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const got = this.drain(take, lost);
      if (got) return;
      checkBudget('corpus');
      const busy = this.slots.filter((s) => !s.dead && s.inFlight > 0);
      if (busy.length === 0) return;
      if (Atomics.wait(this.signal, 0, seen, 1000) === 'timed-out') {
        const now = Date.now();
        let gone = false;
        this.slots.forEach((s, w) => {
          if (!s.dead && s.inFlight > 0 && now - s.lastReply > STALL_MS) {
            s.dead = true;
            lost(w);
            gone = true;
          }
        });
        if (gone) return;
      }
    }
  }

  /** Hands out tasks and waits until result `i` is in (null: the main thread does it; undefined when no worker is left). */
  private resultOf<T>(
    results: (T | null | undefined)[],
    i: number,
    dispatch: () => void,
    take: (w: number, reply: ThreadReply) => void,
    lost: (w: number) => void,
    local: () => boolean,
  ): T | undefined {
    for (;;) {
      this.drain(take, lost); // the workers' replies first, so they get new tasks while this thread works
      dispatch();
      const r = results[i];
      if (r !== undefined) {
        results[i] = undefined;
        return r ?? undefined;
      }
      if (local()) continue;
      if (this.slots.every((s) => s.dead)) return undefined;
      this.wait(take, lost);
    }
  }

  /**
   * The reading pass: returns `result(i)`, which blocks until file `i` is read (files are handed
   * out as workers free up) and returns undefined when the main thread must read it itself.
   */
  read(files: readonly string[]): (i: number) => StoryInput | { skip: string } | undefined {
    const n = files.length;
    this.holder = new Int32Array(n).fill(-1);
    const results = new Array<StoryInput | { skip: string } | null | undefined>(n);
    const owner = new Int32Array(n).fill(-1);
    let next = 0;
    const dispatch = () => {
      this.slots.forEach((slot, w) => {
        while (!slot.dead && slot.inFlight < DEPTH && next < n) {
          owner[next] = w;
          slot.port.postMessage({ type: 'read', n: next, path: files[next]! } satisfies ThreadTask);
          slot.inFlight++;
          next++;
        }
      });
    };
    const take = (w: number, r: ThreadReply) => {
      if (r.type !== 'read') return;
      if ('failed' in r) results[r.n] = null;
      else {
        results[r.n] = r.result;
        if (r.kept) this.holder[r.n] = w;
      }
    };
    const lost = (w: number) => {
      for (let i = 0; i < next; i++) if (owner[i] === w && results[i] === undefined) results[i] = null;
    };
    const main = this.slots.length;
    const local = (): boolean => {
      if (!this.local || next >= n) return false;
      const j = next++;
      owner[j] = main;
      try {
        const r = this.local.read(files[j]!);
        results[j] = r;
        if (!('skip' in r) && this.local.kept(files[j]!)) this.holder[j] = main;
      } catch {
        results[j] = null;
      }
      return true;
    };
    return (i) => this.resultOf(results, i, dispatch, take, lost, local);
  }

  /** Lets the worker that kept file `i`'s article drop it (a duplicate). */
  drop(i: number, path: string): void {
    const w = this.holder[i] ?? -1;
    if (w === this.slots.length) this.local?.drop(path);
    if (w < 0 || w === this.slots.length || this.slots[w]!.dead) return;
    this.slots[w]!.port.postMessage({ type: 'drop', path } satisfies ThreadTask);
    this.holder[i] = -1;
  }

  /**
   * The story pass: returns `result(k)`, which blocks until story `k` is made (in a worker that
   * kept its first article when one did) and returns undefined when the main thread must make it.
   * Call it for k = 0, 1, 2 … in order.
   */
  stories(
    stories: readonly Story[],
    inputs: readonly StoryInput[],
    members: readonly number[],
    outDir: string,
    command: string,
  ): (k: number) => StoryResult | undefined {
    const n = stories.length;
    // `members` maps an index of `inputs` to its file index (for `holder`).
    const main = this.slots.length;
    const queues: number[][] = [...this.slots, null].map(() => []);
    const anyone: number[] = [];
    stories.forEach((s, k) => {
      const w = s.members.map((m) => this.holder[members[m]!]!).find((x) => x >= 0);
      (w === undefined ? anyone : queues[w]!).push(k);
    });
    const heads = queues.map(() => 0);
    let anyHead = 0;
    const results = new Array<StoryResult | null | undefined>(n);
    const owner = new Int32Array(n).fill(-1);
    let consumed = 0;
    const taken = new Uint8Array(n);
    const head = (q: number[], h: number): number => {
      while (h < q.length && taken[q[h]!]) h++;
      return h;
    };
    const nextFor = (w: number): number | undefined => {
      const q = queues[w]!;
      heads[w] = head(q, heads[w]!);
      anyHead = head(anyone, anyHead);
      const own = q[heads[w]];
      const other = anyone[anyHead];
      let k = own !== undefined && (other === undefined || own < other) ? own : other;
      if (k === undefined || k >= consumed + WINDOW) k = steal(w);
      if (k === undefined) return undefined;
      taken[k] = 1;
      return k;
    };
    // A thread with nothing of its own takes the last story (within the window) of one that has
    // more than it can start now; it prepares that story's articles again (same output).
    const steal = (w: number): number | undefined => {
      for (let v = 0; v < queues.length; v++) {
        if (v === w || (v < main && this.slots[v]!.dead)) continue;
        const q = queues[v]!;
        let left = 0;
        for (let h = head(q, heads[v]!); h < q.length && q[h]! < consumed + WINDOW; h++) if (!taken[q[h]!]) left++;
        if (left <= DEPTH) continue;
        for (let h = q.length - 1; h >= heads[v]!; h--) if (!taken[q[h]!] && q[h]! < consumed + WINDOW) return q[h];
      }
      return undefined;
    };
    const dispatch = () => {
      this.slots.forEach((slot, w) => {
        while (!slot.dead && slot.inFlight < DEPTH) {
          const k = nextFor(w);
          if (k === undefined) break;
          owner[k] = w;
          const paths = stories[k]!.members.map((m) => inputs[m]!.path);
          slot.port.postMessage({ type: 'story', n: k, paths, outDir, id: `s${k + 1}`, command } satisfies ThreadTask);
          slot.inFlight++;
        }
      });
    };
    const take = (_w: number, r: ThreadReply) => {
      if (r.type !== 'story') return;
      results[r.n] = 'failed' in r ? null : r.result;
    };
    const lost = (w: number) => {
      // Its queued stories are made here (their kept articles are lost with it), its sent ones too.
      const queued = new Set(queues[w]);
      for (let k = 0; k < n; k++) {
        if (k < consumed) continue;
        if ((owner[k] === w && results[k] === undefined) || (!taken[k] && queued.has(k))) {
          results[k] = null;
          taken[k] = 1;
        }
      }
    };
    const local = (): boolean => {
      if (!this.local) return false;
      const k = nextFor(main);
      if (k === undefined) return false;
      owner[k] = main;
      try {
        results[k] = this.local.story(
          stories[k]!.members.map((m) => inputs[m]!.path),
          `s${k + 1}`,
        );
      } catch {
        results[k] = null;
      }
      return true;
    };
    return (k) => {
      consumed = k;
      return this.resultOf(results, k, dispatch, take, lost, local);
    };
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
