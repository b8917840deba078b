/**
 * Hardening, round two (issue #19), end to end through the built CLI: the time budget over a
 * huge article, YAML alias bombs, names printed through the one sanitiser, the exact ownership
 * marker of the overwrite guard, corpus output swapped in whole, all-or-none writes,
 * `--keep-going`, and the smaller items (a path given twice, "found 1 ms, at most 1 ms",
 * "write a array", front-matter error lines). Each case failed before its fix.
 *
 * Run against another build (e.g. main's) with PARALLAX_TEST_CLI=/path/to/dist/cli.js.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleBudget, type LimitError } from '../../src/core/limits.js';
import { CLI, DATASETS, HAS_DATASETS, REPO } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'parallax-round2-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the CLI in `cwd` (no TTY). */
function cli(args: string[], cwd: string) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 240_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

const BUNDLED = [
  'lavrov-african-tour.md',
  'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
  'starfolk-2025-04-03-russia-military-influence-west-africa.md',
];
/** Real news text: PolNeAR train articles when ../shared is present, else the bundled articles' bodies. */
function realTexts(): string[] {
  const dir = join(DATASETS, 'polnear', 'train', 'text');
  if (HAS_DATASETS && existsSync(dir))
    return readdirSync(dir)
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  return BUNDLED.map((f) => readFileSync(join(REPO, 'corpus', f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
}

/** Small distinct English articles. */
const article = (n: number) =>
  `Report ${n} on the instructors\n\nThe minister said on Monday that ${n + 3} instructors had arrived in the capital.\n\nCritics called deal number ${n} a dangerous step, according to local media.\n`;

describe('the time budget holds over a huge article (item 3)', () => {
  // The wall time of the whole command is a benchmark (`npm run bench`), not a test: CI machines
  // are shared and noisy. What the test holds is that the budget is checked inside the stages, so
  // the article stops close to its limit (the time it reports), with exit 2 and no output.
  it('a 5 MB article with the default budget stops close to its limit with exit 2, naming the stage', () => {
    const texts = realTexts();
    let text = '';
    for (let i = 0; text.length < 5_000_000; i++) text += `${texts[i % texts.length]}\n\n`;
    write(join(root, 'huge', 'huge.txt'), text.slice(0, 5_200_000));
    const loadBefore = loadavg()[0]!;
    const r = cli(['analyze', 'huge.txt', '--out', 'out'], join(root, 'huge'));
    // On a machine busier than its cores, one stage between two checks takes longer in wall time:
    // the bound grows with the run queue (1 on an idle machine, as in CI).
    const slack = Math.max(1, Math.max(loadBefore, loadavg()[0]!) / availableParallelism());
    const m =
      /^parallax: huge\.txt: article took too long to analyse: expected at most 10,000 ms per article, found (more than )?([\d,]+) ms, still at stage "[a-z ]+" — fix: split the file/.exec(
        r.stderr,
      );
    expect(m, r.stderr).not.toBeNull();
    expect(r.code).toBe(2);
    // Stopped at the first check after the limit: well before twice the limit (scaled by the load).
    expect(Number(m![2]!.replace(/,/g, ''))).toBeLessThan(20_000 * slack);
    expect(existsSync(join(root, 'huge', 'out'))).toBe(false);
  });

  it('says "more than 1 ms" rather than "found 1 ms, at most 1 ms" (item 13)', () => {
    let t = 0;
    const budget = new ArticleBudget('a.txt', { timeoutMs: 1 }, () => (t += 0.7));
    budget.check('read');
    let message = '';
    try {
      budget.check('nlp'); // 1.4 ms: rounds to the limit
    } catch (e) {
      message = (e as LimitError).format();
    }
    expect(message).toMatch(/expected at most 1 ms per article, found more than 1 ms, still at stage "nlp"/);
  });
});

describe('YAML alias bombs are bad input with file:line (item 4)', () => {
  const BOMB = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  ];

  it('in front matter', () => {
    const dir = join(root, 'bomb-fm');
    write(join(dir, 'bomb.md'), `---\ntitle: Bomb\n${BOMB.join('\n')}\n---\n\nThe minister said on Monday that the troops had arrived.\n`);
    const r = cli(['analyze', 'bomb.md', '--json', 'r.json'], dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr:
        'parallax: bomb.md:4: YAML aliases expand too far: expected at most 100 alias expansions (*name) in one document, found aliases that expand into more (an alias bomb?) — fix: write the values out instead of repeating them through anchors (&name) and aliases (*name)\n',
    });
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it('in a user lexicon', () => {
    const dir = join(root, 'bomb-lex');
    write(
      join(dir, 'lex', 'bomb.yml'),
      `id: bomb\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: x\nkind: markers\nsources:\n  - title: t\n${BOMB.join('\n')}\nentries: []\n`,
    );
    const r = cli(['analyze', join(REPO, 'corpus'), '--lexicons', 'lex', '--json', 'r.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: lex\/bomb\.yml:9: YAML aliases expand too far: /);
  });
});

describe('names reach the terminal only through the sanitiser (items 5, 13)', () => {
  it('corpus prints a hostile file name without its escapes; analyze prints the written paths without them', () => {
    const dir = join(root, 'names');
    const hostile = 'evil\u001b]0;pwned\u0007\u001b[2J.txt';
    write(join(dir, 'in', 'a.txt'), article(1));
    write(join(dir, 'in', hostile), article(1)); // a duplicate: "skipped … same text as …"
    write(join(dir, 'in', 'b.txt'), article(2));
    const c = cli(['corpus', 'in', '--out', 'out'], dir);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/skipped in\/evil.*: same text as in\/a\.txt/);
    const a = cli(['analyze', 'in/a.txt', 'in/b.txt', '--out', `o\u001b[2Jut`], dir);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^wrote o \[2Jut\/report\.json$/m);
    for (const text of [c.stdout, c.stderr, a.stdout, a.stderr]) expect(text).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('the overwrite guard trusts only the exact generated header (item 7)', () => {
  it("keeps a user's notes that mention parallax/report, and overwrites an earlier report", () => {
    const dir = join(root, 'guard');
    write(join(dir, 'a.txt'), article(3));
    const notes = '# My notes\n\nThe parallax/report format is described in the README.\n';
    write(join(dir, 'notes.md'), notes);
    const r = cli(['analyze', 'a.txt', '--md', 'notes.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: notes\.md: output file exists and was not written by parallax/);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe(notes);
    expect(cli(['analyze', 'a.txt', '--md', 'r.md', '--html', 'r.html', '--json', 'r.json'], dir).code).toBe(0);
    expect(cli(['analyze', 'a.txt', '--md', 'r.md', '--html', 'r.html', '--json', 'r.json', '--pretty'], dir).code).toBe(0);
    expect(cli(['analyze', 'a.txt', '--json', 'r.json'], dir).code).toBe(0); // the pretty JSON is parallax's too
  });
});

describe('all targets are checked before any is written (item 9)', () => {
  it('--json o/r.json --md o/existing-dir --force exits 2 and writes nothing', () => {
    const dir = join(root, 'all-or-none');
    write(join(dir, 'a.txt'), article(4));
    mkdirSync(join(dir, 'o', 'existing-dir'), { recursive: true });
    const r = cli(['analyze', 'a.txt', '--json', 'o/r.json', '--md', 'o/existing-dir', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: o\/existing-dir: cannot write output: expected a writable location, found a directory at that path/);
    expect(readdirSync(join(dir, 'o'))).toEqual(['existing-dir']);
  });
});

describe('corpus output is swapped in whole (item 8)', () => {
  const dir = join(root, 'swap');
  const files = (d: string) => (readdirSync(d, { recursive: true }) as string[]).sort();

  it('a re-run keeps no story file of the earlier run; leftovers of killed runs are removed by the next', () => {
    for (let i = 0; i < 6; i++) write(join(dir, 'many', `a${i}.txt`), `${realTexts()[i]!}\n`);
    write(join(dir, 'few', 'a0.txt'), `${realTexts()[0]!}\n`);
    const first = cli(['corpus', 'many', '--out', 'out'], dir);
    expect(first.code, first.stderr).toBe(0);
    const many = files(join(dir, 'out')).filter((f) => f.startsWith('stories/'));
    expect(many.length).toBeGreaterThan(2);
    // What a kill -9 leaves: a staging folder and a temporary of a process that is gone.
    write(join(dir, '.out.parallax-999999-0123456789ab', 'stories', 's1.md'), 'partial');
    write(join(dir, 'out', 'stories', '.s1.md.999999.0123456789ab.tmp'), 'partial');
    const second = cli(['corpus', 'few', '--out', 'out'], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(files(join(dir, 'out'))).toEqual([
      'articles.csv',
      'articles.meta.json',
      'findings.csv',
      'findings.meta.json',
      'outlets.csv',
      'outlets.json',
      'outlets.meta.json',
      'stories',
      'stories.json',
      'stories/s1.json',
      'stories/s1.md',
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a run killed half-way (kill -9) leaves the earlier output whole', async () => {
    for (let i = 0; i < 60; i++) write(join(dir, 'sixty', `a${String(i).padStart(2, '0')}.txt`), `${realTexts()[i % realTexts().length]!}\n\n${article(i)}`);
    const before = Object.fromEntries(
      files(join(dir, 'out'))
        .filter((f) => f.includes('.'))
        .map((f) => [f, readFileSync(join(dir, 'out', f), 'utf8')]),
    );
    const child = spawn(process.execPath, [CLI, 'corpus', 'sixty', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // kill it while it writes: once its staging folder holds a story (a fixed delay raced the swap on a fast machine)
    const staging = () =>
      readdirSync(dir)
        .filter((f) => f.startsWith('.out.parallax-'))
        .some((f) => existsSync(join(dir, f, 'stories')) && readdirSync(join(dir, f, 'stories')).length > 0);
    for (const end = Date.now() + 120_000; !staging() && child.exitCode === null && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe(null); // killed, not finished
    const after = Object.fromEntries(
      files(join(dir, 'out'))
        .filter((f) => f.includes('.'))
        .map((f) => [f, readFileSync(join(dir, 'out', f), 'utf8')]),
    );
    expect(after).toEqual(before);
    expect(cli(['corpus', 'few', '--out', 'out'], dir).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses an output folder holding files parallax did not write', () => {
    write(join(dir, 'mine', 'thesis.md'), 'my thesis\n');
    const r = cli(['corpus', 'few', '--out', 'mine'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: mine\/thesis\.md: output folder holds files parallax did not write: .* — fix: parallax replaces the whole folder/);
    expect(files(join(dir, 'mine'))).toEqual(['thesis.md']);
  });
});

describe('--keep-going (item 10)', () => {
  const dir = join(root, 'keep-going');
  write(join(dir, 'batch', 'a.txt'), article(10));
  write(join(dir, 'batch', 'b.txt'), article(11));
  write(join(dir, 'batch', 'b-copy.txt'), article(11));
  write(
    join(dir, 'batch', 'empty-page.html'),
    '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2024 Example News. All rights reserved.</footer></body></html>',
  );

  it('is the default for a folder: the rest is analysed and what was skipped is listed with why', () => {
    const r = cli(['analyze', 'batch', '--json', 'r.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'parallax: skipped batch/b.txt: the same article was given twice: expected different articles, found the same text as batch/b-copy.txt — fix: remove one of the two files',
      expect.stringMatching(/^parallax: skipped batch\/empty-page\.html: no article (prose|text) found.*: expected /),
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.articles.map((a: { path: string }) => a.path)).toEqual(['batch/a.txt', 'batch/b-copy.txt']);
    expect(report.skipped.map((s: { path: string }) => s.path)).toEqual(['batch/b.txt', 'batch/empty-page.html']);
  });

  it('--no-keep-going stops at the first bad file; files named one by one stop unless --keep-going', () => {
    expect(cli(['analyze', 'batch', '--json', 'r2.json', '--no-keep-going'], dir).code).toBe(2);
    expect(cli(['analyze', 'batch/a.txt', 'batch/empty-page.html', '--json', 'r3.json'], dir).code).toBe(2);
    expect(existsSync(join(dir, 'r2.json')) || existsSync(join(dir, 'r3.json'))).toBe(false);
    expect(cli(['analyze', 'batch/a.txt', 'batch/empty-page.html', '--json', 'r4.json', '--keep-going'], dir).code).toBe(0);
  });
});

describe('smaller items (13)', () => {
  it('the same path given twice is analysed once, with a notice', () => {
    const dir = join(root, 'twice');
    write(join(dir, 'a.txt'), article(20));
    const r = cli(['analyze', 'a.txt', './a.txt', '--json', 'r.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('parallax: ./a.txt was given more than once: analysed once\n');
  });

  it('a lexicon field of the wrong type says "write an array"', () => {
    const dir = join(root, 'array');
    write(
      join(dir, 'lex', 'x.yml'),
      'id: x\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: x\nkind: markers\nsources:\n  - title: t\nentries:\n  - id: a\n    phrases: junta\n    category: label\n    weight: 1\n    note: n\n',
    );
    const r = cli(['analyze', join(REPO, 'corpus'), '--lexicons', 'lex', '--json', 'r.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: lex\/x\.yml:10:\d+: "phrases" must be array, found "junta" — fix: write an array\n$/);
  });

  it('a front-matter error points at the line of its key, however the key is written', () => {
    const dir = join(root, 'fm-line');
    write(join(dir, 'a.md'), '---\ntitle: A title\n"date": soon\n---\n\nThe minister said on Monday that the troops had arrived in the capital.\n');
    write(
      join(dir, 'b.md'),
      '---\ntitle: A title\noutlet: X\nauthor : [a, b]\n---\n\nThe minister said on Monday that the troops had arrived in the capital.\n',
    );
    expect(cli(['analyze', 'a.md', '--json', 'r.json'], dir).stderr).toMatch(/^parallax: a\.md:3: front-matter date is not a date/);
    expect(cli(['analyze', 'b.md', '--json', 'r.json'], dir).stderr).toMatch(/^parallax: b\.md:4: front-matter field "author" has the wrong type/);
  });
});
