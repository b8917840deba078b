/**
 * Loaded-language markers: lexicon matches (kind `markers`), non-neutral reporting verbs from
 * the attribution lexicon, and three rules — scare quotes, agentless evaluations, and the
 * name/title context that keeps loaded words inside proper names from firing.
 *
 * All offsets are 0-based UTF-16 indices into the article text, end exclusive; token indices
 * are 0-based.
 */
import { contains, firstEndingAfter, firstStartingAt, overlapping, sortSpans } from '../core/spans.js';
import { checkBudget } from '../core/limits.js';
import type { AnalysedArticle, Assigned, Finding, LoadedFinding, MarkerScores, Sentence, Span, Token } from '../core/types.js';
import { type LexiconMatch, type Lexicons, wordClass } from '../lexicons/index.js';
import { LITERAL_WINDOW } from '../lexicons/matcher.js';
import { findingsOf } from './by-article.js';
import { isQuotedPassage, quotationsOf, type Quotation } from './quotes.js';
import { isEmbeddedPost, isLoneHandle, ownQuotations } from './unsourced.js';

export type LoadedDraft = Omit<LoadedFinding, Assigned>;

/**
 * The word classes of lexicons/marker-words.yml (kind `word-classes`; see each entry's note there),
 * by the names the code uses. Compared with a token's normal form unless marked "lemma".
 */
export interface MarkerWords {
  /** Words that may join the capitalised words of a name ("Defence of the Fatherland"). */
  nameConnectors: ReadonlySet<string>;
  /** Loaded words that, before a capitalised or quoted name, introduce the name people use (*the so-called Cadillac tax*). */
  nameIntroducers: ReadonlySet<string>;
  /** Nouns that after *the* and a capitalised word name an event (*the Orlando massacre*). */
  eventNouns: ReadonlySet<string>;
  /** Words telling of a violent event; after one, *the massacre* in a later sentence refers back to it. */
  eventAntecedents: ReadonlySet<string>;
  /** Words naming a feeling; as the predicate of a linking verb they report a reaction (*were incensed*). Normal form or lemma. */
  reportedFeelings: ReadonlySet<string>;
  /** Nouns for people whose state a feeling adjective right before them describes (*an anguished wife*). */
  feelingPersons: ReadonlySet<string>;
  /** Lemma. Linking verbs before such a feeling (*be*, *grow*, *seem*). */
  linkingVerbs: ReadonlySet<string>;
  /** Feeling nouns that after a group word report the group's reaction (*populist rage*). */
  groupFeelingNouns: ReadonlySet<string>;
  /** Group words before such a noun (*public*, *populist*, *conservative*). */
  feelingGroups: ReadonlySet<string>;
  /** Lemma. Verbs that introduce a term as someone's name for a thing (`what he called "X"`). */
  namingVerbs: ReadonlySet<string>;
  /**
   * Lemma. Verbs of saying or of naming a view: a short quotation in a sentence that reports
   * speech with one is a partial quotation of that speech (`he said the plan was "not enough."`;
   * `she denounced the "witch hunt"`), not the outlet's scare quote.
   */
  speechVerbs: ReadonlySet<string>;
  /** Words right before a quotation that mention a term rather than use it (`the word "X"`, `known as "X"`). */
  termIntroducers: ReadonlySet<string>;
  /** Lemma. Participles of evaluation verbs in agentless passives (`is seen as`, `is considered`). */
  evaluationParticiples: ReadonlySet<string>;
  /** Objects that make *claim* literal (*claimed 24 lives*, *claimed responsibility*); normal form or lemma. */
  claimLiteral: ReadonlySet<string>;
  /** Words near *claim* that make it the legal verb of a filing (*sued, claiming …*, *the suit claims*); normal form or lemma. */
  claimLegal: ReadonlySet<string>;
  /** Objects that make *concede* literal (*refused to concede the race*: giving up, not admitting). */
  concedeLiteral: ReadonlySet<string>;
  /** Lemma. Reporting verbs that are literal as a passive with *by* (*an area threatened by raids*). */
  passiveLiteral: ReadonlySet<string>;
  /** Lemma. Reporting verbs that mean *have* before a direct object (*the city boasts a museum*). */
  possessLiteral: ReadonlySet<string>;
  /** Words that make a title with office words after them (`interim prime minister`). */
  titleModifiers: ReadonlySet<string>;
  /** Office and body words that end such a title. */
  officeWords: ReadonlySet<string>;
  /** Second parts of a hyphenated association label (`Kremlin-linked`). */
  associationSuffixes: ReadonlySet<string>;
  /** Lemma. Verbs of judging that frame their object *as* something (*welcomed the decision as a watershed*). */
  asJudgingVerbs: ReadonlySet<string>;
}

const wordsMemo = new WeakMap<Lexicons, MarkerWords>();

/** The marker word classes of a loaded lexicon set (memoised). */
export function markerWords(lexicons: Lexicons): MarkerWords {
  let w = wordsMemo.get(lexicons);
  if (!w) {
    w = {
      nameConnectors: wordClass(lexicons, 'name-connector'),
      nameIntroducers: wordClass(lexicons, 'name-introducer'),
      eventNouns: wordClass(lexicons, 'event-name-noun'),
      eventAntecedents: wordClass(lexicons, 'event-antecedent'),
      reportedFeelings: wordClass(lexicons, 'reported-feeling'),
      feelingPersons: wordClass(lexicons, 'feeling-person-noun'),
      linkingVerbs: wordClass(lexicons, 'linking-verb'),
      groupFeelingNouns: wordClass(lexicons, 'group-feeling-noun'),
      feelingGroups: wordClass(lexicons, 'feeling-group'),
      namingVerbs: wordClass(lexicons, 'naming-verb'),
      speechVerbs: wordClass(lexicons, 'speech-verb'),
      termIntroducers: wordClass(lexicons, 'term-introducer'),
      evaluationParticiples: wordClass(lexicons, 'evaluation-participle'),
      claimLiteral: wordClass(lexicons, 'claim-literal-object'),
      claimLegal: wordClass(lexicons, 'claim-legal-word'),
      concedeLiteral: wordClass(lexicons, 'concede-literal-object'),
      passiveLiteral: wordClass(lexicons, 'passive-literal-verb'),
      possessLiteral: wordClass(lexicons, 'possess-literal-verb'),
      titleModifiers: wordClass(lexicons, 'title-modifier'),
      officeWords: wordClass(lexicons, 'office-word'),
      associationSuffixes: wordClass(lexicons, 'association-suffix'),
      asJudgingVerbs: wordClass(lexicons, 'as-judging-verb'),
    };
    wordsMemo.set(lexicons, w);
  }
  return w;
}
const isCap = (t: Token, s: Sentence) => t.type === 'word' && /^\p{Lu}/u.test(t.text) && (t.index !== s.tokenStart || t.pos === 'PROPN');

/** True for a headline in title case, where names cannot be told from other words. */
function titleCaseHeading(s: Sentence, tokens: readonly Token[]): boolean {
  if (!s.heading) return false;
  const words = tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.type === 'word' && t.text.length > 3);
  return words.length > 0 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= words.length * 0.6;
}

/** True when token `i` opens a quotation or a clause: after a colon, dash or bracket, or an opening quotation mark. */
function opensClause(tokens: readonly Token[], i: number, s: Sentence): boolean {
  const prev = tokens[i - 1]!;
  if (prev.type === 'word' || prev.type === 'number') return false;
  if (/^[:;([—–-]$/.test(prev.text)) return true;
  if (!/^["“”‘’'«»„]$/.test(prev.text)) return false;
  // A quotation mark right after a word or comma closes a quotation (*…," Slaughter wrote*); after a space it opens one.
  return i - 1 === s.tokenStart || tokens[i - 2]!.end < prev.start;
}

/**
 * Token indices that belong to a proper name or official title: runs of two or more capitalised
 * words, a lone capitalised word inside a sentence of prose (with connectors such as "of the" between them), and the words before a parenthesised
 * acronym back to the nearest capitalised word ("National council for the protection of the
 * homeland (CNSP)").
 */
export function nameTokens(
  article: Pick<AnalysedArticle, 'tokens' | 'sentences'>,
  words: Pick<MarkerWords, 'nameConnectors' | 'titleModifiers' | 'officeWords'>,
): Set<number> {
  const { tokens, sentences } = article;
  const names = new Set<number>();
  for (const s of sentences) {
    if (titleCaseHeading(s, tokens)) continue;
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!isCap(tokens[i]!, s)) {
        i++;
        continue;
      }
      let j = i + 1;
      let last = i;
      let caps = 1;
      while (j < s.tokenEnd) {
        const t = tokens[j]!;
        if (isCap(t, s)) {
          caps++;
          last = j;
        } else if (!words.nameConnectors.has(t.normal)) break;
        j++;
      }
      if (caps >= 2) for (let k = i; k <= last; k++) names.add(k);
      // A lone capitalised word inside a sentence of prose is a name too (*…," Slaughter wrote*),
      // unless it opens a quotation or a clause after a colon, dash or bracket.
      else if (i > s.tokenStart && !s.heading && !opensClause(tokens, i, s)) names.add(i);
      i = last + 1;
    }
    // Official titles in lower case: a title word (interim, transitional, acting) and the office
    // words after it ("interim prime minister", "the transitional council").
    for (let k = s.tokenStart; k + 1 < s.tokenEnd; k++) {
      if (!words.titleModifiers.has(tokens[k]!.normal)) continue;
      let e = k + 1;
      while (e < s.tokenEnd && words.officeWords.has(tokens[e]!.normal)) e++;
      if (e > k + 1) for (let m = k; m < e; m++) names.add(m);
    }
    // An office word with "of the" and a title word ("President of the transition").
    for (let k = s.tokenStart; k + 3 < s.tokenEnd; k++) {
      if (
        !words.officeWords.has(tokens[k]!.normal) ||
        tokens[k + 1]!.normal !== 'of' ||
        tokens[k + 2]!.normal !== 'the' ||
        !words.titleModifiers.has(tokens[k + 3]!.normal)
      )
        continue;
      for (let m = k; m <= k + 3; m++) names.add(m);
    }
    // Official names followed by their acronym in brackets.
    for (let k = s.tokenStart + 1; k + 2 < s.tokenEnd; k++) {
      if (tokens[k]!.text !== '(' || !/^\p{Lu}{2,}$/u.test(tokens[k + 1]!.text) || tokens[k + 2]!.text !== ')') continue;
      for (let b = k - 1; b >= Math.max(s.tokenStart, k - 10); b--) {
        const t = tokens[b]!;
        if (t.type !== 'word') break;
        if (isCap(t, s)) {
          for (let m = b; m < k; m++) names.add(m);
          break;
        }
      }
    }
  }
  return names;
}

/**
 * True when `m` is a name introducer (*so-called*) right before a capitalised or quoted name in its
 * sentence: the outlet gives the name a measure or group goes by (*the so-called Cadillac tax*), not its doubt.
 */
function introducesName(article: AnalysedArticle, m: LexiconMatch, words: Pick<MarkerWords, 'nameIntroducers'>): boolean {
  if (!words.nameIntroducers.has(article.text.slice(m.start, m.end).toLowerCase())) return false;
  const next = article.tokens[m.tokenEnd];
  if (!next || next.sentence !== article.tokens[m.tokenStart]!.sentence) return false;
  if (/^["“‘']$/.test(next.text)) return true;
  // A capitalised word before a quotation is an adjective of the quoted term (*so-called Mexican “rapists”*): the doubt stays.
  const after = article.tokens[m.tokenEnd + 1];
  return next.type === 'word' && /^\p{Lu}/u.test(next.text) && !(after && /^["“‘']$/.test(after.text));
}

/**
 * True when `m` is one event noun after *the* and capitalised words (*the Orlando massacre*, *the
 * Chernobyl disaster*): the accepted name of the event, not the outlet's choice of word.
 */
/** True when a sentence before `sentence` holds a word telling of an event (*shooting*, *attack*, *killings*: class `event-antecedent`). */
function toldBefore(tokens: readonly Token[], sentence: number, words: Pick<MarkerWords, 'eventAntecedents'>): boolean {
  for (const t of tokens) {
    if (t.sentence >= sentence) return false;
    if (words.eventAntecedents.has(t.normal)) return true;
  }
  return false;
}

function namesEvent(article: AnalysedArticle, m: LexiconMatch, words: Pick<MarkerWords, 'eventNouns' | 'eventAntecedents'>): boolean {
  const { tokens } = article;
  if (m.tokenEnd - m.tokenStart !== 1 || !words.eventNouns.has(tokens[m.tokenStart]!.normal)) return false;
  const sentence = tokens[m.tokenStart]!.sentence;
  const at = (k: number) => (k >= 0 && k < tokens.length && tokens[k]!.sentence === sentence ? tokens[k] : undefined);
  const capital = (k: number) => at(k)?.type === 'word' && /^\p{Lu}/u.test(at(k)!.text);
  // *the* may itself be capitalised at the start of a sentence (*The Orlando massacre resonated …*).
  let k = m.tokenStart - 1;
  while (capital(k) && at(k)!.normal !== 'the') k--;
  if (k < m.tokenStart - 1 && at(k)?.normal === 'the') return true;
  // *the massacre* alone, once the article has told of the event in an earlier sentence (*the
  // shooting in Newtown* … *responses to the massacre*): the anaphoric noun refers back to a
  // named event, as the name did; not before *of* (*the massacre of villagers* describes anew). Only
  // nouns that are themselves words of such events (*massacre*): *the disaster* or *the tragedy* may judge.
  const noun = tokens[m.tokenStart]!.normal;
  if (words.eventAntecedents.has(noun) && at(m.tokenStart - 1)?.normal === 'the' && at(m.tokenEnd)?.normal !== 'of' && toldBefore(tokens, sentence, words))
    return true;
  // *the Charleston church massacre*: *the*, capitalised words, one lower-case word, the noun.
  const lower = (x: number) => at(x)?.type === 'word' && /^\p{Ll}/u.test(at(x)!.text);
  if (lower(m.tokenStart - 1) && capital(m.tokenStart - 2)) {
    let c = m.tokenStart - 2;
    while (capital(c)) c--;
    if (at(c)?.normal === 'the') return true;
  }
  // *the massacre at Sandy Hook*, *the school shooting in Parkland*, *Sunday's massacre at a
  // nightclub in Orlando*: at most one lower-case word between *the* (or a possessive) and the
  // noun, then *in* or *at* and a capitalised place, perhaps after a short description of the
  // site (*at a gay nightclub in Orlando*: up to four lower-case words and *in* or *at*).
  const prep = at(m.tokenEnd)?.normal;
  if (prep !== 'in' && prep !== 'at') return false;
  let place = m.tokenEnd + 1;
  if (!capital(place)) {
    let k2 = place;
    while (k2 < place + 4 && lower(k2) && at(k2)!.normal !== 'in' && at(k2)!.normal !== 'at') k2++;
    if (k2 === place || (at(k2)?.normal !== 'in' && at(k2)?.normal !== 'at')) return false;
    place = k2 + 1;
    if (!capital(place)) return false;
  }
  const opener = (x: number) => at(x)?.normal === 'the' || /^['’]s$/.test(at(x)?.text ?? '');
  if (opener(m.tokenStart - 1)) return true;
  return lower(m.tokenStart - 1) && opener(m.tokenStart - 2);
}

/**
 * True when `m` is a word naming a feeling as the predicate of a linking verb, perhaps with adverbs
 * between (*Republicans were also incensed*, *parents are panicking*, *his tone was less anguished*):
 * the outlet reports how people feel, a reaction, not its own verdict on the news. So does a
 * feeling noun right after a word for the group that feels it (*populist rage*, *public outrage*),
 * and a feeling adjective right before a word for a person (*an anguished wife*).
 */
function reportsFeeling(
  tokens: readonly Token[],
  m: LexiconMatch,
  words: Pick<MarkerWords, 'reportedFeelings' | 'feelingPersons' | 'linkingVerbs' | 'groupFeelingNouns' | 'feelingGroups'>,
): boolean {
  const t = tokens[m.tokenStart]!;
  const before = tokens[m.tokenStart - 1];
  if (m.tokenEnd - m.tokenStart === 1 && words.groupFeelingNouns.has(t.normal) && before?.sentence === t.sentence && words.feelingGroups.has(before.normal))
    return true;
  if (m.tokenEnd - m.tokenStart !== 1 || !(words.reportedFeelings.has(t.normal) || words.reportedFeelings.has(t.lemma))) return false;
  // Right before a word for a person (*an anguished wife*, *a visibly anguished man*): it describes
  // the person's state, as the predicate does.
  const next = tokens[m.tokenEnd];
  if (next?.sentence === t.sentence && words.feelingPersons.has(next.normal)) return true;
  for (let k = m.tokenStart - 1, between = 0; k >= 0 && tokens[k]!.sentence === t.sentence; k--) {
    const x = tokens[k]!;
    if (words.linkingVerbs.has(x.lemma)) return true;
    if (x.type !== 'word' || (x.pos !== 'ADV' && x.pos !== 'PART') || ++between > 2) return false;
  }
  return false;
}

/**
 * The paragraph a colon introduction with a reporting verb gives to its speaker (*Limbaugh
 * added:* ¶ a transcript or post set out without quotation marks): loaded words there are the
 * speaker's. Only the one paragraph right after the introduction, when it opens without a
 * quotation mark (quotations are handled as such) and has no reporting verb of its own; an
 * introduction with I or we (*as I wrote:*) is the writer's own voice and gives nothing away.
 */
function introducedParagraphs(article: AnalysedArticle, reportingAt: ReadonlySet<number>, authorPronouns: ReadonlySet<string>): Span[] {
  const { sentences, tokens } = article;
  const spans: Span[] = [];
  for (let i = 0; i + 1 < sentences.length; i++) {
    const s = sentences[i]!;
    const next = sentences[i + 1]!;
    if (s.heading || tokens[s.tokenEnd - 1]?.text !== ':' || next.paragraph !== s.paragraph + 1 || next.heading) continue;
    let cue = false;
    let own = false;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (reportingAt.has(k)) cue = true;
      if (authorPronouns.has(tokens[k]!.normal)) own = true;
    }
    if (!cue || own || /^["“‘'«„]$/.test(tokens[next.tokenStart]!.text)) continue;
    let j = i + 1;
    let cued = false;
    for (; j < sentences.length && sentences[j]!.paragraph === next.paragraph; j++)
      for (let k = sentences[j]!.tokenStart; k < sentences[j]!.tokenEnd; k++) if (reportingAt.has(k)) cued = true;
    if (!cued) spans.push({ start: next.start, end: sentences[j - 1]!.end });
  }
  return spans;
}

/**
 * Posts signed by a handle: a paragraph followed by a paragraph that is only an @handle (*Trump is
 * divisive and Clinton is inclusive.* ¶ *@reader_name.*), as a roundup of readers' posts sets them
 * out, and a post embedded in markup (`<tweet author="@…">…</tweet>`). Loaded words there are the
 * poster's, not the outlet's. (The unsourced analysis reads such paragraphs as no claim of the body
 * by the same tests, `isLoneHandle` and `isEmbeddedPost`.)
 */
function signedPosts(article: AnalysedArticle): Span[] {
  const { sentences, text } = article;
  const spans: Span[] = [];
  let i = 0;
  let previous: Span | null = null;
  while (i < sentences.length) {
    const p = sentences[i]!.paragraph;
    let j = i;
    while (j + 1 < sentences.length && sentences[j + 1]!.paragraph === p) j++;
    const para = { start: sentences[i]!.start, end: sentences[j]!.end };
    if (previous && isLoneHandle(text.slice(para.start, para.end))) spans.push(previous);
    if (isEmbeddedPost(text.slice(para.start, para.end))) spans.push(para);
    previous = para;
    i = j + 1;
  }
  return spans;
}

/**
 * A report split by its cue (*The plan is a giveaway, he said, and voters know it*): when source and
 * cue stand between commas inside a sentence and words follow, the words before them are the
 * speaker's too, from the sentence's start, and so are the words after a verb cue, to the sentence's end. A report named at the end of its
 * sentence (*…, sources told POLITICO.*) is not split and leaves the wording to the outlet.
 */
function splitReports(article: AnalysedArticle, reported: readonly { cue: Span; source?: Span | null }[]): Span[] {
  const { text, sentences } = article;
  const spans: Span[] = [];
  for (const a of reported) {
    if (!a.source) continue;
    const [first, second] = a.source.start < a.cue.start ? [a.source, a.cue] : [a.cue, a.source];
    if (text.slice(first.end, second.start).trim() !== '') continue; // source and cue side by side (he said, said Smith)
    // sentences are sorted: the last one starting at or before the report holds it, if any does
    const s = sentences[firstStartingAt(sentences, first.start + 1) - 1];
    if (!s || second.end > s.end) continue;
    const before = text.slice(s.start, first.start);
    const after = text.slice(second.end, s.end);
    if (!/,\s*$/.test(before) || !/^\s*,\s*\p{L}/u.test(after) || before.trim().length < 2) continue;
    spans.push({ start: s.start, end: s.start + before.trimEnd().length });
    // The words after a verb cue go on with the same reported sentence (*The museum, he said,
    // celebrated …*; *Though the change was smooth, he said, replacing her would be …*); after
    // *according to X,* they are the outlet's (*…, according to public filings, a huge sum for a firm
    // with 35 partners*: PolNeAR train, loaded round 17).
    if (/^according\b/i.test(text.slice(a.cue.start, a.cue.end))) continue;
    const rest = after.replace(/^\s*,\s*/, '');
    spans.push({ start: s.end - rest.length, end: s.end });
  }
  return spans;
}

/**
 * The clause after a verb of saying and *that* (*Mrs. Clinton said that when Ms. Warren railed
 * against …*): the speaker's account in the outlet's paraphrase, to the end of the sentence, whether
 * or not the attribution analysis built a report for it; and the topic after a verb of saying and
 * *about* (*writes about the problems with inflammatory interviews, …*), to the next comma. Verbs whose own sense is a judgement (*blast*, *mock*) are
 * not counted: the clause after them is still reported, but their lemma is a loaded cue that
 * the outlet chose and stays a finding by the cue rule.
 */
function thatClauses(article: AnalysedArticle, words: Pick<MarkerWords, 'speechVerbs'>): Span[] {
  const { tokens, sentences } = article;
  const spans: Span[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const v = tokens[i]!;
    const that = tokens[i + 1]!;
    // A participle opening the sentence may be tagged as an adjective or noun (*Promising that …*).
    const ing = v.type === 'word' && v.normal.endsWith('ing');
    const verb = v.pos === 'VERB' || ing;
    const stem = ing ? v.normal.slice(0, -3) : '';
    const speech = words.speechVerbs.has(v.lemma) || (ing && (words.speechVerbs.has(stem) || words.speechVerbs.has(`${stem}e`)));
    if (!verb || !speech || (that.normal !== 'that' && that.normal !== 'about') || that.sentence !== v.sentence) continue;
    const s = sentences[v.sentence]!;
    if (s.heading) continue;
    if (that.normal === 'that') {
      spans.push({ start: tokens[i + 2]!.start, end: s.end });
      continue;
    }
    // *writes about the problems with anonymous inflammatory interviews, and argues …*: the topic
    // as the writer put it, to the next comma or semicolon.
    let e = i + 2;
    while (e < s.tokenEnd && tokens[e]!.text !== ',' && tokens[e]!.text !== ';') e++;
    if (e > i + 2) spans.push({ start: tokens[i + 2]!.start, end: tokens[e - 1]!.end });
  }
  return spans;
}

/**
 * The characterisation in a framing report (*an effort to paint the White House as dismissive of
 * Israel*, *Opponents cast him as reckless*): after a reporting verb whose entry takes *as* as its
 * complement (lexicons/reporting-verbs.yml cast-as), the words from that *as* to the next comma,
 * semicolon or the sentence's end are the framer's picture, not the outlet's verdict; the verb
 * itself stays a finding of the outlet's choice.
 */
function framedAs(
  article: AnalysedArticle,
  reporting: readonly { tokenStart: number; tokenEnd: number; entry?: { complement?: readonly string[] | null } }[],
): Span[] {
  const { tokens, sentences } = article;
  const spans: Span[] = [];
  for (const m of reporting) {
    if (m.entry && !m.entry.complement?.includes('as')) continue;
    const s = sentences[tokens[m.tokenStart]!.sentence]!;
    let k = m.tokenEnd;
    while (k < s.tokenEnd && k < m.tokenEnd + 8 && tokens[k]!.normal !== 'as' && !/^[,;:]$/.test(tokens[k]!.text)) k++;
    if (k >= s.tokenEnd || tokens[k]!.normal !== 'as') continue;
    let e = k + 1;
    while (e < s.tokenEnd && !/^[,;]$/.test(tokens[e]!.text)) e++;
    if (e > k + 1) spans.push({ start: tokens[k + 1]!.start, end: tokens[e - 1]!.end });
  }
  return spans;
}

/**
 * The judge's picture after a verb of judging in the active voice and *as* (*environmentalists welcome
 * the decision as a watershed*, *critics dismissed the bill as a stunt*; word class `as-judging-verb`),
 * as in `framedAs`; not after the agentless passive (*was hailed as*), which leaves the words to the
 * outlet. Scare quotes inside stay the outlet's: the quotation marks are the writer's.
 */
function judgedAs(article: AnalysedArticle, words: MarkerWords): Span[] {
  const { tokens, sentences } = article;
  const verbs: { tokenStart: number; tokenEnd: number }[] = [];
  for (const t of tokens) {
    // Not a noun (*a warm welcome as …*); the tagger often reads a present-tense *welcome* as an adjective.
    if (t.type !== 'word' || t.pos === 'NOUN' || !words.asJudgingVerbs.has(t.lemma)) continue;
    const s = sentences[t.sentence]!;
    const before = tokens.slice(Math.max(s.tokenStart, t.index - 2), t.index);
    if (before.some((b) => b.lemma === 'be' || b.lemma === 'get')) continue;
    verbs.push({ tokenStart: t.index, tokenEnd: t.index + 1 });
  }
  return framedAs(article, verbs);
}

/** How many tokens before a short quotation a reporting or naming verb makes it a quotation. */
const QUOTE_WINDOW = 4;

function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  const lo = firstEndingAfter(tokens, start);
  let e = lo;
  while (e < tokens.length && tokens[e]!.start < end) e++;
  return [lo, e];
}

/**
 * Scare quotes: a quotation of one to three words that is not attributed to a speaker. A quote
 * within QUOTE_WINDOW tokens after a reporting or naming verb or a colon, directly after a
 * speaker (name, pronoun, possessive), or directly followed by a reporting verb, is a quotation;
 * so is a quoted title in Title Case and any quotation in a headline.
 */
function scareQuotes(article: AnalysedArticle, quotes: readonly Quotation[], reportingAt: ReadonlySet<number>, words: MarkerWords): LoadedDraft[] {
  const { tokens } = article;
  const out: LoadedDraft[] = [];
  for (const q of quotes) {
    if (!q.balanced) continue;
    const [a, b] = tokenRange(tokens, q.innerStart, q.innerEnd);
    const inner = tokens.slice(a, b).filter((t) => t.type === 'word' || t.type === 'number');
    if (inner.length < 1 || inner.length > 3) continue;
    const open = tokenRange(tokens, q.start, q.start + 1)[0];
    const sentence = article.sentences[tokens[a]!.sentence]!;
    if (sentence.heading) continue; // quotation marks in headlines mark quotations
    const content = inner.filter((t) => !words.nameConnectors.has(t.normal));
    if (content.length > 0 && content.every((t) => /^\p{Lu}/u.test(t.text)) && a > sentence.tokenStart + 1) continue; // a title or name
    const before = tokens.slice(Math.max(sentence.tokenStart, open - QUOTE_WINDOW), open);
    const prev = tokens[open - 1];
    const attributedBefore =
      before.some((t) => reportingAt.has(t.index) || words.namingVerbs.has(t.lemma) || t.text === ':') ||
      (prev !== undefined && prev.sentence === sentence.index && (prev.pos === 'PROPN' || prev.pos === 'PRON' || /^['’]s$/.test(prev.text)));
    const closeTok = tokenRange(tokens, q.end - 1, q.end)[0];
    const after = tokens.slice(closeTok + 1, Math.min(sentence.tokenEnd, closeTok + 4));
    const attributedAfter = after.some((t) => reportingAt.has(t.index));
    const wholeSentence = open <= sentence.tokenStart;
    if (attributedBefore || attributedAfter || wholeSentence) continue;
    // A term mentioned, not used: `the word "X"`, `known as "X"`, `a sign reading "X"`.
    const mention = before.slice(-2).some((t) => words.termIntroducers.has(t.normal));
    // A partial quotation: the sentence reports someone's speech with a verb of saying.
    const speech = tokens
      .slice(sentence.tokenStart, sentence.tokenEnd)
      .some((t) => (t.index < a || t.index >= b) && ((t.pos === 'VERB' && words.speechVerbs.has(t.lemma)) || t.normal === 'according'));
    if (mention || speech) continue;
    const innerText = article.text.slice(q.innerStart, q.innerEnd);
    out.push({
      kind: 'loaded',
      start: q.start,
      end: q.end,
      text: q.text,
      category: 'scare-quotes',
      lexicon: 'rules',
      entry: 'scare-quotes',
      weight: 1,
      rule: 'rule:scare-quotes',
      explanation: `Puts ${JSON.stringify(innerText)} in quotation marks without attributing it to anyone: scare quotes signal doubt about or distance from the word.`,
    });
  }
  return out;
}

/**
 * Agentless evaluations: a form of *be* (optionally with up to two adverbs such as *widely*)
 * followed by an evaluation participle (seen, regarded, considered, ...) and *as* or *to*, with
 * no *by* agent. Without *as* or *to* the verb is mostly literal (*can be seen on the video*) or a
 * progressive (*is considering a run*), so it does not count.
 */
function agentlessEvaluations(article: AnalysedArticle, words: MarkerWords): LoadedDraft[] {
  const { tokens, text } = article;
  const out: LoadedDraft[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lemma !== 'be') continue;
    let j = i + 1;
    while (j < tokens.length && j <= i + 2 && tokens[j]!.pos === 'ADV' && tokens[j]!.sentence === tokens[i]!.sentence) j++;
    const p = tokens[j];
    if (!p || p.sentence !== tokens[i]!.sentence || !words.evaluationParticiples.has(p.lemma) || p.normal === p.lemma || p.normal.endsWith('ing')) continue;
    const next = tokens[j + 1];
    // "seen as", "regarded as", "believed to", "said to": the evaluation frame. "seen on video",
    // "considered dangerous" (no frame word) and "regarded by economists as" (an agent) do not count.
    if (!next || next.sentence !== p.sentence || (next.normal !== 'as' && next.normal !== 'to')) continue;
    if (p.lemma === 'say' && next.normal !== 'to') continue;
    const end = next.end;
    const start = tokens[i]!.start;
    out.push({
      kind: 'loaded',
      start,
      end,
      text: text.slice(start, end),
      category: 'agentless-evaluation',
      lexicon: 'rules',
      entry: 'agentless-evaluation',
      weight: 1,
      rule: 'rule:agentless-evaluation',
      explanation: `"${text.slice(start, end)}" gives a judgement without saying who holds it (an agentless passive); the reader cannot weigh the source.`,
    });
    i = j;
  }
  return out;
}

/**
 * True when a non-neutral reporting verb is used as a plain verb of saying (its lexicon entry says
 * `loaded: false`: news style accepts *warned*, *stressed*, *vowed* as ordinary reporting) or
 * literally (*claimed 24 lives*).
 */
function plainReporting(
  tokens: readonly Token[],
  m: LexiconMatch,
  words: Pick<MarkerWords, 'claimLiteral' | 'claimLegal' | 'concedeLiteral' | 'passiveLiteral' | 'possessLiteral'>,
): boolean {
  const t = tokens[m.tokenStart]!;
  if (m.entry.loaded === false) return true;
  // The object before any clause: "that" or a verb opens what is claimed (claiming that the nomination is his to lose).
  const objectWithin = (objects: ReadonlySet<string>) => {
    for (let k = m.tokenEnd; k < Math.min(tokens.length, m.tokenEnd + 4); k++) {
      const x = tokens[k]!;
      if (x.sentence !== t.sentence || x.normal === 'that' || x.pos === 'VERB' || x.pos === 'AUX') break;
      if (objects.has(x.normal) || objects.has(x.lemma)) return true;
    }
    return false;
  };
  const isClaim = t.lemma === 'claim' || t.normal.startsWith('claim');
  if (isClaim && objectWithin(words.claimLiteral)) return true;
  // The legal verb of a filing: a suit, a suing party or an injunction within LITERAL_WINDOW words before it in the
  // sentence (the suit claims …, sued, claiming …). After it, a lawsuit is part of what is claimed (claimed that a
  // judge presiding over a lawsuit …).
  if (isClaim) {
    for (let k = Math.max(0, m.tokenStart - LITERAL_WINDOW); k < m.tokenStart; k++) {
      const x = tokens[k]!;
      if (x.sentence === t.sentence && (words.claimLegal.has(x.normal) || words.claimLegal.has(x.lemma))) return true;
    }
  }
  if ((t.lemma === 'concede' || t.normal.startsWith('concede')) && objectWithin(words.concedeLiteral)) return true;
  // A passive participle with a "by" agent: the verb's literal sense (an area threatened by raids).
  const next = tokens[m.tokenEnd];
  if (words.passiveLiteral.has(t.lemma) && /ed$/.test(t.normal) && next?.sentence === t.sentence && next.normal === 'by') return true;
  // A direct object right after the verb, maybe after one adverb: the sense *have* (the city boasts a museum).
  if (words.possessLiteral.has(t.lemma) || startsWithAny(t.normal, words.possessLiteral)) {
    const object = next?.pos === 'ADV' ? tokens[m.tokenEnd + 1] : next;
    if (object?.sentence === t.sentence && (object.pos === 'DET' || object.pos === 'NUM') && object.normal !== 'that') return true;
  }
  return false;
}

/** True when `word` starts with one of `stems` (a form the tagger left unlemmatised: *boasts* read as a noun). */
function startsWithAny(word: string, stems: ReadonlySet<string>): boolean {
  for (const w of stems) if (word.startsWith(w)) return true;
  return false;
}

function fromMatch(article: AnalysedArticle, m: LexiconMatch, category: string): LoadedDraft {
  const e = m.entry;
  return {
    kind: 'loaded',
    start: m.start,
    end: m.end,
    text: article.text.slice(m.start, m.end),
    category,
    lexicon: e.lexicon,
    entry: e.id,
    weight: e.weight,
    rule: `lexicon:${e.lexicon}/${e.id}`,
    explanation: e.note,
    ...(e.alternative === undefined ? {} : { alternative: e.alternative }),
  };
}

/**
 * Association labels: a hyphenated compound whose second part ties an actor to another
 * (*Kremlin-linked businessman*, *mob-tied*, *ISIS-inspired*) labels the actor by association
 * without saying what the tie is. Only the compound is the finding; inside a quotation it is the
 * speaker's word.
 */
function associationLabels(article: AnalysedArticle, words: MarkerWords): LoadedDraft[] {
  const { tokens, text } = article;
  const out: LoadedDraft[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const h = tokens[i]!;
    const x = tokens[i - 1]!;
    const y = tokens[i + 1]!;
    if (h.text !== '-' || x.end !== h.start || h.end !== y.start || x.type !== 'word' || !words.associationSuffixes.has(y.normal)) continue;
    if (x.sentence !== y.sentence || article.sentences[x.sentence]?.heading) continue;
    out.push({
      kind: 'loaded',
      start: x.start,
      end: y.end,
      text: text.slice(x.start, y.end),
      category: 'label',
      lexicon: 'rules',
      entry: 'association-label',
      weight: 1,
      rule: 'rule:association-label',
      explanation: `"${text.slice(x.start, y.end)}" labels an actor by association without saying what the tie is; say who is connected to whom, and how.`,
      alternative: 'describe the connection (owned by, funded by, a member of)',
    });
  }
  return out;
}

/**
 * A page of readers' letters and posts: a line that is only the label of a readers' section in capitals, as a
 * section label is set (word class `readers-section`: *LETTERS.*, *FACEBOOK.*; a final period or colon may follow;
 * not a menu link *Letters* in a page's markup) opens it, and the rest of the
 * article is the readers', each signed below. Loaded words there are theirs, report cues included (the
 * reader chose the verb). The text is read, not the sentences: ingest may keep such a label out of them.
 */
export function readersPage(text: string, sections: ReadonlySet<string>): Span | null {
  for (const line of text.matchAll(/^[^\n]*$/gm)) {
    const label = line[0].trim().replace(/[.:]$/, '');
    if (label && label === label.toUpperCase() && sections.has(label.toLowerCase())) return { start: line.index + line[0].length, end: text.length };
  }
  return null;
}

/**
 * All `loaded` findings of one article, sorted by start (longest first). Weight-0 entries and
 * disabled categories give no findings; a match inside a proper name or title, inside a
 * quotation (the speaker's words, not the outlet's), inside the content of reported speech
 * (`reported`: the article's attributions — *Romney said the cuts would be devastating* gives the
 * speaker's view, not the outlet's; a report's own cue stays, the outlet chose that verb), fully
 * inside a longer finding, or
 * overlapping a finding of the same entry, is dropped.
 */
export function findMarkers(
  article: AnalysedArticle,
  lexicons: Lexicons,
  reported: readonly { content: Span | null; cue: Span; source?: Span | null }[] = [],
): LoadedDraft[] {
  const words = markerWords(lexicons);
  const names = nameTokens(article, words);
  const quotes = quotationsOf(article).filter((q) => isQuotedPassage(article.text, q));
  // The writer quoting their own earlier article ("In a recent article I stated …:") speaks in the
  // article's own voice: loaded words inside such a passage count like the rest of the article.
  const own = ownQuotations(article, quotes, lexicons);
  const inName = (m: LexiconMatch) => {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) if (article.tokens[k]!.type === 'word' && !names.has(k)) return false;
    return true;
  };
  // Quotations are sorted and disjoint: only the last one opening at or before m.start can hold m.
  const quoteOf = (m: { start: number; end: number }) => {
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotes[mid]!.innerStart <= m.start) lo = mid + 1;
      else hi = mid;
    }
    const q = quotes[lo - 1];
    return q && q.innerStart <= m.start && m.end <= q.innerEnd ? q : undefined;
  };

  // Preposition, punctuation and noun cues ("in" a poll, a headline colon, "his claim that") are
  // cues only in the contexts the attribution analysis checks, so they do not mark a nearby
  // quotation as attributed, nor are they loaded words on their own ("ignored warnings about the
  // barriers" is the writer's noun; a nominal cue's neutrality counts where it is an attribution's cue).
  const reporting = lexicons.match(article, 'reporting-verbs').filter((m) => !m.entry.pos?.every((p) => p === 'ADP' || p === 'PUNCT' || p === 'NOUN'));
  const reportingAt = new Set<number>();
  for (const m of reporting) for (let k = m.tokenStart; k < m.tokenEnd; k++) reportingAt.add(k);

  const introduced = introducedParagraphs(article, reportingAt, wordClass(lexicons, 'author-pronoun'));

  const scare = lexicons.disabled.has('scare-quotes') ? [] : scareQuotes(article, quotes, reportingAt, words);
  const drafts: LoadedDraft[] = [...scare];
  for (const m of lexicons.match(article, 'markers')) {
    checkBudget('markers');
    if (m.entry.weight === 0 || lexicons.disabled.has(m.entry.category) || inName(m)) continue;
    const q = quoteOf(m);
    if (q && !own.has(q)) continue; // a quotation is the speaker's wording (a scare quote is its own finding)
    if (introducesName(article, m, words) || namesEvent(article, m, words) || reportsFeeling(article.tokens, m, words)) continue;
    drafts.push(fromMatch(article, m, m.entry.category));
  }
  if (!lexicons.disabled.has('reporting-verb')) {
    for (const m of reporting) {
      if (m.entry.neutral !== false || m.entry.weight === 0 || inName(m)) continue;
      const q = quoteOf(m);
      if (q && !own.has(q)) continue;
      if (plainReporting(article.tokens, m, words)) continue;
      drafts.push(fromMatch(article, m, 'reporting-verb'));
    }
  }
  if (!lexicons.disabled.has('agentless-evaluation')) drafts.push(...agentlessEvaluations(article, words));
  if (!lexicons.disabled.has('label')) drafts.push(...associationLabels(article, words).filter((d) => !quoteOf(d)));

  // Reported speech is the speaker's view in the outlet's paraphrase, unless the writer reports
  // their own earlier words. Content spans are few: a linear scan is cheap.
  // The cue of a report is the outlet's own choice of verb (*blast*, *claiming*), wherever it stands.
  // Only content that follows its cue (*X said that …*): a report named after the fact (*…, sources
  // told POLITICO*, *…, the Times is reporting*) leaves the sentence's wording to the outlet.
  const ownQuotes = [...own];
  const clauses = thatClauses(article, words);
  const speech: Span[] = [
    ...reported.flatMap((a) =>
      a.content && a.content.start >= a.cue.end && !ownQuotes.some((q) => q.innerStart < a.content!.end && a.content!.start < q.innerEnd) ? [a.content] : [],
    ),
    ...introduced,
    ...splitReports(article, reported),
    ...clauses,
    ...signedPosts(article),
    ...framedAs(article, reporting),
  ];
  // Sorted once, looked up by binary search: a long article's many reports cost n log n, not n².
  const inSpeech = sortSpans(speech);
  // A cue inside the clause of another's report is the reporter's paraphrase, not the outlet's verb.
  const inClause = sortSpans(clauses);
  const cues = sortSpans(reported.map((a) => a.cue));
  const voiced =
    speech.length === 0
      ? drafts
      : drafts.filter(
          (d) =>
            !overlapping(inClause, d.start, d.end).some((c) => contains(c, d)) &&
            (overlapping(cues, d.start, d.end).length > 0 || !overlapping(inSpeech, d.start, d.end).some((c) => contains(c, d))),
        );

  const readers = readersPage(article.text, wordClass(lexicons, 'readers-section'));
  if (readers) {
    const before = voiced.splice(0);
    voiced.push(...before.filter((d) => !contains(readers, d)));
  }

  const judged = sortSpans(judgedAs(article, words));
  if (judged.length > 0) {
    const before = voiced.splice(0);
    voiced.push(...before.filter((d) => d.category === 'scare-quotes' || !overlapping(judged, d.start, d.end).some((c) => contains(c, d))));
  }
  // Longest first at each start; drop a finding contained in an earlier kept one.
  voiced.sort((x, y) => x.start - y.start || y.end - x.end || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
  const kept: LoadedDraft[] = [];
  let reach = -1; // every kept finding starts at or before the current one
  const reachOf = new Map<string, number>(); // per rule, the furthest end of its kept findings
  for (const d of voiced) {
    if (d.end <= reach) continue; // inside a longer finding
    if ((reachOf.get(d.rule) ?? -1) > d.start) continue; // the same entry, overlapping
    kept.push(d);
    reach = d.end;
    reachOf.set(d.rule, Math.max(reachOf.get(d.rule) ?? -1, d.end));
  }
  return kept;
}

/** Rounds to 4 decimal places. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Marker scores of one article, each reproducible from its `loaded` findings: per-category rates
 * per 1,000 tokens, the count, the summed weights (`load`) and their rate, and the tone around
 * each actor (from the report's `actors` field).
 */
export function markerScores(
  article: Pick<AnalysedArticle, 'id' | 'tokens'>,
  findings: readonly Finding[],
  actors: readonly { id: string; articles: Record<string, { tone: number } | undefined> }[] = [],
): MarkerScores {
  const loaded = findingsOf(findings, article.id).filter((f): f is LoadedFinding => f.kind === 'loaded');
  const n = article.tokens.length;
  const per1k = (x: number) => (n === 0 ? 0 : r4((x / n) * 1000));
  const byCategory = new Map<string, number>();
  for (const f of loaded) byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
  const load = loaded.reduce((s, f) => s + f.weight, 0);
  const actorTone: Record<string, number> = {};
  for (const a of actors) {
    const mine = a.articles[article.id];
    if (mine) actorTone[a.id] = r4(mine.tone);
  }
  return {
    markersPer1k: Object.fromEntries([...byCategory].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, k]) => [c, per1k(k)])),
    loadedCount: loaded.length,
    load,
    loadPer1k: per1k(load),
    actorTone,
  };
}
