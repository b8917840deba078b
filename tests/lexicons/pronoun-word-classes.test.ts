/**
 * The pronoun lists that decided attributions and unsourced sentences in code (#18 "rules as
 * data") are word classes of lexicons/attribution-words.yml: the writer (author-pronoun: I, we),
 * the reader (reader-pronoun: you), the writer's possessives, possessive determiners, third-person
 * pronouns by gender, the subject pronouns that carry a source on (source-pronoun) and the first
 * and second person (first-second-person); unsourced.ts's own refuse / decline is the class
 * refusal-verb. A user file extends each.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findUnsourced } from '../../src/analyses/unsourced.js';
import { type Lexicons, loadLexicons, wordClass } from '../../src/lexicons/index.js';
import { analysedArticle } from '../helpers.js';

const lex = loadLexicons();

/** A lexicon set with a user file of kind word-classes adding `words` to class `id`. */
function extended(id: string, words: string[], example: string): Lexicons {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pron-'));
  writeFileSync(
    join(dir, 'mine.yml'),
    'id: mine\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: Test.\nkind: word-classes\nsources:\n  - title: Test\nentries:\n' +
      `  - id: ${id}\n    phrases: [${words.join(', ')}]\n    category: word-class\n    weight: 0\n    note: Test class.\n    examples:\n      match: [${JSON.stringify(example)}]\n`,
  );
  return loadLexicons({ dirs: [dir] });
}

const attributions = (text: string, l: Lexicons) =>
  findAttributions(analysedArticle(text), l).map((a) => `${a.source?.text ?? '-'}|${a.cue.text}|${a.sourceType}${a.sourceName ? `|${a.sourceName}` : ''}`);

describe('pronoun word classes moved from the code', () => {
  it('hold the words the code held', () => {
    const ids = [
      'author-pronoun',
      'reader-pronoun',
      'author-possessive',
      'possessive-determiner',
      'third-person-pronoun',
      'male-pronoun',
      'female-pronoun',
      'source-pronoun',
      'first-second-person',
    ];
    expect(Object.fromEntries(ids.map((id) => [id, [...wordClass(lex, id)].sort()]))).toEqual({
      'author-pronoun': ['i', 'we'],
      'reader-pronoun': ['you'],
      'author-possessive': ['my', 'our'],
      'possessive-determiner': ['her', 'his', 'its', 'my', 'our', 'their', 'your'],
      'third-person-pronoun': ['he', 'her', 'him', 'his', 'it', 'its', 'she', 'their', 'them', 'they'],
      'male-pronoun': ['he', 'him', 'his'],
      'female-pronoun': ['her', 'she'],
      'source-pronoun': ['he', 'it', 'she', 'they'],
      'first-second-person': ['i', 'me', 'my', 'our', 'us', 'we', 'you', 'your'],
    });
  });

  it('decide sources: he / she forms resolve by gender, they stays unknown, the writer is self and no source of a cue', () => {
    const lines = [
      'Ms. Lee met Mr. Park on Monday. She said the deal was off.',
      'Ms. Lee met Mr. Park on Monday. He said the deal was off.',
      'Ms. Lee met Mr. Park on Monday. His claim that the deal was off surprised her.',
      'Ms. Lee met Mr. Park on Monday. They said the deal was off.',
      'We said the deal was off. You said the deal was off.',
      'Our claim that the deal was off stands.',
    ];
    expect(lines.map((t) => attributions(t, lex))).toEqual([
      ['She|said|unknown|Lee'],
      ['He|said|unknown|Park'],
      ['His|claim|unknown|Park'],
      ['They|said|unknown'],
      [],
      ['Our|claim|self'],
    ]);
  });

  it('a user file extends the reader and the source pronouns', () => {
    // generic "one" as the reader: the cue reports nobody
    const generic = 'One might say the plan failed.';
    expect(attributions(generic, lex)).toEqual(['One|say|unknown']);
    expect(attributions(generic, extended('reader-pronoun', ['one'], 'One might say so.'))).toEqual([]);
    // a subject pronoun with "also" after a quoted source goes on with that source
    const reasons = (text: string, l: Lexicons) => {
      const a = analysedArticle(text);
      return findUnsourced(a, findAttributions(a, l), l).map((u) => u.reason);
    };
    expect(reasons('“The border is open,” the ministry said. It also reopened the port on Monday.', lex)).toEqual(['continues-source']);
    const one = '“The border is open,” the ministry said. One also reopened the port on Monday.';
    expect(reasons(one, lex)).toEqual(['no-attribution']);
    expect(reasons(one, extended('source-pronoun', ['one'], 'One also said so.'))).toEqual(['continues-source']);
  });

  it('the unsourced analysis reads refusal-verb (by lemma) before a request for comment, and a user file extends it', () => {
    const reasons = (text: string, l: Lexicons) => {
      const a = analysedArticle(text);
      return findUnsourced(a, findAttributions(a, l), l).map((u) => u.reason);
    };
    const text = ['The firm declined requests for comment on Friday.', 'The firm ignored requests for comment on Friday.'];
    expect(text.map((t) => reasons(t, lex))).toEqual([[], ['no-attribution']]);
    expect(text.map((t) => reasons(t, extended('refusal-verb', ['ignore'], 'She ignored the question.')))).toEqual([[], []]);
  });
});
