/** Events list with a coverage matrix: which outlet reports which event; omissions visible. Pure. */
import { sanitizeTerminal } from '../../core/escape.js';
import type { Event } from '../../core/types.js';
import { label, type ViewModel } from '../model.js';
import { padLine, truncate, truncateLine, type Line } from '../text.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

/** Events whose label or mention text contains the query (case-insensitive). */
export function visibleEvents(model: ViewModel, query: string): Event[] {
  const q = query.toLowerCase();
  if (!q) return model.report.events;
  return model.report.events.filter((e) => e.label.toLowerCase().includes(q) || e.mentions.some((m) => m.text.toLowerCase().includes(q)));
}

export function eventsScreen(ctx: ScreenContext, frame: { cursor: number }): ScreenOutput {
  const { model, width, query } = ctx;
  const articles = model.report.articles;
  const events = visibleEvents(model, query);
  const cell = Math.max(3, Math.min(12, Math.floor((width - 30) / Math.max(1, articles.length))));
  const labelWidth = Math.max(10, width - 2 - cell * articles.length);
  const lines: Line[] = [];
  const header: Line = [{ text: '  ' }, ...padLine([{ text: query ? `Events matching "${sanitizeTerminal(query, true)}"` : 'Events', role: 'heading' }], labelWidth)];
  for (const a of articles) header.push({ text: ` ${truncate(label(model, a.id), cell - 1).padEnd(cell - 1)}`, role: 'heading' });
  lines.push(truncateLine(header, width));
  let focus = 0;
  events.forEach((e, i) => {
    const selected = i === frame.cursor;
    if (selected) focus = lines.length;
    const line: Line = [
      { text: selected ? '› ' : '  ', role: 'cursor' },
      ...padLine([{ text: sanitizeTerminal(e.label, true), role: selected ? 'tab-active' : 'plain' }], labelWidth),
    ];
    for (const a of articles) {
      const has = e.articles.includes(a.id);
      line.push({ text: ` ${(has ? '●' : '–').padEnd(cell - 1)}`, role: has ? 'ok' : 'warn' });
    }
    lines.push(truncateLine(line, width));
  });
  if (events.length === 0) lines.push([{ text: query ? '  No event matches the search.' : '  No events in this report.', role: 'dim' }]);
  lines.push([]);
  lines.push([{ text: '  ● reports it   – leaves it out', role: 'dim' }]);
  const omissions = model.report.omissions ?? {};
  for (const a of articles) {
    const n = omissions[a.id]?.length ?? 0;
    if (n > 0) lines.push(truncateLine([{ text: `  ${label(model, a.id)} leaves out ${n} event${n === 1 ? '' : 's'} other outlets report`, role: 'warn' }], width));
  }
  const current = events[frame.cursor];
  return {
    title: 'Events',
    lines,
    mode: 'items',
    count: events.length,
    focus,
    enter: current ? { screen: 'event', id: current.id, cursor: 0, pane: 0 } : null,
  };
}
