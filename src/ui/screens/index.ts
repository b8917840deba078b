/** Picks the screen renderer for a frame. Pure. */
import { actorsScreen } from './actors.js';
import { eventScreen } from './event.js';
import { eventsScreen } from './events.js';
import { findingScreen } from './finding.js';
import { mentionsScreen } from './mentions.js';
import { overviewScreen } from './overview.js';
import { readerScreen } from './reader.js';
import { sourcesScreen } from './sources.js';
import type { Frame, ScreenContext, ScreenOutput } from './types.js';

export function renderScreen(ctx: ScreenContext, frame: Frame): ScreenOutput {
  switch (frame.screen) {
    case 'overview':
      return overviewScreen(ctx, frame);
    case 'events':
      return eventsScreen(ctx, frame);
    case 'actors':
      return actorsScreen(ctx, frame);
    case 'sources':
      return sourcesScreen(ctx, frame);
    case 'event':
      return eventScreen(ctx, frame);
    case 'reader':
      return readerScreen(ctx, frame);
    case 'finding':
      return findingScreen(ctx, frame);
    case 'mentions':
      return mentionsScreen(ctx, frame);
  }
}

/** The first line to show so that the focus stays visible (items) or the cursor line (scroll). */
export function viewportTop(out: ScreenOutput, cursor: number, height: number): number {
  const max = Math.max(0, out.lines.length - height);
  if (out.mode === 'scroll') return Math.min(Math.max(0, cursor), max);
  return Math.min(Math.max(0, out.focus - Math.floor(height / 3)), max);
}
