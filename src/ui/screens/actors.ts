/**
 * Actors: how each outlet describes each actor (mentions, descriptors, tone). Reads
 * `report.actors` tolerantly: per-article data keyed by article id or as a list with `article`. Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import { label, num, record, type ViewModel } from '../model.js';
import { truncateLine, wrap, type Line } from '../text.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

export interface ActorRow {
  name: string;
  perArticle: { article: string; mentions: number | null; descriptors: string[]; tone: string | null }[];
}

const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : typeof record(v)?.['text'] === 'string' ? (record(v)!['text'] as string) : null;

/** The actors in the report as display rows (sanitised), sorted as the report lists them. */
export function actorRows(model: ViewModel, query: string): ActorRow[] {
  const rows: ActorRow[] = [];
  for (const raw of model.report.actors ?? []) {
    const item = record(raw);
    if (!item) continue;
    const name = text(item['name']) ?? text(item['label']) ?? text(item['id']) ?? '?';
    const per = item['articles'] ?? item['byArticle'] ?? item['perArticle'] ?? item['outlets'];
    const entries: [string, Record<string, unknown>][] = Array.isArray(per)
      ? per.map((p) => record(p)).filter((p): p is Record<string, unknown> => p !== null).map((p) => [String(p['article'] ?? p['id'] ?? '?'), p])
      : Object.entries(record(per) ?? {}).map(([k, v]) => [k, record(v) ?? {}]);
    rows.push({
      name: sanitizeTerminal(name, true),
      perArticle: entries.map(([article, p]) => {
        const m = p['mentions'];
        const descriptors = (Array.isArray(p['descriptors']) ? p['descriptors'] : []).map(text).filter((d): d is string => d !== null);
        const tone = p['tone'];
        return {
          article,
          mentions: Array.isArray(m) ? m.length : num(m),
          descriptors: [...new Set(descriptors.map((d) => sanitizeTerminal(d, true)))],
          tone: tone === undefined || tone === null ? null : sanitizeTerminal(typeof tone === 'number' ? tone.toFixed(2) : (text(tone) ?? JSON.stringify(tone)), true),
        };
      }),
    });
  }
  const q = query.toLowerCase();
  return q ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.perArticle.some((p) => p.descriptors.some((d) => d.toLowerCase().includes(q)))) : rows;
}

export function actorsScreen(ctx: ScreenContext, frame: { cursor: number }): ScreenOutput {
  const { model, width, query } = ctx;
  const rows = actorRows(model, query);
  const lines: Line[] = [];
  let focus = 0;
  rows.forEach((r, i) => {
    const selected = i === frame.cursor;
    if (selected) focus = lines.length;
    lines.push(truncateLine([{ text: selected ? '› ' : '  ', role: 'cursor' }, { text: r.name, role: selected ? 'tab-active' : 'title' }], width));
    for (const a of model.report.articles) {
      const p = r.perArticle.find((x) => x.article === a.id);
      const head = `    ${label(model, a.id)}: `;
      if (!p || p.mentions === 0) {
        lines.push(truncateLine([{ text: head, role: 'dim' }, { text: 'not mentioned', role: 'warn' }], width));
        continue;
      }
      const facts = [p.mentions !== null ? `${p.mentions}×` : null, p.tone !== null ? `tone ${p.tone}` : null].filter(Boolean).join(', ');
      const desc = p.descriptors.length ? p.descriptors.map((d) => `“${d}”`).join(', ') : 'no descriptors';
      lines.push(...wrap([{ text: head, role: 'dim' }, { text: facts ? `${facts} · ` : '', role: 'dim' }, { text: desc }], width, '      '));
    }
    lines.push([]);
  });
  if (rows.length === 0) lines.push([{ text: query ? '  No actor matches the search.' : '  No actor data in this report yet.', role: 'dim' }]);
  return { title: 'Actors', lines, mode: 'items', count: rows.length, focus };
}
