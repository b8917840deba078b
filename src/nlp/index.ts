/**
 * Sentences, tokens and entities with exact character offsets.
 *
 * wink-nlp reports token values but no offsets; we rebuild them once here by walking the token
 * values through the text wink read (each value is a verbatim substring). Only body spans are
 * analysed: everything else (front matter, boilerplate, markup) is blanked (see view.ts). For
 * plain text and markdown the view has the source's length, so offsets need no mapping; for
 * HTML the view's origin map turns view offsets into source offsets. No token can come from
 * outside the body. All offsets are 0-based UTF-16 indices into the source text, end exclusive.
 */
import type { Entity, Sentence, Span, TextLayout, Token } from '../core/types.js';
import type { ItemEntity } from 'wink-nlp';
import { wink } from './wink.js';
import { forgetReadText } from './wink-lexicon.js';
import { checkBudget } from '../core/limits.js';
import { buildView, maskOutside, toSource } from './view.js';
import { cueList, readCueFile } from '../core/yaml-copy.js';

export interface NlpResult {
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
}

const WHITESPACE_TYPES = new Set(['tabCRLF', 'space']);

/** Replaces every code unit outside `body` with a space, keeping line breaks (same length). */
export const maskOutsideBody = maskOutside;

/** JavaScript `\s` (the characters `trim` removes). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when `text` has a line break in `[start, end)` (most gaps between tokens are one space). */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function isBlank(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Rewrites runs of spaces, tabs and line breaks so that wink does not read them as thousands of
 * whitespace tokens (it is quadratic in those within one sentence: a file of masked lines, or
 * PDF text with indented blank lines). Same length, so offsets are unchanged: a run keeps its
 * first and last line break where they are (so line and paragraph breaks read the same) and
 * everything else in it becomes a space.
 */
export function collapseBlankRuns(text: string): string {
  return text.replace(/[ \t\f\v\r\n]{3,}/g, (run) => {
    const first = /\r\n|\n|\r/.exec(run);
    if (!first) return run.includes('\t') || /[\f\v]/.test(run) ? ' '.repeat(run.length) : run;
    let lastStart = run.length - 1;
    while (run[lastStart] !== '\n' && run[lastStart] !== '\r') lastStart--;
    const firstEnd = first.index + first[0].length;
    if (lastStart < firstEnd) return ' '.repeat(first.index) + first[0] + ' '.repeat(run.length - first.index - first[0].length);
    const last = run[lastStart] === '\n' && run[lastStart - 1] === '\r' && lastStart - 1 >= firstEnd ? '\r\n' : run[lastStart]!;
    const lastAt = lastStart - last.length + 1;
    return ' '.repeat(first.index) + first[0] + ' '.repeat(lastAt - firstEnd) + last + ' '.repeat(run.length - lastStart - 1);
  });
}

/** Offsets where a sentence must end regardless of punctuation: line breaks (see README). */
function hardBreaks(masked: string): Set<number> {
  const lines = masked.split(/\r\n|\n|\r/);
  const nonBlank = lines.filter((l) => l.trim().length > 0);
  const wrapped =
    nonBlank.length >= 8 && nonBlank.filter((l) => l.length >= 50 && l.length <= 100 && !/[.!?:"”’)]\s*$/.test(l)).length >= nonBlank.length * 0.6;
  const breaks = new Set<number>();
  const re = wrapped ? /\n[ \t\u00a0]*\r?\n|\r[ \t]*\r(?!\n)/g : /\r\n|\n|\r/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) breaks.add(m.index);
  return breaks;
}

/**
 * Runs wink-nlp once over the body of `text` and returns tokens, sentences and entities whose
 * offsets (0-based, end exclusive) slice back exactly to `text`. `layout` (HTML) says where block
 * elements end and which character references to read as characters; a token's `text` is
 * always the raw source slice (so `&rsquo;` stays in it), its `normal` and `lemma` are wink's
 * reading of the decoded characters.
 */
export function analyseText(text: string, body: readonly Span[], layout?: TextLayout): NlpResult {
  const view = buildView(text, body, layout);
  const masked = collapseBlankRuns(view.text);
  const src = (offset: number) => toSource(view, offset);
  const { values, types, normals, lemmas, pos, winkSentences, winkEntities } = readWink(masked);

  // Rebuild offsets in the view: each value is the next occurrence at or after the cursor with
  // only whitespace before it. Whitespace tokens are not placed (line breaks are read from the
  // gaps between kept tokens below).
  const starts = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    if ((i & 4095) === 0) checkBudget('nlp');
    const v = values[i]!;
    if (WHITESPACE_TYPES.has(types[i]!) || v.length === 0 || isBlank(v)) continue;
    let at: number;
    if (!isSpace(v.charCodeAt(0))) {
      // The token must start at the first non-space character after the cursor.
      let p = cursor;
      while (p < masked.length && isSpace(masked.charCodeAt(p))) p++;
      if (!masked.startsWith(v, p)) continue; // wink normalised this token; it is dropped rather than misplaced
      at = p;
    } else {
      at = masked.startsWith(v, cursor) ? cursor : masked.indexOf(v, cursor);
      if (at < 0 || /\S/.test(masked.slice(cursor, at))) continue;
    }
    starts[i] = at;
    cursor = at + v.length;
  }

  const sentenceOfWink = new Int32Array(values.length).fill(-1);
  winkSentences.forEach(([a, b], si) => {
    for (let k = a; k <= b; k++) sentenceOfWink[k] = si;
  });

  const breaks = hardBreaks(masked);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const tokenOfWink = new Int32Array(values.length).fill(-1);
  // View offsets of each kept token (equal to source offsets unless the view has an origin map).
  const viewStart: number[] = [];
  const viewEnd: number[] = [];
  let sentenceStartTok = 0;
  let lastWinkSentence = -1;
  let pendingBreak = false;
  let paragraph = 0;
  let pendingParagraph = false;
  let span = 0; // body span holding the current token (plain text and markdown)
  let lastSpan = 0;

  const closeSentence = () => {
    if (tokens.length > sentenceStartTok) {
      const first = tokens[sentenceStartTok]!;
      const last = tokens[tokens.length - 1]!;
      sentences.push({
        index: sentences.length,
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        tokenStart: sentenceStartTok,
        tokenEnd: tokens.length,
        paragraph,
        heading: false,
      });
    }
    sentenceStartTok = tokens.length;
  };

  for (let i = 0; i < values.length; i++) {
    if ((i & 4095) === 0) checkBudget('nlp');
    const start = starts[i]!;
    if (start < 0) continue;
    const value = values[i]!;
    // The body span holding the token (plain text and markdown; HTML marks its breaks in the view).
    if (!view.origin) while (span < body.length && body[span]!.end <= start) span++;
    // Line breaks between this token and the previous one (whitespace tokens are not kept).
    if (tokens.length > 0) {
      const prevEnd = viewEnd[viewEnd.length - 1]!;
      if (prevEnd < start && hasLineBreak(masked, prevEnd, start)) {
        for (let k = prevEnd; k < start; k++) if (breaks.has(k)) pendingBreak = true;
        if (/(\r?\n|\r)[ \t\u00a0]*(\r?\n|\r)/.test(masked.slice(prevEnd, start))) pendingParagraph = true;
      }
      // A sentence never runs from one body span into the next across boilerplate.
      if (span !== lastSpan) pendingBreak = true;
    }
    lastSpan = span;
    // wink splits a word at a letter outside its alphabet ("Kāretu" → "K" "ā" "retu"): letters that touch
    // with no space between are one word (a name keeps its letters and is tagged a proper noun).
    const prevTok = tokens[tokens.length - 1];
    if (
      prevTok &&
      !pendingBreak &&
      !pendingParagraph &&
      viewEnd[viewEnd.length - 1] === start &&
      /\p{L}$/u.test(prevTok.text) &&
      /^\p{L}/u.test(value) &&
      /[\u0100-\u024f\u1e00-\u1eff]/u.test(prevTok.text.slice(-1) + value[0])
    ) {
      const end = src(start + value.length);
      prevTok.end = end;
      prevTok.text = text.slice(prevTok.start, end);
      prevTok.normal += normals[i]!;
      prevTok.lemma = prevTok.normal;
      prevTok.pos = /^\p{Lu}/u.test(prevTok.text) ? 'PROPN' : 'NOUN';
      prevTok.type = 'word';
      viewEnd[viewEnd.length - 1] = start + value.length;
      tokenOfWink[i] = tokens.length - 1;
      continue;
    }
    const ws = sentenceOfWink[i]!;
    // wink ends sentences after abbreviations in parentheses ("Sen. Bernie Sanders (I-Vt.) said")
    // and after quoted exclamations ("“Lock her up!” he wrote."); a sentence does not start with a
    // lower-case word or a comma, so such a boundary is read as a continuation (line breaks still end sentences).
    const continues =
      ws !== lastWinkSentence &&
      tokens.length > 0 &&
      ((/^(\p{Ll}|[,;)])/u.test(value) && endsLikeAbbreviationOrQuote(tokens, text)) ||
        (/^\p{Lu}/u.test(value) && endsInTitle(tokens)) ||
        (/^\p{N}/u.test(value) && endsInMonth(tokens)) ||
        insideWordOrParenthesis(tokens, src(start)));
    const clockEnds = ws === lastWinkSentence && tokens.length > 0 && endsAtClock(tokens, value);
    if (tokens.length > 0 && (pendingBreak || pendingParagraph || clockEnds || (ws !== lastWinkSentence && !continues))) {
      closeSentence();
      if (pendingParagraph) paragraph++;
    }
    pendingBreak = false;
    pendingParagraph = false;
    lastWinkSentence = ws;
    tokenOfWink[i] = tokens.length;
    viewStart.push(start);
    viewEnd.push(start + value.length);
    const s0 = src(start);
    const s1 = src(start + value.length);
    tokens.push({
      index: tokens.length,
      start: s0,
      end: s1,
      text: text.slice(s0, s1),
      normal: normals[i]!,
      lemma: (lemmas[i] ?? normals[i]!).toLowerCase(),
      pos: pos[i]!,
      type: types[i]!,
      sentence: sentences.length,
    });
  }
  closeSentence();
  markHeadings(sentences, masked, viewStart, viewEnd);

  const entities: Entity[] = [];
  for (const {
    span: [a, b],
    type,
  } of winkEntities) {
    const ta = tokenOfWink[a]!;
    const tb = tokenOfWink[b]!;
    if (ta < 0 || tb < 0 || tokens[ta]!.sentence !== tokens[tb]!.sentence) continue;
    const start = tokens[ta]!.start;
    const end = tokens[tb]!.end;
    entities.push({ start, end, text: text.slice(start, end), type, tokenStart: ta, tokenEnd: tb + 1 });
  }
  return { tokens, sentences, entities };
}

/** Text longer than this is read by wink in parts (see `readWink`). */
export const WINK_PART = 200_000;

/** What wink reads from a text: per token, and sentence and entity spans as [first, last] token indices. */
interface WinkReading {
  values: string[];
  types: string[];
  normals: string[];
  lemmas: string[];
  pos: string[];
  winkSentences: [number, number][];
  winkEntities: { span: [number, number]; type: string }[];
}

/**
 * Runs wink over `masked`. A long text is read in parts of about WINK_PART characters, cut
 * after a blank line (a paragraph break, where a sentence ends anyway), with the time budget
 * checked between parts: one huge article stops near its limit instead of after minutes inside
 * wink. An article shorter than WINK_PART, or without blank lines, is read in one part, as before.
 */
function readWink(masked: string): WinkReading {
  const nlp = wink();
  // Each article is read as by a fresh process, whatever was read before it (see wink-lexicon.ts).
  forgetReadText();
  const its = nlp.its;
  const out: WinkReading = { values: [], types: [], normals: [], lemmas: [], pos: [], winkSentences: [], winkEntities: [] };
  for (let from = 0; from < masked.length;) {
    checkBudget('nlp');
    let to = masked.length;
    if (to - from > WINK_PART * 1.5) {
      const cut = /\n[ \t]*\n/g;
      cut.lastIndex = from + WINK_PART;
      const m = cut.exec(masked);
      if (m) to = m.index + m[0].length;
    }
    const doc = nlp.readDoc(masked.slice(from, to));
    const base = out.values.length;
    const push = <T>(list: T[], items: T[]) => {
      for (const x of items) list.push(x);
    };
    push(out.values, doc.tokens().out());
    push(out.types, doc.tokens().out(its.type) as string[]);
    push(out.normals, doc.tokens().out(its.normal) as string[]);
    // wink's typings declare `its.lemma` with a model-addon signature; it works as an its-function.
    push(out.lemmas, doc.tokens().out(its.lemma as unknown as typeof its.normal) as string[]);
    push(out.pos, doc.tokens().out(its.pos) as string[]);
    for (const [a, b] of doc.sentences().out(its.span) as unknown as [number, number][]) out.winkSentences.push([a + base, b + base]);
    doc.entities().each((e: ItemEntity) => {
      const [a, b] = e.out(its.span) as unknown as [number, number];
      out.winkEntities.push({ span: [a + base, b + base], type: e.out(its.type) as string });
    });
    from = to;
  }
  return out;
}

/**
 * True when the tokens so far end in what wink mistakes for a sentence end: a quotation or
 * parenthesis closed after ! ? or . ("“Lock her up!” he wrote", "(I-Vt.) said") or a short
 * abbreviation with its period ("Jeb! was", "Gov. Jr. said").
 */
function endsLikeAbbreviationOrQuote(tokens: readonly Token[], text: string): boolean {
  const last = tokens[tokens.length - 1]!;
  const before = tokens[tokens.length - 2];
  if (/^[”"’')»]$/.test(last.text)) return before !== undefined && /^[.!?]$/.test(before.text);
  if (last.text === '!' || last.text === '?') return true;
  // "Vt." as one token, or "Vt" + "."
  if (/^\p{Lu}[\p{L}.]{0,3}\.$/u.test(last.text)) return true;
  return last.text === '.' && before !== undefined && before.end === last.start && /^\p{Lu}\p{L}{0,3}$/u.test(text.slice(before.start, before.end));
}

/** Abbreviations that decide sentence ends (lexicons/ingest/sentences.yml), lower-case without their period. */
interface SentenceCues {
  /** Titles of address before a name (`Sen.`, `Rev.`, `St.`). */
  nameTitles: ReadonlySet<string>;
  /** Titles that are also street or place words (`Main St.` may end a sentence). */
  placeTitles: ReadonlySet<string>;
  /** Month abbreviations (`Sept.`): a number after one is the day. */
  monthAbbreviations: ReadonlySet<string>;
  /** Words that may follow a clock time's `a.m.`/`p.m.` in the same sentence (days, months, time zones). */
  afterClock: ReadonlySet<string>;
}

let sentenceCues: SentenceCues | undefined;

/** The sentence-end abbreviations, read once. */
function loadSentenceCues(): SentenceCues {
  if (!sentenceCues) {
    const f = 'sentences.yml';
    const d = readCueFile(f);
    const set = (k: string) => new Set(cueList(d, k, f));
    sentenceCues = {
      nameTitles: set('name_titles'),
      placeTitles: set('place_titles'),
      monthAbbreviations: set('month_abbreviations'),
      afterClock: set('after_clock'),
    };
  }
  return sentenceCues;
}

/**
 * True when the tokens so far end in a title of address with its period ("said the Rev."), where wink
 * ends a sentence before the name (titles: lexicons/ingest/sentences.yml). "St." after a capitalised word is a street ("Main St."), which may
 * end a sentence.
 */
function endsInTitle(tokens: readonly Token[]): boolean {
  let k = tokens.length - 1;
  let word = tokens[k]!.text;
  if (word === '.') word = tokens[--k]?.text ?? '';
  else if (word.endsWith('.')) word = word.slice(0, -1);
  else return false;
  const cues = loadSentenceCues();
  if (k < 0 || !/^\p{Lu}\p{Ll}{0,3}$/u.test(word) || !cues.nameTitles.has(word.toLowerCase())) return false;
  if (tokens[k]!.text === word && tokens[k + 1] && tokens[k]!.end !== tokens[k + 1]!.start) return false;
  const before = tokens[k - 1];
  return !(cues.placeTitles.has(word.toLowerCase()) && before !== undefined && /^\p{Lu}/u.test(before.text));
}

/**
 * True when the tokens end in a month abbreviation (lexicons/ingest/sentences.yml) and its period, also as the last part of a
 * hyphenated word (`post-Sept.`): a number after it is the day (`post-Sept. 11 rules`), not a
 * new sentence.
 */
function endsInMonth(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1]!;
  const word = last.text === '.' ? tokens[tokens.length - 2]?.text : last.text.endsWith('.') ? last.text.slice(0, -1) : undefined;
  return word !== undefined && loadSentenceCues().monthAbbreviations.has(word.split('-').pop()!.toLowerCase());
}

/**
 * True when the tokens end in a clock time's `a.m.`/`p.m.` and a capitalised word that is not a
 * day, month or time zone (lexicons/ingest/sentences.yml) follows: wink keeps "at 2 p.m. Jackson will …" as one sentence, but
 * the period of the abbreviation ends it ("at 2 p.m. Tuesday" and "7 p.m. EST" go on).
 */
function endsAtClock(tokens: readonly Token[], next: string): boolean {
  if (!/^\p{Lu}/u.test(next) || loadSentenceCues().afterClock.has(next.toLowerCase())) return false;
  const last = tokens[tokens.length - 1]!;
  const word = last.text === '.' ? `${tokens[tokens.length - 2]?.text ?? ''}.` : last.text;
  return /^[ap]\.m\.$/i.test(word);
}

/**
 * True when a wink boundary falls inside a word or a short parenthesis, which no sentence end
 * does: a period glued to the next token ("GunBroker.com", "video.foxnews.com") or an
 * abbreviation inside a parenthesis opened a few tokens before and not yet closed
 * ("Sen. Lindsey Graham (R-S.C.) said", "Rep. Joe Crowley (D-N.Y.) teased").
 */
function insideWordOrParenthesis(tokens: readonly Token[], nextStart: number): boolean {
  const last = tokens[tokens.length - 1]!;
  if (last.text.endsWith('.') && last.end === nextStart) return true;
  if (!/^\p{Lu}[\p{L}.]{0,3}\.$|^\.$/u.test(last.text)) return false;
  for (let k = tokens.length - 1; k >= Math.max(0, tokens.length - 6); k--) {
    const t = tokens[k]!.text;
    if (t === ')') return false;
    if (t === '(') return true;
  }
  return false;
}

/** Headline-like sentences: no closing punctuation and alone on their line (judged in the view). */
function markHeadings(sentences: Sentence[], view: string, viewStart: number[], viewEnd: number[]): void {
  for (const s of sentences) {
    const start = viewStart[s.tokenStart]!;
    const end = viewEnd[s.tokenEnd - 1]!;
    const last = view.slice(viewStart[s.tokenEnd - 1], end);
    const endsLine = /^[ \t\u00a0]*(\r\n|\n|\r|$)/.test(view.slice(end, end + 20));
    const startsLine = /(^|[\r\n])[ \t\u00a0]*$/.test(view.slice(Math.max(0, start - 20), start));
    const words = s.tokenEnd - s.tokenStart;
    s.heading = startsLine && endsLine && !/^[.!?:;"”’»)…]$/.test(last) && words <= 25;
  }
}
