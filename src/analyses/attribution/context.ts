/**
 * Shared parts of attribution extraction: the types every module of this folder works on
 * (`AttributionDraft`, the per-article context `Ctx`, token `Range`s, the article's full names,
 * `CueSite`), the word classes that several modules consult, and tiny token helpers (spans,
 * punctuation and quote-mark tests, binary search).
 */
import { firstStartingAt } from '../../core/spans.js';
import type { AnalysedArticle, Assigned, AttributionFinding, Sentence, SourceType, TextSpan, Token } from '../../core/types.js';
import { type LexiconMatch, type Lexicons, wordClass } from '../../lexicons/index.js';
import type { Quotation } from '../quotes.js';

export type AttributionDraft = Omit<AttributionFinding, Assigned>;

export const SKIP_BEFORE_CUE_POS = new Set(['ADV', 'AUX', 'PART']);

/**
 * The word classes of lexicons/attribution-words.yml (kind `word-classes`; see each entry's note
 * there), by the names the code uses. Compared with a token's normal form unless marked "lemma".
 */
export interface Words {
  honorifics: ReadonlySet<string>;
  maleHonorifics: ReadonlySet<string>;
  femaleHonorifics: ReadonlySet<string>;
  /** Words that may join the parts of a noun phrase (`head of the mission`, `Location & Event`). */
  npJoiners: ReadonlySet<string>;
  timeWords: ReadonlySet<string>;
  /** Prepositions of a time phrase between a subject and its cue ("Trump over the weekend denied"). */
  timePrepositions: ReadonlySet<string>;
  /** Lemma. */
  timeNouns: ReadonlySet<string>;
  months: ReadonlySet<string>;
  /** Demonstratives and wh-words that are never sources ("This underscores …"). */
  notSources: ReadonlySet<string>;
  /** Adverbial-clause openers (`when`, `after`, `by` …). */
  subordinators: ReadonlySet<string>;
  /** Sentence-opening adverbs that are not names even when capitalised. */
  openingAdverbs: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  /** Determiners and quantifiers before which a base-form verb cue is a noun ("one question", "little say"). */
  nounDeterminers: ReadonlySet<string>;
  /** Relative and interrogative words that open a subject phrase ("what Hutchinson said", "which state media claimed"). */
  whSubjects: ReadonlySet<string>;
  /** Negative subjects: "no group claimed", "nobody said" (nobody is reported). */
  negativeSubjects: ReadonlySet<string>;
  /** Adverbs set off by commas after a subject ("Hutchinson, though, did call"). */
  asideAdverbs: ReadonlySet<string>;
  /** Lemma. Verbs of seeming and perceiving: negated, they report no stance. */
  perceptionVerbs: ReadonlySet<string>;
  /** Words that open a subordinate clause as a verb's complement (`whether`, `how` …). */
  clauseOpeners: ReadonlySet<string>;
  raisingAdjectives: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  /** Lemma. */
  namingVerbs: ReadonlySet<string>;
  questionAuxiliaries: ReadonlySet<string>;
  /** The writer: "I", "we" (a cue after one reports nobody else). */
  authorPronouns: ReadonlySet<string>;
  /** The reader: "you". */
  readerPronouns: ReadonlySet<string>;
  /** The writer's possessives: "my", "our" (the holder is the writer). */
  authorPossessives: ReadonlySet<string>;
  /** Possessive determiners that name a reporting noun's holder ("his statement"). */
  possessiveDeterminers: ReadonlySet<string>;
  /** Third-person pronouns and possessives: a source that is only one of them stands for someone named before. */
  thirdPersonPronouns: ReadonlySet<string>;
  /** Pronouns of a man ("he", "him", "his") and of a woman ("she", "her"), resolved by gender. */
  malePronouns: ReadonlySet<string>;
  femalePronouns: ReadonlySet<string>;
  /** Lemma. */
  refusalVerbs: ReadonlySet<string>;
  /** Lemma. Verbs that make a refusal one of speech ("declined to comment", "refused to say"); a refusal of anything else is an act. */
  refusedSpeechVerbs: ReadonlySet<string>;
  /** Lemma. Verbs of evidence ("suggest", "show"): with an event, act or trait as subject, the writer's inference. */
  evidentialVerbs: ReadonlySet<string>;
  /** Lemma. Nouns of events, acts and traits ("trip", "impact", "look"): as an evidential verb's subject, nobody spoke. */
  inferenceSubjects: ReadonlySet<string>;
  /** Amount words between a speech verb and "about" ("says something about", "said little about"). */
  amountWords: ReadonlySet<string>;
  /** Lemma: speech verbs that reveal rather than report before an amount and "about". */
  amountVerbs: ReadonlySet<string>;
  headingLabels: ReadonlySet<string>;
  invertedSourceFollowers: ReadonlySet<string>;
  agentlessOpeners: ReadonlySet<string>;
  documentPrepositions: ReadonlySet<string>;
  /** Lemma. */
  documentNouns: ReadonlySet<string>;
  holderPrepositions: ReadonlySet<string>;
  /** Lemma. */
  lightVerbs: ReadonlySet<string>;
  /** Lemma. */
  statementObjectVerbs: ReadonlySet<string>;
  /** Relative pronouns: a verb after one is the relative clause's, not the clause's own ("the voters who want …"). */
  relativePronouns: ReadonlySet<string>;
  /** Relative pronouns that can be a relative clause's subject ("officials who spoke with the paper"). */
  relativeSubjects: ReadonlySet<string>;
  /** Relative words that open an aside after a comma (", which chanted his name,"). */
  asideRelatives: ReadonlySet<string>;
  /** Articles that open the writer's appositive on a report after a comma or dash (", a claim not recognized …"). */
  asideArticles: ReadonlySet<string>;
  /** Words after a time noun that close a time phrase ("a few minutes later", "two days ago"). */
  timeAfterNouns: ReadonlySet<string>;
  /** Prepositions opening a phrase of the medium or occasion of speech ("in a tweet", "at a rally"). */
  mediumPrepositions: ReadonlySet<string>;
  /** Lemma. Nouns of the medium or occasion of speech (interview, tweet, statement): such a phrase is not the source. */
  mediumNouns: ReadonlySet<string>;
  /** Lemma. Nouns naming only a medium of speech (interview, tweet), not an event: a closing phrase with one ends an indirect report. */
  speechMediumNouns: ReadonlySet<string>;
  /** Lemma. Verbs whose object comes before "of" (accuse X of): right before "of" they are passive participles. */
  objectOfVerbs: ReadonlySet<string>;
  /** Lemma. Nouns naming what a report was, in the writer's aside after it (a swipe at, remarks that). */
  reportNouns: ReadonlySet<string>;
  /** Prepositions of place: a name after one is a place, not a person, though it starts with a given name ("in Washington D.C."). */
  placePrepositions: ReadonlySet<string>;
  /** Words of a company's or body's name (`Co.`, `Inc.`, `University`): a name with one is not a person. */
  organisationWords: ReadonlySet<string>;
  /** Prepositions and articles inside a time phrase after a cue ("said in November that", "said during the night that"). */
  timePhraseLinks: ReadonlySet<string>;
  /** Prepositions that join a determiner phrase to the head noun before it ("speakers at the service"). */
  headPrepositions: ReadonlySet<string>;
  /** Prepositions whose object, right before a cue, is not the subject: the head before them is ("Her submission to the court noted"). */
  objectPrepositions: ReadonlySet<string>;
  /** Nouns naming people by their tie to someone, joined by "to" ("advisers to the president", "people close to the talks"). */
  relationNouns: ReadonlySet<string>;
  /** A sentence opening "Not that …" is the writer's aside denying a case: no report in it. */
  denialOpeners: ReadonlySet<string>;
  /** Words joining two reports of one sentence ("One in three said A and one in four said B"): the first report's content ends before them. */
  reportJoiners: ReadonlySet<string>;
  /** Complements after a passive cue that make it an agentless report ("it was announced that", "is believed to"). */
  passiveComplements: ReadonlySet<string>;
  /** Content of one such word reports nothing ("said this", "denied it"). */
  emptyContents: ReadonlySet<string>;
  /** Words after a comma (outside a quotation) that end an indirect report: the writer's sentence resumes (", which …", ", while …"). */
  reportClosers: ReadonlySet<string>;
  /** A cue's lemma and the particle after it that make another verb ("add up", "show up"), written "lemma:particle". */
  phrasalNonCues: ReadonlySet<string>;
  /** Words that count a share of a group before "of" ("percent", "several", "most"): the source keeps them (quantityOf). */
  quantityWords: ReadonlySet<string>;
  /** Words of a quantity that stand alone as a subject ("most said", "42% say"): the source is the quantity phrase (bareQuantity). */
  bareQuantities: ReadonlySet<string>;
  /** Participles that make "those" a group of people asked ("those surveyed said"). */
  respondentParticiples: ReadonlySet<string>;
  /** Words opening a fronted adverbial clause ("While he said …, his aides …"): a report inside one ends where the main clause begins. */
  frontedSubordinators: ReadonlySet<string>;
}

const wordsMemo = new WeakMap<Lexicons, Words>();

/** The attribution word classes of a loaded lexicon set (memoised). */
export function wordsOf(lexicons: Lexicons): Words {
  let w = wordsMemo.get(lexicons);
  if (w) return w;
  const c = (id: string) => wordClass(lexicons, id);
  w = {
    honorifics: c('honorific'),
    maleHonorifics: c('male-honorific'),
    femaleHonorifics: c('female-honorific'),
    npJoiners: c('noun-phrase-joiner'),
    timeWords: c('time-word'),
    timePrepositions: c('time-preposition'),
    timeNouns: c('time-noun'),
    months: c('month'),
    notSources: c('not-a-source'),
    subordinators: c('subordinator'),
    openingAdverbs: c('opening-adverb'),
    articles: c('article'),
    nounDeterminers: c('noun-determiner'),
    whSubjects: c('wh-subject'),
    negativeSubjects: c('negative-subject'),
    asideAdverbs: c('aside-adverb'),
    perceptionVerbs: c('perception-verb'),
    clauseOpeners: c('clause-opener'),
    raisingAdjectives: c('raising-adjective'),
    negators: c('negator'),
    namingVerbs: c('naming-verb'),
    questionAuxiliaries: c('question-auxiliary'),
    authorPronouns: c('author-pronoun'),
    readerPronouns: c('reader-pronoun'),
    authorPossessives: c('author-possessive'),
    possessiveDeterminers: c('possessive-determiner'),
    thirdPersonPronouns: c('third-person-pronoun'),
    malePronouns: c('male-pronoun'),
    femalePronouns: c('female-pronoun'),
    refusalVerbs: c('refusal-verb'),
    refusedSpeechVerbs: c('refused-speech-verb'),
    evidentialVerbs: c('evidential-verb'),
    inferenceSubjects: c('inference-subject'),
    amountWords: c('amount-word'),
    amountVerbs: c('amount-verb'),
    headingLabels: c('heading-label'),
    invertedSourceFollowers: c('inverted-source-follower'),
    agentlessOpeners: c('agentless-opener'),
    documentPrepositions: c('document-preposition'),
    documentNouns: c('document-noun'),
    holderPrepositions: c('holder-preposition'),
    lightVerbs: c('light-verb'),
    statementObjectVerbs: c('statement-object-verb'),
    relativePronouns: c('relative-pronoun'),
    relativeSubjects: c('relative-subject'),
    asideRelatives: c('aside-relative'),
    asideArticles: c('aside-article'),
    timeAfterNouns: c('time-after-noun'),
    timePhraseLinks: c('time-phrase-link'),
    placePrepositions: c('place-preposition'),
    mediumPrepositions: c('medium-preposition'),
    mediumNouns: c('medium-noun'),
    speechMediumNouns: c('speech-medium-noun'),
    objectOfVerbs: c('object-of-verb'),
    reportNouns: c('report-noun'),
    organisationWords: c('organisation-word'),
    headPrepositions: c('head-preposition'),
    objectPrepositions: c('object-preposition'),
    relationNouns: c('relation-noun'),
    denialOpeners: c('denial-opener'),
    reportJoiners: c('report-joiner'),
    passiveComplements: c('passive-complement'),
    emptyContents: c('empty-content'),
    reportClosers: c('report-closer'),
    frontedSubordinators: c('fronted-subordinator'),
    phrasalNonCues: c('phrasal-non-cue'),
    quantityWords: c('quantity-word'),
    bareQuantities: c('bare-quantity'),
    respondentParticiples: c('respondent-participle'),
  };
  wordsMemo.set(lexicons, w);
  return w;
}

export interface Ctx {
  article: AnalysedArticle;
  tokens: Token[];
  text: string;
  /** Sorted by start, disjoint. */
  quotes: readonly Quotation[];
  sources: readonly LexiconMatch[];
  /** Canonical person name → source type learned from title + name mentions. */
  nameTypes: Map<string, SourceType>;
  /** Full names and surnames known to be people, with their gender when the text or a given name tells it. */
  people: Map<string, 'm' | 'f' | null>;
  /** Per token: 1 when a sources-lexicon match covers it. */
  covered: Uint8Array;
  /** Per token: the longest sources-lexicon match covering it. */
  coveredBy: (LexiconMatch | undefined)[];
  /** Reporting cues outside quotations, in text order. */
  cues: LexiconMatch[];
  /** The word classes the patterns consult. */
  w: Words;
}

export interface Range {
  /** Token range `[a, b)`. */
  a: number;
  b: number;
}

export interface FullName {
  name: string;
  last: string;
  start: number;
}

/** The article's full names in text order, and for each last word the positions (into `list`) of the names ending with it. */
export interface Names {
  list: FullName[];
  byLast: Map<string, number[]>;
}

/** A reporting cue in its sentence: what the pattern functions of one cue share. Token indices `[sStart, sEnd)`. */
export interface CueSite {
  m: LexiconMatch;
  cue: TextSpan & { neutral: boolean; lemma: string; speech?: false };
  /** The cue's first token and its sentence. */
  first: Token;
  sentence: Sentence;
  sStart: number;
  sEnd: number;
  /** Where the reported content ends (before the sentence's closing punctuation). */
  sentenceEnd: number;
  names: Names;
  previous: AttributionDraft[];
  /** What the patterns tried so far worked out about the cue's left side and subject (computed once, on first use). */
  memo: Record<string, unknown>;
}

export const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

export function tokSpan(ctx: Ctx, r: Range): TextSpan {
  return span(ctx.text, ctx.tokens[r.a]!.start, ctx.tokens[r.b - 1]!.end);
}

export function isPunct(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'punctuation';
}

export function isQuoteMark(t: Token | undefined): boolean {
  return t !== undefined && /^["“”‘’«»„‹›']$/.test(t.text);
}

/** First index in `[0, n)` where `after(i)` holds (`after` is false then true along the index), by binary search. */
export function lowerBound(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Token index of the first token starting at or after `offset`. */
export const tokenAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset);
