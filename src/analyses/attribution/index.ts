/**
 * Attribution extraction: who is cited, with which reporting verb, saying what.
 *
 * Works on the article's existing tokens and sentences (never re-tokenises). Cues come from the
 * `reporting-verbs` lexicon, source types from the `sources` lexicon, quotations from
 * `findQuotations`. Patterns (each documented at its function):
 * - `X said (that) …`, `X told reporters …`, `X, adding that …`, `with X stating that …`;
 * - `“…,” he said`, `“…”, reassured Mr. Lavrov`, `“…”, TASS cited Lavrov as saying`, `X said: “…”`
 *   (also when the quotation follows in the next paragraphs);
 * - `according to (data/information/a report from|by) X`, passive `… by X` (`announced by X`,
 *   `the remarks were made by X`, `has been voiced by X`);
 * - agentless cues without a source (`reportedly`, `is said to`).
 * Pronouns and short names are resolved to the last full name (`he` → `Sergei Lavrov`).
 *
 * All offsets are 0-based UTF-16 indices into the file text, end exclusive.
 *
 * This module holds the main loop (`findAttributions`, `analyseCue`) and the verb and quotation
 * patterns. The other modules of this folder hold the shared types, word sets and token helpers
 * (`context.ts`), noun-phrase and clause boundaries (`phrases.ts`), names and source types
 * (`sources.ts`), the draft builder (`draft.ts`), nominal cues (`nominal.ts`) and per-article
 * scores (`scores.ts`).
 */
import type { AnalysedArticle, TextSpan } from '../../core/types.js';
import { checkBudget } from '../../core/limits.js';
import type { LexiconMatch, Lexicons } from '../../lexicons/index.js';
import { firstQuotationEndingAfter, firstQuotationStartingAt, quotationsOf, type Quotation } from '../quotes.js';
import { type AttributionDraft, type Ctx, type CueSite, DEMONSTRATIVES, isPunct, isQuoteMark, lowerBound, NP_JOINERS, OPENING_ADVERBS, type Range, SKIP_BEFORE_CUE_POS, span, TIME_NOUNS, TIME_WORDS, tokenAt, WHEN } from './context.js';
import { accordingSource, clause, documentAfter, findComma, isPrepositionCue, nameLike, npLeft, npRight, relativeHead, skipIntermediate, skipTimeLeft } from './phrases.js';
import { describeSource, fullNames, learnNameTypes, type Resolved } from './sources.js';
import { draft } from './draft.js';
import { nominalCue } from './nominal.js';

export type { AttributionDraft } from './context.js';
export { sourceScores, type SourceScores } from './scores.js';

const ARTICLES = new Set(['the', 'a', 'an']);
/** Adjectives that raise the subject of "be" to a following reporting verb ("more likely to say"). */
const RAISING_ADJECTIVES = new Set(['likely', 'unlikely', 'quick', 'eager', 'willing', 'unwilling', 'ready', 'reluctant', 'careful', 'keen', 'happy', 'able', 'unable', 'first', 'last', 'prepared', 'hesitant']);

/**
 * The quotation that strictly contains `[start, end)` (opens before it). Quotations are sorted and
 * disjoint, so only the last one opening before `start` can (binary search).
 */
function insideQuote(ctx: Ctx, start: number, end: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, start) - 1];
  return q && q.start < start && end <= q.end ? q : undefined;
}

/** The quotation just before `offset` (only commas, spaces and quote marks between). */
function quoteBefore(ctx: Ctx, offset: number, notBefore: number): Quotation | undefined {
  // The last quotation ending at or before offset (sorted and disjoint: binary search).
  const q = ctx.quotes[firstQuotationEndingAfter(ctx.quotes, offset) - 1];
  if (!q || q.end < notBefore) return undefined;
  return /^[\s,;:—–-]*$/.test(ctx.text.slice(q.end, offset)) ? q : undefined;
}

/** The quotation just after `offset` (`said: “…”`, `said that “…”`, `told reporters: “…”`). */
function quoteAfter(ctx: Ctx, offset: number, limit: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q || q.start > limit) return undefined;
  const between = ctx.text.slice(offset, q.start);
  return /^[\s,:]*(that\s*)?$/i.test(between) || (/:\s*$/.test(between) && between.length < 80 && !/[.!?]/.test(between)) ? q : undefined;
}

/**
 * Attributions in the article, sorted by start. One per reporting cue outside quotations
 * (plus the channel of `X cited Y as saying`).
 */
export function findAttributions(article: AnalysedArticle, lexicons: Lexicons): AttributionDraft[] {
  const { tokens, text, sentences } = article;
  const ctx: Ctx = {
    article,
    tokens,
    text,
    quotes: quotationsOf(article),
    sources: lexicons.match(article, 'sources'),
    nameTypes: new Map(),
    covered: new Uint8Array(tokens.length),
    coveredBy: new Array<LexiconMatch | undefined>(tokens.length),
    cues: [],
  };
  for (const m of ctx.sources) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) {
      ctx.covered[k] = 1;
      const had = ctx.coveredBy[k];
      if (!had || had.tokenEnd - had.tokenStart < m.tokenEnd - m.tokenStart) ctx.coveredBy[k] = m;
    }
  }
  const names = fullNames(ctx);
  learnNameTypes(ctx, names);
  const cues = ctx.cues;
  for (const m of lexicons.match(article, 'reporting-verbs')) {
    const last = cues[cues.length - 1];
    if (last && m.tokenStart < last.tokenEnd) continue;
    if (insideQuote(ctx, m.start, m.end)) continue;
    // A cue word inside a hyphenated compound ("long-sought", "much-discussed") is an adjective.
    const before = tokens[m.tokenStart - 1];
    if (before && /^[-‐]$/.test(before.text) && before.end === m.start) continue;
    // A verb cue after an article is a noun or adjective the tagger misread ("the added security", "the pledged delegates").
    if (before && ARTICLES.has(before.normal) && tokens[m.tokenStart]!.pos === 'VERB') continue;
    if (isPrepositionCue(tokens, m) && !documentAfter(ctx, m, sentences[tokens[m.tokenStart]!.sentence]!)) continue;
    cues.push(m);
  }
  const out: AttributionDraft[] = [];
  for (const m of cues) {
    checkBudget('attribution');
    const s = sentences[tokens[m.tokenStart]!.sentence]!;
    const cueSpan = { ...span(text, m.start, m.end), neutral: m.entry.neutral !== false, lemma: tokens[m.tokenStart]!.lemma };
    const made = analyseCue(ctx, m, cueSpan, s.tokenStart, s.tokenEnd, names, out);
    // Entries marked `quoted` ("continue") report speech only next to a quotation; those marked
    // `speech: false` (a stance, thought or evidence: "want", "believe", "show") inside what an
    // earlier cue reports ("she said she wanted …") are part of that content, not a new attribution.
    const inside = (d: AttributionDraft) => out.some((e) => !e.direct && e.content !== null && e.content.start <= d.cue.start && d.cue.end <= e.content.end);
    for (const d of made) if ((d.direct || !m.entry.quoted) && (m.entry.speech !== false || !inside(d))) out.push(d);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function analyseCue(
  ctx: Ctx,
  m: LexiconMatch,
  cue: TextSpan & { neutral: boolean; lemma: string },
  sStart: number,
  sEnd: number,
  names: ReturnType<typeof fullNames>,
  previous: AttributionDraft[],
): AttributionDraft[] {
  const { tokens, text } = ctx;
  const first = tokens[m.tokenStart]!;
  const sentence = ctx.article.sentences[first.sentence]!;
  const lastTok = tokens[sEnd - 1]!;
  const sentenceEnd = isPunct(lastTok) && !isQuoteMark(lastTok) ? lastTok.start : sentence.end;

  const site: CueSite = { m, cue, sStart, sEnd, sentenceEnd, names, previous };
  if (first.text === ':') return colonHeadline(ctx, site);
  // A nominal cue, unless it is an -ing form the tagger misread after a comma or auxiliary ("…, warning that", "has been warning").
  const ingVerb = /ing$/.test(first.normal) && (isPunct(tokens[m.tokenStart - 1]) || ['AUX', 'CCONJ'].includes(tokens[m.tokenStart - 1]?.pos ?? ''));
  if (m.entry.pos?.includes('NOUN') === true && !ingVerb) return nominalCue(ctx, site);

  // Agentless adverb: "reportedly", "allegedly".
  if (first.pos === 'ADV' && m.tokenEnd - m.tokenStart === 1) {
    return [draft(ctx, cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
  }

  // "according to X" / "in a poll by X": the source follows; the content is the rest of the sentence.
  const isAccording = m.entry.phrases.some((p) => /^according to$/i.test(p)) && tokens[m.tokenEnd - 1]!.normal === 'to';
  if (isAccording || isPrepositionCue(tokens, m)) {
    const np = isAccording ? accordingSource(ctx, m.tokenEnd, sEnd) : documentAfter(ctx, m, { tokenStart: sStart, tokenEnd: sEnd });
    if (!np) return [];
    const src = skipIntermediate(ctx, np, sEnd);
    const who = describeSource(ctx, src, names, previous);
    const after = tokens[isAccording ? src.b : findComma(ctx, src.b, sEnd) + 1];
    const restStart = after ? after.start : sentenceEnd;
    const content = restStart < sentenceEnd && /\w/.test(text.slice(restStart, sentenceEnd)) ? clause(ctx, restStart, sentenceEnd) : clause(ctx, sentence.start, m.start);
    return [draft(ctx, cue, m.entry, src, who, content, false)];
  }

  // Passive or nominal: "announced by X", "the remarks were made by X", "has been voiced by X".
  let k = m.tokenEnd;
  // Adverbs and a time phrase may come between the cue and "by": "was endorsed the day before by X".
  while (k < sEnd && (tokens[k]!.pos === 'ADV' || TIME_WORDS.has(tokens[k]!.normal) || TIME_NOUNS.has(tokens[k]!.lemma) || (tokens[k]!.pos === 'DET' && TIME_NOUNS.has(tokens[k + 1]?.lemma ?? '')))) k++;
  // After a subject ("Mr. Trump said by telephone") the cue is active and "by" names a means.
  let s0 = m.tokenStart - 1;
  while (s0 >= sStart && tokens[s0]!.pos === 'ADV') s0--;
  const active = (first.lemma === 'say' || first.lemma === 'tell') && s0 >= sStart && (tokens[s0]!.pos === 'PROPN' || (tokens[s0]!.pos === 'PRON' && !DEMONSTRATIVES.has(tokens[s0]!.normal)));
  if (tokens[k]?.normal === 'by' && !active) {
    // A stance or offer "by X" ("assistance offered by X") is an action, not a statement.
    if (m.entry.speech === false) return [];
    const np = npRight(ctx, k + 1, sEnd);
    const who = np ? describeSource(ctx, np, names, previous) : null;
    // Only a recognisable source makes "… by X" an attribution ("an area threatened by armed groups" is not).
    if (np && who && (who.type !== 'unknown' || who.name !== undefined)) {
      let subjEnd = m.start;
      let j = m.tokenStart - 1;
      while (j >= sStart && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.text === ',')) subjEnd = tokens[j--]!.start;
      const content = clause(ctx, sentence.start, subjEnd);
      return [draft(ctx, cue, m.entry, np, who, content, false)];
    }
    return [];
  }

  // "X cited Y as saying": two attributions (the channel, and the speaker it quotes).
  let j = m.tokenStart - 1;
  const skipAuxiliaries = () => {
    while (j >= sStart && SKIP_BEFORE_CUE_POS.has(tokens[j]!.pos) && tokens[j]!.normal !== 'to' && !(WHEN.has(tokens[j]!.normal) && (j === sStart || isPunct(tokens[j - 1]) || tokens[j - 1]!.pos === 'CCONJ')) && !nameLike(ctx, j, sStart, m.tokenStart)) j--;
  };
  skipAuxiliaries();
  // "voters are more likely to say", "he was quick to note": the subject is the one of "be".
  const raised = tokens[j]?.normal === 'to' && RAISING_ADJECTIVES.has(tokens[j - 1]?.normal ?? '') && tokens[j - 1]!.pos === 'ADJ';
  if (raised) {
    j -= 2;
    skipAuxiliaries();
  }
  if (tokens[j]?.normal === 'as' && j > sStart) {
    // speaker between the previous cue and "as"
    const np = npLeft(ctx, j, sStart);
    if (np) {
      const who = describeSource(ctx, np, names, previous);
      // The quoted words are those the channel's cue took ("“…”, TASS cited Lavrov as saying").
      const channel = previous[previous.length - 1];
      const same = channel && channel.cue.end <= tokens[np.a]!.start && tokens[tokenAt(tokens, channel.cue.start)]?.sentence === first.sentence;
      const content = same ? channel.content : clause(ctx, m.end, sentenceEnd);
      return [draft(ctx, cue, m.entry, np, who, content, same ? channel.direct : false)];
    }
  }

  // Subject before the cue (with an optional apposition: "Mali's Foreign Minister, Abdoulaye Diop, hailed").
  let src: Range | null = null;
  /** The part of `src` that names and types it, when `src` runs on into a relative clause. */
  let srcHead: Range | null = null;
  j = skipTimeLeft(ctx, j, sStart);
  // A form of "be" before a participle cue is a passive ("is said to"); before an -ing form it is progressive ("is saying").
  const passive = !raised && !/ing$/.test(first.normal) && tokens.slice(Math.max(sStart, j + 1), m.tokenStart).some((t) => t.pos === 'AUX' && t.lemma === 'be');
  if (passive) {
    // Agentless passive: "is said to", "it is reported that", "she was asked whether", "he is accused of";
    // with a modal ("it should be noted") it is the writer's voice.
    const modal = tokens.slice(Math.max(sStart, j + 1), m.tokenStart).some((t) => t.pos === 'AUX' && t.lemma !== 'be' && t.lemma !== 'have');
    if (modal) return [];
    const next = tokens[m.tokenEnd]?.normal ?? '';
    // "is seen as", "is viewed as": an evaluation in the writer's voice whose holder is hidden
    // (the unsourced analysis flags it as an agentless passive), not an attribution.
    // A stance in the passive is attributed only with "to"/"that" ("is believed to"); "it remains to
    // be seen how …" is not.
    if (m.entry.speech === false && next !== 'to' && next !== 'that') return [];
    if (['to', 'that'].includes(next)) return [draft(ctx, cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
    if (AGENTLESS_NEXT.has(next) || isPunct(tokens[m.tokenEnd]) || m.tokenEnd >= sEnd) {
      return [draft(ctx, cue, m.entry, null, null, clause(ctx, tokens[m.tokenEnd]?.start ?? sentenceEnd, sentenceEnd) ?? clause(ctx, sentence.start, sentenceEnd), false)];
    }
    return [];
  }
  // "Asked about …, the senator said", "when asked whether …": an agentless question.
  if (first.lemma === 'ask' && first.normal === 'asked' && (j < sStart || WHEN.has(tokens[j]!.normal)) && AGENTLESS_NEXT.has(tokens[m.tokenEnd]?.normal ?? '')) {
    const stop = findComma(ctx, m.tokenEnd, sEnd);
    return [draft(ctx, cue, m.entry, null, null, clause(ctx, tokens[m.tokenEnd]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd), false)];
  }

  // No subject of its own: "X admitted …, but said …", "… before adding that …", "X went on to say …",
  // "by pointing out that …": the source is the subject of the clause (or of the sentence's previous attribution).
  const lead = tokens[j];
  const ing = /ing$/.test(first.normal);
  const subjectless =
    lead !== undefined &&
    j >= sStart &&
    (lead.pos === 'CCONJ' ||
      (ing && WHEN.has(lead.normal)) ||
      (lead.pos === 'VERB' && ing && !ctx.covered[j]));
  // A fronted adverbial clause: "After saying he was nervous, the man …", "Despite challenging X, Cruz said …":
  // the source is the subject of the main clause after the comma.
  const participle = ing || /ed$/.test(first.normal) || first.normal === 'told';
  if (participle && lead !== undefined && WHEN.has(lead.normal) && (j === sStart || tokens[j - 1]!.pos === 'CCONJ')) {
    const made = fromMainClause(ctx, site);
    if (made) return [made];
  }
  if (subjectless) {
    const made = fromClauseSubject(ctx, site);
    if (made) return [made];
  }
  if (j >= sStart && !isPunct(tokens[j])) {
    src = npLeft(ctx, j + 1, sStart);
    // Demonstratives are not sources ("This underscores …").
    if (src && src.b - src.a === 1 && DEMONSTRATIVES.has(tokens[src.a]!.normal)) return [];
    // A participle after an object is the subject's: "she released a statement saying …", "he was heard on
    // a microphone telling …".
    if (src && ing && src.a > sStart && (tokens[src.a - 1]!.pos === 'VERB' || (tokens[src.a - 1]!.pos === 'ADP' && tokens[src.a - 1]!.normal !== 'with')) && !ctx.covered[src.a - 1]) {
      const made = fromClauseSubject(ctx, site);
      if (made) return [made];
    }
    // The head of a relative clause is the subject: "officials who spoke with the paper said",
    // "groups that have endorsed him say".
    if (src) src = relativeHead(ctx, src, sStart) ?? src;
    // A name before an apposition with no closing comma: "Sen. Kristen Gillibrand (D-NY), a supporter of X told".
    if (src && tokens[src.a]!.pos === 'DET' && tokens[src.a - 1]?.text === ',') {
      let end = src.a - 1;
      if (tokens[end - 1]?.text === ')') {
        let open = end - 2;
        while (open > sStart && end - open < 8 && tokens[open]!.text !== '(') open--;
        if (tokens[open]?.text === '(') end = open;
      }
      const name = npLeft(ctx, end, sStart);
      if (name && (name.a === sStart || isPunct(tokens[name.a - 1])) && tokens.slice(name.a, name.b).some((t) => t.pos === 'PROPN')) {
        src = { a: name.a, b: src.b };
        srcHead = name;
      }
    }
    // A capitalised subject the tagger read as a verb ("Cook said").
    if (!src && nameLike(ctx, j, sStart, m.tokenStart) && (j === sStart || isPunct(tokens[j - 1]))) src = { a: j, b: j + 1 };
  } else if (tokens[j]?.text === ')' || /^[—–]$/.test(tokens[j]?.text ?? '')) {
    // A parenthesis or dashed aside between the name and the cue: "Sen. Jane Roe (D-Ore.) said",
    // "Many speakers — including two bishops — said".
    const close = tokens[j]!.text;
    const opener = close === ')' ? '(' : close;
    let open = j - 1;
    while (open > sStart && j - open < 15 && tokens[open]!.text !== opener && tokens[open]!.text !== close) open--;
    if (tokens[open]?.text === opener && open > sStart) src = npLeft(ctx, open, sStart);
  } else if (tokens[j]?.text === ',' && j - 1 >= sStart && !isQuoteMark(tokens[j - 1])) {
    const inner = npLeft(ctx, j, sStart);
    if (inner && tokens[inner.a - 1]?.text === ',') {
      const outer = npLeft(ctx, inner.a - 1, sStart);
      if (outer && (outer.a === sStart || isPunct(tokens[outer.a - 1]) || WHEN.has(tokens[outer.a - 1]!.normal))) src = { a: outer.a, b: inner.b };
    }
  }

  // Participle continuing the sentence's subject: "Lavrov said, adding that …", "…, telling Reuters that …".
  // Also after a dash or a quotation closed after its comma ("… “New York values,” saying …").
  const commaLike = tokens[j]?.text === ',' || /^[—–]$/.test(tokens[j]?.text ?? '') || (isQuoteMark(tokens[j]) && tokens[j - 1]?.text === ',');
  if (!src && commaLike && /ing$/.test(first.normal)) {
    const made = fromClauseSubject(ctx, site);
    return made ? [made] : [];
  }

  // A long apposition: "Chris Cox, who runs the NRA's lobbying arm, says" — the source runs from the clause start.
  // ("…, but it is under pressure, said the company's chief executive." is inverted: the phrase after "said" ends the sentence.)
  const endsSentence = (r: Range | null) => r !== null && (r.b >= sEnd || /^[.!?]$/.test(tokens[r.b]!.text) || (tokens[r.b]!.text === ',' && npRight(ctx, r.b + 1, sEnd)?.b === sEnd - 1));
  if (!src && tokens[j]?.text === ',' && !isQuoteMark(tokens[j - 1]) && !(first.lemma === 'say' && endsSentence(npRight(ctx, m.tokenEnd, sEnd)))) {
    let a = j - 1;
    while (a > sStart && !isQuoteMark(tokens[a - 1]) && tokens[a - 1]!.text !== ';' && j - a < 40) a--;
    // An opening conjunction or adverb is not part of the source ("Yet some voters who …, said"), nor is an
    // opening prepositional phrase ("In a study of voters, Working America, a labor group, found").
    while (a < j && (tokens[a]!.pos === 'CCONJ' || OPENING_ADVERBS.has(tokens[a]!.normal))) a++;
    if (a < j && (tokens[a]!.pos === 'ADP' || tokens[a]!.pos === 'SCONJ')) {
      const c = findComma(ctx, a, j);
      if (c < j) a = c + 1;
    }
    const head = npRight(ctx, a, j);
    const next = head && head.b < j ? tokens[head.b]! : undefined;
    // A participial aside ("Clinton, speaking to reporters on Tuesday, said") is not part of the source.
    if (next?.text === ',') src = /ing$/.test(tokens[head!.b + 1]?.normal ?? '') && tokens[head!.b + 1]!.pos === 'VERB' ? head : { a, b: j };
    // A head noun with a relative clause, participle or prepositional phrase running to the comma: "some voters who
    // have listened to …, said", "Exit polls from the primary, which X won, showed",
    // "veterans interviewed at rallies this week, including Mr. Jebens, said".
    // Its type and name come from the head alone ("voters who listened to the campaign" are not the campaign).
    else if (next && (next.normal === 'who' || next.pos === 'ADP' || (next.pos === 'VERB' && /(ed|ing)$/.test(next.normal) && !ctx.covered[next.index]))) {
      src = { a, b: j };
      srcHead = head;
    }
  }

  // Inverted: "“…”, reassured Mr. Lavrov." / "…, said the minister."
  let inverted = false;
  if (!src && (j < sStart || isPunct(tokens[j])) && first.lemma !== 'tell' && !/ing$/.test(first.normal)) {
    const np = npRight(ctx, m.tokenEnd, sEnd);
    // "…, said 20 percent" is a figure, but "…, said one Democrat familiar with the talks." is a source.
    const closed = np !== null && (np.b >= sEnd || isPunct(tokens[np.b]) || INVERTED_NEXT.has(tokens[np.b]!.normal));
    const timeWord = np && (TIME_WORDS.has(tokens[np.a]!.normal) || (tokens[np.a]!.pos === 'NUM' && !closed));
    // "…, said he would stay" is a clause with a subject, not an inverted source.
    const clauseSubject = np && np.b - np.a === 1 && tokens[np.a]!.pos === 'PRON' && np.b < sEnd && !isPunct(tokens[np.b]);
    if (np && closed && !timeWord && !clauseSubject && !(np.b - np.a === 1 && tokens[np.a]!.pos === 'DET')) {
      // A name in apposition closing the sentence belongs to a title: "…, said the company's chief executive, John Roe."
      const titled = !tokens.slice(np.a, np.b).some((t) => t.pos === 'PROPN');
      const apposition = titled && tokens[np.b]?.text === ',' ? npRight(ctx, np.b + 1, sEnd) : null;
      src = apposition && (apposition.b >= sEnd || /^[.!?]$/.test(tokens[apposition.b]!.text)) ? { a: np.a, b: apposition.b } : np;
      inverted = true;
    }
  }

  if (!src) return [];

  const who = describeSource(ctx, srcHead ?? src, names, previous);
  const srcStart = tokens[src.a]!.start;
  const leftEdge = Math.min(srcStart, m.start);
  const rightEdge = inverted ? tokens[src.b - 1]!.end : m.end;

  // Direct quotation before ("“…,” he said") or after ("he said: “…”").
  const before = quoteBefore(ctx, leftEdge, 0);
  // The quotation opens the sentence (or began before it); one inside a phrase is a title ("on CNN’s “New Day,” Sen. X told").
  const opensSentence = before !== undefined && (before.start <= sentence.start || !/\p{L}/u.test(text.slice(sentence.start, before.start)));
  if (before && opensSentence && before.end > sentence.start - 2 - 200) {
    return [draft(ctx, cue, m.entry, src, who, span(text, before.start, before.end), true)];
  }
  const after = lastTok.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, rightEdge + skipObject(ctx, m, rightEdge, sEnd), sentence.end + 3);
  if (after) return [draft(ctx, cue, m.entry, src, who, span(text, after.start, after.end), true)];

  // Indirect speech.
  let content: TextSpan | null;
  const tail = text.slice(rightEdge, sentenceEnd);
  // What precedes the source (or, inverted, the cue) up to its comma: "The plan failed, the minister said."
  const comma = inverted ? m.tokenStart - 1 : src.a - 1;
  if (tokens[comma]?.text === ',' && !/\w{3,}/.test(tail.replace(/\b(on|in|at|last|this|recently|earlier|later|today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|a|an|the|statement|interview|press|conference|briefing|week|month|year)\b/gi, ''))) {
    content = clause(ctx, sentence.start, tokens[comma]!.start);
  } else {
    content = clause(ctx, afterThat(ctx, tokenAt(tokens, rightEdge + skipObject(ctx, m, rightEdge, sEnd)), sEnd), sentenceEnd);
    const stop = coordinatedCue(ctx, m, sEnd);
    if (content && stop !== null && stop > content.start) content = clause(ctx, content.start, stop);
  }
  return [draft(ctx, cue, m.entry, src, who, content, false)];
}

/** Words of column and section labels that open a sentence with a colon ("The Latest:", "Editor's note:"). */
const HEADING_LABELS = new Set(['latest', 'note', 'question', 'answer', 'update', 'updated', 'name', 'watch', 'video', 'photo', 'photos', 'related', 'read', 'editor', 'email', 'transcript', 'excerpt', 'correction', 'disclosure', 'breaking', 'exclusive', 'opinion', 'analysis', 'editorial', 'live', 'warning', 'source', 'sources', 'credit', 'q', 'a']);

/**
 * Headline attribution `X: …` ("Mayor Ruiz: Bridge Reopens Monday", "Poll: Senator Leads"): the
 * sentence opens with a short name phrase (a proper noun, a sources-lexicon word or capitalised
 * words, no verb) and a colon, and at least three tokens follow. Section labels ("UPDATE:",
 * "Editor's note:") are not sources.
 */
function colonHeadline(ctx: Ctx, site: CueSite): AttributionDraft[] {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens, text } = ctx;
  const k = m.tokenStart;
  if (k - sStart < 1 || k - sStart > 6 || sEnd - m.tokenEnd < 3) return [];
  const np = npRight(ctx, sStart, k);
  if (!np || np.b !== k) return [];
  const words = tokens.slice(sStart, k);
  // A name: a proper noun, a sources-lexicon word, or capitalised words only ("Lynch:", "TAPPER:" in a transcript).
  const capitalised = words.every((t) => t.type !== 'word' || /^\p{Lu}/u.test(t.text) || NP_JOINERS.has(t.normal));
  if (!words.some((t) => ctx.covered[t.index] === 1 || t.pos === 'PROPN') && !capitalised) return [];
  // Column and section labels ("The Latest:", "Editor's note:", "Question:") are not sources.
  if (words.some((t) => HEADING_LABELS.has(t.normal)) || (words[0]!.pos === 'DET' && !ctx.covered[sStart + 1])) return [];
  const q = quoteAfter(ctx, m.end, m.end + 3);
  const whole = q && q.end >= sentenceEnd - 1;
  const content = whole ? span(text, q.start, q.end) : clause(ctx, tokens[m.tokenEnd]!.start, sentenceEnd);
  return [draft(ctx, cue, m.entry, np, describeSource(ctx, np, names, previous), content, whole === true)];
}

/** Words that may follow the source of an inverted cue ("…, said the minister on Monday", "…, said Smith, who …"). */
const INVERTED_NEXT = new Set(['on', 'in', 'at', 'with', 'of', 'to', 'and', 'as', 'during', 'after', 'before', 'while', 'who', 'last', 'this', 'earlier', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Words after an agentless passive cue that open what was said or asked ("was asked whether", "is accused of"). */
const AGENTLESS_NEXT = new Set(['about', 'whether', 'if', 'what', 'which', 'why', 'how', 'when', 'who', 'whom', 'where', 'of', 'as', 'for', 'on', 'to', 'that']);

/**
 * Offset where the content of cue `m` ends because the same subject goes on with another cue:
 * "admitted the plan was late, but said …" (the later cue follows "and"/"but"); null when none.
 */
function coordinatedCue(ctx: Ctx, m: LexiconMatch, sEnd: number): number | null {
  const { tokens } = ctx;
  const { cues } = ctx;
  // Cues are in text order: start at the first one after m.
  for (let i = lowerBound(cues.length, (x) => cues[x]!.tokenStart > m.tokenStart); i < cues.length; i++) {
    const c = cues[i]!;
    if (c.tokenStart >= sEnd) break;
    let k = c.tokenStart - 1;
    while (k > m.tokenEnd && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
    if (tokens[k]?.pos === 'CCONJ') return tokens[k - 1]?.text === ',' ? tokens[k - 1]!.start : tokens[k]!.start;
  }
  return null;
}

/**
 * The subject of the clause that holds a cue with no subject of its own: the source of the
 * sentence's previous attribution, else the first noun phrase of the sentence after an opening
 * adverbial ("On Sunday, Pastor Brown … and, citing …, urged").
 */
function clauseSubject(ctx: Ctx, cueAt: number, sStart: number): Range | null {
  const { tokens } = ctx;
  let i = sStart;
  // Dateline: "WASHINGTON —", "CLEVELAND -", "Washington (AFP) –", "ORLANDO, Fla. (Reuters) -".
  for (let k = sStart; k < Math.min(cueAt, sStart + 12); k++) {
    const before = tokens.slice(sStart, k);
    const agency = before.some((t) => t.text === '(');
    if (/^[—–-]+$/.test(tokens[k]!.text) && before.every((t) => t.type !== 'word' || t.text === t.text.toUpperCase() || (agency && /^\p{Lu}|^\d/u.test(t.text)))) {
      i = k + 1;
      break;
    }
  }
  // An opening conjunction or adverb: "But the senator …", "Then he began dismissing …".
  while (i < cueAt && (tokens[i]!.pos === 'CCONJ' || OPENING_ADVERBS.has(tokens[i]!.normal))) i++;
  // Opening adverbial up to a comma: "On Sunday,", "Hours later,", "In an interview,", "Speaking on Monday,".
  const t = tokens[i];
  const c0 = findComma(ctx, i, Math.min(cueAt, i + 6));
  const opening = tokens.slice(i, c0);
  const shortOpening =
    c0 < Math.min(cueAt, i + 6) && !opening.some((x) => x.pos === 'VERB' || x.pos === 'AUX') && opening.some((x) => x.pos === 'ADV' || x.pos === 'ADP' || x.pos === 'NUM' || TIME_WORDS.has(x.normal));
  if (shortOpening) i = c0 + 1;
  else if (t && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'ADV' || t.pos === 'NUM' || TIME_WORDS.has(t.normal) || (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal)) || (t.pos === 'NOUN' && TIME_WORDS.has(tokens[i + 1]?.normal ?? '')))) {
    const c = findComma(ctx, i, cueAt);
    if (c < cueAt) i = c + 1;
    // The cue is inside the opening clause: its subject follows the conjunction ("When Trump launched … by talking").
    else if (WHEN.has(t.normal) || t.pos === 'SCONJ') i++;
  }
  let np = npRight(ctx, i, cueAt);
  // An opening time phrase without a comma: "A few minutes later they reversed themselves … and said".
  if (np && np.b < cueAt && TIME_NOUNS.has(tokens[np.b - 1]!.lemma) && ['later', 'earlier', 'ago'].includes(tokens[np.b]!.normal)) np = npRight(ctx, np.b + 1, cueAt);
  if (!np || np.b > cueAt || TIME_WORDS.has(tokens[np.a]!.normal) || tokens[np.a]!.pos === 'NUM') return null;
  if (np.b - np.a === 1 && DEMONSTRATIVES.has(tokens[np.a]!.normal)) return null;
  return np;
}

/** An attribution for a cue without its own subject, the source taken from its clause (see `clauseSubject`). */
function fromClauseSubject(ctx: Ctx, site: CueSite): AttributionDraft | null {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous } = site;
  const { tokens, text } = ctx;
  const first = tokens[m.tokenStart]!;
  const sentence = ctx.article.sentences[first.sentence]!;
  const objectEnd = m.end + skipObject(ctx, m, m.end, sEnd);
  const q = tokens[sEnd - 1]!.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, objectEnd, sentence.end + 3);
  const content = q ? span(text, q.start, q.end) : clause(ctx, afterThat(ctx, tokenAt(tokens, objectEnd), sEnd), sentenceEnd);
  const prev = previous[previous.length - 1];
  if (prev && prev.source && prev.cue.start < m.start && tokens[tokenAt(tokens, prev.cue.start)]?.sentence === first.sentence) {
    const a = tokenAt(tokens, prev.source.start);
    const b = tokenAt(tokens, prev.source.end);
    const who: Resolved = { type: prev.sourceType, ...(prev.sourceName ? { name: prev.sourceName } : {}), ...(prev.source.resolved ? { resolved: prev.source.resolved } : {}) };
    return draft(ctx, cue, m.entry, { a, b }, who, content, q !== undefined);
  }
  const subject = clauseSubject(ctx, m.tokenStart, sStart);
  if (!subject) return null;
  return draft(ctx, cue, m.entry, subject, describeSource(ctx, subject, names, previous), content, q !== undefined);
}

/**
 * An attribution for a cue in a fronted adverbial clause ("After saying he was nervous, the man ended
 * up …"): the source is the subject of the main clause after the adverbial's comma, when a verb follows it.
 */
function fromMainClause(ctx: Ctx, site: CueSite): AttributionDraft | null {
  const { m, cue, sEnd, names, previous } = site;
  const { tokens } = ctx;
  // The first comma not followed by a relative clause ("After thanking the crowd, which chanted his name, he …").
  let comma = findComma(ctx, m.tokenEnd, sEnd);
  while (comma < sEnd - 1 && ['which', 'who', 'where', 'whose'].includes(tokens[comma + 1]!.normal)) comma = findComma(ctx, comma + 1, sEnd);
  if (comma >= sEnd - 1) return null;
  const np = npRight(ctx, comma + 1, sEnd);
  if (!np || np.b >= sEnd) return null;
  const after = tokens[np.b]!;
  if (after.pos !== 'VERB' && after.pos !== 'AUX' && after.pos !== 'ADV') return null;
  const content = clause(ctx, afterThat(ctx, m.tokenEnd + (tokens[m.tokenEnd]?.lemma === 'about' ? 1 : 0), sEnd), tokens[comma]!.start);
  return draft(ctx, cue, m.entry, np, describeSource(ctx, np, names, previous), content, false);
}

/** Offset just after "that" when the clause starts with it, else the start of token `k`. */
function afterThat(ctx: Ctx, k: number, sEnd: number): number {
  const t = ctx.tokens[k];
  if (!t) return ctx.text.length;
  // Adverbs and a time word before "that" belong to the cue: "stated recently that …", "said Tuesday that …".
  let j = k;
  while (j < sEnd - 1 && j < k + 3 && (ctx.tokens[j]!.pos === 'ADV' || TIME_WORDS.has(ctx.tokens[j]!.normal)) && ctx.tokens[j]!.normal !== 'that') j++;
  if (ctx.tokens[j]!.normal === 'that' && j + 1 < sEnd) return ctx.tokens[j + 1]!.start;
  return t.start;
}

/** Characters to skip after the cue: the addressee of "told" ("told reporters", "told a press conference"). */
function skipObject(ctx: Ctx, m: LexiconMatch, from: number, sEnd: number): number {
  const { tokens } = ctx;
  if (tokens[m.tokenStart]!.lemma !== 'tell') return 0;
  const k = tokenAt(tokens, from);
  const np = npRight(ctx, k, sEnd);
  return np ? tokens[np.b - 1]!.end - from : 0;
}

/**
 * The quotation introduced by a sentence ending in a colon ("X said:"): the next quotation, when
 * only headings lie between them (the quoted paragraphs may follow a sub-heading).
 */
function introducedQuote(ctx: Ctx, offset: number): Quotation | undefined {
  const q = ctx.quotes[firstQuotationStartingAt(ctx.quotes, offset)];
  if (!q) return undefined;
  // Sentences are in text order: those wholly between offset and the quotation start in that range.
  const { sentences } = ctx.article;
  for (let i = lowerBound(sentences.length, (x) => sentences[x]!.start >= offset); i < sentences.length && sentences[i]!.start <= q.start; i++) {
    const s = sentences[i]!;
    if (s.end <= q.start && !s.heading) return undefined;
  }
  return q;
}
