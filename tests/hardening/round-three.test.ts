/**
 * Hostile and broken input, third round (harden23): what tests/hardening and tests/cases/hostile
 * did not yet cover. Each test failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { clip } from '../../src/report/view-model.js';
import { trimLabel } from '../../src/align/index.js';
import { quoteForMessage } from '../../src/core/errors.js';
import { headUnits } from '../../src/core/spans.js';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';

const EMOJI = '😀'; // two UTF-16 units

describe('a cut never leaves half a surrogate pair', () => {
  const odd = `a${EMOJI.repeat(60)}`; // every emoji starts at an odd offset, so an even cut lands inside one
  it('headUnits steps back over the first half of a pair', () => {
    expect(headUnits(odd, 4)).toBe(`a${EMOJI}`);
    expect(headUnits(odd, 3)).toBe(`a${EMOJI}`);
    expect(headUnits('ab', 5)).toBe('ab');
  });
  it('clip (findings quoted in markdown and HTML), trimLabel (event labels) and quoteForMessage (errors)', () => {
    expect(clip(odd)).toBe(`a${EMOJI.repeat(44)}…`);
    expect(trimLabel(odd)).toBe(`a${EMOJI.repeat(29)}…`);
    expect(quoteForMessage(odd)).toBe(JSON.stringify(`a${EMOJI.repeat(19)}…`));
  });
});

describe('front matter with lone CR line ends (old Mac files)', () => {
  it('is read like LF front matter', () => {
    const fm = parseFrontMatter('---\rtitle: Protest turns violent\routlet: Daily Test\rdate: 2024-05-01\r---\rPolice said so.\r', 'cr.md');
    expect(fm).toEqual({
      span: { start: 0, end: 73 },
      meta: { title: 'Protest turns violent', outlet: 'Daily Test', author: null, date: '2024-05-01', url: null },
      extra: {},
    });
  });
  it('an error in it names the right line', () => {
    expect(() => parseFrontMatter('---\rtitle: A\rdate: soon\r---\rBody.\r', 'cr.md')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ file: 'cr.md', line: 3, found: '"soon"' }) }),
    );
  });
});
