/**
 * The report browser rendered with ink-testing-library at fixed widths (colourless theme, so
 * frames are exact text). Given the fixture report, when keys are pressed, then the frame shows…
 */
import { afterEach, describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/components/app/view.js';
import { createTheme } from '../../src/ui/theme.js';
import { textWidth } from '../../src/ui/text.js';
import { evidenceReport, fixtureReport } from './fixture.js';
import { Loading } from '../../src/ui/components/loading/view.js';
import { loadingLines } from '../../src/ui/start-frame.js';
import { plainText } from '../../src/ui/text.js';
import { resolve } from 'node:path';
import { analysePaths } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 60));
let unmount: (() => void) | null = null;
afterEach(() => unmount?.());

async function open(width: number, height: number, keys: string[] = [], exportMarkdown = () => 'reports/fixture.md', report = fixtureReport()) {
  const r = render(<App report={report} theme={createTheme(false)} exportMarkdown={exportMarkdown} width={width} height={height} />);
  unmount = r.unmount;
  await tick();
  for (const k of keys) {
    r.stdin.write(k);
    await tick();
  }
  return r;
}

const lines = (frame: string | undefined) => (frame ?? '').split('\n');
const TAB = '\t';
const ENTER = '\r';

describe('report browser', () => {
  test('overview at 80 columns: outlets, headline scores, category bars side by side', async () => {
    const r = await open(80, 14);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '› Daily Bugle  Troops arrive',
      '    2024-06-05 · 22 words · 2 loaded · 1 attribution · 1 unsourced · load 4.5 ·',
      '    unsourced share 25% · non-neutral cues 0%',
      '  Sahel Wire  Instructors land',
      '    2024-06-05 · 17 words · 0 loaded · 1 attribution · 1 unsourced · load 0 ·',
      '    unsourced share 50% · non-neutral cues 0% · omits 1 shared event',
      '',
      '  per 1k tokens    Daily Bugle                   Sahel Wire',
      '  emotive          ████████████████████ 40       ···················· 0',
      '  label            ██████████·········· 20       ···················· 0',
      '',
      '',
      'filter: all · ? help · q quit',
    ]);
  });

  test('overview of one article says there is nothing to compare (journeys21: "0 shared" with no hint); two articles do not', async () => {
    const one = analysePaths([resolve(REPO, 'corpus/newsvoice-2024-06-21-burkina-faso-russian-assistance.md')]);
    const r = await open(60, 12, [], undefined, one);
    expect(lines(r.lastFrame()).slice(0, 8)).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '› Newsvoice  Burkina Faso To Receive Further Russian Milita…',
      '    2024-06-21 · 803 words · 3 loaded · 5 attributions · 21',
      '    unsourced · 21 more below their confidence threshold ·',
      '    load 6 · unsourced share 60% · non-neutral cues 0%',
      '',
      '  One article: nothing to compare — give two or more',
      '  articles about the same story.',
    ]);
    unmount?.();
    const two = await open(80, 14);
    expect(two.lastFrame()).not.toContain('nothing to compare');
  }, 60_000);

  test('overview on a short terminal: j past the last outlet reaches the chart and its last row', async () => {
    const r = await open(80, 8, ['j', 'j']);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '    2024-06-05 · 17 words · 0 loaded · 1 attribution · 1 unsourced · load 0 ·',
      '    unsourced share 50% · non-neutral cues 0% · omits 1 shared event',
      '',
      '› per 1k tokens    Daily Bugle                   Sahel Wire',
      '  emotive          ████████████████████ 40       ···················· 0',
      '  label            ██████████·········· 20       ···················· 0',
      'filter: all · ? help · q quit',
    ]);
  });

  test('events list shows the coverage matrix and omissions', async () => {
    const r = await open(80, 10, [TAB]);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '  Shared events                                          Daily Bugle Sahel Wire',
      '› Russian instructors arrive in Ouagadougou              ●           ●',
      '',
      '  Only in Daily Bugle (1)',
      '  Critics object to the deal',
      '',
      '  ● reports it   – leaves it out',
      '  Sahel Wire leaves out 1 event other outlets report',
      'filter: all · ? help · q quit',
    ]);
  });

  test('event detail at 120 columns puts two outlets side by side with markers', async () => {
    const r = await open(120, 14, [TAB, ENTER]);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources  › Russian instructors arrive in Ouagadougou',
      'Russian instructors arrive in Ouagadougou',
      'reported by 2 of 2',
      '',
      '▶ Daily Bugle                                                  Sahel Wire',
      // Only content words one outlet alone has are marked: {+…+} without colour, never "the" or "in".
      'Russian instructors {+arrived+} in Ouagadougou on Monday.    Russian {+military+} instructors {+landed+} in Ouagadougou',
      '                                                             on Monday, the {+army+} {+said+}.',
      '',
      'Markers',
      '  Sahel Wire: attribution · official Burkinabe army — “said”',
      '',
      // Under NO_COLOR the legend names no colour: its markers are text that is really on screen.
      '{+word+}: only this outlet has it (content words) · [brackets]: loaded terms · ⚑ unsourced sentence',
      '',
      'filter: all · ? help · q quit',
    ]);
  });

  test('event detail at 80 columns still fits: narrower columns, nothing wider than 80', async () => {
    const r = await open(80, 14, [TAB, ENTER]);
    const frame = lines(r.lastFrame());
    expect(frame.slice(4, 7)).toEqual([
      '▶ Daily Bugle                              Sahel Wire',
      'Russian instructors {+arrived+} in       Russian {+military+} instructors',
      'Ouagadougou on Monday.                   {+landed+} in Ouagadougou on Monday,',
    ]);
    expect(frame.every((l) => textWidth(l) <= 80)).toBe(true);
    expect(frame).toHaveLength(14);
  });

  test('tab moves the focused outlet in an event; enter opens its article at the mention', async () => {
    const r = await open(80, 10, [TAB, ENTER, TAB, ENTER]);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources  › Sahel Wire',
      '  Instructors land',
      '',
      '› Russian military instructors landed in Ouagadougou on Monday, the army said.',
      '     attribution · official Burkinabe army — “said”',
      '  ⚑ The junta  [31mwelcomed [0m them.',
      '     unsourced · no-attribution — Asserted in the outlet’s own voice.',
      '',
      '',
      'filter: all · ? help · q quit',
    ]);
  });

  test('article text cannot inject escape sequences', async () => {
    const r = await open(80, 10, [TAB, ENTER, TAB, ENTER]);
    expect(r.lastFrame()).not.toContain('\u001b');
  });

  test('reader shows findings inline; enter opens the finding detail with its reasons', async () => {
    const r = await open(80, 20, [ENTER, 'j', 'j', 'j', 'j', ENTER]);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources  › f1 loaded',
      'kind                 loaded',
      'outlet               Daily Bugle',
      'text                 “brutal”',
      'category             emotive',
      'lexicon              emotive',
      'entry                brutal',
      'weight               2',
      'neutral alternative  harsh',
      'rule                 lexicon:emotive/brutal',
      'why                  Emotive adjective that judges.',
      'confidence           0.90 (measured precision: loaded)',
      '',
      'in context',
      'The brutal regime hailed the deal, officials said.',
      '',
      '',
      '',
      '',
      'filter: all · search: n/a here · ? help · q quit',
    ]);
  });

  test('f filters findings by kind, shown in the footer and the reader', async () => {
    const r = await open(80, 9, [ENTER, 'f']);
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources  › Daily Bugle',
      '› Troops arrive',
      '',
      '  Russian instructors arrived in Ouagadougou on Monday.',
      '  The [brutal] [regime] hailed the deal, officials said.',
      '     loaded · emotive “brutal” — Emotive adjective that judges.',
      '     loaded · label “regime” — Delegitimising label for a government.',
      '  Critics call it a sell-out.',
      'filter: loaded · ? help · q quit',
    ]);
  });

  test('/ searches: typing shows in the footer, enter filters the events list', async () => {
    const r = await open(80, 8, [TAB, '/', 'c', 'r', 'i']);
    expect(lines(r.lastFrame()).at(-1)).toBe('/cri▏  enter: search  esc: cancel');
    r.stdin.write(ENTER);
    await tick();
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '',
      '  Only in Daily Bugle (1)',
      '› Critics object to the deal',
      '',
      '  ● reports it   – leaves it out',
      '  Sahel Wire leaves out 1 event other outlets report',
      'filter: all · search: “cri” · ? help · q quit',
    ]);
  });

  test('e exports the markdown report and shows the path', async () => {
    let calls = 0;
    const r = await open(80, 6, ['e'], () => {
      calls++;
      return 'reports/corpus.md';
    });
    expect(calls).toBe(1);
    expect(lines(r.lastFrame()).at(-1)).toBe('Markdown report written to reports/corpus.md');
  });

  test('? says what each kind of mark is, with an example, then every key; j scrolls to the end at 80×24; any other key closes it', async () => {
    const r = await open(80, 24, ['?']);
    expect(lines(r.lastFrame()).slice(0, 17)).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      'What the marks mean',
      '  loaded terms: a word or phrase that judges while it seems only to describe (a',
      '    neutral word would say the same thing without the judgement)',
      '    e.g. “the regime” for “the government”; “slammed” for “criticised”',
      '    shown: [brackets] around the words',
      '  attributions: a statement the article gives to a source, with the cue that',
      '    introduces it (said, claimed, admitted…)',
      '    e.g. “The deal will help farmers, the minister said.” (source: the minister;',
      '      cue: said)',
      '    shown: listed under the sentence (source — “cue”)',
      '  unsourced: a sentence stated in the article’s own voice with no source for it:',
      '    the reader cannot check who says so',
      '    e.g. “The deal will help farmers.” (unsourced) vs “The deal will help',
      '      farmers, the minister said.” (sourced)',
      '    shown: ⚑ before the sentence',
      '',
    ]);
    for (let i = 0; i < 12; i++) r.stdin.write('j');
    await tick();
    expect(lines(r.lastFrame()).slice(-16)).toEqual([
      '',
      'Keys',
      '  ↑ ↓  j k         move / scroll',
      '  PgUp PgDn        move a page',
      '  tab  shift+tab   next / previous screen (in an event: next outlet)',
      '  ← →  h l         previous / next outlet (event view)',
      '  enter            open: article, event, finding, mentions of actor/source',
      '  esc              back (also closes help and search)',
      '  /                search (enter to apply, esc to clear)',
      '  f                filter findings by kind: all, loaded, attribution, unsourced',
      '  e                export the markdown report',
      '  ?                this help',
      '  q                quit',
      '',
      'j/k scroll this help · q quit · any other key closes it',
      'filter: all · search: n/a here · ? help · q quit',
    ]);
    r.stdin.write('x');
    await tick();
    expect(lines(r.lastFrame())[1]).toBe('› Daily Bugle  Troops arrive');
  });

  test('actors and sources screens', async () => {
    const r = await open(80, 8, [TAB, TAB]);
    expect(lines(r.lastFrame()).slice(0, 4)).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '› Russia',
      '    Daily Bugle: 1×, tone -0.50 · “brutal regime”',
      '    Sahel Wire: 1×, tone 0.00 · no descriptors',
    ]);
    r.stdin.write(TAB);
    await tick();
    expect(lines(r.lastFrame()).slice(1, 6)).toEqual([
      '› Daily Bugle  1 attribution',
      '    vague        ██████████ 100% officials',
      '',
      '  Sahel Wire  1 attribution',
      '    official     ██████████ 100% Burkinabe army',
    ]);
  });

  test('event detail shows quote reuse (intros, word diff), figures that disagree and why the mentions align, sanitised, at 80 columns', async () => {
    const r = await open(80, 28, [TAB, 'j', ENTER], undefined, evidenceReport());
    expect(lines(r.lastFrame())).toEqual([
      'parallax  Overview  Events  Actors  Sources  › More instructors promised',
      'More instructors promised',
      'reported by 2 of 2',
      '',
      '▶ Daily Bugle                              Sahel Wire',
      '“We will send {+300+} more               “We will send {+hundreds+} more',
      'instructors,” the {+minister+}           instructors,” he {+told+}',
      '{+boasted+}.                             {+reporters+}.',
      '',
      'Same quotation in 2 outlets · 80% of words shared',
      '  Daily Bugle introduces it with “the minister boasted” (loaded cue)',
      '  Sahel Wire introduces it with “he told”',
      '  “We will send [-300-]{+hundreds+} more  instructors,”',
      '  [-…-] only Daily Bugle · {+…+} only Sahel Wire',
      '',
      'Figures and dates',
      '  Daily Bugle: “300” (count 300)',
      '  Sahel Wire: “hundreds” (count 100, vague)',
      '  ≠ count, vague vs precise: Daily Bugle “300” vs Sahel Wire “hundreds” (vague)',
      '',
      'Why aligned',
      '  Daily Bugle: “We will send 300 more … ↔ Sahel Wire: “We will send hundreds m…',
      '    score 0.71 · cosine 0.41 · same quotation 80% · actors russia · terms',
      '      instructor, send · paraphrases send',
      '',
      '{+word+}: only this outlet has it (content words) · [brackets]: loaded terms · ⚑',
      'unsourced sentence',
      'filter: all · ? help · q quit',
    ]);
    expect(r.lastFrame()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('search on the sources screen keeps matching attributions', async () => {
    const r = await open(80, 10, [TAB, TAB, TAB, '/', 'a', 'r', 'm', 'y', ENTER]);
    expect(lines(r.lastFrame()).slice(1, 6)).toEqual([
      '› Daily Bugle  0 of 1 attributions match “army”',
      '    no attribution matches the search',
      '',
      '  Sahel Wire  1 of 1 attributions match “army”',
      '    official     ██████████ 100% Burkinabe army',
    ]);
  });
});

describe('loading frame (before the report exists)', () => {
  test('header, what is analysed and the progress line, footer on the last row', () => {
    expect(loadingLines(60, 6, 'corpus', { done: 1, total: 3, file: 'corpus/b.md' }).map((l) => plainText(l).trimEnd())).toEqual([
      'parallax  Overview  Events  Actors  Sources',
      '',
      '  Analysing corpus…',
      '  [████▋·········] 1/3  33% corpus/b.md',
      '',
      'the overview opens when the analysis is done · q quit',
    ]);
    expect(loadingLines(40, 5, 'corpus', null).map(plainText)[3]).toBe('  starting…');
  });

  test('before an exercise: the exercise header and footer, no file names (the exercise is blind)', () => {
    expect(loadingLines(60, 6, 'the articles', { done: 1, total: 3, file: '' }, 'exercise').map((l) => plainText(l).trimEnd())).toEqual([
      'parallax exercise',
      '',
      '  Analysing the articles…',
      '  [████▋·········] 1/3  33%',
      '',
      'the exercise opens when the analysis is done · q quit',
    ]);
  });

  test('the Loading component draws the same frame', async () => {
    const r = render(<Loading theme={createTheme(false)} what="corpus" progress={{ done: 2, total: 3, file: 'x\u001b[2J.md' }} width={60} height={6} />);
    await tick();
    expect(lines(r.lastFrame())[3]).toBe('  [█████████▍····] 2/3  66% x [2J.md');
    r.unmount();
  });
});
