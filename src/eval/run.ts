/**
 * `npm run eval`: every evaluation against the development datasets in ../shared/datasets.
 * Skips with a message when they are absent. Each evaluation prints its own table.
 */
import { existsSync } from 'node:fs';
import { DATASETS } from './datasets.js';

export { DATASETS };

interface EvalModule {
  run(datasets: string): Promise<void> | void;
}

const MODULES = ['./markers.js', './attribution.js', './unsourced.js', './alignment.js', './grouping.js', './ingest.js'] as const;

/** The names `npm run eval -- NAME…` takes (or a part of one): each module's file name. */
export const EVAL_NAMES = MODULES.map((m) => m.replace(/^\.\/|\.js$/g, ''));

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.includes('--help') || only.includes('-h')) {
    console.log(`usage: npm run eval [-- NAME…]: the evaluations named (default: all): ${EVAL_NAMES.join(', ')}; datasets from ${DATASETS}`);
    return;
  }
  const unknown = only.filter((o) => !EVAL_NAMES.some((n) => n.includes(o)));
  if (unknown.length) {
    console.error(`eval: unknown evaluation: expected one of ${EVAL_NAMES.join(', ')}, found ${unknown.join(', ')}`);
    process.exit(2);
  }
  if (!existsSync(DATASETS)) {
    console.log(`eval: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS to their folder)`);
    return;
  }
  for (const m of MODULES) {
    if (only.length && !only.some((o) => m.includes(o))) continue;
    const mod = (await import(m)) as EvalModule;
    await mod.run(DATASETS);
  }
}

await main();
