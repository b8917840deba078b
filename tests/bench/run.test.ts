/**
 * The bench harness in quick mode (tiny counts, one repetition): the report has every section
 * and every measured ratio is a positive number. No timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../src/bench/run.js';
import { buildDist, ROOT } from './build-dist.js';

let out: string;
let md: string;
let json: BenchResult;
let stdout: string;

beforeAll(() => {
  buildDist(['dist/bench/run.js', 'dist/bench/scale-child.js', 'dist/parallel/worker.js', 'dist/cli.js']);
  out = mkdtempSync(join(tmpdir(), 'parallax-bench-test-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench failed (${r.status}): ${r.stderr}`);
  stdout = r.stdout;
  md = readFileSync(join(out, 'bench.md'), 'utf8');
  json = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as BenchResult;
}, 600_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('bench harness (quick mode)', () => {
  it('writes every section of the markdown report', () => {
    for (const heading of [
      '# parallax benchmark',
      '## Headline',
      '## Per-article analysis vs bare wink-nlp',
      '## Worker pool (src/parallel)',
      '## Alignment and story grouping scaling',
      '## Peak memory',
      '## End to end through the CLI',
      '## TUI time to first frame',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('**Texts**:');
    expect(md).toContain('quick mode');
  });

  it('reports the headline ratio and the other measures as positive numbers', () => {
    expect(json.quick).toBe(true);
    expect(positive(json.perArticle.ratio.median)).toBe(true);
    expect(positive(json.perArticle.floorMs.median)).toBe(true);
    expect(positive(json.perArticle.fullMs.median)).toBe(true);
    expect(positive(json.pool.speedup.median)).toBe(true);
    // Pool vs serial identity depends on wink-nlp's history (see src/parallel/pool.ts planWorkers).
    expect(typeof json.pool.identical).toBe('boolean');
    expect(json.scaling.targets.length).toBeGreaterThan(0);
    for (const t of json.scaling.targets) {
      expect(t.sizes.map((s) => s.n)).toEqual(json.config.sizes);
      expect(Number.isFinite(json.scaling.exponents[t.id])).toBe(true);
    }
    expect(positive(json.scaling.maxRssMb)).toBe(true);
    expect(positive(json.endToEnd.nodeFloorMs.median)).toBe(true);
    const ids = json.headlines.map((h) => h.id);
    // Whole commands first (each paired with a bare wink-nlp process), then the per-stage measures.
    expect(ids).toEqual([
      'corpus-ratio',
      'corpus-exponent',
      'corpus-rss',
      'analyze-out',
      'threads',
      'size-ratio',
      'analysis-ratio',
      'scaling-exponent',
      'peak-rss',
      'seeds-e2e',
      'tui-first-frame',
    ]);
    for (const h of json.headlines) {
      // Measured values are positive numbers; a value that could not be measured says why.
      if (h.value === null) expect(h.note.length).toBeGreaterThan(10);
      else expect(positive(h.value) || ((h.id === 'scaling-exponent' || h.id === 'corpus-exponent') && Number.isFinite(h.value))).toBe(true);
    }
    const c = json.commands!;
    expect(c.corpus300!.runs.length).toBe(json.config.commandReps);
    for (const run of c.corpus300!.runs) {
      expect(positive(run.command.cpuMs) && positive(run.bare.cpuMs) && positive(run.command.maxRssMb)).toBe(true);
    }
    expect(c.scaling.map((x) => x.articles)).toEqual(json.config.commandSizes);
    expect(positive(c.analyze!.wallMs.median)).toBe(true);
    expect(json.size!.articles).toBe(json.config.sizeArticles);
    expect(positive(json.size!.one.totalMs) && positive(json.size!.many.totalMs)).toBe(true);
    // The size criterion is a CPU ratio: each child's own CPU time.
    expect(positive(json.size!.one.cpuMs!) && positive(json.size!.many.cpuMs!) && positive(json.size!.cpuRatio!)).toBe(true);
    expect(json.headlines.find((h) => h.id === 'analysis-ratio')!.value).toBeGreaterThan(0);
  });

  it('prints the headline ratios against their targets', () => {
    expect(stdout).toMatch(/full per-article analysis ÷ bare wink-nlp readDoc: [\d.]+× \(target ≤ 1\.5×\)/);
    expect(stdout).toMatch(/peak RSS.*MB \(target ≤ 400 MB\)/);
  });
});
