/**
 * `npm run eval -- NAME…`: a misspelt evaluation name is an error (it ran nothing and exited 0, so
 * a measurement that was never made looked like one that printed nothing), and --help lists them.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUN = resolve(import.meta.dirname, '../../dist/eval/run.js');

describe('eval names', () => {
  it('a misspelt name: exit 2 naming the evaluations, nothing run', () => {
    const r = spawnSync('node', [RUN, 'attribtion'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('eval: unknown evaluation: expected one of markers, attribution, unsourced, alignment, grouping, ingest, found attribtion\n');
  });

  it('--help lists the names, exit 0', () => {
    const r = spawnSync('node', [RUN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^usage: npm run eval \[-- NAME…\]: the evaluations named \(default: all\): markers, attribution, unsourced, alignment, grouping, ingest; datasets from /,
    );
  });
});
