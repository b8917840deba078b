/**
 * Build step (`npm run build`, after tsc): compiles the bundled lexicons/*.yml into
 * dist/lexicons/bundled.compiled.json, so the first start-up after a build or an install skips
 * YAML parsing, schema validation and phrase tokenisation and needs no writable temp dir. The
 * YAML files stay the source of truth: the copy is keyed by their sha256 and ignored when they
 * change (then the disk cache or a fresh compile is used).
 *
 * Usage: node dist/lexicons/precompile.js [OUT]
 */
import { PRECOMPILED_PATH, writePrecompiled } from './index.js';

const out = process.argv[2] ?? PRECOMPILED_PATH;
writePrecompiled(out);
