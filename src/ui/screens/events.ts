/**
 * Events list: a coverage matrix of the events two or more outlets report (omissions visible), then
 * each outlet's events that no other outlet reports, under "Only in X". Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import type { Event } from '../../core/types.js';
import { label, type ViewModel } from '../model.js';
import { padLine, truncate, truncateLine, type Line } from '../text.js';
import type { ScreenContext, ScreenOutput } from './types.js';

/**
 * Events whose label or mention text contains the query (case-insensitive), in screen order:
 * shared events first, then single-outlet events by outlet (report order).
 */
export function visibleEvents(model: ViewModel, query: string): Event[] {
  const q = query.toLowerCase();
  const hits = q
    ? model.report.events.filter((e) => e.label.toLowerCase().includes(q) || e.mentions.some((m) => m.text.toLowerCase().includes(q)))
    : model.report.events;
  const single = model.report.articles.flatMap((a) => hits.filter((e) => e.articles.length === 1 && e.articles[0] === a.id));
  return [...hits.filter((e) => e.articles.length > 1), ...single];
}

export function eventsScreen(ctx: ScreenContext, frame: { cursor: number }): ScreenOutput {
  const { model, width, query } = ctx;
  const articles = model.report.articles;
  const events = visibleEvents(model, query);
  const cell = Math.max(3, Math.min(12, Math.floor((width - 30) / Math.max(1, articles.length))));
  const labelWidth = Math.max(10, width - 2 - cell * articles.length);
  const lines: Line[] = [];
  const header: Line = [
    { text: '  ' },
    ...padLine([{ text: query ? `Shared events matching "${sanitizeTerminal(query, true)}"` : 'Shared events', role: 'heading' }], labelWidth),
  ];
  for (const a of articles) header.push({ text: ` ${truncate(label(model, a.id), cell - 1).padEnd(cell - 1)}`, role: 'heading' });
  lines.push(truncateLine(header, width));
  let focus = 0;
  let group: string | null = null;
  events.forEach((e, i) => {
    const selected = i === frame.cursor;
    const only = e.articles.length === 1 ? e.articles[0]! : null;
    if (only !== null && only !== group) {
      group = only;
      const n = events.filter((x) => x.articles.length === 1 && x.articles[0] === only).length;
      lines.push([]);
      lines.push(truncateLine([{ text: `  Only in ${label(model, only)} (${n})`, role: 'heading' }], width));
    }
    if (selected) focus = lines.length;
    const line: Line = [
      { text: selected ? '› ' : '  ', role: 'cursor' },
      ...padLine([{ text: sanitizeTerminal(e.label, true), role: selected ? 'tab-active' : 'plain' }], only === null ? labelWidth : width - 2),
    ];
    if (only === null) {
      for (const a of articles) {
        const has = e.articles.includes(a.id);
        line.push({ text: ` ${(has ? '●' : '–').padEnd(cell - 1)}`, role: has ? 'ok' : 'warn' });
      }
    }
    lines.push(truncateLine(line, width));
  });
  if (events.length === 0) lines.push([{ text: query ? '  No event matches the search.' : '  No events in this report.', role: 'dim' }]);
  lines.push([]);
  lines.push([{ text: '  ● reports it   – leaves it out', role: 'dim' }]);
  const omissions = model.report.omissions ?? {};
  for (const a of articles) {
    const n = omissions[a.id]?.length ?? 0;
    if (n > 0)
      lines.push(truncateLine([{ text: `  ${label(model, a.id)} leaves out ${n} event${n === 1 ? '' : 's'} other outlets report`, role: 'warn' }], width));
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
