/**
 * The exercise session: the marking view, the help overlay and, after `r`, the results. On
 * reveal it calls `save` once (the command writes the markdown and JSON result) and shows the
 * path. All logic is in `use-exercise-state.ts`; lines come from `exercise/screen.ts`.
 */
import { useEffect, useMemo } from 'react';
import { Box, useInput } from 'ink';
import { useTerminalLifecycle, useTerminalSize } from '../terminal/use-terminal.js';
import { sanitizeTerminal } from '../../../core/escape.js';
import type { Exercise, KeyMark } from '../../exercise/model.js';
import { buildResult, type ExerciseResult } from '../../exercise/result.js';
import { exerciseHelp, markingLines, resultLines } from '../../exercise/screen.js';
import { helpTop } from '../../screens/help.js';
import type { Theme } from '../../theme.js';
import { truncateLine, type Line } from '../../text.js';
import { Lines } from '../lines/view.js';
import { splitKeys } from '../app/use-app-state.js';
import { useExerciseState } from './use-exercise-state.js';

export interface ExerciseAppProps {
  exercise: Exercise;
  /** The answer key (the tool's findings or the teacher's). */
  answerKey: readonly KeyMark[];
  /** `tool` or `answers:<file>`. */
  keySource: string;
  theme: Theme;
  /** Saves the result (markdown + JSON) and returns the markdown file's path. */
  save: (result: ExerciseResult) => string;
  width?: number;
  height?: number;
}

export function ExerciseApp({ exercise, answerKey, keySource, theme, save, width, height }: ExerciseAppProps) {
  const size = useTerminalSize(width, height);
  const helpOf = (w: number) => exerciseHelp(exercise, answerKey, keySource, w);
  const [state, dispatch] = useExerciseState(exercise, size().w, size().h, (w) => helpOf(w).length);

  useTerminalLifecycle(size, width, dispatch, state.quit);

  useEffect(() => {
    if (!state.revealed || state.savedTo !== null) return;
    try {
      dispatch({ type: 'saved', path: save(buildResult(exercise, state.marks, state.guesses, answerKey, keySource)) });
    } catch (e) {
      dispatch({ type: 'message', text: `Could not save the result: ${sanitizeTerminal(String((e as Error).message), true)}` });
    }
  }, [state.revealed]);

  useInput((input, key) => {
    for (const k of splitKeys(input, key)) dispatch({ type: 'key', ...k });
  });

  const body = state.height - 2;
  const results = useMemo(
    () => (state.revealed ? resultLines(exercise, state, answerKey, keySource) : null),
    [state.revealed, state.width, state.marks, state.guesses],
  );
  let title: Line;
  let lines: Line[];
  let top: number;
  let status: Line;
  const marking = markingLines(exercise, state);
  if (state.help) {
    title = marking.title;
    lines = helpOf(state.width);
    top = helpTop(state.helpScroll, lines.length, body);
    status = [{ text: 'Help · j/k scroll · q quit · any other key closes it', role: 'dim' }];
  } else if (results) {
    title = [{ text: 'parallax exercise — results', role: 'title' }];
    lines = results;
    top = Math.min(state.scroll, Math.max(0, results.length - body));
    status = [{ text: state.message ?? 'j/k scroll · q quit', role: state.message ? 'ok' : 'dim' }];
  } else {
    ({ title, lines, status } = marking);
    top = Math.min(Math.max(0, marking.focus - Math.floor(body / 3)), Math.max(0, lines.length - body));
  }
  const visible = lines.slice(top, top + body);
  while (visible.length < body) visible.push([]);
  return (
    <Box flexDirection="column" width={state.width}>
      <Lines lines={[truncateLine(title, state.width), ...visible, truncateLine(status, state.width)]} theme={theme} />
    </Box>
  );
}
