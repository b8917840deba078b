/**
 * The outlet of an article, resolved in one stated order; the first that gives one wins:
 *
 *   1. front matter (`outlet:` in a markdown file's YAML)       → outletSource 'front-matter'
 *   2. the page's metadata (og:site_name, application-name, the
 *      JSON-LD publisher's name via Readability)                → 'html-meta'
 *   3. the domain of its URL (front-matter `url`, the canonical
 *      link, og:url; the fetched URL), without `www.`           → 'url'
 *   4. the `--outlets FILE` map (glob or path → outlet)         → 'outlets-map'
 *   5. a copyright line in the text ("© 2024 Example News")    → 'page-text'
 *   6. the folder the file is in, when that folder is below a
 *      folder given on the command line (news/bbc/x.txt → bbc)  → 'folder'
 *
 * The map file is YAML (`pattern: outlet` lines) or CSV (`pattern,outlet` rows, an optional
 * `path,outlet` header). A pattern without `/` matches the file name; with `/`, the path relative
 * to the current folder (or the absolute path when the pattern is absolute). `*` matches within
 * a name, `**` across folders, `?` one character; a pattern without them is an exact name or path.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { yaml } from '../core/yaml-lazy.js';
import { InputError, quoteForMessage } from '../core/errors.js';
import type { OutletSource } from '../core/types.js';

export interface OutletMapEntry {
  pattern: string;
  outlet: string;
  /** 1-based line in the map file. */
  line: number;
}

/** What outlet resolution needs besides the article: the map and the paths given (for the folder rule). Plain data (sent to worker threads). */
export interface OutletOptions {
  outletMap?: OutletMapEntry[];
  /** The files and folders given on the command line. */
  inputs?: string[];
}

const mapError = (file: string, line: number, found: string, expected = 'one "pattern: outlet" (YAML) or "pattern,outlet" (CSV) per line') =>
  new InputError('bad outlets map', {
    file,
    line,
    expected,
    found,
    hint: 'e.g. a line `m00*.txt: Reuters` in outlets.yml or `m00*.txt,Reuters` in outlets.csv',
  });

/** One CSV line split into fields (double quotes, "" inside quotes); null when a quote is not closed. */
function csvFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      const rest = /^[^,]*/.exec(line.slice(i))![0];
      field += rest;
      i += rest.length;
    } else {
      const m = /^[^,]*/.exec(line.slice(i))![0];
      field = m;
      i += m.length;
    }
    out.push(field.trim());
    if (i >= line.length) return out;
    i++; // the comma
  }
}

/** Reads and checks an outlets map file (YAML or CSV, by extension); errors name file:line. */
export function readOutletMap(file: string): OutletMapEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('cannot read the outlets map', {
      file,
      expected: 'a readable .yml, .yaml or .csv file',
      found: code === 'ENOENT' ? 'no such file' : String(code ?? e),
      hint: 'check the path given to --outlets',
    });
  }
  const ext = extname(file).toLowerCase();
  const entries: OutletMapEntry[] = [];
  if (ext === '.csv') {
    text.split(/\r\n|\n|\r/).forEach((raw, k) => {
      const line = k + 1;
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const f = csvFields(raw);
      if (!f) throw mapError(file, line, 'a quote that is not closed');
      if (f.length !== 2) throw mapError(file, line, `${f.length} field${f.length === 1 ? '' : 's'}`, 'two fields: pattern,outlet');
      if (entries.length === 0 && /^(path|pattern|file|glob)$/i.test(f[0]!) && /^outlet$/i.test(f[1]!)) return; // header
      if (!f[0] || !f[1]) throw mapError(file, line, `an empty ${f[0] ? 'outlet' : 'pattern'}`, 'two fields: pattern,outlet');
      entries.push({ pattern: f[0], outlet: f[1], line });
    });
  } else if (ext === '.yml' || ext === '.yaml') {
    const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, lineCounter: lines });
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      throw mapError(file, err.linePos?.[0]?.line ?? 1, err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    }
    if (doc.contents === null) return [];
    if (!isMap(doc.contents)) throw mapError(file, 1, 'not a mapping', 'a YAML mapping of "pattern: outlet" lines');
    for (const pair of doc.contents.items) {
      const at = (pair.key as { range?: number[] } | null)?.range?.[0];
      const line = at === undefined ? 1 : lines.linePos(at).line;
      const key = isScalar(pair.key) ? pair.key.value : null;
      const value = isScalar(pair.value) ? pair.value.value : null;
      if (typeof key !== 'string' && typeof key !== 'number') throw mapError(file, line, 'a key that is not a pattern');
      if (typeof value !== 'string' && typeof value !== 'number') {
        const found =
          pair.value === null || (isScalar(pair.value) && value === null)
            ? 'no outlet'
            : isSeq(pair.value)
              ? 'a list'
              : isMap(pair.value)
                ? 'a mapping'
                : 'a value that is not a name';
        throw mapError(file, line, found, `an outlet name after "${String(key)}:"`);
      }
      if (String(value).trim() === '') throw mapError(file, line, 'an empty outlet');
      entries.push({ pattern: String(key), outlet: String(value).trim(), line });
    }
  } else {
    throw new InputError('unsupported outlets map', {
      file,
      expected: 'a .yml, .yaml or .csv file',
      found: ext ? quoteForMessage(ext) : 'no extension',
      hint: 'write the map as outlets.yml or outlets.csv',
    });
  }
  return entries;
}

const slash = (p: string) => p.split(sep).join('/');

/** A glob as a regular expression over a whole path (`**` across folders, `*` and `?` within a name). */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The map's outlet for `path` (first matching line), else null. */
export function mapOutlet(path: string, map: readonly OutletMapEntry[]): string | null {
  const abs = resolve(path);
  for (const e of map) {
    const p = slash(e.pattern).replace(/^\.\//, '');
    const target = !p.includes('/') ? basename(abs) : isAbsolute(e.pattern) ? slash(abs) : slash(relative(process.cwd(), abs));
    if (/[*?]/.test(p) ? globRegExp(p).test(target) : p === target) return e.outlet;
  }
  return null;
}

/** The host of a URL without `www.`, else null. */
export function urlOutlet(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\d*\./, '') : null;
  } catch {
    return null;
  }
}

/** The folder `path` is in, when it is below (not equal to) a folder among `inputs`. */
export function folderOutlet(path: string, inputs: readonly string[]): string | null {
  const parent = resolve(dirname(path));
  for (const input of inputs) {
    const root = resolve(input);
    if (parent !== root && parent.startsWith(root + sep)) return basename(parent);
  }
  return null;
}

export interface OutletCandidates {
  /** The outlet the file's own metadata gives, and which kind of file it is (md: front matter; html: page metadata). */
  declared: string | null;
  format: 'txt' | 'md' | 'html';
  url: string | null;
  /** The outlet a copyright line in the text names. */
  pageText: string | null;
}

/** The outlet of `path` and the source that gave it (see the module comment for the order). */
export function resolveOutlet(path: string, c: OutletCandidates, options: OutletOptions = {}): { outlet: string | null; outletSource: OutletSource | null } {
  const tries: [OutletSource, () => string | null][] = [
    ['front-matter', () => (c.format === 'md' ? c.declared : null)],
    ['html-meta', () => (c.format === 'html' ? c.declared : null)],
    ['url', () => urlOutlet(c.url)],
    ['outlets-map', () => (options.outletMap ? mapOutlet(path, options.outletMap) : null)],
    ['page-text', () => c.pageText],
    ['folder', () => (options.inputs ? folderOutlet(path, options.inputs) : null)],
  ];
  for (const [source, get] of tries) {
    const outlet = get()?.trim();
    if (outlet) return { outlet, outletSource: source };
  }
  return { outlet: null, outletSource: null };
}
