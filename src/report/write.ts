/**
 * Atomic report writes: every file is written to a temporary sibling and renamed into place,
 * so an interrupted or failed run never leaves a half-written report.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { InputError } from '../core/errors.js';

/** Marker that parallax puts in every file it writes, so it may overwrite its own output. */
export const GENERATOR_MARK = 'parallax/report';

export interface OutputFile {
  path: string;
  content: string;
}

/** True when `path` exists and was not written by parallax (so it must not be overwritten silently). */
export function isForeignFile(path: string): boolean {
  if (!existsSync(path)) return false;
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
      throw new InputError('output file exists and was not written by parallax', {
        file: f.path,
        expected: 'a new file or an earlier parallax report',
        found: 'another file',
        hint: 'choose another path or pass --force to overwrite it',
      });
    }
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw writeError(f.path, e);
      }
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.tmp`);
      try {
        writeFileSync(tmp, f.content);
      } catch (e) {
        throw writeError(f.path, e);
      }
      temps.push(tmp);
    }
    files.forEach((f, i) => {
      try {
        renameSync(temps[i]!, f.path);
      } catch (e) {
        throw writeError(f.path, e);
      }
    });
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

function writeError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new InputError('cannot write output', {
    file: path,
    expected: 'a writable location',
    found: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the directory vanished' : code,
    hint: 'choose a path in a directory you can write to (e.g. --out reports/)',
  });
}
