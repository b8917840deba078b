/**
 * The `yaml` library, loaded on first use (~30 ms of CPU at start-up): a run whose data files all
 * have current compiled copies (core/yaml-copy.ts, the lexicon cache) and whose articles have no
 * front matter, or only simple front matter (ingest/front-matter.ts), never needs it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;

/** The `yaml` module (the same instance an `import` of it gives). */
export const yaml = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'));
