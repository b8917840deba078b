/**
 * Hostile and broken input, third round (harden23): what tests/hardening and tests/cases/hostile
 * did not yet cover. Each test failed before its fix.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers.js';
import type { Report } from '../../src/core/types.js';
import { buildExercise, toolKey } from '../../src/ui/exercise/model.js';
import { exerciseHelp } from '../../src/ui/exercise/screen.js';
import { plainText } from '../../src/ui/text.js';
import { fixtureReport } from '../ui/fixture.js';
import { clip } from '../../src/report/view-model.js';
import { trimLabel } from '../../src/align/index.js';
import { quoteForMessage, type InputError } from '../../src/core/errors.js';
import { headUnits } from '../../src/core/spans.js';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';
import { escapeHtml, escapeMarkdownInline, sanitizeTerminal } from '../../src/core/escape.js';

const EMOJI = '😀'; // two UTF-16 units

describe('a cut never leaves half a surrogate pair', () => {
  const odd = `a${EMOJI.repeat(60)}`; // every emoji starts at an odd offset, so an even cut lands inside one
  it('headUnits steps back over the first half of a pair', () => {
    expect(headUnits(odd, 4)).toBe(`a${EMOJI}`);
    expect(headUnits(odd, 3)).toBe(`a${EMOJI}`);
    expect(headUnits('ab', 5)).toBe('ab');
  });
  it('clip (findings quoted in markdown and HTML), trimLabel (event labels) and quoteForMessage (errors)', () => {
    expect(clip(odd)).toBe(`a${EMOJI.repeat(44)}…`);
    expect(trimLabel(odd)).toBe(`a${EMOJI.repeat(29)}…`);
    expect(quoteForMessage(odd)).toBe(JSON.stringify(`a${EMOJI.repeat(19)}…`));
  });
});

describe('the Arabic letter mark (U+061C, a bidi control like U+200F) is removed like the others', () => {
  it('from terminal, HTML and markdown text', () => {
    expect(sanitizeTerminal('Lopez\u061c said')).toBe('Lopez  said');
    expect(escapeHtml('Lopez\u061c said')).toBe('Lopez  said');
    expect(escapeMarkdownInline('Lopez\u061c said')).toBe('Lopez said');
  });
});

describe('outlet names with terminal escapes in the exercise help', () => {
  it('reach the screen without ESC, C1 or bidi controls (they listed the guesses raw)', () => {
    const report = fixtureReport();
    report.articles[0]!.outlet = 'Daily \u001b[31mBugle\u001b]8;;https://evil.example\u0007 \u009b2J \u202eevil';
    report.articles[0]!.label = report.articles[0]!.outlet;
    const ex = buildExercise(report);
    const help = exerciseHelp(ex, toolKey(report), 'tool', 200).map(plainText);
    expect(help.find((l) => l.includes('4. Guess'))).toBe(
      '  4. Guess who wrote each article: g cycles through 2 names (Daily  [31mBugle ]8;;https://evil.example   2J  evil, Sahel Wire).',
    );
  });
});

describe('front matter with lone CR line ends (old Mac files)', () => {
  it('is read like LF front matter', () => {
    const fm = parseFrontMatter('---\rtitle: Protest turns violent\routlet: Daily Test\rdate: 2024-05-01\r---\rPolice said so.\r', 'cr.md');
    expect(fm).toEqual({
      span: { start: 0, end: 73 },
      meta: { title: 'Protest turns violent', outlet: 'Daily Test', author: null, date: '2024-05-01', url: null },
      extra: {},
    });
  });
  it('an error in it names the right line', () => {
    expect(() => parseFrontMatter('---\rtitle: A\rdate: soon\r---\rBody.\r', 'cr.md')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ file: 'cr.md', line: 3, found: '"soon"' }) }),
    );
  });
});

describe('front matter: dates the calendar lacks and keys given twice', () => {
  const error = (yaml: string) => {
    try {
      parseFrontMatter(`---\n${yaml}---\nBody.\n`, 'a.md');
    } catch (e) {
      return (e as InputError).format();
    }
    return 'no error';
  };
  it('a date shaped YYYY-MM-DD that is no day is refused, saying so', () => {
    expect(error('title: A\ndate: 2024-13-45\n')).toBe(
      'a.md:3: front-matter date is not a date: expected YYYY-MM-DD, found "2024-13-45" (no such day) — fix: write the date as e.g. 2024-06-21, or null when unknown',
    );
    expect(error('date: 2023-02-29\n')).toBe(
      'a.md:2: front-matter date is not a date: expected YYYY-MM-DD, found "2023-02-29" (no such day) — fix: write the date as e.g. 2024-06-21, or null when unknown',
    );
    expect(parseFrontMatter('---\ndate: 2024-02-29\n---\nBody.\n', 'a.md')?.meta.date).toBe('2024-02-29');
  });
  it('a key given twice is named, with the fix to keep one (not "quote values")', () => {
    expect(error('title: A\n"title": B\n')).toBe(
      'a.md:3:1: malformed front matter: expected each key once, found the key "title" a second time — fix: keep one line per key: delete or rename the repeated one',
    );
  });
});

const ARTICLE = 'Police said on Tuesday that the protest turned violent. Officials said the regime slammed the activists as thugs.\n';
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-harden23-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's temp folder holding `files`. */
function folder(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

describe('a folder analysed twice does not read its own earlier reports as articles', () => {
  it('analyze skips reports/NAME.md and .html with a notice, and analyses the same two articles', () => {
    const cwd = folder('rerun', { 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('Tuesday', 'Monday') });
    expect(runCli(['analyze', '.', '--quiet'], { cwd }).status).toBe(0); // writes reports/rerun.{json,md,html}
    const r = runCli(['analyze', '.', '--json', '-'], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'parallax: skipped reports/rerun.html: a report parallax wrote, not an article',
      'parallax: skipped reports/rerun.md: a report parallax wrote, not an article',
    ]);
    expect((JSON.parse(r.stdout) as Report).articles.map((a) => a.path)).toEqual(['a.txt', 'b.txt']);
  });
  it('corpus lists them as skipped', () => {
    const cwd = folder('rerun-corpus', { 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('Tuesday', 'Monday') });
    expect(runCli(['analyze', '.', '--quiet'], { cwd }).status).toBe(0);
    const r = runCli(['corpus', '.', '--out', join(dir, 'rerun-corpus-out')], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'skipped reports/rerun-corpus.html: a report parallax wrote, not an article',
      'skipped reports/rerun-corpus.md: a report parallax wrote, not an article',
    ]);
  });
});

describe('an output path that is one of the articles is refused, even with --force', () => {
  it('as written, through ./ and through a link: exit 2, the article unchanged', () => {
    const cwd = folder('same', { 'in.md': ARTICLE, 'other.txt': ARTICLE.replace('Tuesday', 'Monday') });
    symlinkSync('in.md', join(cwd, 'link.md'));
    for (const [flag, path] of [
      ['--md', './in.md'],
      ['--json', 'link.md'],
      ['--html', 'in.md'],
    ] as const) {
      const r = runCli(['analyze', 'in.md', 'other.txt', flag, path, '--force'], { cwd });
      expect({ status: r.status, stderr: r.stderr }).toEqual({
        status: 2,
        stderr: `parallax: ${path}: output file is one of the articles: expected an output path that is not an input, found the article in.md — fix: choose another path, e.g. --out reports/ (--force never overwrites an article)\n`,
      });
    }
    expect(readFileSync(join(cwd, 'in.md'), 'utf8')).toBe(ARTICLE);
  });
});

describe('commands in fix hints quote the path for the shell', () => {
  it('a UTF-16 file with a space in its name', () => {
    const cwd = folder('utf16', {});
    writeFileSync(join(cwd, 'my article.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
    const r = runCli(['analyze', 'my article.txt'], { cwd });
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr:
        "parallax: my article.txt: file is UTF-16, not UTF-8: expected UTF-8 text, found a UTF-16 byte-order mark — fix: convert it: iconv -f UTF-16 -t UTF-8 'my article.txt' > out.txt\n",
    });
  });
});

describe('standard output that cannot be written (a full disk)', () => {
  it('is one line and exit 2, not a stack trace', () => {
    const cwd = folder('full', { 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('Tuesday', 'Monday') });
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'analyze', 'a.txt', 'b.txt', '--md', '-'], { cwd, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr }).toEqual({
        status: 2,
        stderr:
          'parallax: cannot write to standard output: expected standard output that takes the report, found no space left on its device — fix: free space there, or write the report to a file on another device (--md FILE, --out DIR)\n',
      });
    } finally {
      closeSync(full);
    }
  });
});

describe('line separators U+2028, U+2029 and NEL between sentences', () => {
  it('read like a line break: the quotation after one is attributed as after a space (its opening mark went to the sentence before, the quote came out unsourced)', () => {
    const cwd = folder('separators', {});
    const findings = (sep: string) => {
      writeFileSync(join(cwd, 'a.txt'), `Police said on Tuesday that the protest turned violent.${sep}"We will fight on," said Maria Lopez, a spokeswoman.\n`);
      const r = runCli(['analyze', 'a.txt', '--json', '-', '--min-confidence', '0'], { cwd });
      const report = JSON.parse(r.stdout) as Report;
      return { sentences: report.articles[0]!.sentenceSpans.length, findings: report.findings.map((f) => `${f.kind} ${f.start}-${f.end}`) };
    };
    const expected = { sentences: 2, findings: ['attribution 0-54', 'attribution 56-92'] };
    expect(findings(' ')).toEqual(expected);
    for (const sep of ['\u2028', '\u2029', '\u0085']) expect(findings(sep)).toEqual(expected);
  });
});
