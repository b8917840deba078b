/**
 * Story grouping and the dates a text gives without a year ("June 19", "Jan. 28"): two articles
 * whose year-less dates all lie two months or more apart are different stories. On real BASIL
 * articles (skipped with a message when ../shared/datasets is absent) and scored by half; with them,
 * average linkage (closest pair of groups first) and cohesion (two groups of two or more merge only
 * when nearly as close to each other as the looser is within itself).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/align/figures.js';
import { yearlessApart } from '../../src/corpus/group.js';
import { storyInputOf } from '../../src/corpus/features.js';
import { prepareArticle } from '../../src/pipeline.js';
import { evaluateGrouping, groupTexts, webPageTexts } from '../../src/eval/grouping.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('year-less dates apart', () => {
  it('holds only when both give year-less dates and none of one is within the gap of one of the other (around the year)', () => {
    expect(yearlessApart([171], [28], 60)).toBe(true);
    expect(yearlessApart([171], [28, 150], 60)).toBe(false);
    expect(yearlessApart([360], [5], 60)).toBe(false);
    expect(yearlessApart([], [28], 60)).toBe(false);
    expect(yearlessApart(undefined, [28], 60)).toBe(false);
    expect(yearlessApart([171], [28], Infinity)).toBe(false);
  });
});

/** A BASIL article rendered as the grouping eval renders it (title, blank line, paragraphs). */
function basil(id: string): string {
  const a = JSON.parse(readFileSync(join(DATASETS, 'basil-dev', 'articles', `${id}.json`), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
  const dir = mkdtempSync(join(tmpdir(), 'parallax-grouping-time-'));
  dirs.push(dir);
  const p = join(dir, `${id.split('/')[1]!}.txt`);
  writeFileSync(
    p,
    `${a.title}\n\n${a['body-paragraphs']
      .map((x) => x.join(' ').trim())
      .filter(Boolean)
      .join('\n\n')}\n`,
  );
  return p;
}

describe.skipIf(!HAS_DATASETS)('on BASIL dev', () => {
  it('reads the year-less dates of real articles, and no date that opens a name', () => {
    // "the June 19 voting … for majority leader" (day 171 of a leap-year calendar).
    expect(storyInputOf(prepareArticle(basil('2014/c99adbdd-eaf3-4844-9548-2642e80de4e2_1'))).yearlessDays).toEqual([171]);
    // "the State of the Union address on Jan. 28".
    expect(storyInputOf(prepareArticle(basil('2014/ccf19ab6-7878-4378-b99c-2b08cc21371f_3'))).yearlessDays).toEqual([28]);
    // "the 17 February Brigade" is a militia's name; its other dates are written with their year.
    expect(storyInputOf(prepareArticle(basil('2013/1bb79cc1-5d69-4136-a23d-6dbd300cbf25_3'))).yearlessDays).toEqual([]);
    // Sept. 10, 11, 14 and 15.
    expect(storyInputOf(prepareArticle(basil('2013/1bb79cc1-5d69-4136-a23d-6dbd300cbf25_1'))).yearlessDays).toEqual([254, 255, 258, 259]);
  });

  it('reads a day and month that open a name as no date, and one before another capitalised word as a date', () => {
    const brigade = prepareArticle(basil('2013/1bb79cc1-5d69-4136-a23d-6dbd300cbf25_3'));
    const dates = figuresOf(brigade).filter((f) => f.kind === 'date');
    const at = brigade.text.indexOf('the 17 February Brigade, the group charged with protecting the consulate');
    expect(at).toBeGreaterThan(0);
    expect(dates.filter((f) => f.start >= at && f.start < at + 25)).toEqual([]);
    // "In February, Republican Sen. Lindsey Graham followed up …" is a month of the story.
    expect(dates.filter((f) => f.text === 'February').map((f) => f.value)).toEqual(['2011-02']);
    // PolNeAR train: "the delegate-packed April 19 New York primary" is a date (no year: the text file has no date).
    const primary = prepareArticle(join(DATASETS, 'polnear', 'train', 'text', 'politico_2016-03-23_sanders-scrambles-to-keep-pace-w.txt'));
    expect(
      figuresOf(primary)
        .filter((f) => f.text === 'April 19')
        .map((f) => [f.kind, f.value]),
    ).toEqual([['date', '--04-19']]);
  });

  it('reads a date without a year in a future-tense sentence as lying ahead of the article date', () => {
    // BASIL 2010 (tuning half), dated 2010-12-01: "… will plummet on Jan. 1" and "Republicans will be in
    // position to enact their own, retroactive plan starting Jan. 1" are January 1, 2011 (2010-01-01 before).
    const id = '2010/ae243a95-b2c2-410c-9e2b-b083b4b8eb48_1';
    const body = readFileSync(basil(id), 'utf8');
    const p = basil(id).replace(/\.txt$/, '.md');
    writeFileSync(p, `---\ndate: 2010-12-01\n---\n${body}`);
    const a = prepareArticle(p);
    expect(a.text).toContain('will plummet on Jan. 1');
    expect(
      figuresOf(a)
        .filter((f) => f.text === 'Jan. 1')
        .map((f) => f.value),
    ).toEqual(['2011-01-01', '2011-01-01']);
  });

  it('scores text-only grouping by half: tuning 2010–2012 unchanged, check 2013–2014 holding one mixed story (three before average linkage and cohesion)', () => {
    const g = evaluateGrouping(DATASETS, false);
    expect(g.articles).toBe(150);
    expect(g.halves.tune.p).toBe(1);
    expect(g.halves.tune.f1).toBeCloseTo(0.9773, 4);
    expect(g.halves.check.p).toBeCloseTo(0.9655, 4);
    expect(g.halves.check.r).toBeCloseTo(0.9333, 4);
    expect(g.halves.check.f1).toBeCloseTo(0.9492, 4);
    // Left: the State Department's ignored warnings in the Benghazi e-mails (May 2013) with Clinton's
    // testimony on the same cables (January 2013).
    expect(g.mixed.map((m) => m.map((x) => x.slice(0, 10)))).toEqual([['1bb79cc1-5', '9879bbc0-e', '9879bbc0-e']]);
  });

  it('keeps two tight stories of one topic apart by cohesion, and an article with the story it is closest to on average', () => {
    // Without cohesion, Obama's gun plan (January 2013) and the NRA's school report (April 2013),
    // three articles each, merge at an average similarity of 0.21 although each trio's own average
    // is 0.39 and 0.43 (cohesion 0.6 asks 0.23).
    const loose = evaluateGrouping(DATASETS, false, { cohesion: 0 });
    expect(loose.mixed.map((m) => m.map((x) => x.slice(0, 8)))).toContainEqual(['526cabb7', '526cabb7', '526cabb7', '68748e7f', '68748e7f', '68748e7f']);
    // With average linkage the New York Times' report of the House immigration principles (January
    // 2014), which names Raúl Labrador, joins its own two reports (average 0.28), not Labrador's
    // leadership race of June 2014, which one strong link (0.31) had reached first.
    expect(loose.mixed.flat().filter((x) => x.startsWith('ccf19ab6') || x.startsWith('c99adbdd'))).toEqual([]);
  });

  it('joins no two of the saved web pages (unrelated pages, text only)', () => {
    expect(groupTexts(webPageTexts(DATASETS))).toEqual([]);
  });
});
if (!HAS_DATASETS) console.log(`tests/corpus/grouping-time: BASIL and web-page checks skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
