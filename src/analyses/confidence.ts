/**
 * Confidence on findings: each finding takes the measured precision of the rule or lexicon entry
 * that produced it, from the calibration records loaded with the lexicons
 * (lexicons/calibration.yml, written by `npm run calibrate`). Nothing here guesses: a finding
 * whose own key has no record (too few judged cases) takes the pooled record of its group
 * (`loaded/<category>`, then `loaded`), and a finding with no record at all gets confidence 0
 * and calibration `none` (only with a lexicon set that carries no calibration file).
 */
import type { CalibrationRecord, Finding, FindingDraft } from '../core/types.js';
import type { RawCalibration } from '../lexicons/parse.js';

export { DEFAULT_MIN_CONFIDENCE, isShown, shownFindings } from '../core/confidence.js';

/** The calibration key of a finding without a record. */
export const NO_CALIBRATION = 'none';

type Keyed = Pick<Finding, 'kind' | 'rule'> & { category?: unknown; reason?: unknown; pattern?: unknown; cue?: { neutral?: boolean; speech?: boolean } };

/**
 * The calibration keys of a finding, most specific first:
 * loaded — `lexicon:<lexicon>/<entry>` or `rule:<name>`, `loaded/<category>`, `loaded`;
 * unsourced — `unsourced/<reason>`, `unsourced`;
 * attribution — `attribution/<pattern>:<reporting-verb entry>`, `attribution/<pattern>:non-speech` (cue entry `speech: false`),
 * `attribution/<pattern>:<neutral|non-neutral>`, `attribution/<pattern>` when the
 * finding names its pattern, else `attribution/<rule>`; then `attribution`.
 */
export function calibrationKeys(f: Keyed | FindingDraft): string[] {
  if (f.kind === 'loaded') return [f.rule, `loaded/${String((f as Keyed).category)}`, 'loaded'];
  if (f.kind === 'unsourced') return [`unsourced/${String((f as Keyed).reason)}`, 'unsourced'];
  const pattern = (f as Keyed).pattern;
  if (typeof pattern === 'string' && pattern !== '') {
    const cue = (f as Keyed).cue?.neutral === false ? 'non-neutral' : 'neutral';
    // The pattern with its reporting-verb entry ("subject-verb-object:support"), then with the cue's class.
    const entry = f.rule.startsWith('lexicon:reporting-verbs/') ? [`attribution/${pattern}:${f.rule.slice('lexicon:reporting-verbs/'.length)}`] : [];
    // Verbs of thought, stance or evidence (`speech: false`: believe, want, show) apart from the verbs of speech too rare for
    // a record of their own: after a quotation "wrote" and "replied" report it, "seemed" and "named" mostly do not.
    const thought = (f as Keyed).cue?.speech === false ? [`attribution/${pattern}:non-speech`] : [];
    return [...entry, ...thought, `attribution/${pattern}:${cue}`, `attribution/${pattern}`, 'attribution'];
  }
  return [`attribution/${f.rule}`, 'attribution'];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The record a finding's confidence comes from (first of its keys that has one), or null. */
export function calibrationOf(f: Keyed | FindingDraft, calibration: ReadonlyMap<string, RawCalibration>): RawCalibration | null {
  for (const k of calibrationKeys(f)) {
    const c = calibration.get(k);
    if (c) return c;
  }
  return null;
}

/** The confidence a finding gets: its record's precision to 2 decimals, 0 without one. */
export function confidenceOf(f: Keyed | FindingDraft, calibration: ReadonlyMap<string, RawCalibration>): number {
  const c = calibrationOf(f, calibration);
  return c ? round2(c.precision) : 0;
}

/** Sets `confidence` and `calibration` on every finding (in place) and returns them. */
export function assignConfidence<T extends Finding>(findings: T[], calibration: ReadonlyMap<string, RawCalibration>): T[] {
  for (const f of findings) {
    const c = calibrationOf(f, calibration);
    f.confidence = c ? round2(c.precision) : 0;
    f.calibration = c ? c.key : NO_CALIBRATION;
  }
  return findings;
}

/** The report's `calibration` object: the records the findings use, by key, sorted by key. */
export function usedCalibration(findings: readonly Finding[], calibration: ReadonlyMap<string, RawCalibration>): Record<string, CalibrationRecord> {
  const keys = [...new Set(findings.map((f) => f.calibration))].filter((k) => calibration.has(k)).sort();
  return Object.fromEntries(
    keys.map((k) => {
      const c = calibration.get(k)!;
      return [k, { precision: c.precision, judged: c.judged, correct: c.correct, data: c.data }];
    }),
  );
}
