/**
 * Layers only look down and nothing imports in a circle: dependency-cruiser with the rules in
 * .dependency-cruiser.cjs over src/ (type-only imports included). A second run over a small tree
 * with one violation of each rule shows the rules catch what they should.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

/** The rule violations dependency-cruiser finds in `dir`/src, as `rule: from → to` lines. */
function violations(dir: string): string[] {
  const run = spawnSync(
    process.execPath,
    [resolve(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`).sort();
}

describe('import layers', () => {
  it('src/ has no import cycle and no import against the layers', () => {
    expect(violations(REPO)).toEqual([]);
  }, 60_000);

  it('the rules catch a cycle, a view importing an analysis and a producer importing a view', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-layers-'));
    copyFileSync(resolve(REPO, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
    );
    const files: Record<string, string> = {
      'src/core/types.ts': 'export interface Span { start: number; end: number }\n',
      'src/core/helper.ts': "import type { View } from '../report/view.js';\nexport const v: View | null = null;\n",
      'src/report/view.ts': "import { analyse } from '../analyses/markers.js';\nexport type View = ReturnType<typeof analyse>;\n",
      'src/analyses/markers.ts': "import type { Span } from '../core/types.js';\nexport const analyse = (): Span[] => [];\n",
      'src/align/index.ts': "import { render } from '../ui/a.js';\nexport const align = render;\n",
      'src/ui/a.ts': "import { b } from './b.js';\nexport const render = () => b;\n",
      'src/ui/b.ts': "import type { render } from './a.js';\nexport const b: typeof render | null = null;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const found = violations(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(found).toEqual([
      'core-is-the-bottom: src/core/helper.ts → src/report/view.ts',
      'no-circular: src/ui/a.ts → src/ui/b.ts → src/ui/a.ts',
      'producers-do-not-import-views: src/align/index.ts → src/ui/a.ts',
      'report-holds-pure-views: src/report/view.ts → src/analyses/markers.ts',
    ]);
  }, 60_000);
});
