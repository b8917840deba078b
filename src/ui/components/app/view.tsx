/**
 * The report browser: header with the screen tabs, the current screen in a scrolling viewport,
 * a footer with filter, search and messages, and the help overlay. Reads the report through the
 * view model; all logic is in `use-app-state.ts`.
 */
import { useEffect, useMemo } from 'react';
import { Box, useApp, useInput, useStdout } from 'ink';
import type { Report } from '../../../core/types.js';
import { buildModel } from '../../model.js';
import { viewportTop } from '../../screens/index.js';
import { helpLines, KEYS } from '../../screens/help.js';
import { TOP_SCREENS } from '../../screens/types.js';
import type { Theme } from '../../theme.js';
import { truncateLine, type Line } from '../../text.js';
import { sanitizeTerminal } from '../../../core/escape.js';
import { Lines } from '../lines/view.js';
import { bodyHeight, current, screenOf, splitKeys, useAppState, type AppState } from './use-app-state.js';

export interface AppProps {
  report: Report;
  theme: Theme;
  /** Writes the markdown report and returns its path (the `e` key). */
  exportMarkdown: () => string;
  /** Fixed size (tests); otherwise the terminal's, following 'resize'. */
  width?: number;
  height?: number;
}

const TAB_NAMES = { overview: 'Overview', events: 'Events', actors: 'Actors', sources: 'Sources' } as const;

function header(state: AppState, title: string): Line {
  const line: Line = [{ text: 'parallax ', role: 'title' }];
  const top = state.stack[0]!;
  for (const t of TOP_SCREENS) line.push({ text: ` ${TAB_NAMES[t]} `, role: t === top.screen ? 'tab-active' : 'tab' });
  if (state.stack.length > 1) line.push({ text: ` › ${title}`, role: 'heading' });
  return truncateLine(line, state.width);
}

function footer(state: AppState): Line {
  if (state.draft !== null) return truncateLine([{ text: '/', role: 'key' }, { text: `${state.draft}▏` }, { text: '  enter: search  esc: cancel', role: 'dim' }], state.width);
  if (state.message) return truncateLine([{ text: state.message, role: 'ok' }], state.width);
  const parts: Line = [{ text: `filter: ${state.filter}`, role: state.filter === 'all' ? 'dim' : 'key' }];
  if (state.query) parts.push({ text: ` · search: “${state.query}”`, role: 'key' });
  parts.push({ text: ' · ? help · q quit', role: 'dim' });
  return truncateLine(parts, state.width);
}

/** The whole frame as lines: exactly `state.height` rows of at most `state.width` columns. */
export function frameLines(state: AppState, body: { title: string; lines: Line[] }, top: number): Line[] {
  const h = bodyHeight(state);
  const visible = body.lines.slice(top, top + h).map((l) => truncateLine(l, state.width));
  while (visible.length < h) visible.push([]);
  return [header(state, body.title), ...visible, footer(state)];
}

export function App({ report, theme, exportMarkdown, width, height }: AppProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const model = useMemo(() => buildModel(report), [report]);
  const size = () => ({ w: width ?? stdout.columns ?? 80, h: height ?? Math.max(5, (stdout.rows ?? 24) - 1) });
  const [state, dispatch] = useAppState(model, size().w, size().h);

  useEffect(() => {
    if (width !== undefined) return;
    const onResize = () => dispatch({ type: 'resize', width: size().w, height: size().h });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, width]);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

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
    ? { title: 'Help', lines: helpLines('Keys', KEYS, state.width) }
    : { title: out.title, lines: out.lines };
  const top = state.help ? 0 : viewportTop(out, current(state).cursor, bodyHeight(state));
  const lines = frameLines(state, body, top);
  return (
    <Box flexDirection="column" width={state.width}>
      <Lines lines={lines} theme={theme} />
    </Box>
  );
}
