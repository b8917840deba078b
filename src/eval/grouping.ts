/**
 * Story grouping (`parallax corpus`) on the BASIL dev articles: all 150 mixed in one folder,
 * grouped by corpus mode, scored pairwise (precision/recall/F1) against the triplets. Grouped
 * once over the whole folder; scored on the tuning half (2010–2012), the check half (2013–2014)
 * and all, by text alone (title and paragraphs) and with each article's date and outlet. A story
 * holding articles of two different triplets is listed ("mixed"). Files are written to a
 * temporary folder, never into the repository.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { prepareArticle } from '../pipeline.js';
import { groupStories, type GroupOptions } from '../corpus/group.js';
import { storyInputOf, type StoryInput } from '../corpus/features.js';
import { prf } from './prf.js';

interface BasilArticle {
  title: string;
  date?: string;
  source: string;
  'triplet-uuid': string;
  uuid: string;
  'body-paragraphs': string[][];
}

/** The halves of BASIL dev (../shared/datasets/README.md). */
export const BASIL_HALVES = { tune: ['2010', '2011', '2012'], check: ['2013', '2014'] } as const;
export type BasilHalf = keyof typeof BASIL_HALVES | 'all';

/** One rendered article: its triplet and year. */
export interface BasilTruth {
  triplet: string;
  year: string;
}

/** Renders BASIL articles as `.txt` (title, blank line, paragraphs) or `.md` with front matter into `dir`; returns path → triplet and year. */
export function renderBasil(datasets: string, dir: string, withDates: boolean): Map<string, BasilTruth> {
  const root = join(datasets, 'basil-dev', 'articles');
  const truth = new Map<string, BasilTruth>();
  for (const year of readdirSync(root).sort()) {
    for (const f of readdirSync(join(root, year))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const a = JSON.parse(readFileSync(join(root, year, f), 'utf8')) as BasilArticle;
      const body = a['body-paragraphs'].map((p) => p.join(' ').trim()).filter((p) => p.length > 0);
      const text = `${a.title}\n\n${body.join('\n\n')}\n`;
      const outlet = a.source.toLowerCase();
      const name = `${f.replace(/\.json$/, '')}.${withDates ? 'md' : 'txt'}`;
      const content = withDates ? `---\ntitle: ${JSON.stringify(a.title)}\noutlet: ${outlet}\ndate: ${a.date ?? 'null'}\n---\n${text}` : text;
      writeFileSync(join(dir, name), content);
      truth.set(join(dir, name), { triplet: a['triplet-uuid'], year });
    }
  }
  return truth;
}

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Pairwise P/R/F1 of a grouping against the truth (path → story); paths not in the truth are ignored. */
export function groupingScore(groups: string[][], truth: Map<string, string>) {
  const pred = new Set<string>();
  for (const whole of groups) {
    const g = whole.filter((p) => truth.has(p));
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) pred.add(pairKey(g[i]!, g[j]!));
  }
  const paths = [...truth.keys()].sort();
  const gold = new Set<string>();
  for (let i = 0; i < paths.length; i++)
    for (let j = i + 1; j < paths.length; j++) if (truth.get(paths[i]!) === truth.get(paths[j]!)) gold.add(pairKey(paths[i]!, paths[j]!));
  let tp = 0;
  for (const p of pred) if (gold.has(p)) tp++;
  return prf({ tp, fp: pred.size - tp, fn: gold.size - tp });
}

export interface GroupingResult {
  articles: number;
  stories: number;
  /** Scores by half (tune: 2010–2012, check: 2013–2014, all). */
  halves: Record<BasilHalf, ReturnType<typeof prf>>;
  /** Stories holding articles of more than one triplet: file names (without extension) per story. */
  mixed: string[][];
}

/** Story grouping of the BASIL dev articles mixed in one folder, scored by half. */
export function evaluateGrouping(datasets: string, withDates: boolean, options: Partial<GroupOptions> = {}): GroupingResult {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-basil-'));
  try {
    const truth = renderBasil(datasets, dir, withDates);
    const inputs: StoryInput[] = [...truth.keys()].sort().map((p) => storyInputOf(prepareArticle(p)));
    const stories = groupStories(inputs, options);
    const groups = stories.map((s) => s.members.map((i) => inputs[i]!.path));
    const scoreOn = (years: readonly string[]) =>
      groupingScore(groups, new Map([...truth].filter(([, t]) => years.includes(t.year)).map(([p, t]) => [p, t.triplet])));
    const name = (p: string) => basename(p).replace(/\.(txt|md)$/, '');
    return {
      articles: inputs.length,
      stories: stories.length,
      halves: { tune: scoreOn(BASIL_HALVES.tune), check: scoreOn(BASIL_HALVES.check), all: scoreOn([...BASIL_HALVES.tune, ...BASIL_HALVES.check]) },
      mixed: groups.filter((g) => new Set(g.map((p) => truth.get(p)!.triplet)).size > 1).map((g) => g.map(name)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number) => x.toFixed(3);

export function run(datasets: string): void {
  console.log('story grouping — BASIL dev (150 articles, 50 triplets, all mixed in one folder; pairwise; tune = 2010–2012, check = 2013–2014)');
  for (const withDates of [false, true]) {
    const g = evaluateGrouping(datasets, withDates);
    for (const half of ['tune', 'check', 'all'] as const) {
      const m = g.halves[half];
      console.log(`  ${(withDates ? 'with dates' : 'text only').padEnd(11)} ${half.padEnd(6)} P ${fmt(m.p)}  R ${fmt(m.r)}  F1 ${fmt(m.f1)}`);
    }
    console.log(`  ${''.padEnd(11)} ${g.stories} stories; mixed stories: ${g.mixed.length}`);
    for (const m of g.mixed) console.log(`    mixed: ${m.join(' ')}`);
  }
  // Sanity: folders of mostly unrelated articles, text only (no dates, neutral file names).
  for (const [name, items] of [
    ['PolNeAR dev (84 election-news articles, 2016)', polnearTexts(datasets, 'dev')],
    ['web pages (16 unrelated pages)', webPageTexts(datasets)],
  ] as const) {
    const stories = groupTexts(items);
    console.log(`  sanity, text only — ${name}: ${stories.length} stories of two or more (${stories.reduce((s, x) => s + x.members.length, 0)} articles)`);
    for (const s of stories) console.log(`    [${s.spanDays === null ? 'dates unknown' : `${s.spanDays} days apart`}] ${s.members.join(' · ')}`);
  }
  // A tuning-half proxy with no story gold: article pairs in stories whose publication dates (from
  // the metadata, never shown to grouping) lie within 3 days (likely one story) or over 14 days
  // apart (likely one topic only).
  const train = groupTexts(polnearTexts(datasets, 'train'));
  const pairsIn = (keep: (s: SanityStory) => boolean) => train.filter(keep).reduce((n, s) => n + (s.members.length * (s.members.length - 1)) / 2, 0);
  console.log(
    `  proxy, text only — PolNeAR train (840 articles; tuning half): ${train.length} stories of two or more; pairs within 3 days ${pairsIn((s) => s.spanDays !== null && s.spanDays <= 3)}, over 14 days apart ${pairsIn((s) => s.spanDays !== null && s.spanDays > 14)}`,
  );
}

/** A story of two or more articles in a sanity-check folder: the members' labels (from the caller) and how many days apart their known dates lie. */
export interface SanityStory {
  members: string[];
  spanDays: number | null;
}

/**
 * Groups the given texts (copied under neutral names, so no date or outlet is read from a file
 * name: text only) and returns the stories of two or more. `items` hold the text, a label to
 * show and a known date (for the span only; grouping never sees it).
 */
export function groupTexts(
  items: readonly { text: string; label: string; date: string | null; ext?: string }[],
  options: Partial<GroupOptions> = {},
): SanityStory[] {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-group-'));
  try {
    const paths = items.map((it, i) => {
      const p = join(dir, `${String(i).padStart(5, '0')}.${it.ext ?? 'txt'}`);
      writeFileSync(p, it.text);
      return p;
    });
    // Pages with no article text are skipped, as corpus mode skips them.
    const inputs = paths.flatMap((p) => {
      try {
        return [storyInputOf(prepareArticle(p))];
      } catch (e) {
        if (e instanceof InputError) return [];
        throw e;
      }
    });
    const byPath = new Map(paths.map((p, i) => [p, items[i]!]));
    return groupStories(inputs, options)
      .filter((s) => s.members.length > 1)
      .map((s) => {
        const its = s.members.map((m) => byPath.get(inputs[m]!.path)!);
        const days = its.map((x) => (x.date ? Date.parse(`${x.date}T00:00:00Z`) / 86_400_000 : NaN)).filter((d) => Number.isFinite(d));
        return { members: its.map((x) => x.label), spanDays: days.length > 1 ? Math.max(...days) - Math.min(...days) : null };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PolNeAR texts of one split with their metadata (publisher, date, title); text only for grouping. */
export function polnearTexts(datasets: string, split: 'train' | 'dev'): { text: string; label: string; date: string | null }[] {
  const root = join(datasets, 'polnear');
  const meta = new Map<string, { publisher: string; date: string; title: string }>();
  for (const line of readFileSync(join(root, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c.length > 7) meta.set(c[1]!, { publisher: c[4]!, date: c[5]!, title: c[7]! });
  }
  return readdirSync(join(root, split, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const m = meta.get(f.replace(/\.txt$/, ''));
      return { text: readFileSync(join(root, split, 'text', f), 'utf8'), label: m ? `${m.publisher} ${m.date} ${m.title}` : f, date: m?.date ?? null };
    });
}

/** The saved web pages (source HTML), unrelated to each other. */
export function webPageTexts(datasets: string): { text: string; label: string; date: null; ext: string }[] {
  const root = join(datasets, 'web-pages');
  return readdirSync(root)
    .sort()
    .map((d) => ({ text: readFileSync(join(root, d, 'source.html'), 'utf8'), label: d, date: null, ext: 'html' }));
}
