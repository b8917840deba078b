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
    for (const f of readdirSync(join(root, year)).filter((n) => n.endsWith('.json')).sort()) {
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
  for (let i = 0; i < paths.length; i++) for (let j = i + 1; j < paths.length; j++) if (truth.get(paths[i]!) === truth.get(paths[j]!)) gold.add(pairKey(paths[i]!, paths[j]!));
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
    const scoreOn = (years: readonly string[]) => groupingScore(groups, new Map([...truth].filter(([, t]) => years.includes(t.year)).map(([p, t]) => [p, t.triplet])));
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
}
