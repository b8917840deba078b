/**
 * A small hand-made report over two short fixture articles, with every optional field the
 * formatters read (scores, omissions, actors, quote reuse, numbers, conflicts), for formatter
 * unit tests. Offsets are computed from the texts, so every span slices back to its text.
 */
import type { ArticleScores, Figure, Finding, Report, ReportArticle, TextSpan } from '../../src/core/types.js';
import { fixtureScores } from '../scores-fixture.js';

export const TEXT_A = [
  '---',
  'title: Council approves bridge',
  '---',
  'The council approved the bridge on Monday.',
  '',
  'Critics slammed the so-called "plan" as a disaster, the mayor admitted.',
  '',
  'The bridge will cost 12 million euros.',
  '',
].join('\n');

export const TEXT_B = [
  'The city council approved a new bridge on Monday.',
  '',
  '"It is a good day for the town," the mayor said.',
  '',
  'The project costs 15 million euros.',
  '',
].join('\n');

/** The span of the `nth` (0-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): TextSpan {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture: "${needle}" not found`);
  }
  return { start: i, end: i + needle.length, text: needle };
}

function article(id: string, path: string, text: string, label: string, extra: Partial<ReportArticle> = {}): ReportArticle {
  return {
    id,
    path,
    format: 'md',
    text,
    label,
    title: null,
    outlet: label,
    author: null,
    date: null,
    url: null,
    body: [{ start: 0, end: text.length }],
    boilerplate: [],
    tokens: 30,
    sentences: 3,
    words: 25,
    sentenceSpans: [],
    notices: [],
    ...extra,
  };
}

/** Scores of one article: 30 tokens, 25 words, 3 sentences, the given numbers, zeros elsewhere. */
const scores = (given: Partial<ArticleScores>, mix: Partial<ArticleScores['sourceMix']>): ArticleScores =>
  fixtureScores({ tokens: 30, words: 25, sentences: 3, ...given }, mix);

/** The fixture report. */
export function fixtureReport(): Report {
  const a1 = article('a1', 'cases/a.md', TEXT_A, 'Daily Paper', {
    title: 'Council approves bridge',
    author: 'Ann Lee',
    date: '2024-05-01',
    url: 'https://example.org/a',
  });
  const a2 = article('a2', 'cases/b.md', TEXT_B, 'Town Radio');
  const findings: Finding[] = [
    {
      id: 'f1',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      ...at(TEXT_A, 'slammed'),
      category: 'emotive',
      lexicon: 'emotive',
      entry: 'slam',
      weight: 2,
      rule: 'lexicon:emotive/slam',
      explanation: 'a violent verb for criticism',
      alternative: 'criticised',
    },
    {
      id: 'f2',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      ...at(TEXT_A, 'so-called "plan"'),
      category: 'scare-quotes',
      lexicon: 'rules',
      entry: 'scare-quotes',
      weight: 1,
      rule: 'rule:scare-quotes',
      explanation: 'distances the writer from the word',
    },
    {
      id: 'f3',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      ...at(TEXT_A, 'disaster'),
      category: 'evaluative',
      lexicon: 'evaluative',
      entry: 'disaster',
      weight: 1.5,
      rule: 'lexicon:evaluative/disaster',
      explanation: 'a judgement, not a fact',
    },
    {
      id: 'f4',
      article: 'a1',
      kind: 'attribution',
      confidence: 0.9,
      calibration: 'attribution',
      ...at(TEXT_A, 'Critics slammed the so-called "plan" as a disaster, the mayor admitted.'),
      source: at(TEXT_A, 'the mayor'),
      cue: { ...at(TEXT_A, 'admitted'), neutral: false },
      content: at(TEXT_A, 'Critics slammed the so-called "plan" as a disaster'),
      direct: false,
      sourceType: 'official',
      sourceName: 'the mayor',
      rule: 'rule:attribution-clause',
      pattern: 'clause-then-said',
      explanation: 'the statement is attributed to the mayor',
    },
    {
      id: 'f5',
      article: 'a1',
      kind: 'unsourced',
      confidence: 0.9,
      calibration: 'unsourced',
      ...at(TEXT_A, 'The bridge will cost 12 million euros.'),
      reason: 'prediction',
      rule: 'rule:unsourced',
      explanation: 'a prediction in the outlet’s own voice',
    },
    {
      id: 'f6',
      article: 'a2',
      kind: 'attribution',
      confidence: 0.9,
      calibration: 'attribution',
      ...at(TEXT_B, '"It is a good day for the town," the mayor said.'),
      source: at(TEXT_B, 'the mayor'),
      cue: { ...at(TEXT_B, 'said'), neutral: true },
      content: at(TEXT_B, 'It is a good day for the town,'),
      direct: true,
      sourceType: 'official',
      rule: 'rule:attribution-quote',
      pattern: 'quote-then-said',
      explanation: 'a direct quotation of the mayor',
    },
    {
      id: 'f7',
      article: 'a2',
      kind: 'unsourced',
      confidence: 0.9,
      calibration: 'unsourced',
      ...at(TEXT_B, 'The project costs 15 million euros.'),
      reason: 'no-attribution',
      rule: 'rule:unsourced',
      explanation: 'a figure with no source',
    },
  ];
  const cost12: Figure = { article: 'a1', ...at(TEXT_A, '12 million euros'), kind: 'money', value: 12e6, vague: false, unit: 'euros' };
  const cost15: Figure = { article: 'a2', ...at(TEXT_B, '15 million euros'), kind: 'money', value: 15e6, vague: false, unit: 'euros' };
  return {
    schema: 'parallax/report@1',
    tool: { name: 'parallax', version: '0.0.0-test' },
    lexicons: [{ id: 'emotive', version: '1.0.0', sha256: 'ab'.repeat(32) }],
    calibration: {},
    minConfidence: 0,
    articles: [a1, a2],
    events: [
      {
        id: 'e1',
        label: 'council approves the bridge',
        articles: ['a1', 'a2'],
        mentions: [
          { article: 'a1', ...at(TEXT_A, 'The council approved the bridge on Monday.') },
          { article: 'a2', ...at(TEXT_B, 'The city council approved a new bridge on Monday.') },
        ],
        links: [{ a: 0, b: 1, score: 0.71, cosine: 0.64, shared: ['approv', 'bridg', 'council', 'monday'] }],
      },
      {
        id: 'e2',
        label: 'cost of the bridge',
        articles: ['a1', 'a2'],
        mentions: [
          { article: 'a1', ...at(TEXT_A, 'The bridge will cost 12 million euros.') },
          { article: 'a2', ...at(TEXT_B, 'The project costs 15 million euros.') },
        ],
        links: [{ a: 0, b: 1, score: 0.52, cosine: 0.47, shared: ['cost', 'euro', 'million'] }],
        numbers: [cost12, cost15],
        conflicts: [
          {
            kind: 'money',
            quantity: 'cost',
            reason: 'different-values',
            articles: ['a1', 'a2'],
            figures: [cost12, cost15].map(({ article, start, end, text, value, vague }) => ({ article, start, end, text, value, vague })),
          },
        ],
      },
      {
        id: 'e3',
        label: 'critics and the mayor',
        articles: ['a1'],
        mentions: [{ article: 'a1', ...at(TEXT_A, 'Critics slammed the so-called "plan" as a disaster, the mayor admitted.') }],
        links: [],
      },
      {
        id: 'e4',
        label: 'the mayor is quoted',
        articles: ['a2'],
        mentions: [{ article: 'a2', ...at(TEXT_B, '"It is a good day for the town," the mayor said.') }],
        links: [],
        quoteReuse: [
          {
            variants: [
              {
                article: 'a2',
                ...at(TEXT_B, '"It is a good day for the town,"'),
                intro: { cue: { ...at(TEXT_B, 'said'), neutral: true }, source: at(TEXT_B, 'the mayor') },
              },
            ],
            diff: [],
            similarity: 1,
            shared: ['day', 'good', 'town'],
          },
        ],
      },
    ],
    findings,
    scores: {
      a1: scores(
        {
          findings: 5,
          markersPer1k: { emotive: 33.3333, evaluative: 33.3333, 'scare-quotes': 33.3333 },
          loadedCount: 3,
          load: 0.15,
          loadPer1k: 5,
          attributions: 1,
          unsourcedShare: 0.3333,
          nonNeutralCueShare: 1,
          namedSources: 1,
          eventsCovered: 2,
          eventsOmitted: 0,
        },
        { official: 1 },
      ),
      a2: scores(
        {
          findings: 2,
          markersPer1k: {},
          load: 0,
          attributions: 1,
          unsourcedShare: 0.3333,
          nonNeutralCueShare: 0,
          namedSources: 1,
          eventsCovered: 2,
          eventsOmitted: 0,
        },
        { official: 1 },
      ),
    },
    omissions: { a1: [], a2: [] },
    actors: [
      {
        id: 'mayor',
        name: 'the mayor',
        articles: {
          a1: { mentions: [at(TEXT_A, 'mayor')], descriptors: [], tone: -0.25, toneSentences: 1 },
          a2: { mentions: [at(TEXT_B, 'mayor')], descriptors: [{ ...at(TEXT_B, 'the'), kind: 'premodifier' }], tone: 0.3333, toneSentences: 1 },
        },
      },
      {
        id: 'council',
        name: 'city council',
        articles: {
          a1: { mentions: [at(TEXT_A, 'council')], descriptors: [], tone: 0, toneSentences: 1 },
          a2: { mentions: [at(TEXT_B, 'city council')], descriptors: [], tone: 0, toneSentences: 1 },
        },
      },
    ],
  };
}
