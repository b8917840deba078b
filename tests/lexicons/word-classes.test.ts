/** Lexicons of kind `word-classes`: classes of single words an analysis consults (lexicons/attribution-words.yml). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findExampleFailures, loadLexicons, wordClass } from '../../src/lexicons/index.js';
import { analyseText } from '../../src/nlp/index.js';
import { analysedArticle as articleFrom } from '../helpers.js';

const head = (id: string) =>
  `id: ${id}\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: Test word classes.\nkind: word-classes\nsources:\n  - title: Test\nentries:\n`;

function userDir(yml: string): string {
  const d = mkdtempSync(join(tmpdir(), 'parallax-wc-'));
  writeFileSync(join(d, 'mine.yml'), yml);
  return d;
}

describe('word classes', () => {
  it('the bundled classes are loaded, never matched as phrases, and not categories to disable', () => {
    const lex = loadLexicons();
    expect([...wordClass(lex, 'honorific')]).toContain('mr.');
    expect(wordClass(lex, 'no-such-class').size).toBe(0);
    const { tokens } = analyseText('Mr. Smith said on Monday that the poll was wrong.', [{ start: 0, end: 49 }]);
    expect(lex.match({ tokens }, 'word-classes')).toEqual([]);
    expect(() => loadLexicons({ disable: ['word-class'] })).toThrow(/unknown category to disable/);
  });

  it('a user file extends a bundled class; one word may be in several classes', () => {
    const text = 'Everything suggests that the plan failed.';
    const before = findAttributions(articleFrom(text), loadLexicons());
    expect(before.map((d) => d.source?.text)).toEqual(['Everything']);
    const dir = userDir(
      `${head('mine')}  - id: not-a-source\n    phrases: [everything, on]\n    category: word-class\n    weight: 0\n    note: Pronouns that name no one.\n    examples:\n      match: ["Everything changed."]\n`,
    );
    const lex = loadLexicons({ dirs: [dir] });
    expect(wordClass(lex, 'not-a-source').has('everything')).toBe(true);
    expect(wordClass(lex, 'not-a-source').has('those')).toBe(true);
    expect(findAttributions(articleFrom(text), lex)).toEqual([]);
  });

  it('an example must hold a word of its class', () => {
    const entry = (match: string, nomatch: string) =>
      `${head('mine')}  - id: not-a-source\n    phrases: [everything]\n    category: word-class\n    weight: 0\n    note: n\n    examples:\n      match: ["${match}"]\n      nomatch: ["${nomatch}"]\n`;
    const good = loadLexicons({ dirs: [userDir(entry('Everything changed.', 'Nothing changed.'))] });
    expect(
      findExampleFailures(
        good,
        good.entries('word-classes').filter((e) => e.lexicon === 'mine'),
      ),
    ).toEqual([]);
    expect(() => loadLexicons({ dirs: [userDir(entry('Nothing changed.', 'Everything changed.'))] })).toThrow(
      /example "Nothing changed\." of entry "not-a-source" does not match it/,
    );
  });

  it('phrases of a word class are single words', () => {
    const yml = `${head('mine')}  - id: not-a-source\n    phrases: [every thing]\n    category: word-class\n    weight: 0\n    note: n\n`;
    expect(() => loadLexicons({ dirs: [userDir(yml)] })).toThrow(/invalid value "every thing"/);
  });
});
