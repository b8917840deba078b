/**
 * The frame while the analysis runs (before there is a report): `loadingLines` drawn with the
 * theme. Only draws; `q` or ctrl-c leaves. The analysis itself runs outside React (launch.ts),
 * which re-renders this with the progress it reports.
 */
import { Box, useApp, useInput, useStdout } from 'ink';
import { loadingLines, type LoadingFor, type LoadProgress } from '../../start-frame.js';
import type { Theme } from '../../theme.js';
import { Lines } from '../lines/view.js';

export interface LoadingProps {
  theme: Theme;
  /** What is being analysed, e.g. "corpus" (sanitised by the caller). */
  what: string;
  progress: LoadProgress | null;
  /** The screen that follows (its header is shown); default the browser. */
  target?: LoadingFor;
  /** Fixed size (tests); otherwise the terminal's. */
  width?: number;
  height?: number;
}

export function Loading({ theme, what, progress, target, width, height }: LoadingProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
  });
  const w = width ?? stdout.columns ?? 80;
  const h = height ?? Math.max(5, (stdout.rows ?? 24) - 1);
  return (
    <Box flexDirection="column" width={w}>
      <Lines lines={loadingLines(w, h, what, progress, target)} theme={theme} />
    </Box>
  );
}
