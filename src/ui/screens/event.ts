/**
 * Event detail: the outlets' sentences for one event in side-by-side columns (stacked on narrow
 * terminals), words only one outlet uses coloured (word diff against another outlet), markers
 * highlighted, the outlets that leave the event out named, and below the columns the alignment's
 * evidence (`event-evidence.ts`: quotation reuse, figures that disagree, why mentions align). Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import type { EventMention, Span } from '../../core/types.js';
import { wordDiff } from '../../core/word-diff.js';
import { article, findingsOf, highlight, label } from '../model.js';
import type { Role } from '../theme.js';
import { columnWidths, sideBySide, truncateLine, wrap, type Line } from '../text.js';
import { evidenceLines } from './event-evidence.js';
import { findingSummary, readerCursorAt } from './reader.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

/** Narrowest column before the outlets stack vertically. */
export const MIN_COLUMN = 30;

/**
 * Offsets (absolute, in `mention`'s article) of the words in `mention` that the `other` text does
 * not have: the `added` parts of the word diff other → mention.
 */
export function uniqueRanges(mention: EventMention, other: string): (Span & { role: Role })[] {
  const out: (Span & { role: Role })[] = [];
  let pos = mention.start;
  for (const part of wordDiff(other, mention.text)) {
    if (part.op === 'removed') continue;
    if (part.op === 'added' && part.text.trim()) out.push({ start: pos, end: pos + part.text.length, role: 'diff' });
    pos += part.text.length;
  }
  return out;
}

export function eventScreen(ctx: ScreenContext, frame: Frame & { screen: 'event' }): ScreenOutput {
  const { model, width, filter, query } = ctx;
  const event = model.report.events.find((e) => e.id === frame.id);
  if (!event) return { title: frame.id, lines: [[{ text: 'This event is not in the report.', role: 'warn' }]], mode: 'scroll', count: 1, focus: 0 };
  const articles = model.report.articles;
  const mentionsOf = (id: string) => event.mentions.filter((m) => m.article === id).sort((x, y) => x.start - y.start);
  const textOf = (id: string) => mentionsOf(id).map((m) => m.text).join(' ');
  const reporting = articles.filter((a) => mentionsOf(a.id).length > 0);
  const silent = articles.filter((a) => mentionsOf(a.id).length === 0);
  const pane = Math.min(frame.pane, Math.max(0, reporting.length - 1));
  const n = Math.max(1, reporting.length);
  const stacked = Math.floor((width - 3 * (n - 1)) / n) < MIN_COLUMN;
  const colWidth = stacked ? width : columnWidths(width, n, 3)[0]!;
  const blocks: Line[][] = reporting.map((a, i) => {
    const full = article(model, a.id);
    const reference = reporting[i === 0 ? 1 : 0];
    const other = reference ? textOf(reference.id) : '';
    const findings = findingsOf(model, a.id, filter);
    const block: Line[] = [truncateLine([{ text: `${i === pane ? '▶ ' : '  '}${label(model, a.id)}`, role: i === pane ? 'tab-active' : 'title' }], colWidth)];
    for (const m of mentionsOf(a.id)) {
      const ranges = reference ? uniqueRanges(m, other) : [];
      block.push(...wrap(highlight(full, m, { findings, ranges, query }), colWidth));
      block.push([]);
    }
    return block;
  });
  const lines: Line[] = [...wrap([{ text: sanitizeTerminal(event.label, true), role: 'heading' }], width)];
  lines.push(truncateLine([{ text: `reported by ${reporting.length} of ${articles.length}`, role: 'dim' }, ...(silent.length ? [{ text: ` · not reported by ${silent.map((a) => label(model, a.id)).join(', ')}`, role: 'warn' as const }] : [])], width));
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
  lines.push(truncateLine([{ text: 'coloured words: only this outlet has them · [brackets]: loaded terms', role: 'dim' }], width));
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
