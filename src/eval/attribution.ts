/**
 * Evaluation of attribution and unsourced assertions against PolNeAR (dev split by default;
 * `PARALLAX_POLNEAR_SPLIT=train` to look for gaps on the training split; `PARALLAX_POLNEAR_LIMIT=N`
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

/** Word-token offsets of `text` in `[start, end)`. */
function words(text: string, spans: readonly Span[]): Set<number> {
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
}

const spanText = (text: string, spans: readonly Span[] | null): string | null => (spans ? spans.map((s) => text.slice(s.start, s.end)).join(' … ') : null);

/** Scores one article's findings against its gold annotations, adding to `c` (and error rows to `dump`). */
function scoreArticle(text: string, gold: ReturnType<typeof parseAnn>, attributions: AttributionFinding[], unsourced: UnsourcedFinding[], sentences: Span[], c: Counts, dump?: DumpRow[], name = ''): void {
  const around = (s: Span): string => {
    const sent = sentences.find((x) => x.start <= s.start && s.start < x.end) ?? s;
    return text.slice(sent.start, sent.end).replace(/\s+/g, ' ');
  };
  const rel = gold.relations;
  const goldCueSpans = rel.filter((r) => r.cue).map((r) => r.cue!);
  const matches = (a: AttributionFinding, r: GoldRelation) => r.cue !== null && overlapsAny(a.cue, r.cue) && (r.source === null || (a.source !== null && overlapsAny(a.source, r.source)));
  c.gold += rel.length;
  c.tool += attributions.length;
  for (const a of attributions) {
    if (goldCueSpans.some((g) => overlapsAny(a.cue, g))) c.toolCueHit++;
    if (rel.some((r) => matches(a, r))) {
      c.toolStrict++;
      dump?.push({ article: name, what: 'ok', cue: a.cue.text, source: a.source?.text ?? null, context: around(a.cue), rule: a.rule });
    } else if (dump) dump.push({ article: name, what: goldCueSpans.some((g) => overlapsAny(a.cue, g)) ? 'src' : 'fp', cue: a.cue.text, source: a.source?.text ?? null, context: around(a.cue), rule: a.rule });
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
    for (const w of t) if (!ignore.has(w)) (g.has(w) ? c.contentTp++ : c.contentFp++);
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

/** Runs the evaluation and prints a compact table; returns the counts (for tests and notes). */
export function run(datasetsDir: string): Counts | undefined {
  const split = process.env['PARALLAX_POLNEAR_SPLIT'] ?? 'dev';
  const dir = join(datasetsDir, 'polnear', split);
  if (!existsSync(dir)) {
    console.log(`eval attribution: skipped — no PolNeAR ${split} split at ${dir}`);
    return undefined;
  }
  const limit = Number(process.env['PARALLAX_POLNEAR_LIMIT'] ?? Infinity);
  // Every n-th article only (spreads a quick train sample over all outlets), starting at `offset`.
  const every = Math.max(1, Number(process.env['PARALLAX_POLNEAR_EVERY'] ?? 1));
  const offset = Number(process.env['PARALLAX_POLNEAR_OFFSET'] ?? 0);
  const dumpPath = process.env['PARALLAX_POLNEAR_DUMP'];
  const dump: DumpRow[] | undefined = dumpPath ? [] : undefined;
  let nth = -1;
  const all = new Set<string>();
  const lexicons = loadLexicons();
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const c: Counts = { gold: 0, found: 0, tool: 0, toolCueHit: 0, toolStrict: 0, goldCues: 0, goldCuesHit: 0, toolSources: 0, toolSourcesHit: 0, goldSources: 0, goldSourcesHit: 0, contentTp: 0, contentFp: 0, contentFn: 0, sentTp: 0, sentFp: 0, sentFn: 0, articles: 0 };
  const seen = new Set<string>();
  const started = Date.now();
  for (const ann of annFiles) {
    const base = ann.replace(/_[^_]+\.ann$/, '');
    if (all.has(base) || seen.size >= limit) continue; // one annotator per article
    all.add(base);
    nth++;
    if (nth < offset || (nth - offset) % every !== 0) continue;
    seen.add(base);
    const path = join(dir, 'text', `${base}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    if (/[\uD800-\uDBFF]/.test(text)) {
      console.log(`eval attribution: skipped ${base} (characters outside the BMP: offsets would differ)`);
      continue;
    }
    const article = prepareArticle(path);
    const sentences = article.sentences.map((s) => ({ start: s.start, end: s.end }));
    const report = analyseArticles([article], lexicons);
    const attributions = report.findings.filter((f): f is AttributionFinding => f.kind === 'attribution');
    const unsourced = report.findings.filter((f): f is UnsourcedFinding => f.kind === 'unsourced');
    scoreArticle(text, parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')), attributions, unsourced, sentences, c, dump, base);
  }
  if (dumpPath && dump) writeFileSync(dumpPath, dump.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const p = ratio(c.toolCueHit, c.tool);
  const r = ratio(c.found, c.gold);
  const cp = ratio(c.contentTp, c.contentTp + c.contentFp);
  const cr = ratio(c.contentTp, c.contentTp + c.contentFn);
  const up = ratio(c.sentTp, c.sentTp + c.sentFp);
  const ur = ratio(c.sentTp, c.sentTp + c.sentFn);
  const rows: [string, string, string, string][] = [
    ['attribution (relation)', fmt(p), fmt(r), fmt(f1(p, r))],
    ['  strict precision', fmt(ratio(c.toolStrict, c.tool)), '', ''],
    ['cue spans', fmt(p), fmt(ratio(c.goldCuesHit, c.goldCues)), fmt(f1(p, ratio(c.goldCuesHit, c.goldCues)))],
    ['source spans', fmt(ratio(c.toolSourcesHit, c.toolSources)), fmt(ratio(c.goldSourcesHit, c.goldSources)), fmt(f1(ratio(c.toolSourcesHit, c.toolSources), ratio(c.goldSourcesHit, c.goldSources)))],
    ['content tokens (found)', fmt(cp), fmt(cr), fmt(f1(cp, cr))],
    ['unsourced proxy (sent.)', fmt(up), fmt(ur), fmt(f1(up, ur))],
  ];
  console.log(`eval attribution: PolNeAR ${split}, ${c.articles} articles, ${c.gold} gold relations, ${c.tool} tool attributions, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  ${'metric'.padEnd(24)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`);
  for (const [name, a, b, f] of rows) console.log(`  ${name.padEnd(24)} ${a.padStart(6)} ${b.padStart(6)} ${f.padStart(6)}`);
  return c;
}
