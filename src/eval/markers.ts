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
function loadedOf(file: string, lexicons: Lexicons): Loaded[] {
  const article = prepareArticle(file);
  article.id = 'a1';
  return analyseArticle(article, lexicons).filter((f): f is Loaded => f.kind === 'loaded');
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function babe(datasets: string, lexicons: Lexicons, tmp: string): void {
  const csvPath = join(datasets, 'babe/final_labels_SG2.csv');
  if (!existsSync(csvPath)) return console.log(`eval markers: BABE skipped — ${csvPath} not found`);
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name: string) => header!.indexOf(name);
  const [iText, iLabel, iWords] = [col('text'), col('label_bias'), col('biased_words')];
  const items = rows
    .filter((r) => r.length > iWords && r[iLabel] !== 'No agreement')
    .map((r) => ({
      text: r[iText]!.replace(/\s+/g, ' ').trim(),
      biased: r[iLabel] === 'Biased',
      words: [...r[iWords]!.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()).filter(Boolean),
    }));
  // Files of CHUNK sentences: a title line, then one sentence per paragraph.
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
  let words = 0;
  let wordsFound = 0;
  let tpFindings = 0;
  let allFindings = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((it, k) => {
    const sp = spans[k]!;
    const fs = perSentence[k]!;
    const lower = it.text.toLowerCase();
    const wordSpans = it.words.flatMap((w) => {
      const out: Span[] = [];
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of lower.matchAll(re)) out.push({ start: sp.start + m.index, end: sp.start + m.index + w.length });
      return out;
    });
    for (const w of it.words) {
      words++;
      const occ = wordSpans.filter((x) => texts[k]!.slice(x.start, x.end).toLowerCase() === w);
      if (occ.some((o) => fs.some((f) => f.start <= o.start && o.end <= f.end))) wordsFound++;
    }
    allFindings += fs.length;
    tpFindings += fs.filter((f) => wordSpans.some((o) => overlaps(f, o))).length;
    const predicted = fs.length > 0;
    if (predicted && it.biased) tp++;
    else if (predicted) fp++;
    else if (it.biased) fn++;
  });
  const wp = tpFindings / allFindings;
  const wr = wordsFound / words;
  const sp = tp / (tp + fp);
  const sr = tp / (tp + fn);
  console.log(`\nBABE (SG2, ${items.length} sentences with agreement, ${words} biased words, ${allFindings} loaded findings)`);
  console.log('level     precision  recall  F1');
  console.log(`word      ${pct(wp)}      ${pct(wr)}   ${pct(f1(wp, wr))}`);
  console.log(`sentence  ${pct(sp)}      ${pct(sr)}   ${pct(f1(sp, sr))}`);
}

interface BasilSpan {
  id: string;
  start: number;
  end: number;
  bias: string;
}

function basil(datasets: string, lexicons: Lexicons, tmp: string): void {
  const root = join(datasets, 'basil-dev');
  if (!existsSync(root)) return console.log(`eval markers: BASIL skipped — ${root} not found`);
  const stats = new Map<string, { lex: number; lexFound: number; findings: number; findingsHit: number }>();
  for (const year of readdirSync(join(root, 'articles')).sort()) {
    for (const name of readdirSync(join(root, 'articles', year)).sort()) {
      const article = JSON.parse(readFileSync(join(root, 'articles', year, name), 'utf8')) as { title: string; source: string; 'body-paragraphs': string[][] };
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
      const file = join(tmp, `${article.source.toLowerCase()}.txt`);
      writeFileSync(file, text);
      const findings = loadedOf(file, lexicons);
      const outlet = article.source.toLowerCase();
      const st = stats.get(outlet) ?? { lex: 0, lexFound: 0, findings: 0, findingsHit: 0 };
      stats.set(outlet, st);
      const lex = gold.filter((g) => g.bias === 'lex');
      st.lex += lex.length;
      st.lexFound += lex.filter((g) => findings.some((f) => overlaps(f, g))).length;
      st.findings += findings.length;
      st.findingsHit += findings.filter((f) => gold.some((g) => overlaps(f, g))).length;
    }
  }
  console.log('\nBASIL dev (lexical-bias spans; precision counts findings overlapping any lex or inf span)');
  console.log('outlet  lex spans  recall  findings  precision');
  const total = { lex: 0, lexFound: 0, findings: 0, findingsHit: 0 };
  for (const [outlet, st] of [...stats].sort()) {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += st[k];
    console.log(`${outlet.padEnd(7)} ${String(st.lex).padStart(9)}  ${pct(st.lexFound / st.lex)}   ${String(st.findings).padStart(8)}  ${pct(st.findingsHit / st.findings)}`);
  }
  console.log(`${'micro'.padEnd(7)} ${String(total.lex).padStart(9)}  ${pct(total.lexFound / total.lex)}   ${String(total.findings).padStart(8)}  ${pct(total.findingsHit / total.findings)}`);
}

/** Prints BABE and BASIL precision/recall for `loaded` findings. */
export function run(datasets: string): void {
  const lexicons = loadLexicons();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-eval-markers-'));
  try {
    console.log('eval markers');
    babe(datasets, lexicons, tmp);
    basil(datasets, lexicons, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

