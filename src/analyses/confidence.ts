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
 * `attribution/<pattern>:<neutral|non-neutral>` (each of these two preceded by the same key with `:that` when the
 * content is a clause opened by "that", `thatClause`; and each of those by the same key with `:quoted` when the content
 * quotes some of its words without being a quotation, `partlyQuoted`), `attribution/<pattern>` when the
 * finding names its pattern, else `attribution/<rule>`; then `attribution`.
 */
export function calibrationKeys(f: Keyed | FindingDraft): string[] {
  if (f.kind === 'loaded') return [f.rule, `loaded/${String((f as Keyed).category)}`, 'loaded'];
  if (f.kind === 'unsourced') return [`unsourced/${String((f as Keyed).reason)}`, 'unsourced'];
  const pattern = (f as Keyed).pattern;
  if (typeof pattern === 'string' && pattern !== '') {
    // An audit-sheet item records the cue as text and its class beside it (`neutral`); a finding, on its cue.
    const neutral = typeof (f as Keyed).cue === 'object' ? (f as Keyed).cue?.neutral : (f as { neutral?: unknown }).neutral;
    const cue = neutral === false ? 'non-neutral' : 'neutral';
    // The pattern with its reporting-verb entry ("subject-verb-object:support"), then with the cue's class.
    const entry = f.rule.startsWith('lexicon:reporting-verbs/') ? [`attribution/${pattern}:${f.rule.slice('lexicon:reporting-verbs/'.length)}`] : [];
    // Verbs of thought, stance or evidence (`speech: false`: believe, want, show) apart from the verbs of speech too rare for
    // a record of their own: after a quotation "wrote" and "replied" report it, "seemed" and "named" mostly do not.
    // Each class split by an explicit "that" before the content ("noted that …", "adding that …"): the complementiser
    // marks the content as a reported clause, where an object or a bare clause may be an act or a misread verb.
    // And each by quoted words inside an indirect report's content ("predicted that delegates would “take this fight to
    // the floor”", "the program was a \"good thing\" …, he remarked"): the marks show the words are the source's.
    const split = (key: string) => {
      const keys = thatClause(f) ? [`${key}:that`, key] : [key];
      return partlyQuoted(f) ? keys.flatMap((k) => [`${k}:quoted`, k]) : keys;
    };
    const thought = (f as Keyed).cue?.speech === false ? split(`attribution/${pattern}:non-speech`) : [];
    return [...entry, ...thought, ...split(`attribution/${pattern}:${cue}`), `attribution/${pattern}`, 'attribution'];
  }
  return [`attribution/${f.rule}`, 'attribution'];
}

/**
 * True when the attribution's content is a clause opened by "that" right after its cue ("X noted that …", "said on
 * Tuesday that …"): the words between cue and content end in "that". Works on findings (offsets) and on audit-sheet
 * items (the cue and content as text inside the finding's text).
 */
export function thatClause(f: Keyed | FindingDraft): boolean {
  const x = f as { text?: unknown; start?: unknown; cue?: unknown; content?: unknown };
  if (typeof x.text !== 'string' || x.cue === null || x.cue === undefined || x.content === null || x.content === undefined) return false;
  let gap: string | null = null;
  if (typeof x.cue === 'object' && typeof x.content === 'object' && typeof x.start === 'number') {
    const cue = x.cue as { end: number };
    const content = x.content as { start: number };
    if (content.start >= cue.end) gap = x.text.slice(cue.end - x.start, content.start - x.start);
  } else if (typeof x.cue === 'string' && typeof x.content === 'string') {
    const c = x.text.indexOf(x.cue);
    const d = c < 0 ? -1 : x.text.indexOf(x.content, c + x.cue.length);
    if (d >= 0) gap = x.text.slice(c + x.cue.length, d);
  }
  return gap !== null && gap.length < 80 && /(?:^|\s)that\s*$/i.test(gap);
}

/** A quotation mark: straight or curly double, guillemet, low double, or two apostrophes or backticks as one. */
const QUOTATION = /["“”«»„]|''|``/;
const OPENS_QUOTATION = /^(?:["“”«»„]|''|``)/;

/**
 * True when the attribution's content quotes some of its words but is not itself a quotation: a quotation mark inside it
 * and none opening it ("Clinton had been “extremely careless” in her handling …"). A content that opens with a mark is a
 * direct quotation, measured by the quotation patterns' own keys. Works on findings and on audit-sheet items.
 */
export function partlyQuoted(f: Keyed | FindingDraft): boolean {
  const c = (f as { content?: unknown }).content;
  const text =
    typeof c === 'string' ? c : c !== null && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string' ? (c as { text: string }).text : '';
  const t = text.trim();
  return t !== '' && QUOTATION.test(t) && !OPENS_QUOTATION.test(t);
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
