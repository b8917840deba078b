/**
 * The one place where the terminal UI's colours live. Components name a *role* (what the text
 * is), the theme says how it looks. Without colour support (or with `NO_COLOR`) roles keep only
 * bold / underline / inverse, and every marker also has a textual form, so nothing depends on
 * colour alone.
 */

/** What a piece of text is, for styling. */
export type Role =
  | 'plain'
  | 'dim'
  | 'title'
  | 'heading'
  | 'key'
  | 'cursor'
  | 'tab'
  | 'tab-active'
  | 'loaded'
  | 'attribution'
  | 'attribution-loaded'
  | 'unsourced'
  | 'diff'
  | 'match'
  | 'bar'
  | 'ok'
  | 'warn'
  | 'student'
  | 'both';

/** Ink `<Text>` props for a role. */
export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export type Theme = Record<Role, Style>;

const COLOURED: Theme = {
  plain: {},
  dim: { dimColor: true },
  title: { bold: true, color: 'cyan' },
  heading: { bold: true },
  key: { bold: true, color: 'yellow' },
  cursor: { inverse: true },
  tab: { dimColor: true },
  'tab-active': { bold: true, inverse: true },
  loaded: { color: 'magenta', underline: true },
  attribution: { color: 'blue' },
  'attribution-loaded': { color: 'red', bold: true },
  unsourced: { color: 'yellow' },
  diff: { color: 'green' },
  match: { inverse: true, color: 'yellow' },
  bar: { color: 'cyan' },
  ok: { color: 'green', bold: true },
  warn: { color: 'red', bold: true },
  student: { color: 'cyan', underline: true },
  both: { color: 'green', bold: true, underline: true },
};

/** The theme for a terminal with (`colour`) or without colours. */
export function createTheme(colour: boolean): Theme {
  if (colour) return COLOURED;
  const plain = {} as Theme;
  for (const [role, style] of Object.entries(COLOURED) as [Role, Style][]) {
    const { color: _c, backgroundColor: _b, dimColor: _d, ...rest } = style;
    plain[role] = rest;
  }
  return plain;
}

/** Whether a theme shows colours (legends name colours only then). */
export function themeHasColour(theme: Theme): boolean {
  return Object.values(theme).some((s) => s.color !== undefined || s.backgroundColor !== undefined);
}

/**
 * Whether to use colours: never with `NO_COLOR` (any non-empty value) or `TERM=dumb`, else what
 * the stream reports (`tty.WriteStream.hasColors`, which also honours `FORCE_COLOR`).
 */
export function colourSupported(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean; hasColors?: () => boolean }): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
  return Boolean(stream.isTTY && stream.hasColors?.());
}
