/**
 * `npm run audit -- --kind loaded|unsourced|attribution --sample N [--data D] [--seed S]
 * [--min-confidence X] [--reason R] [--category C] [--out FILE]` (`--reason`: unsourced findings of one reason only;
 * `--category`: loaded findings of one category only): draws N findings of one kind, deterministically by seed,
 * from text no rule was written from, into a YAML sheet to judge by reading (README "Confidence").
 *
 * Data (`--data`, default basil-check): `basil-check` (BASIL 2013–2014), `polnear-dev`, `bundled`
 * (corpus/), `web` (the English saved pages in ../shared/datasets/web-pages); and the tuning halves
 * `basil-tune`, `polnear-train`, whose judged sheets feed `npm run calibrate`. By default only
 * findings shown at the default threshold are drawn (`--min-confidence 0` draws from all).
 *
 * Each item: the article reference (`basil:<year>/<file>`, `polnear:<split>/<name>`, a corpus or
 * web-page path), the finding (kind, span, text, rule, category / reason, source / cue / content,
 * confidence), the sentence with its neighbours, and empty `verdict:` and `why:`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import type { AnalysedArticle, FindingDraft } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { calibrationOf, confidenceOf, DEFAULT_MIN_CONFIDENCE } from '../analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../core/confidence.js';
import { seededRandom } from '../core/random.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { analyseArticle, prepareArticle } from '../pipeline.js';
import { basilTexts } from './markers.js';
import { DATASETS } from './datasets.js';

export const AUDIT_DATA = ['basil-check', 'polnear-dev', 'bundled', 'web', 'basil-tune', 'polnear-train'] as const;
export type AuditData = (typeof AUDIT_DATA)[number];

/** English pages of ../shared/datasets/web-pages (the others are for the language check). */
export const WEB_ENGLISH = [
  'aclu',
  'ars-1',
  'buzzfeed-1',
  'citylab-1',
  'engadget',
  'medicalnewstoday',
  'nytimes-1',
  'nytimes-2',
  'quanta-1',
  'theverge',
  'tmz-1',
  'wapo-1',
  'yahoo-1',
];

/** The article references of a data set, in a fixed order. */
export function auditArticles(data: AuditData, datasets = DATASETS): string[] {
  switch (data) {
    case 'basil-check':
    case 'basil-tune': {
      const half = data === 'basil-check' ? 'check' : 'tune';
      return (basilTexts(datasets) ?? []).filter((t) => t.half === half).map((t) => `basil:${t.file}`);
    }
    case 'polnear-dev':
    case 'polnear-train': {
      const split = data === 'polnear-dev' ? 'dev' : 'train';
      const dir = join(datasets, 'polnear', split, 'text');
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.txt'))
            .sort()
            .map((f) => `polnear:${split}/${f}`)
        : [];
    }
    case 'bundled':
      return readdirSync(join(PACKAGE_ROOT, 'corpus'))
        .filter((f) => /\.(md|txt|html)$/.test(f))
        .sort()
        .map((f) => `corpus/${f}`);
    case 'web':
      return WEB_ENGLISH.filter((p) => existsSync(join(datasets, 'web-pages', p, 'source.html'))).map((p) => `web:${p}/source.html`);
  }
}

/** The file to analyse for an article reference (BASIL articles are rendered into `tmp`). */
export function auditArticlePath(ref: string, tmp: string, datasets = DATASETS): string {
  if (ref.startsWith('basil:')) {
    const t = (basilTexts(datasets) ?? []).find((x) => `basil:${x.file}` === ref);
    if (!t) throw new Error(`audit: no BASIL article ${ref}`);
    const file = join(tmp, ref.slice(6).replace(/[/.]/g, '_'), `${t.outlet}.txt`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, t.text);
    return file;
  }
  if (ref.startsWith('polnear:')) return join(datasets, 'polnear', ref.slice(8).replace('/', '/text/'));
  if (ref.startsWith('web:')) return join(datasets, 'web-pages', ref.slice(4));
  return join(PACKAGE_ROOT, ref);
}

/** The findings of one article with their confidence (drafts: no ids), and the analysed article. */
export function auditFindings(path: string, lexicons: Lexicons): { article: AnalysedArticle; findings: (FindingDraft & { confidence: number })[] } {
  const article = prepareArticle(path);
  article.id = 'a1';
  return { article, findings: analyseArticle(article, lexicons).map((f) => ({ ...f, confidence: confidenceOf(f, lexicons.calibration) })) };
}

/** The fields of a finding a judge needs (and the test matches on). */
export function findingRecord(f: FindingDraft & { confidence: number }, lexicons: Lexicons): Record<string, unknown> {
  const base: Record<string, unknown> = { kind: f.kind, start: f.start, end: f.end, text: f.text, rule: f.rule };
  if (f.kind === 'loaded') base['category'] = f.category;
  if (f.kind === 'unsourced') base['reason'] = f.reason;
  if (f.kind === 'attribution') {
    if (typeof (f as { pattern?: unknown }).pattern === 'string') base['pattern'] = (f as { pattern?: string }).pattern;
    base['source'] = f.source?.text ?? null;
    base['cue'] = f.cue.text;
    base['neutral'] = f.cue.neutral;
    base['content'] = f.content?.text ?? null;
    base['sourceType'] = f.sourceType;
  }
  base['confidence'] = f.confidence;
  base['calibration'] = calibrationOf(f, lexicons.calibration)?.key ?? 'none';
  return base;
}

/** A judged finding as an audit sheet records it (`findingRecord`); older sheets lack the attribution parts. */
export interface JudgedFinding {
  kind: string;
  start: number;
  end: number;
  rule: string;
  source?: string | null;
  cue?: string;
  content?: string | null;
}

/**
 * The finding of `findings` that a judged one is: same kind and span and, for an attribution, the
 * same source, cue and content text where the sheet records them (the judge read those). The rule
 * is information only, so a lexicon entry split or renamed keeps its judged findings; of several
 * at one span, the one with the judged rule comes first.
 */
export function judgedFinding<F extends FindingDraft>(findings: readonly F[], judged: JudgedFinding): F | undefined {
  const same = findings.filter((f) => {
    if (f.kind !== judged.kind || f.start !== judged.start || f.end !== judged.end) return false;
    if (f.kind !== 'attribution') return true;
    return (
      (judged.source === undefined || (f.source?.text ?? null) === judged.source) &&
      (judged.cue === undefined || f.cue.text === judged.cue) &&
      (judged.content === undefined || (f.content?.text ?? null) === judged.content)
    );
  });
  return same.find((f) => f.rule === judged.rule) ?? same[0];
}

/**
 * An unsourced item's verdict for the finding the rules give now: its `rejudged` verdict when the sentence now has
 * the reason that verdict was given for (a schedule drawn as a prediction, partly, is right once its reason is
 * no-attribution: docs/judging.md, unsourced rule 6), else the verdict as judged when drawn. The sheet keeps both.
 */
export function currentVerdict(
  item: { verdict?: string | null; rejudged?: { reason?: unknown; verdict?: unknown } },
  now: { kind: string; reason?: unknown } | undefined,
): string | null | undefined {
  const r = item.rejudged;
  if (r && now?.kind === 'unsourced' && typeof r.verdict === 'string' && r.reason === now.reason) return r.verdict;
  return item.verdict;
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

/** The sentence holding `start` with one neighbour on each side, the sentence in ⟦ ⟧. */
function contextOf(article: AnalysedArticle, start: number, end: number): string {
  const i = article.sentences.findIndex((s) => s.start <= start && start < s.end);
  if (i < 0) return article.text.slice(start, end);
  const s = article.sentences[i]!;
  const prev = article.sentences[i - 1];
  const next = article.sentences[i + 1];
  const clean = (x: string) => x.replace(/\s+/g, ' ').trim();
  return [prev ? clean(prev.text) : '', `⟦${clean(s.text)}⟧`, next ? clean(next.text) : ''].filter(Boolean).join(' ');
}

/** `article␀kind␀start␀end` of every finding judged on a committed sheet in `dir`. */
export function judgedSpans(dir: string): Set<string> {
  const out = new Set<string>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    const sheet = parse(readFileSync(join(dir, file), 'utf8')) as {
      kind?: string;
      items?: { article?: string; finding?: Record<string, unknown>; verdict?: string | null }[];
    };
    for (const item of sheet.items ?? []) {
      if (!item.article || !item.finding || !item.verdict) continue;
      out.add(
        `${item.article}\u0000${typeof item.finding['kind'] === 'string' ? item.finding['kind'] : String(sheet.kind)}\u0000${String(item.finding['start'])}\u0000${String(item.finding['end'])}`,
      );
    }
  }
  return out;
}

const AUDIT_USAGE =
  '--kind loaded|unsourced|attribution [--data D] [--sample N] [--seed S] [--reason R] [--category C] [--rule R1,R2 …] [--unjudged] [--min-confidence X] [--out FILE]';

/** The audit command's options (node:util parseArgs, strict: unknown options and stray words are errors). */
export function parseAuditArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      kind: { type: 'string' },
      data: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      reason: { type: 'string' },
      category: { type: 'string' },
      rule: { type: 'string', multiple: true },
      unjudged: { type: 'boolean' },
      'min-confidence': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

function main(): void {
  // node:util's parser: an unknown or misspelt option is an error (exit 2), not silently ignored;
  // --rule may be given more than once (each may also be a comma list)
  let values: ReturnType<typeof parseAuditArgs>;
  try {
    values = parseAuditArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`audit: ${(e as Error).message}\n  expected: ${AUDIT_USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(
      `usage: npm run audit -- ${AUDIT_USAGE}\n` +
        `  draws N findings (--sample, default 40) of one kind, by --seed (default 1), from --data (default basil-check): ${AUDIT_DATA.join(', ')};\n` +
        `  only findings shown at the kind's default threshold unless --min-confidence X (0 draws from all);\n` +
        `  writes a YAML sheet to judge (--out, default reports/audit/KIND-DATA-seedS.yml); see docs/judging.md\n`,
    );
    return;
  }
  const arg = (name: string): string | undefined => {
    const v = values[name.replace(/^--/, '') as keyof typeof values];
    return typeof v === 'string' ? v : undefined;
  };
  const kind = arg('--kind');
  const sample = Number(arg('--sample') ?? 40);
  const data = (arg('--data') ?? 'basil-check') as AuditData;
  const seed = Number(arg('--seed') ?? 1);
  const reason = arg('--reason');
  const category = arg('--category');
  // --rule R1,R2: only findings of these rules (a draw of one entry to give it a record of its own);
  // --unjudged: leave out findings a committed sheet has judged already (same article and span).
  const rules = values.rule?.flatMap((r) => r.split(','));
  const judged = values.unjudged ? judgedSpans(join(PACKAGE_ROOT, 'tests', 'fixtures', 'audit')) : undefined;
  if (kind !== 'loaded' && kind !== 'unsourced' && kind !== 'attribution') {
    console.error('audit: --kind must be loaded, unsourced or attribution');
    process.exit(2);
  } // the views' default threshold for the kind (core/confidence.ts), unless --min-confidence says otherwise
  const min = Number(arg('--min-confidence') ?? DEFAULT_MIN_CONFIDENCE_BY_KIND[kind] ?? DEFAULT_MIN_CONFIDENCE);

  if (!AUDIT_DATA.includes(data) || !Number.isInteger(sample) || sample < 1 || !Number.isFinite(seed) || !(min >= 0 && min <= 1)) {
    console.error(`audit: expected --data one of ${AUDIT_DATA.join(', ')}, --sample a positive integer, --seed a number, --min-confidence 0..1`);
    process.exit(2);
  }
  const articles = auditArticles(data);
  if (articles.length === 0) {
    // Without the datasets the sheet would be empty: say so instead of writing it.
    console.error(`audit: no articles for --data ${data}: expected the datasets at ${DATASETS}, found none — fix: set PARALLAX_DATASETS to their folder`);
    process.exit(2);
  }
  const lexicons = loadLexicons();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-audit-'));
  const pool: { article: string; record: Record<string, unknown>; context: string }[] = [];
  try {
    for (const ref of articles) {
      let analysed: ReturnType<typeof auditFindings>;
      try {
        analysed = auditFindings(auditArticlePath(ref, tmp), lexicons);
      } catch {
        continue; // an unreadable article (e.g. no prose) is not part of the sample
      }
      for (const f of analysed.findings) {
        if (f.kind !== kind || f.confidence < min) continue;
        if (reason !== undefined && (f.kind !== 'unsourced' || f.reason !== reason)) continue;
        if (category !== undefined && (f.kind !== 'loaded' || f.category !== category)) continue;
        if (rules !== undefined && !rules.includes(f.rule)) continue;
        if (judged?.has(`${ref}\u0000${f.kind}\u0000${f.start}\u0000${f.end}`)) continue;
        pool.push({ article: ref, record: findingRecord(f, lexicons), context: contextOf(analysed.article, f.start, f.end) });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const rand = seededRandom(seed);
  const order = pool.map((p, i) => ({ p, k: rand(), i })).sort((a, b) => a.k - b.k || a.i - b.i);
  const drawn = order.slice(0, sample).map((x) => x.p);
  drawn.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : (a.record['start'] as number) - (b.record['start'] as number)));
  const sheet = {
    kind,
    data,
    seed,
    minConfidence: min,
    ...(reason !== undefined ? { reason } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(rules !== undefined ? { rules } : {}),
    ...(judged !== undefined ? { unjudged: true } : {}),
    population: pool.length,
    lexicons: lexicons.records.map((r) => `${r.id}@${r.version}`).join(' '),
    items: drawn.map((d, i) => ({ n: i + 1, article: d.article, finding: d.record, context: d.context, verdict: null, why: null })),
  };
  const out = resolve(
    arg('--out') ?? join('reports', 'audit', `${kind}${reason ? `-${reason}` : ''}${category ? `-${category}` : ''}-${data}-seed${seed}.yml`),
  );
  mkdirSync(dirname(out), { recursive: true });
  const tmpOut = `${out}.${process.pid}.tmp`;
  writeFileSync(tmpOut, `# Audit sheet: judge each item by reading the article (verdict: right | wrong | partly, why: …).\n${sheetYaml(sheet)}`);
  renameSync(tmpOut, out);
  console.log(`audit: ${drawn.length} of ${pool.length} ${kind} findings from ${data} → ${relative(process.cwd(), out) || out}`);
}

/**
 * YAML text of a sheet that every YAML 1.1/1.2 reader accepts. The yaml package puts a string holding a C1 control
 * character (U+0080–U+009F, as in mis-decoded article text) in double quotes but leaves the character raw, which the
 * YAML spec does not allow (Python's reader stops at it); inside double quotes the `\xNN` escape reads back as the same
 * character. U+0085 is printable in YAML (and escaped by the package as `\N`).
 */
export function sheetYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).replace(/[\u0080-\u0084\u0086-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PACKAGE_ROOT, 'dist', 'eval', 'audit.js')) main();
