/** The analyses as a named, ordered pipe (src/pipeline/analyses.ts) and `--disable NAME`. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/types.js';
import { ANALYSIS_NAMES, analysePaths, splitDisable } from '../../src/pipeline.js';
import { REPO, runCli } from '../helpers.js';

const CORPUS = resolve(REPO, 'corpus');
const spans = (r: Report, kind: Finding['kind']) => r.findings.filter((f) => f.kind === kind).map((f) => `${f.article}:${f.start}-${f.end}:${f.rule}`);

describe('the analysis pipe', () => {
  const full = analysePaths([CORPUS]);

  it('names the analyses in order', () => {
    expect(ANALYSIS_NAMES).toEqual(['attribution', 'markers', 'unsourced', 'actors']);
    expect(splitDisable(['hedge', 'actors', 'markers', 'label'])).toEqual({ analyses: ['actors', 'markers'], categories: ['hedge', 'label'] });
  });

  it('--disable attribution leaves out the attributions but unsourced still sees them', () => {
    const r = analysePaths([CORPUS], { disableAnalyses: ['attribution'] });
    expect(spans(full, 'attribution').length).toBe(22); // the author's own earlier article is the outlet's voice, not an attribution; TASS only passed Lavrov's words on
    expect(spans(r, 'attribution')).toEqual([]);
    expect(spans(r, 'unsourced')).toEqual(spans(full, 'unsourced'));
    expect(spans(r, 'loaded')).toEqual(spans(full, 'loaded'));
  }, 60_000);

  it('--disable markers and --disable actors leave out their results', () => {
    const r = analysePaths([CORPUS], { disableAnalyses: ['markers', 'actors'] });
    expect(spans(full, 'loaded').length).toBe(48);
    expect(spans(r, 'loaded')).toEqual([]);
    expect(spans(r, 'attribution')).toEqual(spans(full, 'attribution'));
    expect(full.actors.length).toBeGreaterThan(0);
    expect(r.actors).toEqual([]);
    for (const a of r.articles) expect(r.scores[a.id]).toMatchObject({ loadedCount: 0, actorTone: {} });
  }, 60_000);

  it('the CLI takes analysis names and marker categories in --disable', () => {
    const run = runCli(['analyze', 'corpus', '--disable', 'unsourced', '--disable', 'emotive', '--json', '-']);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(spans(r, 'unsourced')).toEqual([]);
    expect(r.findings.filter((f) => f.kind === 'loaded' && f.category === 'emotive')).toEqual([]);
    expect(spans(r, 'attribution')).toEqual(spans(full, 'attribution'));
    const bad = runCli(['analyze', 'corpus', '--disable', 'nope', '--json', '-']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown category to disable: "nope"');
  }, 60_000);
});
