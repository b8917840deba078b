/**
 * Ctrl-C (SIGINT) during a run. The analyses are synchronous, so a SIGINT handler would only run
 * when a whole run is over. Instead the CLI runs each synchronous step of a run (one article, one
 * story, the alignment, the rendering and writing) through `step`, which lets a SIGINT stop the
 * step at once — node's vm `breakOnSigint`, the mechanism its REPL uses — and throws
 * `Interrupted`; between steps, `pause` yields to the event loop, where the CLI's SIGINT handler
 * runs. Call `pause` right before each `step`: while a step runs, node takes the SIGINT listeners
 * off (and puts them back after), so a signal that came earlier but was not yet handled would be
 * lost. Library callers that never call `enableInterrupts` get plain function calls.
 */
import { Script } from 'node:vm';

/** Thrown by `step` when a SIGINT stopped it. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

let enabled = false;
const CALL = Symbol.for('parallax.step');
const script = new Script('globalThis[Symbol.for("parallax.step")]()', { filename: 'parallax-step' });

/** From now on, `step` stops a step at once on SIGINT (the CLI calls this). */
export function enableInterrupts(): void {
  enabled = true;
}

/** Runs one synchronous step; with interrupts enabled, a SIGINT during it throws `Interrupted`. */
export function step<T>(fn: () => T): T {
  if (!enabled) return fn();
  const g = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  const outer = g[CALL];
  g[CALL] = fn;
  try {
    return script.runInThisContext({ breakOnSigint: true }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new Interrupted();
    throw e;
  } finally {
    g[CALL] = outer;
  }
}

/** Yields to the event loop, so that a SIGINT that came between steps is handled. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
