/**
 * Every data file a report depends on is in its `lexicons` provenance (#18 "every file's id,
 * version and sha256 in the report"): the lexicons, the ingest cue files (boilerplate cues,
 * function words) and the alignment's data (paraphrases, predicates, time words, stop words).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli } from '../helpers.js';

const record = (file: string) => {
  const raw = readFileSync(join(REPO, 'lexicons', file), 'utf8');
  const d = parse(raw) as { id: string; version: string };
  return { id: d.id, version: d.version, sha256: createHash('sha256').update(raw).digest('hex') };
};

describe('report provenance', () => {
  it('names the ingest cue files and the alignment data with id, version and sha256', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-prov-'));
    writeFileSync(join(dir, 'a.txt'), 'The minister said on Monday that the troops had arrived in the capital.\n');
    const r = runCli(['analyze', 'a.txt', '--json', 'r.json'], { cwd: dir });
    expect(r.status).toBe(0);
    const { lexicons } = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { lexicons: { id: string; version: string; sha256: string }[] };
    for (const file of [
      'ingest/boilerplate.yml',
      'ingest/function-words.yml',
      'align/paraphrases.yml',
      'align/predicates.yml',
      'align/time.yml',
      'align/terms.yml',
      'attribution-words.yml',
    ]) {
      expect(lexicons).toContainEqual(record(file));
    }
  });
});
