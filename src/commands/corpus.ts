/**
 * `parallax corpus DIR [--out DIR]`: many articles about many stories → stories → per-story
 * reports (JSON and markdown), outlet aggregates (outlets.json, outlets.csv) and stories.json.
 *
 * The output folder is written whole into a fresh staging folder beside it and swapped in when
 * complete (report/write.ts): a re-run never keeps story files of an earlier run, and an
 * interrupted or killed run leaves the earlier output as it was.
 */
import { Option, type Command } from 'commander';
import { minConfidenceOption } from './confidence-option.js';
import { runCorpus } from '../corpus/run.js';
import { sanitizeTerminal } from '../core/escape.js';
import { pause, step } from '../core/interrupt.js';
import { stageFolder, swapFolder, writeStaged } from '../report/write.js';

interface CorpusFlags {
  out: string;
  quiet?: boolean;
  minConfidence?: number;
}

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('group a large folder of articles into stories and compare outlets')
    .argument('<dir>', 'folder of articles')
    .option('--out <dir>', 'the folder to (re)write: stories/, stories.json, outlets.json and outlets.csv', 'reports/corpus')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(minConfidenceOption(Option))
    .action(async (dir: string, flags: CorpusFlags) => {
      const tty = process.stderr.isTTY === true && !flags.quiet;
      const progress = tty
        ? (done: number, total: number, phase: 'read' | 'align') => process.stderr.write(`\r${phase === 'read' ? 'reading' : 'aligning stories'} ${done}/${total}\u001b[K`)
        : undefined;
      const staging = stageFolder(flags.out);
      // One step (Ctrl-C stops it at once, see core/interrupt.ts). Story files are written as
      // each story is done, so the reports are never all in memory.
      const shown = flags.minConfidence === undefined ? {} : { minConfidence: flags.minConfidence };
      await pause();
      const { result, written } = step(() => {
        const r = runCorpus(dir, staging, progress ? { progress, emit: writeStaged, ...shown } : { emit: writeStaged, ...shown });
        r.files.forEach(writeStaged);
        return { result: r, written: swapFolder(staging, flags.out) };
      });
      if (tty) process.stderr.write('\r\u001b[K');
      if (flags.quiet) return;
      const say = (line: string) => sanitizeTerminal(line, true);
      for (const s of result.skipped) process.stderr.write(`${say(`skipped ${s.reason}`)}\n`);
      for (const d of result.duplicates) process.stderr.write(`${say(`skipped ${d.path}: same text as ${d.sameAs}`)}\n`);
      process.stdout.write(`${say(`${result.articles} articles → ${result.stories} stories; wrote ${written.length} files to ${flags.out}`)}\n`);
    });
}
