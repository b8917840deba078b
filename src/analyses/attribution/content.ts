/**
 * What a cue reports: the quotation before or after it, where an indirect clause starts ("said
 * that …", "told reporters …") and ends (at a coordinated cue of the same subject), and the
 * quotation a sentence ending in a colon introduces. Boundaries only; which pattern uses which is
 * `patterns.ts`'s job.
 */
import type { TextSpan, Token } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import { firstQuotationEndingAfter, firstQuotationStartingAt, type Quotation } from '../quotes.js';
import { type Ctx, isQuoteMark, lowerBound, tokenAt } from './context.js';
import { clause, npRight } from './phrases.js';

/**
 * The quotation that strictly contains `[start, end)` (opens before it). Quotations are sorted and
 * disjoint, so only the last one opening before `start` can (binary search).
 */
export function insideQuote(ctx: Ctx, start: number, end: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, start) - 1];
  return q && q.start < start && end <= q.end ? q : undefined;
}

/** The quotation just before `offset` (only commas, spaces and quote marks between). */
export function quoteBefore(ctx: Ctx, offset: number, notBefore: number): Quotation | undefined {
  // The last quotation ending at or before offset (sorted and disjoint: binary search).
  const q = ctx.quotes[firstQuotationEndingAfter(ctx.quotes, offset) - 1];
  if (!q || q.end < notBefore) return undefined;
  return /^[\s,;:—–-]*$/.test(ctx.text.slice(q.end, offset)) ? q : undefined;
}

/** The quotation just after `offset` (`said: “…”`, `said that “…”`, `told reporters: “…”`). */
export function quoteAfter(ctx: Ctx, offset: number, limit: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q || q.start > limit) return undefined;
  const between = ctx.text.slice(offset, q.start);
  return /^[\s,:]*(that\s*)?$/i.test(between) || (/:\s*$/.test(between) && between.length < 80 && !/[.!?]/.test(between)) ? q : undefined;
}

/**
 * Offset where the content of cue `m` ends because the same subject goes on with another cue:
 * "admitted the plan was late, but said …" (the later cue follows "and"/"but"); null when none.
 */
export function coordinatedCue(ctx: Ctx, m: LexiconMatch, sEnd: number): number | null {
  const { tokens } = ctx;
  const { cues } = ctx;
  // Cues are in text order: start at the first one after m.
  for (let i = lowerBound(cues.length, (x) => cues[x]!.tokenStart > m.tokenStart); i < cues.length; i++) {
    const c = cues[i]!;
    if (c.tokenStart >= sEnd) break;
    let k = c.tokenStart - 1;
    while (k > m.tokenEnd && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
    if (tokens[k]?.pos !== 'CCONJ') continue;
    // A bare verb joined to an inflected cue is no second cue of the same subject: it coordinates verbs inside
    // the report ("said that her group would stand up for and defend her", "says they plan to meet and discuss").
    const hasAux = tokens.slice(k + 1, c.tokenStart).some((t) => t.pos === 'AUX');
    if (!hasAux && isBare(tokens[c.tokenStart]) && !isBare(tokens[m.tokenStart])) continue;
    return tokens[k - 1]?.text === ',' ? tokens[k - 1]!.start : tokens[k]!.start;
  }
  return null;
}

/** A verb in its bare form (defend, say), not inflected (defended, says, saying). */
const isBare = (t: { normal: string; lemma: string } | undefined): boolean => t !== undefined && t.normal === t.lemma;

/**
 * Token `x` belongs to a noun phrase inside a prepositional phrase before "that": a possessive determiner
 * ("in his book"), a possessive ending ("Saturday's"), or a word tagged as a verb right after a determiner,
 * adjective, noun or hyphen and right before "that" or a preposition ("a court file that", "an even voice
 * that", "an op-ed that", "an interview taped before …").
 */
function insidePhrase(ctx: Ctx, x: number): boolean {
  const y = ctx.tokens[x]!;
  if (y.pos === 'PRON') return ctx.w.possessiveDeterminers.has(y.normal) && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(ctx.tokens[x + 1]?.pos ?? '');
  if (y.pos === 'PART') return /^['’]s$/.test(y.normal);
  if (y.pos !== 'VERB') return false;
  const prev = ctx.tokens[x - 1]!;
  const next = ctx.tokens[x + 1];
  const after = prev.text === '-' || ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(prev.pos) || (prev.pos === 'ADV' && ctx.tokens[x - 2]?.pos === 'DET');
  return after && next !== undefined && (next.normal === 'that' || next.pos === 'ADP');
}

/**
 * True when "that" at token `j` is the determiner of a noun ("reiterated that approach in his interview", "responded to
 * that tweet by calling …"), not the complementiser: adjectives and a common noun follow it and no finite verb comes
 * after it in its sentence up to a comma and a participle ("…, saying …"; a participle in -ing or an infinitive does not
 * count) nor any quotation mark, so no clause follows.
 */
function determinerThat(ctx: Ctx, j: number, sEnd: number): boolean {
  const { tokens } = ctx;
  let n = j + 1;
  while (n < sEnd && tokens[n]!.pos === 'ADJ') n++;
  // A singular noun ("that promise", not "that online communications … involved"), since "that" determines only one.
  if (tokens[n]?.pos !== 'NOUN' || n >= sEnd || tokens[n]!.normal !== tokens[n]!.lemma) return false;
  for (let x = n + 1; x < sEnd; x++) {
    const t = tokens[x]!;
    // A participle after a comma ends the report ("…, saying he would …"): what follows is not its clause.
    if (t.text === ',' && tokens[x + 1]?.pos === 'VERB' && /ing$/.test(tokens[x + 1]!.normal)) break;
    // A quotation may hide the clause's verb ("adding that such talk “fans the flames …”").
    if (isQuoteMark(t) || t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.normal) && tokens[x - 1]!.normal !== 'to')) return false;
  }
  return true;
}

/** Offset just after "that" when the clause starts with it, at "that" when it is a determiner, else the start of token `k`. */
export function afterThat(ctx: Ctx, k: number, sEnd: number): number {
  const t = ctx.tokens[k];
  if (!t) return ctx.text.length;
  // Adverbs and a time word before "that" belong to the cue: "stated recently that …", "said Tuesday that …".
  let j = k;
  // A time noun after a time word is part of the time phrase ("told senators this week that …").
  while (
    j < sEnd - 1 &&
    j < k + 3 &&
    (ctx.tokens[j]!.pos === 'ADV' ||
      ctx.w.timeWords.has(ctx.tokens[j]!.normal) ||
      (j > k && ctx.w.timeWords.has(ctx.tokens[j - 1]!.normal) && ctx.w.timeNouns.has(ctx.tokens[j]!.lemma))) &&
    ctx.tokens[j]!.normal !== 'that'
  )
    j++;
  // "that" opens the clause, unless it is its subject ("He said that would permit …") or the determiner of an object
  // ("echoed that promise on Monday": the content is the noun phrase, "that" included).
  if (ctx.tokens[j]!.normal === 'that' && j + 1 < sEnd && !['AUX', 'VERB'].includes(ctx.tokens[j + 1]!.pos))
    return determinerThat(ctx, j, sEnd) ? ctx.tokens[j]!.start : ctx.tokens[j + 1]!.start;
  // Prepositional phrases of time, place or medium before "that": "said on Thursday in an interview with CNN that …".
  if (ctx.tokens[j]!.pos === 'ADP') {
    // A phrase of medium or occasion ("in his 1990 autobiography", "during Saturday's debate", "in an interview
    // taped before the attacks") may hold a possessive and a noun or participle the tagger read as a verb.
    const medium = ctx.w.mediumPrepositions.has(ctx.tokens[j]!.normal);
    for (let x = j + 1; x < sEnd - 1 && x < j + 14; x++) {
      const y = ctx.tokens[x]!;
      if (y.normal === 'that') return ctx.tokens[x + 1]!.start;
      // A capitalised word inside the phrase is part of a name the tagger read as a verb ("in Colorado Springs").
      const name = y.pos === 'VERB' && /^\p{Lu}/u.test(y.text) && /^\p{Lu}/u.test(ctx.tokens[x - 1]!.text);
      if (medium && insidePhrase(ctx, x)) continue;
      if ((y.pos === 'VERB' && !name) || y.pos === 'AUX' || y.pos === 'PART' || y.pos === 'SCONJ' || y.pos === 'PRON' || isQuoteMark(y) || y.text === ';')
        break;
    }
  }
  // A time phrase before a clause without "that" belongs to the cue too: "said Wednesday the event is still on"
  // (not when the time word is the clause's subject: "said Monday was the deadline").
  const next = ctx.tokens[j]!;
  const timeOnly = ctx.tokens.slice(k, j).every((x) => ctx.w.timeWords.has(x.normal) || ctx.w.timeNouns.has(x.lemma));
  if (j > k && j < sEnd - 1 && timeOnly && !['VERB', 'AUX', 'ADP', 'PART'].includes(next.pos) && !/^[,;:.]$/.test(next.text)) return next.start;
  return t.start;
}

/**
 * The kind of complement a content that starts at `offset` is: a clause ("said (that) the vote was
 * fair", "asked whether …", "said he would stay"), a to-infinitive ("wants to build a wall") or a
 * noun phrase ("supports the bill", "called Cruz a liar", "discussed the economy"). Reporting verbs
 * report speech with a clause; with a noun phrase or an infinitive most name an act or a stance.
 */
export type Complement = 'clause' | 'infinitive' | 'object';
export function complementAt(ctx: Ctx, offset: number, sEnd: number): Complement {
  const { tokens } = ctx;
  const k = tokenAt(tokens, offset);
  const t = tokens[k];
  if (!t || k >= sEnd) return 'object';
  if (tokens[k - 1]?.normal === 'that' || ctx.w.clauseOpeners.has(t.normal) || isQuoteMark(t)) return 'clause';
  if (t.normal === 'to') return 'infinitive';
  // A clause has a verb of its own before the first comma: "said more than 1,300 emails contained …",
  // "said any candidate who wants to win Iowa owes it …"; a verb in a relative clause, an infinitive or a
  // participle does not count ("discussed the voters who want …", "called for a plan to build …").
  let relative = false;
  // A quotation opened after the clause's first words is no boundary: the clause's verb may be quoted ("said the
  // people of upstate New York “have been suffering …”", "said the justice’s “mind is shot”"). Not after a
  // preposition opening the words ("acknowledged in a forum Monday “it will be …”": the occasion, not a subject),
  // and only a mark that opens a quotation (space before, a word right after) or closes one opened here; an
  // apostrophe after a plural ("the States' rate") is neither.
  let quoted = false;
  for (let j = k; j < sEnd && j < k + 30; j++) {
    const x = tokens[j]!;
    if (isQuoteMark(x) && j > k && t.pos !== 'ADP') {
      // (A mark may be two tokens: two apostrophes, ''.)
      let e = j;
      while (isQuoteMark(tokens[e + 1]) && tokens[e + 1]!.start === tokens[e]!.end) e++;
      const after = tokens[e + 1];
      const opens = !quoted && x.start > tokens[j - 1]!.end && after !== undefined && after.start === tokens[e]!.end && after.type === 'word';
      if (opens || quoted) {
        quoted = !quoted;
        j = e;
        continue;
      }
    }
    if (/^[,;:(—–]$/.test(x.text) || isQuoteMark(x)) break;
    let p = j - 1;
    while (p > k && isQuoteMark(tokens[p])) p--;
    const prev = tokens[p]!;
    if (ctx.w.relativePronouns.has(x.normal) && j > k) relative = true;
    if (x.pos !== 'VERB' && x.pos !== 'AUX') continue;
    if (prev.normal === 'to' || (x.pos === 'VERB' && /ing$/.test(x.normal) && prev.pos !== 'AUX')) continue;
    if (relative) {
      relative = false;
      continue;
    }
    return j > k ? 'clause' : 'object';
  }
  return 'object';
}

/** Characters to skip after the cue: the addressee of "told" ("told reporters", "told a press conference"). */
export function skipObject(ctx: Ctx, m: LexiconMatch, from: number, sEnd: number): number {
  const { tokens } = ctx;
  if (tokens[m.tokenStart]!.lemma !== 'tell') return 0;
  const k = tokenAt(tokens, from);
  const np = npRight(ctx, k, sEnd);
  if (!np) return 0;
  // The addressee ends before a second determiner: "told Channel 4 the plan had failed".
  let b = np.b;
  for (let x = np.a + 1; x < np.b; x++) {
    if (tokens[x]!.pos === 'DET' && tokens[x - 1]!.pos !== 'ADP') {
      b = x;
      break;
    }
  }
  // A possessive before a quoted programme or paper is the addressee too: "told ABC’s “Good Morning America” …".
  if (b === np.b && /^['’]s$/.test(tokens[b]?.text ?? '') && tokens[b]!.start === tokens[b - 1]!.end) {
    const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, tokens[b]!.end)];
    if (q && /^\s+$/.test(ctx.text.slice(tokens[b]!.end, q.start)) && /^['"“‘]+\p{Lu}/u.test(ctx.text.slice(q.start, q.end)) && q.end - q.start < 60)
      return q.end - from;
  }
  return tokens[b - 1]!.end - from;
}

/**
 * The quotation introduced by a sentence ending in a colon ("X said:"): the next quotation, when
 * at most one sub-heading lies between them, no list item does (an attribution stops at a list),
 * and no source and cue of its own follow it in its sentence ("“…,” the mayor added.").
 */
export function introducedQuote(ctx: Ctx, offset: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q) return undefined;
  // Sentences are in text order: those wholly between offset and the quotation start in that range.
  const { sentences } = ctx.article;
  let headings = 0;
  let i = lowerBound(sentences.length, (x) => sentences[x]!.start >= offset);
  for (; i < sentences.length && sentences[i]!.start <= q.start; i++) {
    const s = sentences[i]!;
    if (s.end > q.start) break;
    if (!s.heading || ++headings > 1 || /^\s*([-*•·–—]|\d+[.)])/.test(ctx.text.slice(s.start, s.end))) return undefined;
  }
  // The rest of the quotation's last sentence: a source and cue of its own claim it.
  const last = sentences[lowerBound(sentences.length, (x) => sentences[x]!.start >= q.end) - 1];
  if (last && last.end > q.end && /\p{L}/u.test(ctx.text.slice(q.end, last.end))) return undefined;
  return q;
}

/**
 * True when token `k` is a comma or semicolon at which an indirect report ends, because the
 * writer's sentence resumes there, or may: a semicolon; a comma before a report closer (a relative
 * clause, a contrast, a comparison: "…, which is spread by mosquitoes", "…, while 9 percent
 * disagreed") or before a participle ("…, adding that …"). Quotation marks are the caller's.
 */
export function reportBoundary(tokens: readonly Token[], k: number, closers: ReadonlySet<string>): boolean {
  const t = tokens[k];
  const n = tokens[k + 1];
  if (!t || !n) return false;
  // "…, even as …", "…, even though …": a concession of the writer's, as after "though" ("even if" may be the speaker's condition).
  const concession = n.normal === 'even' && EVEN_CONCESSIVES.has(tokens[k + 2]?.normal ?? '');
  // A dash before a closer ("… the changes - though he gave varying stories") ends the report as a comma does.
  // Not a relative pronoun or "but": a dash before one opens an aside the next dash closes ("the elite - who … - believes").
  if (/^(?:—|–|-|--)$/.test(t.text)) return DASH_CLOSERS.has(n.normal) || concession;
  if (t.text !== ',' && t.text !== ';') return false;
  return t.text === ';' || closers.has(n.normal) || concession || (n.pos === 'VERB' && /ing$/.test(n.normal));
}

/** Subordinators that open an adverbial clause after a verb of speech, not its content (not "because", "if", "since": "said because …" may report a reason). */
export const ADVERBIAL_OPENERS: ReadonlySet<string> = new Set(['as', 'when', 'while', 'after', 'before', 'once', 'until', 'although', 'though', 'whereas']);

/** Words after "even" that open the writer's concession ("…, even as speculation grew"). */
const EVEN_CONCESSIVES = new Set(['as', 'though']);
/** Closers that end a report after a dash too: concessions and contrasts of the writer's. */
const DASH_CLOSERS = new Set(['though', 'although', 'while', 'whereas', 'despite']);

/**
 * A comma opening the writer's aside on a report: a noun phrase naming what the report was (…, a swipe
 * at his rival; …, remarks that drew criticism) or a phrase of its medium (…, in an interview with CNN).
 */
function writerAside(ctx: Ctx, k: number): boolean {
  const { tokens } = ctx;
  if (tokens[k]?.text !== ',') return false;
  let n = k + 1;
  if (ctx.w.mediumPrepositions.has(tokens[n]?.normal ?? '')) {
    for (let x = n + 1; x < n + 5 && x < tokens.length; x++) {
      const t = tokens[x]!;
      if (ctx.w.mediumNouns.has(t.lemma)) return true;
      if (!['DET', 'ADJ', 'NOUN', 'PROPN'].includes(t.pos)) return false;
    }
    return false;
  }
  while (n < k + 3 && (tokens[n]?.pos === 'DET' || tokens[n]?.pos === 'ADJ')) n++;
  return ctx.w.reportNouns.has(tokens[n]?.lemma ?? '') && (tokens[n + 1]?.pos === 'ADP' || ctx.w.relativePronouns.has(tokens[n + 1]?.normal ?? ''));
}

/**
 * A comma or dash opening the writer's appositive on a report: an indefinite article (`aside-article`) after it, not
 * after a name (", a claim not recognized internationally"; " — a milepost the economy reached in 2014"; not
 * "…, Jane Roe, a lawyer for the firm", which describes the person named), with no conjunction or comma after it in the
 * report (not a series: "…, an FBI investigation and other matters").
 */
function writerAppositive(ctx: Ctx, k: number, last: number): boolean {
  const { tokens } = ctx;
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (!t || !prev || !/^(?:,|—|–|--)$/.test(t.text) || prev.pos === 'PROPN') return false;
  if (!ctx.w.asideArticles.has(tokens[k + 1]?.normal ?? '')) return false;
  // A series ("concerns about accuracy, an FBI investigation and other matters") or a coordinated phrase after it: the
  // comma lists another item, which may still be reported.
  for (let x = k + 2; x < last; x++) if (tokens[x]!.pos === 'CCONJ' || tokens[x]!.text === ',') return false;
  return true;
}

/**
 * Where the writer's sentence goes on with something else than the report: a dash before a quotation
 * ("suggested Mr. Trump was fond of brutal leaders - ''He would have loved Stalin,'' Mr. Biden said -"),
 * or a comma and "and" before a clause with a subject of its own ("one suggested she marry an American,
 * and another scared her …"; "suggesting that delegates should flip, and his campaign is approaching
 * delegates"). Precision first, as with "but": such a clause may still be the speaker's; it is left out.
 */
function secondReport(ctx: Ctx, k: number, last: number): boolean {
  const { tokens } = ctx;
  const t = tokens[k];
  if (!t) return false;
  if (/^(?:—|–|-|--)$/.test(t.text)) return isQuoteMark(tokens[k + 1]);
  if (t.text !== ',' || tokens[k + 1]?.normal !== 'and') return false;
  let n = k + 2;
  const subjectStart = n;
  while (n < last && n < subjectStart + 4 && ['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[n]!.pos)) n++;
  // No subject: the source's next act ("proposed that more troops stay, and pushed to arm the rebels"), past an adverb.
  if (n === subjectStart && tokens[n]?.pos === 'ADV') n++;
  if (n >= last) return false;
  const v = tokens[n]!;
  return (v.pos === 'VERB' || v.pos === 'AUX') && !/ing$/.test(v.normal) && v.normal !== 'that';
}

/** Parts of speech a subject (or an occasion before it) may hold between a comma and the next report's cue. */
const PARALLEL_SUBJECT_POS: ReadonlySet<string> = new Set(['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'ADP', 'ADV', 'PART']);

/**
 * A comma or dash after which another report begins: a subject of its own, at most eight words (an amount or an
 * occasion: "…, and more than 4 in 10 said …", "…, 39 have said they support Sanders", "- others say he has never been
 * healthier", "…, at the town hall this week she said …"; no relative, wh-word or subordinator: "…, most of whom
 * thought …", "- before the developer called for …" go on), at most two auxiliaries, then a reporting cue of speech (not `speech: false`) that is a finite verb, not an
 * infinitive and not set off by a comma of its own
 * (", Sweet noted," is an aside inside the report). What follows is that other report, the writer's telling,
 * not the first source's words. Only after a clause of the report's own (a finite verb since `first`, no subordinator
 * opening it or the stretch since the last comma, no open parenthesis, no cue just before the comma: "at one point, a supporter asked …", "if Mr. Obama opted to make
 * one, he should have insisted …" go on). An aside closed by a comma before the clause's verb still goes on (`boundaryEnd`).
 */
function parallelReport(ctx: Ctx, first: number, k: number, last: number): boolean {
  const { tokens } = ctx;
  const t = tokens[k];
  if (!t || !/^(?:,|—|–|-|--)$/.test(t.text) || isQuoteMark(tokens[k + 1])) return false;
  // A hyphen inside a word ("late-night", "Commander-in-Chief") is no dash.
  if (t.text === '-' && tokens[k - 1]?.end === t.start) return false;
  // The first report is a clause of its own up to the comma: a finite verb before it, and no subordinator opening it
  // ("at one point, a supporter asked …", "if the state held up the deal, Patriot could threaten …" go on).
  const subordinator = (x: number) => tokens[x]!.pos === 'SCONJ' || ctx.w.frontedSubordinators.has(tokens[x]!.normal);
  if (subordinator(first)) return false;
  let finite = false;
  for (let x = first; x < k && !finite; x++) finite = (tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX') && !/ing$/.test(tokens[x]!.normal);
  if (!finite) return false;
  // A comma closing a subordinate clause inside the report ("… but that if Mr. Obama opted to make one, he should have
  // insisted …") leads back into the report's own main clause.
  for (let x = k - 1; x > first && !/^[,;:—–]$/.test(tokens[x]!.text); x--) if (subordinator(x)) return false;
  // Nor the comma closing an aside of the report's own ("attacks that, Sweet noted, Trump said …").
  if (ctx.cues.some((c) => c.tokenEnd === k)) return false;
  // Nor inside a parenthesis ("(that just could be, well, you know)").
  let open = 0;
  for (let x = first; x < k; x++) open += tokens[x]!.text === '(' ? 1 : tokens[x]!.text === ')' ? -1 : 0;
  if (open > 0) return false;
  let n = k + 1;
  if (tokens[n]?.pos === 'CCONJ') n++;
  const subjectStart = n;
  let nominal = false;
  while (n < last && n < subjectStart + 8 && PARALLEL_SUBJECT_POS.has(tokens[n]!.pos)) {
    // A relative or wh-word makes the cue's clause part of the first report ("…, most of whom thought …", "…, what Mr. Obama said …").
    if (ctx.w.relativePronouns.has(tokens[n]!.normal) || ctx.w.clauseOpeners.has(tokens[n]!.normal) || subordinator(n)) return false;
    if (['PRON', 'NOUN', 'PROPN', 'NUM'].includes(tokens[n]!.pos)) nominal = true;
    n++;
  }
  if (!nominal) return false;
  for (let aux = 0; aux < 2 && tokens[n]?.pos === 'AUX'; aux++) n++;
  const v = tokens[n];
  // Not an infinitive ("…, with someone at the State Department to talk about …").
  if (!v || n >= last || v.pos !== 'VERB' || /ing$/.test(v.normal) || tokens[n - 1]?.normal === 'to' || tokens[n + 1]?.text === ',') return false;
  // A verb of speech: a verb of thought or perception after ", and" may go on with the same report ("…, and the senator
  // finally felt he had to …").
  return ctx.cues.some((c) => c.tokenStart === n && c.entry.speech !== false);
}

/**
 * True when the report lies in a fronted adverbial clause ("While he said he opposes X, his
 * administration …", "Although Sanders acknowledged it would be hard, his campaign has argued …"):
 * the sentence opens with a subordinator of `frontedSubordinators` (or "even" and one) and no comma
 * comes between it and the content. The report then ends where the main clause begins.
 */
function inFrontedClause(ctx: Ctx, contentStart: number): boolean {
  const { tokens } = ctx;
  const sentences = ctx.article.sentences;
  const s = sentences[lowerBound(sentences.length, (x) => sentences[x]!.end > contentStart)];
  if (!s || s.start > contentStart) return false;
  let k = tokenAt(tokens, s.start);
  while (isQuoteMark(tokens[k]) || tokens[k]?.pos === 'CCONJ') k++;
  if (tokens[k]?.normal === 'even') k++;
  if (!tokens[k] || !ctx.w.frontedSubordinators.has(tokens[k]!.normal)) return false;
  for (let j = k + 1; j < tokens.length && tokens[j]!.start < contentStart; j++) if (/^[,;:(—–]$/.test(tokens[j]!.text)) return false;
  return true;
}

/**
 * A comma (or a comma closing a quotation) after which the main clause of a sentence with a fronted
 * adverbial clause begins: a short subject (no relative pronoun) and a finite verb ("…, his campaign has argued").
 */
function mainClauseAfter(ctx: Ctx, k: number, last: number): boolean {
  const { tokens } = ctx;
  if (tokens[k]?.text !== ',') return false;
  let n = k + 1;
  if (isQuoteMark(tokens[n]) && tokens[n]!.start === tokens[k].end) n++;
  const subjectStart = n;
  while (
    n < last &&
    n < subjectStart + 6 &&
    ['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART'].includes(tokens[n]!.pos) &&
    !ctx.w.relativePronouns.has(tokens[n]!.normal) &&
    !ctx.w.clauseOpeners.has(tokens[n]!.normal)
  )
    n++;
  if (n === subjectStart || n >= last) return false;
  const v = tokens[n]!;
  return (v.pos === 'VERB' || v.pos === 'AUX') && !/ing$/.test(v.normal) && v.normal !== 'that';
}

/**
 * Token index where a closing phrase of the medium of the report begins ("… unfair in a tweet on Sunday", "… in an
 * interview with CNN"): a medium-preposition, "a" or "an", at most three modifiers and a speech-medium-noun as the
 * head of its noun phrase, not opening the report and with no verb after it up to `last`; -1 when none.
 * The phrase tells where the report was made, the writer's words, not what was reported.
 */
function closingMedium(ctx: Ctx, first: number, last: number): number {
  const { tokens } = ctx;
  for (let k = first + 1; k < last - 2; k++) {
    const t = tokens[k]!;
    if (!ctx.w.mediumPrepositions.has(t.normal) || !['a', 'an'].includes(tokens[k + 1]!.normal)) continue;
    if (insideQuote(ctx, t.start, t.end)) continue;
    let h = k + 2;
    while (h < last && h < k + 6 && !ctx.w.speechMediumNouns.has(tokens[h]!.lemma) && ['ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'].includes(tokens[h]!.pos)) h++;
    const head = tokens[h];
    if (!head || h >= last || !ctx.w.speechMediumNouns.has(head.lemma)) continue;
    // The head of its phrase ("a private email server" is no medium), unless a time word follows ("in a tweet Sunday").
    const after = tokens[h + 1];
    if (after && ['NOUN', 'PROPN'].includes(after.pos) && !ctx.w.timeWords.has(after.normal)) continue;
    if (tokens.slice(h + 1, last).some((x) => (x.pos === 'VERB' && !/ed$/.test(x.normal)) || x.pos === 'AUX' || isQuoteMark(x))) continue;
    return k;
  }
  return -1;
}

/**
 * An indirect report that runs on to the end of its sentence ends at the first report boundary
 * outside a quotation (`reportBoundary`), and before a closing phrase of its medium (`closingMedium`).
 * Precision first: what may still be the speaker's is left out rather than the writer's words taken
 * in. `content` itself when there is none.
 */
export function reportEnd(ctx: Ctx, content: TextSpan | null): TextSpan | null {
  const ended = boundaryEnd(ctx, content);
  if (!ended) return ended;
  // A closing phrase of the medium ("… in a tweet on Sunday") is the writer's.
  const { tokens } = ctx;
  const medium = closingMedium(ctx, tokenAt(tokens, ended.start), tokenAt(tokens, ended.end));
  return medium > 0 ? (clause(ctx, ended.start, tokens[medium]!.start) ?? ended) : ended;
}

/** `reportEnd` without the closing medium phrase: the content up to the first report boundary. */
function boundaryEnd(ctx: Ctx, content: TextSpan | null): TextSpan | null {
  if (!content) return null;
  const { tokens } = ctx;
  // A report inside a fronted adverbial clause ends where the main clause begins, quotation or not; the
  // boundaries below may end it sooner.
  if (inFrontedClause(ctx, content.start)) {
    const mainLast = tokenAt(tokens, content.end);
    for (let k = tokenAt(tokens, content.start) + 1; k < mainLast - 1; k++) {
      if (!mainClauseAfter(ctx, k, mainLast)) continue;
      const end = isQuoteMark(tokens[k + 1]) && tokens[k + 1]!.start === tokens[k]!.end ? tokens[k + 1]!.end : tokens[k]!.start;
      content = clause(ctx, content.start, end) ?? content;
      break;
    }
  }
  const last = tokenAt(tokens, content.end);
  // A comma closing a quotation ("…was “a terrible mistake,” although he …") is the sentence's, as if outside it.
  // A closing mark may be two tokens ('' in the doubled-apostrophe style): the mark is the run of quote marks after the comma.
  const markEnd = (k: number) => {
    let x = k + 1;
    while (isQuoteMark(tokens[x + 1]) && tokens[x + 1]!.start === tokens[x]!.end) x++;
    return x;
  };
  const closesQuote = (k: number) =>
    isQuoteMark(tokens[k + 1]) && tokens[k + 1]!.start === tokens[k]!.end && !insideQuote(ctx, tokens[markEnd(k)]!.end, tokens[markEnd(k)]!.end + 1);
  const first = tokenAt(tokens, content.start);
  const boundary = (k: number) => {
    if (
      reportBoundary(tokens, k, ctx.w.reportClosers) ||
      writerAside(ctx, k) ||
      writerAppositive(ctx, k, last) ||
      secondReport(ctx, k, last) ||
      parallelReport(ctx, first, k, last)
    )
      return !insideQuote(ctx, tokens[k]!.start, tokens[k]!.end);
    if (tokens[k]?.text !== ',' || !closesQuote(k)) return false;
    // What follows the closing mark decides.
    const n = tokens[markEnd(k) + 1];
    return n !== undefined && (ctx.w.reportClosers.has(n.normal) || (n.pos === 'VERB' && /ing$/.test(n.normal)));
  };
  const list = semicolonList(ctx, tokenAt(tokens, content.start), last);
  for (let k = tokenAt(tokens, content.start) + 1; k < last - 1; k++) {
    // "…, but that …" coordinates a second clause of the same report.
    if (!boundary(k) || (tokens[k + 1]!.pos === 'CCONJ' && tokens[k + 2]?.normal === 'that')) continue;
    // A semicolon between the items of a reported list goes on.
    if (list && tokens[k]!.text === ';') continue;
    // An aside closed by a comma before the clause's verb is inside the report: "said that Officer
    // Wilson, who shot Mr. Brown, had been interviewed" goes on.
    let close = k + 2;
    while (close < last - 1 && tokens[close]!.text !== ',' && tokens[close]!.text !== ';') close++;
    const after = tokens[close + 1];
    if (tokens[k]!.text === ',' && tokens[close]?.text === ',' && after && (after.pos === 'VERB' || after.pos === 'AUX') && !/ing$/.test(after.normal)) {
      k = close;
      continue;
    }
    // A boundary after a closing quotation mark keeps the quotation whole.
    const end = tokens[k]!.text === ',' && closesQuote(k) && insideQuote(ctx, tokens[k]!.start, tokens[k]!.end) ? tokens[markEnd(k)]!.end : tokens[k]!.start;
    return clause(ctx, content.start, end) ?? content;
  }
  return content;
}

/**
 * True when the report from token `first` to `last` goes on as a list of items separated by semicolons ("would include
 * several bills on border security; a clampdown on hiring; … ; and a path to legal status"): two semicolons or more
 * outside quotations, the last item opened by "and" or "or", and no item with an auxiliary, a pronoun or a quotation
 * mark (a clause of its own, which may be the writer's). Such a list runs to the end of the sentence.
 */
function semicolonList(ctx: Ctx, first: number, last: number): boolean {
  const { tokens } = ctx;
  const semis: number[] = [];
  for (let k = first + 1; k < last; k++) if (tokens[k]!.text === ';' && !insideQuote(ctx, tokens[k]!.start, tokens[k]!.end)) semis.push(k);
  if (semis.length < 2 || !['and', 'or'].includes(tokens[semis[semis.length - 1]! + 1]?.normal ?? '')) return false;
  for (let k = semis[0]! + 1; k < last; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' || t.pos === 'PRON' || isQuoteMark(t)) return false;
  }
  return true;
}

/**
 * A report in a relative clause set off after its source ("Podesta, who said the project was vetted, said he was
 * unaware …"; "Kasich, who brags he has held 100 town halls, doesn't pretend …"; "Graham — who endorsed Bush — will
 * headline …") ends where the main clause's verb resumes the writer's sentence: at a comma or dash followed by a
 * finite verb (at most one adverb between), the first comma or dash outside quotations. `srcLast` is the source's last token; `content` itself
 * when the source ends in no relative pronoun (`relative-pronoun`) after a comma or dash or no such comma follows.
 */
export function relativeEnd(ctx: Ctx, srcLast: number, content: TextSpan | null): TextSpan | null {
  if (!content) return content;
  const { tokens } = ctx;
  const rel = tokens[srcLast];
  const before = tokens[srcLast - 1];
  if (!rel || !before || !ctx.w.relativePronouns.has(rel.normal) || !/^(?:,|—|–|--)$/.test(before.text)) return content;
  const last = tokenAt(tokens, content.end);
  // The first comma or dash only: a later one may close an aside inside the report ("who said the two men, and Mr.
  // Cruz in particular, must do more").
  for (let k = tokenAt(tokens, content.start) + 1; k < last; k++) {
    if (!/^(?:,|—|–|--)$/.test(tokens[k]!.text) || insideQuote(ctx, tokens[k]!.start, tokens[k]!.end)) continue;
    let v = k + 1;
    if (tokens[v]?.pos === 'ADV' && v < last) v++;
    const verb = tokens[v];
    if (!verb || (verb.pos !== 'VERB' && verb.pos !== 'AUX') || /ing$/.test(verb.normal) || verb.normal === 'that') return content;
    return clause(ctx, content.start, tokens[k]!.start) ?? content;
  }
  return content;
}
