/**
 * Unsourced assertions: sentences in the article's own voice that assert something (a fact, a
 * figure, a cause, a prediction, an accusation, an evaluation) and that no attribution covers.
 *
 * A sentence is left alone when it is a heading, a question, an introduction to a quotation
 * (ends with a colon), part of a text a colon introduction gives to someone (a quoted post set out
 * in its own paragraphs), mostly quoted words, an instruction to the reader ("Read the rest of the
 * story here."), a fragment without a clause of its own (a credit, a name with its description
 * cut from a list), or when an attribution covers its claim: its
 * content covers half the sentence, or its cue is in the sentence and nothing outside the quoted
 * and reported words makes a claim of its own (a verb of a clause: "Critics, eager to portray the
 * plan as doomed, piled on" is the article's claim). The writer quoting their own earlier writing
 * ("In a recent article I stated …:") is the article's voice, and so is a cue with I or we as subject.
 *
 * Reasons, first that applies: `vague-source` (only an indefinite or unnamed-cue source such as
 * "critics say" or "reportedly"), `continues-source` (the sentence before, in the same paragraph,
 * reports a named source indirectly up to its end, or this one opens "It also …" / "The report
 * further …": it may run on that source), `prescriptive` (must, should), `prediction` (will, is
 * likely to), `agentless-passive` (is seen as, is believed to), else `no-attribution`. The words
 * behind each reason are entries of lexicons/unsourced.yml (kind unsourced), by category.
 *
 * All offsets are 0-based UTF-16 indices into the file text, end exclusive.
 */
import { firstStartingAt } from '../core/spans.js';
import { checkBudget } from '../core/limits.js';
import type { AnalysedArticle, Assigned, Sentence, Span, Token, UnsourcedFinding } from '../core/types.js';
import { type Lexicons, wordClass } from '../lexicons/index.js';
import { reportBoundary, type AttributionDraft } from './attribution/index.js';
import { firstQuotationEndingAfter, quotationsOf, type Quotation } from './quotes.js';
import { confidenceOf } from './confidence.js';

export type UnsourcedDraft = Omit<UnsourcedFinding, Assigned>;

export type UnsourcedReason =
  'prescriptive' | 'prediction' | 'agentless-passive' | 'vague-source' | 'continues-source' | 'after-data' | 'beside-source' | 'no-attribution';

const EXPLANATIONS: Record<UnsourcedReason, string> = {
  prescriptive: 'The article itself says what must or should happen, without attributing the view to anyone.',
  prediction: 'The article itself predicts what will happen, without saying who expects it.',
  'agentless-passive': 'An evaluation in the passive voice ("is seen as") that hides who holds it.',
  'vague-source': 'The only source is vague or unnamed ("critics", "reportedly"), so the reader cannot check it.',
  'continues-source': "A claim in the article's voice right after a source's reported words: it may run on that source's account, or be the article's own.",
  'after-data':
    "A figure in the article's voice a paragraph or two after a poll, study, survey or report named as a source: it may be that source's figure, or the article's own.",
  'beside-source': 'The sentence reports a source, but also makes a claim of its own (an action, a description, a judgement) that the source does not cover.',
  'no-attribution': "A claim stated in the article's own voice with no source for it.",
};

/** Lexicon categories of kind `unsourced` (lexicons/unsourced.yml) that this analysis reads. */
type Role =
  | 'prescriptive'
  | 'discourse'
  | 'prediction'
  | 'agentless-passive'
  | 'own-comment'
  | 'continuation'
  | 'communication-verb'
  | 'communication-noun'
  | 'characterising-verb'
  | 'blaming-verb'
  | 'speech-act'
  | 'record-verb'
  | 'document-noun'
  | 'provision-noun'
  | 'comment-request'
  | 'view-adjective'
  | 'view-verb'
  | 'perception-participle'
  | 'recording-noun'
  | 'work-noun'
  | 'plain-report-verb'
  | 'speech-verb'
  | 'comparing-verb'
  | 'credit-label'
  | 'stance-word'
  | 'listing-verb'
  | 'listing-opening'
  | 'more-of'
  | 'poll-average'
  | 'data-source'
  | 'participle-form'
  | 'schedule-day'
  | 'open-question'
  // word classes of lexicons/attribution-words.yml, marked on the tokens they hold
  | 'subordinate-opener'
  | 'verb-negator'
  | 'author-pronoun'
  | 'reader-pronoun'
  | 'source-pronoun'
  | 'first-second-person'
  | 'refusal-verb';

/** The word classes of lexicons/attribution-words.yml that `rolesOf` marks on the tokens whose normal form is one of their words. */
const WORD_CLASS_ROLES = [
  'subordinate-opener',
  'verb-negator',
  'author-pronoun',
  'reader-pronoun',
  'source-pronoun',
  'first-second-person',
] as const satisfies readonly Role[];

/** For each token, the roles of the `unsourced` lexicon entries whose phrase starts there. */
function rolesOf(article: AnalysedArticle, lexicons: Lexicons): Map<number, Set<string>> {
  const roles = new Map<number, Set<string>>();
  for (const m of lexicons.match(article, 'unsourced')) {
    if (lexicons.disabled.has(m.entry.category) || m.entry.category === 'source-stopword') continue; // a list, read by withinReport
    let r = roles.get(m.tokenStart);
    if (!r) roles.set(m.tokenStart, (r = new Set()));
    r.add(m.entry.category);
  }
  const mark = (k: number, role: Role) => {
    let r = roles.get(k);
    if (!r) roles.set(k, (r = new Set()));
    r.add(role);
  };
  const classes = wordClassRoles(lexicons);
  const refusals = wordClass(lexicons, 'refusal-verb'); // compared by lemma
  article.tokens.forEach((t, k) => {
    const found = classes.get(t.normal);
    if (found) for (const role of found) mark(k, role);
    if (refusals.has(t.lemma)) mark(k, 'refusal-verb');
  });
  return roles;
}

/** Per word, the roles of WORD_CLASS_ROLES whose word class holds it, in that order (one lookup a token; made once per lexicon set). */
function wordClassRoles(lexicons: Lexicons): ReadonlyMap<string, readonly Role[]> {
  let map = wordClassRolesMemo.get(lexicons);
  if (!map) {
    const built = new Map<string, Role[]>();
    for (const role of WORD_CLASS_ROLES) {
      for (const word of wordClass(lexicons, role)) {
        const list = built.get(word);
        if (list) list.push(role);
        else built.set(word, [role]);
      }
    }
    wordClassRolesMemo.set(lexicons, (map = built));
  }
  return map;
}
const wordClassRolesMemo = new WeakMap<Lexicons, ReadonlyMap<string, readonly Role[]>>();

const RANK: readonly UnsourcedReason[] = ['prescriptive', 'prediction', 'agentless-passive', 'vague-source', 'no-attribution'];

/**
 * The reason of an unsourced sentence from the words of its own voice (tokens not quoted and not
 * inside an attribution of the sentence), first that applies: prescriptive, prediction,
 * agentless-passive, vague-source (an unnamed "for some," / "to many," set off by commas), else no-attribution.
 */
function reasonOf(tokens: Token[], s: Sentence, skip: Uint8Array, roles: Map<number, Set<string>>): UnsourcedReason {
  let reason: UnsourcedReason = 'no-attribution';
  const consider = (r: UnsourcedReason) => {
    if (RANK.indexOf(r) < RANK.indexOf(reason)) reason = r;
  };
  const has = (k: number, role: Role) => roles.get(k)?.has(role) === true;
  const schedule = scheduled(tokens, s, skip, roles);
  // "It remains to be seen how much … will help him", "What remains unclear is whether … will go deeper": the outlet
  // says the future is open, it does not forecast it (docs/judging.md, unsourced rule 10); from the word of an open
  // question (category open-question) and a wh-word or if after it, a future is no prediction
  let question = -1;
  for (let k = s.tokenStart, open = false; k < s.tokenEnd && question < 0; k++) {
    if (skip[k]) continue;
    if (roles.get(k)?.has('open-question')) open = true;
    else if (open && (WH.has(tokens[k]!.normal) || tokens[k]!.normal === 'if')) question = k;
  }
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (skip[k]) continue; // the quoted or reported words are not the article's voice
    // "For some, it harks to the days of intolerance", "a turn that called to mind, for some, …": the view is given
    // to an unnamed some or many, set off by commas (docs/judging.md, unsourced rule 9: a vague source)
    if (
      (t.normal === 'for' || t.normal === 'to') &&
      (next?.normal === 'some' || next?.normal === 'many') &&
      tokens[k + 2]?.text === ',' &&
      (k === s.tokenStart || tokens[k - 1]!.text === ',')
    )
      consider('vague-source');
    // a participle or gerund ("in danger of having to return") describes an obligation, it does not prescribe
    // a past form ("had to", "the coordination needed to combat") tells of an obligation, it does not prescribe one
    // "should there ever be one", "should he win", "should the court strike it down": a conditional, not an
    // obligation (a subject right after the modal)
    const inverted =
      t.normal === 'should' && k > s.tokenStart && (next?.normal === 'there' || next?.pos === 'PRON' || next?.pos === 'PROPN' || next?.pos === 'DET');
    // "must have been", "must have known": an inference about the past, not an obligation (not "must have the votes")
    const after = tokens[k + 2];
    const inferred =
      t.normal === 'must' && next?.lemma === 'have' && !!after && (after.normal === 'been' || (after.pos === 'VERB' && after.normal !== after.lemma));
    if (has(k, 'prescriptive') && !inverted && !inferred && !/ing$|ed$/.test(t.normal) && t.normal !== 'had') {
      // "need to" / "have to" oblige only as main verbs (not the auxiliary have, not the noun need)
      const mainVerb = next?.normal === 'to' && t.lemma !== 'ought';
      if (!mainVerb || (t.pos !== 'AUX' && t.pos !== 'NOUN')) {
        const verbAt = next?.normal === 'be' || next?.normal === 'to' ? k + 2 : k + 1;
        if (!has(verbAt, 'discourse')) consider('prescriptive');
      }
    }
    // "The plan will cut …", "the bill would require …": what a text provides is no prediction of the outlet's
    if (
      has(k, 'prediction') &&
      t.pos === 'AUX' &&
      !schedule &&
      !(question >= 0 && k > question) &&
      !provisionSubject(tokens, s, k, roles) &&
      !futurePassive(tokens, s, k)
    )
      consider('prediction');
    if (has(k, 'prediction') && next?.normal === 'to' && tokens[k - 1]?.lemma === 'be') consider('prediction');
    if (t.lemma === 'be') {
      let p = k + 1;
      while (p < s.tokenEnd && tokens[p]!.pos === 'ADV') p++; // "is also seen as", "is widely believed to"
      const follow = tokens[p + 1];
      if (has(p, 'agentless-passive') && follow && (follow.normal === 'as' || follow.normal === 'to') && !hasBy(tokens, p, s.tokenEnd))
        consider('agentless-passive');
    }
  }
  return reason;
}

/**
 * True when the sentence's own words (outside `skip`) name a day, a month or an hour (category schedule-day: Friday,
 * January, Feb., p.m., tomorrow) and hold no word of likelihood (category prediction, not an auxiliary: likely,
 * expected): its will tells a schedule ("The committee will elect a chairman during its meeting in January"; "She
 * will now face Democrat Ryan Greene in November"), the outlet's account of what is arranged, not its forecast. The
 * sentence keeps its finding, with its other reason. A year alone ("By 2085, it will be able to pay …") is no
 * schedule; "will likely be tested as soon as Friday" stays a prediction.
 */
function scheduled(tokens: Token[], s: Sentence, skip: Uint8Array, roles: Map<number, Set<string>>): boolean {
  let day = false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (skip[k]) continue;
    const r = roles.get(k);
    if (r?.has('prediction') && tokens[k]!.pos !== 'AUX') return false;
    if (r?.has('schedule-day')) day = true;
  }
  return day;
}

/**
 * True when the future auxiliary at `k` opens a passive ("The final debates will be held Oct. 16",
 * "actions that will be taken immediately") or follows a fronted participle ("Included will also be
 * $10 billion"): it tells what is arranged or announced, the outlet's account of a plan or a
 * schedule, not its forecast. The sentence keeps its finding, with its other reason.
 */
function futurePassive(tokens: Token[], s: Sentence, k: number): boolean {
  const participle = (t: Token | undefined) =>
    t !== undefined && t.pos === 'VERB' && /(ed|en|wn|ne|lt|ld|ht|un|ung|ade|id|ut|et)$/.test(t.normal) && t.normal !== t.lemma;
  if (k === s.tokenStart + 1 && participle(tokens[s.tokenStart])) return true;
  let j = k + 1;
  while (j < s.tokenEnd && tokens[j]!.pos === 'ADV') j++;
  if (tokens[j]?.normal !== 'be') return false;
  j++;
  while (j < s.tokenEnd && tokens[j]!.pos === 'ADV') j++;
  return participle(tokens[j]);
}

/**
 * True when the main subject of the sentence, the first noun before token `k` and before any verb,
 * is a rule or agreement (lexicon category provision-noun) and "that" comes between it and the
 * future at `k` ("The plan commits itself to the idea that reform will be handled …"): the future is
 * what the text puts forward, not the outlet's prediction. "The law will cut poverty" keeps its reason.
 */
function provisionSubject(tokens: Token[], s: Sentence, k: number, roles: Map<number, Set<string>>): boolean {
  for (let j = s.tokenStart; j < k; j++) {
    const t = tokens[j]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // the head of the first noun phrase: the last noun of the run ("the tax plan")
      let h = j;
      while (h + 1 < k && (tokens[h + 1]!.pos === 'NOUN' || tokens[h + 1]!.pos === 'PROPN')) h++;
      if (roles.get(h)?.has('provision-noun') !== true || tokens[h]!.pos !== 'NOUN') return false;
      // the future in a clause the text puts forward ("commits itself to the idea that … will"), not the text's own effect ("The law will cut poverty")
      for (let c = h + 1; c < k; c++) if (tokens[c]!.normal === 'that') return true;
      return false;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',') return false;
  }
  return false;
}

/** Index of the first token starting at or after `offset` (binary search). */
const tokenIndexAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset);

function hasBy(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.normal === 'by') return true;
  return false;
}

/** Attribution whose source is vague: indefinite and unnamed ("critics", "some say") or an agentless cue. */
function isVague(a: AttributionDraft, tokens: Token[], members: ReadonlySet<string>): boolean {
  if (!a.source) return true;
  // "some African nations" names a group; "critics" or "some" does not.
  if (a.sourceType !== 'vague' || /\p{Lu}/u.test(a.source.text.slice(1))) return false;
  // a group set off with its named members ("Several conservatives, including Glenn Beck and Bill O'Reilly, have
  // criticized …"; word class member-opener): a full name, two proper nouns in a row, after the opener
  const k = tokenIndexAt(tokens, a.source.end);
  const named = tokens[k]?.text === ',' && members.has(tokens[k + 1]?.normal ?? '') && tokens[k + 2]?.pos === 'PROPN' && tokens[k + 3]?.pos === 'PROPN';
  return !named;
}

/**
 * True when an agentless passive cue ("was asked", "was posted") has its agent named after it in its sentence: "by"
 * and then, past an article or a quotation mark, a capitalised word outside a date ("posted on YouTube by
 * “DCCameraGuy”", "had been asked to preserve them by the House Select Committee"). The one who asked or posted is
 * named: no vague source.
 */
function namedAgent(tokens: Token[], s: Sentence, cueEnd: number, dated: Uint8Array): boolean {
  for (let k = tokenIndexAt(tokens, cueEnd); k < s.tokenEnd - 1; k++) {
    const t = tokens[k]!;
    if (t.text === ';' || /^[—–-]$/.test(t.text)) return false;
    // the by-phrase of another verb ("expected to rule soon on a case brought by the Philippines", "expected to be
    // filled by …") names that verb's agent, not the cue's: only an infinitive may come between ("asked to preserve
    // them by …")
    if (k > tokenIndexAt(tokens, cueEnd) && (t.pos === 'AUX' || (t.pos === 'VERB' && tokens[k - 1]?.normal !== 'to'))) return false;
    if (t.normal !== 'by') continue;
    let j = k + 1;
    while (j < s.tokenEnd && (tokens[j]!.pos === 'DET' || /^[“"‘']$/.test(tokens[j]!.text))) j++;
    const w = tokens[j];
    return !!w && j < s.tokenEnd && w.type === 'word' && /^\p{Lu}/u.test(w.text) && !dated[j];
  }
  return false;
}

/**
 * True when the sentence is a cleft whose focus is where or when a named source spoke: it opens "It was" / "It is"
 * (a negation allowed) and "that" comes right before the source at `sourceStart` ("It was during a campaign stop in
 * Ohio on Saturday that Mr. Santorum described …"; "It was not until Monday that the senator said …"). The frame tells
 * the report's setting, not a claim of the outlet's beside it.
 */
function cleftOfReport(tokens: Token[], s: Sentence, sourceStart: number): boolean {
  const r = tokenIndexAt(tokens, sourceStart);
  const j = s.tokenStart;
  if (r <= j + 3 || r >= s.tokenEnd || tokens[r - 1]!.normal !== 'that') return false;
  if (tokens[j]!.normal !== 'it' || tokens[j + 1]!.lemma !== 'be') return false;
  // the focus is a time or a place: a preposition opens it ("during …", "in Ohio", "not until Monday"), not an
  // adjective ("It was clear that X said …" is the outlet's own judgement)
  const f = tokens[j + 2]!.normal === 'not' ? j + 3 : j + 2;
  if (tokens[f]!.pos !== 'ADP' || tokens[f]!.normal === 'that') return false;
  // one phrase: no quotation, colon, semicolon, dash, auxiliary or relative word inside it
  for (let k = f + 1; k < r - 1; k++) {
    const t = tokens[k]!;
    if (/^[“”":;—–]$/.test(t.text) || t.pos === 'AUX' || ['that', 'who', 'which'].includes(t.normal)) return false;
  }
  return true;
}

/**
 * True when the sentence opens with a condition (word class condition-opener, "even" and a conjunction before it
 * allowed) that ends with a comma right before the source at `sourceStart`: "Even if Clinton can't catapult over Sanders
 * in New Hampshire, insiders in the next two states said it's important …". The condition is part of the report.
 */
function conditionOfReport(tokens: Token[], s: Sentence, sourceStart: number, openers: ReadonlySet<string>): boolean {
  const r = tokenIndexAt(tokens, sourceStart);
  if (r <= s.tokenStart || r >= s.tokenEnd || tokens[r - 1]!.text !== ',') return false;
  let j = s.tokenStart;
  if (tokens[j]!.pos === 'CCONJ') j++;
  if (tokens[j]?.normal === 'even') j++;
  // "If, as I've suggested, …": an aside right after the opener may be the writer's
  if (j >= r - 2 || !openers.has(tokens[j]!.normal) || tokens[j + 1]!.text === ',') return false;
  // one clause: no quotation, colon, semicolon or dash inside it
  for (let k = j + 1; k < r - 1; k++) if (/^[“”":;—–]$/.test(tokens[k]!.text)) return false;
  return true;
}

/** True when an attribution's source is the writer (word class author-pronoun: I, we): the writer's voice is not a source. */
function bySelf(a: AttributionDraft, authorPronouns: ReadonlySet<string>): boolean {
  return a.source !== null && authorPronouns.has(a.source.text.toLowerCase());
}

/**
 * True when a content span opens with a clause: a subject (a noun, a name or a pronoun, no
 * punctuation, at most five words) and then its verb or auxiliary ("he posed a deadly threat").
 */
function reportedClause(tokens: Token[], content: Span): boolean {
  let subject = false;
  const from = tokenIndexAt(tokens, content.start);
  for (let k = from; k < tokens.length && k <= from + 5 && tokens[k]!.end <= content.end; k++) {
    const pos = tokens[k]!.pos;
    if (tokens[k]!.type === 'punctuation') return false;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'PRON') subject = true;
    else if (pos === 'VERB' || pos === 'AUX') return subject;
  }
  return false;
}

/** For each sentence, how attributions cover it, and which tokens they report. */
interface Coverage {
  /** 1 when an attribution's content covers half the sentence; 2 when such an attribution is not vague. */
  content: Uint8Array;
  /** 1 when an attribution holds its cue in the sentence; 2 when such an attribution is not vague. */
  cue: Uint8Array;
  /** Per token: 1 inside the source, cue or content of an attribution (reported, not the article's voice). */
  reported: Uint8Array;
  /** 1 when a named attribution's indirect content runs to the end of the sentence (the next may continue it). */
  runsOn: Uint8Array;
  /** Per sentence, the lower-cased words of its named sources (for "X also …" in the next). */
  sources: Map<number, Set<string>>;
  /** 1 when the sentence holds a negated or refused cue ("did not respond to a request for comment"). */
  refused: Uint8Array;
  /**
   * 1 when the sentence holds the cue of an attribution parallax is fairly sure of (measured confidence at least
   * BESIDE_SOURCE_MIN): only then is a claim of the sentence's own told apart as beside-source.
   */
  sure: Uint8Array;
  /**
   * 1 when the sentence's subject is what a named source announced, in a participle after it
   * ("The agreement, announced by X, will see …"): the rest of the sentence tells what was announced.
   */
  framed: Uint8Array;
}

/**
 * Marks the sentences each attribution covers: those holding its cue and those that its content
 * overlaps by at least half their length, and the tokens of its source, cue and content. Each
 * attribution visits only the sentences and tokens its spans overlap (binary search for the
 * first), so the whole is linear in the article size. Attributions of the writer (I, we) and
 * negated or refused cues ("have not said", "declined to comment": pattern `negated`) cover nothing.
 */
function coverage(article: AnalysedArticle, attributions: readonly AttributionDraft[], lexicons: Lexicons, roles: Map<number, Set<string>>): Coverage {
  const { sentences, tokens, text } = article;
  const closers = wordClass(lexicons, 'report-closer');
  // Sentences that name a news outlet or agency (a media source of the sources lexicon).
  const mediaIn = new Set<number>();
  const authorPronouns = wordClass(lexicons, 'author-pronoun');
  const members = wordClass(lexicons, 'member-opener');
  const conditions = wordClass(lexicons, 'condition-opener');
  const dated = datedTokens(article);
  for (const m of lexicons.match(article, 'sources'))
    if (m.entry.sourceType === 'media' || m.entry.sourceType === 'state-media') mediaIn.add(tokens[m.tokenStart]!.sentence);
  const n = sentences.length;
  const c: Coverage = {
    content: new Uint8Array(n),
    cue: new Uint8Array(n),
    reported: new Uint8Array(tokens.length),
    runsOn: new Uint8Array(n),
    sources: new Map(),
    framed: new Uint8Array(n),
    refused: new Uint8Array(n),
    sure: new Uint8Array(n),
  };
  // Running maximum of sentence ends, so "first sentence that may reach offset" is a binary search
  // even if sentence ends were not sorted.
  const reach = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) reach[i] = max = Math.max(max, sentences[i]!.end);
  /** First sentence index whose running end is >= offset (or > offset when `strict`). */
  const first = (offset: number, strict: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? reach[mid]! <= offset : reach[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const report = (sp: Span | null) => {
    if (!sp) return;
    for (let k = tokenIndexAt(tokens, sp.start); k < tokens.length && tokens[k]!.start < sp.end; k++) c.reported[k] = 1;
  };
  for (const a of attributions) {
    if (a.pattern === 'negated') {
      // a refusal is the outlet's note on its own reporting: its source and cue are no claim of the article
      report(a.source);
      report(a.cue);
      const k = tokenIndexAt(tokens, a.cue.start);
      if (k < tokens.length) {
        const si = tokens[k]!.sentence;
        c.refused[si] = 1;
        // what was not answered ("to requests for comment on the proposal") is part of the refusal
        report({ start: a.cue.end, end: clauseEnd(tokens, tokenIndexAt(tokens, a.cue.end), sentences[si]!) });
      }
      continue;
    }
    if (bySelf(a, authorPronouns)) continue;
    // an agentless cue (reportedly) in a sentence that names an outlet passes on that outlet's report, and so
    // does one right after a sentence of its paragraph that names an outlet ("…, the Washington Post reports.
    // Skype can reportedly be monitored …")
    const cueSentence = tokens[tokenIndexAt(tokens, a.cue.start)]?.sentence ?? -1;
    const outletBefore =
      a.pattern === 'reportedly' &&
      cueSentence > 0 &&
      mediaIn.has(cueSentence - 1) &&
      sentences[cueSentence - 1]!.paragraph === sentences[cueSentence]!.paragraph;
    // a source-less cue passes on a named source when its sentence names an outlet, the sentence before does
    // (reportedly), or an agentless passive names its agent later in the sentence ("is seen as … by the Post")
    const namedElsewhere =
      a.source === null &&
      (mediaIn.has(cueSentence) ||
        outletBefore ||
        (a.pattern === 'agentless-passive' && cueSentence >= 0 && namedAgent(tokens, sentences[cueSentence]!, a.cue.end, dated)));
    // 1: a vague source, which covers its sentence only weakly; 2: a source that covers it
    const level = isVague(a, tokens, members) && !namedElsewhere ? 1 : 2;
    if (cueSentence >= 0 && confidenceOf(a, lexicons.calibration) >= BESIDE_SOURCE_MIN) c.sure[cueSentence] = 1;
    const { cue } = a;
    // An indirect report cut short at a report boundary (", which …", ", while …") may still go on:
    // the rest of its sentence is not flagged as the outlet's own claim (precision first).
    let { content } = a;
    if (content && !a.direct && reportBoundary(tokens, tokenIndexAt(tokens, content.end), closers)) {
      const s = sentences[tokens[tokenIndexAt(tokens, content.end)]!.sentence]!;
      content = { ...content, end: Math.max(content.end, s.end) };
    }
    // A second predicate of the reported clause ("Police say he posed a deadly threat and refused to drop the gun"):
    // "and" / "but" / "or" straight before a verb, with no subject of its own, goes on with the reported subject.
    // Only after a reported clause (a subject and its verb) without a dash, a parenthesis or a colon in it (an aside
    // of the writer's may sit there): after an object ("mentioned the wage and described …") the second verb is the
    // source's own next act, told by the outlet.
    if (content && !a.direct && reportedClause(tokens, content) && !/[—–()[\];:]/.test(content.text)) {
      const k = tokenIndexAt(tokens, content.end);
      const s = sentences[tokens[k]?.sentence ?? -1];
      if (s && k < s.tokenEnd && tokens[k]!.pos === 'CCONJ' && tokens[k - 1]?.text !== ',') {
        let j = k + 1;
        while (j < s.tokenEnd && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'PART')) j++;
        if (j < s.tokenEnd && (tokens[j]!.pos === 'VERB' || tokens[j - 1]!.pos === 'AUX') && !/ing$/.test(tokens[j]!.normal) && j - k <= 3)
          content = { ...content, end: Math.max(content.end, clauseEnd(tokens, k, s)) };
      }
    }
    report(a.source);
    report(cue);
    // a condition opening the sentence right before a named source is the condition of the report ("Even if Clinton
    // can't catapult over Sanders …, insiders … said …"), and so is the focus of a cleft ("It was during a campaign stop
    // in Ohio on Saturday that Mr. Santorum described …"): not a claim of the outlet's beside it
    // Only a report of speech: a thought, a wish or an aim ("If Cruz looks to build on his momentum, Rubio is seeking to
    // …") keeps the condition the outlet's
    if (level === 2 && a.source && a.source.end <= cue.start && cueSentence >= 0 && a.cue.speech !== false) {
      const s = sentences[cueSentence]!;
      if (a.source.start >= s.start && (conditionOfReport(tokens, s, a.source.start, conditions) || cleftOfReport(tokens, s, a.source.start)))
        report({ start: s.start, end: a.source.start });
    }
    if (level === 2 && content && !a.direct && a.source && PLAIN_REPORT_ROLES.some((r) => roles.get(tokenIndexAt(tokens, cue.start))?.has(r)))
      splitReport(article, a.source, cue, content, report);
    // a restrictive relative clause between the source and its cue ("other groups that are pushing to preserve
    // benefits accused …", no comma) says which source is meant: it is part of the source, not a claim beside it
    if (a.source && a.source.end <= cue.start) {
      const r = tokenIndexAt(tokens, a.source.end);
      const c0 = tokenIndexAt(tokens, cue.start);
      const gap = text.slice(a.source.end, cue.start);
      if (r < c0 && c0 - r <= 12 && (tokens[r]!.normal === 'that' || tokens[r]!.normal === 'who') && !/[,;:—–()"“”]/.test(gap))
        report({ start: a.source.end, end: cue.start });
    }
    // what a cue reports ends where a comma opens a new predicate ("portray the plan as doomed, piled on")
    if (content) {
      let end = content.end;
      for (let k = tokenIndexAt(tokens, content.start); k + 1 < tokens.length && tokens[k + 1]!.end <= content.end; k++) {
        if (tokens[k]!.text === ',' && tokens[k + 1]!.pos === 'VERB' && !/ing$/.test(tokens[k + 1]!.normal)) {
          end = tokens[k]!.start;
          break;
        }
      }
      report({ start: content.start, end });
    }
    for (let i = first(cue.start, false); i < n && sentences[i]!.start <= cue.end; i++) {
      const s = sentences[i]!;
      if (cue.start >= s.start && cue.end <= s.end) {
        c.cue[i] = Math.max(c.cue[i]!, level);
        // A cue whose content lies outside its sentence (or is missing) still reports the rest of its clause.
        // So does a cue after its content in the same sentence ("“…,” Essid declared in a televised address Wednesday"):
        // the words after it are the reporting clause's own (where, when, how it was said).
        if (!content || content.end <= s.start || content.start >= s.end || content.end <= cue.start)
          report({ start: cue.end, end: clauseEnd(tokens, tokenIndexAt(tokens, cue.end), s) });
        if (
          level === 2 &&
          content &&
          content.start === s.start &&
          content.end <= cue.start &&
          a.source &&
          a.source.start > cue.end &&
          /^\s*by\s/.test(text.slice(cue.end, a.source.start))
        )
          c.framed[i] = 1;
        if (level === 2 && a.source) {
          const words = c.sources.get(i) ?? new Set<string>();
          for (const w of a.source.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(w);
          c.sources.set(i, words);
        }
      }
    }
    if (!content) continue;
    for (let i = first(content.start, true); i < n && sentences[i]!.start < content.end; i++) {
      const s = sentences[i]!;
      const overlap = Math.min(content.end, s.end) - Math.max(content.start, s.start);
      if (overlap >= (s.end - s.start) * 0.5) c.content[i] = Math.max(c.content[i]!, level);
      // Indirect content that runs to the end of its sentence (only closing punctuation after it).
      if (level === 2 && !a.direct && content.end <= s.end && content.end > s.start && /^[\s.!;,)”’"']*$/.test(text.slice(content.end, s.end))) c.runsOn[i] = 1;
      // … or that ends its sentence with the cue and source after it ("In 2008, he used the money for …, the document said.")
      const tail = Math.max(cue.end, a.source?.end ?? 0);
      if (
        level === 2 &&
        !a.direct &&
        content.start >= s.start &&
        content.end <= cue.start &&
        tail <= s.end &&
        tail > content.end &&
        /^[\s.!;,)”’"']*$/.test(text.slice(tail, s.end))
      )
        c.runsOn[i] = 1;
    }
  }
  return c;
}

/**
 * The least measured confidence of an attribution whose cue makes a flagged sentence beside-source ("reports a source,
 * but also makes a claim of its own"). Below it the cue is as likely a misread verb as a report ("two phone calls in
 * recent days", "the result that Sanders was seeking", "they know"), and the sentence keeps the reason of its own words
 * (no-attribution, prediction …). Round 13 (issue #14), from the judged tuning sheets drawn by reason
 * (unsourced-beside-source-*-seed271): with a cue below 0.6, 10 of 19 right (8 partly: no source beside it); at 0.6 or
 * more, 11 of 12.
 */
const BESIDE_SOURCE_MIN = 0.6;

/** The roles of a plain verb of saying or showing (lexicon categories of kind unsourced: said, added, according to, records show). */
const PLAIN_REPORT_ROLES: readonly Role[] = ['plain-report-verb', 'discourse', 'record-verb'];

/**
 * A reporting clause set between commas inside its sentence, with "and" or "but" after it ("…
 * lacks in the looks department, said Howard, but her character …"; "Mr. Steele has kept close
 * counsel, Republican officials said Sunday, and his plans were unknown …"): the words on the side
 * of it that the attribution's content does not hold go on with that source's report (up to a
 * semicolon), so they are reported too; so is the clause before a reporting clause that closes the sentence
 * after a comma ("…, who had 1,401, according to a tally by the AP."), whatever part of it the
 * attribution took as its content. Whose claim they make stays open (precision first). Only for a
 * plain verb of saying or showing (lexicon categories plain-report-verb, discourse, record-verb: said, added,
 * according to, records show): a verb that only looks like a cue ("recited her policy ideas, and …") is no reporting clause.
 */
function splitReport(article: AnalysedArticle, source: Span, cue: Span, content: Span, report: (sp: Span | null) => void): void {
  const { tokens, sentences, text } = article;
  const lo = Math.min(cue.start, source.start);
  const hi = Math.max(cue.end, source.end);
  const s = sentences[tokens[tokenIndexAt(tokens, cue.start)]?.sentence ?? -1];
  if (!s || lo <= s.start || hi >= s.end) return;
  // a comma before the clause; after it at most three words (a time: "Sunday"), a comma and the conjunction
  // the clause is only its source and its cue, at most four plain words between ("said Howard", "the airline added",
  // "according to a tally by the AP"), not "he referred to … ''my friends'' and showed", and its cue no participle ("citing the attack")
  const gap = cue.start < source.start ? text.slice(cue.end, source.start) : text.slice(source.end, cue.start);
  if (!/,\s*$/.test(text.slice(s.start, lo)) || !/^(?:\s+\p{L}+){0,4}\s*$/u.test(gap) || /ing$/i.test(text.slice(cue.start, cue.end))) return;
  const semicolonAfter = text.indexOf(';', hi);
  const semicolonBefore = text.lastIndexOf(';', lo);
  // a reporting clause closing its sentence ("…, compared with Sanders, who had 1,401, according to a tally by the AP."):
  // the clause before it is the report, whatever part of it the attribution took as its content
  if (content.start < lo && /^(?:\s+[\p{L}\p{N}.]+){0,3}[\s.!)”’"']*$/u.test(text.slice(hi, s.end))) {
    report({ start: semicolonBefore >= s.start ? semicolonBefore + 1 : s.start, end: lo });
    return;
  }
  const tail = /^((?:\s+[\p{L}\p{N}.]+){0,3})\s*,\s*(?:and|but)\s/u.exec(text.slice(hi, s.end));
  if (!tail) return;
  const after = { start: hi, end: semicolonAfter >= 0 && semicolonAfter < s.end ? semicolonAfter : s.end };
  const before = { start: semicolonBefore >= s.start ? semicolonBefore + 1 : s.start, end: lo };
  // content taken from the words of time after the cue ("officials said Sunday, and …": content "Sunday") reports neither side: both are the source's
  const timeOnly = content.start >= hi && content.end <= hi + tail[1]!.length;
  if (content.end <= lo || timeOnly) report(after);
  if ((content.start >= hi && !timeOnly) || timeOnly) report(before);
}

/** The roles of a poll, a survey, a study or a report that a figure may come from (lexicons/unsourced.yml). */
const SURVEY_ROLES: readonly Role[] = ['document-noun', 'communication-noun', 'poll-average'];

/**
 * Sentences that give the source of their figure (a number outside the phrase) in a phrase after "in"
 * or "from": a poll, a survey, a study, a report or an average of polls with a name in its phrase ("Trump leads Cruz by roughly 9
 * points in the RealClearPolitics average of recent polls", "… took 6 percent in a Washington
 * Post-ABC News poll released Sunday", "up five points from a CBS News poll"): the sentence is sourced
 * there, not the outlet's own claim. The phrase runs from the preposition over determiners,
 * adjectives, names, nouns, numbers and the joints of a compound name (/, -, 's) to the noun.
 */
function namedSurveys(article: AnalysedArticle, skip: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    const t = tokens[k]!;
    // "average" may be tagged an adjective ("the RealClearPolitics average of recent polls")
    const noun = t.pos === 'NOUN' || (r.has('poll-average') && (tokens[k + 1]?.normal === 'of' || tokens[k + 1]?.type === 'punctuation'));
    if (!noun || skip[k] || !SURVEY_ROLES.some((role) => r.has(role))) continue;
    const s = sentences[t.sentence]!;
    let named = false;
    let j = k - 1;
    for (; j >= s.tokenStart && k - j <= 10; j--) {
      const w = tokens[j]!;
      if (w.pos === 'PROPN') named = true;
      else if (!(['DET', 'ADJ', 'NOUN', 'NUM'].includes(w.pos) || w.text === '/' || w.text === '-' || w.normal === "'s" || w.normal === '’s')) break;
    }
    if (!named || j < s.tokenStart || tokens[j]!.pos !== 'ADP' || !(tokens[j]!.normal === 'in' || tokens[j]!.normal === 'from')) continue;
    // only for a figure outside that phrase (a number or a share): what a poll or a study is the source of
    for (let f = s.tokenStart; f < s.tokenEnd; f++) {
      const w = tokens[f]!.text;
      const figure = (tokens[f]!.pos === 'NUM' && /\d/.test(w) && !/^(?:1[89]|20)\d\d$/.test(w)) || w === '%'; // not a year
      if ((f < j || f > k) && figure) {
        out.push(t.sentence);
        break;
      }
    }
  }
  return out;
}

/**
 * Sentences that report what someone said, wrote or concluded with a reporting verb of the
 * lexicon (reporting-verbs) in the article's own words, though no attribution was built from it
 * ("That caused other Republicans to warn that …", "The oddsmakers … project a handful of pickups",
 * "The projections … indicate that …"): parallax cannot tell whose claim the rest is, so it
 * abstains. Only an active verb (tagged VERB, not after a form of be) outside quoted and reported
 * words, followed by what it reports (that, a quotation, a colon), with a subject before it in the
 * sentence that is not the writer (I, we, you), and not negated counts.
 */
function uncoveredReports(article: AnalysedArticle, skip: Uint8Array, inQuote: Uint8Array, lexicons: Lexicons, roles: Map<number, Set<string>>): Uint8Array {
  const { tokens, sentences } = article;
  const out = new Uint8Array(sentences.length);
  // "X issued a statement (Thursday night) saying …", "X sent a letter … asking …", "X released a memo titled …"
  for (const [k, r] of roles) {
    const t = tokens[k]!;
    if (!r.has('communication-verb') || t.pos !== 'VERB' || skip[k] || /ing$/.test(t.normal)) continue; // a finite verb, not a participle of a side clause
    const s = sentences[t.sentence]!;
    // the subject may be the source of an attribution built from the words after ("The ministry sent a letter … asking …")
    if (!hasSubject(tokens, roles, s.tokenStart, k) || negated(roles, k)) continue;
    let noun = -1;
    // "sent Ryan, R-Wis., a letter saying …": an indirect object and its apposition may come between (no verb)
    // (no verb and no preposition: not "a large chunk of the emails that …", which is no text being put out)
    for (let j = k + 1; j <= k + 10 && j < s.tokenEnd && (j <= k + 4 || !['VERB', 'AUX', 'ADP'].includes(tokens[j]!.pos)); j++)
      // "filed a federal lawsuit …, claiming …": after file, a document (a lawsuit, a complaint) is the text put out
      if ((roles.get(j)?.has('communication-noun') || (t.lemma === 'file' && roles.get(j)?.has('document-noun'))) && tokens[j]!.pos === 'NOUN') noun = j;
    if (noun < 0) continue;
    // the text's words may come after its addressees and a time ("sent a letter to the president and chairman of the
    // board of trustees last Friday asking …"): up to 16 words on, while no other finite verb opens a clause
    for (let j = noun + 1; j <= noun + 16 && j < s.tokenEnd; j++) {
      const w = tokens[j]!;
      if (w.text === ';' || w.text === '.') break;
      if (j > noun + 8 && (w.pos === 'AUX' || (w.pos === 'VERB' && !/ing$/.test(w.normal)))) break;
      // after file, a participle only with that (", claiming that …"), not "filed a lawsuit concerning the talking points"
      const words = w.pos === 'VERB' && /ing$/.test(w.normal) && (t.lemma !== 'file' || tokens[j + 1]?.normal === 'that');
      if (words || w.normal === 'titled' || w.normal === 'that' || w.text === ':' || /^["“]$/.test(w.text)) {
        out[t.sentence] = 1;
        break;
      }
    }
  }
  const relatives = wordClass(lexicons, 'relative-pronoun');
  for (const m of [...lexicons.match(article, 'reporting-verbs'), ...nounReports(article, lexicons)]) {
    const k = m.tokenStart;
    const t = tokens[k]!;
    if ((t.pos !== 'VERB' && !('noun' in m)) || skip[k]) continue;
    const s = sentences[t.sentence]!;
    if (negated(roles, k)) continue;
    // active, not a passive participle ("is seen as", "was decided"), and followed by what it reports: that, a quotation or a colon
    let p = k - 1;
    while (p >= s.tokenStart && tokens[p]!.pos === 'ADV') p--;
    if (p >= s.tokenStart && tokens[p]!.lemma === 'be') continue;
    let q = m.tokenEnd;
    while (q < s.tokenEnd && tokens[q]!.pos === 'ADV') q++;
    const next = tokens[q];
    // what it reports: that, a quotation, a colon, a wh-clause ("explained how …"), or a gerund after a
    // phrase ending in a preposition ("talks about growing up in Buffalo and how …")
    // (not an infinitive: "chose Astana to announce what has since become …" is the writer's account)
    const finite = tokens[p]?.normal !== 'to';
    const gerund = finite && tokens[m.tokenEnd - 1]!.pos === 'ADP' && next?.pos === 'VERB' && /ing$/.test(next.normal);
    const wh = finite && WH.has(next?.normal ?? '');
    if (q >= s.tokenEnd || !next || !(next.normal === 'that' || next.text === ':' || /^["“‘'«]$/.test(next.text) || wh || gerund)) continue;
    // a wh-clause or a gerund after the verb reports only after a real subject: not a gerund ("finding what we
    // have in common"), not a relative pronoun ("which confirmed what I always knew")
    if ((wh || gerund) && !realSubject(tokens, roles, s, k, relatives)) continue;
    if (hasSubject(tokens, roles, s.tokenStart, k, skip)) out[t.sentence] = 1;
  }
  for (const si of [
    ...bareReports(article, skip, lexicons, roles),
    ...tailReports(article, inQuote, lexicons),
    ...characterisations(article, skip, inQuote, roles),
    ...speechActs(article, skip, inQuote, roles),
    ...documentReports(article, skip, roles),
    ...provisionOpenings(article, roles, lexicons),
    ...commentRequests(article, inQuote, roles),
    ...views(article, skip, inQuote, lexicons, roles),
    ...narrations(article, skip, roles),
    ...reportClauses(article, inQuote, lexicons, roles),
    ...namedSurveys(article, skip, roles),
  ])
    out[si] = 1;
  return out;
}

/** The phrases of the reporting verbs, per lexicon set (made once, not per article). */
const reportingPhrases = new WeakMap<Lexicons, Set<string>>();

/**
 * Reporting verbs in -s that the tagger read as plural nouns after a name or a pronoun ("Perez talks
 * about growing up …", "She speaks of …"), where the lexicon (which matches verbs) does not see them:
 * a noun whose lemma, alone or with the next word, is a phrase of reporting-verbs, followed by a preposition.
 */
function nounReports(article: AnalysedArticle, lexicons: Lexicons): { tokenStart: number; tokenEnd: number; noun: true }[] {
  const { tokens } = article;
  let phrases = reportingPhrases.get(lexicons);
  if (!phrases) {
    phrases = new Set<string>();
    for (const e of lexicons.entries('reporting-verbs')) for (const p of e.phrases) phrases.add(p);
    reportingPhrases.set(lexicons, phrases);
  }
  const out: { tokenStart: number; tokenEnd: number; noun: true }[] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1]!;
    if (t.pos !== 'NOUN' || !/s$/.test(t.normal) || t.normal === t.lemma || next.pos !== 'ADP' || !['PROPN', 'PRON'].includes(tokens[k - 1]!.pos)) continue;
    if (phrases.has(`${t.lemma} ${next.normal}`)) out.push({ tokenStart: k, tokenEnd: k + 2, noun: true });
  }
  return out;
}

/**
 * Sentences whose reporting verb takes its clause without "that" ("Her office claims the bill would
 * cut deficits …", "The aide argued the vote was rigged"), though no attribution was built from it:
 * a one-word reporting verb of the lexicon (reporting-verbs), tagged VERB, or a noun in -s whose
 * lemma is one (a tagger's reading of "claims" after a noun), outside quoted and reported words,
 * not negated, not after a form of be, with a subject before it that is not the writer, then a
 * short noun phrase (at most five words) and a finite verb or an auxiliary. Whose claim the
 * clause makes stays open, so parallax abstains.
 */
/** The one-word phrases of the reporting verbs, per lexicon set (made once, not per article). */
const oneWordReportingVerbs = new WeakMap<Lexicons, Set<string>>();

/** The one-word phrases of the reporting verbs (memoised per lexicon set). */
function oneWordVerbs(lexicons: Lexicons): Set<string> {
  let verbs = oneWordReportingVerbs.get(lexicons);
  if (!verbs) {
    verbs = new Set<string>();
    for (const e of lexicons.entries('reporting-verbs')) for (const p of e.phrases) if (!p.includes(' ')) verbs.add(p);
    oneWordReportingVerbs.set(lexicons, verbs);
  }
  return verbs;
}

function bareReports(article: AnalysedArticle, skip: Uint8Array, lexicons: Lexicons, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const verbs = oneWordVerbs(lexicons);
  const modals = wordClass(lexicons, 'modal');
  const naming = wordClass(lexicons, 'naming-verb'); // compared by lemma
  const out: number[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (skip[k] || !verbs.has(t.lemma)) continue;
    const prev = tokens[k - 1]!;
    const asVerb = t.pos === 'VERB' && !/ing$/.test(t.normal);
    const asNoun = t.pos === 'NOUN' && /s$/.test(t.normal) && t.normal !== t.lemma && (prev.pos === 'NOUN' || prev.pos === 'PROPN');
    if (!(asVerb || asNoun) || negated(roles, k)) continue;
    const s = sentences[t.sentence]!;
    let p = k - 1;
    while (p >= s.tokenStart && tokens[p]!.pos === 'ADV') p--;
    // not a passive or an infinitive ("to argue he is …"), not after a modal ("would see an average cut"),
    // not a participle after a noun ("a band called Sophistafunk got …")
    const before = p >= s.tokenStart ? tokens[p]! : undefined;
    if (before && (before.lemma === 'be' || before.normal === 'to' || modals.has(before.normal))) continue;
    if (asVerb && /ed$/.test(t.normal) && (before?.pos === 'NOUN' || before?.pos === 'PROPN') && naming.has(t.lemma)) continue;
    if (!hasSubject(tokens, roles, s.tokenStart, k, skip)) continue;
    // the clause's subject: a short noun phrase opening with a determiner, a pronoun or a name
    const head = tokens[k + 1];
    if (!head || !['DET', 'PRON', 'PROPN'].includes(head.pos) || roles.get(k + 1)?.has('subordinate-opener')) continue;
    for (let j = k + 2; j <= k + 6 && j < s.tokenEnd; j++) {
      const w = tokens[j]!;
      if (w.pos === 'AUX' || (w.pos === 'VERB' && !/ing$/.test(w.normal) && tokens[j - 1]!.normal !== 'to')) {
        out.push(t.sentence);
        break;
      }
      if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'PART'].includes(w.pos)) break;
    }
  }
  return out;
}

/** True when token `k` is negated by one of the two words before it. */
/** True when one of the two words before token `k` negates it (class verb-negator: "did not say", "never claimed"): a refused or denied report reports nothing. */
const negated = (roles: Map<number, Set<string>>, k: number): boolean =>
  roles.get(k - 1)?.has('verb-negator') === true || roles.get(k - 2)?.has('verb-negator') === true;

/**
 * Sentences ending in a reporting clause the attribution stage did not build: after the last
 * comma, a noun phrase (no verb) and a reporting verb, then at most a time, place or medium phrase
 * without a verb ("…, the Daily Star reports.", "…, the ministry and the tax office said Friday.").
 * What comes before the comma is that source's report.
 */
function tailReports(article: AnalysedArticle, inQuote: Uint8Array, lexicons: Lexicons): number[] {
  // The source and verb may be those of an attribution built wrongly ("the Highway Agency said Friday"
  // with content "Friday"): only quoted words are left out. A tagger may read the verb as a plural
  // noun there ("the paper reports"): a noun in -s whose lemma is a reporting verb counts too.
  const { tokens, sentences } = article;
  const verbs = oneWordVerbs(lexicons);
  const at = new Set(lexicons.match(article, 'reporting-verbs').map((m) => m.tokenStart));
  const openers = wordClass(lexicons, 'subordinate-opener');
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!((at.has(k) && t.pos === 'VERB') || (t.pos === 'NOUN' && /s$/.test(t.normal) && verbs.has(t.lemma))) || inQuote[k]) continue;
    const s = sentences[t.sentence]!;
    let comma = k - 1;
    let noun = false;
    while (comma > s.tokenStart && tokens[comma]!.text !== ',') {
      const w = tokens[comma]!;
      if (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'SCONJ' || w.pos === 'PRON' || openers.has(w.normal) || w.type === 'punctuation') break;
      if (w.pos === 'NOUN' || w.pos === 'PROPN') noun = true;
      comma--;
    }
    if (tokens[comma]?.text !== ',' || !noun || comma - s.tokenStart < 4) continue;
    // after the verb: nothing, or a time, place or medium ("Friday", "on Tuesday", "in a statement"), never an object
    const first = tokens[k + 1];
    if (first && k + 1 < s.tokenEnd - 1 && !['ADP', 'ADV', 'PROPN', 'NOUN'].includes(first.pos)) continue;
    if (first?.pos === 'NOUN' && !/^\p{Lu}/u.test(first.text)) continue;
    let rest = 0;
    let clean = true;
    for (let j = k + 1; j < s.tokenEnd; j++) {
      const w = tokens[j]!;
      if (w.type === 'punctuation' && j === s.tokenEnd - 1) break;
      if (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'SCONJ' || w.pos === 'PRON' || w.normal === 'that' || w.type === 'punctuation' || ++rest > 6)
        clean = false;
    }
    if (clean) out.push(t.sentence);
  }
  return out;
}

/** Verbs of judging someone, with the preposition that brings in the judgement (lexicon categories of kind unsourced). */
const JUDGING: readonly [Role, string][] = [
  ['characterising-verb', 'as'], // "cast the mayor as an insider"
  ['blaming-verb', 'for'], // "targeted the agency for its delays"
  ['comparing-verb', 'with'], // "contrasted that with Clinton, who …" (an object first: not "contrasts sharply with")
];

/**
 * Sentences in which someone presents or judges a person or thing without a reporting verb
 * ("The challenger cast the mayor as an insider", "The senator targeted the agency for its delays"):
 * a verb of category characterising-verb (then "as") or blaming-verb (then "for") in the main
 * clause, with a subject, not negated, and its preposition within eight words after it.
 */
function characterisations(article: AnalysedArticle, skip: Uint8Array, inQuote: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    const t = tokens[k]!;
    const prep = JUDGING.find(([role]) => r.has(role))?.[1];
    // a tagger may read the verb after a name as a noun ("Smith cast the mayor as …")
    const verb =
      t.pos === 'VERB' ||
      (t.pos === 'NOUN' && ['PROPN', 'PRON'].includes(tokens[k - 1]?.pos ?? '') && ['DET', 'PROPN', 'PRON'].includes(tokens[k + 1]?.pos ?? ''));
    if (!prep || !verb || skip[k] || negated(roles, k)) continue;
    if (r.has('comparing-verb') && !(['DET', 'PRON', 'PROPN', 'NOUN'].includes(tokens[k + 1]?.pos ?? '') || tokens[k + 1]?.normal === 'that')) continue;
    const s = sentences[t.sentence]!;
    // the subject may be the source of an attribution built from the words after ("…, claiming …")
    if (!hasSubject(tokens, roles, s.tokenStart, k, inQuote) || inSubordinate(s.tokenStart, k, inQuote, roles)) continue;
    for (let j = k + 1; j <= k + 8 && j < s.tokenEnd; j++) {
      const w = tokens[j]!;
      if (w.text === ';' || w.text === ',' || w.pos === 'VERB') break;
      if (w.normal === prep) {
        out.push(t.sentence);
        break;
      }
    }
  }
  return out;
}

/**
 * Sentences that tell what someone said or argued by a phrase instead of a reporting verb
 * (lexicon category speech-act: "saved his sharpest criticism for", "has remained firm that"),
 * or by a verb of a speech act (category speech-verb, tagged as a verb, not negated: "accused the
 * group of …", "have already pounced", "decried the leak", "pledged to …"), outside quoted and
 * reported words, with a subject before it that is not the writer, in the main clause.
 */
function speechActs(article: AnalysedArticle, skip: Uint8Array, inQuote: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    const t = tokens[k]!;
    // a finite verb: not an infinitive, not a participle before a noun ("pledged delegates") or without an auxiliary ("vowing to …")
    const modifier = /ed$/.test(t.normal) && ['NOUN', 'ADJ'].includes(tokens[k + 1]?.pos ?? '');
    const participle = /ing$/.test(t.normal) && tokens[k - 1]?.pos !== 'AUX';
    const verb = r.has('speech-verb') && t.pos === 'VERB' && !negated(roles, k) && tokens[k - 1]?.normal !== 'to' && !modifier && !participle;
    if (!(r.has('speech-act') || verb) || skip[k]) continue;
    const from = sentences[t.sentence]!.tokenStart;
    // a clause of the outlet's own before ", and" / ", but" ("… grew violent, and the candidate took to Twitter to …")
    // keeps the sentence's finding
    let ownFirst = false;
    for (let j = from, verbSeen = false; j < k - 1; j++) {
      const w = tokens[j]!;
      if (!inQuote[j] && (w.pos === 'VERB' || w.pos === 'AUX')) verbSeen = true;
      if (verbSeen && w.text === ',' && tokens[j + 1]!.pos === 'CCONJ') ownFirst = true;
    }
    if (ownFirst) continue;
    // a relative clause on the subject may come before a speech verb ("groups that are pushing to … accused X of …")
    const main = !inSubordinate(from, k, inQuote, roles, tokens) || (verb && subjectRelative(tokens, from, k, inQuote, roles));
    if (hasSubject(tokens, roles, from, k, inQuote) && main) out.push(t.sentence);
  }
  return out;
}

/**
 * Sentences whose claim a reporting clause inside them gives to a source the attribution stage did
 * not build: an "as" clause between commas or at the sentence start with a subject and a reporting
 * verb of the lexicon (reporting-verbs) before the comma ("Certainly, as the Examiner's Phillip Klein
 * notes, it will …"; not "as well as", not "such as"), and a quotation closed before ", reads a statement
 * from X" (read with a text of category communication-noun after it). Outside quoted words.
 */
function reportClauses(article: AnalysedArticle, inQuote: Uint8Array, lexicons: Lexicons, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const cues = new Set(lexicons.match(article, 'reporting-verbs').map((m) => m.tokenStart));
  const verbs = oneWordVerbs(lexicons);
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (inQuote[k]) continue;
    const s = sentences[t.sentence]!;
    const before = tokens[k - 1];
    if (t.normal === 'as' && (k === s.tokenStart || before?.text === ',') && tokens[k + 1]?.normal !== 'well') {
      // "as <subject> <reporting verb>," within eight words, no other verb before the cue
      let noun = false;
      for (let j = k + 1; j <= k + 9 && j < s.tokenEnd - 1; j++) {
        const w = tokens[j]!;
        // a verb in -s may be read as a plural noun after a name ("as … Phillip Klein notes,")
        const cue = (cues.has(j) && w.pos === 'VERB') || (w.pos === 'NOUN' && /s$/.test(w.normal) && w.normal !== w.lemma && verbs.has(w.lemma));
        if (cue && noun) {
          let q = j + 1;
          while (
            q < s.tokenEnd &&
            (tokens[q]!.pos === 'ADV' || tokens[q]!.pos === 'ADP' || tokens[q]!.pos === 'PROPN' || tokens[q]!.pos === 'NOUN' || tokens[q]!.pos === 'DET') &&
            q <= j + 4
          )
            q++;
          if (tokens[q]?.text === ',') out.push(t.sentence);
          break;
        }
        if (w.pos === 'VERB' || w.pos === 'AUX' || (w.type === 'punctuation' && w.text !== "'s" && w.text !== '’s')) break;
        if (w.pos === 'NOUN' || w.pos === 'PROPN' || (w.pos === 'PRON' && roles.get(j)?.has('source-pronoun'))) noun = true;
      }
    }
    // "“…,” reads a statement from X" / "“…,” the statement read."
    const closed = before?.text === ',' || (/^["”’']$/.test(before?.text ?? '') && tokens[k - 2]?.text === ',');
    if (t.lemma === 'read' && closed && k >= 2 && inQuote[k - 2] && roles.get(k + 2)?.has('communication-noun') && tokens[k + 1]?.pos === 'DET')
      out.push(t.sentence);
  }
  return out;
}

/**
 * Sentences whose subject is a document giving facts (lexicon categories document-noun or
 * communication-noun before a record-verb: "Court files released last month documented …", "The county's data show …"): a
 * document noun outside quoted words before the verb, the verb not negated.
 */
function documentReports(article: AnalysedArticle, skip: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    const t = tokens[k]!;
    if (!r.has('record-verb') || t.pos !== 'VERB' || skip[k] || negated(roles, k) || tokens[k - 1]?.normal === 'to') continue;
    const s = sentences[t.sentence]!;
    // the verb's clause: back to the sentence start or a semicolon
    for (let j = k - 1; j >= s.tokenStart && tokens[j]!.text !== ';'; j--) {
      const r = roles.get(j);
      if (!skip[j] && (r?.has('document-noun') || r?.has('communication-noun') || r?.has('recording-noun')) && tokens[j]!.pos === 'NOUN') {
        out.push(t.sentence);
        break;
      }
    }
  }
  return out;
}

/**
 * Sentences noting an unanswered request for comment ("The firm did not return messages seeking
 * comment Friday."): a phrase of category comment-request with a negation or a refusal verb (word
 * classes verb-negator, refusal-verb: "declined requests for comment") before it in the same
 * clause (no semicolon or ", but" between), outside quoted words. They note the outlet's own
 * reporting, not a claim that needs a source.
 */
function commentRequests(article: AnalysedArticle, inQuote: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    if (!r.has('comment-request') || inQuote[k]) continue;
    const t = tokens[k]!;
    const s = sentences[t.sentence]!;
    for (let j = k - 1; j >= s.tokenStart; j--) {
      const w = tokens[j]!;
      if (w.text === ';' || (w.text === ',' && tokens[j + 1]!.pos === 'CCONJ')) break;
      if (!inQuote[j] && (roles.get(j)?.has('verb-negator') || roles.get(j)?.has('refusal-verb'))) {
        out.push(t.sentence);
        break;
      }
    }
  }
  return out;
}

/** The roles of a text, a record or a work whose content an opening "In the …," gives (lexicon categories of kind unsourced). */
const IN_OPENING_ROLES: readonly Role[] = ['recording-noun', 'document-noun', 'communication-noun', 'work-noun'];

/**
 * Sentences opening "Under the new policy, …" (a rule or agreement of lexicon category
 * provision-noun before the first comma): they tell what that text provides, so its must and will
 * are the text's, not the writer's. So do "In the video, …" (a recording-noun) and, with the noun
 * right before the comma, "In the report, …", "In the letter, …", "In the novel, …" (categories
 * document-noun, communication-noun, work-noun): what the sentence tells is that text's content.
 */
function provisionOpenings(article: AnalysedArticle, roles: Map<number, Set<string>>, lexicons: Lexicons): number[] {
  const { tokens, sentences } = article;
  const mine = new Set([...wordClass(lexicons, 'author-pronoun'), ...wordClass(lexicons, 'author-possessive')]);
  const out: number[] = [];
  sentences.forEach((s, si) => {
    // a stray quotation mark may come first ("' In the novel, …" after a quotation closed by doubled quotes)
    let k0 = s.tokenStart;
    while (k0 < s.tokenEnd && tokens[k0]!.type === 'punctuation' && /^["'“”‘’]+$/.test(tokens[k0]!.text)) k0++;
    const opener = tokens[k0]?.normal;
    // "Under the new rule, …" (what a text provides); "In the video, …" (what a recording shows); "In the novel, …",
    // "In the report, …", "In the letter, …" (what a text tells)
    const wanted: readonly Role[] = opener === 'under' ? ['provision-noun'] : opener === 'in' ? IN_OPENING_ROLES : [];
    if (!wanted.length) return;
    for (let j = k0 + 1; j < Math.min(s.tokenEnd, k0 + 10) && tokens[j]!.text !== ','; j++) {
      // the writer's own text ("In my personal opinion, …", "In our review, …") is the article's voice
      if (mine.has(tokens[j]!.normal)) return;
      const r = roles.get(j);
      // one noun phrase after "In": not "In response to the filings, …" or "In the wake of the report, …"
      if (opener === 'in' && tokens[j]!.pos === 'ADP') return;
      if (!wanted.some((role) => r?.has(role)) || tokens[j]!.pos !== 'NOUN') continue;
      // a text or a work only as the noun ending the opening phrase ("In the report, …", "In the novel, …"),
      // not "In the investigation's wake, …" or "In the budget fight, …"
      if (opener === 'under' || r?.has('recording-noun') || tokens[j + 1]?.text === ',') {
        out.push(si);
        return;
      }
    }
  });
  return out;
}

/** Words opening a reported wh-clause ("explained how …", "asked whether …"). */
const WH: ReadonlySet<string> = new Set(['how', 'why', 'what', 'whether']);

/**
 * True when the reporting verb at `k` has a real subject right before it (over adverbs, auxiliaries and
 * a parenthesis between commas): a noun, a name or a pronoun of word class source-pronoun, not a
 * relative pronoun (word class relative-pronoun: "which confirmed what …") and not itself a gerund
 * or participle without an auxiliary ("finding what we have in common").
 */
function realSubject(tokens: Token[], roles: Map<number, Set<string>>, s: Sentence, k: number, relatives: ReadonlySet<string>): boolean {
  if (/ing$/.test(tokens[k]!.normal) && tokens[k - 1]?.pos !== 'AUX') return false;
  let p = k - 1;
  const skipOver = () => {
    while (p >= s.tokenStart && ['ADV', 'AUX', 'PART'].includes(tokens[p]!.pos)) p--;
  };
  skipOver();
  // "Smith, a professor at the college, explained how …": the subject stands before the parenthesis
  if (tokens[p]?.text === ',') {
    let j = p - 1;
    while (j > s.tokenStart && j > p - 15 && tokens[j]!.text !== ',') j--;
    if (tokens[j]?.text === ',' && j > s.tokenStart) {
      p = j - 1;
      skipOver();
    }
  }
  const w = tokens[p];
  if (!w || p < s.tokenStart || relatives.has(w.normal)) return false;
  return w.pos === 'NOUN' || w.pos === 'PROPN' || (w.pos === 'PRON' && roles.get(p)?.has('source-pronoun') === true);
}

/**
 * Sentences telling someone's view by an adjective of holding it (lexicon category view-adjective)
 * after a form of be (or another copula of word class view-copula) and before "that" ("Party insiders are now convinced that there will be …"),
 * outside quoted and reported words, in the main clause, with a subject that is not the writer:
 * the clause after it is that subject's view. So does a verb of holding a view (category view-verb) right
 * after its subject (a noun, a name or he / she / they, over adverbs, auxiliaries and a negation: "He
 * doesn't think so.", "Mr. X considers Mr. Y naive"), as the first verb of the sentence (a present form, not a participle).
 */
function views(article: AnalysedArticle, skip: Uint8Array, inQuote: Uint8Array, lexicons: Lexicons, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const copulas = wordClass(lexicons, 'view-copula'); // compared by lemma: be, remain, feel, grow, become, stay
  const out: number[] = [];
  for (const [k, r] of roles) {
    if (!r.has('view-adjective') || skip[k] || tokens[k + 1]?.normal !== 'that') continue;
    const s = sentences[tokens[k]!.sentence]!;
    let p = k - 1;
    while (p > s.tokenStart && tokens[p]!.pos === 'ADV') p--;
    if (!copulas.has(tokens[p]?.lemma ?? '') || negated(roles, k)) continue;
    if (hasSubject(tokens, roles, s.tokenStart, p, inQuote) && !inSubordinate(s.tokenStart, p, inQuote, roles)) out.push(tokens[k]!.sentence);
  }
  for (const [k, r] of roles) {
    // a verb of holding a view (lexicon category view-verb) as the main verb: "He doesn't think so.", "Mr. X considers Mr. Y naive"
    // a present form only: not a participle ("a Clinton appointee considered a liberal") or a past narration
    if (!r.has('view-verb') || skip[k] || tokens[k]!.pos !== 'VERB' || /(ed|ing)$/.test(tokens[k]!.normal) || tokens[k]!.normal === 'thought') continue;
    const s = sentences[tokens[k]!.sentence]!;
    // its subject right before it, over adverbs, auxiliaries and a negation (not a passive: "is considered" is category agentless-passive)
    let p = k - 1;
    while (p >= s.tokenStart && (['ADV', 'AUX', 'PART'].includes(tokens[p]!.pos) || roles.get(p)?.has('verb-negator'))) p--;
    // not a passive ("is widely considered") and not an infinitive ("plenty to think about", "leads experts to suspect")
    let passive = false;
    for (let j = p + 1; j < k; j++) if (tokens[j]!.lemma === 'be' || tokens[j]!.normal === 'to') passive = true;
    if (passive) continue;
    // the first verb of the sentence, outside quotations: not "Trump wavered in answering whether he would consider …",
    // "there are reasons why they might consider …", nor a later clause beside an own claim ("Tinder suspended …, but she suspects …")
    let first = true;
    for (let j = p - 1; j >= s.tokenStart; j--) if (!inQuote[j] && (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX')) first = false;
    if (!first) continue;
    const w = tokens[p];
    if (!w || p < s.tokenStart || !(w.pos === 'PROPN' || w.pos === 'NOUN' || (w.pos === 'PRON' && roles.get(p)?.has('source-pronoun')))) continue;
    if (hasSubject(tokens, roles, s.tokenStart, k, inQuote) && !inSubordinate(s.tokenStart, p, inQuote, roles)) out.push(tokens[k]!.sentence);
  }
  return out;
}

/** Forms of be in the present of a caption ("is seen", "are heard", "can be heard"). */
const PRESENT_BE: ReadonlySet<string> = new Set(['is', 'are', "'s", "'re", 'be', 'am']);

/**
 * Sentences narrating a recording: a participle of being seen or heard (lexicon category
 * perception-participle, or an opinion participle of category agentless-passive such as seen) after a form of be and before a verb in -ing ("Etheridge is then seen
 * trying to snatch …", "a guard can be heard shouting …"), outside quoted and reported words. The
 * recording is the source of what they tell.
 */
function narrations(article: AnalysedArticle, skip: Uint8Array, roles: Map<number, Set<string>>): number[] {
  const { tokens, sentences } = article;
  const out: number[] = [];
  for (const [k, r] of roles) {
    // "seen" is an entry of category agentless-passive ("is seen as"); before a verb in -ing it narrates too
    if (!(r.has('perception-participle') || r.has('agentless-passive')) || skip[k]) continue;
    const s = sentences[tokens[k]!.sentence]!;
    // a caption tells the whole sentence: not a clause after a semicolon ("… was exempted from the rule; she is shown in a photograph …")
    let semicolon = false;
    for (let j = s.tokenStart; j < k; j++) if (tokens[j]!.text === ';') semicolon = true;
    if (semicolon) continue;
    let p = k - 1;
    while (p > s.tokenStart && tokens[p]!.pos === 'ADV') p--;
    let q = k + 1;
    while (q < s.tokenEnd && tokens[q]!.pos === 'ADV') q++;
    // "is seen in an amateur video grabbing …": a phrase naming the recording may come between
    if (tokens[q]?.normal === 'in' || tokens[q]?.normal === 'on') {
      for (let j = q + 1; j < Math.min(s.tokenEnd, q + 6); j++) {
        if (roles.get(j)?.has('recording-noun') && tokens[j]!.pos === 'NOUN') {
          q = j + 1;
          break;
        }
      }
    }
    const next = tokens[q];
    // the present of a caption ("is seen", "can be heard"), not a past passive ("was filmed leaving early": the outlet's account)
    if (PRESENT_BE.has(tokens[p]?.normal ?? '') && q < s.tokenEnd && next?.pos === 'VERB' && /ing$/.test(next.normal)) out.push(tokens[k]!.sentence);
  }
  return out;
}

/**
 * True when the only clause openers before `k` open one relative clause on the subject: a single
 * opener right after the sentence's first noun phrase (a noun or a name), with its own verb before
 * `k` ("Other groups that are pushing to preserve benefits accused …"), and no comma between.
 */
function subjectRelative(tokens: Token[], from: number, k: number, skip: Uint8Array, roles: Map<number, Set<string>>): boolean {
  let opener = -1;
  for (let j = from; j < k; j++) {
    if (skip[j]) continue;
    if (tokens[j]!.text === ',') return false;
    if (roles.get(j)?.has('subordinate-opener')) {
      if (opener >= 0 || j === from || !['NOUN', 'PROPN'].includes(tokens[j - 1]!.pos)) return false;
      opener = j;
    }
  }
  if (opener < 0) return false;
  for (let j = from; j < opener; j++) if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return false;
  for (let j = opener + 1; j < k; j++) if (tokens[j]!.pos === 'VERB') return true;
  return false;
}

/**
 * True when token `k` may lie in a subordinate or relative clause: a clause opener (word class
 * subordinate-opener) outside `skip` before it in the sentence (precision first: the main clause
 * may be the writer's claim).
 */
function inSubordinate(from: number, k: number, skip: Uint8Array, roles: Map<number, Set<string>>, tokens?: readonly Token[]): boolean {
  for (let j = from; j < k; j++) {
    if (skip[j] || !roles.get(j)?.has('subordinate-opener')) continue;
    // an opener at the sentence start whose words reach a comma before any verb or subject opens a phrase, not a
    // clause ("Since then, she has …", "After the vote, he vowed …"; not "When Mrs. Clinton, in response …, accused")
    if (tokens && j === from) {
      let c = j + 1;
      while (c < k && tokens[c]!.text !== ',' && !['VERB', 'AUX', 'PRON', 'PROPN'].includes(tokens[c]!.pos)) c++;
      if (c < k && tokens[c]!.text === ',') continue;
    }
    return true;
  }
  return false;
}

/**
 * True when tokens from..k-1 (outside `skip`: quoted and reported words) hold a subject that is not
 * the writer or the reader (word classes author-pronoun, reader-pronoun): a noun, a name or a
 * pronoun of word class source-pronoun (he / she / it / they).
 */
function hasSubject(tokens: Token[], roles: Map<number, Set<string>>, from: number, k: number, skip?: Uint8Array): boolean {
  let subject = false;
  for (let j = from; j < k; j++) {
    const w = tokens[j]!;
    if (skip?.[j]) continue;
    const r = roles.get(j);
    if (r?.has('author-pronoun') || r?.has('reader-pronoun')) return false;
    if (w.pos === 'NOUN' || w.pos === 'PROPN' || (w.pos === 'PRON' && r?.has('source-pronoun'))) subject = true;
  }
  return subject;
}

/** The end offset of the clause from token `k`: before a semicolon or a comma with a conjunction ("…, but …"), else the sentence end. */
function clauseEnd(tokens: Token[], k: number, s: Sentence): number {
  for (let j = k; j < s.tokenEnd - 1; j++) {
    const t = tokens[j]!;
    if (t.text === ';' || (t.text === ',' && tokens[j + 1]!.pos === 'CCONJ')) return t.start;
  }
  return s.end;
}

/**
 * True when the sentence makes a claim of its own beside what its attributions report: a verb of
 * a clause (not an infinitive, not a participle or gerund without an auxiliary, not a discourse
 * verb such as noting) outside the quoted and reported words ("Critics, eager to portray the plan
 * as doomed, piled on": the piling on is the article's claim).
 */
function ownClaim(tokens: Token[], s: Sentence, skip: Uint8Array, roles: Map<number, Set<string>>): boolean {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = tokens[k]!;
    if (skip[k]) continue;
    if (t.lemma === 'be') {
      // a copula before its predicate ("the focus … has been in Iowa"), not an auxiliary of a verb
      let j = k + 1;
      while (j < s.tokenEnd && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART')) j++;
      const next = tokens[j];
      if (next && !skip[j] && next.pos !== 'VERB' && next.pos !== 'AUX' && next.normal !== 'to' && next.type === 'word' && tokens[k - 1]?.normal !== 'to')
        return true;
      continue;
    }
    if (t.pos !== 'VERB' || roles.get(k)?.has('discourse')) continue;
    const prev = tokens[k - 1];
    if (prev?.normal === 'to') continue; // an infinitive
    if (/ing$/.test(t.normal) && prev?.pos !== 'AUX') continue; // a participle or gerund
    // a passive gerund ("since being named Saturday as …", "after having been told"): no clause of its own
    if (prev?.normal === 'being' || (prev?.normal === 'been' && tokens[k - 2]?.normal === 'having')) continue;
    // a past participle that is never a past tense (category participle-form: given, known, taken), with no
    // auxiliary before it, heads a phrase, not a clause ("… bad apples” given Wal-Mart's thousands of stores")
    if (roles.get(k)?.has('participle-form') && !auxiliaryBefore(tokens, s, k)) continue;
    // a participle after a text named in a prepositional phrase ("In a statement released Tuesday afternoon, they
    // said …", "in a video posted online"): it tells which text, it is no clause of the writer's
    if (textParticiple(tokens, s, k, roles)) continue;
    return true;
  }
  return false;
}

const TEXT_ROLES: readonly Role[] = ['communication-noun', 'document-noun', 'recording-noun'];

/**
 * True when the inflected verb at `k` follows a noun of a text (categories communication-noun, document-noun,
 * recording-noun: statement, report, video) that a preposition opens ("In a statement released Tuesday",
 * "in a joint letter sent to …"): a reduced relative clause naming the text, not a verb of a clause.
 */
function textParticiple(tokens: Token[], s: Sentence, k: number, roles: Map<number, Set<string>>): boolean {
  const t = tokens[k]!;
  if (t.normal === t.lemma || !TEXT_ROLES.some((r) => roles.get(k - 1)?.has(r))) return false;
  let j = k - 1;
  while (j > s.tokenStart && ['NOUN', 'ADJ', 'DET', 'NUM'].includes(tokens[j - 1]!.pos)) j--;
  const opener = tokens[j - 1];
  return j > s.tokenStart && opener?.pos === 'ADP' && !roles.get(j - 1)?.has('subordinate-opener');
}

/** True when a form of have, be or get (or another auxiliary) comes before token `k`, past adverbs and a negation ("has not yet given"). */
function auxiliaryBefore(tokens: Token[], s: Sentence, k: number): boolean {
  let j = k - 1;
  while (j >= s.tokenStart && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART')) j--;
  const t = tokens[j];
  return j >= s.tokenStart && !!t && (t.pos === 'AUX' || t.lemma === 'have' || t.lemma === 'be' || t.lemma === 'get');
}

/**
 * Quotations the writer gives from their own earlier writing ("In a recent article I stated …:" or
 * "As I wrote last year, “…”"): the introducing words, in the sentence holding the quotation's
 * opening or the last sentence before it that is not a heading, have I or we followed within four
 * words by a reporting verb. Their words are the article's own voice.
 */
export function ownQuotations(article: AnalysedArticle, quotes: readonly Quotation[], lexicons: Lexicons): Set<Quotation> {
  const { tokens, sentences } = article;
  const cueAt = new Set<number>();
  for (const m of lexicons.match(article, 'reporting-verbs')) cueAt.add(m.tokenStart);
  const authorPronouns = wordClass(lexicons, 'author-pronoun');
  const own = new Set<Quotation>();
  for (const q of quotes) {
    const k0 = tokenIndexAt(tokens, q.start);
    if (k0 >= tokens.length) continue;
    let si = tokens[k0]!.sentence;
    // the quotation opens its sentence: its introduction is the last sentence before it that is not a heading
    let from = sentences[si]!.tokenStart;
    let to = k0;
    if (from === k0) {
      let j = si - 1;
      while (j >= 0 && sentences[j]!.heading && sentences[si]!.paragraph - sentences[j]!.paragraph <= 2) j--;
      if (j < 0 || sentences[si]!.paragraph - sentences[j]!.paragraph > 2) continue;
      si = j;
      from = sentences[j]!.tokenStart;
      to = sentences[j]!.tokenEnd;
      if (tokens[to - 1]!.text !== ':') continue; // an introduction ends with a colon
    }
    for (let k = from; k < to; k++) {
      if (!authorPronouns.has(tokens[k]!.normal)) continue;
      // An *I* inside another quotation is its speaker's (*"… I think …," Mr. Obama said, "…"*).
      if (quotes.some((o) => o !== q && o.innerStart <= tokens[k]!.start && tokens[k]!.end <= o.innerEnd)) continue;
      let cue = false;
      for (let j = k + 1; j <= k + 4 && j < to; j++) if (cueAt.has(j)) cue = true;
      if (cue) own.add(q);
    }
  }
  return own;
}

/** The sentence indices of each paragraph, in document order. */
function paragraphsOf(sentences: readonly Sentence[]): Map<number, number[]> {
  const byParagraph = new Map<number, number[]>();
  sentences.forEach((s, i) => {
    const members = byParagraph.get(s.paragraph);
    if (members) members.push(i);
    else byParagraph.set(s.paragraph, [i]);
  });
  return byParagraph;
}

/** A paragraph opening with a list marker (a dash, a bullet or an asterisk before a letter): an item of a list. */
const LIST_ITEM = /^[-–•*]\s?[\p{L}\p{N}]/u;

/**
 * Sentences of a text that a colon introduction attributes to someone (a post, a letter or a
 * statement set out in its own paragraphs without quotation marks: "X wrote on Facebook:"): the
 * paragraph after the introduction, and each following paragraph that has no attribution of its
 * own and speaks in the first or second person or opens with a verb (an imperative), at most five;
 * an item of a list (a paragraph opening with a dash or a bullet) goes on with the text even when
 * it quotes someone.
 * An introduction without a reporting cue ("Read the full post via Gawker:") counts only when the
 * paragraph after it already speaks so.
 */
function introducedBlocks(article: AnalysedArticle, cov: Coverage, skip: Uint8Array, roles: Map<number, Set<string>>): Uint8Array {
  const { sentences, tokens, text } = article;
  const block = new Uint8Array(sentences.length);
  const byParagraph = paragraphsOf(sentences);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const own = byParagraph.get(s.paragraph)!;
    if (tokens[s.tokenEnd - 1]!.text !== ':' || own[own.length - 1] !== i) continue; // the introduction ends its paragraph
    // an introduction without a cue ("Read the full post via Gawker:") gives away a text only when it speaks in the first or second person
    const cued = cov.cue[i] !== 0;
    for (let p = s.paragraph + 1, taken = 0; taken < 5; p++, taken++) {
      const members = byParagraph.get(p);
      if (!members) break;
      // an item of a list the introduction sets out may quote someone inside it; any other paragraph with a cue has its own source
      const item = LIST_ITEM.test(text.slice(sentences[members[0]!]!.start, sentences[members[0]!]!.start + 2));
      if (members.some((j) => (cov.cue[j] && !item) || sentences[j]!.heading)) break;
      const voiced = members.some((j) => {
        const t = sentences[j]!;
        if (tokens[t.tokenStart]!.pos === 'VERB') return true;
        // an item of a list the introduction sets out ("… circulated these points:" ¶ "-He served …" ¶ "-He has been …")
        if (item) return true;
        for (let k = t.tokenStart; k < t.tokenEnd; k++) if (!skip[k] && roles.get(k)?.has('first-second-person')) return true;
        return false;
      });
      if ((taken > 0 || !cued) && !voiced) break;
      for (const j of members) block[j] = 1;
    }
  }
  return block;
}

/**
 * True when the sentence may run on the source of the sentence before, in the same paragraph:
 * that sentence's named, indirect report runs to its end, or this one opens with a subject that
 * stands for that source followed by an additive adverb ("It also …", "The report further …").
 * A sentence opening with a demonstrative (This is …, These figures …) comments in the writer's
 * voice and does not run on.
 */
function continuesSource(article: AnalysedArticle, si: number, cov: Coverage, roles: Map<number, Set<string>>): boolean {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  const prev = sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph || !(cov.cue[si - 1] === 2 || cov.content[si - 1] === 2)) return false;
  let k = s.tokenStart;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.type === 'punctuation')) k++;
  if (roles.get(k)?.has('own-comment')) return false;
  if (cov.runsOn[si - 1]) return true;
  const names = cov.sources.get(si - 1);
  for (let j = k; j < Math.min(k + 4, s.tokenEnd); j++) {
    const w = tokens[j]!.normal;
    if (roles.get(j)?.has('continuation')) return j > k;
    if (!(roles.get(j)?.has('source-pronoun') || names?.has(w) || tokens[j]!.pos === 'DET')) return false;
  }
  return false;
}

/** The roles whose word, as the first predicate after a subject, tells that subject's stance or speech. */
const STANCE_ROLES: readonly Role[] = ['stance-word', 'view-verb', 'view-adjective', 'speech-verb'];

/**
 * True when the sentence goes on telling the stance of the named source of the sentence before, in
 * the same paragraph: it opens (after a conjunction) with he / she / it / they or a word of that
 * source's name (after a determiner), and its first predicate, past auxiliaries, adverbs (also) and a
 * negation, is a word of wanting, feeling, holding a view or a speech act ("… , Lenahan told Fox
 * News. He is also puzzled as to why …"; "He also wants to cut taxes."). That source is its source.
 */
function continuesStance(article: AnalysedArticle, si: number, cov: Coverage, roles: Map<number, Set<string>>): boolean {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  const prev = sentences[si - 1];
  const names = cov.sources.get(si - 1);
  if (!prev || prev.paragraph !== s.paragraph || !names) return false;
  let k = s.tokenStart;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.type === 'punctuation')) k++;
  if (roles.get(k)?.has('source-pronoun')) k++;
  else {
    if (tokens[k]?.pos === 'DET') k++;
    const from = k;
    while (k < s.tokenEnd && k - from < 4 && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NOUN') && names.has(tokens[k]!.normal)) k++;
    if (k === from) return false;
  }
  while (k < s.tokenEnd && (['AUX', 'ADV', 'PART'].includes(tokens[k]!.pos) || roles.get(k)?.has('continuation') || roles.get(k)?.has('verb-negator'))) k++;
  return k < s.tokenEnd && STANCE_ROLES.some((r) => roles.get(k)?.has(r));
}

/** True when the sentence before, in the same paragraph, reports for a named source (its cue or content) or is a report parallax abstains on. */
const afterReport = (article: AnalysedArticle, si: number, cov: Coverage, uncovered: Uint8Array): boolean => {
  const prev = article.sentences[si - 1];
  return !!prev && prev.paragraph === article.sentences[si]!.paragraph && (cov.cue[si - 1] === 2 || cov.content[si - 1] === 2 || uncovered[si - 1] === 1);
};

/**
 * True when the sentence lists what a noun of the report before holds: its subject's head noun (after
 * an opening "Among" and a determiner) is a word inside what the sentence before reports (an
 * attribution's content, not its source), and its
 * verb lists (category listing-verb: includes, contains; or a form of be after "Among …"): "…,
 * prosecutors said he must forfeit … memorabilia items. The memorabilia includes a football …";
 * "Documents … showed how he used the money to buy items like … Among those items were …". The
 * report's source is its source.
 */
function listsReported(article: AnalysedArticle, si: number, cov: Coverage, uncovered: Uint8Array, roles: Map<number, Set<string>>): boolean {
  if (!afterReport(article, si, cov, uncovered)) return false;
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  let k = s.tokenStart;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.type === 'punctuation')) k++;
  const among = roles.get(k)?.has('listing-opening') === true;
  if (among) k++;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k++;
  let head = -1;
  while (k < s.tokenEnd && tokens[k]!.pos === 'NOUN') head = k++;
  if (head < 0) return false;
  while (k < s.tokenEnd && tokens[k]!.pos === 'ADV') k++;
  const verb = tokens[k];
  if (!verb || !(roles.get(k)?.has('listing-verb') || (among && verb.lemma === 'be'))) return false;
  const prev = sentences[si - 1]!;
  const source = cov.sources.get(si - 1);
  for (let j = prev.tokenStart; j < prev.tokenEnd; j++)
    if (tokens[j]!.pos === 'NOUN' && tokens[j]!.lemma === tokens[head]!.lemma && cov.reported[j] && !source?.has(tokens[j]!.normal)) return true;
  return false;
}

/**
 * True when the sentence lists more of what a named source put forward a few sentences before: its
 * subject opens with a word of category more-of (other, additional, more) before its head noun,
 * its verb lists (category listing-verb, or a form of be), and a sentence of the same or one of the
 * two paragraphs before reports for a named source with a word of the head noun's stem, six letters
 * or more in common ("The task force recommended that … ¶ Other recommendations included …";
 * "… proposed … Other proposals include …"). That source's report is its source.
 */
function listsMoreReported(article: AnalysedArticle, si: number, cov: Coverage, roles: Map<number, Set<string>>): boolean {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  let k = s.tokenStart;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.type === 'punctuation')) k++;
  if (!roles.get(k)?.has('more-of')) return false;
  k++;
  while (k < s.tokenEnd && tokens[k]!.pos === 'ADJ') k++;
  let head = -1;
  while (k < s.tokenEnd && tokens[k]!.pos === 'NOUN') head = k++;
  if (head < 0) return false;
  while (k < s.tokenEnd && tokens[k]!.pos === 'ADV') k++;
  if (!tokens[k] || !(roles.get(k)?.has('listing-verb') || tokens[k]!.lemma === 'be')) return false;
  const stem = tokens[head]!.lemma.slice(0, 6);
  if (stem.length < 6) return false;
  for (let p = si - 1; p >= 0 && sentences[p]!.paragraph >= s.paragraph - 2; p--) {
    if (cov.cue[p] !== 2 && cov.content[p] !== 2) continue;
    const q = sentences[p]!;
    for (let j = q.tokenStart; j < q.tokenEnd; j++) if (tokens[j]!.type === 'word' && tokens[j]!.lemma.startsWith(stem)) return true;
  }
  return false;
}

/**
 * True when the sentences on both sides of this one, in its paragraph, report for the same named
 * source (a word of the source's name in common: "…, the AP reported Friday. She placed a bouquet …
 * Clinton was joined by …, the AP reported."): the sentence between lies in that source's reported
 * stretch, so its claim is most likely that source's.
 */
function withinReport(article: AnalysedArticle, si: number, cov: Coverage, lexicons: Lexicons): boolean {
  const { sentences } = article;
  const stop = stopWordsOf(lexicons);
  const s = sentences[si]!;
  const prev = sentences[si - 1];
  const next = sentences[si + 1];
  if (!prev || !next || prev.paragraph !== s.paragraph || next.paragraph !== s.paragraph) return false;
  const before = cov.sources.get(si - 1);
  const after = cov.sources.get(si + 1);
  if (!before || !after) return false;
  for (const w of before) if (after.has(w) && /\p{L}{2,}/u.test(w) && !stop.has(w)) return true;
  // one side may name the source by its initials ("the Associated Press" … "the AP")
  const initials = (words: ReadonlySet<string>) =>
    [...words]
      .filter((w) => !stop.has(w))
      .map((w) => w[0])
      .join('');
  const a = initials(before);
  const b = initials(after);
  return (a.length >= 2 && after.has(a)) || (b.length >= 2 && before.has(b));
}

/** The words of the category source-stopword (lexicons/unsourced.yml), per lexicon set (made once, not per article). */
const sourceStopwords = new WeakMap<Lexicons, Set<string>>();

/** Words of a source phrase that do not name it (the, of, a pronoun): category source-stopword of lexicons/unsourced.yml. */
function stopWordsOf(lexicons: Lexicons): ReadonlySet<string> {
  let words = sourceStopwords.get(lexicons);
  if (!words) {
    words = new Set<string>();
    for (const e of lexicons.entries('unsourced')) if (e.category === 'source-stopword') for (const p of e.phrases) words.add(p.toLowerCase());
    sourceStopwords.set(lexicons, words);
  }
  return words;
}

/** The roles of a document, a text, a rule or a recording (lexicon categories of kind unsourced). */
const DOCUMENT_ROLES: readonly Role[] = ['document-noun', 'communication-noun', 'provision-noun', 'recording-noun'];
const isDocument = (roles: Map<number, Set<string>>, tokens: Token[], k: number): boolean =>
  tokens[k]?.pos === 'NOUN' && DOCUMENT_ROLES.some((r) => roles.get(k)?.has(r));

/**
 * The subject of a sentence that reports (a named attribution's cue in it, or a report parallax
 * abstains on) when it is a document, a text, a rule or a recording: the head noun of the first
 * noun phrase before any verb ("The rules issued Thursday said …", "The report found that …"),
 * by lemma; else null.
 */
function documentSubject(article: AnalysedArticle, si: number, roles: Map<number, Set<string>>): string | null {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  for (let j = s.tokenStart; j < s.tokenEnd; j++) {
    const t = tokens[j]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      let h = j;
      while (h + 1 < s.tokenEnd && (tokens[h + 1]!.pos === 'NOUN' || tokens[h + 1]!.pos === 'PROPN')) h++;
      return isDocument(roles, tokens, h) ? tokens[h]!.lemma : null;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') return null;
  }
  return null;
}

/**
 * True when the sentence goes on with what a document that is the reporting subject of the sentence
 * before (documentSubject), in the same paragraph, says: it opens with that document ("The report also found …", "The rules,
 * though, would not apply …": a determiner, at most one adjective and a document noun among the
 * words of that source) or with "It" / "They" and an additive adverb ("It also lists …"). The
 * document is its source.
 */
function continuesDocument(article: AnalysedArticle, si: number, cov: Coverage, uncovered: Uint8Array, roles: Map<number, Set<string>>): boolean {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  const prev = sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph || !(cov.cue[si - 1] === 2 || uncovered[si - 1])) return false;
  const doc = documentSubject(article, si - 1, roles);
  if (!doc) return false;
  let k = s.tokenStart;
  while (k < s.tokenEnd && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.type === 'punctuation')) k++;
  if (roles.get(k)?.has('own-comment')) return false;
  if (roles.get(k)?.has('source-pronoun')) return roles.get(k + 1)?.has('continuation') === true || roles.get(k + 2)?.has('continuation') === true;
  if (tokens[k]?.pos !== 'DET') return false;
  // "The report did not provide evidence …": what the document lacks is the outlet's observation
  for (let j = k; j + 1 < s.tokenEnd; j++) if (tokens[j]!.lemma === 'do' && roles.get(j + 1)?.has('verb-negator')) return false;
  for (let j = k + 1; j <= k + 2 && j < s.tokenEnd; j++) {
    if (isDocument(roles, tokens, j)) return tokens[j]!.lemma === doc;
    if (tokens[j]!.pos !== 'ADJ') return false;
  }
  return false;
}

/**
 * The words of a fronted question put to the source ("Asked, for example, if she would back the
 * closures, she called for …"): from a sentence-opening "Asked" to the last comma before the
 * first reported word (source or cue) of the sentence. They are the question, not a claim.
 */
function askedOpening(tokens: Token[], s: Sentence, skip: Uint8Array): void {
  if (tokens[s.tokenStart]?.normal !== 'asked') return;
  let comma = -1;
  for (let k = s.tokenStart + 1; k < s.tokenEnd && !skip[k]; k++) if (tokens[k]!.text === ',') comma = k;
  for (let k = s.tokenStart; k < comma; k++) skip[k] = 1;
}

/**
 * A sentence that only points the reader to something on the page or behind a link ("The full poll can be found
 * here.", "The video can be seen below."): page furniture, no claim (docs/judging.md, unsourced rule 7).
 */
const POINTER = /^[^,;:]{0,80}\b(?:can|may) be (?:found|seen|read|viewed|watched|heard|accessed|downloaded)\s+(?:here|below|above|online)\W*$/i;

/**
 * True when the sentence opens with a verb in its base form before a determiner, an adverb or a
 * pronoun (not a reflexive one: "Lynch herself" is a name the tagger read as a verb) and holds no
 * other verb outside quoted words ("Read the rest of the story here.", "Watch the full interview
 * below."): an instruction to the reader, not a claim. A second verb ("Make no mistake, this is
 * …") may carry a claim, so the sentence keeps its finding.
 */
function imperative(tokens: Token[], s: Sentence, inQuote: Uint8Array): boolean {
  let k = s.tokenStart;
  while (k < s.tokenEnd && tokens[k]!.type === 'punctuation') k++;
  const t = tokens[k];
  const next = tokens[k + 1];
  if (t?.pos !== 'VERB' || t.normal !== t.lemma || !next || k + 1 >= s.tokenEnd) return false;
  // a preposition after the verb ("Listen to …") only in a pointer to something on the page (… embedded below, … here)
  const pointer = /\b(?:below|above|here)\W*$/i.test(s.text);
  // a sentence wholly in brackets ("(See Facebook's own description of this process.)") points the reader elsewhere,
  // whatever follows its verb
  const bracketed = /^[([]/.test(s.text) && /[)\]]\W*$/.test(s.text) && k > s.tokenStart;
  if (!bracketed && !(next.pos === 'DET' || next.pos === 'ADV' || (next.pos === 'ADP' && pointer) || (next.pos === 'PRON' && !/sel(f|ves)$/.test(next.normal))))
    return false;
  for (let j = k + 1; j < s.tokenEnd; j++) {
    const w = tokens[j]!;
    if (inQuote[j] || !(w.pos === 'VERB' || w.pos === 'AUX')) continue;
    // a participle after a noun ("the episode embedded below", "the video posted here") describes that noun
    if (w.pos === 'VERB' && /ed$/.test(w.normal) && tokens[j - 1]?.pos === 'NOUN') continue;
    if (/^\p{Lu}/u.test(w.text)) continue; // a word of a title ("the So, That Happened podcast")
    return false;
  }
  return true;
}

/**
 * True when the sentence has no clause of its own outside quoted words: no verb at all (a credit,
 * a caption, an embedded post's tag, a heading run into the text), or a single verb group (verbs,
 * auxiliaries and the adverbs between them) that lies in a relative clause opened after a comma
 * and a noun ("Pat Caddell, a former aide to Jimmy Carter who is now a commentator.": a name
 * with its description cut from a list). The tagger may read a verb as a noun or an adjective
 * ("the crowd cheers Trump", "people click on stories"): a sentence with a lower-case noun or
 * adjective before a determiner, a pronoun, a name or a preposition other than "of" keeps its
 * finding.
 */
function verbless(tokens: Token[], s: Sentence, inQuote: Uint8Array, relatives: ReadonlySet<string>): boolean {
  let groups = 0;
  let relative = -1;
  let firstVerb = -1;
  let comma = false;
  let hidden = false;
  let prev: Token | undefined;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (inQuote[k]) continue;
    const t = tokens[k]!;
    const verb = t.pos === 'VERB' || t.pos === 'AUX';
    // a group runs on over auxiliaries and adverbs; a verb after a main verb opens a new one ("that followed were")
    const runsOn =
      prev !== undefined && (prev.pos === 'AUX' || ((prev.pos === 'ADV' || prev.pos === 'PART') && groups > 0 && !!tokens[k - 1] && k - 1 >= firstVerb));
    if (verb && !(runsOn && prev!.pos !== 'VERB')) {
      groups++;
      if (firstVerb < 0) firstVerb = k;
    }
    if (t.text === ',') comma = true;
    if (relative < 0 && comma && k > s.tokenStart && relatives.has(t.normal) && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN')) relative = k;
    const next = tokens[k + 1];
    if (
      k > s.tokenStart &&
      (t.pos === 'NOUN' || t.pos === 'ADJ') &&
      /^\p{Ll}/u.test(t.text) &&
      next &&
      k + 1 < s.tokenEnd &&
      (['DET', 'PRON', 'PROPN'].includes(next.pos) || (next.pos === 'ADP' && next.normal !== 'of'))
    )
      hidden = true;
    prev = t;
  }
  return (groups === 0 && !hidden) || (groups === 1 && relative >= 0 && relative < firstVerb);
}

/** A paragraph that is only a social-media handle (`@reader_name.`): it signs the paragraph before it as that account's post. */
export const isLoneHandle = (paragraph: string): boolean => /^@[\p{L}\p{N}_]+\.?$/u.test(paragraph.trim());

/** A paragraph that is a social-media post embedded in markup (`<tweet author=… …>…</tweet>.`, also closed by `<tweet/>`): its author's words. */
export const isEmbeddedPost = (paragraph: string): boolean => /^<tweet\b[^>]*>[\s\S]*<(?:\/tweet|tweet\/)>\.?$/.test(paragraph.trim());

/** A paragraph of an interview transcript opening with its question or answer label ("Q: …", "A. …"). */
const QUESTION = /^Q[:.]\s/;
const ANSWER = /^A[:.]\s/;

/**
 * True when the sentence is a credit line: a capitalised label of category `credit-label`
 * (lexicons/unsourced.yml: Source, Sources, Credit) opening it, an optional colon, then a
 * capitalised word ("Source USA TODAY/Suffolk University.", "Sources: Census Bureau"), at most 12
 * words in all. It names where figures or a picture come from; it is no claim of the article.
 */
function creditLine(tokens: Token[], s: Sentence, roles: Map<number, Set<string>>): boolean {
  const k = s.tokenStart;
  if (!roles.get(k)?.has('credit-label') || !/^\p{Lu}/u.test(tokens[k]!.text)) return false;
  const next = tokens[k + 1]?.text === ':' ? k + 2 : k + 1; // the separator is optional
  if (next >= s.tokenEnd || !/^\p{Lu}/u.test(tokens[next]!.text)) return false;
  return (s.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 12;
}

/**
 * Sentences that are no claim of the body: the title on the first line of a plain-text file (one
 * line of at most 25 words before a blank line, with more text after: news files put their
 * headline and deck there, with or without a full stop), a paragraph signed by a lone @handle on the
 * next line (an embedded social-media post: "Trump spews hate. ¶ @barry_abby."), and a paragraph
 * ending in a bracketed credit ("… takes another look at Iowa. [Bloomberg.]": a roundup's summary of
 * another outlet's story, which is its source), and the answers of an interview set out as questions
 * and answers ("Q: …" ¶ "A: …", at least two of each: the interviewee's words).
 */
function furniture(article: AnalysedArticle, roles: Map<number, Set<string>>): Uint8Array {
  const { sentences, text, tokens } = article;
  const out = new Uint8Array(sentences.length);
  const paragraphs = paragraphsOf(sentences);
  const span = (members: number[]) => text.slice(sentences[members[0]!]!.start, sentences[members[members.length - 1]!]!.end);
  const mark = (members: number[] | undefined) => members?.forEach((i) => (out[i] = 1));
  const order = [...paragraphs.keys()].sort((a, b) => a - b);
  if (article.format === 'txt' && order.length > 1) {
    const first = paragraphs.get(order[0]!)!;
    const last = sentences[first[first.length - 1]!]!;
    const lines = span(first).split(/\r?\n/);
    const wordsOf = (line: string) => line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    // one line of at most 25 words, or a headline (at most 20 words, no full stop) over a deck line opening with a capital
    const title =
      (lines.length === 1 && wordsOf(lines[0]!) <= 25) ||
      (lines.length === 2 && wordsOf(lines[0]!) <= 20 && !/[.!?,]\s*$/.test(lines[0]!) && /^\s*\p{Lu}/u.test(lines[1]!) && wordsOf(lines[1]!) <= 25);
    if (title && /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(last.end, last.end + 40))) mark(first);
  }
  // a credit line ("Source USA TODAY/Suffolk University.", "Sources: Census Bureau"): it names where figures come from
  sentences.forEach((s, i) => {
    if (creditLine(tokens, s, roles)) out[i] = 1;
  });
  // an interview set out as questions and answers ("Q: …" ¶ "A: …", at least two of each): each answer is the interviewee's words
  const texts = order.map((p) => span(paragraphs.get(p)!).trim());
  const answers = texts.filter((t) => ANSWER.test(t)).length;
  const interview = answers >= 2 && texts.filter((t) => QUESTION.test(t)).length >= 2;
  order.forEach((p, i) => {
    const t = texts[i]!;
    if (interview && ANSWER.test(t)) mark(paragraphs.get(p));
    // an embedded post in markup ("<tweet author=… …>…</tweet>."): its author's words
    if (isEmbeddedPost(t)) mark(paragraphs.get(p));
    if (isLoneHandle(t) && i > 0) mark(paragraphs.get(order[i - 1]!));
    if (/\[\p{Lu}[^\]\n]{0,40}\]$/u.test(t)) mark(paragraphs.get(p));
  });
  return out;
}

/** The roles of a source of figures: a document or record, a text that speaks for its author, an average of polls, other words of data. */
const DATA_ROLES: readonly Role[] = ['document-noun', 'communication-noun', 'poll-average', 'data-source'];

/**
 * Per sentence, 1 when an attribution whose cue it holds has a source naming a poll, a study, a
 * survey, a report or data (a word of DATA_ROLES in the source's phrase: "a 2015 Pew
 * Research survey found …", "The poll shows …").
 */
function dataSourced(article: AnalysedArticle, attributions: readonly AttributionDraft[], roles: Map<number, Set<string>>): Uint8Array {
  const { tokens } = article;
  const out = new Uint8Array(article.sentences.length);
  for (const a of attributions) {
    if (!a.source) continue;
    for (let k = tokenIndexAt(tokens, a.source.start); k < tokens.length && tokens[k]!.start < a.source.end; k++)
      if (DATA_ROLES.some((r) => roles.get(k)?.has(r))) {
        out[tokens[tokenIndexAt(tokens, a.cue.start)]!.sentence] = 1;
        break;
      }
  }
  return out;
}

/** A year (1990, 2016) or an ordinal (112th, 2nd): a number that is no figure. */
const YEAR_OR_ORDINAL = /^(?:1[89]\d\d|20\d\d|\d+(?:st|nd|rd|th))$/i;

/** Per token, 1 inside a date or time expression (Oct. 16, last June): its numbers are no figures. */
function datedTokens(article: AnalysedArticle): Uint8Array {
  const dated = new Uint8Array(article.tokens.length);
  for (const e of article.entities) if (e.type === 'DATE' || e.type === 'TIME') for (let k = e.tokenStart; k < e.tokenEnd; k++) dated[k] = 1;
  return dated;
}

/**
 * True when the sentence gives a figure (a number outside a date, not a year nor an ordinal nor the word "one": a
 * token with a digit or tagged NUM, or the word percent) and a sentence before it, in its paragraph or one of the two before, reports for a
 * poll, a study, a survey, a report or data (dataSourced): the figure may be that source's, run on
 * with no cue of its own ("A 2015 Pew Research survey found … ¶ Trump leads Clinton by 46 percent
 * to 35 percent."). Measured on the tuning sheets apart (reason after-data).
 */
function afterData(article: AnalysedArticle, si: number, data: Uint8Array, dated: Uint8Array): boolean {
  const { sentences, tokens } = article;
  const s = sentences[si]!;
  let figure = false;
  for (let k = s.tokenStart; k < s.tokenEnd && !figure; k++) {
    const t = tokens[k]!;
    if (dated[k] || YEAR_OR_ORDINAL.test(t.text)) continue;
    // "one" is mostly a pronoun or an article's stand-in ("one of the most significant warnings", "one question"),
    // no figure a poll or a report gives
    figure = (t.pos === 'NUM' && t.normal !== 'one') || /\d/.test(t.text) || t.normal === 'percent';
  }
  if (!figure) return false;
  for (let j = si - 1; j >= 0 && sentences[j]!.paragraph >= s.paragraph - 2; j--) if (data[j]) return true;
  return false;
}

/**
 * Unsourced assertions of the article, one per sentence at most, in document order.
 * `attributions` are the article's attribution drafts (from `findAttributions`).
 * Linear in the article size: quotations and attributions are looked up per sentence by
 * binary search, never scanned in full.
 */
export function findUnsourced(article: AnalysedArticle, attributions: AttributionDraft[], lexicons: Lexicons): UnsourcedDraft[] {
  const { tokens, sentences } = article;
  const roles = rolesOf(article, lexicons);
  const all = quotationsOf(article);
  const own = ownQuotations(article, all, lexicons);
  const quotes = own.size ? all.filter((q) => !own.has(q)) : all;
  const cov = coverage(article, attributions, lexicons, roles);
  const inQuote = new Uint8Array(tokens.length);
  for (const q of quotes) {
    for (let k = tokenIndexAt(tokens, q.start); k < tokens.length && tokens[k]!.end <= q.end; k++) inQuote[k] = 1;
  }
  const skip = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) skip[k] = inQuote[k]! | cov.reported[k]!;
  const introduced = introducedBlocks(article, cov, inQuote, roles);
  const uncovered = uncoveredReports(article, skip, inQuote, lexicons, roles);
  const relatives = wordClass(lexicons, 'relative-pronoun');
  const aside = furniture(article, roles);
  const data = dataSourced(article, attributions, roles);
  const dated = datedTokens(article);
  const out: UnsourcedDraft[] = [];
  for (let si = 0; si < sentences.length; si++) {
    checkBudget('unsourced');
    const s = sentences[si]!;
    if (s.heading || introduced[si] || aside[si]) continue;
    const last = tokens[s.tokenEnd - 1]!;
    if (last.text === '?' || last.text === ':') continue;
    let words = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (tokens[k]!.type === 'word') words++;
    if (words < 4) continue;
    const len = s.end - s.start;
    // Quotations are sorted and disjoint: only those from the first ending after s.start can overlap.
    let quoted = 0;
    for (let i = firstQuotationEndingAfter(quotes, s.start); i < quotes.length && quotes[i]!.start < s.end; i++) {
      const q = quotes[i]!;
      quoted += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
    }
    if (quoted >= len * 0.5) continue;
    // a refusal to comment ("X did not respond to a request for comment") is the outlet's note on its reporting
    if (cov.refused[si] && !ownClaim(tokens, s, skip, roles)) continue;
    if (cov.cue[si]) askedOpening(tokens, s, skip);
    let reason: UnsourcedReason;
    if (cov.content[si] || (cov.cue[si] && (cov.framed[si] || !ownClaim(tokens, s, skip, roles)))) {
      // what the sentence claims is reported: by a named source (no finding) or a vague one
      if (Math.max(cov.content[si]!, cov.cue[si]!) === 2) continue;
      reason = 'vague-source';
    } else if (continuesStance(article, si, cov, roles)) {
      continue; // the stance of the source named the sentence before ("He is also puzzled as to why …"): that source's
    } else if (cov.cue[si]) {
      // a claim of the article's own beside a reported one, unless that claim only puts out the reported text ("sent a letter … asking …")
      if (uncovered[si]) continue;
      const own = reasonOf(tokens, s, skip, roles);
      reason = own === 'no-attribution' && cov.sure[si] ? 'beside-source' : own;
    } else if (uncovered[si])
      continue; // a report parallax could not parse: whose claim it is stays open
    else if (continuesDocument(article, si, cov, uncovered, roles))
      continue; // what a document named the sentence before says: the document is its source
    else if (listsReported(article, si, cov, uncovered, roles))
      continue; // what a noun of the report before holds ("The memorabilia includes …"): the report's source
    else if (listsMoreReported(article, si, cov, roles))
      continue; // more of what a named source put forward ("Other recommendations included …"): that source's
    else if (withinReport(article, si, cov, lexicons))
      continue; // between two reports of one source: its reported stretch
    else if (continuesSource(article, si, cov, roles)) reason = 'continues-source';
    else reason = reasonOf(tokens, s, skip, roles);
    // an instruction to the reader, a pointer to what the page links, or a fragment without a clause of its own is no claim
    if (imperative(tokens, s, inQuote) || POINTER.test(s.text) || verbless(tokens, s, inQuote, relatives)) continue;
    // a figure after a poll, study or report a paragraph or two before: its own reason, measured apart
    // (a sentence that prescribes, forecasts or gives an agentless view keeps that reason: its own words say what it is)
    if ((reason === 'no-attribution' || reason === 'continues-source') && afterData(article, si, data, dated)) reason = 'after-data';
    out.push({
      kind: 'unsourced',
      start: s.start,
      end: s.end,
      text: s.text,
      reason,
      rule: `rule:unsourced-${reason}`,
      explanation: EXPLANATIONS[reason],
    });
  }
  return out;
}
