import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analysePaths } from '../../src/pipeline.js';
import { offsetProblems, schemaProblems } from '../../src/report/validate.js';
import { CLI, HAS_SHARED_TOOLS, REPO, SHARED, runCli } from '../helpers.js';
import type { Report } from '../../src/core/types.js';

const corpusFiles = readdirSync(resolve(REPO, 'corpus'))
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('the bundled corpus report', () => {
  const report = analysePaths([resolve(REPO, 'corpus')]);

  it('validates against schema/report.schema.json', () => {
    expect(schemaProblems(report)).toEqual([]);
  });

  it('has every span slicing back to its text and nothing in boilerplate', () => {
    expect(offsetProblems(report)).toEqual([]);
  });

  it('lists the three articles with their front-matter metadata, in path order', () => {
    expect(report.articles.map((a) => a.path.split('/').pop())).toEqual(corpusFiles);
    const starfolk = report.articles.find((a) => a.outlet === 'Starfolk')!;
    expect(starfolk).toMatchObject({ author: 'Alexis Rowe', date: '2025-04-03', url: null, format: 'md' });
    expect(starfolk.title).toBe('Russia Expands Military Influence in West Africa with Arms and Training for Mali, Niger, and Burkina Faso');
    const newsvoice = report.articles.find((a) => a.outlet === 'Newsvoice')!;
    expect(newsvoice).toMatchObject({ author: 'Osborn Baya', date: '2024-06-21' });
  });

  it('keeps the front matter out of the body and records it as boilerplate', () => {
    for (const a of report.articles) {
      const fm = a.boilerplate.find((b) => b.reason === 'front-matter')!;
      expect(fm.start).toBe(0);
      expect(fm.text.startsWith('---\n')).toBe(true);
      expect(fm.text.endsWith('---\n')).toBe(true);
      expect(a.body[0]!.start).toBeGreaterThanOrEqual(fm.end);
    }
  });

  it('counts tokens and sentences from the NLP layer', () => {
    for (const a of report.articles) {
      expect(a.tokens).toBeGreaterThan(300);
      expect(a.sentences).toBe(a.sentenceSpans.length);
      expect(report.scores[a.id]).toMatchObject({ tokens: a.tokens, sentences: a.sentences });
    }
  });

  it('gives the same report for permuted inputs', () => {
    const files = corpusFiles.map((f) => resolve(REPO, 'corpus', f));
    const a = analysePaths(files);
    const b = analysePaths([...files].reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('parallax analyze corpus --json FILE', () => {
  it.skipIf(!HAS_SHARED_TOOLS)('passes ../shared/tools/check-report.mjs (skipped when ../shared is absent)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parallax-')), 'r.json');
    const run = runCli(['analyze', 'corpus', '--json', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const check = spawnSync(process.execPath, [resolve(SHARED, 'tools/check-report.mjs'), out], { cwd: REPO, encoding: 'utf8' });
    expect(check.stdout).toMatch(/^report holds to the contract: 3 articles/);
    expect(check.status).toBe(0);
  });

  it('writes a report that validates against the schema', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parallax-')), 'r.json');
    const run = runCli(['analyze', 'corpus', '--json', out, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(schemaProblems(report)).toEqual([]);
  });

  it('prints the version and help', () => {
    const version = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')).version as string;
    expect(runCli(['--version']).stdout.trim()).toBe(version);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/analyze(\|analyse)? \[options\] <paths\.\.\.>/);
    expect(CLI.endsWith('dist/cli.js')).toBe(true);
  });
});
