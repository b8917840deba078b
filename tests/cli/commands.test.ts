/**
 * The command line's own journeys (no TTY): `parallax PATHS…` writes reports for those
 * articles, `parallax open REPORT.json` checks a saved report (exit 2 on a bad one), misspelt
 * commands get a did-you-mean, `analyse` is `analyze`, and every usage error is one line in the
 * expected/found/fix form with exit 2.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, runCli } from '../helpers.js';
import type { Report } from '../../src/core/types.js';

let dir = '';
const NEWSVOICE = 'newsvoice-2024-06-21-burkina-faso-russian-assistance.md';
const STARFOLK = 'starfolk-2025-04-03-russia-military-influence-west-africa.md';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-commands-'));
  mkdirSync(join(dir, 'mine'));
  for (const f of [NEWSVOICE, STARFOLK]) copyFileSync(resolve(REPO, 'corpus', f), join(dir, 'mine', f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one stderr line of a usage error, checked for the shared form. */
function usage(args: string[]): string {
  const r = runCli(args, { cwd: dir });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parallax: .*: expected .+, found .+ — fix: .+$/);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
}

describe('usage errors: expected / found / fix, exit 2', () => {
  test('a misspelt command gets a did-you-mean', () => {
    expect(usage(['anaylze', 'mine'])).toBe(
      'parallax: unknown command: expected a command (analyze, analyse, corpus, exercise, open) or article files and folders, found "anaylze" — fix: did you mean `parallax analyze`?',
    );
    expect(usage(['opne', 'r.json'])).toMatch(/found "opne" — fix: did you mean `parallax open`\?$/);
    expect(usage(['corpsu', 'mine'])).toMatch(/found "corpsu" — fix: did you mean `parallax corpus`\?$/);
  });
  test('analyze with no paths', () => {
    expect(usage(['analyze'])).toBe(
      'parallax: missing argument: expected paths (parallax analyze <paths...>), found none — fix: give article files or folders, e.g. parallax analyze corpus',
    );
  });
  test('an unknown option, with the nearest option when there is one', () => {
    expect(usage(['analyze', 'mine', '--jsno', 'x.json'])).toBe(
      'parallax: unknown option: expected an option of parallax analyze (parallax analyze --help lists them), found --jsno — fix: did you mean --json?',
    );
    expect(usage(['--bogus'])).toMatch(
      /^parallax: unknown option: expected an option of parallax \(parallax --help lists them\), found --bogus — fix: see parallax --help$/,
    );
  });
  test('too many arguments', () => {
    expect(usage(['open', 'a.json', 'b.json'])).toBe(
      'parallax: too many arguments: expected 1 argument (parallax open <report>), found 2 — fix: quote paths with spaces; see parallax open --help',
    );
  });
  test('an option without its value', () => {
    expect(usage(['analyze', 'mine', '--out'])).toBe(
      'parallax: option needs a value: expected a value after --out <dir>, found none — fix: see parallax analyze --help',
    );
  });
  test('two reports asked for on standard output, refused before any analysis and with no file written', () => {
    expect(usage(['analyze', 'mine', '--json', '-', '--md', '-'])).toBe(
      'parallax: more than one report to standard output: expected at most one of --json -, --md -, --html -, found --json -, --md - — fix: give the other formats a file name, e.g. --md report.md',
    );
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
  test('a threshold above 1 (a newcomer writing a percentage or a count): what a confidence is, and how to fix it', () => {
    const message =
      'parallax: bad --min-confidence: expected a number from 0 to 1, e.g. 0.5 (0 shows every finding), found "2" — fix: give a share, e.g. --min-confidence 0.9 for findings right at least 9 times in 10, or omit the option for the defaults';
    expect(usage(['analyze', 'mine', '--min-confidence', '2'])).toBe(message);
    expect(usage(['--min-confidence', '2'])).toBe(message);
    expect(usage(['corpus', 'mine', '--min-confidence', '2'])).toBe(message);
  });
  test('--md-style with no markdown report to apply it to (journeys21: silently ignored), refused before any analysis', () => {
    expect(usage(['analyze', 'mine', '--json', 'only.json', '--md-style', 'handout'])).toBe(
      'parallax: --md-style without a markdown report: expected a markdown output for the style: --md FILE, --md - or --out DIR (its NAME.md), found only --json only.json — fix: add --md handout.md, or leave out --md-style',
    );
    expect(usage(['analyze', 'mine', '--html', '-', '--json', 'only.json', '--md-style', 'report'])).toMatch(/found only --json only\.json, --html - — fix: /);
    expect(existsSync(join(dir, 'only.json'))).toBe(false);
  });
  test('an unknown --disable name: the fix names the analyses and the marker categories, not the ~40 helper categories', () => {
    expect(usage(['analyze', 'mine', '--disable', 'foo', '--json', '-'])).toBe(
      'parallax: unknown category to disable: "foo": expected an analysis or a marker category, found foo — fix: analyses: attribution, markers, unsourced, actors; marker categories: agentless-evaluation, booster, editorializing, emotive, euphemism, evaluative, hedge, ideological, intensifier, label, metaphor, reporting-verb, scare-quotes',
    );
    expect(usage(['analyze', 'mine', '--disable', 'attributions', '--json', '-'])).toMatch(
      /^parallax: unknown category to disable: "attributions" \(did you mean "attribution"\?\): .* — fix: --disable attribution; analyses: /,
    );
  });
  test('a path that is neither a command nor a file', () => {
    expect(usage(['nothing-here'])).toMatch(
      /^parallax: nothing-here: path not found: expected an article file or a directory of articles, found nothing at that path/,
    );
  });
});

describe('"-" writes any one format to standard output', () => {
  test('--md - prints the markdown report (and writes no file named "-"); --html - the HTML page', () => {
    const md = runCli(['analyze', 'mine', '--md', '-'], { cwd: dir });
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout.split('\n')[2]).toBe('# 2 articles side by side: Newsvoice, Starfolk');
    expect(existsSync(join(dir, '-'))).toBe(false);
    const html = runCli(['analyze', 'mine', '--html', '-', '--json', 'both.json'], { cwd: dir });
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>\n<!-- generated by parallax')).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'both.json'), 'utf8')) as Report).articles).toHaveLength(2);
  });
});

describe('--md-style applies to every markdown report the run writes', () => {
  test('NAME.md of --out, and of the default reports/ (not only --md FILE)', () => {
    const out = runCli(['analyze', 'mine', '--out', 'styled', '--md-style', 'handout', '-q'], { cwd: dir });
    expect(out.status, out.stderr).toBe(0);
    expect(readFileSync(join(dir, 'styled/mine.md'), 'utf8').split('\n').slice(2, 5)).toEqual([
      '# 2 articles side by side: Newsvoice, Starfolk',
      '',
      'How 2 outlets tell the same story. Read the versions, then talk about the questions at the end.',
    ]);
    const help = runCli(['analyze', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      '--md-style <style> style of the markdown report (--md FILE, or NAME.md of --out DIR): report (everything) or handout',
    );
  });
});

describe('one article: nothing to compare, said where "0 shared" would leave a newcomer guessing', () => {
  test('the summary and the markdown report say so; a two-article run does not', () => {
    const one = runCli(['analyze', join('mine', NEWSVOICE), '--md', 'one.md', '--json', 'one.json'], { cwd: dir });
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout.split('\n').slice(1)).toEqual([
      '  a1 Newsvoice: 803 words, 3 loaded terms, 5 attributions, 21 unsourced',
      'One article: nothing to compare — give two or more articles about the same story.',
      'wrote one.json',
      'wrote one.md',
      '',
    ]);
    const md = readFileSync(join(dir, 'one.md'), 'utf8').split('\n');
    expect(md.slice(md.indexOf('## Coverage'), md.indexOf('## Coverage') + 3)).toEqual([
      '## Coverage',
      '',
      'One article: nothing to compare — give two or more articles about the same story.',
    ]);
    const two = runCli(['analyze', 'mine', '--md', 'two.md', '--json', 'two.json'], { cwd: dir });
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).not.toContain('nothing to compare');
  });
});

describe('`analyse` is `analyze`', () => {
  test('same report from both spellings', () => {
    const a = runCli(['analyse', 'mine', '--json', '-'], { cwd: dir });
    const b = runCli(['analyze', 'mine', '--json', '-'], { cwd: dir });
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect((JSON.parse(a.stdout) as Report).articles.map((x) => x.label)).toEqual(['Newsvoice', 'Starfolk']);
  });
});

describe('`parallax PATHS…` without a terminal', () => {
  test('writes the reports of those articles, as the default run does', () => {
    const r = runCli(['mine'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^parallax \d+\.\d+\.\d+: 2 articles, /);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('wrote '))).toEqual(['wrote reports/mine.json', 'wrote reports/mine.md', 'wrote reports/mine.html']);
    const report = JSON.parse(readFileSync(join(dir, 'reports/mine.json'), 'utf8')) as Report;
    expect(report.articles.map((a) => a.path)).toEqual([join('mine', NEWSVOICE), join('mine', STARFOLK)]);
  });
  test('two files from different folders', () => {
    const r = runCli([join('mine', STARFOLK), resolve(REPO, 'corpus/lavrov-african-tour.md'), '--min-confidence', '0.5'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/: 2 articles, /);
    expect(existsSync(join(dir, 'reports/report.json'))).toBe(true);
  });
});

describe('`parallax open REPORT.json`', () => {
  let good = '';
  beforeAll(() => {
    good = join(dir, 'r.json');
    const r = runCli(['analyze', 'mine', '--json', good], { cwd: dir });
    expect(r.status).toBe(0);
  });
  test('a good report: its summary without a terminal, exit 0', () => {
    const r = runCli(['open', good], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^parallax \d+\.\d+\.\d+: 2 articles, /);
    expect(r.stdout).toMatch(/\n {2}a1 Newsvoice: \d+ words/);
  });
  const write = (name: string, content: string) => (writeFileSync(join(dir, name), content), name);
  const edited = (name: string, edit: (r: Record<string, any>) => void) => {
    const r = JSON.parse(readFileSync(good, 'utf8')) as Record<string, any>;
    edit(r);
    return write(name, JSON.stringify(r));
  };
  test('bad JSON', () => {
    expect(usage(['open', write('cut.json', '{"schema": ')])).toBe(
      'parallax: cut.json: the report is not valid JSON: expected JSON as parallax analyze --json writes it, found Unexpected end of JSON input — fix: write the report again with `parallax analyze … --json FILE`',
    );
    expect(usage(['open', write('empty.json', '')])).toMatch(/^parallax: empty\.json: the report is not valid JSON: .*found an empty file/);
  });
  test('JSON that is not a report', () => {
    expect(usage(['open', write('list.json', '[1, 2]')])).toMatch(
      /^parallax: list\.json: not a valid parallax report: expected a report as parallax analyze --json writes it/,
    );
  });
  test('a report that breaks the schema names the field', () => {
    expect(usage(['open', edited('words.json', (r) => (r['articles'][0].words = 'many'))])).toMatch(
      /^parallax: words\.json: not a valid parallax report: .*found \/articles\/0\/words must be integer/,
    );
  });
  test('a report whose spans do not slice back', () => {
    expect(usage(['open', edited('span.json', (r) => (r['findings'][0].text = 'not the text'))])).toBe(
      'parallax: span.json: the report breaks the offset rule: expected every span to slice back to its article text, outside boilerplate, found finding f1: text does not slice back — fix: write the report again with `parallax analyze … --json FILE` rather than editing it',
    );
  });
  test('no such file', () => {
    expect(usage(['open', 'gone.json'])).toMatch(/^parallax: gone\.json: cannot read the report: .*found no such file/);
  });
});

describe('--help says what the defaults are', () => {
  test('--min-confidence: one default per kind (the help said 0.8 for all while loaded terms and unsourced claims default to 0.85)', () => {
    for (const args of [['--help'], ['analyze', '--help'], ['corpus', '--help'], ['exercise', '--help']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.status).toBe(0);
      const help = r.stdout.replace(/\s+/g, ' ');
      expect(help).toContain(
        '--min-confidence <x> show findings whose measured precision is at least X, 0..1, for every kind (default 0.85 for loaded terms and unsourced claims, 0.8 for attributions);',
      );
      expect(help).not.toContain('(default 0.8)');
    }
  });
  test('analyze --help names URLs among its paths, as the command description does', () => {
    const r = runCli(['analyze', '--help'], { cwd: dir });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('paths article files (.txt, .md, .html), directories or http(s) URLs');
  });
});

describe('corpus: counts in the summary agree with their numbers', () => {
  test('one article without an outlet, two outlets with too few articles', () => {
    const r = runCli(['corpus', resolve(REPO, 'corpus'), '--out', 'corpus-out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      '3 articles → 2 stories; wrote 12 files to corpus-out\n' +
        'outlets: 0 with at least 2 articles (2 outlets with fewer articles left out; 1 article without a known outlet: see outlets.meta.json)\n',
    );
  });
});

describe('the command a report records', () => {
  test('options that change the report are recorded, in a fixed order; outputs and budgets are not', () => {
    const r = runCli(['analyze', 'mine', '--min-confidence', '0.5', '--disable', 'hedge', '--timeout-ms', '20000', '--md', '-'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('```sh\nparallax analyze mine --disable hedge --min-confidence 0.5\n```');
  });

  test('without such options it is the bare command', () => {
    const r = runCli(['analyze', 'mine', '--md', '-'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('```sh\nparallax analyze mine\n```');
  });
});
