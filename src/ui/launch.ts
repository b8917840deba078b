/**
 * Opens the interactive terminal UI on a report. Imported lazily by the CLI so that
 * non-interactive runs never load ink/React. Uses the terminal's alternate screen so that
 * quitting restores what was there before. The report may still be on its way: then a loading
 * frame with live progress shows until it is ready (the analysis runs here, outside the views).
 */
import './tty-env.js';
import { createElement } from 'react';
import { render } from 'ink';
import type { Report } from '../core/types.js';
import { App } from './components/app/view.js';
import { ExerciseApp } from './components/exercise/view.js';
import { buildExercise, toolKey, type KeyMark } from './exercise/model.js';
import type { ExerciseResult } from './exercise/result.js';
import { Loading } from './components/loading/view.js';
import { ENTER_ALT, LEAVE_ALT, startFrameShown, type LoadProgress } from './start-frame.js';
import { colourSupported, createTheme } from './theme.js';

export interface LaunchOptions {
  /** Called when the user presses `e`: writes the markdown report and returns its path. */
  exportMarkdown: (report: Report) => string;
  /** What is analysed, for the loading frame (e.g. "corpus"; sanitised by the caller). */
  what?: string;
}

/** A finished report, or the analysis that makes it (reporting progress as it goes). */
export type ReportSource = Report | ((onProgress: (progress: LoadProgress) => void) => Promise<Report>);

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

/**
 * Shows the report browser until the user quits. Given the analysis instead of a report, draws
 * the loading frame at once (over the plain start frame, when `writeStartFrame` wrote one), runs
 * the analysis with its progress shown, then opens the overview. Quitting while it runs returns
 * without a browser; an analysis error leaves the alternate screen and is thrown.
 */
export async function launchTui(source: ReportSource, options: LaunchOptions): Promise<void> {
  const theme = createTheme(colourSupported(process.env, process.stdout));
  const out = process.stdout;
  const app = (report: Report) => createElement(App, { report, theme, exportMarkdown: () => options.exportMarkdown(report) });
  const loading = (progress: LoadProgress | null) => createElement(Loading, { theme, what: options.what ?? 'the articles', progress });
  // The plain start frame is already in the alternate screen: clear it, ink draws from the top.
  out.write(startFrameShown() ? '\u001b[2J\u001b[H' : ENTER_ALT);
  const instance = render(typeof source === 'function' ? loading(null) : app(source), { exitOnCtrlC: true, patchConsole: false });
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
      instance.rerender(app(report));
    }
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    out.write(LEAVE_ALT);
  }
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
