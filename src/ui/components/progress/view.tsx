/** Ink component for `renderProgress`: one line, redrawn as `done` grows. Only draws. */
import { Text } from 'ink';
import { renderProgress } from '../../progress.js';

export interface ProgressProps {
  done: number;
  total: number;
  /** The file being analysed now. */
  file: string;
  /** Columns to use (the terminal width). */
  width: number;
}

export function Progress({ done, total, file, width }: ProgressProps) {
  return <Text wrap="truncate-end">{renderProgress(done, total, file, width)}</Text>;
}
