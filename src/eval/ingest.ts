/**
 * HTML main-text extraction on the saved web pages (../shared/datasets/web-pages: each
 * `source.html` with Readability's `expected.html`). For each page, the article prose parallax
 * keeps — the body (content minus everything marked boilerplate), references decoded — is compared
 * with the text of expected.html as multisets of words (case-folded runs of letters and digits):
 * precision, recall and F1 per page and pooled over all pages. A page parallax refuses to read
 * counts as recall 0 (its expected words all missed) and is listed. Also counts the kept lines
 * (one block element each) that look like page furniture (credits, share prompts, "Related" and
 * "Read more" lines, sign-up prompts, copyright lines): reported, not a gate.
 *
 * These pages are check text for ingest: nothing is tuned on them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { DefaultTreeAdapterMap } from 'parse5';
import { readSource, segment } from '../ingest/index.js';
import { buildView } from '../nlp/view.js';
import { loadLexicons, type Lexicons } from '../lexicons/index.js';
import { prf } from './prf.js';

type Node = DefaultTreeAdapterMap['node'];

/** The words of a text: case-folded runs of letters and digits (any script), with their counts. */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** Word counts shared by the kept text and the reference (multiset intersection), and each side's total. */
export function wordOverlap(kept: string, expected: string): { tp: number; fp: number; fn: number } {
  const k = wordBag(kept);
  const e = wordBag(expected);
  let tp = 0;
  let nk = 0;
  let ne = 0;
  for (const [w, n] of k) {
    nk += n;
    tp += Math.min(n, e.get(w) ?? 0);
  }
  for (const n of e.values()) ne += n;
  return { tp, fp: nk - tp, fn: ne - tp };
}

/** Kept lines that look like page furniture rather than article prose (a report, not a gate). */
const FURNITURE_LIKE: [string, RegExp][] = [
  ['credit', /^(?:(?:photo|image|picture|video)s?\s*(?:credit|:|by\b)|credit:|\(?(?:getty images|ap photo|reuters|afp)\b.{0,40}$)/i],
  ['share', /^(?:share|tweet|email|e-mail|print|pin|facebook|twitter|linkedin|whatsapp|reddit|comments?)(?:\s+(?:this|on|via|story|article|\d+))*\s*[:.!]?$/i],
  ['related', /^(?:related|read more|see also|more from|more on|recommended|most popular|trending|you may also like|also read)\b/i],
  ['sign-up', /^(?:sign up|subscribe|newsletter|follow us|join us|get the .{0,30}newsletter)\b/i],
  ['copyright', /^(?:©|\(c\)|copyright\b)|all rights reserved/i],
  ['advert', /^(?:advertisement|sponsored|ad|skip ad|continue reading( the main story)?)\.?$/i],
];

/** The furniture class of a kept line, or null; only short lines (at most 12 words) are furniture, copyright lines aside. */
export function furnitureLike(line: string): string | null {
  const t = line.trim();
  const short = t.split(/\s+/).length <= 12;
  for (const [name, re] of FURNITURE_LIKE) if ((short || name === 'copyright') && re.test(t)) return name;
  return null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);

/** The visible text of an HTML file (text nodes outside scripts and styles), blocks separated by spaces. */
export function htmlText(html: string): string {
  const require = createRequire(import.meta.url);
  const { parse } = require('parse5') as typeof import('parse5');
  const out: string[] = [];
  const stack: Node[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('tagName' in node && SKIP.has(node.tagName)) continue;
    if (!('childNodes' in node)) continue;
    out.push(' ');
    for (let k = node.childNodes.length - 1; k >= 0; k--) stack.push(node.childNodes[k]!);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

export interface PageScore {
  page: string;
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
  /** Kept lines, and those that look like furniture (with their class). */
  lines: number;
  furniture: { line: string; kind: string }[];
  /** Why the page could not be read, or null. */
  error: string | null;
  /** First and last kept line. */
  first: string;
  last: string;
}

/** The kept lines of one HTML file: body spans through the reading view (references decoded, block breaks as new lines). */
export function keptLines(file: string, lexicons?: Lexicons): string[] {
  const doc = readSource(file, lexicons ? { lexicons } : {});
  const { body } = segment(doc, lexicons);
  const view = buildView(doc.text, body, doc.layout);
  return view.text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
}

/** Scores one page folder (source.html against expected.html). */
export function scorePage(dir: string, page: string, lexicons?: Lexicons): PageScore {
  const expected = htmlText(readFileSync(join(dir, 'expected.html'), 'utf8'));
  let lines: string[] = [];
  let error: string | null = null;
  try {
    lines = keptLines(join(dir, 'source.html'), lexicons);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const counts = wordOverlap(lines.join('\n'), expected);
  const furniture = lines.flatMap((line) => {
    const kind = furnitureLike(line);
    return kind ? [{ line, kind }] : [];
  });
  return { page, ...counts, ...prf(counts), lines: lines.length, furniture, error, first: lines[0] ?? '', last: lines[lines.length - 1] ?? '' };
}

/** Every page of `<datasets>/web-pages`, in name order. */
export function scorePages(datasets: string, lexicons?: Lexicons): PageScore[] {
  const root = join(datasets, 'web-pages');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'source.html')) && existsSync(join(root, d.name, 'expected.html')))
    .map((d) => d.name)
    .sort()
    .map((page) => scorePage(join(root, page), page, lexicons));
}

const f3 = (x: number) => x.toFixed(3);

export function run(datasets: string): void {
  const root = join(datasets, 'web-pages');
  if (!existsSync(root)) {
    console.log(`ingest: skipped — no saved web pages at ${root}`);
    return;
  }
  const lexicons = loadLexicons();
  const scores = scorePages(datasets, lexicons);
  console.log('\nHTML extraction (web pages, check text): kept article prose vs expected.html, word multisets');
  console.log('page               P      R      F1     kept  expected  lines  furniture-like');
  for (const s of scores) {
    console.log(
      `${s.page.padEnd(17)} ${f3(s.p)}  ${f3(s.r)}  ${f3(s.f1)}  ${String(s.tp + s.fp).padStart(5)}  ${String(s.tp + s.fn).padStart(8)}  ${String(s.lines).padStart(5)}  ${s.furniture.length}${s.error ? `  FAILED: ${s.error}` : ''}`,
    );
  }
  const all = scores.reduce((c, s) => ({ tp: c.tp + s.tp, fp: c.fp + s.fp, fn: c.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  const pooled = prf(all);
  const mean = (k: 'p' | 'r' | 'f1') => scores.reduce((t, s) => t + s[k], 0) / Math.max(1, scores.length);
  console.log(
    `pooled            ${f3(pooled.p)}  ${f3(pooled.r)}  ${f3(pooled.f1)}  ${String(all.tp + all.fp).padStart(5)}  ${String(all.tp + all.fn).padStart(8)}`,
  );
  console.log(`mean of pages     ${f3(mean('p'))}  ${f3(mean('r'))}  ${f3(mean('f1'))}`);
  const failed = scores.filter((s) => s.error);
  console.log(`pages that fail to read: ${failed.length ? failed.map((s) => s.page).join(', ') : 'none'}`);
  const furniture = scores.flatMap((s) => s.furniture.map((f) => ({ page: s.page, ...f })));
  console.log(`kept lines that look like furniture: ${furniture.length} of ${scores.reduce((t, s) => t + s.lines, 0)}`);
  for (const f of furniture) console.log(`  ${f.page.padEnd(17)} [${f.kind}] ${f.line.slice(0, 90)}`);
}
