/** Article reader: the article's prose sentence by sentence, every finding inline. Pure. */
import { sanitizeTerminal } from '../../core/escape.js';
import { detailOf } from '../../core/finding-kinds.js';
import type { Finding, Span } from '../../core/types.js';
import { article, findingRole, findingsOf, highlight, label, type KindFilter, type ViewModel } from '../model.js';
import { truncateLine, wrap, type Line, type Segment } from '../text.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

export type ReaderItem = { kind: 'sentence'; span: Span & { heading?: boolean; paragraph?: number } } | { kind: 'finding'; finding: Finding };

/**
 * The reader's rows: each prose sentence followed by the findings that start in it. With a
 * search, only the sentences that contain it — and the sentence holding offset `pin` (0-based,
 * the mention an event opened the reader at), so that one is never hidden.
 */
export function readerItems(model: ViewModel, articleId: string, filter: KindFilter, query: string, pin?: number): ReaderItem[] {
  const a = article(model, articleId);
  const findings = findingsOf(model, articleId, filter);
  const q = query.toLowerCase();
  const items: ReaderItem[] = [];
  for (const s of model.sentences.get(articleId) ?? []) {
    const pinned = pin !== undefined && s.start <= pin && pin < s.end;
    if (q && !pinned && !a.text.slice(s.start, s.end).toLowerCase().includes(q)) continue;
    items.push({ kind: 'sentence', span: s });
    for (const f of findings) if (f.start >= s.start && f.start < s.end) items.push({ kind: 'finding', finding: f });
  }
  return items;
}

/**
 * Index among `readerItems(model, articleId, filter, query, pin)` of the sentence holding offset
 * `at` (0-based), else of the first sentence after it, else 0.
 */
export function readerCursorAt(model: ViewModel, articleId: string, filter: KindFilter, query: string, at: number, pin?: number): number {
  const items = readerItems(model, articleId, filter, query, pin);
  const inside = items.findIndex((it) => it.kind === 'sentence' && it.span.start <= at && at < it.span.end);
  if (inside >= 0) return inside;
  const after = items.findIndex((it) => it.kind === 'sentence' && it.span.start >= at);
  return Math.max(0, after);
}

/** Offset (0-based) of the sentence the reader's cursor is on (a finding's own sentence), or null. */
export function readerOffset(model: ViewModel, articleId: string, filter: KindFilter, query: string, cursor: number, pin?: number): number | null {
  const items = readerItems(model, articleId, filter, query, pin);
  for (let i = Math.min(cursor, items.length - 1); i >= 0; i--) {
    const it = items[i]!;
    if (it.kind === 'sentence') return it.span.start;
  }
  return null;
}

/** One-line summary of a finding: kind, category or source type, the text. */
export function findingSummary(f: Finding): Segment[] {
  const text = sanitizeTerminal(f.text, true);
  if (f.kind === 'loaded')
    return [{ text: `loaded · ${sanitizeTerminal(String(f.category ?? ''), true)} `, role: 'loaded' }, { text: `“${text}”` }, ...explain(f)];
  if (f.kind === 'attribution') {
    const cue = f.cue ? sanitizeTerminal(f.cue.text, true) : '';
    const source = f.source ? sanitizeTerminal(f.sourceName ?? f.source.text, true) : 'no source';
    const neutral = f.cue && f.cue.neutral === false ? ', non-neutral cue' : '';
    return [
      {
        text: `attribution · ${sanitizeTerminal(String(f.sourceType ?? 'unknown'), true)}${neutral} `,
        role: f.cue?.neutral === false ? 'attribution-loaded' : 'attribution',
      },
      { text: `${source} — “${cue}”` },
    ];
  }
  return [{ text: `${f.kind} · ${sanitizeTerminal(detailOf(f), true)}`, role: findingRole(f) }, ...explain(f)];
}

function explain(f: Finding): Segment[] {
  return f.explanation ? [{ text: ` — ${sanitizeTerminal(f.explanation, true)}`, role: 'dim' }] : [];
}

export function readerScreen(ctx: ScreenContext, frame: Frame & { screen: 'reader' }): ScreenOutput {
  const { model, width, filter, query } = ctx;
  const a = article(model, frame.id);
  const items = readerItems(model, a.id, filter, query, frame.pin);
  const lines: Line[] = [];
  let focus = 0;
  let paragraph: number | undefined;
  const findings = findingsOf(model, a.id, filter);
  items.forEach((item, i) => {
    const selected = i === frame.cursor;
    if (item.kind === 'sentence') {
      if (paragraph !== undefined && item.span.paragraph !== paragraph) lines.push([]);
      paragraph = item.span.paragraph;
      if (selected) focus = lines.length;
      const segs = highlight(a, item.span, { findings, query });
      const body = item.span.heading ? segs.map((s) => (s.role ? s : { ...s, role: 'heading' as const })) : segs;
      wrap(body, width - 2, '').forEach((l, j) => lines.push([{ text: j === 0 && selected ? '› ' : '  ', role: 'cursor' }, ...l]));
    } else {
      if (selected) focus = lines.length;
      lines.push(truncateLine([{ text: selected ? '   › ' : '     ', role: 'cursor' }, ...findingSummary(item.finding)], width));
    }
  });
  if (items.length === 0) lines.push([{ text: query ? '  No sentence matches the search.' : '  No prose in this article.', role: 'dim' }]);
  const current = items[frame.cursor];
  let enter: Frame | null = null;
  if (current?.kind === 'finding') enter = { screen: 'finding', id: current.finding.id, cursor: 0 };
  else if (current?.kind === 'sentence') {
    const next = items[frame.cursor + 1];
    if (next?.kind === 'finding') enter = { screen: 'finding', id: next.finding.id, cursor: 0 };
  }
  return { title: label(model, a.id), lines, mode: 'items', count: items.length, focus, enter };
}
