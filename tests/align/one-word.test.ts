/**
 * The attach step does not count a pair whose only shared content is its predicate word itself
 * (one stem, with its paraphrase set; no name, figure or quotation shared): tests/cases/small's
 * headline *Council's failure leaves harbour under water* shares only *water* with the fire chief's
 * quotation *"The water rose faster than anyone expected"*, and at attach 0.1 (both ECB+ folds' pick)
 * it joined that quotation's event without the guard — two happenings in one event. Issue #15,
 * round 14 (README "Evaluation").
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../src/core/types.js';
import { prepareArticle } from '../../src/pipeline.js';
import { alignArticles, buildModel, DEFAULT_ALIGN_OPTIONS, type Alignment } from '../../src/align/index.js';
import { loadLexicons, type Lexicons } from '../../src/lexicons/index.js';

const DIR = resolve(__dirname, '../cases/small/articles');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const HEADLINE = "Council's failure leaves harbour under water";
const QUOTE = '"The water rose faster than anyone expected,"';

let articles: AnalysedArticle[];
let lexicons: Lexicons;

beforeAll(() => {
  articles = FILES.map((f, i) => {
    const a = prepareArticle(join(DIR, f));
    a.id = `a${i + 1}`;
    return a;
  });
  lexicons = loadLexicons();
});

/** Events holding a mention whose text starts with `snippet`. */
const eventsOf = (al: Alignment, snippet: string) =>
  al.events.filter((e) =>
    e.mentions.some((m) =>
      articles
        .find((a) => a.id === m.article)!
        .text.slice(m.start)
        .startsWith(snippet),
    ),
  );

describe('one shared word does not join a sentence to an event', () => {
  it('defaults: link 0.4, merge 0.2, attach 0.1 (the even ECB+ fold pick; both folds pick merge 0.2 and attach 0.1) with the guard on', () => {
    expect(DEFAULT_ALIGN_OPTIONS).toMatchObject({ link: 0.4, merge: 0.2, attach: 0.1, oneWord: true });
  });

  it('the headline and the quotation share only the word "water", which is also the matched predicate', () => {
    const model = buildModel(articles, lexicons, DEFAULT_ALIGN_OPTIONS);
    const text = (k: number) => articles.find((a) => a.id === model.units[k]!.article)!.text.slice(model.units[k]!.start);
    const h = model.units.findIndex((_, k) => text(k).startsWith(HEADLINE));
    const quotes = model.units.map((_, k) => k).filter((k) => text(k).startsWith(QUOTE) && model.units[k]!.article !== model.units[h]!.article);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(quotes.length).toBe(1);
    const s = model.score(h, quotes[0]!);
    expect(s.shared).toEqual(['water']);
    expect(s.entities).toEqual([]);
    expect(s.predicate).toMatchObject({ a: { word: 'water' }, b: { word: 'water' }, how: 'stem' });
    expect(s.score).toBeGreaterThan(DEFAULT_ALIGN_OPTIONS.attach);
  });

  it('keeps the headline out of the quotation event at the defaults; without the guard it enters', () => {
    const guarded = alignArticles(articles, [], lexicons);
    const quoteEvents = eventsOf(guarded, QUOTE).filter((e) => e.articles.length === 3);
    expect(quoteEvents.length).toBe(1);
    expect(eventsOf(guarded, HEADLINE).map((e) => e.articles)).toEqual([['a1']]);
    const open = alignArticles(articles, [], lexicons, { oneWord: false });
    const joined = eventsOf(open, HEADLINE).filter((e) => eventsOf(open, QUOTE).includes(e));
    expect(joined.length).toBe(1);
  });
});
