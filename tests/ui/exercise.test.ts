/** Exercise mode without ink: anonymisation, the session reducer, scoring, answer keys, the saved result. */
import { describe, expect, test } from 'vitest';
import {
  exerciseKeyToAction,
  initialExerciseState,
  reduceExercise,
  type ExerciseAction,
  type ExerciseState,
} from '../../src/ui/components/exercise/use-exercise-state.js';
import { buildExercise, keySummary, maskNames, parseAnswers, scoreExercise, toolKey, UNNAMED_OUTLET, type Exercise } from '../../src/ui/exercise/model.js';
import { exerciseHelp, markingLines, resultLines } from '../../src/ui/exercise/screen.js';
import { plainText } from '../../src/ui/text.js';
import { buildResult, formatResultMarkdown } from '../../src/ui/exercise/result.js';
import { parseReport } from '../../src/report/validate.js';
import { fixtureReport } from './fixture.js';
import type { InputError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/types.js';

const report = fixtureReport();
// The author's name appears in the text: it must be masked.
report.articles[0]!.author = 'Critics Desk';
const ex = buildExercise(report);

function run(actions: ExerciseAction[], from: ExerciseState = initialExerciseState(80, 20)): ExerciseState {
  return actions.reduce((s, a) => reduceExercise(ex, s, a), from);
}

describe('exercise model', () => {
  test('articles get letters in an order independent of file names; headings are left out', () => {
    expect(ex.articles.map((a) => [a.letter, a.id])).toEqual([
      ['A', 'a2'],
      ['B', 'a1'],
    ]);
    expect(ex.outlets).toEqual(['Daily Bugle', 'Sahel Wire']);
    const b = ex.articles[1]!;
    expect(b.sentences.map((s) => b.text.slice(s.start, s.end))).toEqual([
      'Russian instructors arrived in Ouagadougou on Monday.',
      'The brutal regime hailed the deal, officials said.',
      '███████ call it a sell-out.',
    ]);
  });

  test('maskNames keeps length and offsets', () => {
    expect(maskNames('Read the Daily Bugle, by Jane Roe.', ['Daily Bugle', 'Jane'])).toBe('Read the █████ █████, by ████ Roe.');
  });
});

describe('exercise reducer', () => {
  test('select a range of words and mark it as loaded; mark the same range again to unmark', () => {
    // Article A (a2): "Russian military instructors landed in Ouagadougou on Monday, the army said."
    const s = run([{ type: 'word', delta: 1 }, { type: 'select' }, { type: 'word', delta: 1 }, { type: 'mark-loaded' }]);
    const a = ex.articles[0]!;
    expect(s.marks.map((m) => [m.kind, a.text.slice(m.start, m.end)])).toEqual([['loaded', 'military instructors']]);
    expect(s.anchor).toBeNull();
    const again = run([{ type: 'word', delta: -1 }, { type: 'select' }, { type: 'word', delta: 1 }, { type: 'mark-loaded' }], s);
    expect(again.marks).toEqual([]);
  });

  test('u toggles the sentence as unsourced; x removes the loaded mark under the cursor; moves are clamped', () => {
    const s = run([{ type: 'sentence', delta: 5 }, { type: 'mark-unsourced' }, { type: 'word', delta: -3 }, { type: 'mark-loaded' }]);
    const a = ex.articles[0]!;
    expect(s.sentence).toBe(1);
    expect(s.marks.map((m) => [m.kind, a.text.slice(m.start, m.end)])).toEqual([
      ['loaded', 'The'],
      ['unsourced', 'The junta \u001b[31mwelcomed\u001b[0m them.'],
    ]);
    expect(run([{ type: 'unmark' }], s).marks.map((m) => m.kind)).toEqual(['unsourced']);
    expect(run([{ type: 'mark-unsourced' }], s).marks.map((m) => m.kind)).toEqual(['loaded']);
  });

  test('g cycles the guess through the outlets and back to none; tab changes article', () => {
    const s = run([{ type: 'guess' }, { type: 'article', delta: 1 }, { type: 'guess' }, { type: 'guess' }]);
    expect(s.guesses).toEqual({ a2: 'Daily Bugle', a1: 'Sahel Wire' });
    expect(run([{ type: 'guess' }], s).guesses).toEqual({ a2: 'Daily Bugle' });
  });

  test('after reveal, marking keys do nothing and j/k scroll', () => {
    const s = run([{ type: 'reveal' }, { type: 'mark-unsourced' }, { type: 'key', input: 'j', key: {} }, { type: 'key', input: 'j', key: {} }]);
    expect(s.revealed).toBe(true);
    expect(s.marks).toEqual([]);
    expect(s.scroll).toBe(2);
  });
});

describe('agreement', () => {
  // Student: "brutal regime hailed" loaded in B (a1); unsourced on A's second sentence.
  const b = ex.articles[1]!;
  const s = run([
    { type: 'article', delta: 1 },
    { type: 'sentence', delta: 1 },
    { type: 'word', delta: 1 },
    { type: 'select' },
    { type: 'word', delta: 2 },
    { type: 'mark-loaded' },
    { type: 'article', delta: -1 },
    { type: 'sentence', delta: 1 },
    { type: 'mark-unsourced' },
    { type: 'guess' },
  ]);

  test('loaded terms by word overlap, unsourced by sentence', () => {
    expect(s.marks.map((m) => (m.kind === 'loaded' ? b.text.slice(m.start, m.end) : m.kind))).toEqual(['brutal regime hailed', 'unsourced']);
    const score = scoreExercise(ex, s.marks, toolKey(report));
    // Key loaded: brutal, regime (2 words); student 3 words, 2 shared.
    expect(score.loaded).toEqual({ both: 2, student: 3, key: 2, precision: 2 / 3, recall: 1, f1: 0.8 });
    // Key unsourced: A's 2nd sentence and B's 3rd; student marked A's 2nd.
    expect(score.unsourced).toEqual({ both: 1, student: 1, key: 2, precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(score.byCategory['emotive']).toMatchObject({ both: 1, key: 1, recall: 1 });
  });

  test('a teacher key (list of spans by path or label) replaces the tool’s', () => {
    const a1 = report.articles[0]!;
    const start = a1.text.indexOf('hailed');
    const key = parseAnswers(
      {
        kind: 'marks',
        json: [
          { article: 'fixture/bugle.txt', start, end: start + 6, kind: 'loaded' },
          { article: 'Sahel Wire', start: 0, end: 5, kind: 'unsourced' },
        ],
      },
      report,
      'key.json',
    );
    expect(key).toEqual([
      { article: 'a1', start, end: start + 6, kind: 'loaded' },
      { article: 'a2', start: 0, end: 5, kind: 'unsourced' },
    ]);
    expect(scoreExercise(ex, s.marks, key).loaded).toEqual({ both: 1, student: 3, key: 1, precision: 1 / 3, recall: 1, f1: 0.5 });
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as InputError).format();
      }
      return 'no error';
    };
    expect(message(() => parseAnswers({ kind: 'marks', json: [{ article: 'nope.txt', start: 0, end: 1, kind: 'loaded' }] }, report, 'key.json'))).toBe(
      'key.json: bad answer key: expected a JSON list of {"article": path or label, "start": n, "end": n, "kind": "loaded"|"unsourced"} or a parallax report, found item 1: no article "nope.txt" among fixture/bugle.txt, fixture/wire.txt — fix: fix the file or leave out --answers to use the tool’s findings',
    );
    expect(() => parseAnswers({ kind: 'marks', json: { x: 1 } }, report, 'key.json')).toThrow(/bad answer key/);
  });

  test('a parallax report as key uses its loaded and unsourced findings', () => {
    expect(parseAnswers({ kind: 'report', report: parseReport(JSON.parse(JSON.stringify(report)), 'r.json') }, report, 'r.json')).toEqual(toolKey(report));
  });

  test('the saved markdown shows the student’s marks, the key’s marks and the figures', () => {
    const md = formatResultMarkdown(buildResult(ex, s.marks, s.guesses, toolKey(report), 'tool'));
    expect(md).toContain('Key: parallax’s findings — 4 items in the exercise’s sentences (2 loaded terms, 2 unsourced claims)');
    expect(md).toContain('| loaded terms | word | 3 | 2 | 2 | 67% | 100% | 80% |');
    expect(md).toContain('| unsourced claims | sentence | 1 | 2 | 1 | 100% | 50% | 67% |');
    expect(md).toContain('| A | Sahel Wire | Daily Bugle | no |');
    expect(md).toContain('- loaded: “brutal regime hailed” (73–93) — the key agrees');
    expect(md).toContain('- loaded (emotive): “brutal” (73–79) — student found it — Emotive adjective that judges.');
    expect(md).toContain('- unsourced: “███████ call it a sell-out.” (120–147) — student missed it — Critics are not named.');
    expect(md.startsWith('<!-- parallax/report exercise -->')).toBe(true);
  });
});

describe('teacher: key, guesses, reveal, help', () => {
  test('the tool’s key holds only findings at or above the report’s confidence threshold, and says how many', () => {
    const r = fixtureReport();
    r.minConfidence = 0.5;
    // "regime" (f2) falls below the threshold: views hide it, so the key must too.
    r.findings.find((f) => f.id === 'f2')!.confidence = 0.3;
    const k = toolKey(r);
    expect(k.map((m) => [m.kind, r.articles.find((a) => a.id === m.article)!.text.slice(m.start, m.end)])).toEqual([
      ['loaded', 'brutal'],
      ['unsourced', 'Critics call it a sell-out.'],
      ['unsourced', 'The junta \u001b[31mwelcomed\u001b[0m them.'],
    ]);
    const e = buildExercise(r);
    expect(keySummary(e, k, 'tool')).toBe('The key (parallax’s findings at confidence ≥ 0.50) holds 3 items: 1 loaded term, 2 unsourced claims.');
    expect(keySummary(e, k, 'answers:key.json')).toBe('The key (your teacher’s key, key.json) holds 3 items: 1 loaded term, 2 unsourced claims.');
    // each kind's own threshold when they differ (the defaults: loaded terms and unsourced claims 0.85)
    r.minConfidenceByKind = { loaded: 0.85, unsourced: 0.3 };
    expect(keySummary(buildExercise(r), toolKey(r), 'tool')).toBe(
      'The key (parallax’s findings: loaded terms at confidence ≥ 0.85, unsourced claims at confidence ≥ 0.30) holds 3 items: 1 loaded term, 2 unsourced claims.',
    );
    r.minConfidenceByKind = { loaded: 0.85, unsourced: 0.85 };
    expect(keySummary(buildExercise(r), toolKey(r), 'tool')).toMatch(/^The key \(parallax’s findings at confidence ≥ 0\.85\) holds /);
  });

  test('guesses offer outlet names, never file names: an article without an outlet is “an unnamed outlet”', () => {
    const r = fixtureReport();
    r.articles[1]!.outlet = null;
    r.articles[1]!.label = 'wire';
    const e = buildExercise(r);
    expect(e.outlets).toEqual(['Daily Bugle', UNNAMED_OUTLET]);
    const s = [{ type: 'guess' }, { type: 'guess' }].reduce((st, a) => reduceExercise(e, st, a as ExerciseAction), initialExerciseState(80, 20));
    // Article A is a2 (the wire): its right answer is the unnamed outlet.
    expect(s.guesses).toEqual({ a2: UNNAMED_OUTLET });
    expect(buildResult(e, [], s.guesses, [], 'tool').articles[0]).toMatchObject({
      letter: 'A',
      outlet: UNNAMED_OUTLET,
      guess: UNNAMED_OUTLET,
      guessCorrect: true,
    });
    const title = plainText(markingLines(e, s).title);
    expect(title).toBe('parallax exercise  A  B   guess: an unnamed outlet');
    expect(title).not.toContain('wire');
  });

  test('r asks first: any key but y keeps marking; y reveals', () => {
    const key = (input: string): ExerciseAction => ({ type: 'key', input, key: {} });
    const asked = run([key('r')]);
    expect([asked.confirming, asked.revealed]).toEqual([true, false]);
    expect(plainText(markingLines(ex, asked).status)).toBe('Reveal the key now? Marking ends. y: reveal · any other key: keep marking');
    const kept = run([key('n')], asked);
    expect([kept.confirming, kept.revealed]).toEqual([false, false]);
    expect(run([key('y')], asked).revealed).toBe(true);
  });

  test('at 80 columns the status line keeps “r reveal” and “? help”', () => {
    const s = run([{ type: 'sentence', delta: 1 }]);
    expect(plainText(markingLines(ex, s).status)).toBe('? help · r reveal · m mark · u unsourced · g guess · marks: 0 loaded, 0 unsourc…');
  });

  test('the help says what to mark, with examples, what the key holds and how to finish; j scrolls it', () => {
    const k = toolKey(report);
    const help = exerciseHelp(ex, k, 'tool', 80).map(plainText);
    expect(help.slice(0, 9)).toEqual([
      'How to do the exercise',
      '  1. Read the articles A, B (tab: next article). Outlet and author names are',
      '     hidden (█).',
      '  2. Mark each loaded term: move to the word (← →), press m. For several words:',
      '     v, move, m.',
      '  3. Mark each unsourced claim: move to the sentence (↑ ↓), press u.',
      '  4. Guess who wrote each article: g cycles through 2 names (Daily Bugle, Sahel',
      '     Wire).',
      '  5. Press r, then y: the key is revealed, your marks are compared with it and',
    ]);
    const text = help.join('\n');
    expect(text).toContain('  loaded terms: a word or phrase that judges while it seems only to describe');
    expect(text).toContain('    e.g. “the regime” for “the government”; “slammed” for “criticised”');
    expect(text).toContain('  unsourced claims: a sentence stated in the article’s own voice with no source');
    expect(text).toContain('    shown: U in the margin for yours; after reveal T for the key’s');
    expect(text).toContain('  The key (parallax’s findings at confidence ≥ 0.00) holds 4 items: 2 loaded');
    const open = { ...initialExerciseState(80, 24), help: true };
    const scrolled = reduceExercise(ex, open, { type: 'key', input: 'j', key: {} }, () => help.length);
    expect([scrolled.help, scrolled.helpScroll]).toEqual([true, 1]);
    // Scrolling stops with the last line at the bottom of the 22 body rows.
    const far = [...Array(200)].reduce((st: ExerciseState) => reduceExercise(ex, st, { type: 'key', input: 'j', key: {} }, () => help.length), open);
    expect(far.helpScroll).toBe(help.length - 22);
    expect(reduceExercise(ex, far, { type: 'key', input: 'x', key: {} }, () => help.length).help).toBe(false);
    // q quits from the help the session opens on (it only closed the help: the student had to press q twice)
    expect(exerciseKeyToAction(open, 'q', {}, help.length)).toEqual({ type: 'quit' });
  });
});

describe('a fair, explained comparison (teach23)', () => {
  test('names are masked as whole words: an author called Erin leaves “shattering” alone', () => {
    expect(maskNames('Shattering windows, Erin said; ERIN agreed; a sobering day.', ['Erin'])).toBe(
      'Shattering windows, ████ said; ████ agreed; a sobering day.',
    );
  });

  // The key's "brutal" becomes "brutal regime" (two words); a new finding on "hailed" falls below the threshold.
  const r = fixtureReport();
  r.minConfidence = 0.5;
  const f1 = r.findings.find((f) => f.id === 'f1')!;
  f1.end = f1.start + 'brutal regime'.length;
  f1.text = 'brutal regime';
  const hailed = r.articles[0]!.text.indexOf('hailed');
  r.findings = r.findings.filter((f) => f.id !== 'f2');
  r.findings.push({
    ...(r.findings.find((f) => f.id === 'f1')! as Extract<Finding, { kind: 'loaded' }>),
    id: 'f7',
    start: hailed,
    end: hailed + 6,
    text: 'hailed',
    category: 'reporting-verb',
    confidence: 0.3,
    rule: 'lexicon:reporting-verbs/hail',
    explanation: 'A reporting verb that judges.',
  });
  const e = buildExercise(r);
  const key = toolKey(r);
  // B (a1), sentence 2 "The brutal regime hailed the deal, officials said.": the student marks "brutal" and "hailed".
  const st = [
    { type: 'article', delta: 1 },
    { type: 'sentence', delta: 1 },
    { type: 'word', delta: 1 },
    { type: 'mark-loaded' },
    { type: 'word', delta: 2 },
    { type: 'mark-loaded' },
  ].reduce((s, a) => reduceExercise(e, s, a as ExerciseAction), initialExerciseState(100, 30));

  test('below-threshold findings are never answers; a student’s mark on one says parallax found it, how sure, and why', () => {
    expect(e.belowThreshold.map((m) => [m.kind, r.articles[0]!.text.slice(m.start, m.end), m.confidence])).toEqual([['loaded', 'hailed', 0.3]]);
    expect(key.some((m) => r.articles[0]!.text.slice(m.start, m.end) === 'hailed')).toBe(false);
    const md = formatResultMarkdown(buildResult(e, st.marks, st.guesses, key, 'tool'));
    expect(md).toContain(
      'Findings below parallax’s confidence threshold are not in the key: missing one is never counted against the student; a student’s mark on one is counted as outside the key and says so below.',
    );
    expect(md).toContain('- loaded: “brutal” (73–79) — the key agrees\n');
    expect(md).toContain(
      '- loaded: “hailed” (87–93) — not in the key; parallax found “hailed” too, at confidence 0.30, below the key’s 0.50 (reporting-verb; lexicon:reporting-verbs/hail)\n',
    );
    // with a teacher's key the tool's doubts are not mentioned
    expect(formatResultMarkdown(buildResult(e, st.marks, st.guesses, key, 'answers:key.json'))).toContain('- loaded: “hailed” (87–93) — not in the key\n');
  });

  test('every key mark says why (rule or lexicon entry, confidence); a partly found one says how much', () => {
    const md = formatResultMarkdown(buildResult(e, st.marks, st.guesses, key, 'tool'));
    expect(md).toContain(
      '- loaded (emotive): “brutal regime” (73–86) — student found part of it (1 of 2 words) — Emotive adjective that judges. (lexicon:emotive/brutal, confidence 0.90)\n',
    );
    expect(md).toContain(
      '- unsourced: “Critics call it a sell-out.” (120–147) — student missed it — Critics are not named. (rule:vague-critics, confidence 0.90)\n',
    );
    const screen = resultLines(e, { ...st, revealed: true }, key, 'tool').map(plainText);
    const at = screen.findIndex((l) => l.includes('the deal, officials said.'));
    expect(screen.slice(at, at + 5)).toEqual([
      '    The [{brutal] regime} [hailed] the deal, officials said.',
      '      ✓ partly (1 of 2 words) {brutal regime} emotive — Emotive adjective that judges.',
      '        (lexicon:emotive/brutal, confidence 0.90)',
      '      · [hailed] not in the key — parallax found “hailed” too, at confidence 0.30, below the key’s',
      '        0.50 (reporting-verb; lexicon:reporting-verbs/hail)',
    ]);
  });

  test('the saved result shows an HTML article’s text as the student read it, not its markup', () => {
    const text = '<p>The attackers <a href="http://x.example/a">stormed</a> the museum &amp; fled.</p>';
    const start = text.indexOf('The');
    const end = text.indexOf('</p>');
    const html: Exercise = {
      articles: [
        {
          id: 'h1',
          letter: 'A',
          path: 'page.html',
          label: 'Page',
          outlet: 'Page',
          text,
          format: 'html',
          sentences: [{ start, end, words: [{ start, end: start + 3 }] }],
        },
      ],
      outlets: ['Page'],
      minConfidence: {},
      belowThreshold: [],
    };
    const result = buildResult(html, [], {}, [{ article: 'h1', start, end, kind: 'unsourced' }], 'tool');
    expect(result.keyMarks.map((m) => m.text)).toEqual(['The attackers stormed the museum & fled.']);
    expect(formatResultMarkdown(result)).toContain(`- unsourced: “The attackers stormed the museum &amp; fled.” (${start}–${end}) — student missed it\n`);
  });

  test('at 70 columns the agreement figures wrap instead of losing their end; one word is “1 word”', () => {
    const screen = resultLines(e, { ...st, width: 70, revealed: true }, key, 'tool').map(plainText);
    const at = screen.findIndex((l) => l.startsWith('  loaded terms'));
    expect(screen.slice(at, at + 5)).toEqual([
      '  loaded terms     precision  50% · recall  50% · you 2, key 2, both 1',
      '                   words',
      '  unsourced claims precision    – · recall   0% · you 0, key 2, both 0',
      '                   sentences',
      '    emotive: you found 1 of 2 words (50%)',
    ]);
    const oneWord = { article: 'a1', start: hailed, end: hailed + 6, kind: 'loaded' as const, category: 'emotive' };
    const one = resultLines(e, { ...st, marks: [], width: 70, revealed: true }, [oneWord], 'tool').map(plainText);
    expect(one).toContain('    emotive: you found 0 of 1 word (0%)');
  });

  test('a student’s mark inside a quotation, outside the key, says whose words they are', () => {
    const text = 'Mary wrote: “She is dead wrong on marriage,” and the sister fired back.';
    const words = [...text.matchAll(/[\p{L}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const quoted: Exercise = {
      articles: [{ id: 't1', letter: 'A', path: 'q.txt', label: 'Q', outlet: 'Q', text, format: 'txt', sentences: [{ start: 0, end: text.length, words }] }],
      outlets: ['Q'],
      minConfidence: {},
      belowThreshold: [],
    };
    const at = (w: string) => ({ article: 't1', start: text.indexOf(w), end: text.indexOf(w) + w.length, kind: 'loaded' as const });
    const md = formatResultMarkdown(buildResult(quoted, [at('dead wrong'), at('fired back')], {}, [], 'tool'));
    expect(md).toContain(
      '- loaded: “dead wrong” (20–30) — not in the key; inside a quotation: the speaker’s words, not the outlet’s, which parallax leaves out\n',
    );
    expect(md).toContain('- loaded: “fired back” (60–70) — not in the key\n');
  });

  test('the help says quotations are the speaker’s and that below-threshold findings are never counted as missed', () => {
    const help = exerciseHelp(e, key, 'tool', 100).map(plainText);
    const at = help.indexOf('The key and the score');
    expect(help.slice(at + 1, at + 4)).toEqual([
      '  The key (parallax’s findings at confidence ≥ 0.50) holds 3 items: 1 loaded term, 2 unsourced',
      '     claims. Findings it is less sure of (below the threshold) are left out: missing one never',
      '     counts against you.',
    ]);
    expect(help.join('\n')).toContain(
      '  Words inside a quotation are the speaker’s, not the outlet’s: parallax leaves them out of its\n     loaded terms (the verb that introduces the quotation, such as “slammed”, is the outlet’s).',
    );
    // a teacher's key says nothing of parallax's doubts
    expect(exerciseHelp(e, key, 'answers:key.json', 100).map(plainText).join('\n')).not.toContain('less sure');
  });
});

describe('quitting never loses a student’s work silently (teach23)', () => {
  const key = (input: string): ExerciseAction => ({ type: 'key', input, key: {} });
  test('q with unsaved marks asks first; any key but y keeps marking; without marks, or after reveal, q quits at once', () => {
    const marked = run([{ type: 'mark-unsourced' }]);
    const asked = run([key('q')], marked);
    expect([asked.quitting, asked.quit]).toEqual([true, false]);
    expect(plainText(markingLines(ex, asked).status)).toBe('Quit and lose your marks? (r saves them) y: quit · any other key: keep marking');
    const kept = run([key('n')], asked);
    expect([kept.quitting, kept.quit, kept.marks.length]).toEqual([false, false, 1]);
    expect(run([key('y')], asked).quit).toBe(true);
    // from the help the session opens on, with a guess made: the help closes on the question
    const fromHelp = run([key('q')], { ...run([{ type: 'guess' }]), help: true });
    expect([fromHelp.help, fromHelp.quitting, fromHelp.quit]).toEqual([false, true, false]);
    expect(run([key('q')]).quit).toBe(true);
    expect(run([key('q')], { ...marked, revealed: true }).quit).toBe(true);
  });
});
