/**
 * Evaluation of `loaded` findings against BABE (biased words, biased sentences) and BASIL
 * (lexical-bias spans), as defined in ../shared/datasets/README.md. Runs the real pipeline
 * (prepareArticle + analyseArticle) on files written to a temporary directory. Prints tables.
 *
 * Offsets are 0-based UTF-16 indices (the development files hold no astral characters, so they
 * equal the corpora's code-point offsets).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingDraft, Span } from '../core/types.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { analyseArticle, prepareArticle } from '../pipeline.js';
import { confidenceOf, DEFAULT_MIN_CONFIDENCE } from '../analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../core/confidence.js';

type Loaded = Extract<FindingDraft, { kind: 'loaded' }>;

/** Parses `;`-separated CSV with double-quoted fields and `""` escapes. */
export function parseCsv(text: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Loaded findings of one text written to `file` (the real pipeline, minus cross-article alignment). */
export function loadedOf(file: string, lexicons: Lexicons): Loaded[] {
  const article = prepareArticle(file);
  article.id = 'a1';
  return analyseArticle(article, lexicons).filter((f): f is Loaded => f.kind === 'loaded');
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Which half of a development set: `tune` (rules are tuned on it) or `check` (only scored). */
export type Half = 'tune' | 'check';

/** A BABE sentence with its 1-based data row number (header excluded): odd rows tune, even rows check. */
export interface BabeItem {
  row: number;
  half: Half;
  text: string;
  biased: boolean;
  words: string[];
}

/** BABE SG2 sentences with annotator agreement, or null when the file is absent. */
export function babeItems(datasets: string): BabeItem[] | null {
  const csvPath = join(datasets, 'babe/final_labels_SG2.csv');
  if (!existsSync(csvPath)) return null;
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name: string) => header!.indexOf(name);
  const [iText, iLabel, iWords] = [col('text'), col('label_bias'), col('biased_words')];
  return rows
    .map((r, i) => ({ r, row: i + 1 }))
    .filter(({ r }) => r.length > iWords && r[iLabel] !== 'No agreement')
    .map(({ r, row }) => ({
      row,
      half: row % 2 === 1 ? ('tune' as const) : ('check' as const),
      text: r[iText]!.replace(/\s+/g, ' ').trim(),
      biased: r[iLabel] === 'Biased',
      words: [...r[iWords]!.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()).filter(Boolean),
    }));
}

/** A BABE sentence as analysed: its findings and the spans of its biased words in the chunk file. */
export interface BabeResult {
  item: BabeItem;
  findings: Loaded[];
  wordSpans: Span[];
  /** Per biased word: its occurrences in the chunk file. */
  occurrences: Span[][];
}

/** Runs the pipeline over the BABE sentences, in files of CHUNK sentences (a title line, then one sentence per paragraph). */
export function analyseBabe(items: readonly BabeItem[], lexicons: Lexicons, tmp: string): BabeResult[] {
  const CHUNK = 150;
  const perSentence = items.map(() => [] as Loaded[]);
  const spans: Span[] = [];
  const texts: string[] = [];
  for (let c = 0; c < items.length; c += CHUNK) {
    let text = 'BABE sentences\n\n';
    const first = spans.length;
    for (const it of items.slice(c, c + CHUNK)) {
      spans.push({ start: text.length, end: text.length + it.text.length });
      texts.push('');
      text += `${it.text}\n\n`;
    }
    for (let k = first; k < spans.length; k++) texts[k] = text;
    const file = join(tmp, `babe-${c}.txt`);
    writeFileSync(file, text);
    let s = first;
    for (const f of loadedOf(file, lexicons)) {
      while (s < spans.length && spans[s]!.end <= f.start) s++;
      if (s < spans.length && spans[s]!.start <= f.start) perSentence[s]!.push(f);
    }
  }
  return items.map((item, k) => {
    const sp = spans[k]!;
    const lower = item.text.toLowerCase();
    const occurrences = item.words.map((w) => {
      const out: Span[] = [];
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of lower.matchAll(re)) out.push({ start: sp.start + m.index, end: sp.start + m.index + w.length });
      return out.filter((x) => texts[k]!.slice(x.start, x.end).toLowerCase() === w);
    });
    return { item, findings: perSentence[k]!, wordSpans: occurrences.flat(), occurrences };
  });
}

/** True when a BABE finding overlaps one of its sentence's biased words. */
export const babeHit = (r: BabeResult, f: Span): boolean => r.wordSpans.some((o) => overlaps(f, o));

/** Keep a finding in the "shown" rows: its confidence (from the calibration) reaches the threshold. */
export type ShownFilter = (f: Loaded) => boolean;

function babeTable(results: readonly BabeResult[], label: string, keep: ShownFilter): void {
  let words = 0;
  let wordsFound = 0;
  let tpFindings = 0;
  let allFindings = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of results) {
    const fs = r.findings.filter(keep);
    r.occurrences.forEach((occ) => {
      words++;
      if (occ.some((o) => fs.some((f) => f.start <= o.start && o.end <= f.end))) wordsFound++;
    });
    allFindings += fs.length;
    tpFindings += fs.filter((f) => babeHit(r, f)).length;
    const predicted = fs.length > 0;
    if (predicted && r.item.biased) tp++;
    else if (predicted) fp++;
    else if (r.item.biased) fn++;
  }
  const wp = tpFindings / allFindings;
  const wr = wordsFound / words;
  const sp = tp / (tp + fp);
  const sr = tp / (tp + fn);
  console.log(
    `${label.padEnd(22)} word ${pct(wp)} ${pct(wr)} ${pct(f1(wp, wr))}   sentence ${pct(sp)} ${pct(sr)} ${pct(f1(sp, sr))}   findings ${allFindings}`,
  );
}

function babe(datasets: string, lexicons: Lexicons, tmp: string, keep: ShownFilter): void {
  const items = babeItems(datasets);
  if (!items) return console.log(`eval markers: BABE skipped — ${join(datasets, 'babe/final_labels_SG2.csv')} not found`);
  const results = analyseBabe(items, lexicons, tmp);
  const words = items.reduce((n, it) => n + it.words.length, 0);
  console.log(`\nBABE (SG2, ${items.length} sentences with agreement, ${words} biased words); P R F1 per level`);
  for (const half of ['tune', 'check'] as const) {
    const mine = results.filter((r) => r.item.half === half);
    const name = half === 'tune' ? 'odd rows (tuning)' : 'even rows (check)';
    babeTable(mine, `${name}, all`, () => true);
    babeTable(mine, `${name}, shown`, keep);
  }
}

interface BasilSpan {
  id: string;
  start: number;
  end: number;
  bias: string;
}

/** One BASIL article rendered as the datasets README says, with its gold spans in that text. */
export interface BasilText {
  /** `<year>/<file>.json` under basil-dev/articles. */
  file: string;
  year: string;
  half: Half;
  triplet: string;
  outlet: string;
  text: string;
  gold: { start: number; end: number; bias: string }[];
}

/** BASIL dev articles (2010–2012 tune, 2013–2014 check), or null when absent. */
export function basilTexts(datasets: string): BasilText[] | null {
  const root = join(datasets, 'basil-dev');
  if (!existsSync(root)) return null;
  const out: BasilText[] = [];
  for (const year of readdirSync(join(root, 'articles')).sort()) {
    for (const name of readdirSync(join(root, 'articles', year)).sort()) {
      const article = JSON.parse(readFileSync(join(root, 'articles', year, name), 'utf8')) as {
        title: string;
        source: string;
        'body-paragraphs': string[][];
        'triplet-uuid'?: string;
      };
      const annPath = join(root, 'annotations', year, name.replace(/\.json$/, '_ann.json'));
      if (!existsSync(annPath)) continue;
      const ann = JSON.parse(readFileSync(annPath, 'utf8')) as { 'phrase-level-annotations': BasilSpan[] };
      // Render as the datasets README says: title, blank line, paragraphs of space-joined sentences.
      let text = `${article.title}\n\n`;
      const sentenceStart: number[] = [];
      article['body-paragraphs'].forEach((para, p) => {
        if (p > 0) text += '\n\n';
        para.forEach((sentence, k) => {
          if (k > 0) text += ' ';
          sentenceStart.push(text.length);
          text += sentence;
        });
      });
      text += '\n';
      const gold = ann['phrase-level-annotations'].flatMap((a) => {
        const base = a.id === 'title' ? 0 : sentenceStart[Number(a.id.slice(1))];
        return base === undefined ? [] : [{ start: base + a.start, end: base + a.end, bias: a.bias }];
      });
      out.push({
        file: `${year}/${name}`,
        year,
        half: Number(year) <= 2012 ? 'tune' : 'check',
        triplet: article['triplet-uuid'] ?? name.replace(/_\d+\.json$/, ''),
        outlet: article.source.toLowerCase(),
        text,
        gold,
      });
    }
  }
  return out;
}

/** A BASIL finding is right (a lower bound) when it overlaps any lexical or informational span. */
export const basilHit = (t: BasilText, f: Span): boolean => t.gold.some((g) => overlaps(f, g));

/** Runs the pipeline on one BASIL article (written to `tmp` as OUTLET.txt). */
export function analyseBasil(t: BasilText, lexicons: Lexicons, tmp: string): Loaded[] {
  const file = join(tmp, `${t.outlet}.txt`);
  writeFileSync(file, t.text);
  return loadedOf(file, lexicons);
}

function basil(datasets: string, lexicons: Lexicons, tmp: string, keep: ShownFilter): void {
  const texts = basilTexts(datasets);
  if (!texts) return console.log(`eval markers: BASIL skipped — ${join(datasets, 'basil-dev')} not found`);
  const results = texts.map((t) => ({ t, findings: analyseBasil(t, lexicons, tmp) }));
  console.log('\nBASIL dev (lexical-bias spans; precision counts findings overlapping any lex or inf span, a lower bound)');
  console.log('half                     lex spans  recall  findings  precision');
  for (const half of ['tune', 'check'] as const) {
    for (const shown of [false, true]) {
      const total = { lex: 0, lexFound: 0, findings: 0, findingsHit: 0 };
      for (const { t, findings: all } of results.filter((r) => r.t.half === half)) {
        const findings = shown ? all.filter(keep) : all;
        const lex = t.gold.filter((g) => g.bias === 'lex');
        total.lex += lex.length;
        total.lexFound += lex.filter((g) => findings.some((f) => overlaps(f, g))).length;
        total.findings += findings.length;
        total.findingsHit += findings.filter((f) => basilHit(t, f)).length;
      }
      const name = `${half === 'tune' ? '2010–2012 (tuning)' : '2013–2014 (check)'}, ${shown ? 'shown' : 'all'}`;
      console.log(
        `${name.padEnd(24)} ${String(total.lex).padStart(9)}  ${pct(total.lexFound / total.lex)}   ${String(total.findings).padStart(8)}  ${pct(total.findingsHit / total.findings)}`,
      );
    }
  }
}

/** Prints BABE and BASIL precision/recall for `loaded` findings, per half, for all findings and for those shown by default. */
export function run(datasets: string): void {
  const lexicons = loadLexicons();
  const minConfidence = Number(process.env['PARALLAX_MIN_CONFIDENCE'] ?? DEFAULT_MIN_CONFIDENCE_BY_KIND['loaded'] ?? DEFAULT_MIN_CONFIDENCE);
  const keep: ShownFilter = (f) => confidenceOf(f, lexicons.calibration) >= minConfidence;
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-eval-markers-'));
  try {
    console.log(`eval markers (shown: confidence >= ${minConfidence})`);
    babe(datasets, lexicons, tmp, keep);
    basil(datasets, lexicons, tmp, keep);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
