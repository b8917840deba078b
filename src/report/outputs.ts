/**
 * Which report files a run writes, rendered in memory first and then written atomically.
 */
import { basename, join, resolve } from 'node:path';
import type { Report } from '../core/types.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatHtml } from './html.js';
import { writeOutputs, type OutputFile } from './write.js';

export interface OutputFlags {
  json?: string;
  md?: string;
  html?: string;
  out?: string;
  pretty?: boolean;
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

/** Renders the requested outputs (all in memory first), then writes them atomically. */
export function writeReports(report: Report, paths: readonly string[], flags: OutputFlags, command: string): { written: string[]; stdout: string } {
  const files: OutputFile[] = [];
  let stdout = '';
  const fmt = { command };
  const json = () => formatJson(report, flags.pretty ?? false);
  if (flags.json === '-') stdout = json();
  else if (flags.json) files.push({ path: flags.json, content: json() });
  if (flags.md) files.push({ path: flags.md, content: formatMarkdown(report, fmt) });
  if (flags.html) files.push({ path: flags.html, content: formatHtml(report, fmt) });
  if (flags.out || (!flags.json && !flags.md && !flags.html)) {
    const dir = flags.out ?? 'reports';
    const name = reportName(paths);
    files.push(
      { path: join(dir, `${name}.json`), content: json() },
      { path: join(dir, `${name}.md`), content: formatMarkdown(report, fmt) },
      { path: join(dir, `${name}.html`), content: formatHtml(report, fmt) },
    );
  }
  writeOutputs(files, flags.force ?? false);
  return { written: files.map((f) => f.path), stdout };
}

