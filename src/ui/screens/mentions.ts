/**
 * Mentions: what enter on an actor (Actors) or an outlet (Sources) lists — each place the actor is
 * named, per outlet, or each attribution of the outlet with its source and cue — with the sentence
 * around it. Enter opens the reader at that sentence. Pure.
 */
import { counted } from '../../core/finding-kinds.js';
import { sanitizeTerminal } from '../../core/escape.js';
import type { AttributionFinding, TextSpan } from '../../core/types.js';
import { article, findingsOf, FLAG, label, type ViewModel } from '../model.js';
import { truncateLine, wrap, type Line, type Segment } from '../text.js';
import { readerCursorAt } from './reader.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

export interface MentionItem {
  article: string;
  span: TextSpan;
  /** What the line says before the sentence (e.g. the source and its cue). */
  note: string | null;
}

/** The items of a mentions frame, in report order of articles and text order within each. */
export function mentionItems(model: ViewModel, frame: Frame & { screen: 'mentions' }): { title: string; items: MentionItem[] } {
  if (frame.of === 'actor') {
    const actor = model.report.actors.find((a) => a.id === frame.id);
    if (!actor) return { title: frame.id, items: [] };
    const items: MentionItem[] = [];
    for (const a of model.report.articles)
      for (const m of [...(actor.articles[a.id]?.mentions ?? [])].sort((x, y) => x.start - y.start)) items.push({ article: a.id, span: m, note: null });
    return { title: `${sanitizeTerminal(actor.name, true)}: mentions`, items };
  }
  const atts = findingsOf(model, frame.id, 'attribution').filter((f): f is AttributionFinding => f.kind === 'attribution');
  return {
    title: `${label(model, frame.id)}: sources`,
    items: atts.map((f) => ({
      article: frame.id,
      span: f.source ?? f.cue,
      note: `${sanitizeTerminal(f.sourceType, true)} · ${sanitizeTerminal(f.sourceName ?? f.source?.text ?? '(agentless)', true)} — “${sanitizeTerminal(f.cue.text, true)}”`,
    })),
  };
}

export function mentionsScreen(ctx: ScreenContext, frame: Frame & { screen: 'mentions' }): ScreenOutput {
  const { model, width, filter, query } = ctx;
  const { title, items } = mentionItems(model, frame);
  const lines: Line[] = [
    [{ text: `${counted(items.length, frame.of === 'actor' ? 'mentions' : 'attributions')} · enter: open the article there`, role: 'dim' }],
    [],
  ];
  let focus = 0;
  let last = '';
  items.forEach((it, i) => {
    if (it.article !== last) {
      if (last) lines.push([]);
      lines.push([{ text: label(model, it.article), role: 'title' }]);
      last = it.article;
    }
    const selected = i === frame.cursor;
    if (selected) focus = lines.length;
    const a = article(model, it.article);
    const sentence = (model.sentences.get(a.id) ?? []).find((s) => s.start <= it.span.start && it.span.start < s.end) ?? it.span;
    const clip = (from: number, to: number) => sanitizeTerminal(a.text.slice(from, to), true);
    const unsourced = findingsOf(model, a.id, filter).some((f) => f.kind === 'unsourced' && f.start < sentence.end && sentence.start < f.end);
    const segs: Segment[] = [
      ...(unsourced ? [{ text: FLAG, role: 'unsourced' as const }] : []),
      ...(it.note ? [{ text: `${it.note}: `, role: 'attribution' as const }] : []),
      { text: clip(sentence.start, it.span.start) },
      { text: clip(it.span.start, Math.min(it.span.end, sentence.end)), role: 'match' },
      { text: clip(Math.min(it.span.end, sentence.end), sentence.end) },
    ];
    wrap(segs, width - 4, '').forEach((l, j) => lines.push(truncateLine([{ text: j === 0 && selected ? '  › ' : '    ', role: 'cursor' }, ...l], width)));
  });
  if (items.length === 0) lines.push([{ text: '  Nothing to list.', role: 'dim' }]);
  const current = items[frame.cursor];
  const enter: Frame | null = current
    ? {
        screen: 'reader',
        id: current.article,
        cursor: readerCursorAt(model, current.article, filter, query, current.span.start, current.span.start),
        pin: current.span.start,
      }
    : null;
  return { title, lines, mode: 'items', count: items.length, focus, enter, search: false };
}
