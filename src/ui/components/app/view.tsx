/**
 * The report browser: header with the screen tabs, the current screen in a scrolling viewport,
 * a footer with filter, search and messages, and the help overlay. Reads the report through the
 * view model; all logic is in `use-app-state.ts`.
 */
import { useEffect, useMemo } from 'react';
import { Box, useInput } from 'ink';
import { useTerminalLifecycle, useTerminalSize } from '../terminal/use-terminal.js';
import type { Report } from '../../../core/types.js';
import { buildModel } from '../../model.js';
import { viewportTop } from '../../screens/index.js';
import { browserHelp, helpTop } from '../../screens/help.js';
import { themeHasColour, type Theme } from '../../theme.js';
import { sanitizeTerminal } from '../../../core/escape.js';
import { Lines } from '../lines/view.js';
import { frameLines } from './frame.js';
import { bodyHeight, current, screenOf, splitKeys, useAppState } from './use-app-state.js';

export { frameLines } from './frame.js';

export interface AppProps {
  report: Report;
  theme: Theme;
  /** Writes the markdown report and returns its path (the `e` key). */
  exportMarkdown: () => string;
  /** Fixed size (tests); otherwise the terminal's, following 'resize'. */
  width?: number;
  height?: number;
}

export function App({ report, theme, exportMarkdown, width, height }: AppProps) {
  const model = useMemo(() => buildModel(report), [report]);
  const size = useTerminalSize(width, height);
  const [state, dispatch] = useAppState(model, size().w, size().h, themeHasColour(theme));

  useTerminalLifecycle(size, width, dispatch, state.quit);

  useEffect(() => {
    if (state.exports === 0) return;
    try {
      dispatch({ type: 'message', text: `Markdown report written to ${sanitizeTerminal(exportMarkdown(), true)}` });
    } catch (e) {
      dispatch({ type: 'message', text: `Export failed: ${sanitizeTerminal(String((e as Error).message), true)}` });
    }
  }, [state.exports]);

  useInput((input, key) => {
    for (const k of splitKeys(input, key)) dispatch({ type: 'key', ...k });
  });

  const out = screenOf(model, state);
  const body = state.help
    ? { title: 'Help', lines: browserHelp(state.width), search: false }
    : { title: out.title, lines: out.lines, search: out.search !== false };
  const top = state.help ? helpTop(state.helpScroll, body.lines.length, bodyHeight(state)) : viewportTop(out, current(state).cursor, bodyHeight(state));
  const lines = frameLines(state, body, top);
  // No <Static> here: the browser is full-screen in the alternate buffer and every line of the
  // frame is live (screens, cursor, footer); nothing is ever final, so nothing is appended above.
  return (
    <Box flexDirection="column" width={state.width}>
      <Lines lines={lines} theme={theme} />
    </Box>
  );
}
