/**
 * Atomic report writes: every file is written to a temporary sibling and renamed into place,
 * so an interrupted or failed run never leaves a half-written report.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { makeDirs } from '../core/make-dirs.js';
import { isRunning } from '../core/process.js';
import { hasOwnHeader } from '../core/own-header.js';

/** Marker that parallax puts in every file it writes, so it may overwrite its own output. */
export const GENERATOR_MARK = 'parallax/report';

export interface OutputFile {
  path: string;
  content: string;
  /** Appended to what earlier parts of the same path wrote (corpus mode's CSV rows, handed over story by story). */
  append?: true;
}

/** A file to write whose text may be rendered only when it is written (the function is called once; its text is not kept). */
export interface PendingFile {
  path: string;
  content: string | (() => string);
}

const contentOf = (f: PendingFile): string => (typeof f.content === 'string' ? f.content : f.content());

/**
 * What this process has written so far, and the temporaries still on disk, so an interrupted
 * run (SIGINT) can remove its temporaries and say which reports are complete.
 */
const progress = { planned: 0, written: [] as string[], temps: new Set<string>() };

/** Announces that the run will write `count` more files (corpus mode: before its first write). */
export function planWrites(count: number): void {
  progress.planned += count;
}

/** Files written (renamed into place) by this process so far, and how many were planned. */
export function writeProgress(): { planned: number; written: readonly string[] } {
  return { planned: Math.max(progress.planned, progress.written.length), written: [...progress.written] };
}

/** Removes every temporary file (and staging folder) this process still has on disk; returns how many. Never throws. */
export function removeTempFiles(): number {
  let n = 0;
  for (const t of progress.temps) {
    try {
      rmSync(t, { force: true, recursive: true });
      n++;
    } catch {
      // nothing more we can do while exiting
    }
    progress.temps.delete(t);
  }
  return n;
}

/** True for an existing path that is neither a regular file nor a directory (/dev/null, a FIFO). */
function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/**
 * A tidy CSV has no room for a header comment: it is parallax's when its sidecar `NAME.meta.json`
 * beside it is parallax's and names it (`"file": "NAME.csv"`).
 */
function isOwnCsv(path: string): boolean {
  if (!path.endsWith('.csv')) return false;
  const sidecar = `${path.slice(0, -'.csv'.length)}.meta.json`;
  if (!existsSync(sidecar) || isForeignFile(sidecar)) return false;
  try {
    return (JSON.parse(readFileSync(sidecar, 'utf8')) as { file?: unknown }).file === basename(path);
  } catch {
    return false;
  }
}

/** True when `path` exists and was not written by parallax (so it must not be overwritten silently). */
export function isForeignFile(path: string): boolean {
  if (!existsSync(path) || isSpecialFile(path)) return false;
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(512);
      return !hasOwnHeader(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return true;
  }
}

/**
 * Why `path` cannot be written whatever `--force` says (a folder there, or a file where one of its
 * folders should be), or null. Checked for every target before any is written.
 */
function unwritable(path: string): string | null {
  if (isDirectoryPath(path)) return 'a directory at that path';
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      return statSync(dir).isDirectory() ? null : 'a file where a directory should be';
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

function isDirectoryPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Temporary siblings `.NAME.PID.RANDOM.tmp` of processes that are no longer running (left by a kill -9): removed. */
function removeStaleTemps(dir: string, name: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const n of names) {
    const m = n.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(n.slice(prefix.length)) : null;
    if (m && !isRunning(Number(m[1]))) rmSync(join(dir, n), { force: true });
  }
}

/** The identity of an existing file (device and inode: the same through links, `./`, hard links), or null. */
function fileIdentity(path: string): string | null {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.dev}:${st.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * Writes all outputs or none: checks every destination first, writes temporaries, then renames.
 * Existing files that parallax did not write are kept unless `force`; an output that is one of the
 * `inputs` (the articles read) is refused even with `force`: it would replace the article.
 */
export function writeOutputs(files: readonly PendingFile[], force = false, inputs: readonly string[] = []): void {
  const seen = new Set<string>();
  const read = new Map(inputs.map((p) => [fileIdentity(p), p]));
  for (const f of files) {
    const why = unwritable(f.path);
    if (why) throw writeError(f.path, why);
    const input = read.get(fileIdentity(f.path) ?? '');
    if (input !== undefined) {
      throw new InputError('output file is one of the articles', {
        file: f.path,
        expected: 'an output path that is not an input',
        found: `the article ${input}`,
        hint: 'choose another path, e.g. --out reports/ (--force never overwrites an article)',
      });
    }
    if (seen.has(resolve(f.path))) {
      throw new InputError('the same output file was given twice', {
        file: f.path,
        expected: 'a different path for each report',
        found: 'two reports for one path',
        hint: 'give --json, --md and --html different files',
      });
    }
    seen.add(resolve(f.path));
    if (!force && isForeignFile(f.path)) {
      let isDir = false;
      try {
        isDir = statSync(f.path).isDirectory();
      } catch {
        // unreadable: reported as another file
      }
      throw new InputError('output file exists and was not written by parallax', {
        file: f.path,
        expected: 'a new file or an earlier parallax report',
        found: isDir ? 'a directory' : 'another file',
        hint: 'choose another path or pass --force to overwrite it',
      });
    }
  }
  const temps: string[] = [];
  progress.planned = Math.max(progress.planned, progress.written.length + files.length);
  try {
    for (const f of files) {
      if (isSpecialFile(f.path)) {
        temps.push(''); // devices and pipes are written in place below, never renamed over
        continue;
      }
      const dir = dirname(f.path);
      try {
        makeDirs(dir);
      } catch (e) {
        throw writeError(f.path, e);
      }
      removeStaleTemps(dir, basename(f.path));
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      progress.temps.add(tmp);
      temps.push(tmp); // before writing: a failed write may leave a partial temporary to remove
      try {
        writeFileSync(tmp, contentOf(f), { flag: 'wx' }); // created exclusively: never through a planted link
      } catch (e) {
        throw writeError(f.path, e);
      }
    }
    files.forEach((f, i) => {
      try {
        if (temps[i] === '') writeFileSync(f.path, contentOf(f));
        else renameSync(temps[i]!, f.path);
      } catch (e) {
        throw writeError(f.path, e);
      }
      progress.temps.delete(temps[i]!);
      progress.written.push(f.path);
    });
  } finally {
    for (const t of temps) {
      if (t) rmSync(t, { force: true });
      progress.temps.delete(t);
    }
  }
}

function writeError(path: string, e: unknown): InputError {
  const code = typeof e === 'string' ? e : ((e as NodeJS.ErrnoException).code ?? 'error');
  return new InputError('cannot write output', {
    file: path,
    expected: 'a writable location',
    found:
      typeof e === 'string'
        ? e
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'a folder that does not exist and cannot be made there'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'a file where a directory should be'
              : code === 'EISDIR'
                ? 'a directory at that path'
                : code === 'ENOSPC'
                  ? 'no space left on the device'
                  : code,
    hint: 'choose a path in a directory you can write to (e.g. --out reports/)',
  });
}

/**
 * Whole output folders (corpus mode) are written into a fresh staging folder beside the target,
 * `.NAME.parallax-PID-RANDOM`, and swapped in when complete: the target never holds a mix of two
 * runs, and a run killed half-way leaves the earlier output whole. Staging folders of processes
 * that are no longer running are removed by the next run.
 */
const STAGING = /^\.(.+)\.parallax-(old-)?(\d+)-[0-9a-f]+$/;

/** Removes what killed runs left beside `out` (restoring `out` if a kill fell between the two renames of a swap). */
function cleanStaging(out: string): void {
  const parent = dirname(resolve(out));
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const n of names) {
    const m = STAGING.exec(n);
    if (!m || m[1] !== basename(resolve(out)) || isRunning(Number(m[3]))) continue;
    const path = join(parent, n);
    if (!lstatSync(path).isDirectory()) continue;
    if (m[2] && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Every file under `dir` (relative paths). */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => lstatSync(join(dir, f)).isFile()).sort();
}

/**
 * Checks that the folder `out` may be replaced (new, empty, or holding only files parallax wrote)
 * and makes a fresh staging folder beside it to write into. Throws an InputError otherwise.
 */
export function stageFolder(out: string): string {
  cleanStaging(out);
  if (existsSync(out)) {
    if (!isDirectoryPath(out)) throw writeError(out, 'a file where the output folder should be');
    // Temporaries a killed run left (`.NAME.PID[.RANDOM].tmp`) are parallax's own: the swap drops them.
    const foreign = filesUnder(out).find(
      (f) => !/^\.[^/]+\.\d+(\.[0-9a-f]+)?\.tmp$/.test(basename(f)) && isForeignFile(join(out, f)) && !isOwnCsv(join(out, f)),
    );
    if (foreign) {
      throw new InputError('output folder holds files parallax did not write', {
        file: join(out, foreign),
        expected: 'a new or empty folder, or one holding only an earlier corpus output',
        found: 'another file',
        hint: 'parallax replaces the whole folder: move the file away or choose another --out folder',
      });
    }
  }
  const parent = dirname(resolve(out));
  const staging = join(parent, `.${basename(resolve(out))}.parallax-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    makeDirs(parent);
    mkdirSync(staging);
  } catch (e) {
    throw writeError(out, e);
  }
  progress.temps.add(staging);
  return staging;
}

/** Writes one file into a staging folder (created exclusively: the folder is new and private), or appends a part to it. */
export function writeStaged(file: OutputFile): void {
  try {
    makeDirs(dirname(file.path));
    writeFileSync(file.path, file.content, { flag: file.append ? 'a' : 'wx' });
  } catch (e) {
    throw writeError(file.path, e);
  }
}

/** Replaces the folder `out` by the complete staging folder; returns the files it holds. */
export function swapFolder(staging: string, out: string): string[] {
  const old = existsSync(out) ? join(dirname(resolve(out)), `.${basename(resolve(out))}.parallax-old-${process.pid}-${randomBytes(6).toString('hex')}`) : null;
  try {
    if (old) renameSync(out, old);
    renameSync(staging, out);
  } catch (e) {
    throw writeError(out, e);
  }
  progress.temps.delete(staging);
  if (old) rmSync(old, { recursive: true, force: true });
  const files = filesUnder(out).map((f) => join(out, f));
  progress.written.push(...files);
  return files;
}
