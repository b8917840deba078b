/**
 * What alignment and report writing keep in memory, bounded by structure rather than by time.
 * `parallax analyze` of 200 unrelated PolNeAR train articles peaked at ~850 MB: alignment kept
 * every scored unit pair with its evidence (~400k pairs, ~400 MB of heap with what they held) and
 * its candidate pairs as [i, j] arrays beside a set of seen keys (~50 MB); the report writer held
 * the JSON, markdown and HTML texts at once and built the view model twice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, DEFAULT_ALIGN_OPTIONS } from '../../src/align/index.js';
import { candidatePairs, type TermVector } from '../../src/align/similarity.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analysePaths } from '../../src/pipeline.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { writeReports } from '../../src/report/outputs.js';
import { writeOutputs } from '../../src/report/write.js';
import { prepareArticle } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';

const CORPUS = join(REPO, 'corpus');
const FILES = ['lavrov-african-tour.md', 'newsvoice-2024-06-21-burkina-faso-russian-assistance.md'].map((f) => join(CORPUS, f));

const vector = (terms: string[]): TermVector => ({ terms, weights: terms.map(() => 1), groups: terms.map((_, k) => k), proper: terms.map(() => false) });

describe('candidate pairs', () => {
  it('come flat, two int32 per pair, sorted, each once, only across owners', () => {
    const vectors = [vector(['a', 'b']), vector(['a', 'b']), vector(['b', 'c']), vector(['c']), vector(['a'])];
    const pairs = candidatePairs(vectors, ['x', 'y', 'y', 'x', 'z'], 100);
    expect(pairs).toBeInstanceOf(Int32Array);
    // 0–1 share a and b (once), 0–2 b, 0–4 a, 1–3 none (c only in 2, 3), 1–4 a, 2–3 c; 1–2 share an owner.
    expect([...pairs]).toEqual([0, 1, 0, 2, 0, 4, 1, 4, 2, 3]);
    expect(pairs.byteLength).toBe(4 * pairs.length);
  });

  it('leave out terms above the document-frequency cap', () => {
    const vectors = [vector(['a']), vector(['a']), vector(['a'])];
    expect([...candidatePairs(vectors, ['x', 'y', 'z'], 2)]).toEqual([]);
    expect([...candidatePairs(vectors, ['x', 'y', 'z'], 3)]).toEqual([0, 1, 0, 2, 1, 2]);
  });
});

describe('the pair scorer', () => {
  const lexicons = loadLexicons();
  const articles = FILES.map((f, k) => ({ ...prepareArticle(f, {}, lexicons), id: `a${k + 1}` }));
  const model = buildModel(articles, lexicons, DEFAULT_ALIGN_OPTIONS);
  const first = model.units.findIndex((u) => u.article === 'a2');
  const pair = (() => {
    for (let i = 0; i < first; i++) for (let j = first; j < model.units.length; j++) if (model.score(i, j).predicate) return [i, j] as const;
    throw new Error('no pair with a shared predicate');
  })();

  it('keeps no scored pair: each call makes its evidence anew, with the same values', () => {
    const [i, j] = pair;
    const a = model.score(i, j);
    const b = model.score(i, j);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('scores a pair the same whichever unit comes first', () => {
    const [i, j] = pair;
    expect(model.score(j, i)).toEqual(model.score(i, j));
    expect(model.predicateScore(j, i)).toBe(model.score(i, j).score);
  });
});

describe('report writing', () => {
  const report = analysePaths(FILES);

  it('renders each file when it writes it, not before every target is checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-lazy-'));
    writeFileSync(join(dir, 'notes.md'), 'my own notes\n');
    let rendered = 0;
    const render = () => {
      rendered++;
      return 'x\n';
    };
    expect(() =>
      writeOutputs([
        { path: join(dir, 'a.json'), content: render },
        { path: join(dir, 'notes.md'), content: render },
      ]),
    ).toThrow(/not written by parallax/);
    expect(rendered).toBe(0);
    writeOutputs([{ path: join(dir, 'b.json'), content: render }]);
    expect(rendered).toBe(1);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('x\n');
  });

  it('writes the same bytes as each formatter alone, with one view model for markdown and HTML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-out-'));
    const command = 'parallax analyze corpus';
    const { written } = writeReports(report, [CORPUS], { out: dir }, command);
    expect(written.map((w) => w.slice(dir.length + 1))).toEqual(['corpus.json', 'corpus.md', 'corpus.html']);
    expect(readFileSync(join(dir, 'corpus.json'), 'utf8')).toBe(formatJson(report));
    expect(readFileSync(join(dir, 'corpus.md'), 'utf8')).toBe(formatMarkdown(report, { command }));
    expect(readFileSync(join(dir, 'corpus.html'), 'utf8')).toBe(formatHtml(report, { command }));
  });
});
