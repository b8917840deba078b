/**
 * Outlet-level aggregates over many per-story reports, computed only from what the reports hold
 * (findings, events, omissions), so each number can be recomputed from them. Only the findings a
 * report shows count (confidence at or above the report's threshold for their kind, as its scores
 * and views count them); hidden ones stay in the story JSON. Articles whose
 * outlet is unknown (see src/ingest/outlets.ts for where outlets come from) are counted but make
 * no row; outlets with fewer than `minArticles` articles are left out (listed in the metadata).
 */
import type { OutletSource, Report, SourceType } from '../core/types.js';
import { SOURCE_TYPES } from '../analyses/attribution/scores.js';
import { GENERATOR_MARK } from '../report/write.js';
import { isShown } from '../core/confidence.js';
import { seededRandom } from '../core/random.js';

/** Least articles an outlet needs for a row, unless `--min-articles` says otherwise: one article says little about an outlet. */
export const DEFAULT_MIN_ARTICLES = 2;

export interface OutletRow {
  outlet: string;
  articles: number;
  words: number;
  /** Loaded-term findings shown. */
  loaded: number;
  /** Loaded-term findings shown, per 1,000 words. */
  loadedPer1000: number;
  /** 95 % interval of `loadedPer1000` when the outlet's articles are resampled ({@link articleInterval}). */
  loadedPer1000Interval: [number, number];
  attributions: number;
  /** Share of attributions per source type (0..1); every type, 0 when absent. */
  sourceMix: Record<SourceType, number>;
  unsourced: number;
  /** Unsourced assertions / sentences that are not headings (0..1), as each article's `unsourcedShare` score. */
  unsourcedShare: number;
  /** 95 % interval of `unsourcedShare` when the outlet's articles are resampled. */
  unsourcedShareInterval: [number, number];
  /** Its articles in a story that another known outlet covers too (the rest compare different stories). */
  articlesInSharedStories: number;
  /** Multi-article events of its stories it leaves out, and those it could have covered. */
  eventsOmitted: number;
  eventsInStories: number;
  /** How many of its articles got the outlet from each source. */
  outletSources: Partial<Record<OutletSource, number>>;
}

export interface OutletTable {
  rows: OutletRow[];
  minArticles: number;
  /** Outlets with fewer than `minArticles` articles (no row). */
  leftOut: { outlet: string; articles: number }[];
  /** Articles with no known outlet (no row). */
  withoutOutlet: number;
  /** The thresholds findings had to reach to count (the reports' own; null before any report was added). */
  shownAt: ShownAt | null;
}

/** A report's confidence thresholds: `minConfidence`, and per kind where it differs. */
export interface ShownAt {
  minConfidence: number;
  minConfidenceByKind: Record<string, number>;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

type OutletAcc = {
  articles: number;
  words: number;
  sentences: number;
  loaded: number;
  attributions: number;
  types: Map<string, number>;
  unsourced: number;
  omitted: number;
  multi: number;
  shared: number;
  sources: Map<OutletSource, number>;
  /** Per article: loaded, words, unsourced, sentences (for the intervals). */
  each: [number, number, number, number][];
};

/** What the outlet table needs of one report: per article its outlet, size and finding counts; the report's multi-article events. */
export interface OutletPart {
  multi: number;
  shownAt: ShownAt;
  articles: {
    outlet: string | null;
    outletSource: OutletSource | null | undefined;
    words: number;
    /** Sentences that are not headings (the denominator of the unsourced share). */
    sentences: number;
    loaded: number;
    unsourced: number;
    attributions: number;
    /** Attributions per source type, in the order first found. */
    types: [string, number][];
    omitted: number;
    /** Its story holds an article of another known outlet. */
    shared: boolean;
  }[];
}

/** The part of `r` that {@link OutletAccumulator} adds up: the findings `r` shows, not the hidden ones. */
export function outletPartOf(r: Report): OutletPart {
  const multi = r.events.filter((e) => e.articles.length > 1).length;
  const outlets = new Set(r.articles.map((a) => a.outlet).filter((o) => o !== null));
  const byArticle = new Map<string, Report['findings']>();
  for (const f of r.findings) {
    if (!isShown(f, r)) continue;
    const list = byArticle.get(f.article);
    if (list) list.push(f);
    else byArticle.set(f.article, [f]);
  }
  return {
    multi,
    shownAt: { minConfidence: r.minConfidence, minConfidenceByKind: { ...(r.minConfidenceByKind ?? {}) } },
    articles: r.articles.map((a) => {
      let loaded = 0;
      let unsourced = 0;
      let attributions = 0;
      const types = new Map<string, number>();
      for (const f of byArticle.get(a.id) ?? []) {
        if (f.kind === 'loaded') loaded++;
        else if (f.kind === 'unsourced') unsourced++;
        else if (f.kind === 'attribution') {
          attributions++;
          types.set(f.sourceType, (types.get(f.sourceType) ?? 0) + 1);
        }
      }
      return {
        outlet: a.outlet,
        outletSource: a.outletSource,
        words: a.words,
        sentences: a.sentenceSpans.filter((s) => !s.heading).length,
        loaded,
        unsourced,
        attributions,
        types: [...types],
        omitted: (r.omissions?.[a.id] ?? []).length,
        shared: a.outlet !== null && outlets.size > 1,
      };
    }),
  };
}

/**
 * Outlet aggregates built one report at a time, so corpus mode need not keep its reports:
 * `add` each story's report, then `table()`.
 */
export class OutletAccumulator {
  private readonly acc = new Map<string, OutletAcc>();
  private withoutOutlet = 0;
  private shownAt: ShownAt | null = null;

  add(r: Report): void {
    this.addPart(outletPartOf(r));
  }

  /** Adds what {@link outletPartOf} kept of one report (a worker thread sends it instead of the report). */
  addPart(p: OutletPart): void {
    this.shownAt ??= p.shownAt;
    for (const a of p.articles) {
      const key = a.outlet;
      if (key === null) {
        this.withoutOutlet++;
        continue;
      }
      const e: OutletAcc = this.acc.get(key) ?? {
        articles: 0,
        words: 0,
        sentences: 0,
        loaded: 0,
        attributions: 0,
        types: new Map(),
        unsourced: 0,
        omitted: 0,
        multi: 0,
        shared: 0,
        sources: new Map(),
        each: [],
      };
      e.articles++;
      e.each.push([a.loaded, a.words, a.unsourced, a.sentences]);
      e.words += a.words;
      e.sentences += a.sentences;
      if (a.outletSource) e.sources.set(a.outletSource, (e.sources.get(a.outletSource) ?? 0) + 1);
      e.loaded += a.loaded;
      e.unsourced += a.unsourced;
      e.attributions += a.attributions;
      for (const [t, n] of a.types) e.types.set(t, (e.types.get(t) ?? 0) + n);
      e.omitted += a.omitted;
      if (a.shared) e.shared++;
      e.multi += p.multi;
      this.acc.set(key, e);
    }
  }

  /** One row per outlet with at least `minArticles` articles, sorted by outlet; and what was left out. */
  table(minArticles = DEFAULT_MIN_ARTICLES): OutletTable {
    const all = [...this.acc.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const rows = all
      .filter(([, e]) => e.articles >= minArticles)
      .map(([outlet, e]) => ({
        outlet,
        articles: e.articles,
        words: e.words,
        loaded: e.loaded,
        loadedPer1000: r4(e.words ? (1000 * e.loaded) / e.words : 0),
        loadedPer1000Interval: articleInterval(
          e.each.map(([hits, words]) => [hits, words]),
          outlet,
          1000,
        ),
        attributions: e.attributions,
        sourceMix: Object.fromEntries(SOURCE_TYPES.map((t) => [t, r4(e.attributions ? (e.types.get(t) ?? 0) / e.attributions : 0)])) as Record<
          SourceType,
          number
        >,
        unsourced: e.unsourced,
        unsourcedShare: r4(e.sentences ? e.unsourced / e.sentences : 0),
        unsourcedShareInterval: articleInterval(
          e.each.map(([, , hits, sentences]) => [hits, sentences]),
          outlet,
        ),
        articlesInSharedStories: e.shared,
        eventsOmitted: e.omitted,
        eventsInStories: e.multi,
        outletSources: Object.fromEntries([...e.sources.entries()].sort()),
      }));
    const leftOut = all.filter(([, e]) => e.articles < minArticles).map(([outlet, e]) => ({ outlet, articles: e.articles }));
    return { rows, minArticles, leftOut, withoutOutlet: this.withoutOutlet, shownAt: this.shownAt };
  }
}

/** Resamples behind each interval of an outlet row. */
export const INTERVAL_RESAMPLES = 1000;

/**
 * 95 % percentile-bootstrap interval of a ratio (sum of hits / sum of sizes, times `scale`) over
 * articles given as [hits, size]: the articles are drawn with replacement INTERVAL_RESAMPLES
 * times, so a rate that rests on one or two articles gets a wide interval. Seeded by `seedText`
 * (the outlet), so a table is the same bytes every run, whatever the other outlets. Rounded as the rates.
 */
export function articleInterval(articles: readonly [number, number][], seedText: string, scale = 1): [number, number] {
  const n = articles.length;
  if (n === 0) return [0, 0];
  let seed = 2166136261;
  for (let i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619);
  const rand = seededRandom(seed);
  const rates: number[] = [];
  for (let k = 0; k < INTERVAL_RESAMPLES; k++) {
    let hits = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      const [h, s] = articles[Math.floor(rand() * n)]!;
      hits += h;
      size += s;
    }
    rates.push(size ? (scale * hits) / size : 0);
  }
  rates.sort((x, y) => x - y);
  return [r4(rates[Math.floor(0.025 * INTERVAL_RESAMPLES)]!), r4(rates[Math.ceil(0.975 * INTERVAL_RESAMPLES) - 1]!)];
}

/** The outlet table of finished reports. */
export function outletAggregates(reports: readonly Report[], minArticles = DEFAULT_MIN_ARTICLES): OutletTable {
  const acc = new OutletAccumulator();
  for (const r of reports) acc.add(r);
  return acc.table(minArticles);
}

/**
 * One CSV cell (RFC 4180 quoting). A text cell that a spreadsheet would run as a formula (it
 * begins with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
export function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const INTERVAL_LOW =
  "lower end of the column before's 95 % interval when the outlet's articles are resampled (percentile bootstrap, 1,000 resamples, seeded): a rate resting on few articles gets a wide one; outlets whose intervals overlap do not clearly differ";

/** The CSV's columns, in order, with what each holds (also written to the metadata sidecar). */
export const CSV_COLUMNS: readonly { name: string; meaning: string; of: (r: OutletRow) => string | number }[] = [
  { name: 'outlet', meaning: 'outlet name', of: (r) => r.outlet },
  { name: 'articles', meaning: 'articles of the outlet in the corpus', of: (r) => r.articles },
  { name: 'words', meaning: 'words in those articles', of: (r) => r.words },
  { name: 'loaded', meaning: 'loaded-term findings shown', of: (r) => r.loaded },
  { name: 'loaded_per_1000_words', meaning: 'loaded-term findings shown, per 1,000 words', of: (r) => r.loadedPer1000 },
  { name: 'loaded_per_1000_words_low', meaning: INTERVAL_LOW, of: (r) => r.loadedPer1000Interval[0] },
  { name: 'loaded_per_1000_words_high', meaning: 'upper end of that interval', of: (r) => r.loadedPer1000Interval[1] },
  { name: 'attributions', meaning: 'attributions shown (someone cited)', of: (r) => r.attributions },
  ...SOURCE_TYPES.map((t) => ({
    name: `source_${t.replace(/-/g, '_')}`,
    meaning: `share of the attributions shown whose source type is ${t} (0..1)`,
    of: (r: OutletRow) => r.sourceMix[t],
  })),
  { name: 'unsourced', meaning: 'unsourced assertions shown', of: (r) => r.unsourced },
  { name: 'unsourced_share', meaning: 'unsourced assertions shown per sentence that is not a heading (0..1)', of: (r) => r.unsourcedShare },
  { name: 'unsourced_share_low', meaning: INTERVAL_LOW, of: (r) => r.unsourcedShareInterval[0] },
  { name: 'unsourced_share_high', meaning: 'upper end of that interval', of: (r) => r.unsourcedShareInterval[1] },
  {
    name: 'articles_in_shared_stories',
    meaning:
      'of its articles, those in a story another outlet covers too: only these compare with other outlets on the same story; the rest compare different stories (articles.csv has each story)',
    of: (r) => r.articlesInSharedStories,
  },
  { name: 'events_omitted', meaning: 'multi-article events of its stories that it leaves out', of: (r) => r.eventsOmitted },
  { name: 'events_in_stories', meaning: 'multi-article events in its stories', of: (r) => r.eventsInStories },
];

/** Tidy CSV of the rows: a header line, then one row per outlet, one value per cell. Metadata goes to `outletsMeta`. */
export function outletsCsv(rows: readonly OutletRow[]): string {
  const lines = rows.map((r) => CSV_COLUMNS.map((c) => csvCell(c.of(r))).join(','));
  return `${[CSV_COLUMNS.map((c) => c.name).join(','), ...lines].join('\n')}\n`;
}

/** The CSV's sidecar (outlets.meta.json): generator, columns, the minimum, what was left out and where outlets came from. */
export function outletsMeta(table: OutletTable, command: string): string {
  return `${JSON.stringify(
    {
      generator: GENERATOR_MARK,
      command,
      file: 'outlets.csv',
      columns: CSV_COLUMNS.map((c) => ({ name: c.name, meaning: c.meaning })),
      minArticles: table.minArticles,
      counted:
        'findings shown: confidence at least minConfidenceByKind of their kind (else minConfidence); the hidden ones are in stories/*.json only (--min-confidence 0 counts every finding)',
      shownAt: table.shownAt,
      leftOut: table.leftOut,
      withoutOutlet: table.withoutOutlet,
      outletSources: Object.fromEntries(table.rows.map((r) => [r.outlet, r.outletSources])),
      outletOrder:
        'front-matter, html-meta (og:site_name, JSON-LD publisher), url (domain), outlets-map (--outlets), page-text (copyright line), folder (below the folder given)',
    },
    null,
    2,
  )}\n`;
}
