/**
 * A line that is a web address, also in tokenised text ("http : / / www . example . com / 2013 /
 * …"), reports no happening: it is no alignment unit, so no event and no event label (the sentence
 * splitter cuts such a line at its dots, and the pieces after "www ." used to be events of their
 * own, labelled "com / 8301 - 207 _ 162 …"). On a real ECB+ dev topic (skipped with a message when
 * ../shared/datasets is absent).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignArticles } from '../../src/align/index.js';
import { addressLineTest, unitsOf } from '../../src/align/units.js';
import { prepareTopic } from '../../src/eval/alignment.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-ecb-address-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('address lines', () => {
  it('are lines that hold one web address and nothing else', () => {
    const text =
      'http : / / www . example . com / 2013 / may / 03 / story - name\nThe court said on Friday that www.example.com was down.\nhttps://example.org/a\n';
    const onAddressLine = addressLineTest(text);
    expect(onAddressLine(20)).toBe(true);
    expect(onAddressLine(70)).toBe(false);
    expect(onAddressLine(text.length - 5)).toBe(true);
    // a line that only opens with an address is one too (as before: whitespace removed, an address runs to the line's end)
    expect(addressLineTest('   www . example . com / a b c\nText.')(5)).toBe(true);
    expect(addressLineTest('See www.example.com for more.')(5)).toBe(false);
  });
});

describe.skipIf(!HAS_DATASETS)('ECB+ topic 1 (Lindsay Lohan checks into rehab)', () => {
  const topic = HAS_DATASETS ? prepareTopic(join(DATASETS, 'ecb-dev', '1.json'), dir) : null;

  it('makes no unit of the address above the headline', () => {
    const cbs = topic!.articles.find((a) => topic!.docOf.get(a.id)!.doc === '1_2ecbplus')!;
    expect(cbs.text.split('\n')[0]).toBe(
      'http : / / www . cbsnews . com / 8301 - 207 _ 162 - 57582560 / lawyer - lindsay - lohan - checks - into - rehab - facility /',
    );
    const units = unitsOf(cbs);
    expect(units[0]!.start).toBe(cbs.text.indexOf('\n') + 1);
    expect(units[0]!.text).toBe('May 2 , 2013 , 1 : 12 PM');
  });

  it('labels no event with a web address', () => {
    const { events } = alignArticles(topic!.articles, []);
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => /http|www|\. (com|org|net|html?)\b|^(com|org|net) \//.test(e.label)).map((e) => e.label)).toEqual([]);
  });
});
if (!HAS_DATASETS) console.log(`tests/align/ecb-address: skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
