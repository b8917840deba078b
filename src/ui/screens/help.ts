/** The help overlay: every key of the report browser. Pure. */
import { truncateLine, type Line } from '../text.js';

/** Keys of the report browser, in the order the help shows them. */
export const KEYS: readonly [string, string][] = [
  ['↑ ↓  j k', 'move / scroll'],
  ['PgUp PgDn', 'move a page'],
  ['tab  shift+tab', 'next / previous screen (in an event: next outlet)'],
  ['← →  h l', 'previous / next outlet (event view)'],
  ['enter', 'open: article, event, finding'],
  ['esc', 'back (also closes help and search)'],
  ['/', 'search (enter to apply, esc to clear)'],
  ['f', 'filter findings by kind: all, loaded, attribution, unsourced'],
  ['e', 'export the markdown report'],
  ['?', 'this help'],
  ['q', 'quit'],
];

/** Help lines for a list of keys. */
export function helpLines(title: string, keys: readonly [string, string][], width: number): Line[] {
  const keyWidth = Math.max(...keys.map(([k]) => k.length)) + 3;
  return [
    [{ text: title, role: 'heading' }],
    [],
    ...keys.map(([k, what]) => truncateLine([{ text: `  ${k.padEnd(keyWidth)}`, role: 'key' }, { text: what }], width)),
    [],
    [{ text: 'press any key to close', role: 'dim' }],
  ];
}
