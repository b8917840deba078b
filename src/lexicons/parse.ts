/**
 * Reading one lexicon file: YAML → validated plain data, with every error pointing at the
 * offending line and column (1-based) of the file.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Document, Node } from 'yaml';
import { InputError } from '../core/errors.js';
import { aliasLimitError, MAX_YAML_ALIASES } from '../core/yaml-limits.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { yaml } from '../core/yaml-lazy.js';

/** The JSON Schema every lexicon file must satisfy. */
export const LEXICON_SCHEMA_PATH = resolve(PACKAGE_ROOT, 'schema/lexicon.schema.json');

export interface RawSource {
  title: string;
  url?: string;
  note?: string;
}

export interface RawEntry {
  id: string;
  phrases: string[];
  category: string;
  weight: number;
  /** For readers: what the term does; reports show it as the explanation. */
  note: string;
  /** For maintainers: why the entry is as it is; never reaches a report (see schema/lexicon.schema.json). */
  comment?: string;
  alternative?: string;
  examples?: { match?: string[]; nomatch?: string[] };
  neutral?: boolean;
  /** Reporting verbs: false for a non-neutral cue that gives no loaded finding (see schema/lexicon.schema.json). */
  loaded?: boolean;
  /** Reporting verbs: a cue only next to a direct quotation (see schema/lexicon.schema.json). */
  quoted?: boolean;
  /** Reporting verbs: a cue only when one of these words follows in its clause (see schema/lexicon.schema.json). */
  complement?: string[];
  /** Reporting verbs: false for a stance, thought or evidence (see schema/lexicon.schema.json). */
  speech?: boolean;
  sourceType?: string;
  name?: string;
  pos?: string[];
  case?: boolean;
  /** Words whose presence near a match marks a literal (not loaded) use. */
  literal?: string[];
  /** Stock phrases holding a match in which it is plain (the match is dropped inside one). */
  fixed?: string[];
}

export interface RawWordlist {
  package: 'hedges' | 'weasels';
  category: string;
  weight: number;
  note: string;
  /** For maintainers; never reaches a report. */
  comment?: string;
  exclude?: string[];
}

/** One measured precision of a `kind: calibration` file (see schema/lexicon.schema.json). */
export interface RawCalibration {
  key: string;
  precision: number;
  judged: number;
  correct: number;
  data: string;
  /** `YYYY-MM-DD` the numbers were generated. */
  generated: string;
}

export interface RawLexicon {
  id: string;
  version: string;
  license: string;
  description: string;
  kind: 'markers' | 'reporting-verbs' | 'sources' | 'actors' | 'word-classes' | 'calibration' | 'unsourced';
  sources: RawSource[];
  wordlists?: RawWordlist[];
  entries: RawEntry[];
  calibration?: RawCalibration[];
}

/** A parsed, schema-valid lexicon file plus a way to locate any of its nodes. */
export interface ParsedLexicon {
  /** The path used in messages (relative to the cwd when inside it). */
  file: string;
  data: RawLexicon;
  /** 1-based line and column of the node at `path` (or of its nearest existing parent). */
  locate(path: readonly (string | number)[], key?: string): { line: number; column: number };
}

// ajv and yaml (core/yaml-lazy.ts) are loaded on first use: a start-up whose lexicons are in the
// compiled cache (see index.ts) needs neither.
const require = createRequire(import.meta.url);

type Validator = ReturnType<InstanceType<typeof import('ajv').Ajv>['compile']>;
let validator: Validator | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(LEXICON_SCHEMA_PATH, 'utf8')) as object);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** A file path as shown in messages: relative to the cwd when it lies inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function nodeAt(doc: Document, path: readonly (string | number)[], key?: string): { start: number } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  // Walk down as far as the path exists; fall back to the deepest node found.
  let node: unknown = doc.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
      if (!pair) break;
      node = pair.value;
      best = (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0] ?? best;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (node === undefined) break;
      best = (node as Node).range?.[0] ?? best;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const at = (pair?.key as Node | undefined)?.range?.[0];
    if (at !== undefined) best = at;
  }
  return best === undefined ? undefined : { start: best };
}

/** Says in plain words what an ajv error means and how to fix it. */
function describe(e: ErrorObject, data: unknown): { message: string; hint: string; key?: string } {
  const where = e.instancePath.split('/').filter(Boolean);
  const field = where[where.length - 1] ?? 'file';
  const value = where.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
  switch (e.keyword) {
    case 'required': {
      const p = (e.params as { missingProperty: string }).missingProperty;
      return { message: `missing field "${p}"`, hint: `add "${p}:" (see schema/lexicon.schema.json)` };
    }
    case 'additionalProperties': {
      const p = (e.params as { additionalProperty: string }).additionalProperty;
      return { message: `unknown field "${p}"`, hint: `remove it or check its spelling (see schema/lexicon.schema.json)`, key: p };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      return {
        message: `unknown ${field} ${JSON.stringify(value)}`,
        hint: `use one of ${allowed.map((a) => String(a)).join(', ')}`,
      };
    }
    case 'type': {
      const type = (e.params as { type: string }).type;
      return { message: `"${field}" must be ${type}, found ${JSON.stringify(value)}`, hint: `write ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}` };
    }
    case 'minimum':
    case 'maximum':
      return { message: `"${field}" is out of range: ${JSON.stringify(value)}`, hint: 'weights run from 0 (neutral) to 3 (strongly loaded)' };
    case 'pattern':
      return {
        message: `"${field}" has an invalid value ${JSON.stringify(value)}`,
        hint: field === 'version' ? 'use a version such as 1.0.0' : `ids are lower-case kebab-case (a-z, 0-9, -); phrases must not be blank`,
      };
    case 'minItems':
    case 'minLength':
      return { message: `"${field}" is empty`, hint: `give at least one value` };
    default:
      return { message: `"${field}" ${e.message ?? 'is invalid'}`, hint: 'see schema/lexicon.schema.json' };
  }
}

/** Entries per YAML document when a file is read in parts (see `parseInParts`). */
const ENTRIES_PER_PART = 500;

/**
 * The data of a lexicon file read without ever holding the YAML tree of the whole file: the
 * block sequence under a top-level `entries:` is cut before its items and parsed `ENTRIES_PER_PART`
 * items at a time, the rest of the file on its own; each item's offset is kept for messages. A
 * 100,000-entry user lexicon takes a few hundred MB less and is read several times faster, since
 * the YAML library's tree of one part is let go before the next is read. Null when the file is not
 * of that plain shape or any part does not parse cleanly (an alias to an anchor of another part,
 * tabs, CR line ends, several documents …): the caller then parses the whole file as one document,
 * which gives the same data or the error message with its line.
 */
function parseInParts(raw: string): { data: Record<string, unknown>; entryStarts: number[] } | null {
  if (raw.includes('\r') || raw.includes('\t')) return null;
  const head = /^entries:[ ]*(?:#.*)?$/m.exec(raw);
  if (!head || raw.indexOf('\nentries:', head.index + 1) >= 0) return null;
  const { parseDocument } = yaml();
  const starts: number[] = [];
  let indent = -1;
  let end = raw.length;
  for (let at = head.index + head[0].length + 1; at < raw.length;) {
    const nl = raw.indexOf('\n', at);
    const lineEnd = nl < 0 ? raw.length : nl;
    const line = raw.slice(at, lineEnd);
    const text = line.trimStart();
    const lead = line.length - text.length;
    const item = text === '-' || text.startsWith('- ');
    if (text !== '' && !text.startsWith('#')) {
      if (indent < 0) {
        if (!item) return null;
        indent = lead;
      }
      if (lead < indent || (lead === indent && !item)) {
        end = at;
        break;
      }
      if (lead === indent) starts.push(at);
    }
    at = lineEnd + 1;
  }
  const parse = (text: string): unknown => {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) return undefined;
    return { doc, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  };
  let rest: { value: unknown } | undefined;
  try {
    rest = parse(`${raw.slice(0, head.index)}entries: null\n${raw.slice(end)}`) as { value: unknown } | undefined;
  } catch {
    return null;
  }
  const data = rest?.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('entries' in data) || (data as Record<string, unknown>)['entries'] !== null)
    return null;
  const entries: unknown[] = [];
  const entryStarts: number[] = [];
  for (let k = 0; k < starts.length; k += ENTRIES_PER_PART) {
    const from = starts[k]!;
    const to = starts[k + ENTRIES_PER_PART] ?? end;
    let part: { doc: Document; value: unknown } | undefined;
    try {
      part = parse(raw.slice(from, to)) as { doc: Document; value: unknown } | undefined;
    } catch {
      return null;
    }
    const items = part?.doc.contents;
    if (!part || !Array.isArray(part.value) || !yaml().isSeq(items) || items.items.length !== Math.min(ENTRIES_PER_PART, starts.length - k)) return null;
    for (const node of items.items) {
      const at = (node as Node | null)?.range?.[0];
      if (at === undefined) return null;
      entryStarts.push(from + at);
    }
    entries.push(...(part.value as unknown[]));
  }
  (data as Record<string, unknown>)['entries'] = entries;
  return { data, entryStarts };
}

/** Reads and validates one lexicon file; throws InputError with file:line:column on any problem. */
export function parseLexiconFile(path: string, raw = readFileSync(path, 'utf8')): ParsedLexicon {
  const file = displayPath(path);
  const parts = parseInParts(raw);
  if (parts && validate(parts.data).length === 0) {
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
    const pos = (offset: number) => {
      const p = lines.linePos(offset);
      return { line: p.line, column: p.col };
    };
    let whole: Document | undefined; // only for a message about one phrase or id: parsed when asked
    return {
      file,
      data: parts.data as unknown as RawLexicon,
      locate(path, key) {
        const entry = path.length === 2 && path[0] === 'entries' && typeof path[1] === 'number' && key === undefined ? parts.entryStarts[path[1]] : undefined;
        if (entry !== undefined) return pos(entry);
        whole ??= parseDocument(raw, { prettyErrors: false, uniqueKeys: true });
        const at = nodeAt(whole, path, key);
        return at ? pos(at.start) : { line: 1, column: 1 };
      },
    };
  }
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new InputError(`invalid YAML: ${yamlError.message.split('\n')[0]}`, {
      file,
      ...pos(yamlError.pos[0]),
      hint: 'check indentation, colons and quoting on this line (a phrase with ":" or "#" needs quotes)',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw aliasLimitError(e, raw, file) ?? e;
  }
  const errors = validate(data);
  if (errors.length > 0) {
    // The most specific error: the deepest path; `if` wrapper errors say nothing useful.
    const useful = errors.filter((e) => e.keyword !== 'if');
    const e = useful.sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0]!;
    const d = describe(e, data);
    const path = e.instancePath
      .split('/')
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const at = nodeAt(doc, path, d.key);
    throw new InputError(d.message, { file, ...(at ? pos(at.start) : { line: 1, column: 1 }), hint: d.hint });
  }
  return {
    file,
    data: data as RawLexicon,
    locate(path, key) {
      const at = nodeAt(doc, path, key);
      return at ? pos(at.start) : { line: 1, column: 1 };
    },
  };
}
