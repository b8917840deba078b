/**
 * Child process of the bench's size section: each given file alone through what a one-article
 * run does (prepare, analyse, align, report, JSON and markdown), timed per stage, with the
 * process's CPU time over the same span. Usage:
 * node dist/bench/size-child.js RESULT.json FILE... (no time or size limit: the bench measures
 * cost, the limits are tested elsewhere).
 */
import { writeFileSync } from 'node:fs';
import { loadLexicons } from '../lexicons/index.js';
import { ARTICLE_ANALYSES } from '../pipeline/analyses.js';
import { analyseArticles, prepareArticle } from '../pipeline.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import type { FindingDraft } from '../core/types.js';

const [resultPath, ...files] = process.argv.slice(2);
if (!resultPath || files.length === 0) throw new Error('usage: size-child RESULT.json FILE...');
const lexicons = loadLexicons({});
const options = { timeoutMs: 1e12, maxBytes: 1e12 };
const stages: Record<string, number> = {};
const timed = <T>(stage: string, f: () => T): T => {
  const t = process.hrtime.bigint();
  const r = f();
  stages[stage] = (stages[stage] ?? 0) + Number(process.hrtime.bigint() - t) / 1e6;
  return r;
};
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
for (const file of files) {
  const article = timed('prepare', () => prepareArticle(file, options));
  const earlier = new Map<string, readonly FindingDraft[]>();
  for (const a of ARTICLE_ANALYSES)
    earlier.set(
      a.name,
      timed(a.name, () => a.run(article, lexicons, earlier)),
    );
  const report = timed('align + report', () => analyseArticles([article], lexicons, options, new Map([[article, [...earlier.values()].flat()]])));
  timed('json', () => formatJson(report));
  timed('markdown', () => formatMarkdown(report));
}
const cpu = process.cpuUsage(cpu0);
writeFileSync(
  resultPath,
  JSON.stringify({
    totalMs: Number(process.hrtime.bigint() - t0) / 1e6,
    cpuMs: (cpu.user + cpu.system) / 1000,
    stages,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
