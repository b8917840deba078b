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
import { DATASETS, HAS_DATASETS, runCli } from '../helpers.js';
import { analysePaths } from '../../src/pipeline.js';

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
    expect(a.notices).toEqual([
      "looks like French (fr); parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings",
    ]);
  });

  it('a Russian article gets a notice from its script', () => {
    const a = prepareArticle(write('ru.txt', RUSSIAN));
    expect(a.notices).toEqual([
      "mostly Cyrillic script (100% of letters are not Latin); parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings",
    ]);
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
      "    notice: looks like French (fr); parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings",
      "    notice: mostly Cyrillic script (100% of letters are not Latin); parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings",
    ]);
  });
});

describe('per-language policy: no English-only findings on an article known not to be English', () => {
  it('the French, Spanish and German saved pages get no finding, and their notices say why; an English page keeps its findings', () => {
    if (!HAS_DATASETS) {
      console.warn(`skipped: ${DATASETS} not found (the saved web pages of ../shared/datasets)`);
      return;
    }
    const page = (name: string) => join(DATASETS, 'web-pages', name, 'source.html');
    const report = analysePaths([page('lemonde-1'), page('la-nacion'), page('heise'), page('nytimes-1')]);
    const byPath = (name: string) => report.articles.find((a) => a.path === page(name))!;
    const findings = (name: string) => report.findings.filter((f) => f.article === byPath(name).id).length;
    const said = ", parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings";
    expect(['lemonde-1', 'la-nacion', 'heise'].map((n) => [n, byPath(n).notices, findings(n)])).toEqual([
      ['lemonde-1', [`looks like French (fr);${said.slice(1)}`], 0],
      ['la-nacion', [`looks like Spanish (es);${said.slice(1)}`], 0],
      ['heise', [`looks like German (de);${said.slice(1)}`], 0],
    ]);
    expect(byPath('nytimes-1').notices).toEqual([]);
    expect(findings('nytimes-1')).toBeGreaterThan(10);
  });
});
