/**
 * Overview: each outlet with its headline scores and a small bar per marker category. A search
 * keeps the outlets whose name, title or prose contains it and counts the matching sentences. Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import { counted, FINDING_KIND_NAMES, FINDING_KINDS } from '../../core/finding-kinds.js';
import type { ArticleScores, ReportArticle } from '../../core/types.js';
import { findingsOf, label, type ViewModel } from '../model.js';
import { truncate, truncateLine, wrap, type Line } from '../text.js';
import type { ScreenContext, ScreenOutput } from './types.js';
import { ONE_ARTICLE } from '../../report/view-model.js';

/** A bar of `width` cells for `value / max` (eighths of a cell, `·` for the empty part). */
export function bar(value: number, max: number, width: number): string {
  if (width <= 0) return '';
  const eighths = max > 0 ? Math.round((Math.max(0, value) / max) * width * 8) : 0;
  const full = Math.min(width, Math.floor(eighths / 8));
  const part = full < width ? eighths % 8 : 0;
  const partial = part > 0 ? ' ▏▎▍▌▋▊▉'[part]! : '';
  return '█'.repeat(full) + partial + '·'.repeat(width - full - (partial ? 1 : 0));
}

/** Formats a number with one decimal (integers without). */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Formats a 0..1 share as a percentage. */
export function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

/** Marker density per category for one article (`scores[id].markersPer1k`; none when it has no scores). */
function perCategory(scores: ArticleScores | undefined): Record<string, number> {
  return scores?.markersPer1k ?? {};
}

/** Prose sentences of an article that contain `q` (lower-case; '' counts none). */
function matchingSentences(model: ViewModel, id: string, text: string, q: string): number {
  if (!q) return 0;
  return (model.sentences.get(id) ?? []).filter((s) => text.slice(s.start, s.end).toLowerCase().includes(q)).length;
}

/**
 * The outlets the overview lists: all, or with a search those whose label or title contains it or
 * with prose sentences that do (case-insensitive), in report order.
 */
export function visibleArticles(model: ViewModel, query: string): ReportArticle[] {
  const q = query.toLowerCase();
  if (!q) return model.report.articles;
  return model.report.articles.filter(
    (a) => a.label.toLowerCase().includes(q) || (a.title ?? '').toLowerCase().includes(q) || matchingSentences(model, a.id, a.text, q) > 0,
  );
}

export function overviewScreen(ctx: ScreenContext, frame: { cursor: number }): ScreenOutput {
  const { model, width, query } = ctx;
  const q = query.toLowerCase();
  const articles = visibleArticles(model, query);
  const lines: Line[] = [];
  let focus = 0;
  articles.forEach((a, i) => {
    const selected = i === frame.cursor;
    if (selected) focus = lines.length;
    const title = a.title ? sanitizeTerminal(a.title, true) : '';
    lines.push(
      truncateLine(
        [
          { text: selected ? '› ' : '  ', role: 'cursor' },
          { text: label(model, a.id), role: selected ? 'tab-active' : 'title' },
          ...(title ? [{ text: `  ${title}`, role: 'dim' as const }] : []),
        ],
        width,
      ),
    );
    const fs = findingsOf(model, a.id, 'all');
    const count = (k: string) => fs.filter((f) => f.kind === k).length;
    const s = model.report.scores[a.id];
    const facts = [
      a.date ? sanitizeTerminal(a.date, true) : null,
      `${a.words} words`,
      ...FINDING_KIND_NAMES.map((k) => counted(count(k), FINDING_KINDS[k].short)),
      (model.hidden.get(a.id) ?? 0) > 0 ? `${model.hidden.get(a.id)} more below their confidence threshold` : null,
      s ? `load ${fmt(s.load)}` : null,
      s ? `unsourced share ${pct(s.unsourcedShare)}` : null,
      s ? `non-neutral cues ${pct(s.nonNeutralCueShare)}` : null,
      omitted(model.report.omissions[a.id]?.length ?? 0),
      q ? `${matchingSentences(model, a.id, a.text, q)} sentences match “${sanitizeTerminal(query, true)}”` : null,
    ].filter((x): x is string => x !== null);
    lines.push(...wrap([{ text: facts.join(' · ') }], width - 4).map((l) => [{ text: '    ' }, ...l]));
  });
  if (articles.length === 0) lines.push([{ text: q ? '  No outlet matches the search.' : 'No articles in this report.', role: 'dim' }]);
  if (model.report.articles.length === 1) lines.push([], ...wrap([{ text: ONE_ARTICLE, role: 'dim' }], width - 2).map((l) => [{ text: '  ' }, ...l]));
  const matrix = categoryMatrix(ctx, articles);
  // The chart is one more item after the outlets: moving onto it brings its last row into view.
  const onChart = matrix.length > 0 && frame.cursor === articles.length;
  if (matrix.length > 0) {
    matrix[1] = [{ text: onChart ? '›' : ' ', role: 'cursor' }, ...matrix[1]!.map((seg, j) => (j === 0 ? { ...seg, text: seg.text.slice(1) } : seg))];
    if (onChart) focus = lines.length + matrix.length - 1 + Math.floor(ctx.height / 3);
  }
  lines.push(...matrix);
  const current = articles[frame.cursor];
  return {
    title: 'Overview',
    lines,
    mode: 'items',
    count: articles.length + (matrix.length > 0 ? 1 : 0),
    focus,
    enter: current ? { screen: 'reader', id: current.id, cursor: 0 } : null,
  };
}

/** The chart's unit: `markersPer1k` counts loaded findings per 1,000 tokens (src/analyses/markers.ts), not words. */
export const UNIT = 'per 1k tokens';

/** Marker density per category: one row per category, one small bar per outlet, bars on one scale. */
function categoryMatrix(ctx: ScreenContext, articles: readonly ReportArticle[]): Line[] {
  const { model, width } = ctx;
  const per = articles.map((a) => perCategory(model.report.scores[a.id]));
  const categories = [...new Set(per.flatMap((p) => Object.keys(p)))].sort();
  if (categories.length === 0 || articles.length === 0) return [];
  const max = Math.max(0, ...per.flatMap((p) => Object.values(p)));
  const nameWidth = Math.min(18, Math.max(...categories.map((c) => c.length), UNIT.length + 3) + 1);
  const cell = Math.max(8, Math.floor((width - 2 - nameWidth) / articles.length));
  const barWidth = Math.max(3, Math.min(20, cell - 7));
  const out: Line[] = [[]];
  out.push(
    truncateLine(
      [
        { text: `  ${UNIT.padEnd(nameWidth)}`, role: 'heading' },
        ...articles.map((a) => ({ text: truncate(label(model, a.id), cell - 1).padEnd(cell), role: 'heading' as const })),
      ],
      width,
    ),
  );
  for (const c of categories) {
    const line: Line = [{ text: `  ${truncate(c, nameWidth - 1).padEnd(nameWidth)}` }];
    per.forEach((p) => {
      const v = p[c] ?? 0;
      line.push({ text: bar(v, max, barWidth), role: 'bar' }, { text: ` ${fmt(v)}`.padEnd(cell - barWidth), role: 'dim' });
    });
    out.push(truncateLine(line, width));
  }
  return out;
}

/** "omits N shared event(s)", or nothing when the article leaves none out. */
function omitted(n: number): string | null {
  return n > 0 ? `omits ${n} shared event${n === 1 ? '' : 's'}` : null;
}
