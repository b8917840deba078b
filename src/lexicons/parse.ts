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
  note: string;
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
}

export interface RawWordlist {
  package: 'hedges' | 'weasels';
  category: string;
  weight: number;
  note: string;
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

// ajv and yaml are loaded on first use: a start-up whose lexicons are in the compiled cache
// (see index.ts) needs neither.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'));

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
      return { message: `"${field}" has an invalid value ${JSON.stringify(value)}`, hint: field === 'version' ? 'use a version such as 1.0.0' : `ids are lower-case kebab-case (a-z, 0-9, -); phrases must not be blank` };
    case 'minItems':
    case 'minLength':
      return { message: `"${field}" is empty`, hint: `give at least one value` };
    default:
      return { message: `"${field}" ${e.message ?? 'is invalid'}`, hint: 'see schema/lexicon.schema.json' };
  }
}

/** Reads and validates one lexicon file; throws InputError with file:line:column on any problem. */
export function parseLexiconFile(path: string, raw = readFileSync(path, 'utf8')): ParsedLexicon {
  const file = displayPath(path);
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
    const path = e.instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
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
