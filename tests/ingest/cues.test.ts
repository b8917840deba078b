/**
 * The ingest cue files (their compiled copies: tests/core/yaml-copy.test.ts): boilerplate detection only runs a cue's regular expression on lines holding one of its words.
 */
import { describe, expect, it } from 'vitest';
import { cueMask, CUE, loadBoilerplateCues } from '../../src/ingest/cues.js';
import { analyseBoilerplate, parseDate } from '../../src/ingest/boilerplate.js';
import type { SourceDocument } from '../../src/core/types.js';

const doc = (text: string): SourceDocument => ({
  path: 'x.txt',
  format: 'txt',
  text,
  meta: { title: null, outlet: null, author: null, date: null, url: null },
  content: [{ start: 0, end: text.length }],
  excluded: [],
});

/** Counts calls of every cue regex (`test` goes through `exec` when `exec` is overridden). */
function countCueRuns<T>(fn: () => T): { result: T; runs: Map<string, number> } {
  const cues = loadBoilerplateCues() as unknown as Record<string, unknown>;
  const runs = new Map<string, number>();
  const restore: (() => void)[] = [];
  for (const [key, value] of Object.entries(cues)) {
    if (!(value instanceof RegExp)) continue;
    const exec = value.exec;
    value.exec = function (s: string) {
      runs.set(key, (runs.get(key) ?? 0) + 1);
      return exec.call(this, s);
    };
    restore.push(() => delete (value as { exec?: unknown }).exec);
  }
  try {
    return { result: fn(), runs };
  } finally {
    restore.forEach((r) => r());
  }
}

const PROSE = [
  'The council met on Tuesday evening and voted to extend the bus lanes along the river road.',
  'Residents who live near the bridge said the traffic had grown worse over the winter months.',
  'A spokesman for the transport office said the work would begin in the spring and last a year.',
  'Shopkeepers on the high street were divided, with some fearing that fewer drivers would stop.',
];

describe('boilerplate prefilter', () => {
  it('cueMask finds the cue groups from the words of a line', () => {
    const cues = loadBoilerplateCues();
    expect(cueMask(PROSE[0]!, cues)).toBe(0);
    expect(cueMask('Copyright 2024 Example News.', cues)).toBe(CUE.copyright);
    expect(cueMask('© Example', cues)).toBe(CUE.copyright);
    expect(cueMask('Support us on Ko-fi', cues) & (CUE.platform | CUE.support | CUE.donation)).toBe(CUE.platform | CUE.support | CUE.donation);
    expect(cueMask('Follow her on X', cues)).toBe(CUE.follow);
  });

  it('prose lines run no cue regex with words; one copyright line runs the copyright cue once', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => PROSE[i % PROSE.length]!.replace('Tuesday', `day ${i}`));
    const text = ['Bus Lanes Extended', ...lines, 'Copyright 2024 Example News. All rights reserved.'].join('\n\n');
    const { result, runs } = countCueRuns(() => analyseBoilerplate(doc(text)));
    expect(result.spans.map((s) => [s.reason, s.text])).toEqual([['copyright', 'Copyright 2024 Example News. All rights reserved.']]);
    // Unanchored cues (scanned along the whole line) ran only where their words occur.
    const unanchored = [
      'copyright',
      'donationPlatform',
      'supportVerb',
      'donationPhrase',
      'followOn',
      'bioContact',
      'reportingCredit',
      'captionLabel',
      'stampWord',
      'creditAgency',
      'bioVerb',
      'isRole',
      'date',
    ];
    expect(Object.fromEntries(unanchored.map((k) => [k, runs.get(k) ?? 0]))).toEqual({
      copyright: 1,
      donationPlatform: 0,
      supportVerb: 0,
      donationPhrase: 0,
      followOn: 0,
      bioContact: 0,
      reportingCredit: 0,
      captionLabel: 0,
      stampWord: 0,
      creditAgency: 0,
      bioVerb: 0,
      isRole: 0,
      date: 0,
    });
  });
});

describe('numeric dates', () => {
  it('reads day.month.year and month/day/year, and refuses impossible ones', () => {
    const cues = loadBoilerplateCues();
    expect(parseDate('Published 21.06.2024 at 09:30', cues)).toBe('2024-06-21');
    expect(parseDate('Posted 6/21/2024 5:03pm', cues)).toBe('2024-06-21');
    expect(parseDate('Posted 12/03/2024', cues)).toBe('2024-12-03');
    expect(parseDate('Posted 13/21/2024', cues)).toBeNull();
    expect(parseDate('ref 116/21/2024', cues)).toBeNull();
  });
});
