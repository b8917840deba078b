/**
 * Atomic report writes: every file is written to a temporary sibling and renamed into place,
 * so an interrupted or failed run never leaves a half-written report.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { InputError } from '../core/errors.js';

/** Marker that parallax puts in every file it writes, so it may overwrite its own output. */
export const GENERATOR_MARK = 'parallax/report';

export interface OutputFile {
  path: string;
  content: string;
}

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

/** Removes every temporary file this process still has on disk; returns how many. Never throws. */
export function removeTempFiles(): number {
  let n = 0;
  for (const t of progress.temps) {
    try {
      rmSync(t, { force: true });
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

/** True when `path` exists and was not written by parallax (so it must not be overwritten silently). */
export function isForeignFile(path: string): boolean {
  if (!existsSync(path) || isSpecialFile(path)) return false;
  try {
    const head = readFileSync(path, 'utf8').slice(0, 4096);
    return !head.includes(GENERATOR_MARK);
  } catch {
    return true;
  }
}

/**
 * Writes all outputs or none: checks every destination first, writes temporaries, then renames.
 * Existing files that parallax did not write are kept unless `force`.
 */
export function writeOutputs(files: readonly OutputFile[], force = false): void {
  for (const f of files) {
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
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw writeError(f.path, e);
      }
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.tmp`);
      progress.temps.add(tmp);
      temps.push(tmp); // before writing: a failed write may leave a partial temporary to remove
      try {
        writeFileSync(tmp, f.content);
      } catch (e) {
        throw writeError(f.path, e);
      }
    }
    files.forEach((f, i) => {
      try {
        if (temps[i] === '') writeFileSync(f.path, f.content);
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
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new InputError('cannot write output', {
    file: path,
    expected: 'a writable location',
    found:
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'the directory vanished'
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
