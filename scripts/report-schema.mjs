#!/usr/bin/env node
/**
 * schema/report.schema.json is generated from the `Report` type in src/core/types.ts, so the
 * schema and the types cannot drift apart: `npm run schema` writes it, and a test
 * (tests/report-contract/schema.test.ts) fails when the committed file differs from what the
 * types give. Constraints the types cannot say (id patterns, integer offsets, minimum lengths)
 * are JSDoc tags on the types (`@pattern`, `@asType integer`, `@minimum`, `@minLength`).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = join(ROOT, 'schema', 'report.schema.json');

/** The report schema as the types give it, as the text of the committed file. */
export function reportSchemaText() {
  const schema = createGenerator({
    path: join(ROOT, 'src', 'core', 'types.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: 'Report',
    schemaId: 'https://parallax.invalid/schema/report.schema.json',
    topRef: false,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('Report');
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, reportSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
