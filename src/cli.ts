#!/usr/bin/env node
/**
 * The command line: argv → command. The only module that touches process.exit, argv and where
 * files are written. Exit codes: 0 ok, 2 bad input or options, 70 internal error (a bug).
 */
import { existsSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from './core/errors.js';

import { PACKAGE_ROOT, VERSION } from './core/version.js';
import { ANALYSIS_NAMES, analysePaths, analysePathsAsync, splitDisable, type AnalyseOptions } from './pipeline.js';
import { DEFAULT_TIMEOUT_MS, parseTimeoutMs, runBudget, withBudget } from './core/limits.js';
import { enableInterrupts, Interrupted, pause, step } from './core/interrupt.js';
import { expandInputs } from './ingest/files.js';
import { removeTempFiles, writeProgress } from './report/write.js';
import { sanitizeTerminal } from './core/escape.js';
import { leaveAltScreenNow } from './ui/alt-screen.js';
import { formatSummary } from './report/summary.js';
import { checkOutputFlags, reportName, writeReports, type OutputFlags } from './report/outputs.js';
import { FORMAT_NAMES, FORMATS } from './report/formats.js';
import { MARKDOWN_STYLES } from './report/markdown.js';
import { registerCorpusCommand } from './commands/corpus.js';
import { registerExerciseCommand } from './commands/exercise.js';
import { minConfidenceOption } from './commands/confidence-option.js';
import { registerOpenCommand } from './commands/open.js';
import { outletsOption, type OutletsFlag } from './commands/outlets-option.js';
import { recordedCommand } from './commands/recorded-command.js';
import { misspeltCommand, usageError } from './commands/usage.js';
import { fetchInputs } from './commands/urls.js';
import { DEFAULT_FETCH_TIMEOUT_MS, isUrl } from './ingest/fetch.js';

export const EXIT = { ok: 0, failOn: 1, badInput: 2, internal: 70, interrupted: 130 } as const;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseBytes(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new InputError('bad --max-bytes', { expected: 'a size such as 5000000, 500k or 20m', found: JSON.stringify(value) });
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

/** The default input: ./corpus when it exists, else the bundled corpus. */
function defaultCorpus(): string {
  return existsSync('corpus') ? 'corpus' : join(PACKAGE_ROOT, 'corpus');
}

function analyseOptions(flags: AnalyzeFlags, paths: readonly string[] = []): AnalyseOptions {
  const o: AnalyseOptions = {};
  // --keep-going is the default when a folder is given: one bad file does not refuse the batch.
  o.keepGoing = flags.keepGoing ?? paths.some((p) => isDirectory(p) && !isUrl(p));
  if (flags.lexicons) o.dirs = flags.lexicons.map((d) => resolve(d));
  if (flags.disable) {
    const { analyses, categories } = splitDisable(flags.disable);
    if (categories.length) o.disable = categories;
    if (analyses.length) o.disableAnalyses = analyses;
  }
  if (flags.maxBytes !== undefined) o.maxBytes = flags.maxBytes;
  if (flags.timeoutMs !== undefined) o.timeoutMs = flags.timeoutMs;
  if (flags.minConfidence !== undefined) o.minConfidence = flags.minConfidence;
  if (flags.outlets) o.outletMap = flags.outlets.entries;
  return o;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type AnalyzeFlags = OutputFlags & {
  timeoutMs?: number;
  progress?: boolean;
  minConfidence?: number;
  keepGoing?: boolean;
  outlets?: OutletsFlag;
  pages?: string;
  fetchTimeoutMs?: number;
  maxBytes?: number;
};

/** A notice on stderr (never with --quiet); names go through the one sanitiser. */
const notice = (flags: { quiet?: boolean }, text: string) => {
  if (!flags.quiet) process.stderr.write(`parallax: ${sanitizeTerminal(text, true)}\n`);
};

/**
 * V8's old-generation growth factor for `analyze`, in percent (as corpus mode's, see
 * corpus/run.ts). Alignment and rendering allocate fast around ~200 MB of live data at 200
 * articles, and V8 let the heap grow to ~670 MB before collecting (peak RSS ~850 MB); growing by
 * at most 30% kept it at 440–460 MB, CPU within the noise (load 10).
 */
const ANALYZE_HEAP_GROWING_PERCENT = 30;

async function runAnalyze(paths: string[], flags: AnalyzeFlags, command: string): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${ANALYZE_HEAP_GROWING_PERCENT}`);
  checkOutputFlags(flags);
  const progress = flags.progress
    ? (path: string, i: number, n: number) => process.stderr.write(`parallax: [${i + 1}/${n}] ${sanitizeTerminal(path, true)}\n`)
    : undefined;
  // URLs: fetched and saved beside the report first; their saved pages are analysed in their place.
  const { inputs, pageUrls } = await fetchInputs(paths, flags, (text) => notice(flags, text));
  const options: AnalyseOptions = { ...analyseOptions(flags, paths), ...(Object.keys(pageUrls).length ? { pageUrls } : {}) };
  const { files, repeated, ownReports } = expandInputs(inputs);
  for (const r of repeated) notice(flags, `${r} was given more than once: analysed once`);
  for (const r of ownReports) notice(flags, `skipped ${r}: a report parallax wrote, not an article`);
  // One step (Ctrl-C stops it at once, see core/interrupt.ts) under one time budget over the
  // whole run (--timeout-ms per article), checked inside the alignment and the rendering too,
  // besides each article's own budget.
  await pause();
  const { report, written, stdout } = step(() =>
    withBudget(runBudget(files, options), () => {
      const r = analysePaths(files, { ...options, inputs }, progress);
      return { report: r, ...writeReports(r, paths.some(isUrl) ? inputs : paths, flags, command) };
    }),
  );
  for (const s of report.skipped ?? []) notice(flags, `skipped ${s.path}: ${s.reason}`);
  if (stdout) process.stdout.write(stdout);
  else if (!flags.quiet) process.stdout.write(formatSummary(report, written));
}

function addAnalyzeOptions(cmd: Command): Command {
  for (const name of FORMAT_NAMES) cmd.option(`--${name} <file>`, FORMATS[name].help);
  const each = FORMAT_NAMES.map((n) => `NAME.${FORMATS[n].extension}`);
  return cmd
    .option('--out <dir>', `write ${each.slice(0, -1).join(', ')} and ${each[each.length - 1]} into DIR (default reports/ when no other output is given)`)
    .option('--pretty', 'indent the JSON report')
    .addOption(
      new Option(
        '--md-style <style>',
        'style of the markdown report (--md FILE, or NAME.md of --out DIR): report (everything) or handout (short and printable: legend, marked versions, questions for discussion)',
      ).choices(MARKDOWN_STYLES),
    )
    .option('--force', 'overwrite output files that parallax did not write')
    .option('--lexicons <dir>', 'also load the lexicons in DIR (repeatable)', collect)
    .option('--disable <name>', `leave out an analysis (${ANALYSIS_NAMES.join(', ')}) or a marker category, e.g. hedge (repeatable)`, collect)
    .addOption(new Option('--max-bytes <size>', 'largest article file read (default 5m)').argParser(parseBytes))
    .addOption(new Option('--timeout-ms <ms>', `longest time one article may take (default ${DEFAULT_TIMEOUT_MS})`).argParser(parseTimeoutMs))
    .option('--progress', 'print each article to stderr as it is read')
    .option('--pages <dir>', 'folder for the pages fetched from URLs, kept so the offsets stay reproducible (default: pages/ beside the report)')
    .addOption(new Option('--fetch-timeout-ms <ms>', `longest time to fetch one URL (default ${DEFAULT_FETCH_TIMEOUT_MS})`).argParser(parseTimeoutMs))
    .addOption(minConfidenceOption(Option))
    .addOption(outletsOption(Option))
    .option('--keep-going', 'leave out files that cannot be analysed (listed with the reason) instead of stopping (default when a folder is given)')
    .option('--no-keep-going', 'stop at the first file that cannot be analysed')
    .option('-q, --quiet', 'print nothing but errors');
}

export function buildProgram(): Command {
  const program = new Command('parallax')
    .description('Shows how news outlets frame the same story: aligned events, loaded terms, attribution, unsourced claims.')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError()
    .exitOverride()
    // Commander prints nothing: its errors become InputErrors in the expected/found/fix form (main).
    .configureOutput({ outputError: () => undefined })
    .enablePositionalOptions()
    .argument(
      '[paths...]',
      'articles (files or folders) to open in the terminal browser, or to write reports for without a terminal (default: the bundled corpus)',
    )
    .addOption(minConfidenceOption(Option));
  addAnalyzeOptions(
    program
      .command('analyze')
      .alias('analyse')
      .description('analyse articles (files, directories or http(s) URLs) and write reports')
      .argument('<paths...>', 'article files (.txt, .md, .html), directories or http(s) URLs'),
  ).action(async (paths: string[], flags: AnalyzeFlags) => runAnalyze(paths, flags, recordedCommand('parallax analyze', [...paths].sort(), flags)));
  registerCorpusCommand(program);
  registerExerciseCommand(program);
  registerOpenCommand(program);
  program.action(async (paths: string[]) => {
    // A first word that is no path but close to a command is a misspelt command (`anaylze`).
    const misspelt = paths.length ? misspeltCommand(paths[0]!, program, existsSync) : null;
    if (misspelt) throw misspelt;
    const inputs = paths.length ? paths : [defaultCorpus()];
    const corpus = inputs.length === 1 ? inputs[0]! : `${inputs.length} paths`;
    const { minConfidence } = program.opts<{ minConfidence?: number }>();
    const shown: AnalyseOptions = minConfidence === undefined ? {} : { minConfidence };
    const command = recordedCommand('parallax', [...paths].sort(), shown);
    if (process.stdout.isTTY && process.stdin.isTTY) {
      // First frame at once (plain, before ink loads), then ink with live progress while the corpus
      // is analysed, then the browser on the finished report.
      // URLs fetched and bad paths refused before the screen changes (exit 2 with the usual message).
      const fetched = await fetchInputs(inputs, {}, (text) => notice({}, text));
      expandInputs(fetched.inputs);
      const what = sanitizeTerminal(corpus, true);
      (await import('./ui/start-frame.js')).writeStartFrame(process.stdout, what);
      const { launchTui } = await import('./ui/launch.js');
      const options: AnalyseOptions = { ...shown, ...(Object.keys(fetched.pageUrls).length ? { pageUrls: fetched.pageUrls } : {}) };
      await launchTui((onProgress) => analysePathsAsync(fetched.inputs, options, (file, done, total) => onProgress({ done, total, file })), {
        what,
        exportMarkdown: (report) => writeReports(report, fetched.inputs, { md: join('reports', `${reportName(fetched.inputs)}.md`) }, command).written[0]!,
      });
      // Quitting while the analysis still runs returns here at once: do not wait for it to finish.
      process.exit(EXIT.ok);
    }
    // Without a terminal: write the reports for those articles and print a summary.
    await runAnalyze(inputs, shown, command);
  });
  return program;
}

function fail(message: string, code: number): never {
  // File names and found values come from the user: never let them drive the terminal.
  writeSync(2, `parallax: ${sanitizeTerminal(message, true)}\n`); // synchronously: the process exits right after
  process.exit(code);
}

/**
 * Ctrl-C (SIGINT): leaves the terminal UI's alternate screen, removes the temporaries of any write in progress, says which reports are
 * complete, and exits 130. Every report file on disk is then whole (writes are temp + rename).
 */
function onInterrupt(): never {
  leaveAltScreenNow(); // Ctrl-C during the terminal UI's loading frame: give the user's screen back first
  removeTempFiles();
  const { planned, written } = writeProgress();
  const list = written.length ? `: ${written.map((w) => sanitizeTerminal(w, true)).join(', ')}` : '';
  // Written synchronously: the process exits right after.
  writeSync(2, planned === 0 ? 'parallax: interrupted — no report written\n' : `parallax: interrupted — wrote ${written.length} of ${planned} files${list}\n`);
  process.exit(EXIT.interrupted);
}

/**
 * V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code
 * on a later run ("tier-up"); parallax's cue, lexicon and pattern expressions are large
 * (case-insensitive Unicode alternations of hundreds of words) and nearly all run many times, so
 * compiling each twice is wasted: ~5% of `analyze corpus`'s CPU. Same matches either way.
 */
const V8_REGEXP_FLAGS = '--no-regexp-tier-up';

export async function main(argv: string[]): Promise<void> {
  setFlagsFromString(V8_REGEXP_FLAGS);
  process.once('SIGINT', onInterrupt);
  enableInterrupts();
  // A reader that stops early (`parallax ... --json - | head`) is not an error: stop quietly.
  // Any other failure to write it (a full disk, /dev/full) is unwritable output: one line, exit 2, no stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    const found = e.code === 'ENOSPC' ? 'no space left on its device' : (e.code ?? e.message);
    fail(
      new InputError('cannot write to standard output', {
        expected: 'standard output that takes the report',
        found,
        hint: 'free space there, or write the report to a file on another device (--md FILE, --out DIR)',
      }).format(),
      EXIT.badInput,
    );
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(0);
      fail(usageError(e, argv.slice(2), program).format(), EXIT.badInput);
    }
    if (e instanceof Interrupted) onInterrupt();
    if (e instanceof InputError) fail(e.format(), EXIT.badInput);
    if (process.env['PARALLAX_DEBUG']) console.error(e);
    fail(`internal error: ${(e as Error).message ?? e} (a bug: please report it; set PARALLAX_DEBUG=1 for details)`, EXIT.internal);
  }
}

await main(process.argv);
