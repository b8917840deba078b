/**
 * Which findings a view shows: those whose confidence (the measured precision of the rule or
 * entry that produced them, see src/analyses/confidence.ts) reaches the report's threshold for
 * their kind.
 */
import type { Finding } from './types.js';

/** Views show findings at or above this confidence unless `--min-confidence` says otherwise (see README "Confidence"). */
export const DEFAULT_MIN_CONFIDENCE = 0.8;

/**
 * Kinds whose default threshold is higher than `DEFAULT_MIN_CONFIDENCE`: where careful-reading
 * audits of text no rule was written from show the kind's findings below it to be often wrong.
 * Attributions: at 0.8, 85 of 92 judged findings of unseen text are right (every attribution
 * audit sheet of PolNeAR dev, BASIL 2013–2014 and web pages; 18/20 on sample C, drawn after the
 * last mends); at 0.75, 141/160; at 0.5, 0.58–0.93 per sheet (README "Audited precision").
 * Loaded terms: at 0.5 the check-half sheets were right 0.56–0.73 of the time; 0.85 (issue #14's
 * target) shows only the entries and categories whose judged tuning-half precision reaches it and
 * hides the rest (labels, most evaluative words: README "Confidence").
 * Unsourced assertions: 0.85, the lowest threshold at which the judged tuning-half sheets reach
 * issue #14's 0.90 (344/378 = 0.910; 0.881 at 0.8, 0.871 at 0.5): only the no-attribution reason
 * (0.91) is shown; predictions (0.70), claims beside or after a source (0.82–0.38), vague sources
 * (0.82), agentless passives (0.80) and prescriptions (pool) stay in the JSON.
 * An explicit `--min-confidence X` applies X to every kind.
 */
export const DEFAULT_MIN_CONFIDENCE_BY_KIND: Readonly<Record<string, number>> = { attribution: 0.8, loaded: 0.85, unsourced: 0.85 };

/** The thresholds a report records (`minConfidence`, `minConfidenceByKind`). */
export interface Thresholds {
  minConfidence?: number | undefined;
  minConfidenceByKind?: Readonly<Record<string, number>> | undefined;
}

/** The threshold findings of `kind` must reach, or undefined when every finding is shown. */
export function thresholdFor(kind: string, t: Thresholds | undefined): number | undefined {
  const own = t?.minConfidenceByKind?.[kind];
  if (typeof own === 'number') return own;
  return typeof t?.minConfidence === 'number' ? t.minConfidence : undefined;
}

/** True when a view shows the finding: its confidence is at least its kind's threshold. */
export function isShown(f: Pick<Finding, 'confidence' | 'kind'>, t: Thresholds | undefined): boolean {
  const min = thresholdFor(f.kind, t);
  return min === undefined || f.confidence >= min;
}

/** The findings a view shows, and how many it leaves out. */
export function shownFindings<T extends Finding>(findings: readonly T[], t: Thresholds | undefined): { shown: T[]; hidden: number } {
  const shown = findings.filter((f) => isShown(f, t));
  return { shown, hidden: findings.length - shown.length };
}

/**
 * The thresholds in words, as a phrase after "below": "confidence 0.85" when every kind has the same threshold;
 * "their kind's confidence threshold (attributions 0.80, loaded terms 0.85, unsourced 0.85)", every kind named, when
 * kinds differ (naming only the base value read as if it held for every kind). Null when there is none.
 */
export function describeThresholds(t: Thresholds | undefined, nounOf: (kind: string) => string = (k) => k): string | null {
  if (typeof t?.minConfidence !== 'number') return null;
  const byKind = Object.entries(t.minConfidenceByKind ?? {});
  if (byKind.every(([, x]) => x === t.minConfidence)) return `confidence ${t.minConfidence.toFixed(2)}`;
  const each = byKind.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${nounOf(k)} ${x.toFixed(2)}`);
  return `their kind's confidence threshold (${each.join(', ')})`;
}
