/**
 * The browser's frame as data: header with the screen tabs, the visible body lines, and the footer
 * (filter, search, messages). Pure and free of ink, so the start-up frame can be written before
 * ink has loaded (`../../start-frame.ts`).
 */
import { sanitizeTerminal } from '../../../core/escape.js';
import { TOP_SCREENS, type TopScreen } from '../../screens/types.js';
import { truncateLine, type Line } from '../../text.js';
import type { AppState } from './state.js';

/** The footer's message when `/` is pressed where there is nothing to search. */
export const SEARCH_NA = 'search: n/a here';

/** Rows the header and footer take. */
export const CHROME_ROWS = 2;

/** Body rows available to a screen. */
export function bodyHeight(state: { height: number }): number {
  return Math.max(1, state.height - CHROME_ROWS);
}

const TAB_NAMES = { overview: 'Overview', events: 'Events', actors: 'Actors', sources: 'Sources' } as const;

/** The header: program name, the screen tabs (`active` highlighted), and a breadcrumb when given. */
export function tabsHeader(active: TopScreen | null, width: number, crumb?: string): Line {
  const line: Line = [{ text: 'parallax ', role: 'title' }];
  for (const t of TOP_SCREENS) line.push({ text: ` ${TAB_NAMES[t]} `, role: t === active ? 'tab-active' : 'tab' });
  if (crumb !== undefined) line.push({ text: ` › ${crumb}`, role: 'heading' });
  return truncateLine(line, width);
}

function header(state: AppState, title: string): Line {
  return tabsHeader(state.stack[0]!.screen as TopScreen, state.width, state.stack.length > 1 ? title : undefined);
}

function footer(state: AppState, searchable: boolean): Line {
  if (state.draft !== null)
    return truncateLine([{ text: '/', role: 'key' }, { text: `${state.draft}▏` }, { text: '  enter: search  esc: cancel', role: 'dim' }], state.width);
  if (state.message) return truncateLine([{ text: state.message, role: 'ok' }], state.width);
  const parts: Line = [{ text: `filter: ${state.filter}`, role: state.filter === 'all' ? 'dim' : 'key' }];
  if (!searchable) parts.push({ text: ` · ${SEARCH_NA}`, role: 'dim' });
  else if (state.query) parts.push({ text: ` · search: “${sanitizeTerminal(state.query, true)}”`, role: 'key' });
  parts.push({ text: ' · ? help · q quit', role: 'dim' });
  return truncateLine(parts, state.width);
}

/** The whole frame as lines: exactly `state.height` rows of at most `state.width` columns. */
export function frameLines(state: AppState, body: { title: string; lines: Line[]; search?: boolean }, top: number): Line[] {
  const h = bodyHeight(state);
  const visible = body.lines.slice(top, top + h).map((l) => truncateLine(l, state.width));
  while (visible.length < h) visible.push([]);
  return [header(state, body.title), ...visible, footer(state, body.search !== false)];
}
