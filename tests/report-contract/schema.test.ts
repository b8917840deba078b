/**
 * The report's types and its schema agree: schema/report.schema.json is what the `Report` type in
 * src/core/types.ts generates (scripts/report-schema.mjs), it is strict (a field the types do not
 * have is an error), reports built from real fixtures validate, and report JSON read from a file
 * is checked once at the edge (exit 2 naming the first bad field, never exit 70).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { analysePaths } from '../../src/pipeline.js';
import { parseReport, schemaProblems } from '../../src/report/validate.js';
import { REPO, runCli } from '../helpers.js';
import { fixtureReport } from '../report/fixture.js';
import { evidenceReport, fixtureReport as uiFixtureReport } from '../ui/fixture.js';
import { reportSchemaText, SCHEMA_FILE } from '../../scripts/report-schema.mjs';

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof InputError ? e.format() : `not an InputError: ${String(e)}`;
  }
  return 'no error';
};

describe('schema/report.schema.json', () => {
  it('is the schema the Report type generates (run `npm run schema` after changing the types)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(reportSchemaText());
  }, 60_000);

  it('is strict: every object lists its fields and allows no others (a finding: those of its kind)', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      additionalProperties: unknown;
      definitions: Record<string, { type?: string; additionalProperties?: unknown; allOf?: unknown }>;
    };
    expect(schema.additionalProperties).toBe(false);
    const open = Object.entries(schema.definitions).filter(([, d]) => d.type === 'object' && d.additionalProperties === undefined && d.allOf === undefined);
    expect(open.map(([name]) => name)).toEqual([]);
  });
});

describe('reports built from real fixtures validate', () => {
  it.each([
    ['the small case', 'tests/cases/small/articles'],
    ['the hostile fixtures', 'tests/fixtures/hostile'],
    ['the ingest fixtures', 'tests/fixtures/ingest'],
  ])(
    '%s',
    (_name, dir) => {
      expect(schemaProblems(analysePaths([resolve(REPO, dir)]))).toEqual([]);
    },
    60_000,
  );

  it('the hand-made view fixtures', () => {
    for (const r of [fixtureReport(), uiFixtureReport(), evidenceReport()]) expect(schemaProblems(r)).toEqual([]);
  });

  it('a field the types do not have is refused, by its path', () => {
    const r = fixtureReport();
    Object.assign(r.events[0]!.links[0]!, { weight: 1 });
    Object.assign(r.findings[0]!, { certainty: 0.5 });
    expect(schemaProblems(r)).toEqual(['/events/0/links/0/weight is not a report field', '/findings/0/certainty is not a report field']);
  });

  it('a finding is checked against its own kind only', () => {
    const r = fixtureReport();
    const f = r.findings.find((x) => x.kind === 'attribution')!;
    Object.assign(f, { direct: 'yes' });
    expect(schemaProblems(r)).toEqual([`/findings/${r.findings.indexOf(f)}/direct must be boolean`]);
  });
});

describe('report JSON from a file is validated once, at the edge', () => {
  it('parseReport names the first bad field', () => {
    expect(message(() => parseReport({ schema: 'parallax/report@1', articles: [null] }, 'key.json'))).toBe(
      'key.json: not a valid parallax report: expected a report as parallax analyze --json writes it (schema/report.schema.json), found /articles/0 must be object (and 9 more problems) — fix: write the report again with `parallax analyze … --json FILE`, or fix that field',
    );
    expect(message(() => parseReport({ ...fixtureReport(), schema: 'parallax/report@2' }, 'r.json'))).toContain('found /schema must be equal to constant');
  });

  it('parseReport returns a valid report as it is', () => {
    const r = JSON.parse(JSON.stringify(fixtureReport())) as unknown;
    expect(parseReport(r, 'r.json')).toBe(r);
  });

  it('parallax exercise --answers with a broken report exits 2 with the path, not 70', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-key-'));
    writeFileSync(join(dir, 'key.json'), '{"schema":"parallax/report@1","articles":[null]}');
    const run = runCli(['exercise', '--answers', join(dir, 'key.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a valid parallax report');
    expect(run.stderr).toContain('found /articles/0 must be object');
    expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
