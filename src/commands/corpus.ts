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
import { recordedCommand } from './recorded-command.js';
import { sanitizeTerminal } from '../core/escape.js';
import { pause, step } from '../core/interrupt.js';
import { stageFolder, swapFolder, writeStaged } from '../report/write.js';
import { DEFAULT_MIN_ARTICLES } from '../corpus/outlets.js';
import { InputError } from '../core/errors.js';
import { counted } from '../core/finding-kinds.js';
import { outletsOption, type OutletsFlag } from './outlets-option.js';
import { fetchInputs } from './urls.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../ingest/fetch.js';
import { parseTimeoutMs } from '../core/limits.js';
import { dirname, join } from 'node:path';

interface CorpusFlags {
  out: string;
  pages?: string;
  fetchTimeoutMs?: number;
  quiet?: boolean;
  minConfidence?: number;
  outlets?: OutletsFlag;
  minArticles?: number;
}

function parseMinArticles(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InputError('bad --min-articles', {
      expected: 'a whole number of articles, at least 1',
      found: JSON.stringify(value),
      hint: `e.g. --min-articles ${DEFAULT_MIN_ARTICLES}`,
    });
  }
  return Number(value);
}

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('group a large folder of articles into stories and compare outlets')
    .argument('<paths...>', 'folders of articles (or files, or http(s) URLs of pages to fetch)')
    .option('--pages <dir>', 'folder for the pages fetched from URLs (default: pages/ beside the --out folder)')
    .addOption(new Option('--fetch-timeout-ms <ms>', `longest time to fetch one URL (default ${DEFAULT_FETCH_TIMEOUT_MS})`).argParser(parseTimeoutMs))
    .option('--out <dir>', 'the folder to (re)write: stories/, stories.json, outlets.json, outlets.csv, articles.csv and findings.csv', 'reports/corpus')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(minConfidenceOption(Option))
    .addOption(outletsOption(Option))
    .addOption(
      new Option('--min-articles <n>', `least articles an outlet needs for a row in outlets.csv/json (default ${DEFAULT_MIN_ARTICLES})`).argParser(
        parseMinArticles,
      ),
    )
    .action(async (paths: string[], flags: CorpusFlags) => {
      // URLs: fetched and saved first (a page that fails is left out with a notice, as an unreadable file is).
      const notice = (text: string) => (flags.quiet ? undefined : process.stderr.write(`parallax: ${sanitizeTerminal(text, true)}\n`));
      const { inputs, pageUrls } = await fetchInputs(
        paths,
        {
          pages: flags.pages ?? join(dirname(flags.out), 'pages'),
          keepGoing: true,
          ...(flags.fetchTimeoutMs === undefined ? {} : { fetchTimeoutMs: flags.fetchTimeoutMs }),
        },
        notice,
      );
      const tty = process.stderr.isTTY === true && !flags.quiet;
      const progress = tty
        ? (done: number, total: number, phase: 'read' | 'align') =>
            process.stderr.write(`\r${phase === 'read' ? 'reading' : 'aligning stories'} ${done}/${total}\u001b[K`)
        : undefined;
      const staging = stageFolder(flags.out);
      // One step (Ctrl-C stops it at once, see core/interrupt.ts). Story files are written as
      // each story is done, so the reports are never all in memory.
      const shown = {
        ...(flags.minConfidence === undefined ? {} : { minConfidence: flags.minConfidence }),
        ...(flags.outlets ? { outletMap: flags.outlets.entries } : {}),
        ...(flags.minArticles === undefined ? {} : { minArticles: flags.minArticles }),
        ...(Object.keys(pageUrls).length ? { pageUrls } : {}),
        command: recordedCommand('parallax corpus', inputs, flags),
      };
      // Corpus mode's own modules are loaded only for this command (not at every start-up).
      const { runCorpus } = await import('../corpus/run.js');
      await pause();
      const { result, written } = step(() => {
        const r = runCorpus(inputs, staging, progress ? { progress, emit: writeStaged, ...shown } : { emit: writeStaged, ...shown });
        r.files.forEach(writeStaged);
        return { result: r, written: swapFolder(staging, flags.out) };
      });
      if (tty) process.stderr.write('\r\u001b[K');
      if (flags.quiet) return;
      const say = (line: string) => sanitizeTerminal(line, true);
      for (const s of result.skipped) process.stderr.write(`${say(`skipped ${s.reason}`)}\n`);
      for (const d of result.duplicates) process.stderr.write(`${say(`skipped ${d.path}: same text as ${d.sameAs}`)}\n`);
      for (const d of result.nearDuplicates)
        process.stderr.write(
          `${say(`possible versions of one article, both counted for ${d.outlet}: ${d.a} and ${d.b} (similarity ${d.similarity.toFixed(2)}; see nearDuplicates in stories.json)`)}\n`,
        );
      process.stdout.write(
        `${say(`${counted(result.articles, 'articles')} → ${result.stories} ${result.stories === 1 ? 'story' : 'stories'}; wrote ${counted(written.length, 'files')} to ${flags.out}`)}\n`,
      );
      const t = result.outlets;
      const left = [
        t.leftOut.length ? `${counted(t.leftOut.length, 'outlets')} with fewer articles left out` : '',
        t.withoutOutlet ? `${counted(t.withoutOutlet, 'articles')} without a known outlet` : '',
      ].filter(Boolean);
      process.stdout.write(
        `${say(`outlets: ${t.rows.length} with at least ${counted(t.minArticles, 'articles')}${left.length ? ` (${left.join('; ')}: see outlets.meta.json)` : ''}`)}\n`,
      );
    });
}
