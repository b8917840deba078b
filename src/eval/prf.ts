/** Precision, recall and F1 from counts of true positives, false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
