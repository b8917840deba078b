/** Types of scripts/report-schema.mjs (for the test that imports it). */
export const SCHEMA_FILE: string;
export function reportSchemaText(): string;
