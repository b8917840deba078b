/**
 * The alignment's evidence for one event, as compact lines below the event's columns: the same
 * quotation in several outlets (how each outlet introduces it, and the word diff between two
 * versions), the figures and dates each outlet gives with the ones that disagree, and why the
 * mentions were aligned (score, cosine, shared actors and terms, figures, quotation).
 *
 * Reads the event's typed `quoteReuse`, `numbers`, `conflicts` and `links`. Every piece of
 * article text goes through `sanitizeTerminal`; offsets are 0-based UTF-16 indices into the
 * article text. Pure.
 */
import { sanitizeTerminal } from '../../core/escape.js';
import type { DiffPart, Event, Figure, QuoteIntro, TextSpan } from '../../core/types.js';
import { label, type ViewModel } from '../model.js';
import type { Role } from '../theme.js';
import { textWidth, truncate, truncateLine, wrap, type Line, type Segment } from '../text.js';

/** At most this many links are listed (the rest are counted). */
export const MAX_LINKS = 6;

const clean = (v: string | number): string => sanitizeTerminal(String(v), true);

/** Indented, wrapped lines (continuations indented two more columns). */
function block(segments: Segment[], width: number, indent: string): Line[] {
  return wrap(segments, Math.max(1, width - textWidth(indent)), '  ').map((l) => [{ text: indent }, ...l]);
}

/**
 * How an outlet introduces a quotation: the source and the cue as they read in the text
 * ("reassured Mr. Lavrov", "he told"), with the cue's role (loaded when not neutral).
 */
export function introSegments(model: ViewModel, articleId: string, intro: QuoteIntro | null): Segment[] {
  if (!intro) return [{ text: 'no introducing cue found', role: 'dim' }];
  const loaded = !intro.cue.neutral;
  const role: Role = loaded ? 'attribution-loaded' : 'attribution';
  const text = model.report.articles.find((a) => a.id === articleId)?.text;
  const parts = [intro.cue, intro.source].filter((x): x is TextSpan => x !== null).sort((x, y) => x.start - y.start);
  const from = parts[0]!.start;
  const to = parts[parts.length - 1]!.end;
  // Source and cue together as written when they are close (and the report's text agrees); else both, in text order.
  const together = text !== undefined && to - from <= 80 && parts.every((p) => text.slice(p.start, p.end) === p.text);
  const shown = together ? text.slice(from, to) : parts.map((p) => p.text).join(' … ');
  return [{ text: `“${clean(shown)}”`, role }, ...(loaded ? [{ text: ' (loaded cue)', role }] : [])];
}

/** Word diff as one run of text: `[-removed-]` and `{+added+}` so it reads without colour. */
export function diffSegments(diff: readonly DiffPart[]): Segment[] {
  const out: Segment[] = [];
  for (const p of diff) {
    const t = clean(p.text);
    if (p.op === 'removed') out.push({ text: `[-${t}-]`, role: 'warn' });
    else if (p.op === 'added') out.push({ text: `{+${t}+}`, role: 'diff' });
    else out.push({ text: t });
  }
  return out;
}

/** "Same quotation in N outlets": per variant its outlet and introduction, then the word diff. */
export function quoteLines(model: ViewModel, event: Event, width: number): Line[] {
  const lines: Line[] = [];
  for (const q of event.quoteReuse ?? []) {
    const variants = q.variants;
    if (variants.length === 0) continue;
    const outlets = new Set(variants.map((v) => v.article)).size;
    lines.push(
      truncateLine(
        [
          { text: `Same quotation in ${outlets} outlet${outlets === 1 ? '' : 's'}`, role: 'heading' },
          { text: ` · ${Math.round(q.similarity * 100)}% of words shared`, role: 'dim' },
        ],
        width,
      ),
    );
    for (const v of variants) {
      lines.push(
        ...block(
          [{ text: `${label(model, v.article)} `, role: 'title' }, { text: 'introduces it with ', role: 'dim' }, ...introSegments(model, v.article, v.intro)],
          width,
          '  ',
        ),
      );
    }
    const diff = diffSegments(q.diff);
    if (diff.length) {
      const [a, b] = variants;
      lines.push(...block([{ text: '“' }, ...diff, { text: '”' }], width, '  '));
      if (a && b) lines.push(truncateLine([{ text: `  [-…-] only ${label(model, a.article)} · {+…+} only ${label(model, b.article)}`, role: 'dim' }], width));
    }
    lines.push([]);
  }
  return lines;
}

/** "Figures and dates": each outlet's figures (normalised), then the ones that disagree. */
export function numberLines(model: ViewModel, event: Event, width: number): Line[] {
  const figures = event.numbers ?? [];
  const conflicts = event.conflicts ?? [];
  if (figures.length === 0 && conflicts.length === 0) return [];
  const lines: Line[] = [[{ text: 'Figures and dates', role: 'heading' }]];
  const figureText = (f: Figure) => `“${clean(f.text)}” (${clean(f.kind)} ${clean(f.value)}${f.vague ? ', vague' : ''})`;
  for (const a of model.report.articles) {
    const own = figures.filter((f) => f.article === a.id).sort((x, y) => x.start - y.start);
    if (own.length === 0) continue;
    lines.push(...block([{ text: `${label(model, a.id)}: `, role: 'title' }, { text: own.map(figureText).join(' · ') }], width, '  '));
  }
  for (const c of conflicts) {
    const side = (id: string) =>
      `${label(model, id)} ${
        c.figures
          .filter((f) => f.article === id)
          .map((f) => `“${clean(f.text)}”${f.vague ? ' (vague)' : ''}`)
          .join(', ') || '—'
      }`;
    const reason = c.reason === 'vague-vs-precise' ? 'vague vs precise' : 'different values';
    lines.push(...block([{ text: `≠ ${clean(c.kind)}, ${reason}: `, role: 'warn' }, { text: c.articles.map(side).join(' vs ') }], width, '  '));
  }
  lines.push([]);
  return lines;
}

const fixed = (n: number) => n.toFixed(2);

/** "Why aligned": each link between two mentions with its score and shared evidence. */
export function linkLines(model: ViewModel, event: Event, width: number): Line[] {
  const valid = event.links.filter((l) => event.mentions[l.a] && event.mentions[l.b]);
  if (valid.length === 0) return [];
  const lines: Line[] = [[{ text: 'Why aligned', role: 'heading' }]];
  const half = Math.max(8, Math.floor((width - 5) / 2));
  for (const l of valid.slice(0, MAX_LINKS)) {
    const m = (k: 'a' | 'b') => event.mentions[l[k]]!;
    const side = (k: 'a' | 'b') => truncate(`${label(model, m(k).article)}: ${clean(m(k).text)}`, half);
    lines.push(truncateLine([{ text: '  ' }, { text: side('a') }, { text: ' ↔ ', role: 'dim' }, { text: side('b') }], width));
    const shared = l.shared.map(clean);
    const actors = shared.filter((t) => t.startsWith('@')).map((t) => t.slice(1));
    const paraphrases = shared.filter((t) => t.startsWith('~')).map((t) => t.slice(1));
    const terms = shared.filter((t) => !t.startsWith('@') && !t.startsWith('~'));
    const figures = (l.figures ?? []).map(clean);
    const facts = [
      `score ${fixed(l.score)}`,
      `cosine ${fixed(l.cosine)}`,
      l.quotation !== undefined ? `same quotation ${Math.round(l.quotation * 100)}%` : null,
      l.anchor !== undefined ? `anchored on ${clean(l.anchor).replace(/^@/, '')} (each the other's best match)` : null,
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
