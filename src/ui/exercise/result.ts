/**
 * The saved result of an exercise session, for the teacher: the student's marks, the key's
 * marks with their explanations, the agreement figures and the outlet guesses, as JSON and as
 * markdown. Pure (the command writes the files atomically).
 */
import { displayText } from '../../core/display-text.js';
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
  /** The span as the reader saw it (an HTML article's tags hidden, its references decoded). */
  text: string;
  category?: string;
  explanation?: string;
  rule?: string;
  /** The finding's measured precision (the tool's key). */
  confidence?: number;
  /** Whether the other side (key for student marks, student for key marks) marked it too. */
  agreed: boolean;
  /** A loaded key mark the student found only in part: how many of its words the student's marks cover. */
  words?: { found: number; of: number };
  /**
   * A student's mark outside the key on which the tool has a finding below its threshold (the tool's
   * key only): not an answer, so it counts as outside the key; shown so the teacher can judge it.
   */
  belowThreshold?: { text: string; confidence: number; threshold: number | null; category?: string; rule?: string };
  /** A student's loaded-term mark outside the key that stands inside quotation marks: the speaker's words, which parallax leaves out. */
  inQuotation?: true;
}

/**
 * Whether `m` stands inside a quotation that opens in its own sentence: more opening than closing
 * curly quotation marks before it, or an odd number of straight ones. Quotations that open in an
 * earlier sentence, or odd marks (”…” for “…”), are not recognised: then nothing is said.
 */
export function inQuotation(text: string, sentence: { start: number; end: number }, m: { start: number; end: number }): boolean {
  const before = text.slice(sentence.start, m.start);
  const after = text.slice(m.end, sentence.end);
  const count = (t: string, c: string) => t.split(c).length - 1;
  const curly = count(before, '“') > count(before, '”') && after.includes('”');
  const straight = count(before, '"') % 2 === 1 && after.includes('"');
  return curly || straight;
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
      text: displayText(a.text.slice(m.start, m.end), a.format),
      agreed: others.some((o) => o.kind === m.kind && o.article === m.article && overlaps(o, m)),
    };
    if (m.category !== undefined) r.category = m.category;
    if (m.explanation !== undefined) r.explanation = m.explanation;
    if (m.rule !== undefined) r.rule = m.rule;
    if (m.confidence !== undefined) r.confidence = m.confidence;
    if (r.agreed && m.kind === 'loaded') {
      const words = a.sentences.flatMap((s) => s.words).filter((w) => overlaps(w, m));
      const found = words.filter((w) => others.some((o) => o.kind === 'loaded' && o.article === m.article && overlaps(o, w))).length;
      if (found < words.length) r.words = { found, of: words.length };
    }
    return r;
  };
  /** The tool's below-threshold finding under a student's mark that the key does not have. */
  const below = (r: ResultMark, m: Mark): ResultMark => {
    if (r.agreed || keySource !== 'tool') return r;
    const f = ex.belowThreshold.find((h) => h.kind === m.kind && h.article === m.article && overlaps(h, m));
    const a = ex.articles.find((x) => x.id === m.article)!;
    const sentence = a.sentences.find((s) => overlaps(s, m));
    if (!f && m.kind === 'loaded' && sentence && inQuotation(a.text, sentence, m)) return { ...r, inQuotation: true };
    if (!f || f.confidence === undefined) return r;
    const note: NonNullable<ResultMark['belowThreshold']> = {
      text: displayText(a.text.slice(f.start, f.end), a.format),
      confidence: f.confidence,
      threshold: ex.minConfidence[m.kind] ?? null,
    };
    if (f.category !== undefined) note.category = f.category;
    if (f.rule !== undefined) note.rule = f.rule;
    return { ...r, belowThreshold: note };
  };
  return {
    generator: `${GENERATOR_MARK} exercise`,
    schema: 'parallax/exercise@1',
    key: keySource,
    articles: ex.articles.map((a) => {
      const guess = guesses[a.id] ?? null;
      return { letter: a.letter, path: a.path, outlet: a.outlet, guess, guessCorrect: guess === null ? null : guess === a.outlet };
    }),
    student: student.flatMap((m) => {
      const r = toResult(m, key);
      return r ? [below(r, m)] : [];
    }),
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

/** Where a key mark comes from and how far to trust it: "lexicon:emotive/ravage, confidence 0.89" (empty for a teacher's mark). */
export function provenance(m: Pick<ResultMark, 'rule' | 'confidence'>): string {
  return [m.rule, m.confidence === undefined ? undefined : `confidence ${m.confidence.toFixed(2)}`].filter((x) => x !== undefined).join(', ');
}

/** Whether the student found a key mark: "student found it", "student found part of it (1 of 3 words)", "student missed it". */
export function foundWords(m: Pick<ResultMark, 'agreed' | 'words'>): string {
  if (!m.agreed) return 'student missed it';
  return m.words ? `student found part of it (${m.words.found} of ${m.words.of} words)` : 'student found it';
}

/**
 * Why a student's mark outside the key may still be worth a look: "parallax found “regime” too, at
 * confidence 0.30, below the key’s 0.50 (label; lexicon:labels/regime)"; null when it did not.
 */
export function outsideKeyNote(m: Pick<ResultMark, 'belowThreshold' | 'inQuotation'>): string | null {
  if (m.inQuotation) return 'inside a quotation: the speaker’s words, not the outlet’s, which parallax leaves out';
  const b = m.belowThreshold;
  if (!b) return null;
  const what = [b.category, b.rule].filter((x) => x !== undefined).join('; ');
  const threshold = b.threshold === null ? '' : `, below the key’s ${b.threshold.toFixed(2)}`;
  return `parallax found “${b.text}” too, at confidence ${b.confidence.toFixed(2)}${threshold}${what ? ` (${what})` : ''}`;
}

/** The result as markdown for the teacher. */
export function formatResultMarkdown(result: ExerciseResult): string {
  const out: string[] = [];
  out.push(`<!-- ${result.generator} -->`, '', '# Exercise result', '');
  const held = EXERCISE_KINDS.map((k) => counted(result.keyMarks.filter((m) => m.kind === k).length, FINDING_KINDS[k].exercise!.label)).join(', ');
  out.push(
    `Key: ${result.key === 'tool' ? 'parallax’s findings' : escapeMarkdownInline(result.key)} — ${counted(result.keyMarks.length, 'items')} in the exercise’s sentences (${held})`,
    '',
  );
  if (result.key === 'tool') {
    out.push(
      'Findings below parallax’s confidence threshold are not in the key: missing one is never counted against the student; a student’s mark on one is counted as outside the key and says so below.',
      '',
    );
  }
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
    for (const m of mine) {
      const note = outsideKeyNote(m);
      out.push(
        `- ${m.kind}: ${quote(m.text)} (${m.start}–${m.end})${m.agreed ? ' — the key agrees' : ' — not in the key'}${note ? `; ${escapeMarkdownInline(note)}` : ''}`,
      );
    }
    out.push('', '### Key’s marks', '');
    const keys = result.keyMarks.filter((m) => m.article === a.letter);
    if (keys.length === 0) out.push('- none');
    for (const m of keys) {
      const what = m.kind === 'loaded' && m.category ? `loaded (${escapeMarkdownInline(m.category)})` : m.kind;
      const why = m.explanation ? ` — ${escapeMarkdownInline(m.explanation)}` : '';
      const from = provenance(m);
      out.push(`- ${what}: ${quote(m.text)} (${m.start}–${m.end}) — ${foundWords(m)}${why}${from ? ` (${escapeMarkdownInline(from)})` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}
