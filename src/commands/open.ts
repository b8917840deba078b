/**
 * `parallax open REPORT.json`: browses a saved report in the terminal UI. The file is checked
 * before anything is drawn: JSON (with line and column of a syntax error), the report schema
 * (parseReport) and the offset rule (every span slices back to its article's text). A bad file
 * is an InputError (exit 2), never a crash. Without a terminal it prints the report's summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../core/errors.js';
import { lineColumn } from '../core/spans.js';
import { sanitizeTerminal } from '../core/escape.js';
import type { Report } from '../core/types.js';
import { offsetProblems, parseReport } from '../report/validate.js';
import { reportName, writeReports } from '../report/outputs.js';
import { formatSummary } from '../report/summary.js';

/** Reads and checks a saved report (see the module comment). */
export function readReportFile(file: string): Report {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('cannot read the report', {
      file,
      expected: 'a report file written by parallax analyze --json',
      found: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e),
      hint: 'check the path; write one with `parallax analyze corpus --json r.json`',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineColumn(raw, Math.min(Number(pos[1]), raw.length)) : undefined;
    throw new InputError('the report is not valid JSON', {
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
      expected: 'JSON as parallax analyze --json writes it',
      found: raw.trim() === '' ? 'an empty file' : msg.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/, "[^]*$/, ''),
      hint: 'write the report again with `parallax analyze … --json FILE`',
    });
  }
  const report = parseReport(json, file);
  const problems = offsetProblems(report);
  if (problems.length > 0) {
    throw new InputError('the report breaks the offset rule', {
      file,
      expected: 'every span to slice back to its article text, outside boilerplate',
      found: `${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      hint: 'write the report again with `parallax analyze … --json FILE` rather than editing it',
    });
  }
  return report;
}

export function registerOpenCommand(program: Command): void {
  program
    .command('open')
    .description('browse a saved report (the JSON of parallax analyze --json) in the terminal')
    .argument('<report>', 'a report file, e.g. reports/corpus.json')
    .action(async (file: string) => {
      const report = readReportFile(file);
      if (!process.stdout.isTTY || !process.stdin.isTTY) {
        process.stdout.write(formatSummary(report, []));
        return;
      }
      const what = sanitizeTerminal(file, true);
      (await import('../ui/start-frame.js')).writeStartFrame(process.stdout, what);
      const { launchTui } = await import('../ui/launch.js');
      await launchTui(report, {
        what,
        exportMarkdown: (r) => writeReports(r, [file], { md: join('reports', `${reportName([file])}.md`) }, `parallax open ${file}`).written[0]!,
      });
    });
}
