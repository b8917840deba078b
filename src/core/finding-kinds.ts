/**
 * The finding kinds, described once: how each is named, marked, coloured and counted, and how the
 * exercise treats it. Views iterate this table instead of spelling the kinds out, so a new kind
 * is its type in `types.ts` (a member of `Finding`), a row here and the analysis that finds it
 * (README "Adding an analysis / a format / a lexicon field"). The row order is the kinds' order
 * everywhere (finding ids, tables, filters).
 */
import type { Finding } from './types.js';

export type FindingKind = Finding['kind'];

/** The finding type of one kind. */
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;

/**
 * How a finding is marked in article text: `strong` (bold in markdown, `<mark>` in HTML,
 * `[brackets]` in the terminal), `flag` (⚑ before the first line it covers), or `source-and-cue`
 * (an attribution: its cue in italics, its source marked apart).
 */
export type MarkStyle = 'strong' | 'flag' | 'source-and-cue';

export interface FindingKindInfo<F extends Finding> {
  /** Counted noun in the plain summary after a run ("3 loaded terms"). */
  noun: string;
  /** Short counted word on the terminal overview ("3 loaded"). */
  short: string;
  /** Row of the reports' summary table that counts the kind. */
  row: string;
  /** Word before each finding in the reports' finding lists. */
  tag: string;
  mark: MarkStyle;
  /** Terminal colour: the UI theme role of its text. */
  colour: 'loaded' | 'attribution' | 'unsourced';
  /** What the finding is an instance of (category, reason); findings of one rule and detail are counted together in the rules table. */
  detail(f: F): string;
  /** In the exercise: students mark it and are compared with the key word by word or sentence by sentence (`label` names the row); null when the exercise leaves it out. */
  exercise: { unit: 'word' | 'sentence'; label: string } | null;
  /** What the kind is, for help screens and handouts: one sentence, then a short made-up example (never from a bundled text). */
  help: { what: string; example: string };
}

/**
 * `n` and a counted noun of the table (`noun`, `short`, an exercise `label`: plurals that drop
 * their final s for one): "1 attribution", "3 attributions", "1 unsourced".
 */
export const counted = (n: number, plural: string): string => `${n} ${n === 1 ? plural.replace(/s$/, '') : plural}`;

export type FindingKindTable = { readonly [K in FindingKind]: FindingKindInfo<FindingOf<K>> };

export const FINDING_KINDS: FindingKindTable = {
  loaded: {
    noun: 'loaded terms',
    short: 'loaded',
    row: 'Loaded markers',
    tag: 'loaded',
    mark: 'strong',
    colour: 'loaded',
    detail: (f) => f.category,
    exercise: { unit: 'word', label: 'loaded terms' },
    help: {
      what: 'a word or phrase that judges while it seems only to describe (a neutral word would say the same thing without the judgement)',
      example: '“the regime” for “the government”; “slammed” for “criticised”',
    },
  },
  attribution: {
    noun: 'attributions',
    short: 'attributions',
    row: 'Attributions',
    tag: 'source',
    mark: 'source-and-cue',
    colour: 'attribution',
    detail: () => 'attribution',
    exercise: null,
    help: {
      what: 'a statement the article gives to a source, with the cue that introduces it (said, claimed, admitted…)',
      example: '“The deal will help farmers, the minister said.” (source: the minister; cue: said)',
    },
  },
  unsourced: {
    noun: 'unsourced',
    short: 'unsourced',
    row: 'Unsourced assertions',
    tag: 'unsourced',
    mark: 'flag',
    colour: 'unsourced',
    detail: (f) => f.reason,
    exercise: { unit: 'sentence', label: 'unsourced claims' },
    help: {
      what: 'a sentence stated in the article’s own voice with no source for it: the reader cannot check who says so',
      example: '“The deal will help farmers.” (unsourced) vs “The deal will help farmers, the minister said.” (sourced)',
    },
  },
};

/** The kinds in table order. */
export const FINDING_KIND_NAMES = Object.keys(FINDING_KINDS) as FindingKind[];

/** Position of each kind in the table (for sorting). */
export function kindRank(kind: FindingKind): number {
  return FINDING_KIND_NAMES.indexOf(kind);
}

/** The table row of a finding's kind. */
export function kindOf<K extends FindingKind>(f: FindingOf<K> & { kind: K }): FindingKindInfo<FindingOf<K>> {
  return FINDING_KINDS[f.kind];
}

/** What a finding is an instance of: a loaded term's category, an unsourced assertion's reason, … */
export function detailOf<K extends FindingKind>(f: FindingOf<K> & { kind: K }): string {
  const info: FindingKindInfo<FindingOf<K>> = FINDING_KINDS[f.kind];
  return info.detail(f);
}
