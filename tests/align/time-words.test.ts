/**
 * The time and predicate words the alignment decides with are data (#18): weekdays, present forms of "be",
 * "then" after "since" (lexicons/align/time.yml), the copula and the clause and figure words
 * (lexicons/align/predicates.yml), not code lists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPredicates, parsePredicates, PREDICATES_FILE } from '../../src/align/predicates.js';
import { loadTimeLexicon, parseTimeLexicon, TIME_FILE } from '../../src/align/time.js';

describe('align time words', () => {
  it('are read from lexicons/align/time.yml', () => {
    const lex = loadTimeLexicon();
    expect([...lex.weekdays]).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    expect([...lex.presentBe]).toEqual(['is', 'are', 'am', "'re", "'m"]);
    expect([...lex.anaphoricThen]).toEqual(['then']);
  });

  it('a time file without them is refused, naming the field', () => {
    const raw = readFileSync(TIME_FILE, 'utf8').replace(/^weekdays:.*\n/m, '');
    expect(() => parseTimeLexicon(raw)).toThrow(/bad weekdays/);
  });
});

describe('align predicate words', () => {
  it('the copula before a predicative adjective is read from lexicons/align/predicates.yml', () => {
    expect([...loadPredicates().copula]).toEqual([
      'is',
      'are',
      'was',
      'were',
      'be',
      'been',
      'being',
      'am',
      'become',
      'became',
      'becomes',
      'remain',
      'remains',
      'remained',
    ]);
  });

  it('the clause and figure words are read from lexicons/align/predicates.yml', () => {
    const lex = loadPredicates();
    expect([...lex.clauseConjunctions]).toEqual(['and', 'but', 'while', 'whereas', 'yet', 'as']);
    expect([...lex.relativeWords]).toEqual(['where', 'which', 'who', 'whom', 'whose', 'that', 'when']);
    expect([...lex.subordinators]).toEqual(['where', 'which', 'who', 'when', 'while', 'whom', 'whose']);
    expect([...lex.genericCounted]).toEqual(['people', 'person', 'persons', 'men', 'women', 'civilians', 'individuals']);
    expect(lex.figureQualifiers.has('approximately') && lex.figureQualifiers.has('least')).toBe(true);
    expect([...lex.currencyWords]).toEqual(['dollars', 'dollar', 'euros', 'euro', 'pounds', 'rubles', 'roubles', 'yuan', 'francs', 'cfa']);
  });

  it('a predicate file without one of them is refused, naming the field', () => {
    const raw = readFileSync(PREDICATES_FILE, 'utf8').replace(/^currency_words:\n.*\n.*\n/m, '');
    expect(() => parsePredicates(raw)).toThrow(/currency_words\.words must be a list/);
  });
});
