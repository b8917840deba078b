import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assignConfidence, calibrationKeys, DEFAULT_MIN_CONFIDENCE, NO_CALIBRATION } from '../../src/analyses/confidence.js';
import { DEFAULT_MIN_CONFIDENCE_BY_KIND, isShown } from '../../src/core/confidence.js';
import type { Finding } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import type { RawCalibration } from '../../src/lexicons/parse.js';
import { analysePaths } from '../../src/pipeline.js';
import { buildView } from '../../src/report/view-model.js';
import { REPO, runCli } from '../helpers.js';

const rec = (key: string, correct: number, judged: number): RawCalibration => ({
  key,
  correct,
  judged,
  precision: Math.round((correct / judged) * 1000) / 1000,
  data: 'test',
  generated: '2026-01-01',
});

describe('calibration keys and fallback', () => {
  const loaded = { kind: 'loaded', rule: 'lexicon:emotive/slam', category: 'emotive' } as unknown as Finding;
  const unsourced = { kind: 'unsourced', rule: 'rule:unsourced-prediction', reason: 'prediction' } as unknown as Finding;
  const attribution = { kind: 'attribution', rule: 'lexicon:reporting-verbs/say', cue: { neutral: true } } as unknown as Finding;
  const patterned = { kind: 'attribution', rule: 'lexicon:reporting-verbs/say', pattern: 'according-to', cue: { neutral: false } } as unknown as Finding;

  it('lists the keys most specific first, down to the kind pool', () => {
    expect(calibrationKeys(loaded)).toEqual(['lexicon:emotive/slam', 'loaded/emotive', 'loaded']);
    expect(calibrationKeys(unsourced)).toEqual(['unsourced/prediction', 'unsourced']);
    expect(calibrationKeys(attribution)).toEqual(['attribution/lexicon:reporting-verbs/say', 'attribution']);
    expect(calibrationKeys(patterned)).toEqual([
      'attribution/according-to:say',
      'attribution/according-to:non-neutral',
      'attribution/according-to',
      'attribution',
    ]);
  });

  it('reads the cue class of an audit-sheet item from its neutral field, as of a finding from its cue', () => {
    // attribution-polnear-dev-seed263.yml item 14: "Mr. Kamin, who emphasized that …" — the sheet writes the cue as text
    // and its class beside it; it was once read as neutral, so judged items of non-neutral cues fed the neutral records.
    const sheet = parse(readFileSync(resolve(REPO, 'tests/fixtures/audit/attribution-polnear-dev-seed263.yml'), 'utf8')) as {
      items: { n: number; finding: Finding }[];
    };
    const item = sheet.items.find((i) => i.n === 14)!.finding;
    expect(calibrationKeys(item)).toEqual([
      'attribution/subject-said-that:stress',
      'attribution/subject-said-that:non-neutral:that',
      'attribution/subject-said-that:non-neutral',
      'attribution/subject-said-that',
      'attribution',
    ]);
  });

  it('takes the first key with a record, rounds to 2 decimals, and never guesses', () => {
    const cal = new Map([rec('loaded/emotive', 2, 3), rec('unsourced', 7, 8)].map((r) => [r.key, r]));
    const fs = assignConfidence([{ ...loaded }, { ...unsourced }, { ...attribution }] as Finding[], cal);
    expect(fs.map((f) => [f.calibration, f.confidence])).toEqual([
      ['loaded/emotive', 0.67],
      ['unsourced', 0.88],
      [NO_CALIBRATION, 0],
    ]);
  });
});

describe('confidence on the bundled corpus', () => {
  const lex = loadLexicons();
  const report = analysePaths([resolve(REPO, 'corpus')]);

  it('gives every finding the precision of its calibration record, and the report lists exactly the records used', () => {
    expect(report.minConfidence).toBe(DEFAULT_MIN_CONFIDENCE);
    for (const f of report.findings) {
      const c = report.calibration[f.calibration]!;
      expect(c, f.calibration).toBeDefined();
      expect(f.confidence).toBe(Math.round(c.precision * 100) / 100);
      expect(lex.calibration.get(f.calibration)?.judged).toBe(c.judged);
    }
    expect(Object.keys(report.calibration).sort()).toEqual([...new Set(report.findings.map((f) => f.calibration))].sort());
  });

  it('views leave out findings below the threshold of their kind and count them apart', () => {
    expect(report.minConfidenceByKind).toEqual(DEFAULT_MIN_CONFIDENCE_BY_KIND);
    const hidden = report.findings.filter((f) => f.confidence < (f.kind === 'attribution' ? 0.8 : 0.85));
    expect(hidden.length).toBeGreaterThan(0);
    const view = buildView(report);
    expect(view.confidence.hiddenTotal).toBe(hidden.length);
    const listed = new Set(view.outlets.flatMap((o) => o.unsourced.map((u) => u.id)));
    for (const f of hidden) expect(listed.has(f.id)).toBe(false);
    expect(view.confidence.line).toBe(
      `${hidden.length} more findings below their kind's confidence threshold (attributions 0.80, loaded terms 0.85, unsourced 0.85) (measured precision of their rule; listed in the JSON report, shown with --min-confidence 0).`,
    );
    // one threshold for every kind (--min-confidence X sets them all) is named once
    const one = buildView({ ...report, minConfidence: 0.9, minConfidenceByKind: { attribution: 0.9, loaded: 0.9, unsourced: 0.9 } });
    expect(one.confidence.line).toMatch(/^\d+ more findings below confidence 0\.90 \(measured precision/);
    const { minConfidenceByKind: _, ...rest } = report;
    const all = buildView({ ...rest, minConfidence: 0 });
    expect(all.confidence.hiddenTotal).toBe(0);
    expect(all.confidence.line).toBeNull();
  });

  it('shows attributions from 0.8 by default, and an explicit --min-confidence applies to every kind', () => {
    const between = report.findings.filter((f) => f.kind === 'attribution' && f.confidence >= 0.5 && f.confidence < 0.8);
    expect(between.length).toBeGreaterThan(0);
    for (const f of between) expect(isShown(f, report)).toBe(false);
    const explicit = analysePaths([resolve(REPO, 'corpus')], { minConfidence: 0.5 });
    expect(explicit.minConfidenceByKind).toBeUndefined();
    for (const f of between) expect(isShown(f, explicit)).toBe(true);
  });

  it('shows unsourced claims from 0.85 by default: the bundled predictions (0.70) and agentless passives (0.80) are listed in the JSON only', () => {
    const predictions = report.findings.filter((f) => f.kind === 'unsourced' && f.reason === 'prediction');
    expect(predictions.map((f) => f.confidence)).toEqual([0.7, 0.7, 0.7]);
    const passives = report.findings.filter((f) => f.kind === 'unsourced' && f.reason === 'agentless-passive');
    expect(passives.map((f) => f.confidence)).toEqual([0.8, 0.8]);
    for (const f of [...predictions, ...passives]) expect(isShown(f, report)).toBe(false);
    const sure = report.findings.filter((f) => f.kind === 'unsourced' && f.reason === 'no-attribution');
    expect(sure.length).toBeGreaterThan(0);
    for (const f of sure) expect(isShown(f, report)).toBe(true);
  });
});

describe('--min-confidence', () => {
  it('rejects a value outside 0..1 with exit code 2 and says what it expects', () => {
    const r = runCli(['analyze', 'corpus', '--json', '-', '--min-confidence', '1.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad --min-confidence');
    expect(r.stderr).toContain('a number from 0 to 1');
  });

  it('is recorded in the report and 0 shows every finding', () => {
    const r = runCli(['analyze', 'corpus', '--json', '-', '--min-confidence', '0']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { minConfidence: number; findings: unknown[]; scores: Record<string, { findings: number }> };
    expect(report.minConfidence).toBe(0);
    expect(Object.values(report.scores).reduce((s, x) => s + x.findings, 0)).toBe(report.findings.length);
  });
});
