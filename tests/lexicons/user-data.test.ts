/**
 * User data extends the data files that have their own loaders (#18), with the mechanism of word
 * classes: a `word-classes` entry (`--lexicons DIR`) whose id is `<file id>.<field>` adds its words
 * to that list of lexicons/align/*.yml or lexicons/ingest/*.yml. Each test fails without the user file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/align/figures.js';
import { DEFAULT_ALIGN_OPTIONS, unitTerms } from '../../src/align/index.js';
import { vectorOf, weighting } from '../../src/align/similarity.js';
import { unitsOf } from '../../src/align/units.js';
import { prepareArticle } from '../../src/pipeline.js';
import { loadParaphrases, paraphrasesOf } from '../../src/align/paraphrases.js';
import type { AnalysedArticle } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { readSource, segment } from '../../src/ingest/index.js';
import { analysedArticle, REPO } from '../helpers.js';

const articleFrom = (text: string): AnalysedArticle => analysedArticle(text, { date: '2024-06-20' });

/** Lexicons with one user file of word classes: `[id, words, example sentence]`. */
function userLexicons(...classes: [string, string[], string][]) {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ud-'));
  const entries = classes.map(
    ([id, words, example]) =>
      `  - id: ${id}\n    phrases: ${JSON.stringify(words)}\n    category: word-class\n    weight: 0\n    note: Test.\n    examples:\n      match: [${JSON.stringify(example)}]\n`,
  );
  writeFileSync(
    join(dir, 'mine.yml'),
    `id: mine\nversion: 1.0.0\nlicense: CC-BY-4.0\ndescription: Test.\nkind: word-classes\nsources:\n  - title: Test\nentries:\n${entries.join('')}`,
  );
  return loadLexicons({ dirs: [dir] });
}

describe('user data extends the alignment data', () => {
  it('align-predicates: a currency word makes a sum of money', () => {
    const a = articleFrom('The council paid 300 shillings to the families of the victims.');
    const money = (l?: ReturnType<typeof loadLexicons>) => figuresOf(a, l).map((f) => [f.text, f.kind]);
    expect(money(loadLexicons())).toEqual([['300', 'count']]);
    expect(money(userLexicons(['align-predicates.currency-words', ['shillings'], 'They paid 300 shillings.']))).toEqual([['300 shillings', 'money']]);
  });

  it('align-time: a weekday word joins the date after it', () => {
    const a = articleFrom('The talks ended on Feiertag June 5, 2024 in the capital.');
    const dates = (l: ReturnType<typeof loadLexicons>) =>
      figuresOf(a, l)
        .filter((f) => f.kind === 'date')
        .map((f) => f.text);
    expect(dates(loadLexicons())).toEqual(['June 5, 2024']);
    expect(dates(userLexicons(['align-time.weekdays', ['feiertag'], 'They met on Feiertag.']))).toEqual(['Feiertag June 5, 2024']);
  });

  it('align-paraphrases: a new set joins its words', () => {
    const a = articleFrom('The ceasefire held.');
    const sets = (l: ReturnType<typeof loadLexicons>) => paraphrasesOf(loadParaphrases(l), a.tokens, 0, a.tokens.length).map((h) => h.set);
    expect(sets(loadLexicons())).toEqual([]);
    expect(sets(userLexicons(['align-paraphrases.sets.truce', ['truce', 'ceasefire', 'armistice'], 'The truce held.']))).toEqual(['truce']);
  });

  it('align-terms: a stop word of the user drops its term and raises the weight of the others', () => {
    // The headline of a bundled article: "During his African tour, Sergei Lavrov announced an increase …".
    const headline = (l: ReturnType<typeof loadLexicons>) => {
      const a = prepareArticle(join(REPO, 'corpus', 'lavrov-african-tour.md'), {}, l);
      const hits = unitTerms(a, unitsOf(a), l, DEFAULT_ALIGN_OPTIONS, null);
      const v = vectorOf(hits[0]!, weighting(hits));
      return new Map(v.terms.map((t, k) => [t, v.weights[k]!]));
    };
    const bundled = headline(loadLexicons());
    expect(bundled.get('announc')).toBeCloseTo(0.447217, 6);
    expect(bundled.get('tour')).toBeCloseTo(0.348334, 6);
    const user = headline(userLexicons(['align-terms.stop-words', ['announced'], 'The ministry announced the talks.']));
    expect(user.has('announc')).toBe(false);
    expect(user.get('tour')).toBeCloseTo(0.38945, 6);
  });

  it('a class naming no list of the file is refused', () => {
    expect(() => loadParaphrases(userLexicons(['align-paraphrases.sets.die.nothing', ['perish'], 'They perish.']))).toThrow(
      /names no list of align-paraphrases/,
    );
  });
});

describe('user data extends the ingest cues', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ud-a-'));
  const article = (name: string, extra: string) => {
    const path = join(dir, name);
    const prose =
      'The finance minister presented the budget to parliament on Tuesday, promising to cut spending on roads.\n\nOpposition members said the plan would hurt the poorest regions, and asked for a vote before the summer.\n\nThe debate is expected to continue next week, when the committee meets again to discuss the figures.';
    writeFileSync(path, `${prose}\n\n${extra}\n`);
    return path;
  };
  const boilerplate = (path: string, l: ReturnType<typeof loadLexicons>) =>
    segment(readSource(path, { lexicons: l }), l).boilerplate.map((b) => [b.text, b.reason]);

  it('ingest-boilerplate: a reprint note of the user is boilerplate', () => {
    const path = article('reprint.txt', 'This piece ran first in the Sahel Weekly.');
    expect(boilerplate(path, loadLexicons())).toEqual([]);
    const l = userLexicons(['ingest-boilerplate.reprint-notes', ['this piece ran first'], 'This piece ran first in the Courier.']);
    expect(boilerplate(path, l)).toEqual([['This piece ran first in the Sahel Weekly.', 'publication-stamp']]);
  });

  it('ingest-function-words: words added to a language make a line foreign', () => {
    const path = article('foreign.txt', 'Läs fler nyheter idag snabbt');
    expect(boilerplate(path, loadLexicons())).toEqual([]);
    const l = userLexicons(['ingest-function-words.languages.sv', ['läs', 'fler', 'idag'], 'Läs fler idag.']);
    expect(boilerplate(path, l)).toEqual([['Läs fler nyheter idag snabbt', 'foreign-language']]);
  });
});
