/** Small statistics helpers for the bench: medians, ranges and log-log scaling fits. */

/** Summary of repeated measurements (same unit as the samples). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Number of samples. */
  n: number;
  samples: number[];
}

/** Median (mean of the two middle values for an even count), min and max of `samples`. */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarise: no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length, samples: [...samples] };
}

/**
 * Least-squares fit of `log(y) = k·log(x) + c`; returns the exponent `k` (1 = linear,
 * 2 = quadratic). Needs at least two distinct x values and positive ys.
 */
export function scalingExponent(points: readonly { x: number; y: number }[]): number {
  const pts = points.filter((p) => p.x > 0 && p.y > 0);
  if (pts.length < 2) return Number.NaN;
  const lx = pts.map((p) => Math.log(p.x));
  const ly = pts.map((p) => Math.log(p.y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` value). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds to `digits` decimals for display and JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
