/**
 * Event grouping depends on the articles' content, not on which article gets the lower id
 * (ids a1..aN follow the file paths). Found by the hardening permutation property.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/pipeline.js';
import { alignArticles } from '../../src/align/index.js';
import { overlap, vectorOf, weighting } from '../../src/align/similarity.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import type { TermHit } from '../../src/align/terms.js';

const root = mkdtempSync(join(tmpdir(), 'parallax-order-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('overlap is symmetric', () => {
  it('a name written as one run in one unit and as two runs in the other counts once either way', () => {
    const a: TermHit[] = [
      { term: 'sergei', proper: true, group: 0 },
      { term: 'lavrov', proper: true, group: 0 },
    ];
    const b: TermHit[] = [
      { term: 'sergei', proper: true, group: 3 },
      { term: 'lavrov', proper: true, group: 7 },
    ];
    const c: TermHit[] = [{ term: 'other', proper: false, group: 0 }];
    const w = weighting([a, b, c, c]);
    const [va, vb] = [vectorOf(a, w), vectorOf(b, w)];
    const ab = overlap(va, vb, w, 0.5);
    const ba = overlap(vb, va, w, 0.5);
    // One component, idf ln(1 + 4/2) over the largest idf ln(1 + 4).
    expect(ab.evidence).toBeCloseTo(Math.log(3) / Math.log(5), 12);
    expect(ba.evidence).toBe(ab.evidence);
    expect(ba.names).toBe(ab.names);
    expect(ab.names).toBeCloseTo((Math.log(3) / Math.log(5) - 0.5) / 0.5, 12);
    expect(ba.cosine).toBe(ab.cosine);
    expect(ab.shared).toEqual(['lavrov', 'sergei']);
  });
});

describe("alignArticles: swapping the articles' ids keeps the same groups", () => {
  const fm = '---\ntitle: "Newsvoice on Sergei Lavrov"\noutlet: "Newsvoice"\nauthor: "Sergei Lavrov"\ndate: 2000-01-01\n---\n';
  const texts = [
    `${fm}dozens regime 1,000\n\nThe minister said the regime troops were in Ouagadougou. Amnesty International Sergei Lavrov.\n`,
    `${fm}a regime 1,000\n\n“1,000 Sergei \n Lavrov,“ Sergei Lavrov said.\n`,
  ];
  const groups = (names: number[]) => {
    const dir = mkdtempSync(join(root, 's-'));
    const articles = texts
      .map((t, k) => {
        const p = join(dir, `a${names[k]}.md`);
        writeFileSync(p, t);
        return p;
      })
      .sort()
      .map((p, k) => ({ ...prepareArticle(p), id: `a${k + 1}` }));
    const textOf = new Map(articles.map((a) => [a.id, a.text]));
    const al = alignArticles(articles, [], loadLexicons());
    return al.events
      .map((e) =>
        e.mentions
          .map((m) => `${texts.indexOf(textOf.get(m.article)!)}@${m.start}-${m.end}`)
          .sort()
          .join(' '),
      )
      .sort();
  };
  it('the same mentions are grouped under either naming', () => {
    const first = groups([0, 1]);
    expect(groups([1, 0])).toEqual(first);
    // "Amnesty International Sergei Lavrov." and "Lavrov,“ Sergei Lavrov said." share only the name
    // Sergei Lavrov and no predicate (what happened): not one event, under either naming.
    expect(first).toEqual(['0@105-124', '0@126-182', '0@183-219', '1@105-119', '1@121-134', '1@137-165']);
  });
});
