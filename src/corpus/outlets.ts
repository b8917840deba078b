/**
 * Outlet-level aggregates over many per-story reports, computed only from what the reports hold
 * (findings, events, omissions), so each number can be recomputed from them.
 */
import type { Report } from '../core/types.js';
import { GENERATOR_MARK } from '../report/write.js';

export interface OutletRow {
  outlet: string;
  articles: number;
  words: number;
  /** Loaded-term findings per 1,000 words. */
  loadedPer1000: number;
  attributions: number;
  /** Share of attributions per source type (0..1). */
  sourceMix: Record<string, number>;
  unsourced: number;
  /** Unsourced assertions / sentences (0..1). */
  unsourcedShare: number;
  /** Multi-article events of its stories it leaves out, and those it could have covered. */
  eventsOmitted: number;
  eventsInStories: number;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

type OutletAcc = { articles: number; words: number; sentences: number; loaded: number; attributions: number; types: Map<string, number>; unsourced: number; omitted: number; multi: number };

/**
 * Outlet aggregates built one report at a time, so corpus mode need not keep its reports:
 * `add` each story's report, then `rows()`.
 */
export class OutletAccumulator {
  private readonly acc = new Map<string, OutletAcc>();

  add(r: Report): void {
    const multi = r.events.filter((e) => e.articles.length > 1).length;
    const byArticle = new Map<string, Report['findings']>();
    for (const f of r.findings) {
      const list = byArticle.get(f.article);
      if (list) list.push(f);
      else byArticle.set(f.article, [f]);
    }
    for (const a of r.articles) {
      const key = a.outlet ?? a.label;
      const e = this.acc.get(key) ?? { articles: 0, words: 0, sentences: 0, loaded: 0, attributions: 0, types: new Map(), unsourced: 0, omitted: 0, multi: 0 };
      e.articles++;
      e.words += a.words;
      e.sentences += a.sentences;
      for (const f of byArticle.get(a.id) ?? []) {
        if (f.kind === 'loaded') e.loaded++;
        else if (f.kind === 'unsourced') e.unsourced++;
        else if (f.kind === 'attribution') {
          e.attributions++;
          e.types.set(f.sourceType, (e.types.get(f.sourceType) ?? 0) + 1);
        }
      }
      e.omitted += (r.omissions?.[a.id] ?? []).length;
      e.multi += multi;
      this.acc.set(key, e);
    }
  }

  /** One row per outlet (article label when no outlet is known), sorted by outlet. */
  rows(): OutletRow[] {
    return [...this.acc.entries()]
      .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .map(([outlet, e]) => ({
        outlet,
        articles: e.articles,
        words: e.words,
        loadedPer1000: r4(e.words ? (1000 * e.loaded) / e.words : 0),
        attributions: e.attributions,
        sourceMix: Object.fromEntries([...e.types.entries()].sort().map(([t, n]) => [t, r4(n / e.attributions)])),
        unsourced: e.unsourced,
        unsourcedShare: r4(e.sentences ? e.unsourced / e.sentences : 0),
        eventsOmitted: e.omitted,
        eventsInStories: e.multi,
      }));
  }
}

/** One row per outlet (article label when no outlet is known), sorted by outlet. */
export function outletAggregates(reports: readonly Report[]): OutletRow[] {
  const acc = new OutletAccumulator();
  for (const r of reports) acc.add(r);
  return acc.rows();
}

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV of the rows (source mix as one `type:share` list per cell), with a generator comment line. */
export function outletsCsv(rows: readonly OutletRow[]): string {
  const header = ['outlet', 'articles', 'words', 'loaded_per_1000', 'attributions', 'source_mix', 'unsourced', 'unsourced_share', 'events_omitted', 'events_in_stories'];
  const lines = rows.map((r) =>
    [r.outlet, r.articles, r.words, r.loadedPer1000, r.attributions, Object.entries(r.sourceMix).map(([t, s]) => `${t}:${s}`).join(' '), r.unsourced, r.unsourcedShare, r.eventsOmitted, r.eventsInStories].map(csvCell).join(','),
  );
  return `# ${GENERATOR_MARK}\n${header.join(',')}\n${lines.join('\n')}\n`;
}
