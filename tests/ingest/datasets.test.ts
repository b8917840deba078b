/**
 * The boilerplate detector on real news text it was not written for (../shared/datasets,
 * overridable with PARALLAX_DATASETS; skipped when absent): BASIL dev articles rendered as the
 * evaluation renders them, and PolNeAR dev texts with their `Discard` spans (page furniture
 * such as "Follow X on Twitter"). Almost no prose may be flagged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBoilerplate, contentLines } from '../../src/ingest/boilerplate.js';
import type { SourceDocument, Span } from '../../src/core/types.js';
import { DATASETS } from '../helpers.js';

const BASIL = join(DATASETS, 'basil-dev');
const POLNEAR = join(DATASETS, 'polnear', 'dev');
const present = existsSync(BASIL) && existsSync(POLNEAR);
if (!present) console.warn(`skipping dataset checks: ${DATASETS} not found (set PARALLAX_DATASETS to its location)`);

function txtDoc(text: string): SourceDocument {
  return {
    path: 'x.txt',
    format: 'txt',
    text,
    meta: { title: null, outlet: null, author: null, date: null, url: null },
    content: [{ start: 0, end: text.length }],
    excluded: [],
  };
}

/** As the evaluation feeds BASIL: title line, blank line, paragraphs (sentences joined by a space) separated by blank lines. */
function renderBasil(article: { title: string; 'body-paragraphs': string[][] }): string {
  const paragraphs = article['body-paragraphs'].map((p) => p.join(' ').trim()).filter(Boolean);
  return `${article.title}\n\n${paragraphs.join('\n\n')}\n`;
}

/** The `Discard` spans of the first annotation file of an article (brat standoff; fragments joined). */
function discards(dir: string, base: string): Span[] {
  const ann = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.startsWith(`${base}_`))
    .sort()[0];
  if (!ann) return [];
  const out: Span[] = [];
  for (const line of readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n')) {
    const m = /^T\d+\tDiscard ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const frags = m[1]!.split(';').map((f) => f.trim().split(' ').map(Number));
    out.push({ start: frags[0]![0]!, end: frags[frags.length - 1]![1]! });
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe.skipIf(!present)('boilerplate on held-apart news text (datasets)', () => {
  it('BASIL dev: at most 1% of lines flagged', () => {
    let lines = 0;
    let flagged = 0;
    for (const year of readdirSync(join(BASIL, 'articles')).sort()) {
      for (const f of readdirSync(join(BASIL, 'articles', year)).sort()) {
        const doc = txtDoc(renderBasil(JSON.parse(readFileSync(join(BASIL, 'articles', year, f), 'utf8'))));
        lines += contentLines(doc).length;
        flagged += analyseBoilerplate(doc).spans.length;
      }
    }
    console.info(`BASIL dev: ${flagged} of ${lines} lines flagged (${((100 * flagged) / lines).toFixed(2)}%)`);
    expect(lines).toBeGreaterThan(2000);
    expect(flagged / lines).toBeLessThanOrEqual(0.01);
  });

  it('PolNeAR dev: at most 1% of non-Discard lines flagged, most Discard spans caught', () => {
    let lines = 0;
    let falseAlarms = 0;
    let gold = 0;
    let caught = 0;
    for (const f of readdirSync(join(POLNEAR, 'text')).sort()) {
      const doc = txtDoc(readFileSync(join(POLNEAR, 'text', f), 'utf8'));
      const spans = analyseBoilerplate(doc).spans;
      const discard = discards(POLNEAR, f.replace(/\.txt$/, ''));
      lines += contentLines(doc).length;
      falseAlarms += spans.filter((s) => !discard.some((d) => overlaps(s, d))).length;
      gold += discard.length;
      caught += discard.filter((d) => spans.some((s) => overlaps(s, d))).length;
    }
    console.info(`PolNeAR dev: ${falseAlarms} of ${lines} lines flagged outside Discard spans; ${caught} of ${gold} Discard spans caught`);
    expect(falseAlarms / lines).toBeLessThanOrEqual(0.01);
    expect(gold).toBeGreaterThan(10);
    expect(caught / gold).toBeGreaterThanOrEqual(0.6);
  });
});
