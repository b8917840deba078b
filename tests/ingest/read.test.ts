/** Decoding: exactly one byte-order mark is removed (a second U+FEFF is text and stays). */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/read.js';

describe('decodeText', () => {
  it('removes one BOM, keeps a second U+FEFF', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodeText(new Uint8Array([...bom, ...Buffer.from('Hi')]), 'a.txt')).toBe('Hi');
    expect(decodeText(new Uint8Array([...bom, ...bom, ...Buffer.from('Hi')]), 'a.txt')).toBe('\uFEFFHi');
    expect(decodeText(new Uint8Array(Buffer.from('Hi')), 'a.txt')).toBe('Hi');
  });
});
