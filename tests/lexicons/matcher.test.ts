/** The phrase matcher's noun/verb reading of a word the tagger calls a noun (src/lexicons/matcher.ts). */
import { describe, expect, it } from 'vitest';
import { PhraseMatcher, type CompiledPhrase } from '../../src/lexicons/matcher.js';
import { analyseText } from '../../src/nlp/index.js';

function matches(text: string, words: string[], pos: string[]): string[] {
  const m = new PhraseMatcher<string>();
  const phrase: CompiledPhrase<string> = { entry: words.join(' '), words, exact: false, pos: new Set(pos) };
  m.add(phrase);
  const { tokens } = analyseText(text, [{ start: 0, end: text.length }]);
  return m.match(tokens).map((f) => text.slice(tokens[f.tokenStart]!.start, tokens[f.tokenEnd - 1]!.end));
}

describe('a noun the tagger may read as a verb', () => {
  it('a noun-only entry matches a noun after "one" before ": that" (one takes "says", so this is no verb)', () => {
    expect(matches('There is one possibility: that the deal will collapse.', ['possibility'], ['NOUN'])).toEqual(['possibility']);
  });
  it('a count of people before a base form is still a subject and verb (nine out of 10 say)', () => {
    expect(matches('Nearly nine out of 10 say that the deal will collapse.', ['say'], ['VERB'])).toEqual(['say']);
    expect(matches('Nearly nine out of 10 say that the deal will collapse.', ['say'], ['NOUN'])).toEqual([]);
  });
});

describe('a plural noun before a relative clause', () => {
  it('"notes that were found" is the noun notes, "notes that the deal" the verb', () => {
    expect(matches('The report notes that were found in the desk are old.', ['note'], ['VERB'])).toEqual([]);
    expect(matches('The report notes that the deal will collapse.', ['note'], ['VERB'])).toEqual(['notes']);
  });
});
