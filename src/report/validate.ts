/**
 * Validation of a report against schema/report.schema.json (ajv) plus the contract's offset
 * rule: every span slices back to its article's text. Used by tests and by `--validate`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { PACKAGE_ROOT } from '../core/version.js';
import type { Report, Span } from '../core/types.js';

let validator: ReturnType<Ajv['compile']> | undefined;

/** Schema problems of `report` as readable lines (empty when valid). */
export function schemaProblems(report: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'schema/report.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (validator(report)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
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
