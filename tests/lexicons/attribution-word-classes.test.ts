/**
 * The attribution's small decision word lists (#18 "rules as data"): relative pronouns, time words
 * after a time noun, links inside a time phrase, prepositions joining a head noun, passive
 * complements and one-word empty contents are classes of lexicons/attribution-words.yml, and a
 * user file extends them like any other class.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findUnsourced } from '../../src/analyses/unsourced.js';
import { loadLexicons, wordClass } from '../../src/lexicons/index.js';
import { analysedArticle as articleFrom } from '../helpers.js';

const lex = loadLexicons();

describe('attribution word classes moved from the code', () => {
  it('hold the words the code held', () => {
    const classes = Object.fromEntries(
      [
        'relative-pronoun',
        'relative-subject',
        'aside-relative',
        'time-after-noun',
        'time-phrase-link',
        'head-preposition',
        'passive-complement',
        'empty-content',
      ].map((id) => [id, [...wordClass(lex, id)].sort()]),
    );
    expect(classes).toEqual({
      'relative-pronoun': ['that', 'which', 'who', 'whom', 'whose'],
      'relative-subject': ['that', 'which', 'who'],
      'aside-relative': ['where', 'which', 'who', 'whose'],
      'time-after-noun': ['ago', 'earlier', 'later'],
      'time-phrase-link': ['a', 'during', 'in', 'the'],
      'head-preposition': ['at', 'for', 'from', 'in', 'of', 'on'], // 'from' added in attribution round 10 ('officials from both parties')
      'passive-complement': ['that', 'to'],
      'empty-content': ['a', 'an', 'it', 'that', 'the', 'these', 'this', 'those'],
    });
  });

  it('decide: a report of one empty word has no content, and a user file adds one', () => {
    const text = 'The minister denied it. The minister denied them.';
    const content = (l: typeof lex) => findAttributions(articleFrom(text), l).map((d) => d.content?.text ?? null);
    expect(content(lex)).toEqual([null, 'them']);
    const dir = mkdtempSync(join(tmpdir(), 'parallax-wc-'));
    writeFileSync(
      join(dir, 'mine.yml'),
      'id: mine\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: Test.\nkind: word-classes\nsources:\n  - title: Test\nentries:\n' +
        '  - id: empty-content\n    phrases: [them]\n    category: word-class\n    weight: 0\n    note: A pronoun reports nothing.\n    examples:\n      match: ["She denied them."]\n',
    );
    expect(content(loadLexicons({ dirs: [dir] }))).toEqual([null, null]);
  });

  it('the unsourced analysis reads subordinate-opener and verb-negator, and a user file extends them', () => {
    const texts = [
      'The senator targeted the agency for its delays.',
      'The senator never targeted the agency for its delays.',
      'The senator hardly targeted the agency for its delays.',
      'These are the years when the senator targeted the agency for its delays.',
      'These are the years once the senator targeted the agency for its delays.',
    ];
    const reasons = (l: typeof lex) =>
      texts.map((t) => {
        const a = articleFrom(t);
        return findUnsourced(a, findAttributions(a, l), l).map((u) => u.reason);
      });
    // a presenting verb in the main clause takes the sentence out of the article's voice; negated or in a subordinate clause it does not
    expect(reasons(lex)).toEqual([[], ['no-attribution'], [], ['no-attribution'], []]);
    expect([...wordClass(lex, 'verb-negator')].sort()).toEqual(["n't", 'never', 'no', 'not']);
    const dir = mkdtempSync(join(tmpdir(), 'parallax-wc-'));
    writeFileSync(
      join(dir, 'mine.yml'),
      'id: mine\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: Test.\nkind: word-classes\nsources:\n  - title: Test\nentries:\n' +
        '  - id: verb-negator\n    phrases: [hardly]\n    category: word-class\n    weight: 0\n    note: Hardly negates.\n    examples:\n      match: ["She hardly said so."]\n' +
        '  - id: subordinate-opener\n    phrases: [once]\n    category: word-class\n    weight: 0\n    note: Once opens a clause.\n    examples:\n      match: ["Once he spoke, she left."]\n',
    );
    expect(reasons(loadLexicons({ dirs: [dir] }))).toEqual([[], ['no-attribution'], ['no-attribution'], ['no-attribution'], ['no-attribution']]);
  });
});
