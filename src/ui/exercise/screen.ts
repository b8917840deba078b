/**
 * The exercise's screens as lines: the marking view (anonymised sentences, the word cursor, the
 * student's marks) and, after reveal, the results (agreement figures, then each article's
 * sentences with the student's and the key's marks and the key's explanations). Pure.
 */
import { displayPieces, displayText } from '../../core/display-text.js';
import { sanitizeTerminal } from '../../core/escape.js';
import type { Role } from '../theme.js';
import { truncateLine, wrap, type Line, type Segment } from '../text.js';
import { counted, FINDING_KINDS } from '../../core/finding-kinds.js';
import { helpLines, kindHelpLines } from '../screens/help.js';
import {
  EXERCISE_KINDS,
  keySummary,
  percent,
  type Agreement,
  type Exercise,
  type ExerciseArticle,
  type ExerciseSentence,
  type KeyMark,
  type Mark,
} from './model.js';
import { outsideKeyNote, buildResult, provenance } from './result.js';
import { selection, type ExerciseState } from '../components/exercise/use-exercise-state.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Keys of the exercise, in the order the help shows them. */
export const EXERCISE_KEYS: readonly [string, string][] = [
  ['← →  h l', 'previous / next word'],
  ['↑ ↓  j k', 'previous / next sentence (after reveal: scroll)'],
  ['tab  shift+tab', 'next / previous article'],
  ['v  space', 'start / cancel a selection of several words'],
  ['m  enter', 'mark the word (or selection) as a loaded term; again to unmark'],
  ['u', 'mark / unmark the whole sentence as an unsourced claim'],
  ['x', 'remove the loaded-term mark under the cursor'],
  ['g', 'guess which outlet wrote this article (cycles through the names)'],
  ['r  then y', 'reveal the key and save the result (asks first; marking ends)'],
  ['?', 'this help (j/k scroll it)'],
  ['q', 'quit (asks first while your marks are not saved yet)'],
];

/** How the exercise's marks look on screen (text markers, so they read without colour). */
const EXERCISE_MARKERS = {
  loaded: 'your marks in [brackets]; after reveal the key’s in {braces}',
  unsourced: 'U in the margin for yours; after reveal T for the key’s',
} as const;

/**
 * The exercise's help: how to do it step by step, what to mark (each kind with an example), what
 * the key is and how many items it holds, how the score is computed, then the keys.
 */
export function exerciseHelp(ex: Exercise, key: readonly KeyMark[], keySource: string, width: number): Line[] {
  const para = (t: string, indent = '  '): Line[] => wrap([{ text: t }], width - indent.length, '   ').map((l) => [{ text: indent }, ...l]);
  const letters = ex.articles.map((a) => a.letter).join(', ');
  const steps = [
    `1. Read the articles ${letters} (tab: next article). Outlet and author names are hidden (█).`,
    '2. Mark each loaded term: move to the word (← →), press m. For several words: v, move, m.',
    '3. Mark each unsourced claim: move to the sentence (↑ ↓), press u.',
    `4. Guess who wrote each article: g cycles through ${ex.outlets.length} names (${ex.outlets.map((o) => sanitizeTerminal(o, true)).join(', ')}).`,
    '5. Press r, then y: the key is revealed, your marks are compared with it and saved.',
  ];
  // One paragraph for what the key holds and leaves out, so at 80×24 the help's last page still shows it beside the keys.
  const leftOut = keySource === 'tool' ? ' Findings it is less sure of (below the threshold) are left out: missing one never counts against you.' : '';
  const score = [
    keySummary(ex, key, keySource) + leftOut,
    'Precision: the share of your marks the key also has. Recall: the share of the key you found. Loaded terms are compared word by word, unsourced claims sentence by sentence.',
  ];
  return helpLines('Keys', EXERCISE_KEYS, width, [
    { heading: 'How to do the exercise', lines: steps.flatMap((t) => para(t)) },
    {
      heading: 'What to mark',
      lines: [
        ...kindHelpLines(EXERCISE_KINDS, width, Object.fromEntries(EXERCISE_KINDS.map((k) => [k, FINDING_KINDS[k].exercise!.label])), EXERCISE_MARKERS),
        ...para(
          'Words inside a quotation are the speaker’s, not the outlet’s: parallax leaves them out of its loaded terms (the verb that introduces the quotation, such as “slammed”, is the outlet’s).',
        ),
      ],
    },
    { heading: 'The key and the score', lines: score.flatMap((t) => para(t)) },
  ]);
}

/**
 * Segments of a sentence with marks: student loaded terms in `[ ]`, key loaded terms in `{ }`,
 * the cursor word and selection in the cursor role.
 */
export function sentenceSegments(
  a: ExerciseArticle,
  s: ExerciseSentence,
  student: readonly Mark[],
  key: readonly KeyMark[] | null,
  cursor: [number, number] | null,
): Segment[] {
  const opens = new Map<number, string>();
  const closes = new Map<number, string>();
  const roles: Role[] = [];
  const mine = student.filter((m) => m.article === a.id && m.kind === 'loaded' && overlaps(m, s));
  const theirs = (key ?? []).filter((m) => m.article === a.id && m.kind === 'loaded' && overlaps(m, s));
  for (let i = s.start; i < s.end; i++) {
    const inMine = mine.some((m) => m.start <= i && i < m.end);
    const inKey = theirs.some((m) => m.start <= i && i < m.end);
    roles.push(inMine && inKey ? 'both' : inMine ? 'student' : inKey ? 'loaded' : 'plain');
  }
  const add = (map: Map<number, string>, at: number, t: string, before: boolean) => map.set(at, before ? t + (map.get(at) ?? '') : (map.get(at) ?? '') + t);
  for (const m of mine) {
    add(opens, Math.max(m.start, s.start), '[', false);
    add(closes, Math.min(m.end, s.end), ']', true);
  }
  for (const m of theirs) {
    add(opens, Math.max(m.start, s.start), '{', false);
    add(closes, Math.min(m.end, s.end), '}', false);
  }
  if (cursor) {
    const from = s.words[cursor[0]]!.start;
    const to = s.words[cursor[1]]!.end;
    for (let i = from; i < to; i++) roles[i - s.start] = 'cursor';
  }
  const out: Segment[] = [];
  const push = (text: string, role: Role) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && (last.role ?? 'plain') === role) last.text += text;
    else out.push(role === 'plain' ? { text } : { text, role });
  };
  // what each raw unit shows as: an HTML article's tags hidden, its references decoded
  const shown = displayPieces(a.text.slice(s.start, s.end), a.format);
  for (let i = s.start; i < s.end; i++) {
    if (closes.has(i)) push(closes.get(i)!, 'key');
    if (opens.has(i)) push(opens.get(i)!, 'key');
    push(sanitizeTerminal(shown[i - s.start]!, true), roles[i - s.start]!);
  }
  if (closes.has(s.end)) push(closes.get(s.end)!, 'key');
  return out;
}

/** Margin of a sentence: cursor and the unsourced marks (`U` student, `T` key). */
function margin(current: boolean, studentU: boolean, keyU: boolean | null): Segment[] {
  return [
    { text: current ? '›' : ' ', role: 'cursor' },
    { text: studentU ? 'U' : ' ', role: 'student' },
    ...(keyU === null ? [] : [{ text: keyU ? 'T' : ' ', role: 'unsourced' as const }]),
    { text: ' ' },
  ];
}

/** The marking view: lines and the line to keep visible. */
export function markingLines(ex: Exercise, state: ExerciseState): { title: Line; lines: Line[]; focus: number; status: Line } {
  const a = ex.articles[state.article]!;
  const width = state.width;
  const lines: Line[] = [];
  let focus = 0;
  a.sentences.forEach((s, i) => {
    const current = i === state.sentence;
    if (current) focus = lines.length;
    const studentU = state.marks.some((m) => m.kind === 'unsourced' && m.article === a.id && overlaps(m, s));
    const segs = sentenceSegments(a, s, state.marks, null, current ? selection(state) : null);
    const m = margin(current, studentU, null);
    wrap(segs, width - 3).forEach((l, j) => lines.push([...(j === 0 ? m : [{ text: '   ' }]), ...l]));
  });
  const title: Line = [{ text: 'parallax exercise ', role: 'title' }];
  for (const [i, x] of ex.articles.entries()) title.push({ text: ` ${x.letter} `, role: i === state.article ? 'tab-active' : 'tab' });
  const guess = state.guesses[a.id];
  title.push({ text: `  guess: ${guess === undefined ? '?' : sanitizeTerminal(guess, true)}`, role: 'dim' });
  const s = a.sentences[state.sentence];
  const [lo, hi] = selection(state);
  const words = s ? sanitizeTerminal(displayText(a.text.slice(s.words[lo]!.start, s.words[hi]!.end), a.format), true) : '';
  const count = (k: string) => state.marks.filter((m) => m.kind === k).length;
  // The keys come first, so a narrow terminal cuts the word at the end, never "r reveal".
  const status: Line = state.quitting
    ? [{ text: 'Quit and lose your marks? (r saves them) y: quit · any other key: keep marking', role: 'warn' }]
    : state.confirming
      ? [{ text: `Reveal the key now? Marking ends. y: reveal · any other key: keep marking`, role: 'warn' }]
      : state.message
        ? [{ text: sanitizeTerminal(state.message, true), role: 'ok' }]
        : [
            { text: '? help · r reveal · m mark · u unsourced · g guess', role: 'dim' },
            { text: ` · marks: ${count('loaded')} loaded, ${count('unsourced')} unsourced · `, role: 'dim' },
            { text: `${state.anchor === null ? 'word' : 'selection'}: «${words}»`, role: 'key' },
          ];
  return { title: truncateLine(title, width), lines: lines.map((l) => truncateLine(l, width)), focus, status: truncateLine(status, width) };
}

/** The results view after reveal. */
export function resultLines(ex: Exercise, state: ExerciseState, key: readonly KeyMark[], keySource: string): Line[] {
  const width = state.width;
  const r = buildResult(ex, state.marks, state.guesses, key, keySource);
  const lines: Line[] = [];
  // wrapped, not cut: at 80 columns "both 1 sentences" lost its end
  const fig = (name: string, unit: string, g: Agreement): Line[] =>
    wrap(
      [
        { text: `  ${name.padEnd(17)}`, role: 'heading' },
        {
          text: `precision ${percent(g.precision).padStart(4)} · recall ${percent(g.recall).padStart(4)} · you ${g.student}, key ${g.key}, both ${g.both} ${unit}s`,
        },
      ],
      width,
      ' '.repeat(19),
    );
  lines.push([{ text: `Agreement with ${keySource === 'tool' ? 'parallax' : sanitizeTerminal(keySource, true)}`, role: 'heading' }]);
  lines.push(...wrap([{ text: sanitizeTerminal(keySummary(ex, key, keySource), true), role: 'dim' }], width - 2).map((l) => [{ text: '  ' }, ...l]));
  for (const k of EXERCISE_KINDS) {
    const how = FINDING_KINDS[k].exercise;
    const g = r.agreement[k];
    if (how && g) lines.push(...fig(how.label, how.unit, g));
  }
  for (const [c, g] of Object.entries(r.agreement.byCategory))
    lines.push(
      truncateLine(
        [{ text: `    ${sanitizeTerminal(c, true)}: you found ${g.both} of ${counted(g.key, 'words')} (${percent(g.recall)})`, role: 'dim' }],
        width,
      ),
    );
  lines.push([]);
  for (const a of r.articles) {
    const verdict = a.guess === null ? 'no guess' : a.guessCorrect ? `you guessed right` : `you guessed ${sanitizeTerminal(a.guess, true)}`;
    lines.push(
      truncateLine(
        [
          { text: `  ${a.letter} = ${sanitizeTerminal(a.outlet, true)}`, role: 'title' },
          { text: ` (${verdict}) · ${sanitizeTerminal(a.path, true)}`, role: a.guessCorrect ? 'ok' : 'dim' },
        ],
        width,
      ),
    );
  }
  lines.push([], truncateLine([{ text: '[you] {tool/key} · margin: U you marked unsourced, T the key did', role: 'dim' }], width), []);
  for (const a of ex.articles) {
    lines.push([{ text: `Article ${a.letter}`, role: 'heading' }]);
    for (const s of a.sentences) {
      const studentU = state.marks.some((m) => m.kind === 'unsourced' && m.article === a.id && overlaps(m, s));
      const keyHere = key.filter((m) => m.article === a.id && overlaps(m, s));
      const keyU = keyHere.some((m) => m.kind === 'unsourced');
      const studentL = state.marks.some((m) => m.kind === 'loaded' && m.article === a.id && overlaps(m, s));
      if (!studentU && !keyU && !studentL && keyHere.length === 0) continue;
      const m = margin(false, studentU, keyU);
      wrap(sentenceSegments(a, s, state.marks, key, null), width - 4).forEach((l, j) => lines.push([...(j === 0 ? m : [{ text: '    ' }]), ...l]));
      const note = (segs: Segment[]) => lines.push(...wrap(segs, width - 6, '  ').map((l) => [{ text: '      ' }, ...l]));
      for (const k of keyHere) {
        const rk = r.keyMarks.find((x) => x.article === a.letter && x.kind === k.kind && x.start === k.start && x.end === k.end);
        const found = rk?.agreed ?? false;
        const what =
          k.kind === 'loaded'
            ? `{${sanitizeTerminal(displayText(a.text.slice(k.start, k.end), a.format), true)}} ${sanitizeTerminal(k.category ?? 'loaded', true)}`
            : 'unsourced';
        const from = provenance(k);
        note([
          { text: found ? '✓ ' : '✗ ', role: found ? 'ok' : 'warn' },
          ...(rk?.words ? [{ text: `partly (${rk.words.found} of ${rk.words.of} words) `, role: 'ok' as const }] : []),
          { text: what, role: k.kind === 'loaded' ? 'loaded' : 'unsourced' },
          ...(k.explanation ? [{ text: ` — ${sanitizeTerminal(k.explanation, true)}`, role: 'dim' as const }] : []),
          ...(from ? [{ text: ` (${sanitizeTerminal(from, true)})`, role: 'dim' as const }] : []),
        ]);
      }
      // the student's marks the key does not have, and why one may still be worth a look
      for (const m of r.student.filter((x) => x.article === a.letter && !x.agreed && overlaps(x, s))) {
        const why = outsideKeyNote(m);
        note([
          { text: '· ', role: 'dim' },
          { text: m.kind === 'loaded' ? `[${sanitizeTerminal(m.text, true)}]` : 'U', role: 'student' },
          { text: ` not in the key${why ? ` — ${sanitizeTerminal(why, true)}` : ''}`, role: 'dim' },
        ]);
      }
    }
    lines.push([]);
  }
  return lines.map((l) => truncateLine(l, width));
}
