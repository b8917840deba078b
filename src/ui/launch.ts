/**
 * Opens the interactive terminal UI on a report. Imported lazily by the CLI so that
 * non-interactive runs never load ink/React. Uses the terminal's alternate screen so that
 * quitting restores what was there before.
 */
import { createElement } from 'react';
import { render } from 'ink';
import type { Report } from '../core/types.js';
import { App } from './components/app/view.js';
import { ExerciseApp } from './components/exercise/view.js';
import { buildExercise, toolKey, type KeyMark } from './exercise/model.js';
import type { ExerciseResult } from './exercise/result.js';
import { colourSupported, createTheme } from './theme.js';

export interface LaunchOptions {
  /** Called when the user presses `e`: writes the markdown report and returns its path. */
  exportMarkdown: () => string;
}

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';

/** Runs an ink element full-screen in the alternate screen buffer until it exits. */
export async function runFullScreen(element: Parameters<typeof render>[0]): Promise<void> {
  const out = process.stdout;
  out.write(ENTER_ALT);
  const instance = render(element, { exitOnCtrlC: true, patchConsole: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    out.write(LEAVE_ALT);
  }
}

/** Shows the report browser until the user quits. */
export async function launchTui(report: Report, options: LaunchOptions): Promise<void> {
  const theme = createTheme(colourSupported(process.env, process.stdout));
  await runFullScreen(createElement(App, { report, theme, exportMarkdown: options.exportMarkdown }));
}

export interface ExerciseLaunchOptions {
  /** A teacher's key; default: the tool's findings. */
  answerKey?: KeyMark[];
  /** `tool` or `answers:<file>`. */
  keySource: string;
  /** Saves the result and returns the markdown path. */
  save: (result: ExerciseResult) => string;
}

/** Runs an exercise session on a report until the student quits. */
export async function launchExercise(report: Report, options: ExerciseLaunchOptions): Promise<void> {
  const theme = createTheme(colourSupported(process.env, process.stdout));
  const exercise = buildExercise(report);
  const answerKey = options.answerKey ?? toolKey(report);
  await runFullScreen(createElement(ExerciseApp, { exercise, answerKey, keySource: options.keySource, theme, save: options.save }));
}
