import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineColumn, lineSpans, subtractSpans, trimSpan } from '../../src/core/spans.js';
import { InputError } from '../../src/core/errors.js';
import { writeOutputs } from '../../src/report/write.js';

describe('spans', () => {
  it('subtracts holes from regions', () => {
    expect(
      subtractSpans(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 4 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
    ]);
  });
  it('gives 1-based line and column, CRLF counting as one break', () => {
    expect(lineColumn('ab\r\ncd\nef', 8)).toEqual({ line: 3, column: 2 });
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
  it('splits lines on LF, CRLF and CR', () => {
    expect(lineSpans('a\r\nbb\ncc\rd').map((l) => [l.start, l.end, l.text])).toEqual([
      [0, 1, 'a'],
      [3, 5, 'bb'],
      [6, 8, 'cc'],
      [9, 10, 'd'],
    ]);
  });
  it('trims whitespace including NBSP', () => {
    expect(trimSpan(' \u00a0ab \n', 0, 6)).toEqual({ start: 2, end: 4 });
  });
});

describe('InputError.format', () => {
  it('puts file, line and column, expected/found and the fix on one line', () => {
    const e = new InputError('malformed front matter', { file: 'x.md', line: 3, column: 5, expected: 'YAML', found: 'a tab', hint: 'use spaces' });
    expect(e.format()).toBe('x.md:3:5: malformed front matter: expected YAML, found a tab — fix: use spaces');
  });
});

describe('writeOutputs', () => {
  it('writes all files atomically and leaves no temporaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-w-'));
    writeOutputs([{ path: join(dir, 'sub/a.json'), content: '{"schema":"parallax/report@1"}\n' }]);
    expect(readFileSync(join(dir, 'sub/a.json'), 'utf8')).toBe('{"schema":"parallax/report@1"}\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });
  it('refuses to overwrite a file parallax did not write, unless forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-w-'));
    const path = join(dir, 'notes.md');
    writeFileSync(path, 'my notes');
    expect(() => writeOutputs([{ path, content: 'x' }])).toThrow(/not written by parallax/);
    expect(readFileSync(path, 'utf8')).toBe('my notes');
    writeOutputs([{ path, content: 'parallax/report' }], true);
    expect(readFileSync(path, 'utf8')).toBe('parallax/report');
  });
  it('writes nothing when one destination is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-w-'));
    writeFileSync(join(dir, 'b.md'), 'mine');
    expect(() =>
      writeOutputs([
        { path: join(dir, 'a.json'), content: 'parallax/report' },
        { path: join(dir, 'b.md'), content: 'x' },
      ]),
    ).toThrow(InputError);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });
});

describe('writeOutputs to special files', () => {
  it('writes /dev/null in place instead of renaming a file over it', () => {
    writeOutputs([{ path: '/dev/null', content: 'parallax/report' }]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
