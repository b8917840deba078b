/**
 * escapeMarkdownInline returns text that needs no escaping as it is (a shortcut): the result is
 * always the one every replacement applied gives (escapeMarkdownInlineFully).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, escapeMarkdownInlineFully as reference } from '../../src/core/escape.js';

// Characters each replacement looks at, and plain letters, so that generated strings hit every branch.
const pieces = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\u0007',
  '\u009b',
  '\u202e',
  '\ufeff',
  '#',
  '+',
  '=',
  '-',
  '1',
  '12.',
  '3)',
  '.',
  ')',
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '|',
  '~',
  '$',
  '<',
  '>',
  '&',
  '@',
  ':',
  '/',
  '://',
  'www.',
  'WWW.',
  'xwww.',
  'a',
  'Word',
  'é',
  '“',
  '…',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

describe('escapeMarkdownInline', () => {
  it('gives what every replacement gives, at line start and mid-line', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, start) => escapeMarkdownInline(t, start) === reference(t, start)),
      { numRuns: 5000 },
    );
  });

  it('keeps plain text and escapes what would open structure', () => {
    expect(escapeMarkdownInline('Lavrov said the talks went well.')).toBe('Lavrov said the talks went well.');
    expect(escapeMarkdownInline('1. a *bold* [link](x) at www.example.com')).toBe('1\\. a \\*bold\\* \\[link\\](x) at www\\.example.com');
    expect(escapeMarkdownInline('  two  spaces\tand a tab', false)).toBe(' two spaces and a tab');
    expect(escapeMarkdownInline('# heading')).toBe('\\# heading');
    expect(escapeMarkdownInline('# mid-line', false)).toBe('# mid-line');
  });
});
