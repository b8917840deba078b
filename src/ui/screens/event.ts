/**
 * Event detail: the outlets' sentences for one event in side-by-side columns (stacked on narrow
 * terminals), content words only one outlet uses marked (green, or `{+…+}` without colour), markers
 * highlighted, the outlets that leave the event out named, and below the columns the alignment's
 * evidence (`event-evidence.ts`: quotation reuse, figures that disagree, why mentions align). Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import type { EventMention, Span } from '../../core/types.js';
import { loadLanguageCues } from '../../ingest/cues.js';
import { article, findingsOf, highlight, label } from '../model.js';
import type { Role } from '../theme.js';
import { columnWidths, sideBySide, truncateLine, wrap, type Line } from '../text.js';
import { evidenceLines } from './event-evidence.js';
import { findingSummary, readerCursorAt } from './reader.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

/** Narrowest column before the outlets stack vertically. */
export const MIN_COLUMN = 30;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** A content word: not one of the English function words (the, in, of, …; lexicons/ingest/function-words.yml). */
export function isContentWord(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  return /[\p{L}\p{N}]/u.test(w) && !loadLanguageCues().english.has(w);
}

/**
 * Offsets (absolute, in `mention`'s article) of the content words in `mention` that none of the
 * `others` texts (the other outlets' mentions of the event) contains (case-insensitive): what
 * "only this outlet" means. Function words ("the", "in") are never marked.
 */
export function uniqueRanges(mention: EventMention, others: readonly string[]): (Span & { role: Role })[] {
  const seen = new Set<string>();
  for (const t of others) for (const m of t.matchAll(WORD)) seen.add(m[0].toLowerCase());
  const out: (Span & { role: Role })[] = [];
  for (const m of mention.text.matchAll(WORD)) {
    if (!isContentWord(m[0]) || seen.has(m[0].toLowerCase())) continue;
    out.push({ start: mention.start + m.index, end: mention.start + m.index + m[0].length, role: 'diff' });
  }
  return out;
}

/** The event view's legend: colours are named only when the theme shows them; the text markers always. */
export function eventLegend(colour: boolean): string {
  const only = colour ? 'green words: only this outlet has them (content words)' : '{+word+}: only this outlet has it (content words)';
  return `${only} · [brackets]: loaded terms · ⚑ unsourced sentence`;
}

export function eventScreen(ctx: ScreenContext, frame: Frame & { screen: 'event' }): ScreenOutput {
  const { model, width, filter, query } = ctx;
  const event = model.report.events.find((e) => e.id === frame.id);
  if (!event) return { title: frame.id, lines: [[{ text: 'This event is not in the report.', role: 'warn' }]], mode: 'scroll', count: 1, focus: 0 };
  const articles = model.report.articles;
  const mentionsOf = (id: string) => event.mentions.filter((m) => m.article === id).sort((x, y) => x.start - y.start);
  const textOf = (id: string) =>
    mentionsOf(id)
      .map((m) => m.text)
      .join(' ');
  const reporting = articles.filter((a) => mentionsOf(a.id).length > 0);
  const silent = articles.filter((a) => mentionsOf(a.id).length === 0);
  const pane = Math.min(frame.pane, Math.max(0, reporting.length - 1));
  const n = Math.max(1, reporting.length);
  const stacked = Math.floor((width - 3 * (n - 1)) / n) < MIN_COLUMN;
  const colWidth = stacked ? width : columnWidths(width, n, 3)[0]!;
  const blocks: Line[][] = reporting.map((a, i) => {
    const full = article(model, a.id);
    const others = reporting.filter((o) => o.id !== a.id).map((o) => textOf(o.id));
    const findings = findingsOf(model, a.id, filter);
    const block: Line[] = [truncateLine([{ text: `${i === pane ? '▶ ' : '  '}${label(model, a.id)}`, role: i === pane ? 'tab-active' : 'title' }], colWidth)];
    for (const m of mentionsOf(a.id)) {
      const ranges = others.length ? uniqueRanges(m, others) : [];
      block.push(...wrap(highlight(full, m, { findings, ranges, query, ...(ctx.colour ? {} : { rangeMarks: ['{+', '+}'] as const }) }), colWidth));
      block.push([]);
    }
    return block;
  });
  const lines: Line[] = [...wrap([{ text: sanitizeTerminal(event.label, true), role: 'heading' }], width)];
  lines.push(
    truncateLine(
      [
        { text: `reported by ${reporting.length} of ${articles.length}`, role: 'dim' },
        ...(silent.length ? [{ text: ` · not reported by ${silent.map((a) => label(model, a.id)).join(', ')}`, role: 'warn' as const }] : []),
      ],
      width,
    ),
  );
  lines.push([]);
  if (stacked) for (const b of blocks) lines.push(...b);
  else lines.push(...sideBySide(blocks, columnWidths(width, n, 3), 3));
  lines.push(...evidenceLines(model, event, width));
  const markers = reporting.flatMap((a) =>
    findingsOf(model, a.id, filter)
      .filter((f) => event.mentions.some((m) => m.article === a.id && f.start < m.end && m.start < f.end))
      .map((f) => ({ a, f })),
  );
  if (markers.length) {
    lines.push([{ text: 'Markers', role: 'heading' }]);
    for (const { a, f } of markers) lines.push(truncateLine([{ text: `  ${label(model, a.id)}: `, role: 'dim' }, ...findingSummary(f)], width));
    lines.push([]);
  }
  lines.push(...wrap([{ text: eventLegend(ctx.colour), role: 'dim' }], width));
  const target = reporting[pane];
  const mention = target ? mentionsOf(target.id)[0] : undefined;
  let enter: Frame | null = null;
  if (target && mention) {
    // The reader shows what the current filter and search let through, plus the mention's
    // sentence (pinned): the cursor is its index among exactly those items.
    enter = { screen: 'reader', id: target.id, cursor: readerCursorAt(model, target.id, filter, query, mention.start, mention.start), pin: mention.start };
  }
  return {
    title: sanitizeTerminal(event.label, true),
    lines,
    mode: 'scroll',
    count: Math.max(1, lines.length - ctx.height + 1),
    focus: 0,
    panes: reporting.length,
    enter,
  };
}
