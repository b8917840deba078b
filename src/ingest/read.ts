/**
 * Reads one article file into a `SourceDocument`: checks that it is text we can analyse
 * (size, binary, encoding), decodes it, removes a BOM, and dispatches on the extension.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { shellWord } from '../core/escape.js';
import type { ArticleFormat, ArticleMeta, SourceDocument } from '../core/types.js';
import { lineColumn } from '../core/spans.js';
import { parseFrontMatter } from './front-matter.js';
import type { Lexicons } from '../lexicons/index.js';
import { readHtml } from './html.js';

/** Extensions parallax reads, and the format each maps to. */
export const EXTENSIONS: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** Default largest file read, in bytes (override with `--max-bytes`). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** The loaded lexicons, whose word classes may extend the ingest cues (see withUserData). */
  lexicons?: Lexicons;
}

const EMPTY_META: ArticleMeta = { title: null, outlet: null, author: null, date: null, url: null };

/** Decodes bytes as UTF-8, refusing binary data, UTF-16 and invalid sequences with a clear error. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('file is UTF-16, not UTF-8', {
      file,
      expected: 'UTF-8 text',
      found: 'a UTF-16 byte-order mark',
      hint: `convert it: iconv -f UTF-16 -t UTF-8 ${shellWord(file)} > out.txt`,
    });
  }
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) {
      throw new InputError('file is binary, not text', {
        file,
        expected: 'a text article (.txt, .md, .html)',
        found: 'NUL bytes',
        hint: 'export the article as plain text or HTML first',
      });
    }
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.1) {
    throw new InputError('file is binary, not text', {
      file,
      expected: 'a text article',
      found: `${Math.round((100 * controls) / sample.length)}% control bytes`,
      hint: 'export the article as plain text or HTML first',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = lineColumn(prefix, prefix.length);
    throw new InputError('file is not valid UTF-8', {
      file,
      line,
      column,
      expected: 'UTF-8 text',
      found: `byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at byte offset ${bad}`,
      hint: `convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 ${shellWord(file)} > out.txt`,
    });
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

/** Reads and decodes an article file. `path` is kept as given (it appears in the report). */
export function readSource(path: string, options: ReadOptions = {}): SourceDocument {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (!format) {
    throw new InputError('unsupported file type', {
      file: path,
      expected: `one of ${Object.keys(EXTENSIONS).join(' ')}`,
      found: extname(path) ? `"${extname(path)}"` : 'no extension',
      hint: 'rename plain-text articles to .txt, or convert the file to text or HTML',
    });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      throw new InputError('not a regular file', {
        file: path,
        expected: 'a regular file',
        found: fileKind(st),
        hint: st.isDirectory() ? 'give the directory itself to read the articles in it' : 'save the article to a file first',
      });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fileError(path, e);
  }
  if (size > maxBytes) {
    throw new InputError('file is too large to be one article', {
      file: path,
      expected: `at most ${maxBytes.toLocaleString('en-US')} bytes`,
      found: `${size.toLocaleString('en-US')} bytes`,
      hint: 'split it into articles, or raise the limit with --max-bytes',
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fileError(path, e);
  }
  const text = decodeText(bytes, path);
  if (text.trim() === '') {
    throw new InputError('file is empty', {
      file: path,
      expected: 'article text',
      found: text.length === 0 ? 'an empty file' : 'only whitespace',
      hint: 'remove the file or paste the article into it',
    });
  }
  if (format === 'html') return readHtml(path, text, options.lexicons);
  if (format === 'md') {
    const fm = parseFrontMatter(text, path);
    if (fm) {
      return {
        path,
        format,
        text,
        meta: fm.meta,
        content: [{ start: fm.span.end, end: text.length }],
        excluded: [{ ...fm.span, text: text.slice(fm.span.start, fm.span.end), reason: 'front-matter', rule: 'YAML front matter between --- lines' }],
      };
    }
  }
  return { path, format, text, meta: { ...EMPTY_META }, content: [{ start: 0, end: text.length }], excluded: [] };
}

/** What a path that is not a regular file is (for messages). */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function fileError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const found = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'a directory' : String(code ?? e);
  return new InputError('cannot read article', {
    file: path,
    expected: 'a readable file',
    found,
    hint: code === 'EACCES' ? `check its permissions (chmod +r ${shellWord(path)})` : 'check the path',
  });
}
