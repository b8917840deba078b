/** Figures and dates read from the bundled corpus, normalised; and conflicts between articles. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/pipeline.js';
import { figuresOf, type Figure } from '../../src/align/figures.js';
import { figureConflicts } from '../../src/align/conflicts.js';

const CORPUS = resolve(__dirname, '../../corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const load = (i: number) => {
  const a = prepareArticle(join(CORPUS, FILES[i]!));
  a.id = `a${i + 1}`;
  return { a, figures: figuresOf(a) };
};
const pick = (figures: Figure[], text: string) =>
  figures.filter((f) => f.text === text).map(({ kind, value, vague, qualifier }) => ({ kind, value, vague, qualifier }));

describe('figures', () => {
  it('normalises dates, counts and vague quantities (year from the nearest full date when the article has none)', () => {
    const { a, figures } = load(0); // lavrov-african-tour.md, no date in front matter
    expect(a.meta.date).toBeNull();
    expect(pick(figures, 'Wednesday June 05')).toEqual([{ kind: 'date', value: '2024-06-05', vague: false, qualifier: undefined }]);
    expect(pick(figures, 'June 5, 2024')).toEqual([{ kind: 'date', value: '2024-06-05', vague: false, qualifier: undefined }]);
    expect(pick(figures, 'January 24, 2024')).toEqual([{ kind: 'date', value: '2024-01-24', vague: false, qualifier: undefined }]);
    expect(pick(figures, 'thousands')).toEqual([{ kind: 'count', value: 2000, vague: true, qualifier: undefined }]);
    expect(pick(figures, '2 million')).toEqual([{ kind: 'count', value: 2_000_000, vague: false, qualifier: 'over' }]);
    for (const f of figures) expect(a.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads percentages, thousands separators, years and relative years', () => {
    const starfolk = load(2).figures;
    expect(pick(starfolk, '7,600')).toEqual([{ kind: 'count', value: 7600, vague: false, qualifier: undefined }]);
    expect(pick(starfolk, '190%')).toEqual([{ kind: 'percent', value: 190, vague: false, qualifier: undefined }]);
    expect(pick(starfolk, '2021').map((f) => f.value)).toEqual([2021, 2021, 2021]);
    const newsvoice = load(1).figures; // dated 2024-06-21
    expect(pick(newsvoice, 'August').map((f) => f.value)).toEqual(['2023-08']);
    expect(pick(newsvoice, '9 th October 2023').map((f) => f.value)).toEqual(['2023-10-09']);
  });

  it('flags disagreeing figures of the same quantity only: a toll against a toll, not a coup year against a deployment year', () => {
    const lavrov = load(0).figures;
    const starfolk = load(2).figures;
    const newsvoice = load(1).figures;
    // "the deaths of thousands of people" and "reported fatalities hitting a record 7,600" both count deaths.
    expect(lavrov.filter((f) => f.text === 'thousands').map((f) => f.quantity)).toEqual(['die']);
    expect(starfolk.filter((f) => f.text === '7,600').map((f) => f.quantity)).toEqual(['die']);
    const conflicts = figureConflicts([...lavrov.filter((f) => f.text === 'thousands'), ...starfolk.filter((f) => f.text === '7,600' || f.text === '2021')]);
    expect(conflicts.map((c) => [c.kind, c.quantity, c.reason, c.articles])).toEqual([['count', 'die', 'vague-vs-precise', ['a1', 'a3']]]);
    // "Since a military coup in 2022" dates the coup; "the deployment of … Wagner Group mercenaries in 2021" the mercenaries' deployment.
    expect(newsvoice.filter((f) => f.text === '2022').map((f) => f.quantity)).toEqual(['coup']);
    const years = figureConflicts([...newsvoice.filter((f) => f.text === '2022'), ...starfolk.filter((f) => f.text === '2021').slice(0, 1)]);
    expect(years).toEqual([]);
    // The same quantity with different values is a conflict.
    const coup2021 = { ...starfolk.filter((f) => f.text === '2021')[0]!, quantity: 'coup' };
    const again = figureConflicts([...newsvoice.filter((f) => f.text === '2022'), coup2021]);
    expect(again.map((c) => [c.kind, c.quantity, c.reason, c.figures.map((f) => f.value)])).toEqual([['year', 'coup', 'different-values', [2022, 2021]]]);
  });
});
