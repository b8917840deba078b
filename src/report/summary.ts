/** The short plain-text summary printed after a non-interactive run (pure). */
import type { Report } from '../core/types.js';
import { sanitizeTerminal } from '../core/escape.js';
import { counted, FINDING_KIND_NAMES, FINDING_KINDS, type FindingKind } from '../core/finding-kinds.js';
import { describeThresholds, isShown } from '../core/confidence.js';
import { ONE_ARTICLE } from './view-model.js';

export function formatSummary(report: Report, written: readonly string[]): string {
  const lines: string[] = [];
  const multi = report.events.filter((e) => e.articles.length > 1).length;
  const shown = report.findings.filter((f) => isShown(f, report));
  const hidden = report.findings.length - shown.length;
  const below = hidden > 0 ? ` (${hidden} more below ${describeThresholds(report, (k) => FINDING_KINDS[k as FindingKind]?.noun ?? k)}, in the JSON)` : '';
  lines.push(
    `parallax ${report.tool.version}: ${counted(report.articles.length, 'articles')}, ${counted(report.events.length, 'events')} (${multi} shared), ${counted(shown.length, 'findings')}${below}`,
  );
  for (const a of report.articles) {
    const fs = shown.filter((f) => f.article === a.id);
    const counts = FINDING_KIND_NAMES.map((k) => counted(fs.filter((f) => f.kind === k).length, FINDING_KINDS[k].noun));
    lines.push(`  ${a.id} ${sanitizeTerminal(a.label, true)}: ${counted(a.words, 'words')}, ${counts.join(', ')}`);
    for (const n of a.notices ?? []) lines.push(`    notice: ${sanitizeTerminal(n, true)}`);
  }
  if (report.articles.length === 1) lines.push(ONE_ARTICLE);
  for (const w of written) lines.push(`wrote ${sanitizeTerminal(w, true)}`);
  return `${lines.join('\n')}\n`;
}
