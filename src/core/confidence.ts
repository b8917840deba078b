/**
 * Which findings a view shows: those whose confidence (the measured precision of the rule or
 * entry that produced them, see src/analyses/confidence.ts) reaches the report's threshold.
 */
import type { Finding } from './types.js';

/** Views show findings at or above this confidence unless `--min-confidence` says otherwise (see README "Confidence"). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** True when a view shows the finding: its confidence is at least the report's threshold. */
export function isShown(f: Pick<Finding, 'confidence'>, minConfidence: number | undefined): boolean {
  return minConfidence === undefined || f.confidence >= minConfidence;
}

/** The findings a view shows, and how many of each kind it leaves out. */
export function shownFindings<T extends Finding>(findings: readonly T[], minConfidence: number | undefined): { shown: T[]; hidden: number } {
  const shown = findings.filter((f) => isShown(f, minConfidence));
  return { shown, hidden: findings.length - shown.length };
}
