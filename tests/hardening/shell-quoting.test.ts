/**
 * The "Reproduce this report" command is meant to be pasted into a shell: every path and option
 * value in it must come back from a POSIX shell as the same single word (spaces, quotes, `$()`,
 * backticks, globs, newlines, a leading `-`).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { recordedCommand } from '../../src/commands/recorded-command.js';
import { shellWord } from '../../src/core/escape.js';

const HOSTILE = ['my articles/a.txt', "it's.md", 'x$(touch pwned).txt', 'a`id`.txt', 'b*.txt', 'two\nlines.txt', '-rf.txt', 'café.md', ''];

describe('the recorded command quotes its words for a POSIX shell', () => {
  it('leaves plain paths bare and quotes the rest, exactly', () => {
    expect(
      recordedCommand('parallax analyze', ['corpus', 'my articles/a.txt', "it's.md", '-rf.txt'], {
        lexicons: ['my lex'],
        outlets: { file: 'o $x.csv' },
        minConfidence: 0.5,
      }),
    ).toBe("parallax analyze corpus 'my articles/a.txt' 'it'\\''s.md' ./-rf.txt --lexicons 'my lex' --outlets 'o $x.csv' --min-confidence 0.5");
    expect(recordedCommand('parallax analyze', ['corpus/a-b_c.md', 'https://example.com/x?id=1'], {})).toBe(
      "parallax analyze corpus/a-b_c.md 'https://example.com/x?id=1'",
    );
  });

  it('a shell splits the quoted words back into the same words, running nothing', () => {
    const words = HOSTILE.map(shellWord).join(' ');
    const out = execFileSync('sh', ['-c', `for w in ${words}; do printf '%s\\0' "$w"; done`], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(HOSTILE.map((w) => (w.startsWith('-') ? `./${w}` : w)));
  });
});
