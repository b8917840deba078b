/** The report browser's state (the data `use-app-state.ts` reduces and `frame.ts` draws). */
import type { KindFilter } from '../../model.js';
import type { Frame } from '../../screens/types.js';

export interface AppState {
  /** Never empty; the last frame is shown. */
  stack: Frame[];
  help: boolean;
  /** Top line of the help overlay while it is open (j/k scroll it). */
  helpScroll: number;
  /** The search text being typed, or null when not typing. */
  draft: string | null;
  query: string;
  filter: KindFilter;
  message: string | null;
  width: number;
  height: number;
  /** Whether the theme shows colours (legends and markers follow it). */
  colour: boolean;
  quit: boolean;
  /** Counts `e` presses; the view writes the export when it changes (an effect, not state logic). */
  exports: number;
}
