/**
 * Validation of a report against schema/report.schema.json (ajv; the schema is generated from the
 * `Report` type, see scripts/report-schema.mjs) plus the contract's offset rule: every span slices
 * back to its article's text. `parseReport` is the one entry point for report JSON read from a
 * file: after it, the report is typed and no view needs to check its shape again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { InputError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/version.js';
import type { Report, Span } from '../core/types.js';

let validator: ValidateFunction<Report> | undefined;

function validate(): ValidateFunction<Report> {
  if (!validator) {
    const schema = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'schema/report.schema.json'), 'utf8')) as object;
    // Loaded here, not at start-up: only commands that read a report file validate one.
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    validator = new Ajv({ allErrors: true, strict: false }).compile<Report>(schema);
  }
  return validator;
}

/** One schema error as `JSON-pointer message`, naming the property itself when one is missing or unexpected. */
function describe(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required' && p.missingProperty !== undefined) return `${e.instancePath}/${p.missingProperty} is missing`;
  if (e.keyword === 'additionalProperties' && p.additionalProperty !== undefined) return `${e.instancePath}/${p.additionalProperty} is not a report field`;
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
}

/** The schema errors worth showing, most specific first: a bad value inside the report before a field missing at the top. */
function errorsOf(report: unknown): ErrorObject[] {
  const v = validate();
  if (v(report)) return [];
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'if');
  return [...errors.filter((e) => e.instancePath !== ''), ...errors.filter((e) => e.instancePath === '')];
}

/** Schema problems of `report` as readable lines (empty when valid). */
export function schemaProblems(report: unknown): string[] {
  return errorsOf(report).map(describe);
}

/**
 * The report in `json`, read from `file`, checked against the schema. Throws an InputError (exit 2)
 * that names the JSON path of the first bad field, e.g. `/articles/0 must be object`.
 */
export function parseReport(json: unknown, file: string): Report {
  if (validate()(json)) return json;
  const problems = errorsOf(json).map(describe);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new InputError('not a valid parallax report', {
    file,
    expected: 'a report as parallax analyze --json writes it (schema/report.schema.json)',
    found: `${problems[0] ?? 'an invalid report'}${more}`,
    hint: 'write the report again with `parallax analyze … --json FILE`, or fix that field',
  });
}

/** Spans whose `text` differs from the article text slice, and spans inside boilerplate. */
export function offsetProblems(report: Report): string[] {
  const problems: string[] = [];
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  const check = (where: string, articleId: string, s: (Span & { text?: string }) | null | undefined) => {
    if (!s) return;
    const a = articles.get(articleId);
    if (!a) return void problems.push(`${where}: unknown article ${articleId}`);
    if (s.text !== undefined && a.text.slice(s.start, s.end) !== s.text) problems.push(`${where}: text does not slice back`);
    if (a.boilerplate.some((b) => s.start < b.end && b.start < s.end)) problems.push(`${where}: lies in boilerplate`);
  };
  for (const f of report.findings) {
    check(`finding ${f.id}`, f.article, f);
    if (f.kind === 'attribution') {
      check(`finding ${f.id} source`, f.article, f.source);
      check(`finding ${f.id} cue`, f.article, f.cue);
      check(`finding ${f.id} content`, f.article, f.content);
    }
  }
  for (const e of report.events) for (const m of e.mentions) check(`event ${e.id}`, m.article, m);
  return problems;
}
