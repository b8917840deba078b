/** Finding detail: why a passage was flagged (lexicon entry, rule, source type, explanation). Pure. */
import { sanitizeTerminal } from '../../core/escape.js';
import { detailOf } from '../../core/finding-kinds.js';
import { article, label } from '../model.js';
import { wrap, type Line } from '../text.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

export function findingScreen(ctx: ScreenContext, frame: Frame & { screen: 'finding' }): ScreenOutput {
  const { model, width } = ctx;
  const f = model.report.findings.find((x) => x.id === frame.id);
  if (!f) return { title: frame.id, lines: [[{ text: 'This finding is not in the report.', role: 'warn' }]], mode: 'scroll', count: 1, focus: 0 };
  const a = article(model, f.article);
  const s = (v: unknown) => sanitizeTerminal(String(v), true);
  const rows: [string, string][] = [
    ['kind', f.kind],
    ['outlet', label(model, f.article)],
    ['text', `“${s(f.text)}”`],
  ];
  if (f.kind === 'loaded') {
    rows.push(['category', s(f.category)], ['lexicon', s(f.lexicon)], ['entry', s(f.entry)], ['weight', s(f.weight)]);
    if (f.alternative) rows.push(['neutral alternative', s(f.alternative)]);
  } else if (f.kind === 'attribution') {
    rows.push(
      ['source', f.source ? s(f.source.text) : '(none: agentless cue)'],
      ...(f.sourceName ? [['source name', s(f.sourceName)] as [string, string]] : []),
      ['source type', s(f.sourceType)],
      ['cue', f.cue ? `“${s(f.cue.text)}” (${f.cue.neutral ? 'neutral' : 'not neutral'})` : '?'],
      ['quotation', f.direct ? 'direct (verbatim)' : 'indirect (paraphrase)'],
    );
    if (f.content) rows.push(['content', `“${s(f.content.text)}”`]);
  } else if (f.kind === 'unsourced') {
    rows.push(['reason', s(f.reason)]);
  } else {
    rows.push(['detail', s(detailOf(f))]);
  }
  rows.push(['rule', s(f.rule)], ['why', s(f.explanation)]);
  if (typeof f.confidence === 'number') rows.push(['confidence', `${f.confidence.toFixed(2)} (measured precision: ${s(f.calibration)})`]);
  const keyWidth = Math.max(...rows.map(([k]) => k.length)) + 2;
  const lines: Line[] = [];
  for (const [k, v] of rows) {
    const body = wrap([{ text: v }], width - keyWidth, '');
    body.forEach((l, i) => lines.push([{ text: (i === 0 ? k : '').padEnd(keyWidth), role: 'key' }, ...l]));
  }
  const sentence = ctx.model.sentences.get(a.id)?.find((x) => x.start <= f.start && f.start < x.end);
  if (sentence) {
    lines.push([], [{ text: 'in context', role: 'heading' }]);
    const before = sanitizeTerminal(a.text.slice(sentence.start, f.start), true);
    const hit = sanitizeTerminal(a.text.slice(f.start, Math.min(f.end, sentence.end)), true);
    const after = sanitizeTerminal(a.text.slice(Math.min(f.end, sentence.end), sentence.end), true);
    lines.push(...wrap([{ text: before }, { text: hit, role: 'match' }, { text: after }], width));
  }
  return { title: `${f.id} ${f.kind}`, lines, mode: 'scroll', count: Math.max(1, lines.length - ctx.height + 1), focus: 0, search: false };
}
