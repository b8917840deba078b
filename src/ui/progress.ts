/**
 * A progress line for long analyses (corpus mode): `[████····]  12/40  30%  path/to/file.md`,
 * exactly `width` columns or fewer. Pure; `components/progress/view.tsx` draws it with ink,
 * and plain terminals can write it with `\r`.
 */
import { sanitizeTerminal } from '../core/escape.js';
import { bar } from './screens/overview.js';
import { truncate } from './text.js';

/**
 * `done` of `total` items finished (0-based count, `done <= total`), `file` the one being read.
 * The bar takes a quarter of the width (at least 10 columns), the file name gets what is left.
 */
export function renderProgress(done: number, total: number, file: string, width: number): string {
  const d = Math.max(0, Math.min(done, total));
  const share = total > 0 ? d / total : 1;
  const counts = ` ${String(d).padStart(String(total).length)}/${total} ${`${Math.floor(share * 100)}%`.padStart(4)} `;
  const barWidth = Math.max(10, Math.floor(width / 4));
  const head = `[${bar(share, 1, barWidth)}]${counts}`;
  return truncate(`${head}${sanitizeTerminal(file, true)}`, width);
}
