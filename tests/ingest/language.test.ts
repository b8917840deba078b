/**
 * Articles that are not English: detected on the whole text, analysed (their lines are not
 * marked as foreign-language boilerplate) and given a notice that the CLI summary prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleLanguage } from '../../src/ingest/boilerplate.js';
import { prepareArticle } from '../../src/pipeline.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRENCH = `La Russie renforce sa présence militaire au Sahel

Le ministre des Affaires étrangères a déclaré mardi que les troupes étaient arrivées dans la capitale pour une mission de formation.

Selon les autorités locales, plus de mille soldats ont été déployés dans la région depuis le début de l'année, et la situation reste tendue.

Les partenaires européens ont exprimé leur inquiétude, mais le gouvernement a affirmé que cette coopération était dans l'intérêt du pays.
`;

const RUSSIAN = `Россия расширяет военное присутствие в Западной Африке

Министр иностранных дел заявил во вторник, что войска прибыли в столицу для проведения учебной миссии.

По словам местных властей, с начала года в регион было направлено более тысячи военнослужащих, и ситуация остаётся напряжённой.
`;

const ENGLISH = `Russia expands its military presence in the Sahel

The foreign minister said on Tuesday that the troops had arrived in the capital for a training mission.

According to local officials, more than a thousand soldiers have been deployed in the region since the start of the year.

Photo : le ministre des Affaires étrangères à son arrivée dans la capitale
`;

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('article language', () => {
  it('a French article is analysed, its paragraphs are not foreign-language boilerplate, and it gets a notice', () => {
    const a = prepareArticle(write('fr.txt', FRENCH));
    expect(a.boilerplate.filter((b) => b.reason === 'foreign-language')).toEqual([]);
    expect(a.body).toEqual([{ start: 0, end: FRENCH.length - 1 }]);
    expect(a.notices).toEqual(["looks like French (fr); parallax's lexicons are English, so few findings are expected"]);
  });

  it('a Russian article gets a notice from its script', () => {
    const a = prepareArticle(write('ru.txt', RUSSIAN));
    expect(a.notices).toEqual(["mostly Cyrillic script (100% of letters are not Latin); parallax's lexicons are English, so few findings are expected"]);
    expect(a.body).toEqual([{ start: 0, end: RUSSIAN.length - 1 }]);
  });

  it('an English article with one French caption line: no notice, the caption line is still foreign-language boilerplate', () => {
    const a = prepareArticle(write('en.txt', ENGLISH));
    expect(a.notices).toEqual([]);
    expect(a.boilerplate.map((b) => [b.reason, b.text])).toEqual([['caption', 'Photo : le ministre des Affaires étrangères à son arrivée dans la capitale']]);
    expect(articleLanguage(['Le ministre a déclaré que les troupes sont arrivées dans la capitale.'])).toBeNull(); // fewer than 20 words: undecided
  });

  it('the CLI summary prints the notices', () => {
    const r = runCli(['analyze', 'fr.txt', 'ru.txt', '--json', 'out.json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const notices = r.stdout.split('\n').filter((l) => l.includes('notice:'));
    expect(notices).toEqual([
      "    notice: looks like French (fr); parallax's lexicons are English, so few findings are expected",
      "    notice: mostly Cyrillic script (100% of letters are not Latin); parallax's lexicons are English, so few findings are expected",
    ]);
  });
});
