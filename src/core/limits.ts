/**
 * Per-article resource bounds, so one pathological file cannot stall or crash a run.
 *
 * The analyses are synchronous, so a running stage cannot be interrupted in-process. We use
 * the simplest robust scheme instead of a worker per article (which would reload the NLP model
 * and lexicons for every article):
 *
 * - **Size** bounds memory: `--max-bytes` (checked when the file is read) caps the text, and
 *   every later structure (tokens, sentences, findings) is linear in it.
 * - **Time**: an {@link ArticleBudget} is checked between stages (read → segment → nlp →
 *   markers → attribution → unsourced …) and may be checked inside long loops
 *   (`budget.check('stage')` is cheap). When the article has run longer than `--timeout-ms`
 *   the next check throws a {@link LimitError} naming the file, the stage and the limit;
 *   analyse mode reports it (exit 2), corpus mode skips the file and lists it.
 * - **Engine limits**: a stack overflow or an impossible allocation inside one article's analysis
 *   (`RangeError`) becomes a {@link LimitError} for that file instead of an internal error.
 *
 * A stage that never returns is a bug the property tests look for (termination on arbitrary
 * text); a hard kill needs a worker, which a worker pool may add by terminating a worker after
 * `timeoutMs` and reporting `LimitError` for the article it was working on.
 */
import { InputError } from './errors.js';

/** Default time one article may take from reading to its findings, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ArticleLimits {
  /** Milliseconds one article may take (read to findings); `Infinity` for no limit. */
  timeoutMs?: number;
}

/** The clock used by budgets; injectable so tests count stages instead of waiting. */
export type Clock = () => number;

const systemClock: Clock = () => performance.now();

/** Thrown when an article exceeds a resource bound. A user-fixable problem: exit code 2. */
export class LimitError extends InputError {
  /** Which bound: `time`, `stack` or `memory`. */
  readonly limit: 'time' | 'stack' | 'memory';
  /** The stage that was running or had just finished when the bound was hit. */
  readonly stage: string;
  constructor(file: string, limit: 'time' | 'stack' | 'memory', stage: string, found: string, expected: string, hint: string) {
    super(limit === 'time' ? 'article took too long to analyse' : 'article is too complex to analyse', { file, expected, found, hint });
    this.name = 'LimitError';
    this.limit = limit;
    this.stage = stage;
  }
}

/** The time budget of one article; `check(stage)` throws once the budget is spent. */
export class ArticleBudget {
  readonly file: string;
  readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly started: number;
  /** The last stage reported through `check` (for messages about engine limits). */
  stage = 'start';

  /** Articles the budget covers: 1 for one article's stages, n for the stages a run of n articles shares. */
  readonly articles: number;

  constructor(file: string, limits: ArticleLimits = {}, clock: Clock = systemClock, articles = 1) {
    this.file = file;
    this.articles = Math.max(1, articles);
    this.timeoutMs = normaliseTimeout(limits.timeoutMs) * this.articles;
    this.clock = clock;
    this.started = clock();
  }

  /** Milliseconds spent outside the budget (see `outsideBudgets`), not counted. */
  private excluded = 0;

  /** Milliseconds spent so far. */
  elapsed(): number {
    return this.clock() - this.started - this.excluded;
  }

  /** Runs `fn` without counting its time (see `outsideBudgets`). */
  exclude<T>(fn: () => T): T {
    const t0 = this.clock();
    try {
      return fn();
    } finally {
      this.excluded += this.clock() - t0;
    }
  }

  /** Records that `stage` has been reached; throws a `LimitError` when the time is up. */
  check(stage: string): void {
    this.stage = stage;
    if (this.timeoutMs === Infinity) return;
    const spent = this.elapsed();
    if (spent > this.timeoutMs) {
      const ms = (x: number) => `${x.toLocaleString('en-US')} ms`;
      const per = this.timeoutMs / this.articles;
      throw new LimitError(
        this.file,
        'time',
        stage,
        // Never "found 1 ms, at most 1 ms": a time that rounds to the limit is "more than" it.
        `${Math.round(spent) > this.timeoutMs ? ms(Math.round(spent)) : `more than ${ms(this.timeoutMs)}`}, still at stage "${stage}"`,
        this.articles === 1 ? `at most ${ms(per)} per article` : `at most ${ms(this.timeoutMs)} for ${this.articles} articles (${ms(per)} per article)`,
        'split the file into smaller articles, or raise the limit with --timeout-ms',
      );
    }
  }
}

function normaliseTimeout(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_TIMEOUT_MS;
  if (!(ms > 0)) return Infinity; // 0 or negative: no limit (the CLI rejects them; library callers may opt out)
  return ms;
}

/**
 * Runs `fn` for the article at `file` under a budget: `fn` receives the budget to check between
 * stages; a final check runs after it. Engine limits hit inside `fn` (stack overflow, impossible
 * allocation) become `LimitError`s naming the file. Other errors pass through unchanged.
 */
export function withArticleBudget<T>(file: string, limits: ArticleLimits, fn: (budget: ArticleBudget) => T, clock?: Clock): T {
  return withBudget(new ArticleBudget(file, limits, clock), fn);
}

/** The budgets of the stages now running (a run's, and inside it an article's), innermost last. */
const active: ArticleBudget[] = [];

/**
 * Runs `fn` under `budget`: while it runs, `checkBudget` inside long loops checks it (with any
 * budget around it); a final check runs after it. Engine limits hit inside `fn` (stack overflow,
 * impossible allocation) become `LimitError`s naming the file. Other errors pass through.
 */
export function withBudget<T>(budget: ArticleBudget, fn: (budget: ArticleBudget) => T): T {
  active.push(budget);
  const end = () => active.splice(active.lastIndexOf(budget), 1);
  const fail = (e: unknown) => {
    end();
    return asLimitError(e, budget) ?? e;
  };
  let result: T;
  try {
    result = fn(budget);
  } catch (e) {
    throw fail(e);
  }
  const done = <V>(value: V): V => {
    end();
    budget.check('done');
    return value;
  };
  // An asynchronous run (the CLI's) stays under its budget until its promise settles.
  if (result instanceof Promise) {
    return result.then(done, (e: unknown) => {
      throw fail(e);
    }) as T;
  }
  return done(result);
}

/**
 * Checks every budget now running (see `withBudget`): called inside the long loops of the
 * analyses, the alignment and the rendering, so that one huge article stops close to its limit
 * instead of after the stage. Costs a clock read; a no-op outside a budget.
 */
export function checkBudget(stage: string): void {
  for (const b of active) b.check(stage);
}

/**
 * Runs `fn` with the budgets now running paused: work that belongs to no article (compiling a
 * large user lexicon on its first use) is neither checked nor counted against their time.
 */
export function outsideBudgets<T>(fn: () => T): T {
  const paused = active.splice(0);
  const run = (i: number): T => (i < paused.length ? paused[i]!.exclude(() => run(i + 1)) : fn());
  try {
    return run(0);
  } finally {
    active.unshift(...paused);
  }
}

/**
 * The budget of the stages a run of `files` shares (alignment, the report, rendering): the
 * per-article time times the number of articles, counted from the start of the run.
 */
export function runBudget(files: readonly string[], limits: ArticleLimits = {}, clock?: Clock): ArticleBudget {
  return new ArticleBudget(files.length === 1 ? files[0]! : `${files.length} articles`, limits, clock, files.length);
}

/** Maps a `RangeError` from the JS engine to a `LimitError` for the budget's file, else null. */
export function asLimitError(e: unknown, budget: Pick<ArticleBudget, 'file' | 'stage'>): LimitError | null {
  if (!(e instanceof RangeError)) return null;
  const stack = /call stack/i.test(e.message);
  return new LimitError(
    budget.file,
    stack ? 'stack' : 'memory',
    budget.stage,
    `${stack ? 'too deeply nested structure' : 'a structure too large for memory'} after stage "${budget.stage}" (${e.message})`,
    stack ? 'text the analyses can walk without exhausting the call stack' : 'text the analyses can hold in memory',
    'split the file into smaller articles or remove the pathological part (e.g. a huge table or a line without spaces)',
  );
}

/** Parses a `--timeout-ms` value: a positive integer number of milliseconds. */
export function parseTimeoutMs(value: string): number {
  const v = value.trim();
  if (!/^\d+$/.test(v) || Number(v) <= 0) {
    throw new InputError('bad --timeout-ms', {
      expected: 'a positive whole number of milliseconds, e.g. 10000',
      found: JSON.stringify(value),
      hint: `omit the option for the default (${DEFAULT_TIMEOUT_MS} ms)`,
    });
  }
  return Number(v);
}
