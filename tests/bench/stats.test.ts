import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scalingExponent, summarise } from '../../src/bench/stats.js';
import { benchTexts, renderBasil, shuffle, varyText } from '../../src/bench/texts.js';
import { seededRandom } from '../../src/core/random.js';
import { summariseProfile, type CpuProfile } from '../../src/bench/profile.js';
import { buildDist, ROOT } from './build-dist.js';

describe('bench statistics', () => {
  it('gives median, min and max of odd and even sample counts', () => {
    expect(summarise([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5, n: 3 });
    expect(summarise([4, 1, 3, 2])).toMatchObject({ median: 2.5, min: 1, max: 4, n: 4 });
  });

  it('fits the exponent of a power law on log-log axes', () => {
    const pts = (k: number) => [250, 500, 1000, 2000].map((x) => ({ x, y: 0.01 * x ** k }));
    expect(scalingExponent(pts(1))).toBeCloseTo(1, 6);
    expect(scalingExponent(pts(2))).toBeCloseTo(2, 6);
    expect(scalingExponent(pts(1.1))).toBeCloseTo(1.1, 6);
    expect(scalingExponent([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('bench texts', () => {
  it('shuffles deterministically from a seed', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(xs, seededRandom(7))).toEqual(shuffle(xs, seededRandom(7)));
    expect(shuffle(xs, seededRandom(7))).not.toEqual(shuffle(xs, seededRandom(8)));
    expect([...shuffle(xs, seededRandom(7))].sort((a, b) => a - b)).toEqual(xs);
  });

  it('renders a BASIL article as title, blank line, paragraphs', () => {
    expect(renderBasil({ title: 'T', 'body-paragraphs': [['A.', 'B. '], [], ['C.']] })).toBe('T\n\nA. B.\n\nC.\n');
  });

  it('varies a text by shuffling sentences within paragraphs, keeping the title and every sentence', () => {
    const text = 'Title line\n\nOne is here. Two is there. Three is everywhere. Four.\n\nFive stays.\n';
    const v = varyText(text, 3, false);
    expect(v).toBe(varyText(text, 3, false));
    expect(v.startsWith('Title line\n\n')).toBe(true);
    expect(v.endsWith('\n\nFive stays.\n')).toBe(true);
    for (const s of ['One is here.', 'Two is there.', 'Three is everywhere.', 'Four.']) expect(v).toContain(s);
    expect(varyText('A\n\nRussia helps Burkina Faso.\n', 1, true)).toMatch(/^A\n\n(Russia|Turkey|China|France) helps (Burkina Faso|Mali|Chad|Benin)\.\n$/);
  });

  it('falls back to the bundled corpus, varied, when the datasets are absent', () => {
    const before = process.env['PARALLAX_DATASETS'];
    process.env['PARALLAX_DATASETS'] = '/nonexistent/datasets';
    try {
      const { texts, source } = benchTexts(7);
      expect(source.kind).toBe('bundled-corpus');
      expect(source.description).toContain('varied deterministically');
      expect(texts).toHaveLength(7);
      expect(new Set(texts.map((t) => t.text)).size).toBe(7);
      expect(benchTexts(7).texts).toEqual(texts);
    } finally {
      if (before === undefined) delete process.env['PARALLAX_DATASETS'];
      else process.env['PARALLAX_DATASETS'] = before;
    }
  });
});

describe('cpu profile summary', () => {
  it('charges self time to the leaf and total time once per function on the stack', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
        { id: 2, callFrame: { functionName: 'outer', url: 'file:///r/dist/a.js', lineNumber: 0 }, children: [3] },
        { id: 3, callFrame: { functionName: 'inner', url: 'file:///r/node_modules/wink-nlp/src/x.js', lineNumber: 9 } },
      ],
      samples: [2, 3, 3, 3],
      timeDeltas: [0, 1000, 1000, 1000],
      startTime: 0,
      endTime: 4000,
    };
    const s = summariseProfile(profile);
    expect(s.totalMs).toBe(4);
    const inner = s.functions.find((r) => r.key.startsWith('inner'))!;
    const outer = s.functions.find((r) => r.key.startsWith('outer'))!;
    expect(inner).toMatchObject({ key: 'inner pkg:wink-nlp:10', selfMs: 3, totalMs: 3 });
    expect(outer).toMatchObject({ selfMs: 1, totalMs: 4, totalShare: 1 });
    expect(s.files.find((r) => r.key === 'pkg:wink-nlp')?.selfShare).toBe(0.75);
  });
});

describe('node dist/bench/profile.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-profile-'));
  beforeAll(() => buildDist(['dist/bench/profile.js']));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const profileJs = join(ROOT, 'dist', 'bench', 'profile.js');

  it('refuses a file that is not a CPU profile with exit 2 and says what to pass, no stack trace', () => {
    writeFileSync(join(dir, 'empty.cpuprofile'), '{}');
    const r = spawnSync(process.execPath, [profileJs, join(dir, 'empty.cpuprofile')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `profile: ${join(dir, 'empty.cpuprofile')}: expected a V8 CPU profile (JSON written by node --cpu-prof), found no "nodes" and "samples" arrays — fix: pass the .cpuprofile file node --cpu-prof --cpu-prof-dir DIR wrote\n`,
    );
  });

  it('stops quietly (no stack trace on stderr) when its reader closes early, as in `… | head -1`', () => {
    // a long profile: one function per node, so the tables outgrow a pipe buffer
    const nodes: CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [] }];
    for (let i = 2; i < 4000; i++) {
      nodes.push({ id: i, callFrame: { functionName: `f${i}`, url: 'file:///r/dist/a.js', lineNumber: i } });
      nodes[0]!.children!.push(i);
    }
    const samples = nodes.slice(1).map((n) => n.id);
    const profile: CpuProfile = { nodes, samples, timeDeltas: samples.map(() => 1000), startTime: 0, endTime: samples.length * 1000 };
    writeFileSync(join(dir, 'long.cpuprofile'), JSON.stringify(profile));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${profileJs}" "${join(dir, 'long.cpuprofile')}" --top 100000 | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('profile: 3998 ms sampled\n'); // the first sample's delta is the time before it
    expect(r.stderr).toBe('');
  });
});
