/**
 * What the terminal views need from a report, derived once and read-only: labels, sentences,
 * findings per article, and styled spans of article text. No analysis happens here — only
 * lookups and formatting of what the report already holds. Pure.
 */
import { displayPieces, forDisplay } from '../core/display-text.js';
import { sanitizeTerminal } from '../core/escape.js';
import { FINDING_KIND_NAMES, FINDING_KINDS, type FindingKind } from '../core/finding-kinds.js';
import type { Finding, Report, ReportArticle, Span } from '../core/types.js';
import { isShown } from '../core/confidence.js';
import type { Role } from './theme.js';
import type { Segment } from './text.js';

/** Which findings the views show (`f` cycles through them): all, or one kind. */
export type KindFilter = 'all' | FindingKind;
export const KIND_FILTERS: readonly KindFilter[] = ['all', ...FINDING_KIND_NAMES];

export interface ViewModel {
  report: Report;
  /** Findings of each article at or above the report's `minConfidence`, sorted by start. */
  findings: Map<string, Finding[]>;
  /** Findings of each article below the confidence threshold (not shown, counted apart). */
  hidden: Map<string, number>;
  /** Sentences of each article that are prose (not inside boilerplate), in order. */
  sentences: Map<string, Span[]>;
}

/** Derives the view model (cheap lookups) from a report; span texts as a reader sees them (forDisplay). */
export function buildModel(raw: Report): ViewModel {
  const report = forDisplay(raw);
  const findings = new Map<string, Finding[]>();
  const hidden = new Map<string, number>();
  const sentences = new Map<string, Span[]>();
  for (const a of report.articles) {
    const mine = report.findings.filter((f) => f.article === a.id);
    const shown = mine.filter((f) => isShown(f, report));
    findings.set(
      a.id,
      shown.sort((x, y) => x.start - y.start || x.end - y.end),
    );
    hidden.set(a.id, mine.length - shown.length);
    const spans = a.sentenceSpans ?? [];
    sentences.set(
      a.id,
      spans.filter((s) => !(a.boilerplate ?? []).some((b) => b.start < s.end && s.start < b.end)),
    );
  }
  return { report, findings, hidden, sentences };
}

/** The article with this id (throws on an id the report does not hold: a bug). */
export function article(model: ViewModel, id: string): ReportArticle {
  const a = model.report.articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id} in the report`);
  return a;
}

/** Display label of an article (sanitised, one line). */
export function label(model: ViewModel, id: string): string {
  const a = model.report.articles.find((x) => x.id === id);
  return sanitizeTerminal(a?.label ?? id, true);
}

/** Findings of an article that pass the kind filter. */
export function findingsOf(model: ViewModel, articleId: string, filter: KindFilter): Finding[] {
  const all = model.findings.get(articleId) ?? [];
  return filter === 'all' ? all : all.filter((f) => f.kind === filter);
}

/** Sanitised one-line text of `[start, end)` of an article. */
export function sliceText(a: ReportArticle, span: Span): string {
  return sanitizeTerminal(a.text.slice(span.start, span.end), true);
}

/** The role a finding's text takes in highlighted article text. */
export function findingRole(f: Finding): Role {
  if (f.kind === 'attribution' && !f.cue.neutral) return 'attribution-loaded';
  return FINDING_KINDS[f.kind].colour;
}

const PRIORITY: Record<string, number> = { plain: 0, unsourced: 1, diff: 2, attribution: 3, 'attribution-loaded': 4, loaded: 5, match: 6 };

export interface HighlightOptions {
  /** Findings to mark. Loaded terms are also bracketed, so they show without colour. */
  findings: readonly Finding[];
  /** Extra ranges to colour (e.g. words only this outlet uses), absolute offsets. */
  ranges?: readonly (Span & { role: Role })[];
  /** Search text to highlight (case-insensitive). */
  query?: string;
  /** Text put around each extra range (e.g. `{+`, `+}` when colours are off, so the ranges still show). */
  rangeMarks?: readonly [string, string];
}

/** The flag before an unsourced sentence (a finding marked `flag` in the kind table), in every view that shows article text. */
export const FLAG = '⚑ ';

/**
 * Styled segments for `[span.start, span.end)` of an article: loaded terms in `[brackets]`,
 * attribution cues, unsourced sentences, extra ranges and search matches in their roles.
 * The text is sanitised (one line).
 */
export function highlight(a: ReportArticle, span: Span, options: HighlightOptions): Segment[] {
  const { start, end } = span;
  const roles: Role[] = new Array<Role>(Math.max(0, end - start)).fill('plain');
  const paint = (s: number, e: number, role: Role) => {
    for (let i = Math.max(s, start); i < Math.min(e, end); i++) {
      if (PRIORITY[role]! >= PRIORITY[roles[i - start]!]!) roles[i - start] = role;
    }
  };
  const opens = new Set<number>();
  const closes = new Set<number>();
  const flags = new Set<number>();
  for (const f of options.findings) {
    if (f.end <= start || f.start >= end) continue;
    if (f.kind === 'attribution') paint(f.cue.start, f.cue.end, findingRole(f));
    else paint(f.start, f.end, findingRole(f));
    if (FINDING_KINDS[f.kind].mark === 'strong') {
      opens.add(Math.max(f.start, start));
      closes.add(Math.min(f.end, end));
    }
    if (FINDING_KINDS[f.kind].mark === 'flag') flags.add(Math.max(f.start, start));
  }
  const rangeOpens = new Map<number, Role>();
  const rangeCloses = new Map<number, Role>();
  for (const r of options.ranges ?? []) {
    paint(r.start, r.end, r.role);
    if (options.rangeMarks && r.end > start && r.start < end) {
      rangeOpens.set(Math.max(r.start, start), r.role);
      rangeCloses.set(Math.min(r.end, end), r.role);
    }
  }
  const q = options.query?.toLowerCase();
  if (q) {
    const lower = a.text.slice(start, end).toLowerCase();
    for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) paint(start + i, start + i + q.length, 'match');
  }
  const out: Segment[] = [];
  const add = (text: string, role: Role) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && (last.role ?? 'plain') === role) last.text += text;
    else out.push(role === 'plain' ? { text } : { text, role });
  };
  // what each raw unit shows as: an HTML article's tags hidden, its references decoded
  const shown = displayPieces(a.text.slice(start, end), a.format);
  for (let i = start; i < end; i++) {
    const role = roles[i - start]!;
    if (flags.has(i)) add(FLAG, 'unsourced');
    if (opens.has(i)) add('[', 'loaded');
    if (rangeOpens.has(i)) add(options.rangeMarks![0], rangeOpens.get(i)!);
    add(sanitizeTerminal(shown[i - start]!, true), role);
    if (rangeCloses.has(i + 1)) add(options.rangeMarks![1], rangeCloses.get(i + 1)!);
    if (closes.has(i + 1)) add(']', 'loaded');
  }
  return out;
}
