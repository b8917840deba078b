/**
 * Child process of the bench: runs corpus mode exactly as `parallax corpus DIR --out OUT --force`
 * does (runCorpus with each story's files written as it is done, then the index and outlet
 * files), and reports the phase timings and its peak resident memory. Run as
 * `node dist/bench/corpus-child.js DIR OUT RESULT.json`; writes nothing to stdout.
 */
import { writeFileSync } from 'node:fs';
import { runCorpus } from '../corpus/run.js';
import { writeOutputs } from '../report/write.js';

/** What the child reports. */
export interface CorpusChildResult {
  articles: number;
  stories: number;
  /** Reading + grouping features, story grouping, per-story analysis + alignment + writing (ms). */
  readMs: number;
  groupMs: number;
  alignMs: number;
  totalMs: number;
  /** getrusage maxRSS of the child (MB). */
  maxRssMb: number;
}

const [dir, out, resultPath] = process.argv.slice(2);
if (!dir || !out || !resultPath) throw new Error('usage: corpus-child DIR OUT RESULT.json');
const t0 = process.hrtime.bigint();
const r = runCorpus(dir, out, { emit: (f) => writeOutputs([f], true) });
writeOutputs(r.files, true);
const result: CorpusChildResult = {
  articles: r.articles,
  stories: r.stories,
  ...r.timings,
  totalMs: Number(process.hrtime.bigint() - t0) / 1e6,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
};
writeFileSync(resultPath, JSON.stringify(result));
