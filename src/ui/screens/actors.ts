/**
 * Actors: how each outlet describes each actor (mentions, descriptors, tone), from
 * `report.actors`. Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import { label, type ViewModel } from '../model.js';
import { truncateLine, wrap, type Line } from '../text.js';
import type { ScreenContext, ScreenOutput } from './types.js';

export interface ActorRow {
  id: string;
  name: string;
  perArticle: { article: string; mentions: number | null; descriptors: string[]; tone: string | null }[];
}

/** The actors in the report as display rows (sanitised), sorted as the report lists them. */
export function actorRows(model: ViewModel, query: string): ActorRow[] {
  const rows: ActorRow[] = model.report.actors.map((actor) => ({
    id: actor.id,
    name: sanitizeTerminal(actor.name, true),
    perArticle: Object.entries(actor.articles).map(([article, p]) => ({
      article,
      mentions: p.mentions.length,
      descriptors: [...new Set(p.descriptors.map((d) => sanitizeTerminal(d.text, true)))],
      tone: sanitizeTerminal(p.tone.toFixed(2), true),
    })),
  }));
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
    lines.push(
      truncateLine(
        [
          { text: selected ? '› ' : '  ', role: 'cursor' },
          { text: r.name, role: selected ? 'tab-active' : 'title' },
        ],
        width,
      ),
    );
    for (const a of model.report.articles) {
      const p = r.perArticle.find((x) => x.article === a.id);
      const head = `    ${label(model, a.id)}: `;
      if (!p || p.mentions === 0) {
        lines.push(
          truncateLine(
            [
              { text: head, role: 'dim' },
              { text: 'not mentioned', role: 'warn' },
            ],
            width,
          ),
        );
        continue;
      }
      const facts = [p.mentions !== null ? `${p.mentions}×` : null, p.tone !== null ? `tone ${p.tone}` : null].filter(Boolean).join(', ');
      const desc = p.descriptors.length ? p.descriptors.map((d) => `“${d}”`).join(', ') : 'no descriptors';
      lines.push(...wrap([{ text: head, role: 'dim' }, { text: facts ? `${facts} · ` : '', role: 'dim' }, { text: desc }], width, '      '));
    }
    lines.push([]);
  });
  if (rows.length === 0) lines.push([{ text: query ? '  No actor matches the search.' : '  No actor data in this report yet.', role: 'dim' }]);
  const current = rows[frame.cursor];
  return {
    title: 'Actors',
    lines,
    mode: 'items',
    count: rows.length,
    focus,
    enter: current ? { screen: 'mentions', of: 'actor', id: current.id, cursor: 0 } : null,
  };
}
