/**
 * The report formats by name: each renders the typed Report to text (pure). The CLI makes one
 * `--NAME FILE` option per entry and the writer iterates them, so a new format is a module with
 * its formatter and one entry here (README "Adding an analysis / a format / a lexicon field").
 */
import type { Report } from '../core/types.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown, type MarkdownStyle } from './markdown.js';
import type { ReportView } from './view-model.js';

/** What every formatter may use besides the report. */
export interface RenderContext {
  /** The command that reproduces the report, shown in document formats. */
  command: string;
  /** Indent machine-readable output. */
  pretty: boolean;
  /** Style of the markdown output (`--md-style`): the full report or a handout. */
  mdStyle?: MarkdownStyle;
  /** The report's view model, built once and shared by the document formats (see view-model.ts). */
  view?: () => ReportView;
}

export interface ReportFormat {
  /** File extension of `--out` and default outputs (without the dot). */
  extension: string;
  /** Help text of the `--NAME FILE` option. */
  help: string;
  render(report: Report, context: RenderContext): string;
}

export const FORMATS = {
  json: { extension: 'json', help: 'write the JSON report to FILE ("-" for stdout)', render: (r, c) => formatJson(r, c.pretty) },
  md: {
    extension: 'md',
    help: 'write the markdown report to FILE ("-" for stdout)',
    render: (r, c) => formatMarkdown(r, { command: c.command, ...(c.mdStyle ? { style: c.mdStyle } : {}), ...(c.view ? { view: c.view() } : {}) }),
  },
  html: {
    extension: 'html',
    help: 'write the standalone HTML report to FILE ("-" for stdout)',
    render: (r, c) => formatHtml(r, { command: c.command, ...(c.view ? { view: c.view() } : {}) }),
  },
} as const satisfies Record<string, ReportFormat>;

export type FormatName = keyof typeof FORMATS;

/** The format names in registry order. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
