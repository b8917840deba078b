/**
 * The compiled-lexicon cache is private to the user (issue #19, item 1): a folder another user
 * owns, a folder or entry that is a symbolic link, or a folder others may write to is refused
 * with a clear message before anything is read from or written into it; an entry whose content
 * does not match its own sha256 (a poisoned or truncated entry) is ignored and rewritten.
 * Another user is simulated with folders chowned to `nobody` (the tests run as root here; they
 * skip where chown is not allowed).
 */
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { compileLexicons, type Lexicons } from '../../src/lexicons/index.js';
import { defaultCacheDir } from '../../src/lexicons/cache.js';
import { analyseText } from '../../src/nlp/index.js';
import { runCli } from '../helpers.js';

const NOBODY = 65534;
const root = mkdtempSync(join(tmpdir(), 'parallax-cache-hostile-'));
const canChown = (() => {
  try {
    const d = mkdtempSync(join(root, 'probe-'));
    chownSync(d, NOBODY, NOBODY);
    return statSync(d).uid === NOBODY;
  } catch {
    return false;
  }
})();

const USER = `id: user-lex
version: 1.0.0
license: CC-BY-4.0
description: Test lexicon.
kind: markers
sources:
  - title: Test
entries:
  - id: junta
    phrases: [junta]
    category: label
    weight: 2
    note: A loaded label.
`;
const lexDir = join(root, 'lex');
mkdirSync(lexDir);
writeFileSync(join(lexDir, 'user.yml'), USER);
const SENTENCE = 'The junta met the minister.';
const nlp = analyseText(SENTENCE, [{ start: 0, end: SENTENCE.length }]);
const notes = (l: Lexicons) => l.match(nlp, 'markers').map((m) => [m.entry.id, m.entry.note, m.start, m.end]);
const load = (cacheDir: string) => compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });

/** The message the CLI would print for what `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof InputError ? e.format() : `not an InputError: ${String(e)}`;
  }
  return 'did not throw';
}

/** Every file under `dir` with its bytes, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[f] = readFileSync(p, 'utf8');
  }
  return out;
}

describe('a private per-user cache folder', () => {
  it("defaults to the user's own cache folder, not a shared temp folder", () => {
    expect(defaultCacheDir({ HOME: '/home/ann' })).toBe(join(homedir(), '.cache', 'parallax'));
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/home/ann/.xdg' })).toBe('/home/ann/.xdg/parallax');
    expect(defaultCacheDir({ PARALLAX_CACHE_DIR: '/x/y' })).toBe('/x/y');
  });

  it('is created with mode 0700, and its entries with mode 0600 and their own sha256', () => {
    const cacheDir = join(mkdtempSync(join(root, 'fresh-')), 'cache');
    expect(load(cacheDir).from).toBe('compiled');
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const [entry] = readdirSync(cacheDir);
    expect(entry).toMatch(/^lexicons-[0-9a-f]{32}\.json$/);
    expect(statSync(join(cacheDir, entry!)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(cacheDir, entry!), 'utf8')).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(load(cacheDir).from).toBe('disk-cache');
  });

  it.skipIf(!canChown)('refuses a folder another user owns, reading and writing nothing in it', () => {
    const cacheDir = mkdtempSync(join(root, 'theirs-'));
    // The other user ran parallax first (or planted a poisoned entry under the right key).
    const mine = join(mkdtempSync(join(root, 'mine-')), 'cache');
    load(mine);
    const [entry] = readdirSync(mine);
    const poisoned = readFileSync(join(mine, entry!), 'utf8').replace('A loaded label.', 'Attacker text.');
    writeFileSync(join(cacheDir, entry!), poisoned);
    chownSync(join(cacheDir, entry!), NOBODY, NOBODY);
    chownSync(cacheDir, NOBODY, NOBODY);
    const before = snapshot(cacheDir);
    expect(refusal(() => load(cacheDir))).toBe(
      `${cacheDir}: unsafe lexicon cache folder: expected a folder owned by you that no other user can write to, found owned by user id ${NOBODY}, not by you (user id ${process.getuid!()}) — fix: remove it, or set PARALLAX_CACHE_DIR to a folder of your own (parallax creates it with mode 0700)`,
    );
    expect(snapshot(cacheDir)).toEqual(before);
  });

  it('refuses a folder others may write to', () => {
    const cacheDir = mkdtempSync(join(root, 'open-'));
    chmodSync(cacheDir, 0o777);
    expect(refusal(() => load(cacheDir))).toMatch(/unsafe lexicon cache folder: .*found writable by other users \(mode 0777\)/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('refuses a folder that is a link, and an entry that is a link, writing nothing through either', () => {
    const target = mkdtempSync(join(root, 'target-'));
    const linkDir = join(root, 'linked-cache');
    symlinkSync(target, linkDir);
    expect(refusal(() => load(linkDir))).toMatch(/linked-cache: unsafe lexicon cache folder: .*found a symbolic link —/);
    expect(readdirSync(target)).toEqual([]);

    // A link planted under the entry's name, pointing at a file of root's outside the cache.
    const cacheDir = mkdtempSync(join(root, 'planted-'));
    const probe = mkdtempSync(join(root, 'probe-'));
    load(probe);
    const [entry] = readdirSync(probe);
    const victim = join(root, 'victim.conf');
    writeFileSync(victim, 'root-owned settings\n');
    symlinkSync(victim, join(cacheDir, entry!));
    expect(refusal(() => load(cacheDir))).toMatch(new RegExp(`unsafe lexicon cache folder: .*found a symbolic link in it \\(${entry}\\)`));
    expect(readFileSync(victim, 'utf8')).toBe('root-owned settings\n');
  });

  it('ignores an entry whose content does not match its sha256 (a poisoned explanation) and rewrites it', () => {
    const cacheDir = mkdtempSync(join(root, 'poison-'));
    const good = notes(load(cacheDir).lexicons);
    expect(good).toEqual([['junta', 'A loaded label.', 4, 9]]);
    const [entry] = readdirSync(cacheDir);
    const path = join(cacheDir, entry!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('A loaded label.', 'Attacker text.'));
    const again = load(cacheDir);
    expect(again.from).toBe('compiled');
    expect(notes(again.lexicons)).toEqual(good);
    expect(load(cacheDir).from).toBe('disk-cache');
  });

  it.skipIf(!canChown)('the CLI refuses with one line and exit 2, and the report is not written', () => {
    const cacheDir = mkdtempSync(join(root, 'cli-theirs-'));
    chownSync(cacheDir, NOBODY, NOBODY);
    const out = join(root, 'cli-out.json');
    const r = runCli(['analyze', 'corpus', '--lexicons', lexDir, '--json', out], { env: { PARALLAX_CACHE_DIR: cacheDir } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^parallax: .*: unsafe lexicon cache folder: .*owned by user id 65534/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
