/** The short plain-text summary printed after a non-interactive run (pure). */
import type { Report } from '../core/types.js';
import { sanitizeTerminal } from '../core/escape.js';

export function formatSummary(report: Report, written: readonly string[]): string {
  const lines: string[] = [];
  const multi = report.events.filter((e) => e.articles.length > 1).length;
  lines.push(`parallax ${report.tool.version}: ${report.articles.length} articles, ${report.events.length} events (${multi} shared), ${report.findings.length} findings`);
  for (const a of report.articles) {
    const fs = report.findings.filter((f) => f.article === a.id);
    const count = (k: string) => fs.filter((f) => f.kind === k).length;
    lines.push(`  ${a.id} ${sanitizeTerminal(a.label, true)}: ${a.words} words, ${count('loaded')} loaded terms, ${count('attribution')} attributions, ${count('unsourced')} unsourced`);
    for (const n of a.notices ?? []) lines.push(`    notice: ${sanitizeTerminal(n, true)}`);
  }
  for (const w of written) lines.push(`wrote ${sanitizeTerminal(w, true)}`);
  return `${lines.join('\n')}\n`;
}
