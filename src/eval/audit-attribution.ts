/**
 * `npm run audit-attribution -- --data polnear-dev|basil-check|bundled|web --sample N [--seed S]
 * [--min-confidence X] [--out FILE]`: draws N attribution findings shown at the threshold (by
 * default EVAL_MIN_CONFIDENCE, the confidence from src/eval/attribution-calibration.json), seeded,
 * from text no rule was written from, into a YAML sheet to judge by reading. The sheet has the format
 * of the confidence design's audit sheets (kind, data, seed, minConfidence, population, lexicons,
 * items with article, finding, context, verdict, why), so `npm run audit` and its test read it too;
 * this small script stands in until that command is on main.
 *
 * Data: `polnear-dev` (PolNeAR dev, the check half), `basil-check` (BASIL 2013–2014, rendered as
 * ../shared/datasets/README.md says: title, blank line, paragraphs of space-joined sentences),
 * `bundled` (corpus/), `web` (the English pages of ../shared/datasets/web-pages).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { AnalysedArticle, AttributionFinding, FindingDraft } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { analyseArticle, prepareArticle } from '../pipeline.js';
import { attributionKeys, confidenceFrom, EVAL_MIN_CONFIDENCE, readCalibration } from './attribution.js';

export const AUDIT_DATA = ['polnear-dev', 'basil-check', 'bundled', 'web'] as const;
export type AuditData = (typeof AUDIT_DATA)[number];

/** English pages of ../shared/datasets/web-pages (the others are for the language check). */
const WEB_ENGLISH = ['aclu', 'ars-1', 'buzzfeed-1', 'citylab-1', 'engadget', 'medicalnewstoday', 'nytimes-1', 'nytimes-2', 'quanta-1', 'theverge', 'tmz-1', 'wapo-1', 'yahoo-1'];
const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(PACKAGE_ROOT, '../shared/datasets'));

/** A BASIL article rendered as the datasets README says. */
function renderBasil(file: string): { text: string; outlet: string } {
  const a = JSON.parse(readFileSync(file, 'utf8')) as { title: string; source: string; 'body-paragraphs': string[][] };
  const body = a['body-paragraphs'].map((p) => p.join(' ')).join('\n\n');
  return { text: `${a.title}\n\n${body}\n`, outlet: a.source.toLowerCase() };
}

/** The article references of a data set, in a fixed order. */
export function auditArticles(data: AuditData, datasets = DATASETS): string[] {
  switch (data) {
    case 'polnear-dev': {
      const dir = join(datasets, 'polnear', 'dev', 'text');
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => `polnear:dev/${f}`) : [];
    }
    case 'basil-check': {
      const root = join(datasets, 'basil-dev', 'articles');
      return ['2013', '2014'].filter((y) => existsSync(join(root, y))).flatMap((y) => readdirSync(join(root, y)).filter((f) => f.endsWith('.json')).sort().map((f) => `basil:${y}/${f}`));
    }
    case 'bundled':
      return readdirSync(join(PACKAGE_ROOT, 'corpus')).filter((f) => /\.(md|txt|html)$/.test(f)).sort().map((f) => `corpus/${f}`);
    case 'web':
      return WEB_ENGLISH.filter((p) => existsSync(join(datasets, 'web-pages', p, 'source.html'))).map((p) => `web:${p}/source.html`);
  }
}

/** The file to analyse for an article reference (BASIL articles are rendered into `tmp`). */
export function auditArticlePath(ref: string, tmp: string, datasets = DATASETS): string {
  if (ref.startsWith('basil:')) {
    const { text, outlet } = renderBasil(join(datasets, 'basil-dev', 'articles', ref.slice(6)));
    const file = join(tmp, ref.slice(6).replace(/[/.]/g, '_'), `${outlet}.txt`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }
  if (ref.startsWith('polnear:')) return join(datasets, 'polnear', ref.slice(8).replace('/', '/text/'));
  if (ref.startsWith('web:')) return join(datasets, 'web-pages', ref.slice(4));
  return join(PACKAGE_ROOT, ref);
}

type Scored = Extract<FindingDraft, { kind: 'attribution' }> & { confidence: number };

/** The attribution findings of one article with their confidence, and the analysed article. */
export function auditFindings(path: string, lexicons: Lexicons): { article: AnalysedArticle; findings: Scored[] } {
  const article = prepareArticle(path);
  article.id = 'a1';
  const conf = confidenceFrom(readCalibration());
  const findings = analyseArticle(article, lexicons).filter((f): f is Extract<FindingDraft, { kind: 'attribution' }> => f.kind === 'attribution');
  return { article, findings: findings.map((f) => ({ ...f, confidence: conf(f as AttributionFinding) })) };
}

/** The fields of a finding a judge needs (and the test matches on). */
function findingRecord(f: Scored): Record<string, unknown> {
  const records = readCalibration();
  return {
    kind: f.kind,
    start: f.start,
    end: f.end,
    text: f.text,
    rule: f.rule,
    pattern: f.pattern,
    source: f.source?.text ?? null,
    ...(f.sourceName ? { sourceName: f.sourceName } : {}),
    sourceType: f.sourceType,
    cue: f.cue.text,
    neutral: f.cue.neutral,
    content: f.content?.text ?? null,
    confidence: f.confidence,
    calibration: attributionKeys(f).find((k) => records.has(k)) ?? 'none',
  };
}

/** The 95 % Wilson score interval of a proportion `k / n` ([0, 1] when n is 0). */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A small seeded PRNG (mulberry32), so a sheet is the same for the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sentence holding `start` with one neighbour on each side, the sentence in ⟦ ⟧. */
function contextOf(article: AnalysedArticle, start: number, end: number): string {
  const i = article.sentences.findIndex((s) => s.start <= start && start < s.end);
  if (i < 0) return article.text.slice(start, end);
  const clean = (x: string) => x.replace(/\s+/g, ' ').trim();
  const prev = article.sentences[i - 1];
  const next = article.sentences[i + 1];
  return [prev ? clean(prev.text) : '', `⟦${clean(article.sentences[i]!.text)}⟧`, next ? clean(next.text) : ''].filter(Boolean).join(' ');
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sample = Number(arg('--sample') ?? 40);
  const data = (arg('--data') ?? 'polnear-dev') as AuditData;
  const seed = Number(arg('--seed') ?? 1);
  const min = Number(arg('--min-confidence') ?? EVAL_MIN_CONFIDENCE);
  if (!AUDIT_DATA.includes(data) || !Number.isInteger(sample) || sample < 1 || !Number.isFinite(seed) || !(min >= 0 && min <= 1)) {
    console.error(`audit-attribution: expected --data one of ${AUDIT_DATA.join(', ')}, --sample a positive integer, --seed a number, --min-confidence 0..1`);
    process.exit(2);
  }
  const lexicons = loadLexicons();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-audit-'));
  const pool: { article: string; record: Record<string, unknown>; context: string }[] = [];
  try {
    for (const ref of auditArticles(data)) {
      let analysed: ReturnType<typeof auditFindings>;
      try {
        analysed = auditFindings(auditArticlePath(ref, tmp), lexicons);
      } catch {
        continue; // an article with no prose is not part of the sample
      }
      for (const f of analysed.findings) if (f.confidence >= min) pool.push({ article: ref, record: findingRecord(f), context: contextOf(analysed.article, f.start, f.end) });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const rand = seeded(seed);
  const drawn = pool
    .map((p, i) => ({ p, k: rand(), i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .slice(0, sample)
    .map((x) => x.p)
    .sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : (a.record['start'] as number) - (b.record['start'] as number)));
  const sheet = {
    kind: 'attribution',
    data,
    seed,
    minConfidence: min,
    population: pool.length,
    lexicons: lexicons.records.map((r) => `${r.id}@${r.version}`).join(' '),
    items: drawn.map((d, i) => ({ n: i + 1, article: d.article, finding: d.record, context: d.context, verdict: null, why: null })),
  };
  const out = resolve(arg('--out') ?? join('reports', 'audit', `attribution-${data}-seed${seed}.yml`));
  mkdirSync(dirname(out), { recursive: true });
  const tmpOut = `${out}.${process.pid}.tmp`;
  writeFileSync(tmpOut, `# Audit sheet: judge each item by reading the article (verdict: right | wrong | partly, why: …; source, cue and content all right = right).\n${stringify(sheet, { lineWidth: 0 })}`);
  renameSync(tmpOut, out);
  console.log(`audit-attribution: ${drawn.length} of ${pool.length} attribution findings from ${data} → ${relative(process.cwd(), out) || out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PACKAGE_ROOT, 'dist', 'eval', 'audit-attribution.js')) main();
