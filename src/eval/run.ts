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

async function main(): Promise<void> {
  if (!existsSync(DATASETS)) {
    console.log(`eval: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS to their folder)`);
    return;
  }
  const only = process.argv.slice(2);
  for (const m of MODULES) {
    if (only.length && !only.some((o) => m.includes(o))) continue;
    const mod = (await import(m)) as EvalModule;
    await mod.run(DATASETS);
  }
}

await main();
