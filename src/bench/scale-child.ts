/**
 * Child process of the bench: prepares and analyses N articles the way the pipeline does
 * (worker pool included), then times the scaling targets on prefixes of them, and reports its
 * peak resident memory. Run as `node dist/bench/scale-child.js CONFIG.json RESULT.json`; writes
 * only RESULT.json (never stdout), so nothing another module prints can corrupt the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnalysedArticle, Finding, FindingDraft } from '../core/types.js';
import { loadLexicons } from '../lexicons/index.js';
import { analyseArticle, numberFindings, prepareArticle } from '../pipeline.js';
import { analyseInParallel, planWorkers } from '../parallel/pool.js';
import { msSince, summarise, type Summary } from './stats.js';
import { scaleTargets, type ScaleInput } from './targets.js';

/** What the parent asks the child to do. */
export interface ScaleConfig {
  files: string[];
  /** Story key per file base name. */
  stories: Record<string, string>;
  sizes: number[];
  /** Repetitions per size (same length as `sizes`). */
  reps: number[];
  /** Stop a target's larger sizes once one size's median exceeds this (ms). */
  giveUpMs: number;
  /** Use `sizes` for every target, ignoring targets' own sizes (quick mode). */
  quickSizes: boolean;
}

/** One target's timings per size. */
export interface ScaleTargetResult {
  id: string;
  description: string;
  /** Per size: time, the result size, RSS after the size's runs and the process's peak so far (MB). */
  sizes: { n: number; ms: Summary; result: number; rssMb: number; maxRssMb: number }[];
  /** Sizes not run, with why. */
  skipped: { n: number; reason: string }[];
}

/** What the child reports. */
export interface ScaleResult {
  articles: number;
  workers: number;
  /** Wall time to prepare and analyse all articles (ms). */
  prepareMs: number;
  targets: ScaleTargetResult[];
  /** Peak resident set size of the whole child (all threads), MB, from getrusage. */
  maxRssMb: number;
  /** VmHWM from /proc/self/status, MB, when readable. */
  vmHwmMb: number | null;
  /** RSS right after preparing all articles (before alignment), MB. */
  rssAfterPrepareMb: number;
  heapUsedAfterPrepareMb: number;
}

function vmHwmMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const [configPath, resultPath] = process.argv.slice(2);
  if (!configPath || !resultPath) throw new Error('usage: scale-child CONFIG.json RESULT.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as ScaleConfig;
  const lexicons = loadLexicons({});
  // Workers as `PARALLAX_WORKERS=auto` would use them (the bench's speed matters; memory counts them).
  const plan = planWorkers(config.files.length, { PARALLAX_WORKERS: 'auto' });
  const t0 = process.hrtime.bigint();
  const local = { prepare: (p: string) => prepareArticle(p, {}), analyse: (a: AnalysedArticle) => analyseArticle(a, lexicons, {}) };
  let articles: AnalysedArticle[];
  let draftsOf: Map<AnalysedArticle, FindingDraft[]>;
  if (plan.workers > 0) {
    ({ articles, drafts: draftsOf } = analyseInParallel(config.files, {}, local, plan));
  } else {
    articles = config.files.map((f) => local.prepare(f));
    draftsOf = new Map(articles.map((a) => [a, local.analyse(a)]));
  }
  articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  articles.forEach((a, i) => (a.id = `a${i + 1}`));
  const findings = numberFindings(
    articles,
    articles.map((a) => draftsOf.get(a) ?? analyseArticle(a, lexicons, {})),
  );
  const prepareMs = msSince(t0);
  const mem = process.memoryUsage();

  const findingsOf = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = findingsOf.get(f.article);
    if (list) list.push(f);
    else findingsOf.set(f.article, [f]);
  }
  const storyOf = new Map(articles.map((a) => [a.id, config.stories[basename(a.path)] ?? a.id]));
  const input: ScaleInput = { articles, findings, findingsOf, storyOf, lexicons };

  const targets: ScaleTargetResult[] = [];
  for (const target of await scaleTargets()) {
    const out: ScaleTargetResult = { id: target.id, description: target.description, sizes: [], skipped: [] };
    const sizes = config.quickSizes ? config.sizes : (target.sizes ?? config.sizes);
    target.run(input, Math.min(sizes[0] ?? 1, articles.length)); // warm-up
    let giveUp: string | undefined;
    sizes.forEach((n, k) => {
      if (giveUp !== undefined) return void out.skipped.push({ n, reason: giveUp });
      if (n > articles.length) return void out.skipped.push({ n, reason: `only ${articles.length} articles` });
      if (target.maxSize !== undefined && n > target.maxSize) return void out.skipped.push({ n, reason: `above the target's limit of ${target.maxSize}` });
      const samples: number[] = [];
      let result = 0;
      for (let r = 0; r < (config.reps[k] ?? 1); r++) {
        const t = process.hrtime.bigint();
        result = target.run(input, n);
        samples.push(msSince(t));
        if (msSince(t) > config.giveUpMs) break;
      }
      const ms = summarise(samples);
      out.sizes.push({ n, ms, result, rssMb: process.memoryUsage().rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 });
      if (ms.median > config.giveUpMs) giveUp = `the previous size took ${Math.round(ms.median)} ms (> ${config.giveUpMs} ms)`;
    });
    targets.push(out);
  }

  const result: ScaleResult = {
    articles: articles.length,
    workers: plan.workers,
    prepareMs,
    targets,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    vmHwmMb: vmHwmMb(),
    rssAfterPrepareMb: mem.rss / 2 ** 20,
    heapUsedAfterPrepareMb: mem.heapUsed / 2 ** 20,
  };
  writeFileSync(resultPath, JSON.stringify(result));
}

await main();
