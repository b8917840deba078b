/**
 * The saved result of an exercise session, for the teacher: the student's marks, the key's
 * marks with their explanations, the agreement figures and the outlet guesses, as JSON and as
 * markdown. Pure (the command writes the files atomically).
 */
import { escapeMarkdownInline } from '../../core/escape.js';
import { GENERATOR_MARK } from '../../report/write.js';
import { counted, FINDING_KINDS } from '../../core/finding-kinds.js';
import { EXERCISE_KINDS, percent, scoreExercise, type Agreement, type Exercise, type ExerciseScore, type KeyMark, type Mark, type MarkKind } from './model.js';

export interface ResultMark {
  /** Exercise letter of the article. */
  article: string;
  path: string;
  kind: MarkKind;
  start: number;
  end: number;
  text: string;
  category?: string;
  explanation?: string;
  rule?: string;
  /** Whether the other side (key for student marks, student for key marks) marked it too. */
  agreed: boolean;
}

export interface ExerciseResult {
  generator: string;
  schema: 'parallax/exercise@1';
  /** `tool` (parallax's findings) or `answers:<file>`. */
  key: string;
  articles: { letter: string; path: string; outlet: string; guess: string | null; guessCorrect: boolean | null }[];
  student: ResultMark[];
  keyMarks: ResultMark[];
  agreement: ExerciseScore;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Builds the result of a session (only marks inside the exercise's sentences count). */
export function buildResult(
  ex: Exercise,
  student: readonly Mark[],
  guesses: Readonly<Record<string, string>>,
  key: readonly KeyMark[],
  keySource: string,
): ExerciseResult {
  const toResult = (m: KeyMark, others: readonly Mark[]): ResultMark | null => {
    const a = ex.articles.find((x) => x.id === m.article);
    if (!a || !a.sentences.some((s) => overlaps(s, m))) return null;
    const r: ResultMark = {
      article: a.letter,
      path: a.path,
      kind: m.kind,
      start: m.start,
      end: m.end,
      text: a.text.slice(m.start, m.end),
      agreed: others.some((o) => o.kind === m.kind && o.article === m.article && overlaps(o, m)),
    };
    if (m.category !== undefined) r.category = m.category;
    if (m.explanation !== undefined) r.explanation = m.explanation;
    if (m.rule !== undefined) r.rule = m.rule;
    return r;
  };
  return {
    generator: `${GENERATOR_MARK} exercise`,
    schema: 'parallax/exercise@1',
    key: keySource,
    articles: ex.articles.map((a) => {
      const guess = guesses[a.id] ?? null;
      return { letter: a.letter, path: a.path, outlet: a.outlet, guess, guessCorrect: guess === null ? null : guess === a.outlet };
    }),
    student: student.map((m) => toResult(m, key)).filter((m): m is ResultMark => m !== null),
    keyMarks: key.map((m) => toResult(m, student)).filter((m): m is ResultMark => m !== null),
    agreement: scoreExercise(ex, student, key),
  };
}

/** The result as JSON (2-space indent, trailing newline). */
export function formatResultJson(result: ExerciseResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

function row(name: string, unit: string, a: Agreement): string {
  return `| ${name} | ${unit} | ${a.student} | ${a.key} | ${a.both} | ${percent(a.precision)} | ${percent(a.recall)} | ${percent(a.f1)} |`;
}

const quote = (t: string) => `“${escapeMarkdownInline(t)}”`;

/** The result as markdown for the teacher. */
export function formatResultMarkdown(result: ExerciseResult): string {
  const out: string[] = [];
  out.push(`<!-- ${result.generator} -->`, '', '# Exercise result', '');
  const held = EXERCISE_KINDS.map((k) => counted(result.keyMarks.filter((m) => m.kind === k).length, FINDING_KINDS[k].exercise!.label)).join(', ');
  out.push(
    `Key: ${result.key === 'tool' ? 'parallax’s findings' : escapeMarkdownInline(result.key)} — ${result.keyMarks.length} items in the exercise’s sentences (${held})`,
    '',
  );
  out.push('## Agreement', '');
  out.push('| category | compared by | student | key | both | precision | recall | F1 |', '|---|---|---|---|---|---|---|---|');
  for (const k of EXERCISE_KINDS) {
    const how = FINDING_KINDS[k].exercise;
    const a = result.agreement[k];
    if (how && a) out.push(row(how.label, how.unit, a));
  }
  for (const [c, a] of Object.entries(result.agreement.byCategory))
    out.push(`| loaded: ${escapeMarkdownInline(c)} | word | | ${a.key} | ${a.both} | | ${percent(a.recall)} | |`);
  out.push('', '## Which outlet is which', '', '| article | outlet | guess | right? |', '|---|---|---|---|');
  for (const a of result.articles) {
    out.push(
      `| ${a.letter} | ${escapeMarkdownInline(a.outlet)} | ${a.guess === null ? '–' : escapeMarkdownInline(a.guess)} | ${a.guessCorrect === null ? '–' : a.guessCorrect ? 'yes' : 'no'} |`,
    );
  }
  for (const a of result.articles) {
    out.push('', `## Article ${a.letter} (${escapeMarkdownInline(a.path)})`, '', '### Student’s marks', '');
    const mine = result.student.filter((m) => m.article === a.letter);
    if (mine.length === 0) out.push('- none');
    for (const m of mine) out.push(`- ${m.kind}: ${quote(m.text)} (${m.start}–${m.end})${m.agreed ? ' — the key agrees' : ' — not in the key'}`);
    out.push('', '### Key’s marks', '');
    const keys = result.keyMarks.filter((m) => m.article === a.letter);
    if (keys.length === 0) out.push('- none');
    for (const m of keys) {
      const what = m.kind === 'loaded' && m.category ? `loaded (${escapeMarkdownInline(m.category)})` : m.kind;
      const why = m.explanation ? ` — ${escapeMarkdownInline(m.explanation)}` : '';
      out.push(`- ${what}: ${quote(m.text)} (${m.start}–${m.end})${m.agreed ? ' — student found it' : ' — student missed it'}${why}`);
    }
  }
  return `${out.join('\n')}\n`;
}
