/**
 * Corpus mode's flat exports (research23): articles.csv (one row per article, with its story)
 * and findings.csv (one row per finding, shown or hidden, offsets into the file, rule), each
 * with a sidecar naming its columns; read by a standard CSV parser with no options. The numbers
 * chain: outlets.csv from articles.csv, articles.csv from findings.csv's shown rows, and every
 * finding's text is the file's text between its offsets. On BASIL dev mixed in one folder
 * (skipped when ../shared/datasets is absent) the same holds for 150 articles.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, HAS_DATASETS, REPO, runCli } from '../helpers.js';

type Row = Record<string, string>;
const read = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Row[];
const headerOf = (path: string) => (parse(readFileSync(path, 'utf8')) as string[][])[0];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Each outlet's counts and rates of outlets.csv, recomputed from articles.csv. */
function outletsFromArticles(articles: Row[]) {
  const by = new Map<
    string,
    { articles: number; words: number; sentences: number; loaded: number; unsourced: number; attributions: number; official: number }
  >();
  for (const a of articles) {
    if (!a['outlet']) continue;
    const e = by.get(a['outlet']) ?? { articles: 0, words: 0, sentences: 0, loaded: 0, unsourced: 0, attributions: 0, official: 0 };
    e.articles++;
    e.words += Number(a['words']);
    e.sentences += Number(a['sentences']);
    e.loaded += Number(a['loaded']);
    e.unsourced += Number(a['unsourced']);
    e.attributions += Number(a['attributions']);
    e.official += Number(a['source_official']);
    by.set(a['outlet'], e);
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return [...by]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([outlet, e]) => [
      outlet,
      e.articles,
      e.words,
      e.loaded,
      r4((1000 * e.loaded) / e.words),
      e.attributions,
      e.attributions ? r4(e.official / e.attributions) : 0,
      e.unsourced,
      r4(e.unsourced / e.sentences),
    ]);
}
const outletCells = (rows: Row[]) =>
  rows.map((o) => [
    o['outlet'],
    ...['articles', 'words', 'loaded', 'loaded_per_1000_words', 'attributions', 'source_official', 'unsourced', 'unsourced_share'].map((k) => Number(o[k])),
  ]);

/** Per article, the shown findings of each kind in findings.csv. */
function shownCounts(findings: Row[]) {
  const n = new Map<string, number>();
  for (const f of findings)
    if (f['shown'] === 'true') n.set(`${f['story']}/${f['article']}/${f['kind']}`, (n.get(`${f['story']}/${f['article']}/${f['kind']}`) ?? 0) + 1);
  return n;
}

/** Every finding's text is the file's text between its offsets (UTF-16 code units). */
function offsetsHold(cwd: string, findings: Row[]) {
  const texts = new Map<string, string>();
  return findings.filter((f) => {
    const path = join(cwd, f['path']!);
    if (!texts.has(path)) texts.set(path, readFileSync(path, 'utf8'));
    return texts.get(path)!.slice(Number(f['start']), Number(f['end'])) !== f['text'];
  });
}

describe('articles.csv and findings.csv on the bundled articles', () => {
  let dir = '';
  let stdout = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-exports-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'in'));
    for (const f of readdirSync(join(REPO, 'corpus'))) copyFileSync(join(REPO, 'corpus', f), join(dir, 'in', f));
    const r = runCli(['corpus', 'in', '--out', 'out', '--min-articles', '1'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
  }, 300_000);

  it('one row per article with its story, outlet (empty when unknown) and shown counts', () => {
    expect(stdout).toContain('wrote 12 files to out');
    const rows = read(join(dir, 'out/articles.csv'));
    expect(rows.map((r) => [r['story'], r['article'], r['path'], r['outlet'], r['outlet_source'], r['date']])).toEqual([
      ['s1', 'a1', 'in/lavrov-african-tour.md', '', '', ''],
      ['s1', 'a2', 'in/newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'Newsvoice', 'front-matter', '2024-06-21'],
      ['s2', 'a1', 'in/starfolk-2025-04-03-russia-military-influence-west-africa.md', 'Starfolk', 'front-matter', '2025-04-03'],
    ]);
    const n = (r: Row, ks: string[]) => ks.map((k) => Number(r[k]));
    const cols = ['words', 'sentences', 'loaded', 'attributions', 'source_official', 'source_state_media', 'unsourced', 'outlets_in_story'];
    expect(n(rows[1]!, cols)).toEqual([803, 35, 3, 5, 4, 1, 21, 1]);
    expect(n(rows[2]!, cols)).toEqual([414, 15, 0, 2, 0, 0, 6, 1]);
    const meta = JSON.parse(readFileSync(join(dir, 'out/articles.meta.json'), 'utf8')) as { file: string; columns: { name: string }[]; command: string };
    expect(meta.file).toBe('articles.csv');
    expect(meta.columns.map((c) => c.name)).toEqual(headerOf(join(dir, 'out/articles.csv')));
    expect(meta.command).toBe('parallax corpus in --min-articles 1');
  });

  it('one row per finding, shown and hidden, traced to its span and rule', () => {
    const rows = read(join(dir, 'out/findings.csv'));
    const story = JSON.parse(readFileSync(join(dir, 'out/stories/s1.json'), 'utf8')) as { findings: { id: string; confidence: number }[] };
    const s1 = rows.filter((r) => r['story'] === 's1');
    expect(s1.map((r) => r['finding'])).toEqual(story.findings.map((f) => f.id));
    expect(s1.map((r) => Number(r['confidence']))).toEqual(story.findings.map((f) => f.confidence));
    const spiral = rows.filter((r) => r['text']?.toLowerCase() === 'spiralling');
    expect(spiral.map((r) => [r['story'], r['article'], r['outlet'], r['kind'], r['shown'], r['start'], r['end'], r['rule'], r['category']])).toEqual([
      ['s1', 'a2', 'Newsvoice', 'loaded', 'true', '1484', '1494', 'lexicon:emotive/spiralling', 'emotive'],
      ['s1', 'a2', 'Newsvoice', 'loaded', 'true', '1565', '1575', 'lexicon:emotive/spiralling', 'emotive'],
    ]);
    const lavrov = rows.find((r) => r['start'] === '3376' && r['article'] === 'a2')!;
    expect([lavrov['kind'], lavrov['source_type'], lavrov['source'], lavrov['cue'], lavrov['rule']]).toEqual([
      'attribution',
      'official',
      'Lavrov',
      'said',
      'lexicon:reporting-verbs/say',
    ]);
    expect(offsetsHold(dir, rows)).toEqual([]);
    // Hidden ones are there too, marked.
    expect(rows.length).toBe(114);
    expect(rows.filter((r) => r['shown'] === 'true').length).toBe(50);
    const meta = JSON.parse(readFileSync(join(dir, 'out/findings.meta.json'), 'utf8')) as { file: string; columns: { name: string }[]; shownAt: unknown };
    expect(meta.file).toBe('findings.csv');
    expect(meta.columns.map((c) => c.name)).toEqual(headerOf(join(dir, 'out/findings.csv')));
    expect(meta.shownAt).toEqual({ minConfidence: 0.8, minConfidenceByKind: { attribution: 0.8, loaded: 0.85, unsourced: 0.85 } });
  });

  it('the numbers chain: outlets.csv from articles.csv, articles.csv from the shown rows of findings.csv', () => {
    const articles = read(join(dir, 'out/articles.csv'));
    expect(outletsFromArticles(articles)).toEqual(outletCells(read(join(dir, 'out/outlets.csv'))));
    const shown = shownCounts(read(join(dir, 'out/findings.csv')));
    for (const a of articles)
      expect(['loaded', 'attribution', 'unsourced'].map((k) => shown.get(`${a['story']}/${a['article']}/${k}`) ?? 0)).toEqual(
        ['loaded', 'attributions', 'unsourced'].map((k) => Number(a[k])),
      );
  });

  it('a re-run into the same folder is allowed (the CSVs are known by their sidecars)', () => {
    const r = runCli(['corpus', 'in', '--out', 'out', '--min-articles', '1', '-q'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe.skipIf(!HAS_DATASETS)('BASIL dev mixed in one folder, outlets from front matter', () => {
  // The researcher's folder: each BASIL dev article rendered as the evaluation renders it, with
  // front matter naming the outlet (`source`, lower-cased), three without any, and one exact copy.
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-exports-basil-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'basil'));
    const root = join(DATASETS, 'basil-dev/articles');
    const files = readdirSync(root)
      .sort()
      .flatMap((y) =>
        readdirSync(join(root, y))
          .sort()
          .map((f) => join(root, y, f)),
      );
    files.forEach((f, i) => {
      const d = JSON.parse(readFileSync(f, 'utf8')) as { title: string; source: string; date: string; 'body-paragraphs': string[][] };
      const body = `${d.title}\n\n${d['body-paragraphs'].map((p) => p.join(' ')).join('\n\n')}\n`;
      const name = f.slice(f.lastIndexOf('/') + 1, -'.json'.length);
      if (i === 5 || i === 40 || i === 100) writeFileSync(join(dir, 'basil', `${name}.txt`), body);
      else
        writeFileSync(
          join(dir, 'basil', `${name}.md`),
          `---\ntitle: ${JSON.stringify(d.title)}\noutlet: ${d.source.toLowerCase()}\ndate: ${d.date}\n---\n${body}`,
        );
      if (i === 10) writeFileSync(join(dir, 'basil', `copy-of-${name}.md`), readFileSync(join(dir, 'basil', `${name}.md`)));
    });
    const r = runCli(['corpus', 'basil', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('outlets: 3 with at least 2 articles (3 articles without a known outlet: see outlets.meta.json)');
    expect(r.stderr).toContain('same text as basil/');
  }, 600_000);

  it('49 articles per outlet (the copy counted once), and the numbers chain with every offset holding', () => {
    const articles = read(join(dir, 'out/articles.csv'));
    const findings = read(join(dir, 'out/findings.csv'));
    const outlets = read(join(dir, 'out/outlets.csv'));
    expect(articles.length).toBe(150);
    expect(articles.filter((a) => a['outlet'] === '').length).toBe(3);
    // Stories: 44 whole triplets, 3 of fox and nyt, 3 hpo articles alone, 3 with an article without an outlet (fox+nyt, fox+hpo, hpo+nyt).
    expect(outlets.map((o) => [o['outlet'], o['articles'], o['articles_in_shared_stories']])).toEqual([
      ['fox', '49', '49'],
      ['hpo', '49', '46'],
      ['nyt', '49', '49'],
    ]);
    expect(articles.filter((a) => a['outlet'] === 'hpo' && a['outlets_in_story'] === '1').length).toBe(3);
    expect(outletsFromArticles(articles)).toEqual(outletCells(outlets));
    const shown = shownCounts(findings);
    const mismatched = articles.filter((a) => (shown.get(`${a['story']}/${a['article']}/loaded`) ?? 0) !== Number(a['loaded']));
    expect(mismatched).toEqual([]);
    expect(offsetsHold(dir, findings)).toEqual([]);
  });
});
if (!HAS_DATASETS) console.log(`tests/corpus/exports: BASIL part skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
