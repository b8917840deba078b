/**
 * Bad input through the built CLI (no TTY): each case runs in a fresh temp dir and must exit 2
 * with one stderr line `parallax: …` saying what was expected and found, no stack trace, and
 * no output or temp file left behind.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO, runCli } from '../helpers.js';

const ARTICLE = readFileSync(resolve(REPO, 'corpus/lavrov-african-tour.md'), 'utf8');
const OTHER = readFileSync(resolve(REPO, 'corpus/starfolk-2025-04-03-russia-military-influence-west-africa.md'), 'utf8');

beforeAll(() => {
  if (!existsSync(CLI)) {
    const r = spawnSync(process.execPath, [resolve(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  }
}, 120_000);

interface Case {
  name: string;
  /** Creates the files in `dir`; returns the CLI arguments. */
  setup: (dir: string) => string[];
  /** Regexes the one stderr line must match (what was expected and found, file, line). */
  message: RegExp[];
  /** Files that must still hold their content afterwards (path → content). */
  keep?: (dir: string) => Record<string, string>;
}

const cases: Case[] = [
  { name: 'missing path', setup: () => ['analyze', 'nope.txt', '--json', 'out.json'], message: [/nope\.txt/, /path not found/, /found nothing at that path/] },
  {
    name: 'directory with no articles',
    setup: (d) => {
      mkdirSync(join(d, 'empty'));
      writeFileSync(join(d, 'empty', 'notes.csv'), 'a,b\n');
      return ['analyze', 'empty', '--json', 'out.json'];
    },
    message: [/directory has no articles/, /expected files ending in \.txt/],
  },
  {
    name: 'a FIFO given as the article (refused, never read: reading would block forever)',
    setup: (d) => (spawnSync('mkfifo', [join(d, 'f.txt')]), ['analyze', 'f.txt', '--json', 'out.json']),
    message: [/^parallax: f\.txt: not a regular file: expected a regular file, found a FIFO \(named pipe\)/],
  },
  {
    name: 'a symlink to /dev/zero given as the article',
    setup: (d) => (symlinkSync('/dev/zero', join(d, 'z.txt')), ['analyze', 'z.txt', '--json', 'out.json']),
    message: [/^parallax: z\.txt: not a regular file: expected a regular file, found a character device/],
  },
  {
    name: 'empty file',
    setup: (d) => (writeFileSync(join(d, 'a.txt'), ''), ['analyze', 'a.txt', '--json', 'out.json']),
    message: [/a\.txt: file is empty/, /found an empty file/],
  },
  {
    name: 'whitespace-only file',
    setup: (d) => (writeFileSync(join(d, 'a.txt'), ' \n\t\r\n  \n'), ['analyze', 'a.txt', '--json', 'out.json']),
    message: [/file is empty/, /found only whitespace/],
  },
  {
    name: 'binary file',
    setup: (d) => (
      writeFileSync(join(d, 'a.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
      ['analyze', 'a.txt', '--json', 'out.json']
    ),
    message: [/a\.txt: file is binary/, /expected a text article/, /found NUL bytes/],
  },
  {
    name: 'invalid UTF-8 (message names the line)',
    setup: (d) => (
      writeFileSync(join(d, 'a.txt'), Buffer.concat([Buffer.from('Title\n\nFirst line is fine.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')])),
      ['analyze', 'a.txt', '--json', 'out.json']
    ),
    message: [/a\.txt:4:4: file is not valid UTF-8/, /expected UTF-8 text/, /found byte 0xe9/],
  },
  {
    name: 'UTF-16 with BOM',
    setup: (d) => (
      writeFileSync(join(d, 'a.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\n\nSome text here.\n', 'utf16le')])),
      ['analyze', 'a.txt', '--json', 'out.json']
    ),
    message: [/a\.txt: file is UTF-16, not UTF-8/, /expected UTF-8 text/, /found a UTF-16 byte-order mark/],
  },
  {
    name: 'a file of only boilerplate',
    setup: (d) => (
      writeFileSync(join(d, 'a.txt'), 'Share this article\n\nCopyright © 2024 Example News. All rights reserved.\n\nTags: Politics\n'),
      ['analyze', 'a.txt', '--json', 'out.json']
    ),
    message: [/a\.txt: no article prose found/, /found only boilerplate \(share-prompt, copyright, tags\)/],
  },
  {
    name: 'the same article twice',
    setup: (d) => {
      writeFileSync(join(d, 'one.md'), ARTICLE);
      writeFileSync(join(d, 'two.md'), ARTICLE);
      return ['analyze', 'one.md', 'two.md', '--json', 'out.json'];
    },
    message: [/two\.md: the same article was given twice/, /found the same text as one\.md/],
  },
  {
    name: 'unsupported extension',
    setup: (d) => (writeFileSync(join(d, 'a.docx'), 'Title\n\nText.\n'), ['analyze', 'a.docx', '--json', 'out.json']),
    message: [/a\.docx: unsupported file type/, /expected one of \.txt/, /found "\.docx"/],
  },
  {
    name: 'a 50 MB file (refused by the size limit)',
    setup: (d) => {
      writeFileSync(join(d, 'big.txt'), 'Title\n\n');
      truncateSync(join(d, 'big.txt'), 50 * 1024 * 1024);
      return ['analyze', 'big.txt', '--json', 'out.json'];
    },
    message: [/big\.txt: file is too large/, /found 52,428,800 bytes/],
  },
  {
    name: 'unwritable output path (its directory is a file)',
    setup: (d) => {
      writeFileSync(join(d, 'a.md'), ARTICLE);
      writeFileSync(join(d, 'notadir'), 'x');
      return ['analyze', 'a.md', '--json', 'notadir/out.json'];
    },
    message: [/notadir\/out\.json: cannot write output/, /expected a writable location/, /found a file where a directory should be/],
  },
  // Node's recursive mkdir looped for ever where the system answers ENOENT under an existing parent (/proc).
  ...(existsSync('/proc/self')
    ? [
        {
          name: 'an output folder the system will not create (under /proc)',
          setup: (d: string) => {
            writeFileSync(join(d, 'a.md'), ARTICLE);
            return ['analyze', 'a.md', '--out', '/proc/parallax-no-such-folder'];
          },
          message: [
            /^parallax: \/proc\/parallax-no-such-folder\/a\.json: cannot write output: expected a writable location, found a folder that does not exist and cannot be made there/,
          ],
        },
      ]
    : []),
  // A read-only directory stops everyone but root (permissions do not apply to root).
  ...(process.getuid?.() === 0
    ? []
    : [
        {
          name: 'unwritable output path (read-only directory)',
          setup: (d: string) => {
            writeFileSync(join(d, 'a.md'), ARTICLE);
            mkdirSync(join(d, 'locked'));
            chmodSync(join(d, 'locked'), 0o500);
            return ['analyze', 'a.md', '--json', 'locked/out.json'];
          },
          message: [/locked\/out\.json: cannot write output/, /expected a writable location/, /found permission denied/],
        },
      ]),
  {
    name: 'malformed front matter (names file and line)',
    setup: (d) => (
      writeFileSync(join(d, 'a.md'), '---\ntitle: ok\nauthor: [unclosed\ndate: 2024-01-01\n---\nBody text of the article.\n'),
      ['analyze', 'a.md', '--json', 'out.json']
    ),
    message: [/a\.md:\d+(:\d+)?: malformed front matter/, /expected YAML/],
  },
  {
    name: 'an existing foreign output file (kept without --force)',
    setup: (d) => {
      writeFileSync(join(d, 'a.md'), ARTICLE);
      writeFileSync(join(d, 'b.md'), OTHER);
      writeFileSync(join(d, 'out.json'), '{"mine": true}\n');
      return ['analyze', 'a.md', 'b.md', '--json', 'out.json'];
    },
    message: [/out\.json: output file exists and was not written by parallax/, /--force/],
    keep: () => ({ 'out.json': '{"mine": true}\n' }),
  },
];

describe('bad input: exit 2, one line, no stack, nothing written', () => {
  it.each(cases)('$name', ({ setup, message, keep }) => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bad-'));
    try {
      const args = setup(dir);
      const before = new Set(listAll(dir));
      const started = Date.now();
      const r = runCli(args, { cwd: dir });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]!.startsWith('parallax: ')).toBe(true);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      for (const re of message) expect(lines[0]).toMatch(re);
      // nothing new in the directory: no report, no temporary file
      expect(listAll(dir).filter((p) => !before.has(p))).toEqual([]);
      for (const [path, content] of Object.entries(keep?.(dir) ?? {})) expect(readFileSync(join(dir, path), 'utf8')).toBe(content);
    } finally {
      chmodIfExists(join(dir, 'locked'));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--force overwrites the foreign file (control for the case above)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bad-'));
    try {
      copyFileSync(resolve(REPO, 'corpus/lavrov-african-tour.md'), join(dir, 'a.md'));
      writeFileSync(join(dir, 'out.json'), '{"mine": true}\n');
      const r = runCli(['analyze', 'a.md', '--json', 'out.json', '--force'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).schema).toBe('parallax/report@1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('special files in a directory', () => {
  it('a FIFO and a link to /dev/zero inside a directory are skipped, the article is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-special-'));
    try {
      mkdirSync(join(dir, 'in'));
      copyFileSync(resolve(REPO, 'corpus/lavrov-african-tour.md'), join(dir, 'in', 'a.md'));
      spawnSync('mkfifo', [join(dir, 'in', 'f.txt')]);
      symlinkSync('/dev/zero', join(dir, 'in', 'z.txt'));
      const r = runCli(['analyze', 'in', '--json', 'out.json'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect((JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { articles: { path: string }[] }).articles.map((a) => a.path)).toEqual(['in/a.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--json -', () => {
  it('prints one JSON document and nothing else on stdout', () => {
    const r = runCli(['analyze', 'corpus', '--json', '-']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { schema: string; articles: { path: string }[] };
    expect(report.schema).toBe('parallax/report@1');
    expect(report.articles.map((a) => a.path)).toEqual([
      'corpus/lavrov-african-tour.md',
      'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
      'corpus/starfolk-2025-04-03-russia-military-influence-west-africa.md',
    ]);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1); // one document: compact JSON on one line
  });
});

function listAll(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const p = join(prefix, e.name);
    out.push(p);
    if (e.isDirectory()) {
      try {
        out.push(...listAll(dir, p));
      } catch {
        // unreadable directory: its name is listed, its content cannot change
      }
    }
  }
  return out;
}

function chmodIfExists(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o700);
}
