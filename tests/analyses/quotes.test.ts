import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuotations, firstQuotationEndingAfter, firstQuotationStartingAt, quotationsOf } from '../../src/analyses/quotes.js';
import { REPO } from '../helpers.js';

const all = (text: string) => findQuotations(text, [{ start: 0, end: text.length }]);
const texts = (text: string) => all(text).map((q) => q.text);

describe('findQuotations: quote styles', () => {
  it('finds curly, straight, single, guillemet and ”…” quotations with exact spans', () => {
    const text = 'He said “yes”, "no", ‘maybe’, «oui» and ”multipolar world” today.';
    expect(all(text).map((q) => [q.start, q.end, q.text, q.open, q.close, q.balanced])).toEqual([
      [8, 13, '“yes”', '“', '”', true],
      [15, 19, '"no"', '"', '"', true],
      [21, 28, '‘maybe’', '‘', '’', true],
      [30, 35, '«oui»', '«', '»', true],
      [40, 58, '”multipolar world”', '”', '”', true],
    ]);
  });

  it("finds quotations written with doubled apostrophes (''…''), unbalanced to the paragraph end", () => {
    expect(all("''I think so,'' he said. ''We stay.\n\nNext.").map((q) => [q.start, q.end, q.text, q.close, q.balanced])).toEqual([
      [0, 15, "''I think so,''", "''", true],
      [25, 35, "''We stay.", '', false],
    ]);
    expect(texts("It's the farmers'' cause")).toEqual([]);
  });

  it('gives the inner span without marks and surrounding spaces', () => {
    const [q] = all('Il a dit « bonjour » hier.');
    expect(q).toMatchObject({ start: 9, end: 20, innerStart: 11, innerEnd: 18 });
  });

  it('does not treat apostrophes as quotation marks', () => {
    expect(texts("Burkina Faso’s army and the Africans' cause, it’s said.")).toEqual([]);
  });

  it('keeps a nested quotation inside the outer one', () => {
    expect(texts('She said “they told us ‘leave now’ at dawn” yesterday.')).toEqual(['“they told us ‘leave now’ at dawn”']);
  });

  it('spans several paragraphs until the closing mark', () => {
    const text = 'Intro:\n\n”First paragraph.\n\nSecond paragraph.”\n\nAfter.';
    expect(all(text)).toEqual([
      { start: 8, end: 45, text: '”First paragraph.\n\nSecond paragraph.”', innerStart: 9, innerEnd: 44, open: '”', close: '”', balanced: true },
    ]);
  });

  it('continues a quotation reopened at the start of the next paragraph', () => {
    const text = '“We will stay.\n\n“We will not leave,” he said.';
    expect(texts(text)).toEqual(['“We will stay.\n\n“We will not leave,”']);
  });

  it('finds the bundled ”…” pairs of the Newsvoice article', () => {
    const path = resolve(REPO, 'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md');
    const text = readFileSync(path, 'utf8');
    const quotes = all(text).filter((q) => q.open === '”');
    const start = text.indexOf('”From the very first');
    const end = text.indexOf('ties”') + 'ties”'.length;
    expect(quotes.some((q) => q.start === start && q.end === end && q.balanced)).toBe(true);
    const multi = text.indexOf('”The country’s spiralling');
    const multiEnd = text.indexOf('support to the army.”') + 'support to the army.”'.length;
    expect(quotes.find((q) => q.start === multi)?.end).toBe(multiEnd);
  });
});

describe('findQuotations: torture cases never throw', () => {
  it('reports an unclosed quotation up to the end of its paragraph', () => {
    const text = 'He said "this never ends.\n\nNext paragraph "ok".';
    expect(all(text).map((q) => [q.text, q.balanced])).toEqual([
      ['"this never ends.', false],
      ['"ok"', true],
    ]);
  });

  it('handles odd counts, stray closers and mixed styles', () => {
    // stray closers are ignored; the unclosed « runs, unbalanced, to the end of its paragraph
    expect(all('” ” ” "a" » « ‘ ’ “b”').map((q) => [q.text, q.balanced])).toEqual([
      ['"a"', true],
      ['« ‘ ’ “b”', false],
    ]);
    expect(() => all('"""""“““”””«««»»»\'\'\'‘‘’’')).not.toThrow();
    expect(all('')).toEqual([]);
  });

  it('handles a 10,000-character unbalanced quotation', () => {
    const text = '“' + 'word '.repeat(2000);
    const quotes = all(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ start: 0, end: text.trimEnd().length, balanced: false, close: '' });
  });

  it('never throws and returns in-bounds sorted spans on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '“', '”', '‘', '’', "'", '«', '»', 'a', ' ', '\n', '.', ','), maxLength: 300 }), (text) => {
        const quotes = all(text);
        let last = -1;
        for (const q of quotes) {
          expect(q.start).toBeGreaterThan(last);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.innerStart).toBeLessThanOrEqual(q.innerEnd);
          last = q.end - 1;
        }
      }),
    );
  });

  it('scans a long paragraph once, not once per quotation mark (2 MB, one line, 40,000 quotations)', () => {
    // Each opening mark looks for the end of its paragraph; before the fix every mark rescanned
    // the rest of the line (quadratic: hours for this input). Must finish in vitest's default timeout.
    const unit = 'He said "yes" and she said \'no\' and they “agreed” to go. ';
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const quotes = all(text);
    expect(quotes).toHaveLength(3 * Math.ceil(2_000_000 / unit.length));
    expect(quotes.every((q) => q.balanced)).toBe(true);
  });

  it('quotationsOf returns the same sorted, disjoint quotations as findQuotations, once per article', () => {
    const text = 'A "one" b “two” c ‘three’ d.\n\nE "four.';
    const article = { text, body: [{ start: 0, end: text.length }] };
    const first = quotationsOf(article);
    expect(first).toEqual(findQuotations(text, article.body));
    expect(quotationsOf(article)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // A different text with the same body array is scanned again.
    const other = { text: 'No quotes here at all....................', body: article.body };
    expect(quotationsOf(other)).toEqual([]);
    for (let i = 1; i < first.length; i++) expect(first[i]!.start).toBeGreaterThanOrEqual(first[i - 1]!.end);
    expect(firstQuotationStartingAt(first, 2)).toBe(0);
    expect(firstQuotationStartingAt(first, 3)).toBe(1);
    expect(firstQuotationEndingAfter(first, 7)).toBe(1);
    expect(firstQuotationEndingAfter(first, 6)).toBe(0);
  });

  it('respects body spans: no quotation crosses a gap', () => {
    const text = 'A "quoted\nBOILERPLATE\nrest" end';
    const quotes = findQuotations(text, [
      { start: 0, end: 9 },
      { start: 22, end: text.length },
    ]);
    for (const q of quotes) expect(q.end <= 9 || q.start >= 22).toBe(true);
  });
});
