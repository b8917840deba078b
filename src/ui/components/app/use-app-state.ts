/**
 * State of the report browser: a navigation stack of screens, search, kind filter, help and
 * messages. `reduceApp` is pure (unit-tested without ink); `keyToAction` maps ink key presses to
 * actions; `useAppState` wires them into React.
 */
import { useReducer } from 'react';
import { KIND_FILTERS, type KindFilter, type ViewModel } from '../../model.js';
import { bodyHeight, SEARCH_NA } from './frame.js';
import { renderScreen } from '../../screens/index.js';
import { browserHelp, helpTop } from '../../screens/help.js';
import { readerCursorAt, readerOffset } from '../../screens/reader.js';
import { TOP_SCREENS, type Frame, type ScreenContext, type ScreenOutput } from '../../screens/types.js';
import type { AppState } from './state.js';

export type { AppState } from './state.js';

export type AppAction =
  | { type: 'key'; input: string; key: KeyInfo }
  | { type: 'move'; delta: number }
  | { type: 'page'; delta: number }
  | { type: 'tab'; delta: number }
  | { type: 'side'; delta: number }
  | { type: 'enter' }
  | { type: 'back' }
  | { type: 'search-start' }
  | { type: 'search-type'; text: string }
  | { type: 'search-erase' }
  | { type: 'search-commit' }
  | { type: 'filter' }
  | { type: 'help' }
  | { type: 'help-scroll'; delta: number }
  | { type: 'message'; text: string }
  | { type: 'resize'; width: number; height: number }
  | { type: 'quit' };

export { bodyHeight, CHROME_ROWS, SEARCH_NA } from './frame.js';

export function initialAppState(width: number, height: number, colour = false): AppState {
  return {
    stack: [{ screen: 'overview', cursor: 0 }],
    help: false,
    helpScroll: 0,
    draft: null,
    query: '',
    filter: 'all',
    message: null,
    width,
    height,
    colour,
    quit: false,
    exports: 0,
  };
}

/** The frame on top of the stack. */
export function current(state: AppState): Frame {
  return state.stack[state.stack.length - 1]!;
}

/** Renders the current screen for this state. */
export function screenOf(model: ViewModel, state: AppState): ScreenOutput {
  const ctx: ScreenContext = { model, filter: state.filter, query: state.query, width: state.width, height: bodyHeight(state), colour: state.colour };
  return renderScreen(ctx, current(state));
}

function replaceTop(state: AppState, frame: Frame): AppState {
  return { ...state, stack: [...state.stack.slice(0, -1), frame] };
}

function moveCursor(model: ViewModel, state: AppState, delta: number): AppState {
  const top = current(state);
  const out = screenOf(model, state);
  const cursor = Math.max(0, Math.min(out.count - 1, top.cursor + delta));
  return replaceTop(state, { ...top, cursor: Math.max(0, cursor) });
}

/** Pure reducer of the report browser. */
export function reduceApp(model: ViewModel, state: AppState, action: AppAction): AppState {
  const top = current(state);
  const s: AppState = action.type === 'resize' || action.type === 'message' ? state : { ...state, message: null };
  switch (action.type) {
    case 'key': {
      const a = keyToAction(state, action.input, action.key);
      if (a === 'export') return { ...s, exports: s.exports + 1 };
      return a ? reduceApp(model, state, a) : state;
    }
    case 'resize':
      return { ...s, width: Math.max(20, action.width), height: Math.max(5, action.height) };
    case 'message':
      return { ...s, message: action.text };
    case 'quit':
      return { ...s, quit: true };
    case 'help':
      return { ...s, help: !s.help, helpScroll: 0 };
    case 'help-scroll':
      return { ...s, helpScroll: helpTop(s.helpScroll + action.delta, browserHelp(s.width).length, bodyHeight(s)) };
    case 'search-start':
      if (screenOf(model, s).search === false) return { ...s, message: SEARCH_NA };
      return { ...s, draft: '' };
    case 'search-type':
      return { ...s, draft: (s.draft ?? '') + action.text };
    case 'search-erase':
      return { ...s, draft: (s.draft ?? '').slice(0, -1) };
    case 'search-commit': {
      // Lists start again at their first match; a reader stays on its sentence (or the next match).
      const query = s.draft ?? '';
      return {
        ...s,
        draft: null,
        query,
        stack: s.stack.map((f) => (f.screen === 'reader' ? keepReaderSentence(model, f, s.filter, s.query, s.filter, query) : { ...f, cursor: 0 })),
      };
    }
    case 'filter': {
      const next = KIND_FILTERS[(KIND_FILTERS.indexOf(s.filter) + 1) % KIND_FILTERS.length]!;
      // Finding rows appear or vanish with the filter: a reader keeps the cursor on the same sentence.
      const stack = s.stack.map((f) => (f.screen === 'reader' ? keepReaderSentence(model, f, s.filter, s.query, next, s.query) : f));
      return moveCursor(model, { ...s, filter: next, stack }, 0);
    }
    case 'move':
      return moveCursor(model, s, action.delta);
    case 'page':
      return moveCursor(model, s, action.delta * Math.max(1, bodyHeight(s) - 2));
    case 'tab': {
      if (top.screen === 'event') return paneMove(model, s, action.delta, true);
      if (s.stack.length !== 1) return s;
      const i = TOP_SCREENS.indexOf(top.screen as (typeof TOP_SCREENS)[number]);
      const next = TOP_SCREENS[(i + action.delta + TOP_SCREENS.length) % TOP_SCREENS.length]!;
      return { ...s, stack: [{ screen: next, cursor: 0 }] };
    }
    case 'side':
      return top.screen === 'event' ? paneMove(model, s, action.delta, false) : s;
    case 'enter': {
      const target = screenOf(model, s).enter;
      return target ? { ...s, stack: [...s.stack, target] } : s;
    }
    case 'back':
      if (s.draft !== null) return { ...s, draft: null };
      if (s.help) return { ...s, help: false };
      if (s.stack.length > 1) return { ...s, stack: s.stack.slice(0, -1) };
      if (s.query) return { ...s, query: '' };
      return s;
  }
}

/** A reader frame moved to the sentence it showed under the old filter and query, under the new ones. */
function keepReaderSentence(
  model: ViewModel,
  f: Frame & { screen: 'reader' },
  oldFilter: KindFilter,
  oldQuery: string,
  filter: KindFilter,
  query: string,
): Frame {
  const at = readerOffset(model, f.id, oldFilter, oldQuery, f.cursor, f.pin);
  return { ...f, cursor: at === null ? 0 : readerCursorAt(model, f.id, filter, query, at, f.pin) };
}

function paneMove(model: ViewModel, s: AppState, delta: number, wrapAround: boolean): AppState {
  const top = current(s);
  if (top.screen !== 'event') return s;
  const panes = screenOf(model, s).panes ?? 1;
  if (panes <= 0) return s;
  const pane = wrapAround ? (top.pane + delta + panes) % panes : Math.max(0, Math.min(panes - 1, top.pane + delta));
  return replaceTop(s, { ...top, pane });
}

/** The subset of ink's `Key` the browser reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * What a key press means in this state (null: nothing). `e` (export) is returned as
 * `'export'` because it has an effect the reducer must not perform.
 */
export function keyToAction(state: AppState, input: string, key: KeyInfo): AppAction | 'export' | null {
  if (state.draft !== null) {
    if (key.return) return { type: 'search-commit' };
    if (key.escape) return { type: 'back' };
    if (key.backspace || key.delete) return { type: 'search-erase' };
    if (input && !key.ctrl && !key.meta && !key.tab && !/[\u0000-\u001f\u007f]/.test(input)) return { type: 'search-type', text: input };
    return null;
  }
  if (state.help) {
    if (key.upArrow || input === 'k') return { type: 'help-scroll', delta: -1 };
    if (key.downArrow || input === 'j') return { type: 'help-scroll', delta: 1 };
    if (key.pageUp) return { type: 'help-scroll', delta: -Math.max(1, bodyHeight(state) - 2) };
    if (key.pageDown || input === ' ') return { type: 'help-scroll', delta: Math.max(1, bodyHeight(state) - 2) };
    if (input === 'q') return { type: 'quit' }; // the help lists "q quit": it quits from here too
    return { type: 'help' };
  }
  if (key.upArrow || input === 'k') return { type: 'move', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'page', delta: -1 };
  if (key.pageDown || input === ' ') return { type: 'page', delta: 1 };
  if (key.tab) return { type: 'tab', delta: key.shift ? -1 : 1 };
  if (key.leftArrow || input === 'h') return { type: 'side', delta: -1 };
  if (key.rightArrow || input === 'l') return { type: 'side', delta: 1 };
  if (key.return) return { type: 'enter' };
  if (key.escape) return { type: 'back' };
  if (input === '/') return { type: 'search-start' };
  if (input === 'f') return { type: 'filter' };
  if (input === '?') return { type: 'help' };
  if (input === 'q') return { type: 'quit' };
  if (input === 'e') return 'export';
  return null;
}

/**
 * Splits what ink delivers as one input event into single key presses: several printable
 * characters arrive together when keys are typed faster than the screen redraws.
 */
export function splitKeys(input: string, key: KeyInfo): { input: string; key: KeyInfo }[] {
  const special = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.escape || key.ctrl || key.meta;
  const chars = [...input];
  if (special || chars.length <= 1) return [{ input, key }];
  return chars.map((c) =>
    c === '\r' || c === '\n'
      ? { input: '', key: { return: true } }
      : c === '\t'
        ? { input: '', key: { tab: true } }
        : c === '\u007f' || c === '\b'
          ? { input: '', key: { backspace: true } }
          : { input: c, key: {} },
  );
}

/** React binding of `reduceApp` for one model. */
export function useAppState(model: ViewModel, width: number, height: number, colour = false) {
  return useReducer(
    (state: AppState, action: AppAction) => reduceApp(model, state, action),
    undefined,
    () => initialAppState(width, height, colour),
  );
}
