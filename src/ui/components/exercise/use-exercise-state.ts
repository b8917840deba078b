/**
 * State of an exercise session: where the student is (article, sentence, word, selection
 * anchor), their marks and guesses, and whether the key is revealed. `reduceExercise` is pure
 * and unit-tested without ink; `exerciseKeyToAction` maps key presses to actions.
 */
import { useReducer } from 'react';
import type { Exercise, Mark } from '../../exercise/model.js';
import type { KeyInfo } from '../app/use-app-state.js';

export interface ExerciseState {
  /** 0-based indices into `exercise.articles`, its `sentences`, and the sentence's `words`. */
  article: number;
  sentence: number;
  word: number;
  /** Word index where a range selection started, or null. */
  anchor: number | null;
  marks: Mark[];
  /** Guessed outlet label per article id (absent: no guess). */
  guesses: Record<string, string>;
  revealed: boolean;
  /** Top line of the results view (after reveal). */
  scroll: number;
  help: boolean;
  /** Top line of the help while it is open (j/k scroll it). */
  helpScroll: number;
  /** `r` was pressed: the reveal waits for `y` (any other key cancels it). */
  confirming: boolean;
  /** `q` was pressed with marks or guesses not yet saved: quitting waits for `y` (any other key cancels it). */
  quitting: boolean;
  /** Where the result was saved, once it was. */
  savedTo: string | null;
  message: string | null;
  width: number;
  height: number;
  quit: boolean;
}

export type ExerciseAction =
  | { type: 'key'; input: string; key: KeyInfo }
  | { type: 'sentence'; delta: number }
  | { type: 'word'; delta: number }
  | { type: 'article'; delta: number }
  | { type: 'select' }
  | { type: 'mark-loaded' }
  | { type: 'mark-unsourced' }
  | { type: 'unmark' }
  | { type: 'guess' }
  | { type: 'reveal-ask' }
  | { type: 'reveal-cancel' }
  | { type: 'quit-ask' }
  | { type: 'quit-cancel' }
  | { type: 'reveal' }
  | { type: 'help-scroll'; delta: number; max: number }
  | { type: 'scroll'; delta: number }
  | { type: 'help' }
  | { type: 'saved'; path: string }
  | { type: 'message'; text: string }
  | { type: 'resize'; width: number; height: number }
  | { type: 'quit' };

/** The start of a session; `help`: open on the help (the view does, so the instructions come first). */
export function initialExerciseState(width: number, height: number, help = false): ExerciseState {
  return {
    article: 0,
    sentence: 0,
    word: 0,
    anchor: null,
    marks: [],
    guesses: {},
    revealed: false,
    scroll: 0,
    help,
    helpScroll: 0,
    confirming: false,
    quitting: false,
    savedTo: null,
    message: null,
    width,
    height,
    quit: false,
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The selected word range `[lo, hi]` (inclusive word indices) of the current sentence. */
export function selection(state: ExerciseState): [number, number] {
  const a = state.anchor ?? state.word;
  return [Math.min(a, state.word), Math.max(a, state.word)];
}

/** Pure reducer of an exercise session. */
export function reduceExercise(ex: Exercise, state: ExerciseState, action: ExerciseAction, helpLength: (width: number) => number = () => 0): ExerciseState {
  if (action.type === 'key') {
    const a = exerciseKeyToAction(state, action.input, action.key, state.help ? helpLength(state.width) : 0);
    return a ? reduceExercise(ex, state, a, helpLength) : state;
  }
  const s = action.type === 'message' || action.type === 'resize' || action.type === 'saved' ? state : { ...state, message: null };
  const art = ex.articles[s.article];
  const sen = art?.sentences[s.sentence];
  switch (action.type) {
    case 'resize':
      return { ...s, width: Math.max(20, action.width), height: Math.max(5, action.height) };
    case 'message':
      return { ...s, message: action.text };
    case 'saved':
      return { ...s, savedTo: action.path, message: `Result saved to ${action.path}` };
    case 'quit':
      return { ...s, quit: true };
    case 'quit-ask':
      return { ...s, quitting: true, help: false };
    case 'quit-cancel':
      return { ...s, quitting: false };
    case 'help':
      return { ...s, help: !s.help, helpScroll: 0 };
    case 'help-scroll':
      return { ...s, helpScroll: Math.max(0, Math.min(action.max, s.helpScroll + action.delta)) };
    case 'reveal-ask':
      return s.revealed ? s : { ...s, confirming: true };
    case 'reveal-cancel':
      return { ...s, confirming: false };
    case 'scroll':
      return { ...s, scroll: Math.max(0, s.scroll + action.delta) };
    case 'reveal':
      return s.revealed ? s : { ...s, revealed: true, confirming: false, scroll: 0, anchor: null };
  }
  if (s.revealed || !art || !sen) return s;
  switch (action.type) {
    case 'sentence': {
      const sentence = clamp(s.sentence + action.delta, 0, art.sentences.length - 1);
      return sentence === s.sentence ? s : { ...s, sentence, word: 0, anchor: null };
    }
    case 'word':
      return { ...s, word: clamp(s.word + action.delta, 0, sen.words.length - 1) };
    case 'article': {
      const article = (s.article + action.delta + ex.articles.length) % ex.articles.length;
      return { ...s, article, sentence: 0, word: 0, anchor: null };
    }
    case 'select':
      return { ...s, anchor: s.anchor === null ? s.word : null };
    case 'mark-loaded': {
      const [lo, hi] = selection(s);
      const mark: Mark = { article: art.id, start: sen.words[lo]!.start, end: sen.words[hi]!.end, kind: 'loaded' };
      const same = (m: Mark) => m.kind === 'loaded' && m.article === mark.article && m.start === mark.start && m.end === mark.end;
      const marks = s.marks.some(same)
        ? s.marks.filter((m) => !same(m))
        : [...s.marks.filter((m) => !(m.kind === 'loaded' && m.article === mark.article && m.start < mark.end && mark.start < m.end)), mark];
      return { ...s, marks: sortMarks(marks), anchor: null };
    }
    case 'mark-unsourced': {
      const same = (m: Mark) => m.kind === 'unsourced' && m.article === art.id && m.start === sen.start;
      const marks = s.marks.some(same)
        ? s.marks.filter((m) => !same(m))
        : [...s.marks, { article: art.id, start: sen.start, end: sen.end, kind: 'unsourced' as const }];
      return { ...s, marks: sortMarks(marks) };
    }
    case 'unmark': {
      const w = sen.words[s.word]!;
      return { ...s, marks: s.marks.filter((m) => !(m.article === art.id && m.kind === 'loaded' && m.start < w.end && w.start < m.end)), anchor: null };
    }
    case 'guess': {
      const choices = ex.outlets;
      const now = s.guesses[art.id];
      const i = now === undefined ? -1 : choices.indexOf(now);
      const guesses = { ...s.guesses };
      if (i + 1 >= choices.length) delete guesses[art.id];
      else guesses[art.id] = choices[i + 1]!;
      return { ...s, guesses };
    }
  }
  return s;
}

function sortMarks(marks: Mark[]): Mark[] {
  return [...marks].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : 1)));
}

/** Whether quitting now would lose work: marks or guesses made and the result not yet saved (it is saved on reveal). */
export function hasUnsavedWork(state: ExerciseState): boolean {
  return !state.revealed && (state.marks.length > 0 || Object.keys(state.guesses).length > 0);
}

/** What a key press means in an exercise session (null: nothing). */
export function exerciseKeyToAction(state: ExerciseState, input: string, key: KeyInfo, helpLength = 0): ExerciseAction | null {
  if (state.quitting) return input === 'y' || input === 'Y' ? { type: 'quit' } : { type: 'quit-cancel' };
  const quit: ExerciseAction = hasUnsavedWork(state) ? { type: 'quit-ask' } : { type: 'quit' };
  if (state.help) {
    const max = Math.max(0, helpLength - (state.height - 2));
    const page = Math.max(1, state.height - 4);
    if (key.upArrow || input === 'k') return { type: 'help-scroll', delta: -1, max };
    if (key.downArrow || input === 'j') return { type: 'help-scroll', delta: 1, max };
    if (key.pageUp) return { type: 'help-scroll', delta: -page, max };
    if (key.pageDown || input === ' ') return { type: 'help-scroll', delta: page, max };
    if (input === 'q') return quit; // the session opens on its help, which lists "q quit"
    return { type: 'help' };
  }
  if (state.confirming) return input === 'y' || input === 'Y' ? { type: 'reveal' } : { type: 'reveal-cancel' };
  if (input === 'q') return quit;
  if (input === '?') return { type: 'help' };
  if (state.revealed) {
    if (key.upArrow || input === 'k') return { type: 'scroll', delta: -1 };
    if (key.downArrow || input === 'j') return { type: 'scroll', delta: 1 };
    if (key.pageUp) return { type: 'scroll', delta: -(state.height - 3) };
    if (key.pageDown || input === ' ') return { type: 'scroll', delta: state.height - 3 };
    return null;
  }
  if (key.upArrow || input === 'k') return { type: 'sentence', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'sentence', delta: 1 };
  if (key.leftArrow || input === 'h') return { type: 'word', delta: -1 };
  if (key.rightArrow || input === 'l') return { type: 'word', delta: 1 };
  if (key.tab) return { type: 'article', delta: key.shift ? -1 : 1 };
  if (input === 'v' || input === ' ') return { type: 'select' };
  if (input === 'm' || key.return) return { type: 'mark-loaded' };
  if (input === 'u') return { type: 'mark-unsourced' };
  if (input === 'x' || key.backspace || key.delete) return { type: 'unmark' };
  if (key.escape) return state.anchor !== null ? { type: 'select' } : null;
  if (input === 'g') return { type: 'guess' };
  if (input === 'r') return { type: 'reveal-ask' };
  return null;
}

/** React binding of `reduceExercise`. */
export function useExerciseState(ex: Exercise, width: number, height: number, helpLength: (width: number) => number = () => 0) {
  return useReducer(
    (state: ExerciseState, action: ExerciseAction) => reduceExercise(ex, state, action, helpLength),
    undefined,
    () => initialExerciseState(width, height, true),
  );
}
