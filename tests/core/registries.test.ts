/**
 * The registries hold what they promise: in a temporary copy of the project, a toy fourth finding
 * kind (`exclaim`: sentences that end with "!") is added by editing three files, and a toy fifth
 * output format (`txt`: one line per finding) by editing two; the copy then builds and its CLI
 * reports, renders, counts, filters and validates the new kind and writes the new format. The
 * schema is regenerated from the types (`npm run schema`), not edited.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { REPO } from '../helpers.js';

/** Replaces `old` (which must occur exactly once) in `file` of the copy. */
function edit(root: string, file: string, old: string, text: string): void {
  const path = join(root, file);
  const s = readFileSync(path, 'utf8');
  if (s.split(old).length !== 2) throw new Error(`${file}: expected one occurrence of ${JSON.stringify(old)}`);
  writeFileSync(path, s.replace(old, text));
}

function create(root: string, file: string, text: string): void {
  if (existsSync(join(root, file))) throw new Error(`${file} exists`);
  writeFileSync(join(root, file), text);
}

/** Every file under `dir` (relative paths) with its contents. */
function snapshot(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) snapshot(p, base, out);
    else out.set(relative(base, p), readFileSync(p, 'utf8'));
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

const KIND_EDITS = (root: string) => {
  edit(
    root,
    'src/core/types.ts',
    'export type Finding = LoadedFinding | AttributionFinding | UnsourcedFinding;',
    [
      '/** Toy kind: a sentence that ends with an exclamation mark. */',
      'export interface ExclaimFinding extends FindingCommon {',
      "  kind: 'exclaim';",
      '}',
      '',
      'export type Finding = LoadedFinding | AttributionFinding | UnsourcedFinding | ExclaimFinding;',
    ].join('\n'),
  );
  edit(
    root,
    'src/core/finding-kinds.ts',
    '\n};\n\n/** The kinds in table order. */',
    [
      '',
      "  exclaim: { noun: 'exclamations', short: 'exclaimed', row: 'Exclamations', tag: 'exclaim', mark: 'strong', colour: 'loaded', detail: () => 'exclamation', exercise: null, help: { what: 'a sentence that ends in an exclamation mark', example: '“What a disgrace!”' } },",
      '};',
      '',
      '/** The kinds in table order. */',
    ].join('\n'),
  );
  edit(
    root,
    'src/pipeline/analyses.ts',
    '\n];\n\n/** An analysis of all articles together',
    [
      '',
      '  {',
      "    name: 'exclaim',",
      '    needs: [],',
      '    run: (article) =>',
      "      article.sentences.filter((s) => s.text.trimEnd().endsWith('!')).map((s) => ({",
      "        kind: 'exclaim' as const, start: s.start, end: s.end, text: s.text, rule: 'rule:exclaim', explanation: 'An exclamation in the outlet’s own voice.',",
      '      })),',
      '  },',
      '];',
      '',
      '/** An analysis of all articles together',
    ].join('\n'),
  );
};

const FORMAT_EDITS = (root: string) => {
  create(
    root,
    'src/report/txt.ts',
    [
      "import type { Report } from '../core/types.js';",
      '',
      '/** Toy format: one line per finding. */',
      'export function formatText(report: Report): string {',
      "  return report.findings.map((f) => `${f.id}\\t${f.kind}\\t${f.start}-${f.end}\\t${f.text}\\n`).join('');",
      '}',
      '',
    ].join('\n'),
  );
  edit(
    root,
    'src/report/formats.ts',
    "import { formatJson } from './json.js';",
    "import { formatJson } from './json.js';\nimport { formatText } from './txt.js';",
  );
  edit(
    root,
    'src/report/formats.ts',
    '\n} as const satisfies',
    "\n  txt: { extension: 'txt', help: 'write one line per finding to FILE', render: (r) => formatText(r) },\n} as const satisfies",
  );
};

const ARTICLE = 'The council met on Monday to discuss the new bridge.\n\nWhat a disgrace this decision is!\n\nThe mayor said the bridge would open in May.\n';

describe('registries: a new finding kind and a new format are small, local changes', () => {
  it('a toy fourth kind touches three files and a toy fifth format two; the copy builds and uses both', () => {
    const root = mkdtempSync(join(tmpdir(), 'parallax-registries-'));
    try {
      for (const p of ['src', 'scripts', 'schema', 'lexicons', 'package.json', 'tsconfig.json', 'tsconfig.build.json'])
        cpSync(resolve(REPO, p), join(root, p), { recursive: true });
      symlinkSync(resolve(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');

      const base = snapshot(root);
      KIND_EDITS(root);
      const afterKind = snapshot(root);
      FORMAT_EDITS(root);
      const afterFormat = snapshot(root);
      expect(changed(base, afterKind)).toEqual(['src/core/finding-kinds.ts', 'src/core/types.ts', 'src/pipeline/analyses.ts']);
      expect(changed(afterKind, afterFormat)).toEqual(['src/report/formats.ts', 'src/report/txt.ts']);

      const node = (args: string[], cwd = root) =>
        spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
      const build = node([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
      expect(build.stdout + build.stderr).toBe('');
      expect(node(['dist/lexicons/precompile.js']).status).toBe(0);
      const schema = node(['scripts/report-schema.mjs']);
      expect(schema.status).toBe(0);

      const articles = join(root, 'articles');
      mkdirSync(articles);
      writeFileSync(join(articles, 'council.txt'), ARTICLE);
      const out = join(root, 'out');
      const cli = (...args: string[]) => node(['dist/cli.js', 'analyze', 'articles', ...args]);
      // A new kind has no judged cases, so no calibration record: confidence 0, hidden by default; 0 shows it.
      const run = cli('--json', `${out}.json`, '--md', `${out}.md`, '--html', `${out}.html`, '--txt', `${out}.txt`, '--min-confidence', '0');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);

      const report = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as Report;
      const start = ARTICLE.indexOf('What a disgrace');
      const exclaim = report.findings.filter((f) => (f.kind as string) === 'exclaim');
      expect(exclaim.map((f) => [f.start, f.end, f.text, f.rule])).toEqual([[start, start + 33, 'What a disgrace this decision is!', 'rule:exclaim']]);
      // The copy's schema (regenerated from its types) accepts the new kind.
      const check = node([
        '--input-type=module',
        '-e',
        `import { parseReport } from './dist/report/validate.js'; import { readFileSync } from 'node:fs'; parseReport(JSON.parse(readFileSync(${JSON.stringify(`${out}.json`)}, 'utf8')), 'out.json'); console.log('valid');`,
      ]);
      expect(check.stderr).toBe('');
      expect(check.stdout).toBe('valid\n');

      // Counted in the summary line and the reports' summary table, marked in the text, filtered by --disable.
      expect(run.stdout).toMatch(/\d+ unsourced, 1 exclamation\n/);
      expect(readFileSync(`${out}.md`, 'utf8')).toMatch(/^\| Exclamations \| 1 \|$/m);
      expect(readFileSync(`${out}.html`, 'utf8')).toContain('<mark class="exclaim" title="f');
      const id = exclaim[0]!.id;
      expect(readFileSync(`${out}.txt`, 'utf8')).toContain(`${id}\texclaim\t${start}-${start + 33}\tWhat a disgrace this decision is!\n`);
      expect(node(['dist/cli.js', 'analyze', '--help']).stdout).toContain('--txt <file>');
      const off = cli('--disable', 'exclaim', '--json', '-');
      expect((JSON.parse(off.stdout) as Report).findings.filter((f) => (f.kind as string) === 'exclaim')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);
});
