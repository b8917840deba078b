/**
 * Boilerplate detection and metadata inference: the bundled corpus comes out exactly as
 * expected, each cue works on lines that are not from the corpus, and prose is left alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource, segment } from '../../src/ingest/index.js';
import { analyseBoilerplate } from '../../src/ingest/boilerplate.js';
import type { SourceDocument } from '../../src/core/types.js';
import { REPO } from '../helpers.js';

const corpus = (name: string) => resolve(REPO, 'corpus', name);
const NEWSVOICE = 'newsvoice-2024-06-21-burkina-faso-russian-assistance.md';
const STARFOLK = 'starfolk-2025-04-03-russia-military-influence-west-africa.md';
const LAVROV = 'lavrov-african-tour.md';

const detected = (path: string) =>
  segment(readSource(path))
    .boilerplate.filter((b) => b.reason !== 'front-matter')
    .map((b) => [b.reason, b.text]);

const EMPTY_META = { title: null, outlet: null, author: null, date: null, url: null };
function txtDoc(text: string): SourceDocument {
  return { path: 'x.txt', format: 'txt', text, meta: { ...EMPTY_META }, content: [{ start: 0, end: text.length }], excluded: [] };
}
/** The reason given to the line `line` of an article made of a title, that line and prose. */
function reasonOf(line: string, where: 'top' | 'middle' | 'bottom' = 'top'): string | null {
  const prose = [
    'The government announced on Tuesday that it would extend the programme for another year.',
    'Officials said the decision followed months of talks with regional partners and donors.',
    'Critics argued that the plan lacked funding and clear goals for the coming decade.',
    'The ministry did not respond to a request for comment before publication.',
    'Analysts expect the parliament to vote on the measure before the summer recess.',
  ];
  const lines =
    where === 'top'
      ? ['A Title For The Test Article', line, ...prose]
      : where === 'middle'
        ? ['A Title For The Test Article', ...prose, ...prose.slice(0, 2), line, ...prose]
        : ['A Title For The Test Article', ...prose, line];
  const text = lines.join('\n\n') + '\n';
  const { spans } = analyseBoilerplate(txtDoc(text));
  const hit = spans.find((s) => s.text === line.trim());
  expect(spans.filter((s) => s.text !== line.trim())).toEqual([]); // no prose flagged
  return hit ? hit.reason : null;
}

describe('bundled corpus', () => {
  it('Newsvoice: blurb with donation prompt, Swedish stamp, byline, captions, prompt, tags', () => {
    const got = detected(corpus(NEWSVOICE));
    expect(got.map(([r]) => r)).toEqual(['donation-prompt', 'publication-stamp', 'byline', 'caption', 'caption', 'donation-prompt', 'tags']);
    expect(got[0]![1]).toMatch(
      /^Baya Osborn Osborn Baya \(X\.com and Policurate\.com\) from Kenya writes about .* Feel free to support Baya on PayPal or Buymeacoffee\.$/,
    );
    expect(got.slice(1).map(([, t]) => t)).toEqual([
      'publicerad 21 juni 2024',
      '- Osborn Baya',
      'Wagnergruppen i Afrika, september 2023. Foto: Wagner PMC, Telegram',
      'Wagnergruppen i Afrika, september 2023.',
      'Du kan stötta Newsvoice via MediaLinq',
      'Tags: Burkina Faso',
    ]);
  });

  it('Starfolk: two byline lines, stamp, repeated title, related posts, copyright', () => {
    expect(detected(corpus(STARFOLK))).toEqual([
      ['byline', 'Alexis Rowe'],
      ['byline', 'Alexis Rowe'],
      ['publication-stamp', 'April 03, 2025 · 3 min read'],
      ['repeated-title', 'Russia Expands Military Influence in West Africa with Arms and Training for Mali, Niger, and Burkina Faso'],
      ['related-links', 'Similiar Posts'],
      ['copyright', 'Copyright © 2024 Starfolk. All rights reserved.'],
    ]);
  });

  it('Lavrov tour: no boilerplate besides the front matter', () => {
    expect(detected(corpus(LAVROV))).toEqual([]);
  });

  it('prose that looks a little like furniture stays prose', () => {
    const doc = readSource(corpus(NEWSVOICE));
    const { body } = segment(doc);
    const inBody = (line: string) => {
      const start = doc.text.indexOf(line);
      expect(start).toBeGreaterThan(0);
      return body.some((b) => b.start <= start && start + line.length <= b.end);
    };
    expect(doc.text.slice(body[0]!.start, body[0]!.end)).toBe('Burkina Faso To Receive Further Russian Military Assistance and Instructors');
    expect(inBody('In a recent article I stated on 9 th October 2023 Burkina Faso’s Security is a Priority, not Elections:')).toBe(true);
    expect(inBody('Burkinabe’s Spiralling Security and Significant Assistance offered by Wagner')).toBe(true);
  });

  it('every span has a rule naming the cue', () => {
    for (const name of [NEWSVOICE, STARFOLK]) {
      for (const b of segment(readSource(corpus(name))).boilerplate) expect(b.rule).toMatch(/\S/);
    }
  });
});

describe('metadata inferred from the text of .txt files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-meta-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The corpus file without its front matter, as a .txt file (the original seed text). */
  const asTxt = (name: string) => {
    const text = readFileSync(corpus(name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const path = join(dir, name.replace(/\.md$/, '.txt'));
    writeFileSync(path, text);
    return path;
  };

  it('Newsvoice: title, author from the byline, date from the Swedish stamp, outlet from the prompt', () => {
    expect(segment(readSource(asTxt(NEWSVOICE))).meta).toEqual({
      title: 'Burkina Faso To Receive Further Russian Military Assistance and Instructors',
      outlet: 'Newsvoice',
      author: 'Osborn Baya',
      date: '2024-06-21',
      url: null,
    });
  });

  it('Starfolk: author from the name line, date from the stamp, outlet from the copyright line', () => {
    const meta = segment(readSource(asTxt(STARFOLK))).meta;
    expect(meta).toEqual({
      title: 'Russia Expands Military Influence in West Africa with Arms and Training for Mali, Niger, and Burkina Faso',
      outlet: 'Starfolk',
      author: 'Alexis Rowe',
      date: '2025-04-03',
      url: null,
    });
  });

  it('front matter wins over what the text says', () => {
    const path = join(dir, 'fm.md');
    writeFileSync(
      path,
      '---\ntitle: Given Title\nauthor: Given Author\ndate: 2020-01-02\n---\nAnother Title\n\nBy Jane Doe\n\nPublished March 3, 2021\n\nThe text of the article goes here, long enough to be prose.\n',
    );
    const meta = segment(readSource(path)).meta;
    expect(meta).toEqual({ title: 'Given Title', outlet: null, author: 'Given Author', date: '2020-01-02', url: null });
  });
});

describe('general cues (lines not from the corpus)', () => {
  it.each([
    ['By Jane Doe and John Roe, Reuters', 'byline'],
    ['— Maria Svensson', 'byline'],
    ['Written by: Pierre Dupont', 'byline'],
    ['Published 12 March 2024, 14:05', 'publication-stamp'],
    ['Veröffentlicht am 3. März 2024', 'publication-stamp'],
    ['Publié le 5 juin 2024 à 10h', 'publication-stamp'],
    ['Updated: 2024-06-21 09:30 UTC', 'publication-stamp'],
    ['5 min read', 'publication-stamp'],
    ['Share this article', 'share-prompt'],
    ['Facebook Twitter LinkedIn Email', 'share-prompt'],
    ['Subscribe to our newsletter for daily updates', 'share-prompt'],
    ['Photo: Reuters/John Smith', 'caption'],
    ['Soldiers on patrol near the border. (AP Photo/Jane Roe)', 'caption'],
    ['Getty Images/AFP', 'photo-credit'],
    ['Vote for the bill today! pic.twitter.com/abc123 — Jane Roe (@janeroe) December 4, 2017', 'social-embed'],
    ['The senator is right about this one. – John Q. Public (@jqp_news) March 3, 2016', 'social-embed'],
    ['<post id="7">The mayor is wrong here.https://t.co/x1y2 — Jane Roe (@janeroe) May 2, 2016</post>.', 'social-embed'],
    ['Related articles:', 'related-links'],
    ['Read more: Mali expels French ambassador', 'related-links'],
    ['Läs också', 'related-links'],
    ['© 2023 Example News Ltd', 'copyright'],
    ['Filed under: Africa, Security', 'tags'],
    ['Support us on Patreon', 'donation-prompt'],
    ['Buy Me a Coffee to keep this site running', 'donation-prompt'],
    ['Die Regierung hat am Montag die neuen Regeln für den Export von Waffen vorgestellt', 'foreign-language'],
    ['Le gouvernement a présenté les nouvelles règles pour les exportations', 'foreign-language'],
  ])('%j near the top → %s', (line, reason) => {
    expect(reasonOf(line)).toBe(reason);
  });

  it.each([
    ['Jane Doe writes about defence and security in the Baltic region for several outlets.', 'author-bio'],
    ['Jane Doe is a freelance journalist based in Dakar.', 'author-bio'],
    ['Follow Jane Doe on Twitter @janedoe.', 'author-bio'],
    ['John Roe contributed reporting from Bamako.', 'byline'],
    ['This article has been updated to include a statement from the ministry.', 'publication-stamp'],
  ])('%j at the end → %s', (line, reason) => {
    expect(reasonOf(line, 'bottom')).toBe(reason);
  });

  it.each([
    ['Heba Habib contributed to this report.', 'byline'],
    ['Jane Roe and John Doe contributed reporting.', 'byline'],
    ['This article originally appeared on The Atlantic.', 'publication-stamp'],
    ['This story was reprinted on Wired.com.', 'publication-stamp'],
    ['Republished with permission.', 'publication-stamp'],
  ])('%j in the middle of the article → %s', (line, reason) => {
    expect(reasonOf(line, 'middle')).toBe(reason);
  });

  it.each([
    'Two agencies contributed to this report, the ministry said on Monday evening in a statement.',
    'This article originally appeared to settle the matter, but the court disagreed.',
    'Local police contributed to the investigation that led to the arrests.',
  ])('prose in the middle stays prose: %j', (line) => {
    expect(reasonOf(line, 'middle')).toBeNull();
  });

  it.each([
    'By 2030, the government expects the army to double in size, officials said.',
    'Russia will support Mali via new training programmes, the minister said.',
    '"She has committed no crime except to follow me on Twitter," he said.',
    'The photo shows soldiers in Bamako; the image was shared widely on Friday.',
    'Analysts in Paris said the French plan would share costs with European partners.',
    '"No, no, no, no," he said, laughing.',
    'Security in the Sahel',
    'The minister, who is a former journalist, said the law would pass.',
    'On June 21, 2024, the army announced a new offensive in the north.',
  ])('prose stays prose: %j', (line) => {
    expect(reasonOf(line)).toBeNull();
  });
});
