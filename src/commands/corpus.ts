/**
 * `parallax corpus DIR [--out DIR]`: many articles about many stories → stories → per-story
 * reports (JSON and markdown), outlet aggregates (outlets.json, outlets.csv) and stories.json.
 */
import { Option, type Command } from 'commander';
import { minConfidenceOption } from './confidence-option.js';
import { runCorpus } from '../corpus/run.js';
import { writeOutputs, type OutputFile } from '../report/write.js';

interface CorpusFlags {
  out: string;
  force?: boolean;
  quiet?: boolean;
  minConfidence?: number;
}

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('group a large folder of articles into stories and compare outlets')
    .argument('<dir>', 'folder of articles')
    .option('--out <dir>', 'where to write stories/, stories.json, outlets.json and outlets.csv', 'reports/corpus')
    .option('--force', 'overwrite output files that parallax did not write')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(minConfidenceOption(Option))
    .action((dir: string, flags: CorpusFlags) => {
      const tty = process.stderr.isTTY === true && !flags.quiet;
      const progress = tty
        ? (done: number, total: number, phase: 'read' | 'align') => process.stderr.write(`\r${phase === 'read' ? 'reading' : 'aligning stories'} ${done}/${total}\u001b[K`)
        : undefined;
      // Story files are written as each story is done, so the reports are never all in memory.
      let written = 0;
      const emit = (f: OutputFile) => {
        writeOutputs([f], flags.force === true);
        written++;
      };
      const shown = flags.minConfidence === undefined ? {} : { minConfidence: flags.minConfidence };
      const result = runCorpus(dir, flags.out, progress ? { progress, emit, ...shown } : { emit, ...shown });
      if (tty) process.stderr.write('\r\u001b[K');
      writeOutputs(result.files, flags.force === true);
      written += result.files.length;
      if (flags.quiet) return;
      for (const s of result.skipped) process.stderr.write(`skipped ${s.reason}\n`);
      for (const d of result.duplicates) process.stderr.write(`skipped ${d.path}: same text as ${d.sameAs}\n`);
      process.stdout.write(`${result.articles} articles → ${result.stories} stories; wrote ${written} files to ${flags.out}\n`);
    });
}
