/**
 * Opens the interactive terminal UI on a report. Imported lazily by the CLI so that
 * non-interactive runs never load ink/React. (Placeholder until the TUI module lands.)
 */
import type { Report } from '../core/types.js';

export interface LaunchOptions {
  /** Called when the user presses `e`: writes the markdown report and returns its path. */
  exportMarkdown: () => string;
}

export async function launchTui(_report: Report, _options: LaunchOptions): Promise<void> {
  process.stdout.write('The terminal UI is not available yet.\n');
}
