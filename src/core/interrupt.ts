/**
 * Ctrl-C (SIGINT) during a run. The analyses are synchronous, so a SIGINT handler would only run
 * when the work is over. The CLI therefore runs a command's work (reading, analysing, aligning,
 * rendering, writing) as one `step`, which a SIGINT stops at once — node's vm `breakOnSigint`,
 * the mechanism its REPL uses — by throwing `Interrupted`; outside the step, the CLI's SIGINT
 * handler runs. Node takes the SIGINT listeners off while a step runs and puts them back after;
 * a signal in that instant gets the default action (the process ends by SIGINT, which a shell
 * also reports as 130), and the temporaries it leaves are removed by the next run. So a
 * command is one step, not many: `pause` right before it lets a signal that came earlier be
 * handled. Library callers that never call `enableInterrupts` get plain function calls.
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
