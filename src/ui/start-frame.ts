/**
 * The frame shown while the analysis runs, before the report exists: the browser's header, what
 * is being analysed with a progress line (`renderProgress`), and a footer. `loadingLines` is pure;
 * `writeStartFrame` writes it as plain text straight to the terminal — without ink or React, which
 * take most of a second to load — so the first frame appears at once; ink then draws the same
 * frame (with colours and live progress) over it. Importing this module loads no UI library.
 */
import { tabsHeader } from './components/app/frame.js';
import { renderProgress } from './progress.js';
import { plainText, truncateLine, type Line } from './text.js';
import { enterAltScreen } from './alt-screen.js';

/** How far the analysis is: `done` of `total` articles (0-based count), `file` the one being read. */
export interface LoadProgress {
  done: number;
  total: number;
  file: string;
}

/** What opens when the analysis is done: the report browser or the exercise. */
export type LoadingFor = 'browser' | 'exercise';

/**
 * The loading frame: exactly `height` rows of at most `width` columns, with the header of the
 * screen that follows. `what` names the input (sanitised by the caller).
 */
export function loadingLines(width: number, height: number, what: string, progress: LoadProgress | null, target: LoadingFor = 'browser'): Line[] {
  const body: Line[] = [
    [],
    truncateLine([{ text: `  Analysing ${what}…`, role: 'heading' }], width),
    progress
      ? [{ text: '  ' }, { text: renderProgress(progress.done, progress.total, progress.file, Math.max(1, width - 2)), role: 'bar' }]
      : [{ text: '  starting…', role: 'dim' }],
  ];
  const rows = Math.max(1, height - 2);
  const visible = body.slice(0, rows);
  while (visible.length < rows) visible.push([]);
  const header = target === 'browser' ? tabsHeader('overview', width) : truncateLine([{ text: 'parallax exercise ', role: 'title' }], width);
  const next = target === 'browser' ? 'the overview' : 'the exercise';
  return [header, ...visible, truncateLine([{ text: `${next} opens when the analysis is done · q quit`, role: 'dim' }], width)];
}

let shown = false;

/**
 * Enters the alternate screen and writes the loading frame as plain text (no colour), sized to the
 * terminal like the browser (one row less than the terminal, so nothing scrolls).
 */
export function writeStartFrame(out: NodeJS.WriteStream, what: string, target: LoadingFor = 'browser'): void {
  const width = out.columns ?? 80;
  const height = Math.max(5, (out.rows ?? 24) - 1);
  enterAltScreen(out, `${loadingLines(width, height, what, null, target).map(plainText).join('\n')}\u001b[H`);
  shown = true;
}

/** True once `writeStartFrame` has entered the alternate screen. */
export function startFrameShown(): boolean {
  return shown;
}
