import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeActors } from '../../src/analyses/actors.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import type { Finding } from '../../src/core/types.js';

const corpus = (name: string) => resolve(__dirname, '../../corpus', name);
const lex = loadLexicons();

describe('actor framing on the bundled corpus', () => {
  const paths = [
    'lavrov-african-tour.md',
    'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
    'starfolk-2025-04-03-russia-military-influence-west-africa.md',
  ].map(corpus);
  const report = analyseArticles(
    paths.map((p) => prepareArticle(p)),
    lex,
  );
  const actors = report.actors;
  const byId = new Map(actors.map((a) => [a.id, a]));

  it('is sorted by id and lists each actor per article', () => {
    expect(actors.map((a) => a.id)).toEqual([...actors.map((a) => a.id)].sort());
    expect(Object.keys(byId.get('wagner')!.articles).sort()).toEqual(['a2', 'a3']);
  });

  it('Wagner: "Kremlin-linked" and "mercenaries" in Starfolk, "mercenary forces" in Newsvoice', () => {
    const star = byId.get('wagner')!.articles['a3']!;
    expect(star.descriptors.slice(0, 2)).toEqual([
      { start: 1203, end: 1217, text: 'Kremlin-linked', kind: 'premodifier' },
      { start: 1231, end: 1242, text: 'mercenaries', kind: 'label' },
    ]);
    expect(star.mentions[0]).toEqual({ start: 1218, end: 1230, text: 'Wagner Group' });
    const news = byId.get('wagner')!.articles['a2']!;
    expect(news.descriptors).toEqual([{ start: 1264, end: 1280, text: 'mercenary forces', kind: 'label' }]);
  });

  it('Africa Corps: the appositive "a structure of the Russian Ministry of Defense"', () => {
    const a1 = byId.get('africa-corps')!.articles['a1']!;
    expect(a1.descriptors).toContainEqual({ start: 1033, end: 1079, text: 'a structure of the Russian Ministry of Defense', kind: 'appositive' });
    expect(report.articles[0]!.text.slice(1033, 1079)).toBe('a structure of the Russian Ministry of Defense');
  });

  it('Burkina Faso: the descriptor before the comma, "the President of Burkina Faso’s transition, Ibrahim Traoré,"', () => {
    const a1 = byId.get('burkina-faso')!.articles['a1']!;
    expect(a1.descriptors).toContainEqual({ start: 489, end: 531, text: 'the President of Burkina Faso’s transition', kind: 'appositive' });
    expect(report.articles[0]!.text.slice(531, 549)).toBe(', Ibrahim Traoré, ');
  });

  it('no premodifier from a verb the tagger took for a noun ("helping train Burkina Faso’s military") or from "other"', () => {
    const texts = [...byId.get('burkina-faso')!.articles['a2']!.descriptors, ...byId.get('the-west')!.articles['a2']!.descriptors].map((d) => d.text);
    expect(texts).not.toContain('train');
    expect(texts).not.toContain('other');
  });

  it('aliases match whole names: "the West" is not found inside "the West African nation" (Newsvoice) but "Western governments" is', () => {
    const west = byId.get('the-west')!.articles['a2']!.mentions;
    const text = report.articles[1]!.text;
    const at = text.indexOf('the West African nation');
    expect(at).toBeGreaterThan(0);
    expect(west.filter((m) => m.start === at)).toEqual([]);
    // "…supported the West." is the actor, as a whole name.
    expect(west.map((m) => m.text)).toEqual(expect.arrayContaining(['the West', 'Western governments']));
    const mentions = (t: string) =>
      describeActors([prepareArticleFromText(t)], [], lex).flatMap((a) => Object.values(a.articles).flatMap((p) => p.mentions.map((m) => [a.id, m.text])));
    expect(mentions('Troops left the West African state. The West said nothing.')).toEqual([['the-west', 'The West']]);
  });

  it('Lavrov is titled "Russian Foreign Minister"', () => {
    expect(byId.get('lavrov')!.articles['a1']!.descriptors[0]).toMatchObject({ text: 'Russian Foreign Minister', kind: 'title' });
  });

  it('tone: a pejorative label in the sentence pulls it down, and the score echoes it', () => {
    const star = byId.get('wagner')!.articles['a3']!;
    expect(star.toneSentences).toBe(3);
    expect(star.tone).toBeLessThan(0);
    expect((report.scores['a3'] as { actorTone: Record<string, number> }).actorTone['wagner']).toBe(star.tone);
  });

  it('tone is computed from AFINN and the findings (a label with no AFINN score adds −weight)', () => {
    const text = 'Russia sent mercenaries.';
    const article = prepareArticleFromText(text);
    const finding: Finding = {
      id: 'f1',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      start: 12,
      end: 23,
      text: 'mercenaries',
      category: 'label',
      lexicon: 'loaded-labels',
      entry: 'mercenary',
      weight: 2,
      rule: 'r',
      explanation: 'x',
    };
    const [russia] = describeActors([article], [finding], lex);
    // words: Russia, sent, mercenaries → (0 + 0 − 2) / 3
    expect(russia).toMatchObject({ id: 'russia', articles: { a1: { tone: -0.6667, toneSentences: 1 } } });
  });
});

describe('descriptors before a name and a comma', () => {
  const descriptors = (text: string) =>
    describeActors([prepareArticleFromText(text)], [], lex).map((a) => [a.id, a.articles['a1']!.descriptors.map((d) => [d.kind, d.text, d.start, d.end])]);

  it('a title phrase closed by the name and a comma is an appositive', () => {
    expect(descriptors("Russia's top diplomat, Sergei Lavrov, arrived in Bamako.")).toContainEqual([
      'lavrov',
      [['appositive', "Russia's top diplomat", 0, 21]],
    ]);
    expect(descriptors('The former colonial power, France, withdrew its troops.')).toEqual([['france', [['appositive', 'The former colonial power', 0, 25]]]]);
  });

  it('time adverbials, prepositional phrases and lists are not descriptors', () => {
    expect(descriptors('On Tuesday, Lavrov said the talks went well.')).toEqual([['lavrov', []]]);
    expect(descriptors('In the capital, Lavrov met students.')).toEqual([['lavrov', []]]);
    expect(descriptors('Last week, Russia, Mali and Niger signed a pact.').flatMap((x) => x[1] as unknown[])).toEqual([]);
  });
});

import type { AnalysedArticle } from '../../src/core/types.js';
import { analysedArticle } from '../helpers.js';
const prepareArticleFromText = (text: string): AnalysedArticle => analysedArticle(text, {}, 'x.txt');
