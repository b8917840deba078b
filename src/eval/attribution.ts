/**
 * Evaluation of attribution and unsourced assertions against PolNeAR: the train split (the tuning
 * half) and the dev split (the check half) side by side, for all attributions and for those shown
 * at the default confidence threshold (`PARALLAX_POLNEAR_SPLIT=train|dev` runs one; `PARALLAX_POLNEAR_LIMIT=N`
 * articles at most, `PARALLAX_POLNEAR_EVERY=k` / `PARALLAX_POLNEAR_OFFSET=o` every k-th article from
 * the o-th, `PARALLAX_POLNEAR_DUMP=FILE` writes missed relations, unmatched and matched (`ok`) attributions as
 * JSON lines to FILE, for error analysis outside the repository). Metrics as defined in
 * ../shared/datasets/README.md §2. Runs the real pipeline on each `.txt` exactly as it is, with
 * one annotator (the first `.ann` file in name order) per article. PolNeAR offsets count code
 * points; the development files hold no character outside the BMP, so they equal our UTF-16
 * offsets (a file that has one is reported and skipped).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrationKeys } from '../analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../core/confidence.js';
import type { AttributionFinding, Span, UnsourcedFinding } from '../core/types.js';
import { analyseArticles, prepareArticle } from '../pipeline.js';
import { loadLexicons } from '../lexicons/index.js';

/** A brat text-bound annotation: type and (possibly discontinuous) 0-based spans. */
interface Ann {
  type: string;
  spans: Span[];
}

interface GoldRelation {
  source: Span[] | null;
  cue: Span[] | null;
  content: Span[];
}

/** Parses a brat .ann file into text-bound annotations and attribution relations. */
export function parseAnn(raw: string): { anns: Map<string, Ann>; relations: GoldRelation[] } {
  const anns = new Map<string, Ann>();
  const events: string[] = [];
  for (const line of raw.split('\n')) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (m) {
      const spans = m[3]!.split(';').map((p) => {
        const [a, b] = p.trim().split(' ').map(Number);
        return { start: a!, end: b! };
      });
      anns.set(m[1]!, { type: m[2]!, spans });
      continue;
    }
    if (/^E\d+\t/.test(line)) events.push(line.split('\t')[1] ?? '');
  }
  const relations: GoldRelation[] = [];
  for (const e of events) {
    const roles = new Map<string, string>();
    for (const part of e.trim().split(/\s+/)) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role.replace(/\d+$/, '') + (/\d+$/.test(role) ? '#' : ''), id);
    }
    const get = (r: string) => {
      const id = roles.get(r);
      return id ? (anns.get(id)?.spans ?? null) : null;
    };
    relations.push({ source: get('Source'), cue: get('Cue'), content: [...(get('Content') ?? []), ...(get('Content#') ?? [])] });
  }
  return { anns, relations };
}

const overlapsAny = (x: Span, ys: readonly Span[] | null): boolean => ys !== null && ys.some((y) => x.start < y.end && y.start < x.end);

/** Start offsets of the word tokens of `text` inside `spans`. */
export function words(text: string, spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) {
    const re = /[\p{L}\p{N}]+/gu;
    re.lastIndex = s.start;
    for (let m = re.exec(text); m && m.index < s.end; m = re.exec(text)) out.add(m.index);
  }
  return out;
}

interface Counts {
  gold: number;
  found: number;
  tool: number;
  toolCueHit: number;
  toolStrict: number;
  goldCues: number;
  goldCuesHit: number;
  toolSources: number;
  toolSourcesHit: number;
  goldSources: number;
  goldSourcesHit: number;
  contentTp: number;
  contentFp: number;
  contentFn: number;
  sentTp: number;
  sentFp: number;
  sentFn: number;
  articles: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number): string => x.toFixed(3);

/** One line of the optional error dump (`PARALLAX_POLNEAR_DUMP=FILE`): a missed gold relation or a tool attribution with no gold cue. */
interface DumpRow {
  article: string;
  what: 'miss' | 'fp' | 'src' | 'ok';
  cue: string;
  source: string | null;
  context: string;
  rule?: string;
  pattern?: string;
  content?: string | null;
  confidence?: number;
  cueAt?: number;
  contentAt?: [number, number] | null;
}

const spanText = (text: string, spans: readonly Span[] | null): string | null => (spans ? spans.map((s) => text.slice(s.start, s.end)).join(' … ') : null);

/** Scores one article's findings against its gold annotations, adding to `c` (and error rows to `dump`). */
function scoreArticle(
  text: string,
  gold: ReturnType<typeof parseAnn>,
  attributions: AttributionFinding[],
  unsourced: UnsourcedFinding[],
  sentences: Span[],
  c: Counts,
  dump?: DumpRow[],
  name = '',
): void {
  const around = (s: Span): string => {
    const sent = sentences.find((x) => x.start <= s.start && s.start < x.end) ?? s;
    return text.slice(sent.start, sent.end).replace(/\s+/g, ' ');
  };
  const rel = gold.relations;
  const goldCueSpans = rel.filter((r) => r.cue).map((r) => r.cue!);
  const matches = (a: AttributionFinding, r: GoldRelation) =>
    r.cue !== null && overlapsAny(a.cue, r.cue) && (r.source === null || (a.source !== null && overlapsAny(a.source, r.source)));
  c.gold += rel.length;
  c.tool += attributions.length;
  for (const a of attributions) {
    if (goldCueSpans.some((g) => overlapsAny(a.cue, g))) c.toolCueHit++;
    const strict = rel.some((r) => matches(a, r));
    if (strict) c.toolStrict++;
    dump?.push({
      article: name,
      what: strict ? 'ok' : goldCueSpans.some((g) => overlapsAny(a.cue, g)) ? 'src' : 'fp',
      cue: a.cue.text,
      source: a.source?.text ?? null,
      context: around(a.cue),
      rule: a.rule,
      pattern: a.pattern,
      content: a.content?.text ?? null,
      confidence: a.confidence,
      cueAt: a.cue.start,
      contentAt: a.content ? [a.content.start, a.content.end] : null,
    });
    if (a.source) {
      c.toolSources++;
      if (rel.some((r) => overlapsAny(a.source!, r.source))) c.toolSourcesHit++;
    }
  }
  for (const r of rel) {
    if (r.cue) {
      c.goldCues++;
      if (attributions.some((a) => overlapsAny(a.cue, r.cue))) c.goldCuesHit++;
    }
    if (r.source) {
      c.goldSources++;
      if (attributions.some((a) => a.source && overlapsAny(a.source, r.source))) c.goldSourcesHit++;
    }
    const hit = attributions.find((a) => matches(a, r));
    if (!hit) {
      if (dump && r.cue) dump.push({ article: name, what: 'miss', cue: spanText(text, r.cue)!, source: spanText(text, r.source), context: around(r.cue[0]!) });
      continue;
    }
    c.found++;
    // Content token F1: words between gold fragments count neither way; the tool's own source
    // and cue words inside its content are ignored.
    const g = words(text, r.content);
    const ignore = new Set<number>();
    if (r.content.length > 1) {
      const lo = Math.min(...r.content.map((s) => s.start));
      const hi = Math.max(...r.content.map((s) => s.end));
      for (const w of words(text, [{ start: lo, end: hi }])) if (!g.has(w)) ignore.add(w);
    }
    for (const w of words(text, [hit.cue, ...(hit.source ? [hit.source] : [])])) ignore.add(w);
    const t = hit.content ? words(text, [hit.content]) : new Set<number>();
    for (const w of t) {
      if (ignore.has(w)) continue;
      if (g.has(w)) c.contentTp++;
      else c.contentFp++;
    }
    for (const w of g) if (!t.has(w) && !ignore.has(w)) c.contentFn++;
  }
  // Unsourced proxy over sentences.
  const fragments: Span[] = [];
  const discard: Span[] = [];
  for (const a of gold.anns.values()) {
    if (a.type === 'Source' || a.type === 'Cue' || a.type === 'Content') fragments.push(...a.spans);
    if (a.type === 'Discard') discard.push(...a.spans);
  }
  for (const s of sentences) {
    const goldUnsourced = !overlapsAny(s, fragments) && !overlapsAny(s, discard);
    const len = s.end - s.start;
    const flagged = unsourced.some((u) => Math.min(u.end, s.end) - Math.max(u.start, s.start) >= len / 2);
    if (flagged && goldUnsourced) c.sentTp++;
    else if (flagged) c.sentFp++;
    else if (goldUnsourced) c.sentFn++;
  }
  c.articles++;
}

/** Which half of PolNeAR: `train` is the tuning half, `dev` the check half (../shared/datasets/README.md). */
export type Split = 'train' | 'dev';

/** One article as evaluated: its text, gold relations, findings and sentences. */
export interface Evaluated {
  name: string;
  text: string;
  gold: ReturnType<typeof parseAnn>;
  attributions: AttributionFinding[];
  unsourced: UnsourcedFinding[];
  sentences: Span[];
}

/** One PolNeAR article: its name, its text file, the text as parallax reads it (no byte-order mark) and its gold. */
export interface PolnearDoc {
  base: string;
  path: string;
  text: string;
  gold: ReturnType<typeof parseAnn>;
}

/**
 * The articles of a PolNeAR split folder in name order, one annotator each (the first `.ann` in name order):
 * every `every`-th from the `offset`-th, at most `limit` of them; an article without its text is passed over, and
 * one with characters outside the BMP is passed to `onSkip` (PolNeAR offsets count code points, ours UTF-16 units).
 */
export function* polnearDocs(
  dir: string,
  { every = 1, offset = 0, limit = Infinity, onSkip }: { every?: number; offset?: number; limit?: number; onSkip?: (base: string) => void } = {},
): Generator<PolnearDoc> {
  let nth = -1;
  let taken = 0;
  const all = new Set<string>();
  for (const ann of readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort()) {
    const base = ann.replace(/_[^_]+\.ann$/, '');
    if (all.has(base) || taken >= limit) continue;
    all.add(base);
    nth++;
    if (nth < offset || (nth - offset) % every !== 0) continue;
    taken++;
    const path = join(dir, 'text', `${base}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    if (/[\uD800-\uDBFF]/.test(text)) {
      onSkip?.(base);
      continue;
    }
    yield { base, path, text, gold: parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')) };
  }
}

/** The spans of a PolNeAR gold that make a sentence sourced for the unsourced proxy (source, cue, content) and those it discards. */
export function proxySpans(gold: ReturnType<typeof parseAnn>): { fragments: Span[]; discard: Span[] } {
  const fragments: Span[] = [];
  const discard: Span[] = [];
  for (const a of gold.anns.values()) {
    if (a.type === 'Source' || a.type === 'Cue' || a.type === 'Content') fragments.push(...a.spans);
    if (a.type === 'Discard') discard.push(...a.spans);
  }
  return { fragments, discard };
}

/** Runs parallax on the articles of one split (one annotator per article: the first `.ann` in name order). */
function evaluateSplit(datasetsDir: string, split: Split, lexicons: ReturnType<typeof loadLexicons>): Evaluated[] | null {
  const dir = join(datasetsDir, 'polnear', split);
  if (!existsSync(dir)) return null;
  const out: Evaluated[] = [];
  for (const { base, path, text, gold } of polnearDocs(dir, {
    limit: Number(process.env['PARALLAX_POLNEAR_LIMIT'] ?? Infinity),
    // Every n-th article only (spreads a quick train sample over all outlets), starting at `offset`.
    every: Math.max(1, Number(process.env['PARALLAX_POLNEAR_EVERY'] ?? 1)),
    offset: Number(process.env['PARALLAX_POLNEAR_OFFSET'] ?? 0),
    onSkip: (b) => console.log(`eval attribution: skipped ${b} (characters outside the BMP: offsets would differ)`),
  })) {
    const article = prepareArticle(path);
    const report = analyseArticles([article], lexicons);
    out.push({
      name: base,
      text,
      gold,
      attributions: report.findings.filter((f): f is AttributionFinding => f.kind === 'attribution'),
      unsourced: report.findings.filter((f): f is UnsourcedFinding => f.kind === 'unsourced'),
      sentences: article.sentences.map((x) => ({ start: x.start, end: x.end })),
    });
  }
  return out;
}

const newCounts = (): Counts => ({
  gold: 0,
  found: 0,
  tool: 0,
  toolCueHit: 0,
  toolStrict: 0,
  goldCues: 0,
  goldCuesHit: 0,
  toolSources: 0,
  toolSourcesHit: 0,
  goldSources: 0,
  goldSourcesHit: 0,
  contentTp: 0,
  contentFp: 0,
  contentFn: 0,
  sentTp: 0,
  sentFp: 0,
  sentFn: 0,
  articles: 0,
});

/** True when attribution `a` matches a gold relation: its cue overlaps the gold cue and, when the gold has a source, its source overlaps it. */
export function matchesGold(a: Pick<AttributionFinding, 'cue' | 'source'>, gold: ReturnType<typeof parseAnn>): boolean {
  return gold.relations.some(
    (r) => r.cue !== null && overlapsAny(a.cue, r.cue) && (r.source === null || (a.source !== null && overlapsAny(a.source, r.source))),
  );
}

/** The calibration keys of an attribution, most specific first (see src/analyses/confidence.ts). */
export const attributionKeys = (a: AttributionFinding): string[] => calibrationKeys(a);

/** The threshold of the "shown" rows: the views' default for attributions, unless PARALLAX_MIN_CONFIDENCE says otherwise. */
export const EVAL_MIN_CONFIDENCE = Number(process.env['PARALLAX_MIN_CONFIDENCE'] ?? DEFAULT_MIN_CONFIDENCE_BY_KIND['attribution'] ?? DEFAULT_MIN_CONFIDENCE);

function score(rows: readonly Evaluated[], keep: (a: AttributionFinding) => boolean, dump?: DumpRow[]): Counts {
  const c = newCounts();
  for (const r of rows) scoreArticle(r.text, r.gold, r.attributions.filter(keep), r.unsourced, r.sentences, c, dump, r.name);
  return c;
}

interface Metrics {
  p: number;
  r: number;
  f: number;
  strict: number;
  n: number;
}
function metrics(c: Counts): Metrics {
  const p = ratio(c.toolCueHit, c.tool);
  const r = ratio(c.found, c.gold);
  return { p, r, f: f1(p, r), strict: ratio(c.toolStrict, c.tool), n: c.tool };
}

/**
 * Runs the evaluation on the tuning half (train) and the check half (dev), side by side, for all
 * attributions and for the shown ones (confidence at least EVAL_MIN_CONFIDENCE, the confidence
 * taken from the tuning half), with a per-pattern table; returns the counts of all findings per
 * split. `PARALLAX_POLNEAR_SPLIT=train|dev` runs one split only (shown rows then need train).
 */
export function run(datasetsDir: string): Partial<Record<Split, Counts>> | undefined {
  const only = process.env['PARALLAX_POLNEAR_SPLIT'] as Split | undefined;
  const splits: Split[] = only ? [only] : ['train', 'dev'];
  const lexicons = loadLexicons();
  const dumpPath = process.env['PARALLAX_POLNEAR_DUMP'];
  const dump: DumpRow[] | undefined = dumpPath ? [] : undefined;
  const started = Date.now();
  const data = new Map<Split, Evaluated[]>();
  for (const split of splits) {
    const rows = evaluateSplit(datasetsDir, split, lexicons);
    if (rows) data.set(split, rows);
    else console.log(`eval attribution: skipped — no PolNeAR ${split} split at ${join(datasetsDir, 'polnear', split)}`);
  }
  if (data.size === 0) return undefined;
  // Confidence as the pipeline assigns it (lexicons/calibration.yml, measured on the tuning halves by npm run calibrate).
  const conf = (a: AttributionFinding): number => a.confidence;
  const shown = (a: AttributionFinding) => conf(a) >= EVAL_MIN_CONFIDENCE;
  const counts: Partial<Record<Split, Counts>> = {};
  const table: [string, string[]][] = [];
  for (const [split, rows] of data) {
    const c = score(rows, () => true, only === undefined || only === split ? dump : undefined);
    counts[split] = c;
    const cp = ratio(c.contentTp, c.contentTp + c.contentFp);
    const cr = ratio(c.contentTp, c.contentTp + c.contentFn);
    const up = ratio(c.sentTp, c.sentTp + c.sentFp);
    const ur = ratio(c.sentTp, c.sentTp + c.sentFn);
    const m = metrics(c);
    const s = data.has('train') ? metrics(score(rows, shown)) : null;
    const cues = ratio(c.goldCuesHit, c.goldCues);
    const sp = ratio(c.toolSourcesHit, c.toolSources);
    const sr = ratio(c.goldSourcesHit, c.goldSources);
    const cells = [
      `${fmt(m.p)} ${fmt(m.r)} ${fmt(m.f)}`,
      `${fmt(m.strict)}`,
      s ? `${fmt(s.p)} ${fmt(s.r)} ${fmt(s.f)}` : '',
      s ? `${fmt(s.strict)} (${s.n} of ${m.n})` : '',
      `${fmt(m.p)} ${fmt(cues)} ${fmt(f1(m.p, cues))}`,
      `${fmt(sp)} ${fmt(sr)} ${fmt(f1(sp, sr))}`,
      `${fmt(cp)} ${fmt(cr)} ${fmt(f1(cp, cr))}`,
      `${fmt(up)} ${fmt(ur)} ${fmt(f1(up, ur))}`,
    ];
    table.push([`${split === 'train' ? 'train (tuning)' : 'dev (check)'}, ${c.articles} articles, ${c.gold} gold, ${c.tool} tool`, cells]);
  }
  if (dumpPath && dump) writeFileSync(dumpPath, dump.map((d) => JSON.stringify(d)).join('\n') + '\n');
  {
    for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
      const cells = [...data].map(([, rows]) => {
        const m = metrics(score(rows, (a) => conf(a) >= t));
        return `${fmt(m.p)} ${fmt(m.r)} ${fmt(m.f)} (${m.n})`;
      });
      console.log(`  sweep ${t.toFixed(2)}  ${cells.join('   ')}`);
    }
  }
  const names = [
    'attribution P R F1, all',
    '  strict precision, all',
    `attribution P R F1, shown (confidence >= ${EVAL_MIN_CONFIDENCE})`,
    '  strict precision, shown',
    'cue spans P R F1',
    'source spans P R F1',
    'content tokens (found) P R F1',
    'unsourced proxy (sent.) P R F1',
  ];
  console.log(
    `eval attribution: PolNeAR, ${((Date.now() - started) / 1000).toFixed(1)} s; shown = confidence (from the tuning halves) at least ${EVAL_MIN_CONFIDENCE}`,
  );
  for (const [label] of table) console.log(`  ${label}`);
  console.log(`  ${'metric'.padEnd(46)} ${table.map(([l]) => l.split(',')[0]!.padEnd(26)).join(' ')}`);
  names.forEach((n, i) => console.log(`  ${n.padEnd(46)} ${table.map(([, cells]) => cells[i]!.padEnd(26)).join(' ')}`));
  // Per pattern: findings, cue precision and strict precision on each split.
  const per = new Map<string, Map<Split, { n: number; cue: number; strict: number }>>();
  for (const [split, rows] of data) {
    for (const r of rows) {
      const goldCues = r.gold.relations.filter((g) => g.cue).map((g) => g.cue!);
      for (const a of r.attributions) {
        const keys = attributionKeys(a);
        for (const key of process.env['PARALLAX_EVAL_ENTRIES'] ? keys.slice(0, -1) : keys.slice(-3, -1)) {
          const bySplit = per.get(key) ?? new Map<Split, { n: number; cue: number; strict: number }>();
          per.set(key, bySplit);
          const x = bySplit.get(split) ?? { n: 0, cue: 0, strict: 0 };
          bySplit.set(split, x);
          x.n++;
          if (goldCues.some((g) => overlapsAny(a.cue, g))) x.cue++;
          if (matchesGold(a, r.gold)) x.strict++;
        }
      }
    }
  }
  console.log(`  per pattern (findings, cue P, strict P)       ${[...data.keys()].map((s) => s.padEnd(26)).join(' ')}`);
  for (const key of [...per.keys()].sort()) {
    const cells = [...data.keys()].map((s) => {
      const x = per.get(key)!.get(s);
      return (x ? `${String(x.n).padStart(5)} ${fmt(ratio(x.cue, x.n))} ${fmt(ratio(x.strict, x.n))}` : '').padEnd(26);
    });
    console.log(`  ${key.replace(/^attribution\//, '').padEnd(46)} ${cells.join(' ')}`);
  }
  return counts;
}
