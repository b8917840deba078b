/**
 * One test per attribution pattern (src/analyses/attribution/patterns.ts): a sentence it claims,
 * with the exact spans of source, cue and content and the pattern id the finding records. A
 * pattern added to the list without a case here fails the last test.
 */
import { describe, expect, it } from 'vitest';
import { findAttributions, PATTERN_IDS, type AttributionDraft } from '../../src/analyses/attribution/index.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analysedArticle as articleFrom } from '../helpers.js';

const lex = loadLexicons();

/** pattern, [source start, text] | null, [cue start, text], [content start, text] | null, direct */
type Row = [string, [number, string] | null, [number, string], [number, string] | null, boolean];
const view = (d: AttributionDraft): Row => [
  d.pattern,
  d.source ? [d.source.start, d.source.text] : null,
  [d.cue.start, d.cue.text],
  d.content ? [d.content.start, d.content.text] : null,
  d.direct,
];
const attr = (text: string): Row[] => findAttributions(articleFrom(text), lex).map(view);

const CASES: { text: string; expected: Row[] }[] = [
  { text: 'Mayor Ruiz: Bridge Reopens Monday', expected: [['colon-headline', [0, 'Mayor Ruiz'], [10, ':'], [12, 'Bridge Reopens Monday'], false]] },
  {
    text: 'Trump repeated his claim that the vote was rigged.',
    expected: [
      ['subject-said-that', [0, 'Trump'], [6, 'repeated'], [15, 'his claim that the vote was rigged'], false],
      ['nominal-that', [15, 'his'], [19, 'claim'], [30, 'the vote was rigged'], false],
    ],
  },
  { text: 'The plan drew criticism from Democrats.', expected: [['nominal-from', [29, 'Democrats'], [14, 'criticism from'], null, false]] },
  {
    text: "Trump's promise to build a wall was popular.",
    expected: [['nominal-to', [0, 'Trump'], [8, 'promise to'], [19, 'build a wall was popular'], false]],
  },
  { text: 'Trump did not respond to a request for comment.', expected: [['negated', [0, 'Trump'], [14, 'respond'], null, false]] },
  { text: 'The talks reportedly failed.', expected: [['reportedly', null, [10, 'reportedly'], [0, 'The talks reportedly failed'], false]] },
  {
    text: 'According to the ministry, 40 people died.',
    expected: [['according-to', [13, 'the ministry'], [0, 'According to'], [27, '40 people died'], false]],
  },
  {
    text: 'In a CNN poll released Monday, most voters backed the plan.',
    expected: [['in-document', [3, 'a CNN poll'], [0, 'In'], [31, 'most voters backed the plan'], false]],
  },
  {
    text: 'The plan, announced by the Finance Ministry, will cut spending.',
    expected: [['passive-by', [23, 'the Finance Ministry'], [10, 'announced'], [0, 'The plan'], false]],
  },
  {
    text: '“Talks will resume”, the Xinhua news agency cited Wang Yi as saying.',
    expected: [
      // the agency passed the quotation on: the speaker's relation replaces the channel's (issue #14 round 8)
      ['cited-as-saying', [50, 'Wang Yi'], [61, 'saying'], [0, '“Talks will resume”'], true],
    ],
  },
  {
    text: 'The senator is said to oppose the bill.',
    expected: [['agentless-passive', null, [15, 'said'], [0, 'The senator is said to oppose the bill'], false]],
  },
  { text: 'Asked about the plan, the senator declined.', expected: [['asked', null, [0, 'Asked'], [6, 'about the plan'], false]] },
  {
    text: 'After saying he was nervous, the man left the stage.',
    expected: [['fronted-clause', [29, 'the man'], [6, 'saying'], [13, 'he was nervous'], false]],
  },
  {
    text: 'Jones admitted the plan was late, but said it would work.',
    expected: [
      ['subject-said-that', [0, 'Jones'], [6, 'admitted'], [15, 'the plan was late'], false],
      ['shared-subject', [0, 'Jones'], [38, 'said'], [43, 'it would work'], false],
    ],
  },
  {
    text: 'She released a statement saying the plan had failed.',
    expected: [['participle-after-object', [0, 'She'], [25, 'saying'], [32, 'the plan had failed'], false]],
  },
  {
    text: 'Lavrov spoke for an hour, adding that Russia would stay.',
    expected: [['participle-continues', [0, 'Lavrov'], [26, 'adding'], [38, 'Russia would stay'], false]],
  },
  {
    text: '“The situation is under control”, reassured Mr. Smith.',
    expected: [['quote-then-said', [44, 'Mr. Smith'], [34, 'reassured'], [0, '“The situation is under control”'], true]],
  },
  { text: 'The minister said: “We will stay.”', expected: [['said-quote', [0, 'The minister'], [13, 'said'], [19, '“We will stay.”'], true]] },
  { text: 'The plan failed, the minister said.', expected: [['clause-then-said', [17, 'the minister'], [30, 'said'], [0, 'The plan failed'], false]] },
  { text: 'The minister said that the vote was fair.', expected: [['subject-said-that', [0, 'The minister'], [13, 'said'], [23, 'the vote was fair'], false]] },
  { text: 'He wants to build a wall.', expected: [['subject-verb-to', [0, 'He'], [3, 'wants'], [9, 'to build a wall'], false]] },
  { text: 'Trump supports the bill.', expected: [['subject-verb-object', [0, 'Trump'], [6, 'supports'], [15, 'the bill'], false]] },
];

describe('attribution patterns, one sentence each', () => {
  for (const { text, expected } of CASES) {
    it(`${expected.map((e) => e[0]).join(' + ')}: ${text}`, () => {
      expect(attr(text)).toEqual(expected);
    });
  }

  it('every pattern id has a case above', () => {
    const covered = new Set(CASES.flatMap((c) => c.expected.map((e) => e[0])));
    expect(PATTERN_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });
});
