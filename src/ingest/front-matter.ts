/**
 * YAML front matter at the top of a markdown file (`---` fence, YAML, `---` fence), parsed with
 * the `yaml` library so that errors carry the file's own line and column. Simple front matter
 * (one `key: value` per line, values plain words, quoted strings or null) is read without it
 * ({@link simpleMapping}: the same data, ~30 ms less start-up); anything else goes to `yaml`.
 */
import { yaml } from '../core/yaml-lazy.js';
import { InputError, quoteForMessage } from '../core/errors.js';
import { aliasLimitError, MAX_YAML_ALIASES } from '../core/yaml-limits.js';
import type { ArticleMeta, Span } from '../core/types.js';

export interface FrontMatter {
  /** The fenced block including both fences and the closing line break. */
  span: Span;
  meta: ArticleMeta;
  /** Other keys, kept for the user. */
  extra: Record<string, unknown>;
}

const OPEN = /^---[ \t]*(\r\n|\n|\r)/;
const CLOSE = /(\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;

/** Parses front matter at the start of `text`; null when the file has none. */
export function parseFrontMatter(text: string, file: string): FrontMatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  CLOSE.lastIndex = open[0].length - 1;
  const close = CLOSE.exec(text);
  if (!close) {
    throw new InputError('front matter is not closed', {
      file,
      line: 1,
      expected: 'a line "---" after the YAML block',
      found: 'end of file',
      hint: 'add a line with three dashes after the last front-matter field',
    });
  }
  const yamlStart = open[0].length;
  const yamlText = text.slice(yamlStart, close.index);
  const lineOffset = (text.slice(0, yamlStart).match(/\r\n|\n|\r/g) ?? []).length;
  const simple = simpleMapping(yamlText);
  const parsed = simple ? null : parseYaml(yamlText, file, lineOffset);
  const data = simple ?? parsed!.data;
  /** The file's line of `key` (however it is written: quoted, spaced), else of the YAML's first line. */
  const lineOf = (key: string): number => (parsed ?? parseYaml(yamlText, file, lineOffset)).lineOf(key);
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new InputError('malformed front matter', {
      file,
      line: lineOffset + 1,
      expected: 'a YAML mapping of "key: value" lines',
      found: Array.isArray(data) ? 'a list' : `the value ${quoteForMessage(typeof data === 'string' ? data : JSON.stringify(data))}`,
      hint: 'write one "key: value" per line (title, outlet, author, date, url)',
    });
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const str = (key: string): string | null => {
    const v = record[key];
    if (v === undefined || v === null || v === '') return null;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    throw new InputError(`front-matter field "${key}" has the wrong type`, {
      file,
      line: lineOf(key),
      expected: 'a string',
      found: Array.isArray(v) ? 'a list' : typeof v,
      hint: `write ${key}: "..." on one line`,
    });
  };
  const date = str('date');
  const shaped = date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date);
  // a day the calendar has: 2024-13-45 and 2024-02-30 are shaped like dates but would date nothing
  if (date !== null && !(shaped && isCalendarDay(date))) {
    throw new InputError('front-matter date is not a date', {
      file,
      line: lineOf('date'),
      expected: 'YYYY-MM-DD',
      found: `${quoteForMessage(date)}${shaped ? ' (no such day)' : ''}`,
      hint: 'write the date as e.g. 2024-06-21, or null when unknown',
    });
  }
  const meta: ArticleMeta = { title: str('title'), outlet: str('outlet'), author: str('author'), date, url: str('url') };
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!(k in meta)) extra[k] = v;
  const end = close.index + close[0].length;
  return { span: { start: 0, end }, meta, extra };
}

/** True when YYYY-MM-DD names a day the calendar has (not 2024-13-45 or 2024-02-30). */
function isCalendarDay(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** Front matter parsed by the `yaml` library: its data, and the line of a key. Throws the InputError of malformed YAML. */
function parseYaml(yamlText: string, file: string, lineOffset: number): { data: unknown; lineOf: (key: string) => number } {
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  // `yaml` reads only LF and CRLF as line breaks; a lone CR (old Mac files) becomes LF, same length, so positions hold.
  const doc = parseDocument(yamlText.replace(/\r(?!\n)/g, '\n'), { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  const lineOf = (key: string): number => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const at = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
    return lineOffset + (at === undefined ? 1 : lines.linePos(at).line);
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = (err.linePos?.[0]?.line ?? 1) + lineOffset;
    const column = err.linePos?.[0]?.col;
    // a key written twice: say which, and that the fix is to keep one (not to quote anything)
    const twice =
      err.code === 'DUPLICATE_KEY'
        ? yamlText
            .slice(err.pos[0])
            .split(/\r\n|\n|\r/)[0]!
            .replace(/\s*:(\s.*)?$/, '')
            .replace(/^(["'])(.*)\1$/, '$2')
        : null;
    throw new InputError('malformed front matter', {
      file,
      line,
      column,
      expected: twice === null ? 'YAML "key: value" lines' : 'each key once',
      found: twice === null ? err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') : `the key ${quoteForMessage(twice)} a second time`,
      hint: twice === null ? 'quote values that contain ":" or "#", and indent consistently' : 'keep one line per key: delete or rename the repeated one',
    });
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), lineOf };
  } catch (e) {
    throw aliasLimitError(e, yamlText, file, lineOffset) ?? e;
  }
}

/** A key `simpleMapping` reads: a word (a YAML keyword such as `true`, `null` or `yes` is left to `yaml`). */
const SIMPLE_KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
const KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
/** Characters left to `yaml` (line feeds aside): tabs, carriage returns and other controls, YAML's non-printables and line separators, lone surrogates. */
const AWKWARD =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain value starting with a digit that `yaml` might read as a number (hex, octal, exponent, sexagesimal forms included): left to it. */
const NUMBER_LIKE = /^(?:0x[0-9a-f_]*|0o[0-7_]*|[0-9][0-9._:]*(?:e[-+]?[0-9_]*)?)$/i;

/**
 * The data of YAML text made only of `key: value` lines (blank lines allowed) whose values are
 * empty or `null`/`~` (null), a double-quoted string JSON can read (no `\u` escapes), a single-quoted string, or a
 * plain string that starts with a letter or digit (a date YYYY-MM-DD included) and has no `: `,
 * ` #` or number-like form; null for anything else (then the `yaml` library parses it). Where it
 * gives data, it is what `yaml` gives (YAML 1.2 core schema; tests/ingest/front-matter-fast.test.ts
 * compares them on generated text).
 */
export function simpleMapping(text: string): Record<string, string | null> | null {
  if (AWKWARD.test(text)) return null;
  const out: Record<string, string | null> = {};
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = SIMPLE_KEY.exec(line);
    if (!m || KEYWORD.test(m[1]!) || seen.has(m[1]!)) return null;
    seen.add(m[1]!);
    const v = m[2] ?? '';
    let value: string | null;
    if (v !== v.trim()) return null;
    if (v === '' || v === '~' || v === 'null' || v === 'Null' || v === 'NULL') value = null;
    else if (v.startsWith('"')) {
      if (!/^"(?:[^"\\]|\\["\\/bfnrt])*"$/.test(v)) return null; // no \u escapes: surrogates are left to yaml
      try {
        value = JSON.parse(v) as string;
      } catch {
        return null;
      }
    } else if (v.startsWith("'")) {
      const q = /^'((?:[^']|'')*)'$/.exec(v);
      if (!q) return null;
      value = q[1]!.replace(/''/g, "'");
    } else {
      if (!/^[\p{L}\p{N}]/u.test(v) || v.includes(': ') || v.includes(' #') || v.endsWith(':')) return null;
      if (KEYWORD.test(v) || NUMBER_LIKE.test(v)) return null;
      value = v;
    }
    out[m[1]!] = value;
  }
  return out;
}
