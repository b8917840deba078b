/**
 * When a unit's happening took place, as an interval of days: from the dates and years it gives
 * (figures.ts; "since 2022" runs to the article date), else from a relative phrase resolved with
 * the article date (lexicons/align/time.yml: "recently", "last week", a weekday), else from the
 * tense of its main verb: a past or future happening with no time of its own is placed in the
 * `window` days before the article date (news reports recent happenings), an ongoing state
 * (present tense, "has been facing") holds up to the article date. Two units whose intervals are
 * more than `slack` days apart report different happenings (see index.ts). The article date is
 * its front matter or metadata date, else the latest full date its text gives ("inferred").
 * Days are counted from 1970-01-01 (UTC); token ranges are 0-based, end exclusive.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { yaml } from '../core/yaml-lazy.js';
import { InputError } from '../core/errors.js';
import type { AnalysedArticle, Figure, Token } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { readYamlData } from '../core/yaml-copy.js';
import { dataLoader, type Lexicons } from '../lexicons/index.js';

export const TIME_FILE = join(PACKAGE_ROOT, 'lexicons', 'align', 'time.yml');

export interface TimeLexicon {
  id: string;
  version: string;
  sha256: string;
  window: number;
  slack: number;
  relative: { words: string[]; from: number; to: number }[];
  since: Set<string>;
  future: Set<string>;
  perfect: Set<string>;
  passive: Set<string>;
  /** A weekday alone: the week before the article date. */
  weekdays: Set<string>;
  /** Present forms of "be" before a verb: a state up to the article date. */
  presentBe: Set<string>;
  /** Words after "since" that refer back to a time ("since then"). */
  anaphoricThen: Set<string>;
  /** Nouns that end a name a day and month open ("the 17 February Brigade"): no date. */
  nameHeads: Set<string>;
  /** Words that open a relative clause after a comma (", who swam to stardom in the 1940s,"): a date inside tells a participant's past, not the happening's time. */
  relativeClause: Set<string>;
}

/** Parses and checks the time lexicon (`data` from the compiled copy when known). */
export function parseTimeLexicon(raw: string, file = TIME_FILE, data?: unknown): TimeLexicon {
  const d = (data ?? yaml().parse(raw)) as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new InputError(`bad ${what}`, {
      file,
      expected: 'id, version, window, slack, relative, since, future, perfect, passive, weekdays, present_be, anaphoric_then, name_heads',
      found: what,
      hint: 'see lexicons/align/time.yml',
    });
  };
  const list = (k: string) => (Array.isArray(d[k]) && (d[k] as unknown[]).every((w) => typeof w === 'string') ? new Set(d[k] as string[]) : fail(k));
  if (typeof d['id'] !== 'string' || typeof d['version'] !== 'string') fail('id or version');
  if (typeof d['window'] !== 'number' || typeof d['slack'] !== 'number') fail('window or slack');
  if (!Array.isArray(d['relative'])) fail('relative');
  const relative = (d['relative'] as { phrase?: unknown; from?: unknown; to?: unknown }[]).map((r) =>
    typeof r?.phrase === 'string' && typeof r.from === 'number' && typeof r.to === 'number'
      ? { words: r.phrase.toLowerCase().split(/\s+/), from: r.from, to: r.to }
      : fail(`relative entry ${JSON.stringify(r)}`),
  );
  relative.sort((a, b) => b.words.length - a.words.length);
  return {
    id: d['id'] as string,
    version: d['version'] as string,
    sha256: createHash('sha256').update(raw).digest('hex'),
    window: d['window'] as number,
    slack: d['slack'] as number,
    relative,
    since: list('since'),
    future: list('future'),
    perfect: list('perfect'),
    passive: list('passive'),
    weekdays: list('weekdays'),
    presentBe: list('present_be'),
    anaphoricThen: list('anaphoric_then'),
    nameHeads: list('name_heads'),
    relativeClause: d['relative_clause'] === undefined ? new Set<string>() : list('relative_clause'),
  };
}

/** The bundled file (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadTimeLexicon: (lexicons?: Lexicons) => TimeLexicon = dataLoader(
  () => readYamlData(TIME_FILE),
  (data, raw) => parseTimeLexicon(raw, TIME_FILE, data),
);

/** An interval of days with what set it. */
export interface TimeSpan {
  from: number;
  to: number;
  /** `date`: a date or year in the unit; `relative`: a phrase and the article date; `tense`: the verb's tense and the article date. */
  source: 'date' | 'relative' | 'tense';
  /** The words that set it (the date as written, the phrase, or the verb). */
  text: string;
}

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number): string => (Number.isFinite(day) ? new Date(day * DAY).toISOString().slice(0, 10) : day < 0 ? '…' : '…');

/** Interval of a date figure value (`YYYY-MM-DD`, `YYYY-MM`) or a year; null for a date without a year. */
function figureSpan(f: Figure): [number, number] | null {
  if (f.kind === 'year' && typeof f.value === 'number') return [dayOf(f.value, 1, 1), dayOf(f.value, 12, 31)];
  if (f.kind !== 'date' || typeof f.value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(f.value);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (m[3]) return [dayOf(y, mo, Number(m[3])), dayOf(y, mo, Number(m[3]))];
  return [dayOf(y, mo, 1), dayOf(y, mo + 1, 1) - 1];
}

/** The article's reference day: its date, else the latest full date in its text; null when neither. */
export function referenceDay(article: AnalysedArticle, figures: readonly Figure[]): { day: number; inferred: boolean } | null {
  const d = article.meta.date;
  if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) return { day: dayOf(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))), inferred: false };
  const days = figures.filter((f) => f.kind === 'date' && typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value)).map((f) => figureSpan(f)![0]);
  return days.length ? { day: Math.max(...days), inferred: true } : null;
}

/** Tense of the unit's first finite verb: `event` (past, perfect, future), `state` (present, progressive), or null. */
function aspectOf(tokens: readonly Token[], from: number, to: number, lex: TimeLexicon, heading: boolean): { kind: 'event' | 'state'; token: Token } | null {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const prev = tokens[i - 1];
    if (prev?.normal === 'to') continue;
    const w = t.normal;
    if (lex.future.has(w)) return { kind: 'event', token: t };
    const next = tokens.slice(i + 1, Math.min(to, i + 4)).find((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (lex.presentBe.has(w)) return { kind: next && next.normal.endsWith('ing') && lex.future.has(next.normal) ? 'event' : 'state', token: t };
    if (lex.perfect.has(w) && t.pos === 'AUX') {
      if (next?.normal === 'been') {
        const after = tokens.slice(tokens.indexOf(next) + 1, Math.min(to, tokens.indexOf(next) + 3)).find((x) => x.pos === 'VERB');
        return { kind: after && !after.normal.endsWith('ing') ? 'event' : 'state', token: t };
      }
      return { kind: next ? 'event' : 'state', token: t };
    }
    if (lex.passive.has(w) || w === 'did') return { kind: 'event', token: t };
    if (w.endsWith('ing')) continue;
    const past = w !== t.lemma && !w.endsWith('s');
    return { kind: past || heading ? 'event' : 'state', token: t };
  }
  return null;
}

/** Words after "since" that point back to a time told before ("since then"). */

/** Most tokens between "since" and the date it opens ("since a military coup in 2022": 4). */
const SINCE_REACH = 12;

/**
 * True when a `since` word governs the date at token `at`: it stands at most SINCE_REACH tokens
 * before it in the same phrase ("since 2022", "since the deployment of … mercenaries in 2021"),
 * with no comma, clause verb or other date between.
 */
function sinceBefore(tokens: readonly Token[], from: number, at: number, lex: TimeLexicon): boolean {
  for (let k = at - 1; k >= Math.max(from, at - SINCE_REACH); k--) {
    const t = tokens[k]!;
    if (lex.since.has(t.normal)) return true;
    if (
      t.text === ',' ||
      t.text === ';' ||
      t.type === 'number' ||
      ((t.pos === 'VERB' || t.pos === 'AUX') && !t.normal.endsWith('ing') && !t.normal.endsWith('ed'))
    )
      return false;
  }
  return false;
}

/**
 * True when the date at token `at` stands in a relative clause set off by commas inside the unit
 * (*Esther Williams, who swam to stardom in the 1940s, dies at 91*): a comma and a `relative_clause`
 * word before it with no other comma between, and a comma after it before the unit ends, so the
 * main clause goes on. Such a date tells a participant's past, not when the unit's happening was.
 */
function inRelativeClause(tokens: readonly Token[], from: number, to: number, at: number, lex: TimeLexicon): boolean {
  if (at < 0 || lex.relativeClause.size === 0) return false;
  let open = -1;
  for (let k = at - 1; k > from; k--) {
    if (tokens[k]!.text === ',' || tokens[k]!.text === ';') break;
    if (lex.relativeClause.has(tokens[k]!.normal) && tokens[k - 1]!.text === ',') {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  for (let k = at + 1; k < to - 1; k++) if (tokens[k]!.text === ',') return true;
  return false;
}

/**
 * The time of the unit `tokens[from, to)` of `article`. `figures` are the unit's figures;
 * `ref` the article's reference day.
 */
export function timeOf(
  tokens: readonly Token[],
  from: number,
  to: number,
  figures: readonly Figure[],
  ref: number | null,
  lex: TimeLexicon,
  heading: boolean,
  text: string,
): TimeSpan | null {
  // Dates and years in the unit ("since" before one opens it up to the article date).
  let span: [number, number] | null = null;
  const words: string[] = [];
  for (const f of figures) {
    const s = figureSpan(f);
    if (!s) continue;
    const at = tokens.findIndex((t, k) => k >= from && k < to && t.start >= f.start);
    if (inRelativeClause(tokens, from, to, at, lex)) continue;
    if (sinceBefore(tokens, from, at, lex) && ref !== null) s[1] = Math.max(s[1], ref);
    span = span ? [Math.min(span[0], s[0]), Math.max(span[1], s[1])] : s;
    words.push(f.text);
  }
  if (span) return { from: span[0], to: span[1], source: 'date', text: words.join(', ') };
  if (ref === null) return null;
  // Relative phrases and weekdays, resolved with the article date; "since" with no date of its own.
  for (let i = from; i < to; i++) {
    const w = tokens[i]!.normal;
    for (const r of lex.relative) {
      if (r.words[0] !== w || !r.words.every((x, k) => tokens[i + k]?.normal === x && i + k < to)) continue;
      return { from: ref + r.from, to: ref + r.to, source: 'relative', text: text.slice(tokens[i]!.start, tokens[i + r.words.length - 1]!.end) };
    }
    if (lex.weekdays.has(w)) return { from: ref - 7, to: ref, source: 'relative', text: tokens[i]!.text };
    // "since the beginning of …", "since then": a state that runs up to the article date from a time the unit does not give.
    if (lex.since.has(w) && (tokens[i]!.pos !== 'SCONJ' || lex.anaphoricThen.has(tokens[i + 1]?.normal ?? '') || tokens[i + 1]?.pos === 'DET')) {
      return {
        from: -Infinity,
        to: ref,
        source: 'relative',
        text: text.slice(tokens[i]!.start, tokens[i + (lex.anaphoricThen.has(tokens[i + 1]?.normal ?? '') ? 1 : 0)]!.end),
      };
    }
  }
  const aspect = aspectOf(tokens, from, to, lex, heading);
  if (!aspect) return null;
  return aspect.kind === 'event'
    ? { from: ref - lex.window, to: ref, source: 'tense', text: aspect.token.text }
    : { from: -Infinity, to: ref, source: 'tense', text: aspect.token.text };
}

/** True when two times are more than `slack` days apart (different happenings). */
export function timesConflict(a: TimeSpan | null, b: TimeSpan | null, slack: number): boolean {
  if (!a || !b) return false;
  return Math.max(a.from, b.from) - Math.min(a.to, b.to) > slack;
}

/** "2024-06-05", "2024-06-01…2024-06-30", "…2024-06-21" for a report link. */
export function describeTime(t: TimeSpan): string {
  const a = Number.isFinite(t.from) ? isoDay(t.from) : '';
  const b = isoDay(t.to);
  const range = a === b ? a : `${a}…${b}`;
  return `${range} (${t.source === 'date' ? t.text : t.source === 'relative' ? `"${t.text}" and the article date` : `"${t.text}" and the article date`})`;
}
