/**
 * Figures that disagree: within one event, two articles that give figures of the same kind and
 * the same quantity (what they count or date: a toll and a toll, not a coup year and a deployment
 * year; see Figure.quantity) none of which agree (different values), or one a vague and the other
 * a precise quantity. Figures whose quantity is unknown are never compared.
 */
import type { Figure, FigureConflict, FigureKind } from '../core/types.js';

export type { FigureConflict } from '../core/types.js';

const byId = (x: string, y: string) => x.localeCompare(y, 'en', { numeric: true });

/** True when two figures of one kind can mean the same quantity or day. */
export function agree(a: Figure, b: Figure): boolean {
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    if (a.vague || b.vague) return a.vague && b.vague && a.value === b.value;
    return a.value === b.value;
  }
  // Dates: compare at the precision both give; an unknown year (--MM-DD) matches any year.
  const strip = (v: string) => (v.startsWith('--') ? v.slice(2) : v);
  let x = String(a.value);
  let y = String(b.value);
  if (x.startsWith('--') || y.startsWith('--')) {
    x = strip(x).replace(/^\d{4}-/, '');
    y = strip(y).replace(/^\d{4}-/, '');
  }
  const n = Math.min(x.length, y.length);
  return x.slice(0, n) === y.slice(0, n);
}

/** Disagreements between the articles of one event over each kind of figure. */
export function figureConflicts(figures: readonly Figure[]): FigureConflict[] {
  const out: FigureConflict[] = [];
  const groups = [...new Set(figures.filter((f) => f.quantity !== undefined).map((f) => `${f.kind}\t${f.quantity}`))].sort();
  for (const group of groups) {
    const [kind, quantity] = group.split('\t') as [FigureKind, string];
    const of = figures.filter((f) => f.kind === kind && f.quantity === quantity);
    const articles = [...new Set(of.map((f) => f.article))].sort(byId);
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const fa = of.filter((f) => f.article === articles[i]);
        const fb = of.filter((f) => f.article === articles[j]);
        if (fa.some((a) => fb.some((b) => agree(a, b)))) continue;
        const vagueA = fa.every((f) => f.vague);
        const vagueB = fb.every((f) => f.vague);
        const reason = kind === 'count' && vagueA !== vagueB ? 'vague-vs-precise' : 'different-values';
        out.push({
          kind,
          quantity,
          reason,
          articles: [articles[i]!, articles[j]!],
          figures: [...fa, ...fb].map(({ article, start, end, text, value, vague }) => ({ article, start, end, text, value, vague })),
        });
      }
    }
  }
  return out;
}
