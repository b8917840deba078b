/**
 * YAML front matter at the top of a markdown file (`---` fence, YAML, `---` fence), parsed with
 * the `yaml` library so that errors carry the file's own line and column.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
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
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  /** The file's line of `key` (however it is written: quoted, spaced), else of the YAML's first line. */
  const lineOf = (key: string): number => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const at = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
    return lineOffset + (at === undefined ? 1 : lines.linePos(at).line);
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = (err.linePos?.[0]?.line ?? 1) + lineOffset;
    const column = err.linePos?.[0]?.col;
    throw new InputError('malformed front matter', {
      file,
      line,
      column,
      expected: 'YAML "key: value" lines',
      found: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      hint: 'quote values that contain ":" or "#", and indent consistently',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw aliasLimitError(e, yamlText, file, lineOffset) ?? e;
  }
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
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new InputError('front-matter date is not a date', {
      file,
      line: lineOf('date'),
      expected: 'YYYY-MM-DD',
      found: quoteForMessage(date),
      hint: 'write the date as e.g. 2024-06-21, or null when unknown',
    });
  }
  const meta: ArticleMeta = { title: str('title'), outlet: str('outlet'), author: str('author'), date, url: str('url') };
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!(k in meta)) extra[k] = v;
  const end = close.index + close[0].length;
  return { span: { start: 0, end }, meta, extra };
}
