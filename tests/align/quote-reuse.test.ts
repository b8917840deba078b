/**
 * Quote reuse's building blocks on the bundled articles (no datasets needed): the quotations of an
 * article with their stems (`quotesOf`), the overlap of two quotations and the reuse test with its
 * two thresholds (at least QUOTE_MIN_SHARED shared stems and QUOTE_MIN_CONTAINMENT of the shorter).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isReuse, QUOTE_MIN_CONTAINMENT, QUOTE_MIN_SHARED, quoteOverlap, quotesOf, type QuoteRef } from '../../src/align/quote-reuse.js';
import { loadTermLexicon } from '../../src/align/terms.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { prepareArticle } from '../../src/pipeline.js';

const CORPUS = resolve(__dirname, '../../corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();

let quotes: QuoteRef[][];
beforeAll(() => {
  const terms = loadTermLexicon(loadLexicons());
  quotes = FILES.map((f, i) => {
    const a = prepareArticle(join(CORPUS, f));
    a.id = `a${i + 1}`;
    return quotesOf(a, terms);
  });
});

const pockets = (i: number) => quotes[i]!.find((q) => q.text.includes('remaining pockets'))!;

describe('quote reuse', () => {
  it('gives each quotation its span, inner span and sorted stems', () => {
    const q = pockets(0);
    expect(q.article).toBe('a1');
    expect(q.text).toBe('“I have no doubt that, thanks to this cooperation, the remaining pockets of terrorism in Burkina Faso will be destroyed”');
    expect([q.innerStart - q.start, q.end - q.innerEnd]).toEqual([1, 1]);
    expect(q.stems).toEqual(['burkina', 'cooper', 'destroi', 'doubt', 'faso', 'pocket', 'remain', 'terror', 'thank']);
    expect(quotes.map((qs) => qs.length)).toEqual([2, 8, 1]);
  });

  it('finds the translated quotation in two outlets a reuse, and not a quotation and itself', () => {
    const [a, b] = [pockets(0), pockets(1)];
    const o = quoteOverlap(a, b);
    // a2's translation adds "on the territory of": every stem of the shorter a1 quotation is shared.
    expect(b.stems.filter((s) => !a.stems.includes(s))).toEqual(['territori']);
    expect(o.shared).toEqual(a.stems);
    expect(o.containment).toBe(1);
    expect(isReuse(a, b)).toBe(true);
    expect(isReuse(a, a)).toBe(false); // the same article
  });

  it('needs both thresholds: too few shared stems or too little of the shorter quotation is no reuse', () => {
    const a = pockets(0);
    const few: QuoteRef = { ...a, article: 'x', stems: a.stems.slice(0, QUOTE_MIN_SHARED - 1) };
    expect(quoteOverlap(a, few).containment).toBe(1);
    expect(isReuse(a, few)).toBe(false);
    const n = Math.ceil(a.stems.length * QUOTE_MIN_CONTAINMENT) - 1;
    const thin: QuoteRef = { ...a, article: 'x', stems: [...a.stems.slice(0, n), ...a.stems.map((s) => `${s}-other`)].sort() };
    expect(quoteOverlap(a, thin).containment).toBeLessThan(QUOTE_MIN_CONTAINMENT);
    expect(isReuse(a, thin)).toBe(false);
  });
});
