/**
 * Opens the interactive terminal UI on a report. Imported lazily by the CLI so that
 * non-interactive runs never load ink/React. Uses the terminal's alternate screen so that
 * quitting restores what was there before. The report may still be on its way: then a loading
 * frame with live progress shows until it is ready (the analysis runs here, outside the views).
 */
import './tty-env.js';
import { createElement, type ReactElement } from 'react';
import { render } from 'ink';
import type { Report } from '../core/types.js';
import { App } from './components/app/view.js';
import { ExerciseApp } from './components/exercise/view.js';
import { buildExercise, toolKey, type KeyMark } from './exercise/model.js';
import type { ExerciseResult } from './exercise/result.js';
import { Loading } from './components/loading/view.js';
import { startFrameShown, type LoadingFor, type LoadProgress } from './start-frame.js';
import { enterAltScreen, leaveAltScreen } from './alt-screen.js';
import { colourSupported, createTheme, type Theme } from './theme.js';

export interface LaunchOptions {
  /** Called when the user presses `e`: writes the markdown report and returns its path. */
  exportMarkdown: (report: Report) => string;
  /** What is analysed, for the loading frame (e.g. "corpus"; sanitised by the caller). */
  what?: string;
}

/** A finished report, or the analysis that makes it (reporting progress as it goes). */
export type ReportSource = Report | ((onProgress: (progress: LoadProgress) => void) => Promise<Report>);

/**
 * Shows `view(report)` full-screen in the alternate screen until the user quits. Given the
 * analysis instead of a report, draws the loading frame at once (over the plain start frame, when
 * `writeStartFrame` wrote one), runs the analysis with its progress shown, then the view. Quitting
 * while it runs returns without the view; an error of the analysis or of `view` leaves the
 * alternate screen and is thrown.
 */
async function showWithLoading(source: ReportSource, what: string, target: LoadingFor, theme: Theme, view: (report: Report) => ReactElement): Promise<void> {
  const out = process.stdout;
  const loading = (progress: LoadProgress | null) => createElement(Loading, { theme, what, progress, target });
  // The plain start frame is already in the alternate screen: clear it, ink draws from the top.
  if (startFrameShown()) out.write('\u001b[2J\u001b[H');
  else enterAltScreen(out);
  const instance = render(typeof source === 'function' ? loading(null) : view(source), { exitOnCtrlC: true, patchConsole: false });
  try {
    if (typeof source === 'function') {
      let quit = false;
      const exited = instance.waitUntilExit().then(() => {
        quit = true;
        return null;
      });
      const analysis = source((p) => {
        if (!quit) instance.rerender(loading(p));
      });
      analysis.catch(() => undefined); // still running after a quit: its outcome no longer matters
      const report = await Promise.race([analysis, exited]);
      if (report === null) return;
      instance.rerender(view(report));
    }
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leaveAltScreen(out);
  }
}

/** Shows the report browser (after the loading frame, given the analysis) until the user quits. */
export async function launchTui(source: ReportSource, options: LaunchOptions): Promise<void> {
  const theme = createTheme(colourSupported(process.env, process.stdout));
  await showWithLoading(source, options.what ?? 'the articles', 'browser', theme, (report) =>
    createElement(App, { report, theme, exportMarkdown: () => options.exportMarkdown(report) }),
  );
}

export interface ExerciseLaunchOptions {
  /** A teacher's key read from the finished report (may throw an InputError); default: the tool's findings. */
  answerKey?: (report: Report) => KeyMark[];
  /** `tool` or `answers:<file>`. */
  keySource: string;
  /** Saves the result and returns the markdown path. */
  save: (result: ExerciseResult) => string;
  /** What is analysed, for the loading frame (sanitised by the caller). */
  what?: string;
}

/** Runs an exercise session (after the loading frame, given the analysis) until the student quits. */
export async function launchExercise(source: ReportSource, options: ExerciseLaunchOptions): Promise<void> {
  const theme = createTheme(colourSupported(process.env, process.stdout));
  await showWithLoading(source, options.what ?? 'the articles', 'exercise', theme, (report) =>
    createElement(ExerciseApp, {
      exercise: buildExercise(report),
      answerKey: options.answerKey ? options.answerKey(report) : toolKey(report),
      keySource: options.keySource,
      theme,
      save: options.save,
    }),
  );
}
