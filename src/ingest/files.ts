/**
 * Expands the paths given on the command line into article files: files as given, directories
 * walked recursively (hidden entries, README/LICENSE files, symlink loops and the reports parallax
 * itself wrote there skipped), sorted.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { shellWord } from '../core/escape.js';
import { EXTENSIONS } from './read.js';
import { hasOwnHeader } from '../core/own-header.js';

const SKIP_NAME = /^(\.|readme(\.|$)|license(\.|$)|changelog(\.|$))/i;

export interface ExpandResult {
  files: string[];
  /** Paths given more than once (or reached twice through links), reported as notices. */
  repeated: string[];
  /** Files in a walked folder that are reports parallax wrote (a re-run over a folder holding `reports/`): not articles, skipped. */
  ownReports: string[];
}

/** Expands files and directories into the sorted list of article files they hold. */
export function expandInputs(inputs: readonly string[]): ExpandResult {
  if (inputs.length === 0) {
    throw new InputError('no articles given', { expected: 'one or more files or directories', hint: 'run: parallax analyze corpus' });
  }
  const seenReal = new Map<string, string>();
  const files: string[] = [];
  const repeated: string[] = [];
  const ownReports: string[] = [];
  const add = (path: string) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = path;
    }
    if (seenReal.has(real)) {
      repeated.push(path);
      return;
    }
    seenReal.set(real, path);
    files.push(path);
  };
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError('path not found', {
        file: input,
        expected: 'an article file or a directory of articles',
        found: code === 'ELOOP' ? 'a symlink loop' : code === 'EACCES' ? 'permission denied' : 'nothing at that path',
        hint: 'check the spelling; the bundled articles are in corpus/',
      });
    }
    if (st.isDirectory()) {
      const found = walk(input, new Set()).filter((f) => !(isOwnReport(f) && ownReports.push(f)));
      if (found.length === 0) {
        throw new InputError('directory has no articles', {
          file: input,
          expected: `files ending in ${Object.keys(EXTENSIONS).join(' ')}`,
          found: 'none',
          hint: 'point parallax at a folder of .txt, .md or .html articles',
        });
      }
      found.forEach(add);
    } else {
      add(input);
    }
  }
  return { files: [...files].sort(), repeated, ownReports };
}

/** True when the file begins with the header parallax writes on its markdown and HTML reports. */
function isOwnReport(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(256);
      return hasOwnHeader(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // unreadable: reading it later says why
  }
}

function walk(dir: string, visited: Set<string>): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (visited.has(real)) return []; // symlink loop
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new InputError('cannot read directory', {
      file: dir,
      expected: 'a readable directory',
      found: 'permission denied',
      hint: `check its permissions (chmod +rx ${shellWord(dir)})`,
    });
  }
  const out: string[] = [];
  for (const name of names) {
    if (SKIP_NAME.test(name)) continue;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue; // dangling link or loop
    }
    if (st.isDirectory()) out.push(...walk(path, visited));
    else if (st.isFile() && EXTENSIONS[extname(name).toLowerCase()]) out.push(path);
  }
  return out;
}
