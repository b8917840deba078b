/** The help overlay: what each kind of mark means (with an example), then every key. Pure. */
import { FINDING_KINDS, type FindingKind, type MarkStyle } from '../../core/finding-kinds.js';
import { truncateLine, wrap, type Line } from '../text.js';

/** Keys of the report browser, in the order the help shows them. */
export const KEYS: readonly [string, string][] = [
  ['↑ ↓  j k', 'move / scroll'],
  ['PgUp PgDn', 'move a page'],
  ['tab  shift+tab', 'next / previous screen (in an event: next outlet)'],
  ['← →  h l', 'previous / next outlet (event view)'],
  ['enter', 'open: article, event, finding, mentions of actor/source'],
  ['esc', 'back (also closes help and search)'],
  ['/', 'search (enter to apply, esc to clear)'],
  ['f', 'filter findings by kind: all, loaded, attribution, unsourced'],
  ['e', 'export the markdown report'],
  ['?', 'this help'],
  ['q', 'quit'],
];

/** How each mark style (a finding kind's `mark`) looks in the terminal, whatever the colours (the markers are text). */
export const MARK_MARKERS: Readonly<Record<MarkStyle, string>> = {
  strong: '[brackets] around the words',
  'source-and-cue': 'listed under the sentence (source — “cue”)',
  flag: '⚑ before the sentence',
};

/** "What the marks mean": per kind, its name, what it is, an example and (`markers`) how it is shown. */
export function kindHelpLines(
  kinds: readonly FindingKind[],
  width: number,
  names: Partial<Record<FindingKind, string>> = {},
  markers: Partial<Record<FindingKind, string>> = {},
): Line[] {
  const lines: Line[] = [];
  for (const k of kinds) {
    const info = FINDING_KINDS[k];
    lines.push(...wrap([{ text: `${names[k] ?? info.noun}: `, role: 'key' }, { text: info.help.what }], width - 2, '  ').map((l) => [{ text: '  ' }, ...l]));
    lines.push(
      ...wrap(
        [
          { text: 'e.g. ', role: 'dim' },
          { text: info.help.example, role: 'dim' },
        ],
        width - 4,
        '  ',
      ).map((l) => [{ text: '    ' }, ...l]),
    );
    const marker = markers[k] ?? MARK_MARKERS[info.mark];
    if (marker) lines.push(...wrap([{ text: `shown: ${marker}`, role: 'dim' }], width - 4, '  ').map((l) => [{ text: '    ' }, ...l]));
  }
  return lines;
}

/** Help lines: optional sections of text first (each a heading and its lines), then the keys. */
export function helpLines(
  title: string,
  keys: readonly [string, string][],
  width: number,
  sections: readonly { heading: string; lines: Line[] }[] = [],
): Line[] {
  const keyWidth = Math.max(...keys.map(([k]) => k.length)) + 3;
  const out: Line[] = [];
  for (const s of sections) out.push([{ text: s.heading, role: 'heading' }], ...s.lines.map((l) => truncateLine(l, width)), []);
  out.push(
    [{ text: title, role: 'heading' }],
    ...keys.map(([k, what]) => truncateLine([{ text: `  ${k.padEnd(keyWidth)}`, role: 'key' }, { text: what }], width)),
    [],
    [{ text: 'j/k scroll this help · q quit · any other key closes it', role: 'dim' }],
  );
  return out;
}

/** The report browser's help: what the marks mean, then the keys. */
export function browserHelp(width: number): Line[] {
  return helpLines('Keys', KEYS, width, [{ heading: 'What the marks mean', lines: kindHelpLines(['loaded', 'attribution', 'unsourced'], width) }]);
}

/** Top line of a scrolled help: `top` clamped so the last line stays at the bottom of `height` rows. */
export function helpTop(top: number, lines: number, height: number): number {
  return Math.max(0, Math.min(top, lines - height));
}
