/**
 * Outlets (issue #17): resolved in the stated order with the source recorded (`outletSource`);
 * the `--outlets` map (YAML or CSV; a bad file is exit 2 naming file:line); corpus aggregates
 * with one row per real outlet and a minimum of articles; and a tidy outlets.csv read by a
 * standard CSV parser with no options (header row, one value per cell, formulas neutralised).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globRegExp, mapOutlet, readOutletMap } from '../../src/ingest/outlets.js';
import { InputError } from '../../src/core/errors.js';
import { articleInterval, csvCell, outletAggregates } from '../../src/corpus/outlets.js';
import { analysePaths, prepareArticle } from '../../src/pipeline.js';
import { REPO, runCli } from '../helpers.js';

const BODY =
  'The city council voted on Tuesday to close the old bridge to cars from next month, after engineers found cracks in two of its supports.\n\nThe mayor, Anna Berg, said the decision was "painful but necessary". Repairs are expected to take a year.\n';
const COPYRIGHT = '\n\nCopyright © 2024 Harbour Times. All rights reserved.\n';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-outlets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const outletOf = (path: string, options = {}) => {
  const m = prepareArticle(path, options).meta;
  return [m.outlet, m.outletSource];
};

describe('outlet resolution order', () => {
  const map = [{ pattern: '*.*', outlet: 'From The Map', line: 1 }];
  it('front matter first, even over the map', () => {
    const p = put('order/fm.md', `---\noutlet: Front Matter News\nurl: https://www.example.com/a\n---\n${BODY}`);
    expect(outletOf(p, { outletMap: map })).toEqual(['Front Matter News', 'front-matter']);
  });
  it('HTML metadata: og:site_name, then the JSON-LD publisher', () => {
    const og = put(
      'order/og.html',
      `<html><head><meta property="og:site_name" content="OG Daily"><link rel="canonical" href="https://www.canon.example/x"></head><body><article><p>${BODY}</p></article></body></html>`,
    );
    expect(outletOf(og, { outletMap: map })).toEqual(['OG Daily', 'html-meta']);
    const ld = put(
      'order/ld.html',
      `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge closes","publisher":{"@type":"Organization","name":"LD Herald"}}</script></head><body><article><p>${BODY.replace('\n\n', '</p><p>')}</p></article></body></html>`,
    );
    expect(outletOf(ld, { outletMap: map })).toEqual(['LD Herald', 'html-meta']);
  });
  it('the URL domain (front-matter url, canonical link) before the map', () => {
    const fm = put('order/url.md', `---\nurl: https://www.example.com/2024/bridge\n---\n${BODY}`);
    expect(outletOf(fm, { outletMap: map })).toEqual(['example.com', 'url']);
    const canon = put(
      'order/canon.html',
      `<html><head><link rel="canonical" href="https://news.canon.example/x"></head><body><article><p>${BODY}</p></article></body></html>`,
    );
    expect(outletOf(canon, { outletMap: map })).toEqual(['news.canon.example', 'url']);
  });
  it('the map before a copyright line, the copyright line before the folder', () => {
    const p = put('order/feeds/cr.txt', `${BODY}${COPYRIGHT}`);
    const inputs = [join(dir, 'order')];
    expect(outletOf(p, { outletMap: map, inputs })).toEqual(['From The Map', 'outlets-map']);
    expect(outletOf(p, { inputs })).toEqual(['Harbour Times', 'page-text']);
  });
  it('the folder only when it is below a folder given', () => {
    const p = put('order/bbc/plain.txt', BODY);
    expect(outletOf(p, { inputs: [join(dir, 'order')] })).toEqual(['bbc', 'folder']);
    expect(outletOf(p, { inputs: [join(dir, 'order', 'bbc')] })).toEqual([null, null]);
    expect(outletOf(p, { inputs: [p] })).toEqual([null, null]);
  });
});

describe('the outlets map', () => {
  it('globs: * within a name, ** across folders, ? one character; names match the file name, paths the path', () => {
    expect(globRegExp('m00?.txt').test('m001.txt')).toBe(true);
    expect(globRegExp('m*.txt').test('a/m1.txt')).toBe(false);
    expect(globRegExp('news/**/*.txt').test('news/a/b/c.txt')).toBe(true);
    expect(globRegExp('news/**/*.txt').test('news/c.txt')).toBe(true);
    const m = [
      { pattern: 'news/bbc/**', outlet: 'BBC', line: 1 },
      { pattern: 'm00?.txt', outlet: 'Reuters', line: 2 },
      { pattern: 'x.txt', outlet: 'Exact', line: 3 },
    ];
    expect(mapOutlet('news/bbc/2024/a.txt', m)).toBe('BBC');
    expect(mapOutlet('elsewhere/m007.txt', m)).toBe('Reuters');
    expect(mapOutlet('elsewhere/m0071.txt', m)).toBe(null);
    expect(mapOutlet('deep/x.txt', m)).toBe('Exact');
  });
  it('reads YAML and CSV (with or without a header; quoted fields)', () => {
    const yml = put('maps/o.yml', '# outlets\n"m00*.txt": Reuters\nnews/bbc/**: BBC\n');
    expect(readOutletMap(yml)).toEqual([
      { pattern: 'm00*.txt', outlet: 'Reuters', line: 2 },
      { pattern: 'news/bbc/**', outlet: 'BBC', line: 3 },
    ]);
    const csv = put('maps/o.csv', 'path,outlet\nm00*.txt,Reuters\n"a,b.txt","The ""Quoted"" Post"\n');
    expect(readOutletMap(csv)).toEqual([
      { pattern: 'm00*.txt', outlet: 'Reuters', line: 2 },
      { pattern: 'a,b.txt', outlet: 'The "Quoted" Post', line: 3 },
    ]);
  });
  const fails = (name: string, text: string) => {
    try {
      readOutletMap(put(`maps/${name}`, text));
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).format();
    }
    throw new Error('no error');
  };
  it('a bad map names file:line', () => {
    expect(fails('bad.csv', 'path,outlet\nm001.txt,Reuters\nm002.txt\n')).toBe(
      `${join(dir, 'maps/bad.csv')}:3: bad outlets map: expected two fields: pattern,outlet, found 1 field — fix: e.g. a line \`m00*.txt: Reuters\` in outlets.yml or \`m00*.txt,Reuters\` in outlets.csv`,
    );
    expect(fails('quote.csv', 'm001.txt,"Reuters\n')).toMatch(/quote\.csv:1: bad outlets map: .*found a quote that is not closed/);
    expect(fails('empty.csv', 'm001.txt,\n')).toMatch(/empty\.csv:1: bad outlets map: .*found an empty outlet/);
    expect(fails('list.yml', '- a\n- b\n')).toMatch(/list\.yml:1: bad outlets map: expected a YAML mapping/);
    expect(fails('nested.yml', 'a.txt: Reuters\nb.txt:\n  name: AP\n')).toMatch(
      /nested\.yml:2: bad outlets map: expected an outlet name after "b\.txt:", found a mapping/,
    );
    expect(fails('none.yml', 'a.txt:\n')).toMatch(/none\.yml:1: bad outlets map: .*found no outlet/);
    expect(fails('o.json', '{}')).toMatch(/o\.json: unsupported outlets map: expected a \.yml, \.yaml or \.csv file, found "\.json"/);
  });
  it('through the CLI: exit 2 with file:line, nothing written', () => {
    put('cli/bad.yml', 'm001.txt: Reuters\nm002.txt: [AP, AFP]\n');
    copyFileSync(resolve(REPO, 'corpus/lavrov-african-tour.md'), put('cli/in/a.md', ''));
    const r = runCli(['corpus', 'in', '--outlets', 'bad.yml', '--out', 'out'], { cwd: join(dir, 'cli') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^parallax: bad\.yml:2: bad outlets map: expected an outlet name after "m002\.txt:", found a list/);
    expect(() => readFileSync(join(dir, 'cli/out/outlets.csv'))).toThrow();
  });
});

describe('corpus outlets from a map only: one row per real outlet, tidy CSV', () => {
  // Seven distinct articles named m001.txt…m007.txt: nothing in them names an outlet.
  const bundled = [
    'lavrov-african-tour.md',
    'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
    'starfolk-2025-04-03-russia-military-influence-west-africa.md',
  ].map((f) => readFileSync(resolve(REPO, 'corpus', f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
  const texts = [
    ...bundled,
    BODY,
    'Manchester City beat Manchester United 3-1 in the derby at the Etihad stadium on Sunday, with Erling Haaland scoring twice.\n\nThe win lifts City to the top of the Premier League table.\n',
    'Dock workers in Gävle returned to work on Monday after a nine-day strike over pay ended with an agreement.\n\nThe union said members had accepted a raise of four percent.\n',
    'The central bank kept its main interest rate at 4 percent on Thursday, citing inflation that remains above its target.\n\nAnalysts had expected the decision.\n',
  ];
  const MAP = [
    'pattern,outlet',
    'm001.txt,Daily Ledger',
    'm002.txt,Evening Post',
    'm003.txt,Daily Ledger',
    'm004.txt,Evening Post',
    'm005.txt,=SUM(A1:A9)',
    'm006.txt,=SUM(A1:A9)',
    'm007.txt,Lone Wire',
    '',
  ].join('\n');
  let csv = '';
  let json: { minArticles: number; outlets: Record<string, unknown>[]; leftOut: unknown; withoutOutlet: number };
  let stdout = '';
  beforeAll(() => {
    texts.forEach((t, i) => put(`map/articles/m${String(i + 1).padStart(3, '0')}.txt`, t));
    put('map/outlets.csv', MAP);
    const r = runCli(['corpus', 'articles', '--outlets', 'outlets.csv', '--out', 'out'], { cwd: join(dir, 'map') });
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
    csv = readFileSync(join(dir, 'map/out/outlets.csv'), 'utf8');
    json = JSON.parse(readFileSync(join(dir, 'map/out/outlets.json'), 'utf8'));
  }, 300_000);

  it('one row per outlet with at least 2 articles; the rest listed, and the minimum said', () => {
    expect(json.outlets.map((o) => [o['outlet'], o['articles'], o['outletSources']])).toEqual([
      ['=SUM(A1:A9)', 2, { 'outlets-map': 2 }],
      ['Daily Ledger', 2, { 'outlets-map': 2 }],
      ['Evening Post', 2, { 'outlets-map': 2 }],
    ]);
    expect(json.minArticles).toBe(2);
    expect(json.leftOut).toEqual([{ outlet: 'Lone Wire', articles: 1 }]);
    expect(json.withoutOutlet).toBe(0);
    expect(stdout).toContain('outlets: 3 with at least 2 articles (1 outlet with fewer articles left out: see outlets.meta.json)');
  });

  it('a standard CSV parser with no options reads a header row and one value per cell', () => {
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([
      'outlet',
      'articles',
      'words',
      'loaded',
      'loaded_per_1000_words',
      'loaded_per_1000_words_low',
      'loaded_per_1000_words_high',
      'attributions',
      'source_official',
      'source_state_media',
      'source_media',
      'source_data_ngo',
      'source_expert',
      'source_anonymous',
      'source_vague',
      'source_self',
      'source_unknown',
      'unsourced',
      'unsourced_share',
      'unsourced_share_low',
      'unsourced_share_high',
      'articles_in_shared_stories',
      'events_omitted',
      'events_in_stories',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["'=SUM(A1:A9)", '2'],
      ['Daily Ledger', '2'],
      ['Evening Post', '2'],
    ]);
    for (const r of rows) expect(r).toHaveLength(24);
    // Every cell is the JSON's value, one number each; the source shares of a row with attributions sum to 1.
    rows.slice(1).forEach((r, i) => {
      const o = json.outlets[i]! as { words: number; loaded: number; attributions: number; sourceMix: Record<string, number>; unsourced: number };
      expect(Number(r[2])).toBe(o.words);
      expect(Number(r[3])).toBe(o.loaded);
      expect(Number(r[7])).toBe(o.attributions);
      expect(r.slice(8, 17).map(Number)).toEqual(Object.values(o.sourceMix));
      expect(Number(r[17])).toBe(o.unsourced);
      for (const cell of r.slice(1)) expect(cell).toMatch(/^\d+(\.\d+)?$/);
      if (o.attributions > 0)
        expect(
          r
            .slice(8, 17)
            .map(Number)
            .reduce((a, b) => a + b, 0),
        ).toBeCloseTo(1, 3);
    });
    // The Daily Ledger's words: m001 + m003 as a report of those two counts them.
    const two = runCli(['analyze', 'articles/m001.txt', 'articles/m003.txt', '--json', '-'], { cwd: join(dir, 'map') });
    const words = (JSON.parse(two.stdout) as { articles: { words: number }[] }).articles.reduce((n, a) => n + a.words, 0);
    expect(rows[2]![0]).toBe('Daily Ledger');
    expect(rows[2]![2]).toBe(String(words));
  });

  it('metadata lives in the sidecar, not in the CSV', () => {
    expect(csv.startsWith('outlet,')).toBe(true);
    const meta = JSON.parse(readFileSync(join(dir, 'map/out/outlets.meta.json'), 'utf8')) as {
      command: string;
      file: string;
      minArticles: number;
      leftOut: unknown;
      columns: { name: string }[];
      generator: string;
    };
    // The command with the options that change the output (the map), not --out (journeys21: it was "parallax corpus articles").
    expect(meta.command).toBe('parallax corpus articles --outlets outlets.csv');
    expect(meta.file).toBe('outlets.csv');
    expect(meta.minArticles).toBe(2);
    expect(meta.leftOut).toEqual([{ outlet: 'Lone Wire', articles: 1 }]);
    expect(meta.columns.map((c) => c.name)).toEqual((parse(csv) as string[][])[0]);
    expect(meta.generator).toMatch(/parallax/);
  });

  it('--min-articles 1 keeps the one-article outlet', () => {
    const r = runCli(['corpus', 'articles', '--outlets', 'outlets.csv', '--out', 'out1', '--min-articles', '1', '--min-confidence', '0.9'], {
      cwd: join(dir, 'map'),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('outlets: 4 with at least 1 article');
    const meta = JSON.parse(readFileSync(join(dir, 'map/out1/outlets.meta.json'), 'utf8')) as { command: string };
    expect(meta.command).toBe('parallax corpus articles --outlets outlets.csv --min-articles 1 --min-confidence 0.9');
    expect((parse(readFileSync(join(dir, 'map/out1/outlets.csv'), 'utf8')) as string[][]).slice(1).map((x) => x[0])).toEqual([
      "'=SUM(A1:A9)",
      'Daily Ledger',
      'Evening Post',
      'Lone Wire',
    ]);
    const bad = runCli(['corpus', 'articles', '--min-articles', '0'], { cwd: join(dir, 'map') });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('parallax: bad --min-articles: expected a whole number of articles, at least 1, found "0" — fix: e.g. --min-articles 2\n');
  });
});

describe('CSV cells against spreadsheet formulas (#19 item 6)', () => {
  it('a cell beginning with = + - @ tab or CR gets a leading apostrophe; quoting as RFC 4180', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a,b', 'say "hi"', 3.5].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '3.5',
    ]);
  });
});

describe('outlet rows count the findings the reports show (research23)', () => {
  // The bundled articles: Newsvoice and Starfolk name their outlets, the Lavrov article none.
  // Before, every finding counted, hidden ones too: Newsvoice 16 loaded (19.9253 per 1,000 words)
  // where its report shows 3 (4 of the 5 attributions shown are official, 7 of all 12), Starfolk 19 where
  // it shows none; and the unsourced share divided by
  // every sentence, headings included (22/37), where each article's score divides by the others.
  const paths = [
    'lavrov-african-tour.md',
    'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
    'starfolk-2025-04-03-russia-military-influence-west-africa.md',
  ].map((f) => resolve(REPO, 'corpus', f));
  const pick = (rows: ReturnType<typeof outletAggregates>['rows']) =>
    rows.map((o) => [o.outlet, o.articles, o.words, o.loaded, o.loadedPer1000, o.attributions, o.sourceMix.official, o.unsourced, o.unsourcedShare]);

  it('shown findings only, at the report thresholds; the shares as the per-article scores', () => {
    const r = analysePaths(paths);
    const t = outletAggregates([r], 1);
    expect(pick(t.rows)).toEqual([
      ['Newsvoice', 1, 803, 3, 3.736, 5, 0.8, 21, 0.6],
      ['Starfolk', 1, 414, 0, 0, 2, 0, 6, 0.4],
    ]);
    expect(t.withoutOutlet).toBe(1);
    expect(t.shownAt).toEqual({ minConfidence: 0.8, minConfidenceByKind: { attribution: 0.8, loaded: 0.85, unsourced: 0.85 } });
    // The same numbers as each article's scores in the report.
    const newsvoice = r.articles.find((a) => a.outlet === 'Newsvoice')!;
    expect([r.scores[newsvoice.id]!.loadedCount, r.scores[newsvoice.id]!.attributions, r.scores[newsvoice.id]!.unsourcedShare]).toEqual([3, 5, 0.6]);
  });

  it('--min-confidence 0 counts every finding', () => {
    const t = outletAggregates([analysePaths(paths, { minConfidence: 0 })], 1);
    expect(pick(t.rows)).toEqual([
      ['Newsvoice', 1, 803, 16, 19.9253, 12, 0.5833, 22, 0.6286],
      ['Starfolk', 1, 414, 19, 45.8937, 5, 0.6, 11, 0.7333],
    ]);
    expect(t.shownAt).toEqual({ minConfidence: 0, minConfidenceByKind: {} });
  });
});

describe('95 % intervals of the outlet rates, resampling articles (research23)', () => {
  // [loaded shown, words] of PolNeAR dev's 12 Breitbart articles (articles.csv of
  // `parallax corpus polnear/dev/text --outlets MAP`): 10 loaded terms, 5 of them in one article.
  const BREITBART: [number, number][] = [
    [0, 208],
    [0, 247],
    [0, 146],
    [0, 178],
    [0, 717],
    [0, 275],
    [1, 116],
    [1, 322],
    [5, 2755],
    [3, 1557],
    [0, 646],
    [0, 407],
  ];
  // Western Journal's 12: one loaded term in all.
  const WESTERN: [number, number][] = [
    [1, 577],
    [0, 463],
    [0, 391],
    [0, 338],
    [0, 359],
    [0, 584],
    [0, 881],
    [0, 614],
    [0, 677],
    [0, 413],
    [0, 564],
    [0, 423],
  ];
  it('wide when a rate rests on few articles; seeded, so the same every run', () => {
    const b = articleInterval(BREITBART, 'Breitbart', 1000);
    expect(b[0]).toBeLessThan(1.3203 / 2); // the rate 1.3203: half of it rests on one article
    expect(b[1]).toBeGreaterThan(1.3203);
    expect(articleInterval(BREITBART, 'Breitbart', 1000)).toEqual(b);
    // The same draws re-implemented apart (Python: FNV-1a seed, mulberry32, 1,000 resamples, 26th and 975th of the sorted rates).
    expect(b).toEqual([0.2753, 1.7794]);
    const w = articleInterval(WESTERN, 'Western Journal', 1000);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeGreaterThan(0.1591);
  });
  it('one article: its own rate; none: [0, 0]', () => {
    expect(articleInterval([[3, 803]], 'Newsvoice', 1000)).toEqual([3.736, 3.736]);
    expect(articleInterval([], 'x')).toEqual([0, 0]);
  });
});
