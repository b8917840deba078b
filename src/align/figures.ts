/**
 * Figures and dates an article gives, read from its tokens and normalised: *June 05* and
 * *June 5, 2024* → `2024-06-05` (the year from the text, else the article date, else the nearest
 * full date in the article), *7,600* → 7600, *2 million* → 2000000, *190%* → 190, *thousands* →
 * a vague count. Offsets are 0-based UTF-16 indices into the file text, end exclusive.
 */
import type { AnalysedArticle, Figure, FigureKind, Token } from '../core/types.js';

export type { Figure, FigureKind } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { loadParaphrases, paraphrasesOf, type ParaphraseTable } from './paraphrases.js';
import { loadPredicates, type PredicateLexicon } from './predicates.js';
import { stem } from './terms.js';
import { loadTimeLexicon } from './time.js';

/** Word tables as maps: an object's lookup of a token such as "constructor" would find Object.prototype's. */
const wordTable = (o: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(o));

const MONTHS: ReadonlyMap<string, number> = wordTable({
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});
const MULTIPLIERS: ReadonlyMap<string, number> = wordTable({
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
});
const NUMBER_WORDS: ReadonlyMap<string, number> = wordTable({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  a: 1,
});
/** Vague plural quantities and the least they can mean. */
const VAGUE: ReadonlyMap<string, number> = wordTable({ dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9 });

const pad = (n: number) => String(n).padStart(2, '0');
const isYear = (t: Token | undefined) => t !== undefined && t.type === 'number' && /^(1[89]|20)\d\d$/.test(t.text);
const numberValue = (t: Token): number | null => {
  if (t.type === 'number') {
    const v = Number(t.text.replace(/,/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  return null;
};
const dayOf = (t: Token | undefined): number | null => {
  if (!t) return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/i.exec(t.text);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
};

interface DateParts {
  a: number;
  b: number;
  month: number;
  day: number | null;
  year: number | null;
  relativeYear: number | null;
}

const capitalised = (t: Token | undefined) => t !== undefined && t.type === 'word' && /^\p{Lu}/u.test(t.text);

/**
 * Whether the day and month at tokens `[a, b)` open a name: capitalised words right after them,
 * the last a name head ("the 17 February Brigade", "the April 6 Youth Movement").
 */
function opensName(tokens: readonly Token[], b: number, end: number, nameHeads: ReadonlySet<string>): boolean {
  for (let k = b; k < Math.min(end, b + 3) && capitalised(tokens[k]); k++) if (nameHeads.has(tokens[k]!.normal)) return true;
  return false;
}

/** A month name with an optional day before or after it and an optional year; null for none or for a day and month that open a name. */
function readDate(tokens: readonly Token[], i: number, end: number, weekdays: ReadonlySet<string>, nameHeads: ReadonlySet<string>): DateParts | null {
  const t = tokens[i]!;
  const n = t.normal;
  const month = MONTHS.get(n.endsWith('.') ? n.slice(0, -1) : n);
  if (month === undefined) return null;
  // "may" and "march" are also verbs: require a day or a year next to them.
  const short = t.normal.length <= 4 && t.pos !== 'PROPN';
  let a = i;
  let b = i + 1;
  let day: number | null = null;
  // Day before: "9 th October", "5th June", "5 June".
  const before = tokens[i - 1];
  const before2 = tokens[i - 2];
  if (before && before.normal === 'th' && dayOf(before2) !== null && i - 2 >= 0) {
    day = dayOf(before2);
    a = i - 2;
  } else if (before && dayOf(before) !== null && before.type !== 'word') {
    day = dayOf(before);
    a = i - 1;
  }
  if (day === null && b < end && dayOf(tokens[b]) !== null && !isYear(tokens[b])) {
    day = dayOf(tokens[b]);
    b++;
    if (b < end && /^(st|nd|rd|th)$/.test(tokens[b]!.normal)) b++;
  }
  let year: number | null = null;
  let c = b;
  if (c < end && tokens[c]!.text === ',') c++;
  if (c < end && isYear(tokens[c])) {
    year = Number(tokens[c]!.text);
    b = c + 1;
  }
  let relativeYear: number | null = null;
  const rel = tokens
    .slice(b, Math.min(end, b + 3))
    .map((x) => x.normal)
    .join(' ');
  if (/^(of )?last year/.test(rel)) relativeYear = -1;
  else if (/^(of )?this year/.test(rel)) relativeYear = 0;
  if (short && day === null && year === null) return null;
  if (day !== null && year === null && opensName(tokens, b, end, nameHeads)) return null;
  if (a > 0 && weekdays.has(tokens[a - 1]!.normal)) a--;
  return { a, b, month, day, year, relativeYear };
}

/**
 * The quantity key of the figure at tokens `[a, b)` in the sentence `[from, to)`: for a count,
 * the noun it counts (after it, else the nearest before it); for a date or year, the nearest
 * happening word (common noun or verb that is not light) before it, else after it.
 */
function quantityOf(
  tokens: readonly Token[],
  a: number,
  b: number,
  from: number,
  to: number,
  kind: FigureKind,
  lex: PredicateLexicon,
  table: ParaphraseTable,
): string | undefined {
  const ok = (t: Token | undefined, verbs: boolean) =>
    t !== undefined &&
    t.type === 'word' &&
    (t.pos === 'NOUN' || (verbs && t.pos === 'VERB' && !lex.light.has(t.lemma))) &&
    !lex.nouns.has(t.lemma) &&
    !lex.nouns.has(t.normal) &&
    !MONTHS.get(t.normal) &&
    VAGUE.get(t.normal) === undefined &&
    MULTIPLIERS.get(t.normal) === undefined;
  const keyOf = (k: number) => {
    const set = paraphrasesOf(table, tokens, k, k + 1)[0]?.set;
    return set ?? stem(tokens[k]!.lemma);
  };
  if (kind !== 'date' && kind !== 'year') {
    for (let k = b; k < Math.min(to, b + 4); k++) {
      const t = tokens[k]!;
      if (ok(t, false)) {
        if (lex.genericCounted.has(t.normal) && tokens[a - 1]?.normal === 'of' && ok(tokens[a - 2], false)) return keyOf(a - 2);
        return keyOf(k);
      }
      if (t.type !== 'word' || !['ADJ', 'ADV', 'ADP', 'NUM', 'VERB'].includes(t.pos)) break;
    }
  }
  for (let k = a - 1; k >= Math.max(from, a - 6); k--) if (ok(tokens[k], kind === 'date' || kind === 'year')) return keyOf(k);
  for (let k = b; k < Math.min(to, b + 6); k++) if (ok(tokens[k], kind === 'date' || kind === 'year')) return keyOf(k);
  return undefined;
}

/** Index of the first token starting at or after `start` (tokens sorted by start), or -1. */
function firstTokenFrom(tokens: readonly { start: number }[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start >= start) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length ? lo : -1;
}

/**
 * The dated figure nearest to `start` (ties: the earlier one), from `dated` in text order: a
 * binary search, where sorting all of them for each undated figure was quadratic in a long article.
 */
function nearestDated<T extends { fig: { start: number } }>(dated: readonly T[], start: number): T {
  let lo = 0;
  let hi = dated.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dated[mid]!.fig.start >= start) hi = mid;
    else lo = mid + 1;
  }
  const before = dated[lo - 1];
  const after = dated[lo];
  if (!before) return after!;
  if (!after) return before;
  return start - before.fig.start <= after.fig.start - start ? before : after;
}

/** Figures found per article (and the lexicons they were found with), while the article lives. */
const found = new WeakMap<AnalysedArticle, { lexicons: Lexicons | undefined; figures: readonly Figure[] }>();

/**
 * The figures of one article in text order. `year` from the article date (or from the nearest
 * full date in the text) completes dates written without one. Found once per article: corpus
 * mode asks for them when it reads the article (grouping features) and again when it aligns its
 * story, after the article got its id (the figures found the first time are given the new id).
 * Callers must not change the figures or the list.
 */
export function figuresOf(article: AnalysedArticle, lexicons?: Lexicons): Figure[] {
  const hit = found.get(article);
  if (hit && hit.lexicons === lexicons) {
    const id = article.id;
    return hit.figures.map((f) => (f.article === id ? f : { ...f, article: id }));
  }
  const figures = findFigures(article, lexicons);
  found.set(article, { lexicons, figures });
  return [...figures];
}

function findFigures(article: AnalysedArticle, lexicons?: Lexicons): Figure[] {
  const { tokens, text } = article;
  const out: Figure[] = [];
  const pubYear = article.meta.date ? Number(article.meta.date.slice(0, 4)) : null;
  const pubMonthDay = article.meta.date ? article.meta.date.slice(5) : null;
  const pending: { fig: Figure; parts: DateParts; future: boolean }[] = [];
  const span = (a: number, b: number) => ({ start: tokens[a]!.start, end: tokens[b - 1]!.end, text: text.slice(tokens[a]!.start, tokens[b - 1]!.end) });
  const lex = loadPredicates(lexicons);
  const table = loadParaphrases(lexicons);
  const { weekdays, nameHeads, future } = loadTimeLexicon(lexicons);
  const { figureQualifiers: qualifiers, currencyWords } = lex;
  const qualifierBefore = (a: number): string | undefined => {
    const p = tokens[a - 1];
    if (!p || !qualifiers.has(p.normal)) return undefined;
    const p2 = tokens[a - 2];
    return p2 && qualifiers.has(p2.normal) && tokens[a - 2]!.sentence === p.sentence ? `${p2.normal} ${p.normal}` : p.normal;
  };

  for (const s of article.sentences) {
    const end = s.tokenEnd;
    for (let i = s.tokenStart; i < end; i++) {
      const t = tokens[i]!;
      const date = t.type === 'word' ? readDate(tokens, i, end, weekdays, nameHeads) : null;
      if (date) {
        const fig: Figure = { article: article.id, ...span(date.a, date.b), kind: 'date', value: '', vague: date.day === null };
        out.push(fig);
        // In a sentence told in the future tense ("will make … on the March 2 broadcast") a date without a year lies ahead.
        let ahead = false;
        for (let k = s.tokenStart; k < date.a && !ahead; k++) ahead = tokens[k]!.pos === 'AUX' && future.has(tokens[k]!.normal);
        pending.push({ fig, parts: date, future: ahead });
        i = date.b - 1;
        continue;
      }
      const vagueMin = VAGUE.get(t.normal);
      if (vagueMin !== undefined && t.type === 'word') {
        let a = i;
        if (tokens[i - 2] && /^(tens|hundreds)$/.test(tokens[i - 2]!.normal) && tokens[i - 1]!.normal === 'of') a = i - 2;
        const q = qualifierBefore(a);
        out.push({
          article: article.id,
          ...span(a, i + 1),
          kind: 'count',
          value: a < i ? vagueMin * 10 : vagueMin,
          vague: true,
          ...(q ? { qualifier: q } : {}),
        });
        continue;
      }
      let value = numberValue(t);
      let a = i;
      let b = i + 1;
      if (
        value === null &&
        t.type === 'word' &&
        NUMBER_WORDS.get(t.normal) !== undefined &&
        tokens[i + 1] &&
        MULTIPLIERS.get(tokens[i + 1]!.normal) !== undefined &&
        t.normal !== 'a'
      ) {
        value = NUMBER_WORDS.get(t.normal)!;
      }
      if (value === null) continue;
      if (isYear(t) && !(tokens[i - 1]?.type === 'currency')) {
        out.push({ article: article.id, ...span(i, i + 1), kind: 'year', value, vague: false });
        continue;
      }
      if (tokens[i + 1] && /^(st|nd|rd|th)$/.test(tokens[i + 1]!.normal)) continue; // an ordinal
      const mult = tokens[b] ? MULTIPLIERS.get(tokens[b]!.normal) : undefined;
      if (mult !== undefined) {
        value *= mult;
        b++;
      }
      let kind: FigureKind = 'count';
      let unit: string | undefined;
      if (tokens[a - 1]?.type === 'currency') {
        kind = 'money';
        unit = tokens[a - 1]!.text;
        a--;
      } else if (tokens[b] && currencyWords.has(tokens[b]!.normal)) {
        kind = 'money';
        unit = tokens[b]!.normal;
        b++;
      } else if (tokens[b]?.text === '%' || tokens[b]?.normal === 'percent') {
        kind = 'percent';
        b++;
      } else if (tokens[b]?.normal === 'per' && tokens[b + 1]?.normal === 'cent') {
        kind = 'percent';
        b += 2;
      }
      const q = qualifierBefore(a);
      out.push({
        article: article.id,
        ...span(a, b),
        kind,
        value: Math.round(value * 1e6) / 1e6,
        vague: false,
        ...(q ? { qualifier: q } : {}),
        ...(unit ? { unit } : {}),
      });
      i = b - 1;
    }
  }

  // What each figure counts or dates.
  // Tokens are in text order: the first token at or after a figure's start by binary search
  // (a scan per figure was quadratic in a long article).
  for (const f of out) {
    const a = firstTokenFrom(tokens, f.start);
    let b = a;
    while (b < tokens.length && tokens[b]!.end <= f.end) b++;
    const s = article.sentences[tokens[a]!.sentence]!;
    const q = quantityOf(tokens, a, b, s.tokenStart, s.tokenEnd, f.kind, lex, table);
    if (q !== undefined) f.quantity = q;
  }

  // Complete dates: the year as written, else relative to the article date, else the article
  // date's year (a month after the publication date means the year before; in a future-tense
  // sentence, a month before it means the year after), else the nearest
  // dated mention in the text.
  const dated = pending.filter((p) => p.parts.year !== null);
  for (const { fig, parts, future: ahead } of pending) {
    let year = parts.year;
    if (year === null && parts.relativeYear !== null && pubYear !== null) year = pubYear + parts.relativeYear;
    if (year === null && pubYear !== null && pubMonthDay !== null) {
      const md = `${pad(parts.month)}-${pad(parts.day ?? 1)}`;
      year = ahead ? (md < pubMonthDay ? pubYear + 1 : pubYear) : md > pubMonthDay ? pubYear - 1 : pubYear;
    }
    if (year === null && dated.length > 0) year = nearestDated(dated, fig.start).parts.year;
    const md = parts.day === null ? pad(parts.month) : `${pad(parts.month)}-${pad(parts.day)}`;
    fig.value = year === null ? `--${md}` : `${year}-${md}`;
  }
  return out;
}
