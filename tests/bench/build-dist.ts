/** Builds dist/ once for the bench and pool tests (they spawn or load compiled code). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `tsc -p tsconfig.build.json` (it emits even when some file elsewhere has a type error)
 * and checks that the given compiled files exist.
 */
export function buildDist(required: string[]): void {
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  for (const r of required) if (!existsSync(join(ROOT, r))) throw new Error(`build did not produce ${r}`);
}
