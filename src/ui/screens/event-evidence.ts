/**
 * The alignment's evidence for one event, as compact lines below the event's columns: the same
 * quotation in several outlets (how each outlet introduces it, and the word diff between two
 * versions), the figures and dates each outlet gives with the ones that disagree, and why the
 * mentions were aligned (score, cosine, shared actors and terms, figures, quotation).
 *
 * Reads `event.quoteReuse`, `event.numbers`, `event.conflicts` and `event.links` tolerantly (they
 * are optional, added fields; anything malformed is skipped). Every piece of article text goes
 * through `sanitizeTerminal`; offsets are 0-based UTF-16 indices into the article text. Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import type { Event } from '../../core/types.js';
import { label, num, record, type ViewModel } from '../model.js';
import type { Role } from '../theme.js';
import { textWidth, truncate, truncateLine, wrap, type Line, type Segment } from '../text.js';

/** At most this many links are listed (the rest are counted). */
export const MAX_LINKS = 6;

const clean = (v: unknown): string => sanitizeTerminal(String(v), true);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface SpanLike {
  start: number;
  end: number;
  text: string;
}

function spanOf(v: unknown): SpanLike | null {
  const r = record(v);
  const start = num(r?.['start']);
  const end = num(r?.['end']);
  const text = str(r?.['text']);
  return r && start !== null && end !== null && text !== null ? { start, end, text } : null;
}

/** Indented, wrapped lines (continuations indented two more columns). */
function block(segments: Segment[], width: number, indent: string): Line[] {
  return wrap(segments, Math.max(1, width - textWidth(indent)), '  ').map((l) => [{ text: indent }, ...l]);
}

/**
 * How an outlet introduces a quotation: the source and the cue as they read in the text
 * ("reassured Mr. Lavrov", "he told"), with the cue's role (loaded when not neutral).
 */
export function introSegments(model: ViewModel, articleId: string, intro: unknown): Segment[] {
  const r = record(intro);
  const cue = spanOf(r?.['cue']);
  const source = spanOf(r?.['source']);
  if (!cue && !source) return [{ text: 'no introducing cue found', role: 'dim' }];
  const loaded = record(r?.['cue'])?.['neutral'] === false;
  const role: Role = loaded ? 'attribution-loaded' : 'attribution';
  const text = model.report.articles.find((a) => a.id === articleId)?.text;
  const parts = [cue, source].filter((x): x is SpanLike => x !== null).sort((x, y) => x.start - y.start);
  const from = parts[0]!.start;
  const to = parts[parts.length - 1]!.end;
  // Source and cue together as written when they are close (and the report's text agrees); else both, in text order.
  const together = text !== undefined && to - from <= 80 && parts.every((p) => text.slice(p.start, p.end) === p.text);
  const shown = together ? text.slice(from, to) : parts.map((p) => p.text).join(' … ');
  return [{ text: `“${clean(shown)}”`, role }, ...(loaded ? [{ text: ' (loaded cue)', role }] : [])];
}

/** Word diff as one run of text: `[-removed-]` and `{+added+}` so it reads without colour. */
export function diffSegments(diff: unknown): Segment[] {
  const out: Segment[] = [];
  for (const raw of Array.isArray(diff) ? diff : []) {
    const p = record(raw);
    const text = str(p?.['text']);
    if (!p || text === null) continue;
    const t = clean(text);
    if (p['op'] === 'removed') out.push({ text: `[-${t}-]`, role: 'warn' });
    else if (p['op'] === 'added') out.push({ text: `{+${t}+}`, role: 'diff' });
    else out.push({ text: t });
  }
  return out;
}

/** "Same quotation in N outlets": per variant its outlet and introduction, then the word diff. */
export function quoteLines(model: ViewModel, event: Event, width: number): Line[] {
  const lines: Line[] = [];
  for (const raw of Array.isArray(event.quoteReuse) ? event.quoteReuse : []) {
    const q = record(raw);
    const variants = (Array.isArray(q?.['variants']) ? (q!['variants'] as unknown[]) : []).map(record).filter((v): v is Record<string, unknown> => v !== null && typeof v['article'] === 'string');
    if (variants.length === 0) continue;
    const similarity = num(q?.['similarity']);
    const outlets = new Set(variants.map((v) => v['article'] as string)).size;
    lines.push(truncateLine([{ text: `Same quotation in ${outlets} outlet${outlets === 1 ? '' : 's'}`, role: 'heading' }, ...(similarity !== null ? [{ text: ` · ${Math.round(similarity * 100)}% of words shared`, role: 'dim' as const }] : [])], width));
    for (const v of variants) {
      const id = v['article'] as string;
      lines.push(...block([{ text: `${label(model, id)} `, role: 'title' }, { text: 'introduces it with ', role: 'dim' }, ...introSegments(model, id, v['intro'])], width, '  '));
    }
    const diff = diffSegments(q?.['diff']);
    if (diff.length) {
      const [a, b] = variants;
      lines.push(...block([{ text: '“' }, ...diff, { text: '”' }], width, '  '));
      if (a && b) lines.push(truncateLine([{ text: `  [-…-] only ${label(model, a['article'] as string)} · {+…+} only ${label(model, b['article'] as string)}`, role: 'dim' }], width));
    }
    lines.push([]);
  }
  return lines;
}

/** "Figures and dates": each outlet's figures (normalised), then the ones that disagree. */
export function numberLines(model: ViewModel, event: Event, width: number): Line[] {
  const figures = (Array.isArray(event.numbers) ? event.numbers : []).map(record).filter((f): f is Record<string, unknown> => f !== null && typeof f['article'] === 'string' && typeof f['text'] === 'string');
  const conflicts = (Array.isArray(event['conflicts']) ? (event['conflicts'] as unknown[]) : []).map(record).filter((c): c is Record<string, unknown> => c !== null);
  if (figures.length === 0 && conflicts.length === 0) return [];
  const lines: Line[] = [[{ text: 'Figures and dates', role: 'heading' }]];
  const figureText = (f: Record<string, unknown>) => {
    const value = f['value'] === undefined || f['value'] === null ? '' : ` ${clean(f['value'])}`;
    return `“${clean(f['text'])}” (${clean(f['kind'] ?? '?')}${value}${f['vague'] === true ? ', vague' : ''})`;
  };
  for (const a of model.report.articles) {
    const own = figures.filter((f) => f['article'] === a.id).sort((x, y) => (num(x['start']) ?? 0) - (num(y['start']) ?? 0));
    if (own.length === 0) continue;
    lines.push(...block([{ text: `${label(model, a.id)}: `, role: 'title' }, { text: own.map(figureText).join(' · ') }], width, '  '));
  }
  for (const c of conflicts) {
    const pair = Array.isArray(c['articles']) ? (c['articles'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    const fs = (Array.isArray(c['figures']) ? (c['figures'] as unknown[]) : []).map(record).filter((f): f is Record<string, unknown> => f !== null && typeof f['text'] === 'string');
    const side = (id: string) => `${label(model, id)} ${fs.filter((f) => f['article'] === id).map((f) => `“${clean(f['text'])}”${f['vague'] === true ? ' (vague)' : ''}`).join(', ') || '—'}`;
    const reason = c['reason'] === 'vague-vs-precise' ? 'vague vs precise' : c['reason'] === 'different-values' ? 'different values' : clean(c['reason'] ?? '');
    lines.push(...block([{ text: `≠ ${clean(c['kind'] ?? 'figure')}, ${reason}: `, role: 'warn' }, { text: pair.map(side).join(' vs ') }], width, '  '));
  }
  lines.push([]);
  return lines;
}

const fixed = (n: number) => n.toFixed(2);

/** "Why aligned": each link between two mentions with its score and shared evidence. */
export function linkLines(model: ViewModel, event: Event, width: number): Line[] {
  const links = (Array.isArray(event['links']) ? (event['links'] as unknown[]) : []).map(record).filter((l): l is Record<string, unknown> => l !== null && num(l['a']) !== null && num(l['b']) !== null);
  const valid = links.filter((l) => event.mentions[num(l['a'])!] && event.mentions[num(l['b'])!]);
  if (valid.length === 0) return [];
  const lines: Line[] = [[{ text: 'Why aligned', role: 'heading' }]];
  const half = Math.max(8, Math.floor((width - 5) / 2));
  for (const l of valid.slice(0, MAX_LINKS)) {
    const m = (k: 'a' | 'b') => event.mentions[num(l[k])!]!;
    const side = (k: 'a' | 'b') => truncate(`${label(model, m(k).article)}: ${clean(m(k).text)}`, half);
    lines.push(truncateLine([{ text: '  ' }, { text: side('a') }, { text: ' ↔ ', role: 'dim' }, { text: side('b') }], width));
    const shared = (Array.isArray(l['shared']) ? (l['shared'] as unknown[]) : []).filter((x): x is string => typeof x === 'string').map(clean);
    const actors = shared.filter((t) => t.startsWith('@')).map((t) => t.slice(1));
    const paraphrases = shared.filter((t) => t.startsWith('~')).map((t) => t.slice(1));
    const terms = shared.filter((t) => !t.startsWith('@') && !t.startsWith('~'));
    const figures = (Array.isArray(l['figures']) ? (l['figures'] as unknown[]) : []).map(clean);
    const facts = [
      num(l['score']) !== null ? `score ${fixed(num(l['score'])!)}` : null,
      num(l['cosine']) !== null ? `cosine ${fixed(num(l['cosine'])!)}` : null,
      num(l['quotation']) !== null ? `same quotation ${Math.round(num(l['quotation'])! * 100)}%` : null,
      typeof l['anchor'] === 'string' ? `anchored on ${clean(l['anchor']).replace(/^@/, '')} (each the other's best match)` : null,
      figures.length ? `figures ${figures.join(', ')}` : null,
      actors.length ? `actors ${actors.join(', ')}` : null,
      terms.length ? `terms ${terms.join(', ')}` : null,
      paraphrases.length ? `paraphrases ${paraphrases.join(', ')}` : null,
    ].filter((x): x is string => x !== null);
    lines.push(...block([{ text: facts.join(' · '), role: 'dim' }], width, '    '));
  }
  if (valid.length > MAX_LINKS) lines.push([{ text: `  … ${valid.length - MAX_LINKS} more links`, role: 'dim' }]);
  lines.push([]);
  return lines;
}

/** All evidence sections of an event, in order: quotations, figures, links. */
export function evidenceLines(model: ViewModel, event: Event, width: number): Line[] {
  return [...quoteLines(model, event, width), ...numberLines(model, event, width), ...linkLines(model, event, width)];
}
