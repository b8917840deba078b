/**
 * `parallax corpus DIR [--out DIR]`: many articles about many stories → stories → per-story
 * reports (JSON and markdown), outlet aggregates (outlets.json, outlets.csv) and stories.json.
 */
import type { Command } from 'commander';
import { runCorpus } from '../corpus/run.js';
import { writeOutputs } from '../report/write.js';

interface CorpusFlags {
  out: string;
  force?: boolean;
  quiet?: boolean;
}

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('group a large folder of articles into stories and compare outlets')
    .argument('<dir>', 'folder of articles')
    .option('--out <dir>', 'where to write stories/, stories.json, outlets.json and outlets.csv', 'reports/corpus')
    .option('--force', 'overwrite output files that parallax did not write')
    .option('-q, --quiet', 'print nothing but errors')
    .action((dir: string, flags: CorpusFlags) => {
      const tty = process.stderr.isTTY === true && !flags.quiet;
      const progress = tty
        ? (done: number, total: number, phase: 'read' | 'align') => process.stderr.write(`\r${phase === 'read' ? 'reading' : 'aligning stories'} ${done}/${total}\u001b[K`)
        : undefined;
      const result = runCorpus(dir, flags.out, progress ? { progress } : {});
      if (tty) process.stderr.write('\r\u001b[K');
      writeOutputs(result.files, flags.force === true);
      if (flags.quiet) return;
      for (const s of result.skipped) process.stderr.write(`skipped ${s.reason}\n`);
      for (const d of result.duplicates) process.stderr.write(`skipped ${d.path}: same text as ${d.sameAs}\n`);
      process.stdout.write(`${result.articles} articles → ${result.stories} stories; wrote ${result.files.length} files to ${flags.out}\n`);
    });
}
