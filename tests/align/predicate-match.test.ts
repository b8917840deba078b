/**
 * The pair scorer's fast paths give the values of the plain computation, bit for bit:
 * bestPredicateMatchKeyed (interned stems and sets) against the string loop it replaced, on every
 * cross-article unit pair of the bundled corpus, and rememberingCosines (a table of the cosines
 * asked for) against the embeddings' own cosine, in both orders.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, DEFAULT_ALIGN_OPTIONS } from '../../src/align/index.js';
import { loadEmbeddings, rememberingCosines, type Embeddings } from '../../src/align/embeddings.js';
import { bestPredicateMatch, bestPredicateMatchKeyed, predicateKeys, type Predicate, type PredicateMatch } from '../../src/align/predicates.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { prepareArticle } from '../../src/pipeline.js';
import { seededRandom } from '../../src/core/random.js';

const CORPUS = resolve(__dirname, '../../corpus');

/** The loop bestPredicateMatch ran before its keys (strings compared pair by pair). */
function reference(xs: readonly Predicate[], ys: readonly Predicate[], embeddings: Embeddings | null, threshold: number): PredicateMatch | null {
  let best: PredicateMatch | null = null;
  for (const a of xs) {
    for (const b of ys) {
      let how: PredicateMatch['how'];
      let similarity = 1;
      if (a.stem === b.stem) how = 'stem';
      else if (a.set !== undefined && a.set === b.set) how = 'set';
      else if (embeddings !== null && threshold < 1 && a.row >= 0 && b.row >= 0) {
        similarity = embeddings.cosine(a.row, b.row);
        if (!(similarity >= threshold)) continue;
        how = 'vector';
      } else continue;
      if (best === null || similarity > best.similarity + 1e-12) best = { a, b, how, similarity };
    }
  }
  return best;
}

describe('predicate match on the bundled corpus', () => {
  const articles = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f, i) => {
      const a = prepareArticle(join(CORPUS, f));
      a.id = `a${i + 1}`;
      return a;
    });
  const lexicons = loadLexicons();
  const { units, preds } = buildModel(articles, lexicons, DEFAULT_ALIGN_OPTIONS);
  const embeddings = loadEmbeddings();
  const rows = preds.flatMap((list) => list.map((p) => p.row));
  const remembering = rememberingCosines(embeddings, rows);
  const keys = predicateKeys(preds);
  const threshold = DEFAULT_ALIGN_OPTIONS.predicateVector;

  it('finds the same match, how and similarity for every cross-article unit pair', () => {
    let matched = 0;
    let byVector = 0;
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 1; j < units.length; j++) {
        if (units[i]!.article === units[j]!.article) continue;
        const want = reference(preds[i]!, preds[j]!, embeddings, threshold);
        const fast = bestPredicateMatchKeyed(preds[i]!, keys[i]!, preds[j]!, keys[j]!, remembering, threshold);
        // The same predicate objects and a bit-identical similarity.
        expect(fast?.a).toBe(want?.a);
        expect(fast?.b).toBe(want?.b);
        expect(fast?.how).toBe(want?.how);
        expect(Object.is(fast?.similarity, want?.similarity)).toBe(true);
        expect(bestPredicateMatch(preds[i]!, preds[j]!, embeddings, threshold)).toEqual(want);
        if (want) matched++;
        if (want?.how === 'vector') byVector++;
      }
    }
    // The corpus exercises all three kinds of match (so the comparison above can fail).
    expect(matched).toBeGreaterThan(1000);
    expect(byVector).toBeGreaterThan(50);
  });

  it('remembers cosines equal to the computed ones in both orders', () => {
    const distinct = [...new Set(rows.filter((r) => r >= 0))];
    expect(distinct.length).toBeGreaterThan(100);
    for (const a of distinct.slice(0, 150)) {
      for (const b of distinct.slice(0, 150)) {
        // Twice: first computed, then from the table.
        expect(Object.is(remembering.cosine(a, b), embeddings.cosine(a, b))).toBe(true);
        expect(Object.is(remembering.cosine(a, b), embeddings.cosine(a, b))).toBe(true);
      }
    }
    // A row outside the remembered ones is computed as the embeddings do.
    const outside = distinct.includes(7) ? 8 : 7;
    expect(remembering.cosine(outside, distinct[0]!)).toBe(embeddings.cosine(outside, distinct[0]!));
  });

  it('remembers up to 2,048 rows and passes more rows through', () => {
    const random = seededRandom(16);
    for (const count of [1500, 3000]) {
      const many = Array.from({ length: count }, (_, k) => (k * 7) % embeddings.record.words);
      const table = rememberingCosines(embeddings, many);
      expect(table === embeddings).toBe(count > 2048);
      for (let k = 0; k < 20_000; k++) {
        const a = many[Math.floor(random() * count)]!;
        const b = many[Math.floor(random() * count)]!;
        expect(Object.is(table.cosine(a, b), embeddings.cosine(a, b))).toBe(true);
        expect(Object.is(table.cosine(b, a), embeddings.cosine(b, a))).toBe(true);
      }
    }
  });
});
