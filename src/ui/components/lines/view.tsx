/** Draws prepared lines (already fitted to the width) with the theme. Only draws. */
import { Box, Text } from 'ink';
import { sanitizeTerminal } from '../../../core/escape.js';
import type { Theme } from '../../theme.js';
import type { Line } from '../../text.js';

export interface LinesProps {
  lines: readonly Line[];
  theme: Theme;
}

/**
 * One `<Text>` per line, one nested `<Text>` per styled segment; never wraps. Each segment passes
 * through `sanitizeTerminal` once more here, where everything reaches the terminal: a screen that
 * forgot to (the exercise help's outlet names did) cannot send an escape sequence.
 */
export function Lines({ lines, theme }: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((s, j) => (
                <Text key={j} {...theme[s.role ?? 'plain']}>
                  {sanitizeTerminal(s.text, true)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
