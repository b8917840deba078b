/**
 * Tokenisation does not depend on what the process read before (src/nlp/wink-lexicon.ts).
 * wink-nlp 2.4.0 on its own learns "Trump’s" as one word from "Trump’s, aides" and afterwards
 * never splits "Trump’s plan." into "Trump" + "’s" again; and it keeps an unknown word's token
 * type (and the part of speech read from it) from the first text it was read in. On real texts
 * (PolNeAR train, skipped with a message when ../shared/datasets is absent), each article is
 * read as a fresh process reads it, whatever was read before (in a worker thread too: tests/parallel/pool.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/nlp/index.js';
import { intrinsicLookup, withIntrinsicLookup } from '../../src/nlp/wink-lexicon.js';

const tokens = (text: string) => analyseText(text, [{ start: 0, end: text.length }]).tokens.map((t) => t.text);

describe('tokenisation independent of history', () => {
  it('splits a curly possessive after the same word was read before a comma', () => {
    expect(tokens('He met Trump’s, aides.')).toEqual(['He', 'met', 'Trump’s', ',', 'aides', '.']);
    expect(tokens('Trump’s plan.')).toEqual(['Trump', '’s', 'plan', '.']);
  });

  it('splits a straight possessive after the same word was read before a comma', () => {
    expect(tokens("He met Obama's, aides.")).toEqual(['He', 'met', "Obama's", ',', 'aides', '.']);
    expect(tokens("Obama's plan.")).toEqual(['Obama', "'s", 'plan', '.']);
  });

  it('splits a later occurrence in the same document as it splits the text alone', () => {
    expect(tokens('He met Clinton’s, aides. Clinton’s plan.')).toEqual(['He', 'met', 'Clinton’s', ',', 'aides', '.', 'Clinton', '’s', 'plan', '.']);
  });

  it('gives the same analysis on a second read after other texts', () => {
    const text = 'The party’s “platform,” Sanders’s aides and the U.S.-led, well-known plan.';
    const first = analyseText(text, [{ start: 0, end: text.length }]);
    for (const other of ['Sanders’s, party’s; platform’s. U.S.-led” well-known,', "Sanders's? party's) (U.S.-led)"]) tokens(other);
    expect(analyseText(text, [{ start: 0, end: text.length }])).toEqual(first);
  });
});

const POLNEAR = join(resolve(process.env['PARALLAX_DATASETS'] ?? resolve(import.meta.dirname, '../../../shared/datasets')), 'polnear', 'train', 'text');
const hasPolnear = existsSync(POLNEAR);
if (!hasPolnear) console.warn(`tests/nlp/history.test.ts: ${POLNEAR} not found; the real-text checks are skipped`);
const readPolnear = (name: string) => {
  const text = readFileSync(join(POLNEAR, name), 'utf8');
  return analyseText(text, [{ start: 0, end: text.length }]);
};
// Both hold a stray combining diaeresis ("SÃ©golÃ ̈ne"): wink types it `unk` in the first and `word` in the second.
const NYT = 'nyt_2016-04-23_even-signed-climate-deal-won-t-e.txt';
const WAPO = 'wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-.txt';

describe.skipIf(!hasPolnear)('each article read as by a fresh process (PolNeAR train texts)', () => {
  it('keeps the token type and part of speech an article gives a rare character alone', () => {
    readPolnear(WAPO); // reads the combining mark as a word
    const mark = readPolnear(NYT).tokens.find((t) => t.start === 5892)!;
    // What a fresh process reading only this article gives (before, `word` / PROPN after WAPO).
    expect({ text: mark.text, type: mark.type, pos: mark.pos, sentence: mark.sentence }).toEqual({ text: '\u0308', type: 'unk', pos: 'X', sentence: 43 });
  });
});

describe('intrinsicLookup', () => {
  const table: Record<string, number[]> = { the: [5], "can't": [1, 2, 3, 4, 5, 6, 7, 8], 'Trump’s': [120] };
  const lookup = intrinsicLookup((text) => table[text] ?? null, 100);

  it('answers for intrinsic lexemes and contractions, not for lexemes added at run time', () => {
    expect(lookup('the')).toEqual([5]);
    expect(lookup("can't")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lookup('Trump’s')).toBeNull();
    expect(lookup('unseen')).toBeNull();
  });

  it('fails loudly when no wink instance is created through the wrapped cache', () => {
    expect(() => withIntrinsicLookup(() => 'not a wink instance')).toThrow(/did not create its cache/);
  });
});
