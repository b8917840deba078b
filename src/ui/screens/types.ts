/** Shapes shared by the terminal UI's screens and the app reducer. */
import type { KindFilter, ViewModel } from '../model.js';
import type { Line } from '../text.js';

/** The screens reachable with tab. */
export type TopScreen = 'overview' | 'events' | 'actors' | 'sources';
export const TOP_SCREENS: readonly TopScreen[] = ['overview', 'events', 'actors', 'sources'];

/** One screen on the navigation stack. `cursor` is a 0-based item index (or top line on scroll screens). */
export type Frame =
  | { screen: TopScreen; cursor: number }
  | { screen: 'event'; id: string; cursor: number; pane: number }
  /** `pin`: 0-based offset of a sentence the reader always shows (the event mention it was opened at). */
  | { screen: 'reader'; id: string; cursor: number; pin?: number }
  | { screen: 'finding'; id: string; cursor: number }
  /** The mentions of an actor (`id`: actor id) or the attributions of an outlet (`id`: article id). */
  | { screen: 'mentions'; of: 'actor' | 'source'; id: string; cursor: number };

/** What a screen renders from. */
export interface ScreenContext {
  model: ViewModel;
  filter: KindFilter;
  /** Committed search text ('' for none). */
  query: string;
  /** Terminal columns available. */
  width: number;
  /** Rows available for the screen body. */
  height: number;
  /** Whether the theme shows colours: legends name colours only then, and text markers stand in for them otherwise. */
  colour: boolean;
}

/** A rendered screen. */
export interface ScreenOutput {
  /** Breadcrumb title. */
  title: string;
  lines: Line[];
  /**
   * `items`: the cursor picks one of `count` items and `focus` is the line to keep visible;
   * `scroll`: the cursor is the top line (0..count-1).
   */
  mode: 'items' | 'scroll';
  count: number;
  focus: number;
  /** Number of panes (event detail: one per outlet). */
  panes?: number;
  /** Where enter goes from the current cursor / pane. */
  enter?: Frame | null;
  /** False when `/` has nothing to search on this screen (the footer says so). Default true. */
  search?: boolean;
}
