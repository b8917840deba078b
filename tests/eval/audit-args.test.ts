/**
 * The audit command's options: `--rule` may be repeated (each also a comma list) and an unknown or
 * misspelt option is an error with exit code 2, not silently ignored (a draw that quietly lost a
 * rule was once judged as if it held it).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuditArgs } from '../../src/eval/audit.js';

describe('audit options', () => {
  it('keeps every --rule given, in order', () => {
    const v = parseAuditArgs(['--kind', 'loaded', '--rule', 'lexicon:subjective/liar', '--rule', 'rule:cast-as,rule:paint-as', '--unjudged']);
    expect(v.rule).toEqual(['lexicon:subjective/liar', 'rule:cast-as,rule:paint-as']);
    expect(v.unjudged).toBe(true);
    expect(v.kind).toBe('loaded');
  });

  it('refuses an unknown option and a stray word', () => {
    expect(() => parseAuditArgs(['--kind', 'loaded', '--rules', 'x'])).toThrow(/--rules/);
    expect(() => parseAuditArgs(['--kind', 'loaded', 'extra'])).toThrow(/extra/);
  });

  it('exits 2 with the expected options on a misspelt option', () => {
    const cli = resolve(import.meta.dirname, '../../dist/eval/audit.js');
    const r = spawnSync('node', [cli, '--kind', 'loaded', '--sampel', '5'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--sampel');
    expect(r.stderr).toContain('expected: --kind loaded|unsourced|attribution');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--help prints the usage on stdout with exit 0 (it was "Unknown option \'--help\'", exit 2)', () => {
    const cli = resolve(import.meta.dirname, '../../dist/eval/audit.js');
    const r = spawnSync('node', [cli, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(
      'usage: npm run audit -- --kind loaded|unsourced|attribution [--data D] [--sample N] [--seed S] [--reason R] [--category C] [--rule R1,R2 …] [--unjudged] [--min-confidence X] [--out FILE]',
    );
    expect(r.stdout).toContain('basil-check, polnear-dev, bundled, web, basil-tune, polnear-train');
  });

  it('without the datasets: exit 2 saying where they were looked for (it wrote an empty sheet, exit 0)', () => {
    const cli = resolve(import.meta.dirname, '../../dist/eval/audit.js');
    const r = spawnSync('node', [cli, '--kind', 'loaded', '--sample', '3', '--out', '/nonexistent/never.yml'], {
      encoding: 'utf8',
      env: { ...process.env, PARALLAX_DATASETS: '/nonexistent/datasets' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'audit: no articles for --data basil-check: expected the datasets at /nonexistent/datasets, found none — fix: set PARALLAX_DATASETS to their folder\n',
    );
  });
});
