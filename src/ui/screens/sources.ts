/**
 * Sources: the mix of source types each outlet cites, and who it cites. A search keeps the
 * attributions whose text, source, cue or content contains it (case-insensitive). Pure.
 */
import { counted } from '../../core/finding-kinds.js';
import { sanitizeTerminal } from '../../core/escape.js';
import type { AttributionFinding } from '../../core/types.js';
import { findingsOf, label } from '../model.js';
import { truncateLine, wrap, type Line } from '../text.js';
import { bar, pct } from './overview.js';
import type { ScreenContext, ScreenOutput } from './types.js';

export function sourcesScreen(ctx: ScreenContext, frame: { cursor: number }): ScreenOutput {
  const { model, width, query } = ctx;
  const q = query.toLowerCase();
  const matches = (f: AttributionFinding) =>
    [f.text, f.sourceName, f.source?.text, f.cue?.text, f.content?.text].some((t) => typeof t === 'string' && t.toLowerCase().includes(q));
  const lines: Line[] = [];
  let focus = 0;
  model.report.articles.forEach((a, i) => {
    const selected = i === frame.cursor;
    if (selected) focus = lines.length;
    const all = findingsOf(model, a.id, 'attribution').filter((f): f is AttributionFinding => f.kind === 'attribution');
    const atts = q ? all.filter(matches) : all;
    const count = q ? `  ${atts.length} of ${all.length} attributions match “${sanitizeTerminal(query, true)}”` : `  ${counted(atts.length, 'attributions')}`;
    lines.push(
      truncateLine(
        [
          { text: selected ? '› ' : '  ', role: 'cursor' },
          { text: label(model, a.id), role: selected ? 'tab-active' : 'title' },
          { text: count, role: 'dim' },
        ],
        width,
      ),
    );
    const byType = new Map<string, AttributionFinding[]>();
    for (const f of atts) byType.set(f.sourceType, [...(byType.get(f.sourceType) ?? []), f]);
    const types = [...byType.keys()].sort((x, y) => byType.get(y)!.length - byType.get(x)!.length || (x < y ? -1 : 1));
    for (const t of types) {
      const fs = byType.get(t)!;
      const names = [...new Set(fs.map((f) => sanitizeTerminal(f.sourceName ?? f.source?.text ?? '(agentless)', true)))];
      lines.push(
        truncateLine(
          [
            { text: `    ${sanitizeTerminal(t, true).padEnd(12)} ` },
            { text: bar(fs.length, atts.length, 10), role: 'bar' },
            { text: ` ${pct(fs.length / atts.length).padStart(4)} ` },
            { text: names.join(', '), role: 'dim' },
          ],
          width,
        ),
      );
    }
    const nonNeutral = atts.filter((f) => f.cue && f.cue.neutral === false);
    if (nonNeutral.length)
      lines.push(
        ...wrap(
          [{ text: `non-neutral cues: ${nonNeutral.map((f) => `“${sanitizeTerminal(f.cue.text, true)}”`).join(', ')}`, role: 'attribution-loaded' }],
          width - 4,
        ).map((l) => [{ text: '    ' }, ...l]),
      );
    if (atts.length === 0) lines.push([{ text: q && all.length ? '    no attribution matches the search' : '    no attributed sources found', role: 'dim' }]);
    lines.push([]);
  });
  const current = model.report.articles[frame.cursor];
  return {
    title: 'Sources',
    lines,
    mode: 'items',
    count: model.report.articles.length,
    focus,
    enter: current ? { screen: 'mentions', of: 'source', id: current.id, cursor: 0 } : null,
  };
}
