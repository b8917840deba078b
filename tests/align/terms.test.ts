/**
 * Index terms leave out the stop words of lexicons/align/terms.yml (with natural's list): the
 * file's examples give their terms exactly, and a file without its list is refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadTermLexicon, parseTermLexicon, termsOf, TERMS_FILE } from '../../src/align/terms.js';
import { analysedArticle } from '../helpers.js';

describe('align-terms stop words', () => {
  const data = parse(readFileSync(TERMS_FILE, 'utf8')) as { stop_words: { words: string[]; examples: { text: string; terms: string[] }[] } };

  it.each(data.stop_words.examples.map((e) => [e.text, e.terms]))('%s → %j', (text, terms) => {
    const a = analysedArticle(text);
    expect(termsOf(a.tokens, 0, a.tokens.length, loadTermLexicon()).map((h) => h.term)).toEqual(terms);
  });

  it('holds the file words and natural’s', () => {
    const { stop } = loadTermLexicon();
    for (const w of ['said', 'people', "'s", 'the', 'of']) expect(stop.has(w)).toBe(true);
    expect(stop.has('minister')).toBe(false);
  });

  it('refuses a file without stop_words.words', () => {
    const raw = readFileSync(TERMS_FILE, 'utf8').replace(/^stop_words:/m, 'stopwords:');
    expect(() => parseTermLexicon(raw)).toThrow(/stop_words\.words/);
  });
});
