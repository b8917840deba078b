/**
 * A large user lexicon (#19 item 12: "a 100k-entry user lexicon peaks at 1.8 GB"). The YAML of a
 * lexicon is read in parts of entries, never as one tree of the whole file, and its phrases are
 * tokenised a few thousand at a time keeping only their words; compiling it is start-up work that
 * no article's time budget counts. Reading in parts gives the data and the entry lines one
 * document gives (every bundled lexicon, and the awkward shapes below).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument, isSeq, type Node } from 'yaml';
import { ArticleBudget, checkBudget, outsideBudgets, withBudget } from '../../src/core/limits.js';
import { BUNDLED_LEXICONS } from '../../src/lexicons/index.js';
import { parseLexiconFile } from '../../src/lexicons/parse.js';
import { CLI } from '../helpers.js';

const HEAD = 'id: big\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: A large test lexicon.\nkind: markers\nsources:\n  - title: Test\n';

/** The data and each entry's line as one YAML document gives them. */
function whole(raw: string): { data: unknown; lines: number[] } {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter });
  const entries = (doc.contents as { get(k: string, keep: true): unknown }).get('entries', true);
  return { data: parse(raw), lines: isSeq(entries) ? entries.items.map((n) => counter.linePos((n as Node).range![0]).line) : [] };
}

function compare(path: string, raw = readFileSync(path, 'utf8')) {
  const got = parseLexiconFile(path, raw);
  const want = whole(raw);
  expect(got.data).toEqual(want.data);
  expect(want.lines.map((_, i) => got.locate(['entries', i]).line)).toEqual(want.lines);
}

describe('a lexicon read in parts', () => {
  it('gives the data and entry lines of one document, for every bundled lexicon', () => {
    const files = readdirSync(BUNDLED_LEXICONS).filter((f) => f.endsWith('.yml'));
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) compare(join(BUNDLED_LEXICONS, f));
  });

  it('and for 1,201 entries in three parts with comments, block and flow entries, a key after the entries and an anchor used in its own part', () => {
    const entries = Array.from({ length: 1201 }, (_, i) =>
      i % 3 === 0
        ? `  # entry ${i}\n  - id: e${i}\n    phrases:\n      - zq${i} word\n    category: emotive\n    weight: 2\n    note: >\n      Entry ${i},\n      folded.\n`
        : i === 7
          ? `  - {id: e7, phrases: &p7 [zq7a], category: emotive, weight: 1, note: "seven"}\n  - {id: e7b, phrases: *p7, category: emotive, weight: 1, note: "seven again"}\n`
          : `  - {id: e${i}, phrases: [zq${i}a, "zq${i} b"], category: emotive, weight: 1, note: "Entry ${i}: flow."}\n`,
    );
    const raw = `${HEAD}entries:\n${entries.join('')}# the end of the entries\nwordlists: []\n`;
    const dir = mkdtempSync(join(tmpdir(), 'parallax-large-'));
    writeFileSync(join(dir, 'big.yml'), raw);
    compare(join(dir, 'big.yml'), raw);
  });

  it("an alias to an anchor of another part, or entries at the key's own indent, read as one document", () => {
    const many = Array.from({ length: 600 }, (_, i) => `  - {id: e${i}, phrases: [zq${i}a], category: emotive, weight: 1, note: "n"}\n`);
    many[0] = '  - {id: e0, phrases: &first [zq0a], category: emotive, weight: 1, note: "n"}\n';
    many[599] = '  - {id: e599, phrases: *first, category: emotive, weight: 1, note: "n"}\n';
    const dir = mkdtempSync(join(tmpdir(), 'parallax-large-'));
    writeFileSync(join(dir, 'a.yml'), `${HEAD}entries:\n${many.join('')}`);
    compare(join(dir, 'a.yml'));
    writeFileSync(
      join(dir, 'b.yml'),
      `${HEAD}entries:\n${many
        .slice(1, 599)
        .map((l) => l.slice(2))
        .join('')}`,
    );
    compare(join(dir, 'b.yml'));
  });
});

describe("compiling a lexicon is not an article's time", () => {
  it('time spent outside the budgets is not counted', () => {
    let now = 0;
    const budget = new ArticleBudget('a.txt', { timeoutMs: 1000 }, () => now);
    withBudget(budget, () => {
      now += 500;
      outsideBudgets(() => {
        now += 20_000;
        expect(() => checkBudget('lexicons')).not.toThrow();
      });
      expect(budget.elapsed()).toBe(500);
      checkBudget('nlp');
    });
    now += 600;
    expect(() => budget.check('nlp')).toThrow(/took too long/);
  });
});

describe('a 100,000-entry user lexicon', () => {
  it('compiles within a 300 MB heap and the default time budget (before: out of memory; 1.3 GB and "article took too long")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-large-'));
    const lex = join(dir, 'lex');
    const lines = Array.from(
      { length: 100_000 },
      (_, i) => `  - {id: e${i}, phrases: [zq${i}word, zq${i} phrase two], category: emotive, weight: 2, note: "Entry ${i} of a large test lexicon."}\n`,
    );
    mkdirSync(lex);
    writeFileSync(join(lex, 'big.yml'), `${HEAD}entries:\n${lines.join('')}`);
    writeFileSync(join(dir, 'a.txt'), 'The zq5word troops arrived in the capital on Monday.\n');
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=300', CLI, 'analyze', 'a.txt', '--lexicons', 'lex', '--json', 'r.json', '--min-confidence', '0'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PARALLAX_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1' },
        timeout: 240_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { findings: { text: string; entry?: string }[] };
    expect(report.findings.filter((f) => f.text === 'zq5word').length).toBe(1);
  }, 300_000);
});
