/**
 * Nominal attribution cues ("Trump's statement that …", "criticism from Democrats", "expressed
 * concern that …"): the holder and the complement clause of a reporting noun (see `nominalCue`).
 */
import type { TextSpan, Token } from '../../core/types.js';
import { type AttributionDraft, type Ctx, type CueSite, isPunct, isQuoteMark, type Range, SKIP_BEFORE_CUE_POS } from './context.js';
import { clause, findComma, npLeft, npRight, relativeHead, skipTimeRight } from './phrases.js';
import { describeSource } from './sources.js';
import { draft } from './draft.js';

/** Parts of speech that open a clause after "that" (its subject); a verb or auxiliary there makes "that" a relative pronoun. */
const CLAUSE_OPENERS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'SCONJ']);
/**
 * True when the clause after "that" from token `k` is a relative clause whose verb lacks its object
 * ("a claim that Gowdy's office strongly disputes.", "the statements that she made to the FBI"):
 * its first verb takes a statement as object and punctuation or a preposition follows it.
 */
function objectGap(ctx: Ctx, k: number, sEnd: number): boolean {
  const { tokens } = ctx;
  for (let j = k; j < sEnd && j - k < 8; j++) {
    const t = tokens[j]!;
    if (t.pos === 'PUNCT') return false;
    if (t.pos !== 'VERB') continue;
    const next = tokens[j + 1];
    // An adverb counts when the clause ends after it ("would echo again and again").
    const adverbEnd = next?.pos === 'ADV' && (j + 2 >= sEnd || ['PUNCT', 'CCONJ'].includes(tokens[j + 2]!.pos));
    return ctx.w.statementObjectVerbs.has(t.lemma) && (next === undefined || j + 1 >= sEnd || ['PUNCT', 'ADP'].includes(next.pos) || adverbEnd);
  }
  return false;
}

/**
 * The possessive holder before a nominal cue at token `k`, skipping the words that describe the
 * noun ("his earlier statements", "Trump's nagging concern", "Trump's recent evidence-free
 * assertion"): a possessive determiner, the name before a `'s` / `’` token, or a name token that
 * carries its own `'s` ("Trump’s" as one token); null when there is none.
 */
function possessiveHolder(ctx: Ctx, k: number, sStart: number): Range | null {
  const { tokens } = ctx;
  let i = k - 1;
  const describes = (t: Token) =>
    t.pos === 'ADJ' || t.pos === 'ADV' || (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal)) || t.text === '-' || tokens[t.index + 1]?.text === '-';
  while (i >= sStart && k - i <= 6 && describes(tokens[i]!)) i--;
  const t = tokens[i];
  if (!t || i < sStart) return null;
  if (ctx.w.possessiveDeterminers.has(t.normal) && (t.pos === 'PRON' || t.pos === 'DET')) return { a: i, b: i + 1 };
  const end = /^['’]s?$/.test(t.text) ? i : (t.pos === 'PROPN' || t.pos === 'NOUN') && /\p{L}['’]s$/u.test(t.text) ? i + 1 : -1;
  const np = end > sStart ? npLeft(ctx, end, sStart) : null;
  if (!np) return null;
  // The owner is the name itself, not what a preposition or an opening word joins to it ("a dig at
  // Trump's statement", "But Podliska's claim").
  let a = np.a;
  for (let x = np.a; x < end - 1; x++) if (['ADP', 'ADV', 'CCONJ', 'SCONJ', 'VERB'].includes(tokens[x]!.pos) && !ctx.covered[x]) a = x + 1;
  return { a, b: end };
}

/**
 * Nominal cue: a noun that reports speech, stance or evaluation by a source ("statement",
 * "criticism", "concern"; lexicon entries with `pos: [NOUN]`). News writing uses most such nouns
 * without reporting anything ("The statement was posted online", "his remarks on Monday"), so
 * the noun is an attribution only where its context names what was said or who said it:
 * - a complement clause "that …" whose first word can be a subject: "Trump's statement that
 *   women … should be punished", "his earlier statements that the contact never occurred",
 *   "concerns that …" (no source). A verb after "that" makes it a relative clause ("statements
 *   that were made"): no attribution; so does a clause whose verb lacks its object ("a claim that
 *   his office disputes", see `objectGap`);
 * - a cue phrase ending in from/among/within names the holder after it: "sparked criticism from
 *   Democrats", "The concern within the administration is that …" (the content after "is that");
 * - a cue phrase ending in another preposition takes what follows as its content when a
 *   possessive names the holder: "Trump's promise to build a wall".
 * The holder before the noun is a possessive: a name with `'s` ("Trump's") or a possessive
 * determiner ("his", "her", resolved like "he"/"she"); else the subject of a light verb whose
 * object the noun is ("Cruz made the suggestion that …"). Which nouns take which preposition is the
 * lexicon's choice (its phrases), not this function's. A noun after "in" is where a reporting
 * verb's words appeared ("said in a statement that", "stressing in his remarks that"): part of
 * that verb's attribution, not a new one.
 * Its findings carry the pattern `nominal-that` (a that-clause), `nominal-from` (a holder after
 * from/among/within) or `nominal-to` (a possessive holder and what follows "to").
 */
export function nominalCue(ctx: Ctx, site: CueSite): AttributionDraft[] {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens } = ctx;
  let src = possessiveHolder(ctx, m.tokenStart, sStart);
  const possessive = src !== null;
  // The word before the noun phrase: "in" ("in a statement", "in his remarks", "in Trump's statement")
  // makes the noun the medium of another cue; a light verb ("expressed concern that", "made the
  // suggestion that") has the holder as its subject.
  let before = src ? src.a - 1 : m.tokenStart - 1;
  let inside = before;
  while (inside >= sStart && ['DET', 'ADJ', 'ADV', 'NUM', 'NOUN', 'PRON'].includes(tokens[inside]!.pos) && before - inside < 4) inside--;
  if (tokens[inside]?.normal === 'in' || tokens[before]?.normal === 'in') return []; // "in her opening remarks that"
  while (!src && before >= sStart && ['DET', 'ADJ', 'ADV', 'NUM'].includes(tokens[before]!.pos)) before--;
  if (!src && before >= sStart && tokens[before]!.pos === 'VERB' && ctx.w.lightVerbs.has(tokens[before]!.lemma)) {
    let j = before - 1;
    while (j >= sStart && SKIP_BEFORE_CUE_POS.has(tokens[j]!.pos)) j--;
    const subject = j >= sStart && !isPunct(tokens[j]) ? npLeft(ctx, j + 1, sStart) : null;
    if (subject && !(subject.b - subject.a === 1 && ctx.w.notSources.has(tokens[subject.a]!.normal))) src = relativeHead(ctx, subject, sStart) ?? subject;
  }
  const prep = m.tokenEnd - m.tokenStart > 1 ? tokens[m.tokenEnd - 1]!.normal : null;
  let k = m.tokenEnd;
  if (prep !== null && ctx.w.holderPrepositions.has(prep)) {
    if (possessive) return [];
    src = npRight(ctx, k, sEnd);
    if (!src) return [];
    k = src.b;
    // "The concern within the administration is that …".
    if (tokens[k]?.lemma === 'be' && tokens[k + 1]?.normal === 'that') k++;
  }
  // A time between the noun and its clause ("Trump's statement earlier this year that", "his claim
  // in November that"), and "is that" ("Their fear is that …", "Another complaint is that …").
  if (prep === null) k = skipTimeRight(ctx, k, sEnd);
  if (tokens[k]?.lemma === 'be' && tokens[k + 1]?.normal === 'that' && !ctx.w.holderPrepositions.has(prep ?? '')) k++;
  let content: TextSpan | null = null;
  if (prep !== null && !ctx.w.holderPrepositions.has(prep)) {
    if (!possessive || k >= sEnd) return [];
    const stop = findComma(ctx, k, sEnd);
    content = clause(ctx, tokens[k]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd);
  } else if (
    tokens[k]?.normal === 'that' &&
    k + 1 < sEnd &&
    (CLAUSE_OPENERS.has(tokens[k + 1]!.pos) || isQuoteMark(tokens[k + 1])) &&
    !objectGap(ctx, k + 1, sEnd)
  ) {
    // The clause ends at a semicolon (a list of "his claim that …; his criticism of …").
    let stop = k + 1;
    while (stop < sEnd && tokens[stop]!.text !== ';') stop++;
    content = clause(ctx, tokens[k + 1]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd);
  }
  if (!content && !(src && k > m.tokenEnd)) return [];
  const pattern = prep === null ? 'nominal-that' : ctx.w.holderPrepositions.has(prep) ? 'nominal-from' : 'nominal-to';
  return [draft(ctx, pattern, cue, m.entry, src, src ? describeSource(ctx, src, names, previous) : null, content, false)];
}
