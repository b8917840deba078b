/**
 * The private per-user cache folder for compiled lexicons. Nothing in it is trusted because of
 * where it is: the folder must be a real directory (not a link) owned by the user running
 * parallax and writable by nobody else; each entry must be a regular file (never followed
 * through a link) owned by that user, and carries the sha256 of its own content, which is checked
 * on every read. Temporary files are created exclusively (`O_EXCL | O_NOFOLLOW`, mode 0600) under a
 * random name and renamed into place, so a planted link is never written through.
 *
 * A folder that fails these checks (another user owns it, it is a link, others may write to it)
 * is refused with an InputError (exit 2) before anything in it is read or written. A folder that
 * merely cannot be created or written (read-only disk) only costs start-up time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { makeDirs } from '../core/make-dirs.js';
import { isRunning } from '../core/process.js';

/** The current user's id, or null where the platform has none (Windows). */
const uid = (): number | null => (typeof process.getuid === 'function' ? process.getuid() : null);

/**
 * The cache folder: `$PARALLAX_CACHE_DIR`, else `$XDG_CACHE_HOME/parallax`, else
 * `~/.cache/parallax`; without a home folder, `parallax-cache-<uid>` in the temp folder (read at
 * each call).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['PARALLAX_CACHE_DIR']) return env['PARALLAX_CACHE_DIR'];
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'parallax');
  let home = '';
  try {
    home = homedir();
  } catch {
    home = '';
  }
  return home ? join(home, '.cache', 'parallax') : join(tmpdir(), `parallax-cache-${uid() ?? 'user'}`);
}

function refuse(dir: string, found: string): never {
  throw new InputError('unsafe lexicon cache folder', {
    file: dir,
    expected: 'a folder owned by you that no other user can write to',
    found,
    hint: 'remove it, or set PARALLAX_CACHE_DIR to a folder of your own (parallax creates it with mode 0700)',
  });
}

/** Why `st` (of a folder or an entry) may not be trusted, or null when it may. */
function untrusted(st: Stats, what: 'folder' | 'entry'): string | null {
  if (st.isSymbolicLink()) return `a symbolic link${what === 'entry' ? ' in it' : ''}`;
  if (what === 'folder' && !st.isDirectory()) return 'not a folder';
  if (what === 'entry' && !st.isFile()) return 'an entry that is not a regular file';
  const me = uid();
  if (me !== null && st.uid !== me) return `${what === 'entry' ? 'an entry ' : ''}owned by user id ${st.uid}, not by you (user id ${me})`;
  if ((st.mode & 0o022) !== 0) return `${what === 'entry' ? 'an entry ' : ''}writable by other users (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')})`;
  return null;
}

/**
 * Checks the cache folder, creating it (mode 0700) when it does not exist. Returns false when it
 * cannot be created (the run goes on without a cache); throws an InputError when it exists but
 * may not be trusted.
 */
export function openCacheDir(dir: string): boolean {
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch {
    try {
      makeDirs(dir, 0o700);
      st = lstatSync(dir);
    } catch {
      return false;
    }
  }
  const why = untrusted(st, 'folder');
  if (why) refuse(dir, why);
  return true;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The data stored under `name`, or null when there is none or it fails its content hash (a
 * corrupt or truncated entry is ignored and rewritten). An entry that is a link or belongs to
 * someone else is refused (InputError). Call `openCacheDir` first.
 */
export function readCacheEntry(dir: string, name: string): unknown {
  const path = join(dir, name);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') refuse(dir, `a symbolic link in it (${name})`);
    return null;
  }
  try {
    const why = untrusted(fstatSync(fd), 'entry');
    if (why) refuse(dir, `${why} (${name})`);
    const stored = JSON.parse(readFileSync(fd, 'utf8')) as unknown;
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
    const { sha256: hash, ...rest } = stored as Record<string, unknown>;
    return typeof hash === 'string' && hash === sha256(JSON.stringify(rest)) ? rest : null;
  } catch (e) {
    if (e instanceof InputError) throw e;
    return null; // unreadable or not JSON
  } finally {
    closeSync(fd);
  }
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Stores `data` (a JSON object) under `name`, with the sha256 of its content: written to a
 * temporary file created exclusively, then renamed into place. Never throws for an unwritable
 * folder (returns false).
 */
export function writeCacheEntry(dir: string, name: string, data: Record<string, unknown>): boolean {
  const body = JSON.stringify(data);
  const text = `{"sha256":"${sha256(body)}",${body.slice(1)}`;
  const tmp = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    writeSync(fd, text);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(dir, name));
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return false;
  }
}

/**
 * Removes all but the `keep` most recently written entries whose names match `pattern`, and the
 * temporaries of processes that are no longer running. Only regular files are touched.
 */
export function pruneCache(dir: string, pattern: RegExp, keep: number): void {
  const entries: { path: string; mtime: number }[] = [];
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    const temp = TEMP.exec(f);
    if (temp) {
      if (!isRunning(Number(temp[2]))) rmSync(path, { force: true });
    } else if (pattern.test(f)) entries.push({ path, mtime: st.mtimeMs });
  }
  entries.sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? -1 : 1));
  for (const e of entries.slice(keep)) rmSync(e.path, { force: true });
}
