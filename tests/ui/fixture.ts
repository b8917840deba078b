/**
 * A small hand-made report (two articles, two events, a few findings of every kind) for the
 * terminal UI tests. Offsets are computed from the texts so the fixture stays consistent.
 */
import type { Figure, Finding, Report, ReportArticle } from '../../src/core/types.js';
import { fixtureScores } from '../scores-fixture.js';

const TEXT_A =
  'Troops arrive\n\nRussian instructors arrived in Ouagadougou on Monday. The brutal regime hailed the deal, officials said. Critics call it a sell-out.\n';
const TEXT_B = 'Instructors land\n\nRussian military instructors landed in Ouagadougou on Monday, the army said. The junta \u001b[31mwelcomed\u001b[0m them.\n';

function sentenceSpans(text: string): ReportArticle['sentenceSpans'] {
  const out: ReportArticle['sentenceSpans'] = [];
  const heading = text.indexOf('\n');
  out.push({ start: 0, end: heading, heading: true, paragraph: 0 });
  const re = /[^.\n]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ start, end: m.index + m[0].length, heading: false, paragraph: 1 });
  }
  return out;
}

function art(id: string, label: string, title: string, text: string, path: string): ReportArticle {
  return {
    id,
    path,
    format: 'txt',
    text,
    label,
    title,
    outlet: label,
    author: null,
    date: '2024-06-05',
    url: null,
    body: [{ start: 0, end: text.length }],
    boilerplate: [],
    tokens: 0,
    sentences: sentenceSpans(text).length,
    words: text.split(/\s+/).filter(Boolean).length,
    sentenceSpans: sentenceSpans(text),
    notices: [],
  };
}

function span(text: string, needle: string) {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  return { start, end: start + needle.length, text: needle };
}

/** Builds the fixture report (a fresh copy each time). */
export function fixtureReport(): Report {
  const a1 = art('a1', 'Daily Bugle', 'Troops arrive', TEXT_A, 'fixture/bugle.txt');
  const a2 = art('a2', 'Sahel Wire', 'Instructors land', TEXT_B, 'fixture/wire.txt');
  const findings: Finding[] = [
    {
      id: 'f1',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      ...span(TEXT_A, 'brutal'),
      category: 'emotive',
      lexicon: 'emotive',
      entry: 'brutal',
      weight: 2,
      explanation: 'Emotive adjective that judges.',
      rule: 'lexicon:emotive/brutal',
      alternative: 'harsh',
    },
    {
      id: 'f2',
      article: 'a1',
      kind: 'loaded',
      confidence: 0.9,
      calibration: 'loaded',
      ...span(TEXT_A, 'regime'),
      category: 'label',
      lexicon: 'labels',
      entry: 'regime',
      weight: 2,
      explanation: 'Delegitimising label for a government.',
      rule: 'lexicon:labels/regime',
    },
    {
      id: 'f3',
      article: 'a1',
      kind: 'attribution',
      confidence: 0.9,
      calibration: 'attribution',
      ...span(TEXT_A, 'The brutal regime hailed the deal, officials said.'),
      source: span(TEXT_A, 'officials'),
      cue: { ...span(TEXT_A, 'said'), neutral: true },
      content: span(TEXT_A, 'The brutal regime hailed the deal'),
      direct: false,
      sourceType: 'vague',
      explanation: 'Cites unnamed officials.',
      rule: 'rule:say-verb',
      pattern: 'clause-then-said',
    },
    {
      id: 'f4',
      article: 'a1',
      kind: 'unsourced',
      confidence: 0.9,
      calibration: 'unsourced',
      ...span(TEXT_A, 'Critics call it a sell-out.'),
      reason: 'vague-source',
      explanation: 'Critics are not named.',
      rule: 'rule:vague-critics',
    },
    {
      id: 'f5',
      article: 'a2',
      kind: 'attribution',
      confidence: 0.9,
      calibration: 'attribution',
      ...span(TEXT_B, 'Russian military instructors landed in Ouagadougou on Monday, the army said.'),
      source: span(TEXT_B, 'the army'),
      cue: { ...span(TEXT_B, 'said'), neutral: true },
      content: null,
      direct: false,
      sourceType: 'official',
      sourceName: 'Burkinabe army',
      explanation: 'Cites the army.',
      rule: 'rule:say-verb',
      pattern: 'clause-then-said',
    },
    {
      id: 'f6',
      article: 'a2',
      kind: 'unsourced',
      confidence: 0.9,
      calibration: 'unsourced',
      ...span(TEXT_B, 'The junta \u001b[31mwelcomed\u001b[0m them.'),
      reason: 'no-attribution',
      explanation: 'Asserted in the outlet’s own voice.',
      rule: 'rule:no-attribution',
    },
  ];
  const mA = span(TEXT_A, 'Russian instructors arrived in Ouagadougou on Monday.');
  const mB = span(TEXT_B, 'Russian military instructors landed in Ouagadougou on Monday, the army said.');
  const cA = span(TEXT_A, 'Critics call it a sell-out.');
  return {
    schema: 'parallax/report@1',
    tool: { name: 'parallax', version: '0.0.0-test' },
    lexicons: [],
    calibration: {},
    minConfidence: 0,
    articles: [a1, a2],
    events: [
      {
        id: 'e1',
        label: 'Russian instructors arrive in Ouagadougou',
        articles: ['a1', 'a2'],
        mentions: [
          { article: 'a1', ...mA },
          { article: 'a2', ...mB },
        ],
        links: [],
      },
      { id: 'e2', label: 'Critics object to the deal', articles: ['a1'], mentions: [{ article: 'a1', ...cA }], links: [] },
    ],
    findings,
    scores: {
      a1: fixtureScores({ load: 4.5, unsourcedShare: 0.25, nonNeutralCueShare: 0, markersPer1k: { emotive: 40, label: 20 } }),
      a2: fixtureScores({ load: 0, unsourcedShare: 0.5, nonNeutralCueShare: 0, markersPer1k: { emotive: 0, label: 0 } }),
    },
    omissions: { a2: ['e2'] },
    actors: [
      {
        id: 'russia',
        name: 'Russia',
        articles: {
          a1: { mentions: [span(TEXT_A, 'Russian')], descriptors: [{ ...span(TEXT_A, 'brutal regime'), kind: 'label' }], tone: -0.5, toneSentences: 1 },
          a2: { mentions: [span(TEXT_B, 'Russian')], descriptors: [], tone: 0, toneSentences: 1 },
        },
      },
    ],
  };
}

/**
 * The fixture with one more shared event carrying the alignment's evidence: the same quotation in
 * both outlets (introduced with a loaded cue in one, with a hostile control character in the
 * other), figures that disagree (precise vs vague), and the link between the two mentions.
 */
export function evidenceReport(): Report {
  const r = fixtureReport();
  const QA = ' “We will send 300 more instructors,” the minister boasted.\n';
  const QB = ' “We will send hundreds more\u0007 instructors,” he told reporters.\n';
  const a1 = r.articles[0]!;
  const a2 = r.articles[1]!;
  const textA = a1.text.replace(/\n$/, QA);
  const textB = a2.text.replace(/\n$/, QB);
  for (const [a, text] of [
    [a1, textA],
    [a2, textB],
  ] as const) {
    a.text = text;
    a.body = [{ start: 0, end: text.length }];
    a.sentenceSpans = sentenceSpans(text);
    a.sentences = a.sentenceSpans.length;
  }
  const sA = span(textA, '“We will send 300 more instructors,” the minister boasted.');
  const sB = span(textB, '“We will send hundreds more\u0007 instructors,” he told reporters.');
  const qA = span(textA, '“We will send 300 more instructors,”');
  const qB = span(textB, '“We will send hundreds more\u0007 instructors,”');
  const fA: Figure = { article: 'a1', ...span(textA, '300'), kind: 'count', value: 300, vague: false };
  const fB: Figure = { article: 'a2', ...span(textB, 'hundreds'), kind: 'count', value: 100, vague: true };
  r.events.push({
    id: 'e3',
    label: 'More instructors promised',
    articles: ['a1', 'a2'],
    mentions: [
      { article: 'a1', ...sA },
      { article: 'a2', ...sB },
    ],
    links: [{ a: 0, b: 1, score: 0.7125, cosine: 0.41, shared: ['@russia', 'instructor', 'send', '~send'], quotation: 0.8 }],
    quoteReuse: [
      {
        variants: [
          { article: 'a1', ...qA, intro: { cue: { ...span(textA, 'boasted'), neutral: false }, source: span(textA, 'the minister') } },
          {
            article: 'a2',
            ...qB,
            intro: {
              cue: { ...span(textB, 'told'), neutral: true },
              source: { start: span(textB, 'he told').start, end: span(textB, 'he told').start + 2, text: 'he' },
            },
          },
        ],
        diff: [
          { op: 'same', text: 'We will send ' },
          { op: 'removed', text: '300' },
          { op: 'added', text: 'hundreds' },
          { op: 'same', text: ' more\u0007 instructors,' },
        ],
        similarity: 0.8,
        shared: ['instructor', 'send'],
      },
    ],
    numbers: [fA, fB],
    conflicts: [
      {
        kind: 'count',
        quantity: 'instructor',
        reason: 'vague-vs-precise',
        articles: ['a1', 'a2'],
        figures: [fA, fB].map(({ article, start, end, text, value, vague }) => ({ article, start, end, text, value, vague })),
      },
    ],
  });
  return r;
}
