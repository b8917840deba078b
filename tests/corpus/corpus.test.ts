/**
 * Corpus mode: story grouping, duplicates and unreadable files skipped, outputs listed; and on
 * the BASIL development triplets (skipped when ../shared/datasets is absent).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE, runCorpus } from '../../src/corpus/run.js';
import { dateFactor, groupStories } from '../../src/corpus/group.js';
import { evaluateGrouping } from '../../src/eval/grouping.js';

const REPO = resolve(__dirname, '../..');
const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(REPO, '../shared/datasets'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const FOOTBALL = `Title: City beat United in the derby\n\nManchester City beat Manchester United 3-1 in the derby at the Etihad stadium on Sunday, with Erling Haaland scoring twice.\n\nThe win lifts City to the top of the Premier League table, two points ahead of Arsenal.\n`;
const FOOTBALL2 = `United lose derby at the Etihad\n\nErling Haaland scored twice as Manchester City beat Manchester United 3-1 in Sunday's derby at the Etihad stadium.\n\nCity go top of the Premier League, two points clear of Arsenal, while United drop to eighth.\n`;

describe('corpus mode', () => {
  it('groups stories, skips duplicates and unreadable files, and writes the index and aggregates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-'));
    dirs.push(dir);
    copyFileSync(join(REPO, 'corpus/lavrov-african-tour.md'), join(dir, 'lavrov.md'));
    copyFileSync(join(REPO, 'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md'), join(dir, 'newsvoice.md'));
    copyFileSync(join(REPO, 'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md'), join(dir, 'newsvoice-copy.md'));
    writeFileSync(join(dir, 'derby-a.txt'), FOOTBALL);
    writeFileSync(join(dir, 'derby-b.txt'), FOOTBALL2);
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    const out = join(dir, 'out');
    const r = runCorpus(dir, out);
    expect(r.articles).toBe(4);
    expect(r.duplicates).toEqual([{ path: join(dir, 'newsvoice.md'), sameAs: join(dir, 'newsvoice-copy.md') }]);
    expect(r.skipped.map((s) => s.path)).toEqual([join(dir, 'empty.txt')]);
    const index = JSON.parse(r.files.find((f) => f.path === join(out, 'stories.json'))!.content) as { stories: { articles: { path: string }[] }[] };
    expect(index.stories.map((s) => s.articles.map((a) => a.path))).toEqual([
      [join(dir, 'derby-a.txt'), join(dir, 'derby-b.txt')],
      [join(dir, 'lavrov.md'), join(dir, 'newsvoice-copy.md')],
    ]);
    expect(r.files.map((f) => f.path.slice(out.length + 1)).sort()).toEqual([
      'articles.csv',
      'articles.meta.json',
      'findings.csv',
      'findings.meta.json',
      'outlets.csv',
      'outlets.json',
      'outlets.meta.json',
      'stories.json',
      'stories/s1.json',
      'stories/s1.md',
      'stories/s2.json',
      'stories/s2.md',
    ]);
    // Only Newsvoice names its outlet (front matter); with one article it is below the default minimum of 2.
    expect(r.outlets).toEqual({
      rows: [],
      minArticles: 2,
      leftOut: [{ outlet: 'Newsvoice', articles: 1 }],
      withoutOutlet: 3,
      shownAt: { minConfidence: 0.8, minConfidenceByKind: { attribution: 0.8, loaded: 0.85, unsourced: 0.85 } },
    });
  });

  it('damps similarity by date distance and is independent of input order', () => {
    expect(dateFactor('2024-06-01', '2024-06-03')).toBe(1);
    expect(dateFactor('2024-06-01', '2024-06-18')).toBeCloseTo(0.5, 10);
    expect(dateFactor(null, '2024-06-18')).toBe(1);
    const mk = (path: string, pairs: [string, number][], date: string | null = null) => ({
      path,
      date,
      outlet: null,
      title: null,
      terms: pairs.map(([t]) => t),
      counts: Uint32Array.from(pairs, ([, c]) => c),
      named: Uint8Array.from(pairs, () => 1),
      hash: path,
    });
    const inputs = [
      mk('c', [
        ['derbi', 2],
        ['haaland', 1],
        ['etihad', 1],
      ]),
      mk('a', [
        ['lavrov', 2],
        ['instructor', 2],
        ['burkina', 1],
      ]),
      mk('b', [
        ['lavrov', 1],
        ['instructor', 1],
        ['burkina', 2],
      ]),
      mk('d', [
        ['derbi', 1],
        ['haaland', 2],
        ['etihad', 1],
      ]),
    ];
    const paths = (rs: ReturnType<typeof groupStories>, inp: typeof inputs) => rs.map((s) => s.members.map((m) => inp[m]!.path));
    expect(paths(groupStories(inputs), inputs)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const rev = [...inputs].reverse();
    expect(paths(groupStories(rev), rev)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // The same words with no name among them (topic words only): no story joins them.
    const unnamed = inputs.map((x) => ({ ...x, named: new Uint8Array(x.terms.length) }));
    expect(paths(groupStories(unnamed), unnamed)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it("lists two versions of one outlet's article (one paragraph cut) as possible near-duplicates, counting both", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-near-'));
    dirs.push(dir);
    const text = readFileSync(join(REPO, 'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md'), 'utf8');
    writeFileSync(join(dir, 'newsvoice.md'), text);
    const paragraphs = text.split('\n\n');
    writeFileSync(join(dir, 'newsvoice-update.md'), [...paragraphs.slice(0, 4), ...paragraphs.slice(5)].join('\n\n'));
    copyFileSync(join(REPO, 'corpus/starfolk-2025-04-03-russia-military-influence-west-africa.md'), join(dir, 'starfolk.md'));
    const r = runCorpus(dir, join(dir, 'out'));
    expect(r.duplicates).toEqual([]);
    expect(r.nearDuplicates.map((d) => [d.a, d.b, d.outlet])).toEqual([[join(dir, 'newsvoice-update.md'), join(dir, 'newsvoice.md'), 'Newsvoice']]);
    expect(r.nearDuplicates[0]!.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(r.outlets.rows.map((o) => [o.outlet, o.articles])).toEqual([['Newsvoice', 2]]);
  });

  it.skipIf(!existsSync(DATASETS))("PolNeAR train: two editions of one article, by two outlets, listed; the other outlet's article not", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-near-pn-'));
    dirs.push(dir);
    const names = [
      'wash-post_2015-12-12_misinformation-enters-mainstream',
      'wash-post_2015-12-13_misinformation-enters-mainstream',
      'nyt_2016-03-04_republicans-have-stake-in-a-deal',
      'nyt_2016-03-05_polls-suggest-possibility-of-dea',
      'breitbart_2016-03-15_the-latest-kasich-scores-all-del',
    ];
    for (const n of names) copyFileSync(join(DATASETS, 'polnear/train/text', `${n}.txt`), join(dir, `${n}.txt`));
    const outletMap = [
      { pattern: 'wash-post_*', outlet: 'Washington Post', line: 1 },
      { pattern: 'nyt_*', outlet: 'NYT', line: 2 },
      { pattern: 'breitbart_*', outlet: 'Breitbart', line: 3 },
    ];
    const r = runCorpus(dir, join(dir, 'out'), { outletMap });
    expect(r.nearDuplicates.map((d) => [d.a.slice(dir.length + 1), d.b.slice(dir.length + 1), d.outlet]).sort()).toEqual([
      [`${names[2]}.txt`, `${names[3]}.txt`, 'NYT'],
      [`${names[0]}.txt`, `${names[1]}.txt`, 'Washington Post'],
    ]);
  });

  it.skipIf(!existsSync(DATASETS))('recovers the BASIL development triplets mixed in one folder (pairwise F1 ≥ 0.9)', () => {
    const g = evaluateGrouping(DATASETS, true);
    expect(g.articles).toBe(150);
    expect(g.halves.all.f1).toBeGreaterThanOrEqual(0.9);
  });
});
if (!existsSync(DATASETS)) console.log(`tests/corpus: BASIL check skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);

describe('corpus mode memory', () => {
  it("hands each story's files to `emit` as they are made instead of keeping them, with the same outlet rows", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-emit-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'derby-a.txt'), FOOTBALL);
    writeFileSync(join(dir, 'derby-b.txt'), FOOTBALL2);
    const out = join(dir, 'out');
    const outletMap = [{ pattern: 'derby-*.txt', outlet: 'Sport Daily', line: 1 }];
    const kept = runCorpus(dir, out, { outletMap });
    const emitted: string[] = [];
    const parts = new Map<string, string>();
    const streamed = runCorpus(dir, out, {
      outletMap,
      emit: (f) => {
        const name = f.path.slice(out.length + 1);
        emitted.push(f.append ? `${name} (rows)` : name);
        parts.set(name, (f.append ? (parts.get(name) ?? '') : '') + f.content);
      },
    });
    // The CSV headers at once, then each story's rows and its files as the story is done: no export is kept whole.
    expect(emitted).toEqual(['articles.csv', 'findings.csv', 'articles.csv (rows)', 'findings.csv (rows)', 'stories/s1.json', 'stories/s1.md']);
    expect(streamed.files.map((f) => f.path.slice(out.length + 1))).toEqual([
      'stories.json',
      'outlets.json',
      'outlets.csv',
      'outlets.meta.json',
      'articles.meta.json',
      'findings.meta.json',
    ]);
    const whole = new Map(kept.files.map((f) => [f.path.slice(out.length + 1), f.content]));
    expect(parts.get('articles.csv')).toBe(whole.get('articles.csv'));
    expect(parts.get('findings.csv')).toBe(whole.get('findings.csv'));
    expect(parts.get('articles.csv')!.split('\n').length).toBe(4); // header, two articles, final newline
    expect(streamed.outlets).toEqual(kept.outlets);
    expect(streamed.outlets.rows.map((o) => [o.outlet, o.articles, o.outletSources])).toEqual([['Sport Daily', 2, { 'outlets-map': 2 }]]);
  });
});
