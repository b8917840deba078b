/**
 * `overlapping` (src/core/spans.ts) answers "which spans overlap [start, end)" for the views and
 * the alignment without scanning every span per query (the quadratic step of issue #19, item 12):
 * it must give exactly what a scan gives, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapping, sortSpans } from '../../src/core/spans.js';

const span = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, len]) => ({ start, end: start + len }));

describe('overlapping', () => {
  it('returns the spans a scan finds, in their order', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), span, (spans, q) => {
        const sorted = sortSpans(spans);
        expect(overlapping(sorted, q.start, q.end)).toEqual(sorted.filter((s) => s.start < q.end && q.start < s.end));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a long span that starts far before the query', () => {
    const sorted = [{ start: 0, end: 1000 }, ...Array.from({ length: 100 }, (_, i) => ({ start: 10 * i + 1, end: 10 * i + 3 }))];
    expect(overlapping(sorted, 995, 999)).toEqual([{ start: 0, end: 1000 }]);
    expect(overlapping(sorted, 500, 503)).toEqual([
      { start: 0, end: 1000 },
      { start: 501, end: 503 },
    ]);
  });
});
