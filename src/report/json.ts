import type { Report } from '../core/types.js';

/** The report as JSON text (pure). `pretty` indents by two spaces. Ends with a newline. */
export function formatJson(report: Report, pretty = false): string {
  return `${JSON.stringify(report, null, pretty ? 2 : undefined)}\n`;
}
