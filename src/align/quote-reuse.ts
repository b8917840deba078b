/**
 * Quote reuse: the same quotation in several articles, perhaps translated or trimmed, found by
 * the overlap of the stems of the quotations' inner words. Quotation spans come from the one
 * quotation scanner (src/analyses/quotes.ts). Offsets are 0-based UTF-16, end exclusive.
 */
import type { AnalysedArticle, AttributionFinding, Finding, QuoteIntro, QuoteReuse, TextSpan } from '../core/types.js';
import { quotationsOf } from '../analyses/quotes.js';
import { wordDiff } from '../core/word-diff.js';
import { termsOf, type TermLexicon } from './terms.js';

export type { QuoteIntro, QuoteReuse, QuoteVariant } from '../core/types.js';

/** Fewest shared stems, and least share of the shorter quotation's stems, for a reuse. */
export const QUOTE_MIN_SHARED = 3;
export const QUOTE_MIN_CONTAINMENT = 0.5;

/** A quotation of one article with its stems. */
export interface QuoteRef extends TextSpan {
  article: string;
  innerStart: number;
  innerEnd: number;
  stems: string[];
}

/** First token index whose start is at or after `offset` (binary search). */
function tokenAt(article: AnalysedArticle, offset: number): number {
  let lo = 0;
  let hi = article.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (article.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quotations of an article with at least one stem (index terms without the stop words of `terms`). */
export function quotesOf(article: AnalysedArticle, terms: TermLexicon): QuoteRef[] {
  // The scan the analyses made of this article (memoised), not a second one.
  return quotationsOf(article).flatMap((q) => {
    const stems = [...new Set(termsOf(article.tokens, tokenAt(article, q.innerStart), tokenAt(article, q.innerEnd), terms).map((h) => h.term))].sort();
    return stems.length === 0 ? [] : [{ article: article.id, start: q.start, end: q.end, text: q.text, innerStart: q.innerStart, innerEnd: q.innerEnd, stems }];
  });
}

/** Shared stems of two quotations and their containment (shared / stems of the shorter). */
export function quoteOverlap(a: QuoteRef, b: QuoteRef): { shared: string[]; containment: number } {
  const setB = new Set(b.stems);
  const shared = a.stems.filter((s) => setB.has(s));
  return { shared, containment: shared.length / Math.max(1, Math.min(a.stems.length, b.stems.length)) };
}

/** True when two quotations of different articles are the same quotation reused. */
export function isReuse(a: QuoteRef, b: QuoteRef): boolean {
  if (a.article === b.article) return false;
  const o = quoteOverlap(a, b);
  return o.shared.length >= QUOTE_MIN_SHARED && o.containment >= QUOTE_MIN_CONTAINMENT;
}

/** The direct attribution whose content (or whole span) overlaps the quotation most. */
export function introOf(q: QuoteRef, findings: readonly Finding[]): QuoteIntro | null {
  let best: AttributionFinding | null = null;
  let bestOverlap = 0;
  for (const f of findings) {
    if (f.kind !== 'attribution' || f.article !== q.article) continue;
    const span = f.content ?? f;
    const o = Math.min(span.end, q.end) - Math.max(span.start, q.start);
    if (o > bestOverlap) {
      best = f;
      bestOverlap = o;
    }
  }
  if (!best) return null;
  const { start, end, text, neutral } = best.cue;
  return { cue: { start, end, text, neutral }, source: best.source ? { start: best.source.start, end: best.source.end, text: best.source.text } : null };
}

/**
 * Groups reused quotations (each group has variants from at least two articles). `quotes` must be
 * sorted by article id then start; variants keep that order.
 */
/** Stems shared by more quotations than this are not used to propose pairs. */
const MAX_STEM_QUOTES = 64;

export function reuseGroups(quotes: readonly QuoteRef[], articleText: (id: string) => string, findings: readonly Finding[]): QuoteReuse[] {
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Candidate pairs come from shared stems. A stem held by very many quotations anchors nothing
  // (reused quotations share rarer stems too), so long lists are skipped: this keeps the pairing
  // linear in the number of quotations instead of quadratic (a pasted transcript can hold thousands).
  const byStem = new Map<string, number[]>();
  quotes.forEach((q, i) =>
    q.stems.forEach((s) => {
      const list = byStem.get(s);
      if (list) list.push(i);
      else byStem.set(s, [i]);
    }),
  );
  const tried = new Set<string>();
  for (const list of byStem.values()) {
    if (list.length > MAX_STEM_QUOTES) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (quotes[i]!.article === quotes[j]!.article) continue; // reuse is across articles
        const key = `${i},${j}`;
        if (tried.has(key)) continue;
        tried.add(key);
        if (isReuse(quotes[i]!, quotes[j]!)) {
          const [ri, rj] = [find(i), find(j)];
          if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
    }
  }
  const groups = new Map<number, QuoteRef[]>();
  quotes.forEach((q, i) => {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(q);
    else groups.set(root, [q]);
  });
  const out: QuoteReuse[] = [];
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const members = groups.get(g)!;
    if (new Set(members.map((m) => m.article)).size < 2) continue;
    const first = members[0]!;
    const second = members.find((m) => m.article !== first.article)!;
    const o = quoteOverlap(first, second);
    const inner = (q: QuoteRef) => articleText(q.article).slice(q.innerStart, q.innerEnd);
    out.push({
      variants: members.map((m) => ({ article: m.article, start: m.start, end: m.end, text: m.text, intro: introOf(m, findings) })),
      diff: wordDiff(inner(first), inner(second)),
      similarity: Math.round(o.containment * 1e4) / 1e4,
      shared: o.shared,
    });
  }
  return out;
}
