/**
 * What story grouping keeps of each article: its term counts (Porter stems from the NLP tokens)
 * and which terms are names, its date, outlet and a
 * hash of its prose for duplicate detection. Small enough to hold thousands of articles in memory.
 */
import { createHash } from 'node:crypto';
import type { AnalysedArticle } from '../core/types.js';
import { loadTermLexicon, termsOf } from '../align/terms.js';
import { figuresOf } from '../align/figures.js';
import type { Lexicons } from '../lexicons/index.js';

export interface StoryInput {
  path: string;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  outlet: string | null;
  title: string | null;
  /** Distinct terms, sorted (two flat arrays rather than [term, count] pairs: a pair costs ~65 bytes, ~45 MB at 2,000 articles). */
  terms: string[];
  /** How often each of `terms` occurs. */
  counts: Uint32Array;
  /** 1 where the term is a name (a proper noun in the article): named participants, places, organisations. */
  named: Uint8Array;
  /** sha1 of the prose with whitespace collapsed. */
  hash: string;
  /** Days of the year (1–366, leap-year calendar) of the month-and-day dates the text gives without a year, sorted, distinct. */
  yearlessDays?: number[];
}

/** Hash of the article prose (body spans) with whitespace collapsed. */
export function proseHash(a: Pick<AnalysedArticle, 'text' | 'body'>): string {
  const prose = a.body.map((b) => a.text.slice(b.start, b.end)).join('\n');
  return createHash('sha1').update(prose.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The grouping features of one analysed article (stop words and figure words from `lexicons`' data, else the bundled data). */
export function storyInputOf(a: AnalysedArticle, lexicons?: Lexicons): StoryInput {
  const counts = new Map<string, number>();
  const named = new Set<string>();
  for (const h of termsOf(a.tokens, 0, a.tokens.length, loadTermLexicon(lexicons))) {
    counts.set(h.term, (counts.get(h.term) ?? 0) + 1);
    if (h.proper) named.add(h.term);
  }
  const terms = [...counts.keys()].sort((x, y) => (x < y ? -1 : 1));
  return {
    path: a.path,
    date: a.meta.date,
    outlet: a.meta.outlet,
    title: a.meta.title,
    terms,
    counts: Uint32Array.from(terms, (t) => counts.get(t)!),
    named: Uint8Array.from(terms, (t) => (named.has(t) ? 1 : 0)),
    hash: proseHash(a),
    yearlessDays: yearlessDays(a, lexicons),
  };
}

/** Day of the year (leap-year calendar) of `MM-DD`. */
const dayOfYear = (md: string): number => (Date.UTC(2000, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) - Date.UTC(2000, 0, 1)) / 86_400_000 + 1;

/** The month-and-day dates written without a year ("June 19", "Jan. 28"): news writes the year only for dates outside the current one. */
function yearlessDays(a: AnalysedArticle, lexicons: Lexicons | undefined): number[] {
  const days = new Set<number>();
  for (const f of figuresOf(a, lexicons)) {
    if (f.kind !== 'date' || typeof f.value !== 'string' || f.vague || /\d{4}/.test(f.text)) continue;
    const m = /(\d{2}-\d{2})$/.exec(f.value);
    if (m) days.add(dayOfYear(m[1]!));
  }
  return [...days].sort((x, y) => x - y);
}
