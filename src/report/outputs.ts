/**
 * Which report files a run writes, rendered in memory first and then written atomically. Every
 * format of the registry (formats.ts) is handled the same way.
 */
import { basename, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import { FORMAT_NAMES, FORMATS, type FormatName, type RenderContext, type ReportFormat } from './formats.js';
import { buildView, type ReportView } from './view-model.js';
import { writeOutputs, type PendingFile } from './write.js';
import type { MarkdownStyle } from './markdown.js';

/** `--json FILE`, `--md FILE`, … : one optional output file per format. */
export type FormatFlags = { [K in FormatName]?: string };

export interface OutputFlags extends FormatFlags {
  out?: string;
  pretty?: boolean;
  /** `--md-style`: `report` (default) or `handout`. */
  mdStyle?: MarkdownStyle;
  force?: boolean;
  lexicons?: string[];
  disable?: string[];
  maxBytes?: number;
  quiet?: boolean;
}

/** Report name for default outputs: the single directory's name, else "report". */
export function reportName(paths: readonly string[]): string {
  return paths.length === 1 ? basename(resolve(paths[0]!)).replace(/\.[^.]+$/, '') || 'report' : 'report';
}

/**
 * The one format written to standard output (`--NAME -`), if any. Standard output holds one
 * document, so two formats asking for it is a usage error, found before any analysis runs.
 */
export function stdoutFormat(flags: FormatFlags): FormatName | undefined {
  const asked = FORMAT_NAMES.filter((name) => flags[name] === '-');
  if (asked.length > 1) {
    throw new InputError('more than one report to standard output', {
      expected: 'at most one of --json -, --md -, --html -',
      found: asked.map((name) => `--${name} -`).join(', '),
      hint: 'give the other formats a file name, e.g. --md report.md',
    });
  }
  return asked[0];
}

/** True when a run writes every format as NAME.EXT: into `--out DIR`, or into reports/ when no output is given. */
function writesDefaultOutputs(flags: OutputFlags): boolean {
  return Boolean(flags.out) || FORMAT_NAMES.every((name) => !flags[name]);
}

/**
 * Checks the output flags before any analysis runs: at most one format on standard output
 * (`stdoutFormat`), and `--md-style` only with a markdown report to apply it to (else the style
 * would be silently dropped).
 */
export function checkOutputFlags(flags: OutputFlags): void {
  stdoutFormat(flags);
  if (flags.mdStyle !== undefined && !flags.md && !writesDefaultOutputs(flags)) {
    const given = FORMAT_NAMES.filter((name) => flags[name]).map((name) => `--${name} ${flags[name]}`);
    throw new InputError('--md-style without a markdown report', {
      expected: 'a markdown output for the style: --md FILE, --md - or --out DIR (its NAME.md)',
      found: `only ${given.join(', ')}`,
      hint: `add --md ${flags.mdStyle}.md, or leave out --md-style`,
    });
  }
}

/**
 * Renders the requested outputs and writes them atomically (all or none). Each file is rendered
 * when it is written and dropped before the next, so the formats' texts are never all in memory
 * at once; the document formats share one view model (buildView), built once.
 */
export function writeReports(report: Report, paths: readonly string[], flags: OutputFlags, command: string): { written: string[]; stdout: string } {
  const files: PendingFile[] = [];
  let stdout = '';
  let view: ReportView | undefined;
  const context: RenderContext = {
    command,
    pretty: flags.pretty ?? false,
    ...(flags.mdStyle ? { mdStyle: flags.mdStyle } : {}),
    view: () => (view ??= buildView(report, command)),
  };
  const render = (format: ReportFormat) => () => format.render(report, context);
  const toStdout = stdoutFormat(flags);
  for (const name of FORMAT_NAMES) {
    const format: ReportFormat = FORMATS[name];
    const target = flags[name];
    if (name === toStdout) stdout = render(format)();
    else if (target) files.push({ path: target, content: render(format) });
  }
  if (writesDefaultOutputs(flags)) {
    const dir = flags.out ?? 'reports';
    const name = reportName(paths);
    for (const f of FORMAT_NAMES) files.push({ path: join(dir, `${name}.${FORMATS[f].extension}`), content: render(FORMATS[f]) });
  }
  writeOutputs(
    files,
    flags.force ?? false,
    report.articles.map((a) => a.path),
  );
  return { written: files.map((f) => f.path), stdout };
}
