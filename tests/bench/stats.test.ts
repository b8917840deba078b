import { describe, expect, it } from 'vitest';
import { scalingExponent, summarise } from '../../src/bench/stats.js';
import { benchTexts, renderBasil, seededRandom, shuffle, varyText } from '../../src/bench/texts.js';
import { summariseProfile, type CpuProfile } from '../../src/bench/profile.js';

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
