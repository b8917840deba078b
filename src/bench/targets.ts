/**
 * What the scaling section times: functions that take many analysed articles at once. The
 * corpus mode (story grouping + per-story alignment) is used when its module exports it;
 * alignment per known story group, and alignment of everything as one story, are always there.
 */
import type { AnalysedArticle, Finding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { alignArticles } from '../align/index.js';

/** Analysed articles with ids `a1..an` (path order) and their numbered findings. */
export interface ScaleInput {
  articles: AnalysedArticle[];
  findings: Finding[];
  /** Findings per article id. */
  findingsOf: Map<string, Finding[]>;
  /** Known story key per article id (BASIL triplets; unique otherwise). */
  storyOf: Map<string, string>;
  lexicons: Lexicons;
}

/** One timed function over the first `n` articles of a `ScaleInput`. */
export interface ScaleTarget {
  id: string;
  description: string;
  /** Runs the function on a prefix of the input; returns something small to keep it honest. */
  run(input: ScaleInput, n: number): number;
  /** Largest size worth trying (slow quadratic targets stop early). */
  maxSize?: number;
  /** Sizes of its own, instead of the bench's (for targets too slow at corpus sizes). */
  sizes?: number[];
}

const prefix = (input: ScaleInput, n: number) => input.articles.slice(0, n);

/** Alignment run separately on each known story group (what corpus mode does after grouping). */
export const alignPerStory: ScaleTarget = {
  id: 'align-per-story',
  description: 'alignArticles (src/align/index.ts) run on each known story group (BASIL triplets; other articles alone)',
  run(input, n) {
    const groups = new Map<string, AnalysedArticle[]>();
    for (const a of prefix(input, n)) {
      const key = input.storyOf.get(a.id) ?? a.id;
      const g = groups.get(key);
      if (g) g.push(a);
      else groups.set(key, [a]);
    }
    let events = 0;
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const findings = g.flatMap((a) => input.findingsOf.get(a.id) ?? []);
      events += alignArticles(g, findings, input.lexicons).events.length;
    }
    return events;
  },
};

/** Alignment of all `n` articles as one story (what `parallax analyze` does with n files). */
export const alignAll: ScaleTarget = {
  id: 'align-all',
  description: 'alignArticles (src/align/index.ts) on all n articles at once, as `parallax analyze` does (own sizes: 25, 50, 100)',
  sizes: [25, 50, 100],
  run(input, n) {
    const articles = prefix(input, n);
    const findings = articles.flatMap((a) => input.findingsOf.get(a.id) ?? []);
    return alignArticles(articles, findings, input.lexicons).events.length;
  },
};

type StoryInputOf = (a: AnalysedArticle) => unknown;
type GroupStories = (inputs: readonly unknown[]) => { members: number[] }[];

/**
 * The corpus mode's story grouping (`storyInputOf` from src/corpus/features.ts, `groupStories`
 * from src/corpus/group.ts) on articles held in memory. Corpus mode as a whole (grouping, then
 * each story prepared again and aligned) is measured on its own code path in a separate child
 * (src/bench/corpus-child.ts), not here. Looked up at run time.
 */
export async function discoverCorpusTargets(): Promise<ScaleTarget[]> {
  let storyInputOf: StoryInputOf;
  let groupStories: GroupStories;
  try {
    const features = (await import(`../corpus/${'features.js'}`)) as Record<string, unknown>;
    const group = (await import(`../corpus/${'group.js'}`)) as Record<string, unknown>;
    if (typeof features['storyInputOf'] !== 'function' || typeof group['groupStories'] !== 'function') return [];
    storyInputOf = features['storyInputOf'] as StoryInputOf;
    groupStories = group['groupStories'] as GroupStories;
  } catch {
    return [];
  }
  const group = (input: ScaleInput, n: number) => {
    const articles = prefix(input, n);
    return { articles, stories: groupStories(articles.map((a) => storyInputOf(a))) };
  };
  return [
    {
      id: 'corpus-group',
      description: 'story grouping: storyInputOf (src/corpus/features.ts) per article + groupStories (src/corpus/group.ts)',
      run: (input, n) => group(input, n).stories.length,
    },
  ];
}

/** Every available target, corpus mode first. */
export async function scaleTargets(): Promise<ScaleTarget[]> {
  return [...(await discoverCorpusTargets()), alignPerStory, alignAll];
}
