/**
 * The HTML libraries (parse5, linkedom, @mozilla/readability) are loaded only when an HTML file
 * is read: a .txt/.md run never loads them. Nor does `analyze` load the terminal view (ink,
 * React), the schema validator (ajv) or, for simple front matter and current compiled data
 * copies, the YAML parser (yaml). Checked in a child process whose module resolve hook (ESM
 * imports) and CommonJS loader report every package they load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, REPO } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOOKS = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/node_modules\\/(parse5|linkedom|@mozilla\\/readability|wink-nlp|yaml|ink|react|ajv)\\//.test(r.url)) process.stderr.write('LOADED ' + r.url.replace(/.*node_modules\\//, '').split('/')[0] + '\\n');
  return r;
}`;
const PRELOAD = `import { register } from 'node:module';
import Module from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(parse5|linkedom|@mozilla\\/readability|yaml|ink|react|ajv)$/.test(request)) process.stderr.write('LOADED ' + request.split('/')[0] + '\\n');
  return load.call(this, request, ...rest);
};`;

function loaded(file: string): string[] {
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(dir, 'preload.mjs')).href, CLI, 'analyze', file, '--json', join(dir, 'out.json'), '--force', '--quiet'],
    { cwd: REPO, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return [
    ...new Set(
      r.stderr
        .split('\n')
        .filter((l) => l.startsWith('LOADED '))
        .map((l) => l.slice(7)),
    ),
  ].sort();
}

describe('lazy HTML libraries', () => {
  it('a markdown article loads wink-nlp but none of the HTML libraries, nor yaml, ink, React or ajv', () => {
    expect(loaded(resolve(REPO, 'corpus/lavrov-african-tour.md'))).toEqual(['wink-nlp']);
  });

  it('an HTML article loads them (control)', () => {
    expect(loaded(resolve(REPO, 'tests/fixtures/ingest/hostile-page.html'))).toEqual(['@mozilla', 'linkedom', 'parse5', 'wink-nlp']);
  });
});
