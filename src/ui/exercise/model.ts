/**
 * The exercise's data, derived from a report: anonymised articles (letters A, B, C… in an order
 * that does not follow the file names; outlet, author, title and URL hidden, and the outlet's or
 * author's name masked in the text), their prose sentences split into words, the answer key
 * (the tool's findings or a teacher's file), and the agreement between a student's marks and
 * the key. Pure apart from nothing: no I/O here.
 *
 * Offsets are 0-based UTF-16 indices into the article text, end exclusive (as in the report).
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import { counted, FINDING_KIND_NAMES, FINDING_KINDS, type FindingKind } from '../../core/finding-kinds.js';
import { shownFindings, thresholdFor } from '../../core/confidence.js';
import type { ArticleFormat, Report, ReportArticle } from '../../core/types.js';
import { displayPieces, REFERENCE } from '../../core/display-text.js';

/** A kind students mark: one whose row in the kind table has an `exercise` (loaded, unsourced). */
export type MarkKind = FindingKind;

/** The kinds the exercise compares, in table order. */
export const EXERCISE_KINDS: readonly FindingKind[] = FINDING_KIND_NAMES.filter((k) => FINDING_KINDS[k].exercise !== null);
const isExerciseKind = (k: unknown): k is FindingKind => EXERCISE_KINDS.some((e) => e === k);

/** A span the student (or the key) marks in one article. */
export interface Mark {
  /** Report article id. */
  article: string;
  start: number;
  end: number;
  kind: MarkKind;
}

/** A key mark with the reasons, when the key is the tool's findings. */
export interface KeyMark extends Mark {
  category?: string;
  explanation?: string;
  rule?: string;
  /** The finding's measured precision (the tool's key only). */
  confidence?: number;
}

export interface ExerciseWord {
  start: number;
  end: number;
}

export interface ExerciseSentence {
  start: number;
  end: number;
  words: ExerciseWord[];
}

export interface ExerciseArticle {
  id: string;
  /** `A`, `B`, … */
  letter: string;
  path: string;
  /** The real label (outlet, else author, else file name), only shown after reveal. */
  label: string;
  /** The answer to "which outlet wrote this?": the outlet's name, or UNNAMED_OUTLET — never a file name. */
  outlet: string;
  /** The article text with the outlet's and author's names masked (same length as the original). */
  text: string;
  /** Source format: an HTML article's slices are shown through displayText. */
  format: ArticleFormat;
  sentences: ExerciseSentence[];
}

export interface Exercise {
  articles: ExerciseArticle[];
  /** The choices for guessing which article is which: the outlets' names (sorted), then UNNAMED_OUTLET when an article names none. No file names. */
  outlets: string[];
  /** The report's confidence threshold for each kind the exercise compares (null: every finding): the tool's key holds only findings at or above it. */
  minConfidence: Partial<Record<MarkKind, number | null>>;
  /**
   * The tool's findings of the compared kinds that fall below their threshold: never in the key
   * (never an answer a student "missed"); a student's mark on one is told so after reveal.
   */
  belowThreshold: KeyMark[];
}

/** The guess for an article whose outlet is not known (its label would be a file name, which may give it away). */
export const UNNAMED_OUTLET = 'an unnamed outlet';

/** What a student may guess for an article: its outlet, never its file name. */
export function guessLabel(a: Pick<ReportArticle, 'outlet'>): string {
  const o = a.outlet?.trim();
  return o ? o : UNNAMED_OUTLET;
}

const MASK = '█';

/**
 * Replaces every occurrence of the names (case-insensitive, whole words only: an author called
 * Erin leaves *shattering* alone) with mask characters of equal length.
 */
export function maskNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    const n = name.trim();
    if (n.length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(re, (m) => m.replace(/\S/g, MASK));
  }
  return out;
}

/** Names that would give an article's outlet away. */
function revealingNames(a: ReportArticle): string[] {
  const names = [a.outlet, a.author, a.url].filter((x): x is string => typeof x === 'string' && x.trim().length > 0);
  if (a.author) names.push(...a.author.split(/\s+/).filter((p) => p.length >= 3));
  if (a.outlet && a.label === a.outlet) names.push(a.label);
  return [...new Set(names)].sort((x, y) => y.length - x.length);
}

const isObject = (x: unknown): x is { [key: string]: unknown } => typeof x === 'object' && x !== null && !Array.isArray(x);

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

/**
 * The words a reader sees in `raw` (which starts at offset `at`), as raw offsets: found in the
 * displayed text (an HTML article's tags and references are not words: no `href`, no `rsquo`),
 * each from the raw unit its first letter shows on to the end of its last letter's (the whole
 * reference when that letter is one, `&eacute;`).
 */
function wordsOf(raw: string, format: ArticleFormat, at: number): ExerciseWord[] {
  const pieces = displayPieces(raw, format);
  let shown = '';
  const from: number[] = []; // raw index of each shown unit
  pieces.forEach((p, i) => {
    shown += p;
    for (let k = 0; k < p.length; k++) from.push(i);
  });
  const reference = new RegExp(REFERENCE.source, 'y');
  const endOf = (i: number) => {
    reference.lastIndex = i;
    return raw[i] === '&' && reference.test(raw) ? reference.lastIndex : i + 1;
  };
  return [...shown.matchAll(WORD)].map((m) => ({ start: at + from[m.index]!, end: at + endOf(from[m.index + m[0].length - 1]!) }));
}

/** Builds the exercise: prose, non-heading sentences only, in an order fixed by the texts. */
export function buildExercise(report: Report): Exercise {
  const ordered = [...report.articles].sort((x, y) => {
    const hx = createHash('sha1').update(x.text).digest('hex');
    const hy = createHash('sha1').update(y.text).digest('hex');
    return hx < hy ? -1 : hx > hy ? 1 : 0;
  });
  const articles = ordered.map((a, i): ExerciseArticle => {
    const text = maskNames(a.text, revealingNames(a));
    const inBoilerplate = (s: { start: number; end: number }) => (a.boilerplate ?? []).some((b) => b.start < s.end && s.start < b.end);
    const sentences = (a.sentenceSpans ?? [])
      .filter((s) => !s.heading && !inBoilerplate(s))
      .map((s) => {
        return { start: s.start, end: s.end, words: wordsOf(a.text.slice(s.start, s.end), a.format, s.start) };
      })
      .filter((s) => s.words.length > 0);
    return { id: a.id, letter: letterOf(i), path: a.path, label: a.label, outlet: guessLabel(a), text, format: a.format, sentences };
  });
  const named = [...new Set(articles.map((a) => a.outlet).filter((o) => o !== UNNAMED_OUTLET))].sort();
  const outlets = articles.some((a) => a.outlet === UNNAMED_OUTLET) ? [...named, UNNAMED_OUTLET] : named;
  const minConfidence = Object.fromEntries(EXERCISE_KINDS.map((k) => [k, thresholdFor(k, report) ?? null]));
  return { articles, outlets, minConfidence, belowThreshold: toolMarks(report, false) };
}

/** `A`…`Z`, then `A2`… */
export function letterOf(i: number): string {
  return String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26) + 1) : '');
}

/** The tool's answer key: its findings of the kinds the exercise compares (loaded and unsourced) that views show, i.e. at or above the report's `minConfidence`. */
export function toolKey(report: Report): KeyMark[] {
  return toolMarks(report, true);
}

/** The tool's findings of the compared kinds that views show (`shown`) or hide, as key marks. */
function toolMarks(report: Report, shown: boolean): KeyMark[] {
  const out: KeyMark[] = [];
  const visible = new Set(shownFindings(report.findings, report).shown);
  for (const f of report.findings) {
    if (!isExerciseKind(f.kind) || visible.has(f) !== shown) continue;
    const m: KeyMark = {
      article: f.article,
      start: f.start,
      end: f.end,
      kind: f.kind,
      explanation: f.explanation,
      rule: f.rule,
      confidence: f.confidence,
    };
    if (f.kind === 'loaded') m.category = f.category;
    out.push(m);
  }
  return out;
}

/**
 * A teacher's key as read from its file: a parallax report (checked against the report schema
 * when it was read) or any other JSON, which `parseAnswers` checks as a list of marks.
 */
export type AnswerFile = { kind: 'report'; report: Report } | { kind: 'marks'; json: unknown };

/**
 * A teacher's key: a JSON list of `{article, start, end, kind}` (article = path, file name or
 * label) or a parallax report (its loaded and unsourced findings, matched by path).
 */
export function parseAnswers(key: AnswerFile, report: Report, file: string): KeyMark[] {
  const fail = (found: string): never => {
    throw new InputError('bad answer key', {
      file,
      expected: `a JSON list of {"article": path or label, "start": n, "end": n, "kind": ${EXERCISE_KINDS.map((k) => `"${k}"`).join('|')}} or a parallax report`,
      found,
      hint: 'fix the file or leave out --answers to use the tool’s findings',
    });
  };
  const findArticle = (ref: string): ReportArticle | undefined =>
    report.articles.find((a) => a.path === ref || a.label === ref || a.id === ref) ??
    report.articles.find((a) => a.path.split(/[\\/]/).pop() === ref.split(/[\\/]/).pop());
  if (key.kind === 'report') {
    const other = key.report;
    const out: KeyMark[] = [];
    for (const a of other.articles) {
      const mine = findArticle(a.path);
      if (!mine) continue;
      for (const k of toolKey(other)) if (k.article === a.id) out.push({ ...k, article: mine.id });
    }
    if (out.length === 0) fail('a report about other articles (no article path matches)');
    return out;
  }
  const json = key.json;
  if (!Array.isArray(json)) return fail(json === null ? 'null' : typeof json);
  return json.map((item: unknown, i) => {
    if (!isObject(item)) return fail(`item ${i + 1} is not an object`);
    const { article: ref, start, end, kind, explanation, category } = item;
    if (typeof ref !== 'string') return fail(`item ${i + 1}: "article" is not a string`);
    const a = findArticle(ref);
    if (!a) return fail(`item ${i + 1}: no article ${JSON.stringify(ref)} among ${report.articles.map((x) => x.path).join(', ')}`);
    if (!isExerciseKind(kind)) return fail(`item ${i + 1}: kind ${JSON.stringify(kind)}`);
    if (typeof start !== 'number' || typeof end !== 'number' || !(start >= 0 && start < end && end <= a.text.length)) {
      return fail(`item ${i + 1}: start/end ${JSON.stringify(start)}..${JSON.stringify(end)} outside the article (0..${a.text.length})`);
    }
    const m: KeyMark = { article: a.id, start, end, kind };
    if (typeof explanation === 'string') m.explanation = explanation;
    if (typeof category === 'string') m.category = category;
    return m;
  });
}

/** Precision and recall of one category; null when there is nothing to divide by. */
export interface Agreement {
  /** Units (tokens or sentences) both marked. */
  both: number;
  student: number;
  key: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * Per kind the exercise compares (`loaded`: word by word, `unsourced`: sentence by sentence, as
 * the kind table says), then the recall of the key's loaded terms per category (words).
 */
export type ExerciseScore = { [K in FindingKind]?: Agreement } & { byCategory: Record<string, Agreement> };

function agreement(student: Set<string>, key: Set<string>): Agreement {
  let both = 0;
  for (const u of student) if (key.has(u)) both++;
  const precision = student.size ? both / student.size : null;
  const recall = key.size ? both / key.size : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { both, student: student.size, key: key.size, precision, recall, f1 };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * The units (`article:start`) that marks of `kind` cover within the exercise's sentences: words
 * or whole sentences, as the kind table says.
 */
function units(ex: Exercise, marks: readonly Mark[], kind: FindingKind): Set<string> {
  const unit = FINDING_KINDS[kind].exercise?.unit ?? 'word';
  const out = new Set<string>();
  for (const a of ex.articles) {
    const mine = marks.filter((m) => m.article === a.id && m.kind === kind);
    for (const s of a.sentences) {
      if (unit === 'sentence') {
        if (mine.some((m) => overlaps(m, s))) out.add(`${a.id}:${s.start}`);
      } else for (const w of s.words) if (mine.some((m) => overlaps(m, w))) out.add(`${a.id}:${w.start}`);
    }
  }
  return out;
}

/** Agreement of the student's marks with the key. */
export function scoreExercise(ex: Exercise, student: readonly Mark[], key: readonly KeyMark[]): ExerciseScore {
  const perKind: { [K in FindingKind]?: Agreement } = {};
  for (const kind of EXERCISE_KINDS) perKind[kind] = agreement(units(ex, student, kind), units(ex, key, kind));
  const studentWords = units(ex, student, 'loaded');
  const byCategory: Record<string, Agreement> = {};
  for (const c of [...new Set(key.filter((k) => k.kind === 'loaded').map((k) => k.category ?? 'loaded'))].sort()) {
    byCategory[c] = agreement(
      studentWords,
      units(
        ex,
        key.filter((k) => (k.category ?? 'loaded') === c),
        'loaded',
      ),
    );
  }
  return { ...perKind, byCategory };
}

/** A 0..1 figure as a percentage, `–` for null. */
export function percent(n: number | null): string {
  return n === null ? '–' : `${Math.round(n * 100)}%`;
}

/** How many key marks of each kind fall inside the exercise's sentences (what the student can find). */
export function keyCounts(ex: Exercise, key: readonly KeyMark[]): Record<MarkKind, number> {
  const out = Object.fromEntries(EXERCISE_KINDS.map((k) => [k, 0])) as Record<MarkKind, number>;
  for (const m of key) {
    const a = ex.articles.find((x) => x.id === m.article);
    if (a && a.sentences.some((s) => overlaps(s, m))) out[m.kind] = (out[m.kind] ?? 0) + 1;
  }
  return out;
}

/**
 * One line saying what the key is and how many items it holds, e.g. "The key (parallax’s findings at
 * confidence ≥ 0.85) holds 12 items: 3 loaded terms, 9 unsourced claims."; the threshold of each
 * kind when they differ ("parallax’s findings: loaded terms at confidence ≥ 0.85, unsourced claims at confidence ≥ 0.50").
 */
function thresholdWords(ex: Exercise): string {
  const byKind = EXERCISE_KINDS.map((k) => [k, ex.minConfidence[k] ?? null] as const);
  const values = new Set(byKind.map(([, x]) => x));
  if (values.size === 1) {
    const [only] = values;
    return only === null || only === undefined ? '' : ` at confidence ≥ ${only.toFixed(2)}`;
  }
  const parts = byKind.map(([k, x]) => `${FINDING_KINDS[k].exercise!.label}${x === null ? '' : ` at confidence ≥ ${x.toFixed(2)}`}`);
  return `: ${parts.join(', ')}`;
}

export function keySummary(ex: Exercise, key: readonly KeyMark[], keySource: string): string {
  const counts = keyCounts(ex, key);
  const total = EXERCISE_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0);
  const what = keySource === 'tool' ? `parallax’s findings${thresholdWords(ex)}` : `your teacher’s key, ${keySource.replace(/^answers:/, '')}`;
  const parts = EXERCISE_KINDS.map((k) => counted(counts[k] ?? 0, FINDING_KINDS[k].exercise!.label));
  return `The key (${what}) holds ${total} item${total === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}
