/**
 * The attribution patterns: an ordered list of named functions, each of which looks at one
 * reporting cue in its sentence (`CueSite`) and either claims it — returning its attributions, or
 * none when the cue is not an attribution after all — or passes (`undefined`), and the next
 * pattern is tried. The first pattern that claims a cue decides it. Every finding records the id
 * of its pattern (`pattern`), which is also its calibration key (`attribution/<id>`, see
 * lexicons/calibration.yml): patterns differ in how often they are right.
 *
 * In order:
 * - `colon-headline`: `Mayor Ruiz: Bridge Reopens Monday`;
 * - `nominal-that` / `nominal-from` / `nominal-to` (nominal.ts): `his claim that …`, `criticism from X`, `Trump's promise to …`;
 * - `reportedly`: agentless adverbs (`reportedly`, `allegedly`);
 * - `according-to`: `according to (data/a report from|by) X, …`;
 * - `in-document`: `In a CNN poll released Monday, …`;
 * - `passive-by`: `announced by X`, `the remarks were made by X`;
 * - `cited-as-saying`: the speaker of `X cited Y as saying` (the channel is an ordinary subject cue);
 * - `agentless-passive`: `is said to`, `it is reported that`, `she was asked whether`;
 * - `asked`: `Asked about …, the senator said` (the question, agentless);
 * - `fronted-clause`: `After saying …, the man …` (the main clause's subject);
 * - `shared-subject`: `X admitted …, but said …`, `… before adding that …` (the clause's subject);
 * - `participle-after-object`: `she released a statement saying …`;
 * - `participle-continues`: `Lavrov said, adding that …`, `…, telling Reuters that …`;
 * - with a subject before the cue (`X said`) or after it (`…, said X`):
 *   `quote-then-said` (`“…,” he said`), `said-quote` (`he said: “…”`), `clause-then-said`
 *   (`The plan failed, the minister said.`) and `subject-said-that` (`X said (that) …`).
 *
 * Pronouns and short names are resolved to the last full name (`he` → `Sergei Lavrov`, sources.ts).
 */
import type { TextSpan } from '../../core/types.js';
import type { AttributionDraft, Ctx, CueSite, Range } from './context.js';
import { isPunct, isQuoteMark, lowerBound, SKIP_BEFORE_CUE_POS, span, tokenAt } from './context.js';
import {
  ADVERBIAL_OPENERS,
  afterThat,
  complementAt,
  coordinatedCue,
  insideQuote,
  introducedQuote,
  quoteAfter,
  quoteBefore,
  relativeEnd,
  reportEnd,
  skipObject,
} from './content.js';
import { draft } from './draft.js';
import { nominalCue } from './nominal.js';
import {
  accordingSource,
  clause,
  documentAfter,
  findComma,
  isPrepositionCue,
  nameLike,
  npLeft,
  npRight,
  relativeHead,
  skipIntermediate,
  skipTimeLeft,
} from './phrases.js';
import { describeSource, type Resolved } from './sources.js';

/** One attribution pattern (see the module comment). */
export interface Pattern {
  /** The id its findings carry (`pattern`), unless it names refinements in `ids`. */
  id: string;
  /** The ids its findings may carry, when it refines `id` (the nominal patterns). */
  ids?: readonly string[];
  /** What the pattern is for, with an example (for documentation and tests). */
  note: string;
  /** The cue's attributions (an empty list: not an attribution), or undefined when the pattern does not apply. */
  apply(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// What several patterns work out about a cue's left side, computed once per cue (`site.memo`).

/** Token index just left of the cue after its auxiliaries and adverbs (`j0`), and after a time phrase (`j`); `raised`: "was quick to say". */
interface Left {
  j0: number;
  j: number;
  raised: boolean;
}

function left(ctx: Ctx, site: CueSite): Left {
  const memo = site.memo['left'] as Left | undefined;
  if (memo) return memo;
  const { tokens } = ctx;
  const { m, sStart } = site;
  let j = m.tokenStart - 1;
  const skipAuxiliaries = () => {
    while (
      j >= sStart &&
      SKIP_BEFORE_CUE_POS.has(tokens[j]!.pos) &&
      tokens[j]!.normal !== 'to' &&
      !(ctx.w.subordinators.has(tokens[j]!.normal) && (j === sStart || isPunct(tokens[j - 1]) || tokens[j - 1]!.pos === 'CCONJ')) &&
      !nameLike(ctx, j, sStart, m.tokenStart)
    )
      j--;
  };
  skipAuxiliaries();
  // "voters are more likely to say", "he was quick to note": the subject is the one of "be".
  const raised = tokens[j]?.normal === 'to' && ctx.w.raisingAdjectives.has(tokens[j - 1]?.normal ?? '') && tokens[j - 1]!.pos === 'ADJ';
  if (raised) {
    j -= 2;
    skipAuxiliaries();
  }
  const out: Left = { j0: j, j: skipTimeLeft(ctx, j, sStart), raised };
  site.memo['left'] = out;
  return out;
}

const isIng = (site: CueSite): boolean => /ing$/.test(site.first.normal);

/** A phrase whose head is a word of time ("the weekend", "Tuesday", "two weeks"). */
const isTimePhrase = (ctx: Ctx, r: Range): boolean => {
  const head = ctx.tokens[r.b - 1]!;
  return ctx.w.timeNouns.has(head.lemma) || ctx.w.timeWords.has(head.normal) || ctx.w.months.has(head.normal);
};

/** The subject found next to the cue: before it (`X said`, `X, the minister, said`, `X (D-Ore.) said`), or none. */
interface Near {
  src: Range | null;
  /** The part of `src` that names and types it, when `src` runs on into an apposition. */
  srcHead: Range | null;
  /** A demonstrative subject ("This underscores …"): the cue has no source. */
  demonstrative: boolean;
}

/**
 * A coordinated subject that opens the sentence is the source whole ("Oklahoma and Nebraska said",
 * "The mayor, the governor and two senators said"), not its last conjunct. Only from the sentence start, past an
 * opening conjunction or adverb: "The bill passed and Nebraska said" joins clauses, not noun phrases.
 */
function coordinatedSubject(ctx: Ctx, src: Range, sStart: number): Range {
  const { tokens } = ctx;
  // A conjunction or opening adverb before the subject opens the sentence too ("But Mr. Grassley and Mr. Leahy said").
  let start = sStart;
  while (start < src.a - 1 && (tokens[start]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[start]!.normal))) start++;
  if (tokens[src.a - 1]?.normal !== 'and' || src.a - 1 <= start) return src;
  let first = npLeft(ctx, src.a - 1, start);
  while (first && first.a - 1 > start && tokens[first.a - 1]!.text === ',') first = npLeft(ctx, first.a - 1, start);
  return first && first.a === start ? { a: first.a, b: src.b } : src;
}

/**
 * A noun phrase after a preposition is that preposition's object, not the subject: "Her submission to the court
 * noted", "The senator from Vermont said", "A study by the group found" report the head before the preposition. When
 * that head opens the sentence or clause (after punctuation, a conjunction or an opening adverb) with a determiner or
 * possessive, the source is the whole phrase and its head names and types it. Not a verb's object ("paid a settlement
 * to a booker who said": the head does not open the clause) nor a relative clause's head ("a booker who").
 */
function prepositionalObject(ctx: Ctx, src: Range, sStart: number, srcHead: Range | null): [Range, Range | null] {
  const { tokens } = ctx;
  const p = tokens[src.a - 1];
  const noun = tokens[src.a - 2];
  if (!p || !noun || src.a - 2 < sStart || p.pos !== 'ADP' || !ctx.w.objectPrepositions.has(p.normal) || noun.pos !== 'NOUN') return [src, srcHead];
  // A relative clause's head ("a booker who") or an object with no noun ("on their shows": "shows" is no cue) stays as it is.
  const object = tokens.slice(src.a, src.b);
  if (object.some((t) => ctx.w.relativePronouns.has(t.normal)) || !object.some((t) => ['NOUN', 'PROPN', 'NUM'].includes(t.pos))) return [src, srcHead];
  const head = npLeft(ctx, src.a - 1, sStart);
  if (!head || head.b !== src.a - 1) return [src, srcHead];
  const opener = tokens[head.a]!;
  if (!(opener.pos === 'DET' || (opener.pos === 'PRON' && ctx.w.possessiveDeterminers.has(opener.normal)))) return [src, srcHead];
  let start = sStart;
  while (start < head.a && (tokens[start]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[start]!.normal))) start++;
  if (head.a !== start && !isPunct(tokens[head.a - 1])) return [src, srcHead];
  return [{ a: head.a, b: src.b }, head];
}

/**
 * A group counted by a quantity before "of" is not the whole source: "16 percent of Democratic registered voters
 * say", "several of the people noted", "most of them said", "a majority of Americans say" report the share, so the
 * source takes the quantity phrase, and the group after "of" names and types it. The group may open with describing
 * words the phrase reader stops at ("registered"). Only when the quantity phrase opens the sentence or clause (after
 * punctuation, a conjunction, a subordinator or an opening adverb): "was one of the authors of messages labeled",
 * "discovered on one of the attackers' phones suggested" stay as they are, and so does a relative clause ("both of which
 * Mrs. Clinton praised").
 */
function quantityOf(ctx: Ctx, src: Range, sStart: number, srcHead: Range | null): [Range, Range | null] {
  const { tokens } = ctx;
  let of = src.a - 1;
  // Describing words between "of" and the phrase ("of Democratic registered voters"), at most two.
  while (
    of > src.a - 3 &&
    of > sStart &&
    tokens[of]!.normal !== 'of' &&
    (tokens[of]!.pos === 'ADJ' || (tokens[of]!.pos === 'VERB' && /ed$/.test(tokens[of]!.normal)))
  )
    of--;
  // A relative clause ("both of which Mrs. Clinton praised") counts no source.
  if (tokens[of]?.normal !== 'of' || of - 1 < sStart || tokens.slice(of + 1, src.b).some((t) => ctx.w.relativePronouns.has(t.normal))) return [src, srcHead];
  const q = tokens[of - 1]!;
  if (!(ctx.w.quantityWords.has(q.normal) || q.pos === 'NUM')) return [src, srcHead];
  // The quantity phrase: numbers, determiners and describing words before the quantity word ("a strong majority", "Some 55 percent").
  let a = of - 1;
  // A hyphenated number is one word ("Twenty-four percent", not "four percent").
  const part = (t: (typeof tokens)[number]) => ['NUM', 'DET', 'ADJ'].includes(t.pos) || ctx.w.quantityWords.has(t.normal);
  while (a - 1 >= sStart && (part(tokens[a - 1]!) || (tokens[a - 1]!.text === '-' && a - 2 >= sStart && tokens[a - 2]!.type === 'word'))) a--;
  let start = sStart;
  while (start < a && (tokens[start]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[start]!.normal))) start++;
  const before = tokens[a - 1];
  const opens =
    a === start ||
    isPunct(before) ||
    before?.pos === 'CCONJ' ||
    before?.pos === 'SCONJ' ||
    ctx.w.subordinators.has(before?.normal ?? '') ||
    ctx.w.frontedSubordinators.has(before?.normal ?? '') ||
    ctx.w.openingAdverbs.has(before?.normal ?? '');
  if (!opens) return [src, srcHead];
  return [
    { a, b: src.b },
    { a: of + 1, b: src.b },
  ];
}

/**
 * A quantity standing alone as the subject, the group it counts left to the sentence before: "most said", "a third
 * said", "42% say", "Yet another said", "those surveyed said" (`bare-quantity`, `respondent-participle`). The phrase
 * (numbers, articles and such words, ending at `j`) must open the sentence or clause, past adverbs ("Nearly a third
 * say"): "They all said" and "in the second half said" stay without.
 */
function bareQuantity(ctx: Ctx, j: number, sStart: number): Range | null {
  const { tokens } = ctx;
  const t = tokens[j];
  if (!t) return null;
  let a: number;
  if (ctx.w.respondentParticiples.has(t.normal) && j - 1 >= sStart && tokens[j - 1]!.normal === 'those') a = j - 1;
  else if (ctx.w.bareQuantities.has(t.normal)) {
    a = j;
    const part = (x: (typeof tokens)[number]) =>
      x.pos === 'NUM' || ctx.w.bareQuantities.has(x.normal) || ctx.w.quantityWords.has(x.normal) || ctx.w.articles.has(x.normal);
    // A hyphenated number is one word ("two-thirds").
    while (a - 1 >= sStart && (part(tokens[a - 1]!) || (tokens[a - 1]!.text === '-' && a - 2 >= sStart && tokens[a - 2]!.type === 'word'))) a--;
    // A bare article is no quantity ("a said" does not occur; "the few" does).
    if (tokens.slice(a, j + 1).every((x) => ctx.w.articles.has(x.normal))) return null;
  } else return null;
  let b = a - 1;
  while (b >= sStart && tokens[b]!.pos === 'ADV' && !ctx.w.openingAdverbs.has(tokens[b]!.normal)) b--;
  let start = sStart;
  while (start <= b && (tokens[start]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[start]!.normal))) start++;
  const before = tokens[b];
  // After a comma only when an opening adverbial or clause ends there ("By 58%-33%, those surveyed said", "While one
  // company says …, another says"): after a list of names, a dash or a parenthesis the word floats after its subject
  // ("Muslim-Americans, African-Americans, all expressing", "— whose party … — both suggested", "(D-N.J.) all suggested").
  let c = b - 1;
  while (c >= sStart && !isPunct(tokens[c])) c--;
  const lead = tokens[c + 1];
  const afterOpener =
    before?.text === ',' && lead !== undefined && c + 1 < b && (['ADP', 'ADV', 'SCONJ'].includes(lead.pos) || ctx.w.subordinators.has(lead.normal));
  const opens =
    b < start ||
    before?.text === ';' ||
    before?.text === ':' ||
    afterOpener ||
    before?.pos === 'CCONJ' ||
    before?.pos === 'SCONJ' ||
    ctx.w.subordinators.has(before?.normal ?? '') ||
    ctx.w.frontedSubordinators.has(before?.normal ?? '') ||
    ctx.w.openingAdverbs.has(before?.normal ?? '');
  return opens ? { a, b: j + 1 } : null;
}

function nearSubject(ctx: Ctx, site: CueSite): Near {
  const memo = site.memo['near'] as Near | undefined;
  if (memo) return memo;
  const { tokens } = ctx;
  const { m, sStart } = site;
  const { j } = left(ctx, site);
  let src: Range | null = null;
  let srcHead: Range | null = null;
  let demonstrative = false;
  if (j >= sStart && !isPunct(tokens[j])) {
    src = npLeft(ctx, j + 1, sStart);
    // Demonstratives are not sources ("This underscores …").
    if (src && src.b - src.a === 1 && ctx.w.notSources.has(tokens[src.a]!.normal)) {
      demonstrative = true;
      src = null;
    } else {
      // The head of a relative clause is the subject: "officials who spoke with the paper said",
      // "groups that have endorsed him say".
      if (src) src = relativeHead(ctx, src, sStart) ?? src;
      if (src) src = coordinatedSubject(ctx, src, sStart);
      if (src) [src, srcHead] = prepositionalObject(ctx, src, sStart, srcHead);
      if (src) [src, srcHead] = quantityOf(ctx, src, sStart, srcHead);
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
      // A time is never a source: the subject is before the time phrase ("people I've spoken with over the
      // last couple of weeks said"), else abstain.
      if (src && isTimePhrase(ctx, src)) {
        const p = src.a - 1;
        const before = p > sStart && ctx.w.timePrepositions.has(tokens[p]!.normal) ? npLeft(ctx, p, sStart) : null;
        src = before && !isTimePhrase(ctx, before) ? (relativeHead(ctx, before, sStart) ?? before) : null;
        if (!src) demonstrative = true;
      }
    }
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
      if (outer && (outer.a === sStart || isPunct(tokens[outer.a - 1]) || ctx.w.subordinators.has(tokens[outer.a - 1]!.normal)))
        src = { a: outer.a, b: inner.b };
    }
  }
  if (!src && !demonstrative) {
    // The quantity may be one the auxiliary skip passed as an adverb ("most said", "a third said").
    let k = m.tokenStart - 1;
    const q = (t: (typeof tokens)[number]) => ctx.w.bareQuantities.has(t.normal) || ctx.w.respondentParticiples.has(t.normal);
    while (k >= sStart && k > j && !q(tokens[k]!)) k--;
    // Not a quantity that modifies the adverb after it ("Most recently said", "most likely").
    if (k + 1 >= m.tokenStart || !/ly$/.test(tokens[k + 1]!.normal)) src = bareQuantity(ctx, k, sStart);
  }
  const out: Near = { src, srcHead, demonstrative };
  site.memo['near'] = out;
  return out;
}

/** The cue's source: the near subject, else a long apposition up to the comma before the cue, else the phrase after the cue (`inverted`). */
interface Subject {
  src: Range;
  srcHead: Range | null;
  inverted: boolean;
}

function subject(ctx: Ctx, site: CueSite): Subject | null {
  if ('subject' in site.memo) return site.memo['subject'] as Subject | null;
  const { tokens } = ctx;
  const { m, sStart, sEnd, first } = site;
  const { j } = left(ctx, site);
  const near = nearSubject(ctx, site);
  let { src, srcHead } = near;
  if (near.demonstrative) src = null;

  // A long apposition: "Chris Cox, who runs the NRA's lobbying arm, says" — the source runs from the clause start.
  // ("…, but it is under pressure, said the company's chief executive." is inverted: the phrase after "said" ends the sentence.)
  const endsSentence = (r: Range | null) =>
    r !== null && (r.b >= sEnd || /^[.!?]$/.test(tokens[r.b]!.text) || (tokens[r.b]!.text === ',' && npRight(ctx, r.b + 1, sEnd)?.b === sEnd - 1));
  // "…, said Alyssa Goodman, an astronomer at …": a name right after the cue, then a comma or the end, is an inverted source.
  const after = npRight(ctx, m.tokenEnd, sEnd);
  const namedAfter =
    after !== null && tokens.slice(after.a, after.b).some((t) => t.pos === 'PROPN') && (after.b >= sEnd || /^[,.!?]$/.test(tokens[after.b]!.text));
  if (
    !near.demonstrative &&
    !src &&
    tokens[j]?.text === ',' &&
    !isQuoteMark(tokens[j - 1]) &&
    !(first.lemma === 'say' && (endsSentence(after) || namedAfter))
  ) {
    let a = j - 1;
    while (a > sStart && !isQuoteMark(tokens[a - 1]) && tokens[a - 1]!.text !== ';' && j - a < 40) a--;
    // An opening conjunction or adverb is not part of the source ("Yet some voters who …, said"), nor is an
    // opening prepositional phrase ("In a study of voters, Working America, a labor group, found").
    while (a < j && (tokens[a]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[a]!.normal))) a++;
    if (a < j && (tokens[a]!.pos === 'ADP' || tokens[a]!.pos === 'SCONJ')) {
      const c = findComma(ctx, a, j);
      if (c < j) a = c + 1;
    }
    let head = npRight(ctx, a, j);
    // Two names joined by "and" before the aside ("Lindsey Graham and David Perdue, who are both on the committee, said").
    if (head && tokens[head.b]?.normal === 'and') {
      const second = npRight(ctx, head.b + 1, j);
      const named = (r: Range) => tokens.slice(r.a, r.b).some((t) => t.pos === 'PROPN');
      if (second && tokens[second.b]?.text === ',' && named(head) && named(second)) head = { a: head.a, b: second.b };
    }
    const next = head && head.b < j ? tokens[head.b]! : undefined;
    // A participial or prepositional aside ("Clinton, speaking to reporters on Tuesday, said", "Johnson, in
    // an interview with CNN, said") is not part of the source: the medium is not the source. A relative
    // clause ("Chris Cox, who runs the NRA's lobbying arm, says") is, but types the source by its head.
    const aside = tokens[(head?.b ?? 0) + 1];
    if (next?.text === ',' && aside) {
      if ((/ing$/.test(aside.normal) && aside.pos === 'VERB') || aside.pos === 'ADP') src = head;
      else {
        src = { a, b: j };
        if (ctx.w.relativePronouns.has(aside.normal)) srcHead = head;
      }
    }
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
  if (!near.demonstrative && !src && (j < sStart || isPunct(tokens[j])) && first.lemma !== 'tell' && !isIng(site)) {
    const np = npRight(ctx, m.tokenEnd, sEnd);
    // "…, said 20 percent" is a figure, but "…, said one Democrat familiar with the talks." is a source.
    const closed = np !== null && (np.b >= sEnd || isPunct(tokens[np.b]) || ctx.w.invertedSourceFollowers.has(tokens[np.b]!.normal));
    const timeWord = np && (ctx.w.timeWords.has(tokens[np.a]!.normal) || (tokens[np.a]!.pos === 'NUM' && !closed));
    // "…, said he would stay" is a clause with a subject, not an inverted source.
    const clauseSubj = np && np.b - np.a === 1 && tokens[np.a]!.pos === 'PRON' && np.b < sEnd && !isPunct(tokens[np.b]);
    if (np && closed && !timeWord && !clauseSubj && !(np.b - np.a === 1 && tokens[np.a]!.pos === 'DET')) {
      // A name in apposition closing the sentence belongs to a title: "…, said the company's chief executive, John Roe."
      const titled = !tokens.slice(np.a, np.b).some((t) => t.pos === 'PROPN');
      const apposition = titled && tokens[np.b]?.text === ',' ? npRight(ctx, np.b + 1, sEnd) : null;
      src = apposition && (apposition.b >= sEnd || /^[.!?]$/.test(tokens[apposition.b]!.text)) ? { a: np.a, b: apposition.b } : np;
      inverted = true;
    }
  }
  // A relative or interrogative word opening the source ("what Hutchinson said would cost", "which state media
  // claimed") is not part of it. Alone ("Mr. Kamin, who emphasized", "lawmakers who warned") it stands for the noun
  // phrase just before it, which names and types the source; with none there, it names nobody: abstain.
  if (src && !inverted && ctx.w.whSubjects.has(tokens[src.a]!.normal)) {
    const after = tokens[src.a + 1];
    // "who in 2010 said": the words after the wh-word are a time or place phrase, not a noun phrase.
    const lone = src.b - src.a === 1 || (after !== undefined && (after.pos === 'ADP' || after.pos === 'ADV'));
    if (lone) {
      const end = [',', '(', '—', '–', '--'].includes(tokens[src.a - 1]?.text ?? '') ? src.a - 1 : src.a;
      const partitive = tokens[end - 1]?.normal === 'of'; // "two of whom", "many of whom"
      const stop = partitive ? end - 1 : end;
      const word = tokens[stop - 1];
      // A quantifier or pronoun alone ("some who saw", "many of whom say") is the antecedent too.
      const single = word && stop - 1 >= sStart && ['DET', 'PRON', 'NUM', 'ADJ'].includes(word.pos) && word.type === 'word' ? { a: stop - 1, b: stop } : null;
      const antecedent = stop > sStart && tokens[src.a]!.normal !== 'what' ? (npLeft(ctx, stop, sStart) ?? single) : null;
      src = { a: src.a, b: src.a + 1 };
      // "those who said" names the people meant; "this, which" does not.
      const bare =
        antecedent !== null &&
        antecedent.b - antecedent.a === 1 &&
        ctx.w.notSources.has(tokens[antecedent.a]!.normal) &&
        tokens[antecedent.a]!.normal !== 'those';
      if (antecedent && !isTimePhrase(ctx, antecedent) && !bare) {
        srcHead = partitive ? null : antecedent;
        src = { a: antecedent.a, b: src.b };
      } else src = null;
    } else {
      src = { a: src.a + 1, b: src.b };
      if (srcHead && srcHead.a < src.a) srcHead = srcHead.b > src.a ? { a: src.a, b: srcHead.b } : null;
    }
  }
  // The medium is not the source ("…, said the party's spokesman in a Friday tweet", "In a radio interview Smith said").
  if (src) {
    const cut = withoutMedium(ctx, src, inverted);
    if (cut !== src) {
      src = cut;
      if (srcHead) srcHead = srcHead.a >= src.a && srcHead.b <= src.b ? srcHead : null;
    }
  }
  // An auxiliary is not a source ("Be warned: …", an imperative).
  if (src && !inverted && src.b - src.a === 1 && tokens[src.a]!.pos === 'AUX') src = null;
  // A trailing adverb set off by a comma is not part of the source ("Hutchinson, though, did call").
  if (src && !inverted && src.b - src.a >= 3 && tokens[src.b - 2]?.text === ',' && ctx.w.asideAdverbs.has(tokens[src.b - 1]!.normal))
    src = { a: src.a, b: src.b - 2 };
  if (
    src &&
    !inverted &&
    src.b - src.a >= 3 &&
    tokens[src.b - 1]?.text === ',' &&
    ctx.w.asideAdverbs.has(tokens[src.b - 2]!.normal) &&
    tokens[src.b - 3]?.text === ','
  )
    src = { a: src.a, b: src.b - 3 };
  // A free relative inside the phrase: its subject is the source ("less than half of what researchers say they need").
  if (src && !inverted) {
    let k = src.b - 2;
    while (k > src.a && tokens[k]!.normal !== 'what') k--;
    if (k > src.a && tokens[k]!.normal === 'what') {
      src = { a: k + 1, b: src.b };
      if (srcHead) srcHead = srcHead.a >= src.a ? srcHead : null;
    }
  }
  // An adjective phrase set off by a comma before the cue describes the source, is no part of it ("Biden, aware of
  // this, told voters …" → "Biden").
  if (src && !inverted && src.b - src.a >= 3) {
    const comma = tokens.slice(src.a + 1, src.b).findIndex((t) => t.text === ',');
    const c = comma < 0 ? -1 : src.a + 1 + comma;
    if (c > 0 && tokens[c + 1]?.pos === 'ADJ' && !tokens.slice(c + 1, src.b).some((t) => t.text === ',' || t.pos === 'PROPN')) {
      src = { a: src.a, b: c };
      if (srcHead) srcHead = srcHead.b <= src.b ? srcHead : null;
    }
  }
  const out = src ? { src, srcHead, inverted } : null;
  site.memo['subject'] = out;
  return out;
}

/**
 * A source phrase without the phrase of its medium or occasion: "RNC spokesman Sean Spicer in a Friday
 * tweet" → "RNC spokesman Sean Spicer"; an opening one without a comma, "a Bloomberg interview Trump" →
 * "Trump". Returns `r` itself when it names no medium.
 */
function withoutMedium(ctx: Ctx, r: Range, inverted: boolean): Range {
  const { tokens } = ctx;
  const isMedium = (k: number) => ctx.w.mediumNouns.has(tokens[k]!.lemma) || ctx.w.mediumNouns.has(tokens[k]!.normal);
  const named = (a: number, b: number) => tokens.slice(a, b).some((t) => ['NOUN', 'PROPN', 'PRON'].includes(t.pos));
  for (let k = r.a + 1; k < r.b - 1; k++) {
    // A phrase inside a clause of the source is that clause's ("voters who listened to him, on television or at rallies").
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',' || ctx.w.relativePronouns.has(t.normal)) break;
    if (!ctx.w.mediumPrepositions.has(t.normal) || !named(r.a, k)) continue;
    for (let x = k + 1; x < r.b; x++) if (isMedium(x)) return { a: r.a, b: k };
  }
  const first = tokens[r.a]!;
  if (!inverted && (first.pos === 'DET' || first.pos === 'ADP')) {
    for (let x = r.a + 1; x < r.b - 1; x++) {
      const t = tokens[x]!;
      if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP'].includes(t.pos) || t.text === ',') break;
      if (isMedium(x) && tokens[x + 1]!.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[x + 1]!.text)) return { a: x + 1, b: r.b };
    }
  }
  return r;
}

/** Left and right edges of source and cue together (the quotation or clause reported lies outside them). */
function edges(ctx: Ctx, site: CueSite, s: Subject): { leftEdge: number; rightEdge: number } {
  const { tokens } = ctx;
  const srcStart = tokens[s.src.a]!.start;
  return { leftEdge: Math.min(srcStart, site.m.start), rightEdge: s.inverted ? tokens[s.src.b - 1]!.end : site.m.end };
}

const who = (ctx: Ctx, site: CueSite, s: Subject): Resolved => describeSource(ctx, s.srcHead ?? s.src, site.names, site.previous);

// ---------------------------------------------------------------------------------------------
// Sources found away from the cue: the clause's subject, the main clause's subject.

/**
 * The subject of the clause that holds a cue with no subject of its own: the first noun phrase of
 * the sentence after an opening adverbial ("On Sunday, Pastor Brown … and, citing …, urged").
 */
function clauseSubject(ctx: Ctx, cueAt: number, sStart: number): Range | null {
  const { tokens } = ctx;
  let i = sStart;
  // Dateline: "WASHINGTON —", "CLEVELAND -", "Washington (AFP) –", "ORLANDO, Fla. (Reuters) -".
  for (let k = sStart; k < Math.min(cueAt, sStart + 12); k++) {
    const before = tokens.slice(sStart, k);
    const agency = before.some((t) => t.text === '(');
    if (
      /^[—–-]+$/.test(tokens[k]!.text) &&
      before.every((t) => t.type !== 'word' || t.text === t.text.toUpperCase() || (agency && /^\p{Lu}|^\d/u.test(t.text)))
    ) {
      i = k + 1;
      break;
    }
  }
  // An opening conjunction or adverb: "But the senator …", "Then he began dismissing …".
  while (i < cueAt && (tokens[i]!.pos === 'CCONJ' || ctx.w.openingAdverbs.has(tokens[i]!.normal))) i++;
  if (i > sStart && i < cueAt && tokens[i]!.text === ',') i++; // "There, the chairman …"
  // Opening adverbial up to a comma: "On Sunday,", "Hours later,", "In an interview,", "Speaking on Monday,".
  const t = tokens[i];
  const c0 = findComma(ctx, i, Math.min(cueAt, i + 6));
  const opening = tokens.slice(i, c0);
  const shortOpening =
    c0 < Math.min(cueAt, i + 6) &&
    !opening.some((x) => x.pos === 'VERB' || x.pos === 'AUX') &&
    opening.some((x) => x.pos === 'ADV' || x.pos === 'ADP' || x.pos === 'NUM' || ctx.w.timeWords.has(x.normal));
  if (shortOpening) i = c0 + 1;
  else if (
    t &&
    (t.pos === 'ADP' ||
      t.pos === 'SCONJ' ||
      t.pos === 'ADV' ||
      t.pos === 'NUM' ||
      ctx.w.timeWords.has(t.normal) ||
      (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal)) ||
      (t.pos === 'NOUN' && ctx.w.timeWords.has(tokens[i + 1]?.normal ?? '')))
  ) {
    const c = findComma(ctx, i, cueAt);
    if (c < cueAt) i = c + 1;
    // The cue is inside the opening clause: its subject follows the conjunction ("When Trump launched … by talking").
    else if (ctx.w.subordinators.has(t.normal) || t.pos === 'SCONJ') i++;
  }
  let np = npRight(ctx, i, cueAt);
  // An opening time phrase without a comma: "A few minutes later they reversed themselves … and said".
  if (np && np.b < cueAt && ctx.w.timeNouns.has(tokens[np.b - 1]!.lemma) && ctx.w.timeAfterNouns.has(tokens[np.b]!.normal)) np = npRight(ctx, np.b + 1, cueAt);
  if (!np || np.b > cueAt || ctx.w.timeWords.has(tokens[np.a]!.normal) || tokens[np.a]!.pos === 'NUM') return null;
  if (np.b - np.a === 1 && ctx.w.notSources.has(tokens[np.a]!.normal)) return null;
  return np;
}

/**
 * An attribution for a cue without its own subject: the source of the sentence's previous
 * attribution, else the clause's subject (see `clauseSubject`); null when there is none.
 */
function fromClauseSubject(ctx: Ctx, site: CueSite, pattern: string): AttributionDraft | null {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous, first, sentence } = site;
  const { tokens, text } = ctx;
  const objectEnd = m.end + skipObject(ctx, m, m.end, sEnd);
  const q = tokens[sEnd - 1]!.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, objectEnd, sentence.end + 3);
  let content = q ? span(text, q.start, q.end) : reportEnd(ctx, clause(ctx, afterThat(ctx, tokenAt(tokens, objectEnd), sEnd), sentenceEnd));
  // Up to a coordinated cue of the same subject: "…, saying she's experienced “on paper” but suggesting …".
  const stop = q ? null : coordinatedCue(ctx, m, sEnd);
  if (content && stop !== null && stop > content.start) content = clause(ctx, content.start, stop);
  const prev = previous[previous.length - 1];
  if (prev && prev.source && prev.cue.start < m.start && tokens[tokenAt(tokens, prev.cue.start)]?.sentence === first.sentence) {
    const a = tokenAt(tokens, prev.source.start);
    const b = tokenAt(tokens, prev.source.end);
    const known: Resolved = {
      type: prev.sourceType,
      ...(prev.sourceName ? { name: prev.sourceName } : {}),
      ...(prev.source.resolved ? { resolved: prev.source.resolved } : {}),
    };
    return draft(ctx, pattern, cue, m.entry, { a, b }, known, content, q !== undefined);
  }
  const subj = clauseSubject(ctx, m.tokenStart, sStart);
  if (!subj) return null;
  return draft(ctx, pattern, cue, m.entry, subj, describeSource(ctx, subj, names, previous), content, q !== undefined);
}

// ---------------------------------------------------------------------------------------------
// The patterns, in the order they are tried.

/**
 * Headline attribution `X: …` ("Mayor Ruiz: Bridge Reopens Monday", "Poll: Senator Leads"): the
 * sentence opens with a short name phrase (a proper noun, a sources-lexicon word or capitalised
 * words, no verb) and a colon, and at least three tokens follow. Section labels ("UPDATE:",
 * "Editor's note:") are not sources.
 */
function colonHeadline(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { m, cue, sStart, sEnd, sentenceEnd, names, previous, first } = site;
  if (first.text !== ':') return undefined;
  const { tokens, text } = ctx;
  const k = m.tokenStart;
  if (k - sStart < 1 || k - sStart > 6 || sEnd - m.tokenEnd < 3) return [];
  const np = npRight(ctx, sStart, k);
  if (!np || np.b !== k) return [];
  const words = tokens.slice(sStart, k);
  // A name: a proper noun, a sources-lexicon word, or capitalised words only ("Lynch:", "TAPPER:" in a transcript).
  const capitalised = words.every((t) => t.type !== 'word' || /^\p{Lu}/u.test(t.text) || ctx.w.npJoiners.has(t.normal));
  if (!words.some((t) => ctx.covered[t.index] === 1 || t.pos === 'PROPN') && !capitalised) return [];
  // Column and section labels ("The Latest:", "Editor's note:", "Question:") are not sources.
  if (words.some((t) => ctx.w.headingLabels.has(t.normal)) || (words[0]!.pos === 'DET' && !ctx.covered[sStart + 1])) return [];
  const q = quoteAfter(ctx, m.end, m.end + 3);
  const whole = q && q.end >= sentenceEnd - 1;
  const content = whole ? span(text, q.start, q.end) : clause(ctx, tokens[m.tokenEnd]!.start, sentenceEnd);
  return [draft(ctx, 'colon-headline', cue, m.entry, np, describeSource(ctx, np, names, previous), content, whole === true)];
}

/**
 * A question asks; it reports no one ("Where do relations go after the vote?", "Did Trump say the
 * vote was rigged?"): a sentence that ends with a question mark and opens with a wh-word or an
 * auxiliary gives no attribution.
 */
function question(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { sStart, sEnd } = site;
  let last = sEnd - 1;
  while (last > sStart && isQuoteMark(tokens[last])) last--;
  if (tokens[last]?.text !== '?') return undefined;
  const opener = tokens[sStart]!;
  return ctx.w.clauseOpeners.has(opener.normal) || opener.pos === 'AUX' || ctx.w.questionAuxiliaries.has(opener.normal) ? [] : undefined;
}

/** A nominal cue ("his claim that …"), unless it is an -ing form the tagger misread after a comma or auxiliary ("…, warning that", "has been warning"). */
function nominal(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, first } = site;
  const ingVerb = /ing$/.test(first.normal) && (isPunct(tokens[m.tokenStart - 1]) || ['AUX', 'CCONJ'].includes(tokens[m.tokenStart - 1]?.pos ?? ''));
  return m.entry.pos?.includes('NOUN') === true && !ingVerb ? nominalCue(ctx, site) : undefined;
}

/**
 * A negated or refused cue reports nothing said ("did not respond to a request for comment", "has
 * never said whether", "declined to comment", "refused to say"): an attribution of the refusal to
 * its subject, with no content (the cue a refusal governs, "comment" in "declined to comment",
 * gives none of its own); none without a subject.
 */
function negated(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, first } = site;
  const { j0 } = left(ctx, site);
  if (tokens[j0]?.normal === 'to' && ctx.w.refusalVerbs.has(tokens[j0 - 1]?.lemma ?? '')) return [];
  const negatedBefore = tokens.slice(Math.max(j0, site.sStart), m.tokenStart).some((t) => ctx.w.negators.has(t.normal));
  // A negative subject: "no group claimed responsibility", "nobody said".
  const s0 = negatedBefore || ctx.w.refusalVerbs.has(first.lemma) ? null : subject(ctx, site);
  const negativeSubject = s0 !== null && !s0.inverted && ctx.w.negativeSubjects.has(tokens[s0.src.a]!.normal);
  if (!ctx.w.refusalVerbs.has(first.lemma) && !negatedBefore && !negativeSubject) return undefined;
  const s = subject(ctx, site);
  if (ctx.w.refusalVerbs.has(first.lemma))
    return s && !s.inverted && refusesSpeech(ctx, site) ? [draft(ctx, 'negated', site.cue, m.entry, s.src, who(ctx, site, s), null, false)] : [];
  // Only a refusal to speak is shown as an attribution (of the refusal, with no content). A negated cue
  // otherwise reports nothing anyone said: a negated stance or perception ("they don't appear to work",
  // "she didn't realize", "anything it doesn't already know"), a negative subject ("no group claimed
  // responsibility"), a negated passive ("the charges had not been announced"), the writer's own ("I didn't
  // expect") — judged wrong by careful reading. A negated speech verb with a subject stays an attribution
  // of the refusal ("the ministry did not respond", "he has not said whether").
  if (!s || s.inverted || negativeSubject || m.entry.speech === false) return [];
  if (
    s.src.b - s.src.a === 1 &&
    (ctx.w.authorPronouns.has(tokens[s.src.a]!.normal) || ctx.w.readerPronouns.has(tokens[s.src.a]!.normal) || tokens[s.src.a]!.normal === 'it')
  )
    return [];
  const { j } = left(ctx, site);
  if (tokens.slice(Math.max(site.sStart, j + 1), m.tokenStart).some((t) => t.pos === 'AUX' && t.lemma === 'be') && /(ed|en|wn)$/.test(first.normal)) return [];
  return [draft(ctx, 'negated', site.cue, m.entry, s.src, who(ctx, site, s), null, false)];
}

/**
 * A refusal reports something only when it is a refusal to speak or disclose: "declined to comment",
 * "refused to say whether", "declined to be interviewed", "declined to publicly detail", or a refusal
 * with nothing after it ("the campaign declined."). "Declined to step into the fray", "refused to join
 * the talks" are acts, and "shares declined to $281 million" is no refusal at all.
 */
function refusesSpeech(ctx: Ctx, site: CueSite): boolean {
  const { tokens } = ctx;
  const { m, sEnd } = site;
  let k = m.tokenEnd;
  if (tokens[k - 1]?.normal !== 'to') {
    if (k >= sEnd || tokens[k]?.pos === 'PUNCT') return true;
    if (tokens[k]?.normal !== 'to') return true;
    k++;
  }
  while (k < sEnd && (tokens[k]!.pos === 'ADV' || tokens[k]!.lemma === 'be')) k++;
  const verb = tokens[k];
  if (!verb || k >= sEnd) return false;
  return ctx.w.refusedSpeechVerbs.has(verb.lemma) || ctx.cues.some((c) => c.tokenStart === k);
}

/**
 * "X says something about Y", "said little to nothing about", "speaks volumes about": what X reveals or
 * leaves out, not a report of anything claimed — no attribution.
 */
function amountAbout(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, first, sEnd } = site;
  if (!ctx.w.amountVerbs.has(first.lemma) || m.tokenEnd - m.tokenStart !== 1) return undefined;
  let k = m.tokenEnd;
  // "tells us little about"
  if (first.lemma === 'tell' && tokens[k]?.pos === 'PRON') k++;
  const a = k;
  while (k < sEnd && k - a < 5 && ctx.w.amountWords.has(tokens[k]!.normal)) k++;
  return k > a && tokens[k]?.normal === 'about' && !['a', 'to'].includes(tokens[k - 1]!.normal) ? [] : undefined;
}

/** Agentless adverb: "reportedly", "allegedly"; the content is the sentence. */
function reportedly(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { m, first, sentence, sentenceEnd } = site;
  if (first.pos !== 'ADV' || m.tokenEnd - m.tokenStart !== 1) return undefined;
  return [draft(ctx, 'reportedly', site.cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
}

/**
 * Token index where what "according to X" reports may start after X: past what is said of the
 * source itself, each up to a comma — an apposition ("X, a professor at Y, …"), a relative clause
 * ("an official who was not authorized to speak"), a participle ("exit polls conducted by Y, …",
 * "…, taking a step toward …") or a prepositional phrase ("officials with knowledge of …").
 * `sEnd` when nothing but such modifiers follows: the report is then what precedes the cue.
 */
function pastSourceModifiers(ctx: Ctx, k: number, sEnd: number): number {
  const { tokens } = ctx;
  for (let guard = 0; guard < 4 && k < sEnd; guard++) {
    const comma = tokens[k]!.text === ',';
    const t = tokens[comma ? k + 1 : k];
    if (!t) return sEnd;
    const modifier =
      ctx.w.relativePronouns.has(t.normal) ||
      (t.pos === 'VERB' && /(?:ing|ed)$/.test(t.normal)) ||
      t.pos === 'ADP' ||
      (comma ? ctx.w.articles.has(t.normal) && t.normal !== 'the' : t.pos === 'PRON');
    if (!modifier) return comma ? k + 1 : k;
    const next = findComma(ctx, k + 1, sEnd);
    if (next >= sEnd) return sEnd;
    k = next;
  }
  return k;
}

/**
 * Where what "…, according to X" reports starts in the words before it: after a fronted adverbial
 * clause ("Despite a month of attacks, …", "But while women give more, …": the writer's framing)
 * and after the last relative clause the cue follows ("…, Katrina Pierson, who has been outspoken …,
 * according to Politico": X vouches for the nearest clause). The sentence start otherwise.
 */
function reportStartBefore(ctx: Ctx, site: CueSite): number {
  const { tokens } = ctx;
  const { m, sStart, sentence } = site;
  let start = sentence.start;
  let k = sStart;
  if (tokens[k]?.pos === 'CCONJ') k++;
  const opener = tokens[k];
  if (
    opener &&
    (ctx.w.subordinators.has(opener.normal) || opener.pos === 'SCONJ' || ctx.w.reportClosers.has(opener.normal)) &&
    !ctx.w.relativePronouns.has(opener.normal)
  ) {
    const comma = findComma(ctx, k + 1, m.tokenStart);
    if (comma < m.tokenStart - 1) start = tokens[comma + 1]!.start;
  }
  for (let j = m.tokenStart - 2; j > sStart && tokens[j]!.start > start; j--) {
    if (tokens[j]!.text !== ',' || !ctx.w.asideRelatives.has(tokens[j + 1]!.normal) || insideQuote(ctx, tokens[j]!.start, tokens[j]!.end)) continue;
    // An aside closed before its clause's verb ("the company, which is based in St. Louis, took steps") is not it.
    const close = findComma(ctx, j + 2, m.tokenStart - 1);
    const verb = tokens[close + 1];
    if (close < m.tokenStart - 1 && verb && (verb.pos === 'VERB' || verb.pos === 'AUX') && !/ing$/.test(verb.normal)) continue;
    return tokens[j + 1]!.start;
  }
  return start;
}

/** The source after a preposition cue and the content: the rest of the sentence after the source, else what precedes the cue. */
function sourceAfter(ctx: Ctx, site: CueSite, pattern: string, np: Range | null, according: boolean): AttributionDraft[] {
  const { tokens, text } = ctx;
  const { m, sEnd, sentenceEnd, sentence, names, previous } = site;
  if (!np) return [];
  const src = skipIntermediate(ctx, np, sEnd);
  const found = describeSource(ctx, src, names, previous);
  const after = tokens[according ? pastSourceModifiers(ctx, src.b, sEnd) : findComma(ctx, src.b, sEnd) + 1];
  const restStart = after && after.index < sEnd ? after.start : sentenceEnd;
  // What follows the source is the content when it is a clause, not a word or two ("…, according to MSNBC, basically.").
  const rest = text.slice(restStart, sentenceEnd);
  const before = text.slice(sentence.start, m.start);
  const restWords = (rest.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  // "…, according to X, a professor at Y.": words after the source without a verb are its apposition, not the content.
  let verb = false;
  for (let k = tokenAt(tokens, restStart); k < sEnd && tokens[k]!.start < sentenceEnd; k++)
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') verb = true;
  const apposition = according && !verb && /[\p{L}\p{N}]/u.test(before);
  const useRest = restStart < sentenceEnd && restWords > 0 && !apposition && (restWords >= 3 || !/[\p{L}\p{N}]/u.test(before));
  const content = useRest
    ? reportEnd(ctx, clause(ctx, restStart, sentenceEnd))
    : clause(ctx, according ? reportStartBefore(ctx, site) : sentence.start, m.start);
  return [draft(ctx, pattern, site.cue, m.entry, src, found, content, false)];
}

/** "according to X" (also "according to data from X", "a report by X"): the source follows; the content is the rest of the sentence. */
function accordingTo(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { m, sEnd } = site;
  const isAccording = m.entry.phrases.some((p) => /^according to$/i.test(p)) && ctx.tokens[m.tokenEnd - 1]!.normal === 'to';
  if (!isAccording) return undefined;
  return sourceAfter(ctx, site, 'according-to', accordingSource(ctx, m.tokenEnd, sEnd), true);
}

/** "In a CNN poll released Monday, …": the document a sentence-opening preposition introduces (see `documentAfter`). */
function inDocument(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { m, sStart, sEnd } = site;
  if (!isPrepositionCue(ctx.tokens, m)) return undefined;
  return sourceAfter(ctx, site, 'in-document', documentAfter(ctx, m, { tokenStart: sStart, tokenEnd: sEnd }), false);
}

/** Passive or nominal: "announced by X", "the remarks were made by X", "has been voiced by X". */
function passiveBy(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, sStart, sEnd, first, sentence, names, previous } = site;
  let k = m.tokenEnd;
  // Adverbs and a time phrase may come between the cue and "by": "was endorsed the day before by X".
  while (
    k < sEnd &&
    (tokens[k]!.pos === 'ADV' ||
      ctx.w.timeWords.has(tokens[k]!.normal) ||
      ctx.w.timeNouns.has(tokens[k]!.lemma) ||
      (tokens[k]!.pos === 'DET' && ctx.w.timeNouns.has(tokens[k + 1]?.lemma ?? '')))
  )
    k++;
  // After a subject ("Mr. Trump said by telephone") the cue is active and "by" names a means.
  let s0 = m.tokenStart - 1;
  while (s0 >= sStart && tokens[s0]!.pos === 'ADV') s0--;
  const active =
    (first.lemma === 'say' || first.lemma === 'tell') &&
    s0 >= sStart &&
    (tokens[s0]!.pos === 'PROPN' || (tokens[s0]!.pos === 'PRON' && !ctx.w.notSources.has(tokens[s0]!.normal)));
  if (tokens[k]?.normal !== 'by' || active) return undefined;
  // A stance or offer "by X" ("assistance offered by X") is an action, not a statement.
  if (m.entry.speech === false) return [];
  const np = npRight(ctx, k + 1, sEnd);
  const found = np ? describeSource(ctx, np, names, previous) : null;
  // Only a recognisable source makes "… by X" an attribution ("an area threatened by armed groups" is not).
  if (!np || !found || (found.type === 'unknown' && found.name === undefined)) return [];
  let subjEnd = m.start;
  let j = m.tokenStart - 1;
  while (j >= sStart && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.text === ',')) subjEnd = tokens[j--]!.start;
  return [draft(ctx, 'passive-by', site.cue, m.entry, np, found, clause(ctx, sentence.start, subjEnd), false)];
}

/**
 * "as promised", "as expected", "as noted above": a participle cue right after "as" with no agent is
 * the writer's comparison, not a report (an agent with "by" is `passive-by`'s): no attribution.
 */
function asParticiple(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, first } = site;
  return tokens[m.tokenStart - 1]?.normal === 'as' && /(ed|en|wn)$/.test(first.normal) && tokens[m.tokenEnd]?.normal !== 'by' ? [] : undefined;
}

/** "“…”, TASS cited Lavrov as saying": the speaker between the channel's cue and "as" says the words the channel's cue took. */
function citedAsSaying(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, sStart, sentenceEnd, first, names, previous } = site;
  const { j0 } = left(ctx, site);
  if (tokens[j0]?.normal !== 'as' || j0 <= sStart) return undefined;
  const np = npLeft(ctx, j0, sStart);
  if (!np) return undefined;
  const found = describeSource(ctx, np, names, previous);
  const channel = previous[previous.length - 1];
  // The quotation before the channel's source and cue ("“…”, TASS cited Lavrov as saying") is the speaker's; an inline
  // report ("The Post quoted an official as saying that …") keeps the channel's relation and reports the clause after "saying".
  const same =
    channel &&
    channel.cue.end <= tokens[np.a]!.start &&
    channel.content !== null &&
    channel.content.end <= channel.cue.start &&
    tokens[tokenAt(tokens, channel.cue.start)]?.sentence === first.sentence;
  const content = same ? channel.content : clause(ctx, afterThat(ctx, m.tokenEnd, site.sEnd), sentenceEnd);
  return [draft(ctx, 'cited-as-saying', site.cue, m.entry, np, found, content, same ? channel.direct : false)];
}

/**
 * A naming participle after a noun that is the object of a verb or a preposition names that noun
 * (a reduced relative clause): "used a program called BleachBit", "joined a movement called the
 * People's Party". The noun did not say anything: no attribution.
 */
function reducedRelative(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, first, sStart } = site;
  if (first.pos !== 'VERB' || !/(ed|en)$/.test(first.normal) || !ctx.w.namingVerbs.has(first.lemma)) return undefined;
  const before = tokens[m.tokenStart - 1];
  if (!before || !['NOUN', 'PROPN'].includes(before.pos)) return undefined;
  const np = npLeft(ctx, m.tokenStart, sStart);
  const governor = np && np.a > sStart ? tokens[np.a - 1] : undefined;
  return np && !isTimePhrase(ctx, np) && governor && (governor.pos === 'ADP' || governor.pos === 'VERB') && !ctx.covered[governor.index] ? [] : undefined;
}

/**
 * Agentless passive: "is said to", "it is reported that", "she was asked whether", "he is accused
 * of"; with a modal ("it should be noted") it is the writer's voice.
 */
function agentlessPassive(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, sStart, sEnd, sentence, sentenceEnd } = site;
  const { j, raised } = left(ctx, site);
  // A form of "be" before a participle cue is a passive ("is said to"); before an -ing form it is progressive ("is saying").
  const between = tokens.slice(Math.max(sStart, j + 1), m.tokenStart);
  if (raised || isIng(site) || !between.some((t) => t.pos === 'AUX' && t.lemma === 'be')) return undefined;
  if (between.some((t) => t.pos === 'AUX' && t.lemma !== 'be' && t.lemma !== 'have')) return [];
  const next = tokens[m.tokenEnd]?.normal ?? '';
  // "is seen as", "is viewed as": an evaluation in the writer's voice whose holder is hidden
  // (the unsourced analysis flags it as an agentless passive), not an attribution.
  // A stance in the passive is attributed only with "to"/"that" ("is believed to"); "it remains to
  // be seen how …" is not.
  if (m.entry.speech === false && !ctx.w.passiveComplements.has(next)) return [];
  if (ctx.w.passiveComplements.has(next))
    return [draft(ctx, 'agentless-passive', site.cue, m.entry, null, null, clause(ctx, sentence.start, sentenceEnd), false)];
  if (ctx.w.agentlessOpeners.has(next) || isPunct(tokens[m.tokenEnd]) || m.tokenEnd >= sEnd) {
    return [
      draft(
        ctx,
        'agentless-passive',
        site.cue,
        m.entry,
        null,
        null,
        clause(ctx, tokens[m.tokenEnd]?.start ?? sentenceEnd, sentenceEnd) ?? clause(ctx, sentence.start, sentenceEnd),
        false,
      ),
    ];
  }
  return [];
}

/** "Asked about …, the senator said", "when asked whether …": an agentless question. */
function asked(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, sStart, sEnd, sentenceEnd, first } = site;
  const { j } = left(ctx, site);
  if (!(
    first.lemma === 'ask' &&
    first.normal === 'asked' &&
    (j < sStart || ctx.w.subordinators.has(tokens[j]!.normal)) &&
    ctx.w.agentlessOpeners.has(tokens[m.tokenEnd]?.normal ?? '')
  ))
    return undefined;
  const stop = findComma(ctx, m.tokenEnd, sEnd);
  return [draft(ctx, 'asked', site.cue, m.entry, null, null, clause(ctx, tokens[m.tokenEnd]!.start, stop < sEnd ? tokens[stop]!.start : sentenceEnd), false)];
}

/**
 * A cue in a fronted adverbial clause ("After saying he was nervous, the man ended up …", "Despite
 * challenging X, Cruz said …"): the source is the subject of the main clause after the
 * adverbial's comma, when a verb follows it.
 */
function frontedClause(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { m, cue, sStart, sEnd, first, names, previous } = site;
  const { j } = left(ctx, site);
  const lead = tokens[j];
  const participle = isIng(site) || /ed$/.test(first.normal) || first.normal === 'told';
  if (!(participle && lead !== undefined && ctx.w.subordinators.has(lead.normal) && (j === sStart || tokens[j - 1]!.pos === 'CCONJ'))) return undefined;
  // The first comma not followed by a relative clause ("After thanking the crowd, which chanted his name, he …").
  let comma = findComma(ctx, m.tokenEnd, sEnd);
  while (comma < sEnd - 1 && ctx.w.asideRelatives.has(tokens[comma + 1]!.normal)) comma = findComma(ctx, comma + 1, sEnd);
  if (comma >= sEnd - 1) return undefined;
  const np = npRight(ctx, comma + 1, sEnd);
  if (!np || np.b >= sEnd) return undefined;
  const after = tokens[np.b]!;
  if (after.pos !== 'VERB' && after.pos !== 'AUX' && after.pos !== 'ADV') return undefined;
  const content = clause(ctx, afterThat(ctx, m.tokenEnd + (tokens[m.tokenEnd]?.lemma === 'about' ? 1 : 0), sEnd), tokens[comma]!.start);
  return [draft(ctx, 'fronted-clause', cue, m.entry, np, describeSource(ctx, np, names, previous), content, false)];
}

/**
 * No subject of its own: "X admitted …, but said …", "… before adding that …", "X went on to say
 * …", "by pointing out that …": the source is the subject of the clause (or of the sentence's
 * previous attribution).
 */
function sharedSubject(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { sStart } = site;
  const { j } = left(ctx, site);
  const lead = tokens[j];
  const ing = isIng(site);
  const subjectless =
    lead !== undefined &&
    j >= sStart &&
    (lead.pos === 'CCONJ' || (ing && ctx.w.subordinators.has(lead.normal)) || (lead.pos === 'VERB' && ing && !ctx.covered[j]));
  if (!subjectless) return undefined;
  const made = fromClauseSubject(ctx, site, 'shared-subject');
  return made ? [made] : undefined;
}

/** A participle after an object is the subject's: "she released a statement saying …", "he was heard on a microphone telling …". */
function participleAfterObject(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { sStart } = site;
  const { j } = left(ctx, site);
  if (!isIng(site) || j < sStart || isPunct(tokens[j])) return undefined;
  const np = npLeft(ctx, j + 1, sStart);
  if (!np || (np.b - np.a === 1 && ctx.w.notSources.has(tokens[np.a]!.normal))) return undefined;
  const before = tokens[np.a - 1];
  if (!(np.a > sStart && before && (before.pos === 'VERB' || (before.pos === 'ADP' && before.normal !== 'with')) && !ctx.covered[np.a - 1])) return undefined;
  const made = fromClauseSubject(ctx, site, 'participle-after-object');
  return made ? [made] : undefined;
}

/**
 * A participle continuing the sentence's subject: "Lavrov said, adding that …", "…, telling
 * Reuters that …"; also after a dash or a quotation closed after its comma ("… “New York
 * values,” saying …").
 */
function participleContinues(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const { j } = left(ctx, site);
  const commaLike = tokens[j]?.text === ',' || /^[—–]$/.test(tokens[j]?.text ?? '') || (isQuoteMark(tokens[j]) && tokens[j - 1]?.text === ',');
  if (!isIng(site) || !commaLike || nearSubject(ctx, site).src) return undefined;
  const made = fromClauseSubject(ctx, site, 'participle-continues');
  return made ? [made] : [];
}

/**
 * The writer's own voice: a cue whose subject is "I", "we" or "you" outside a quotation ("In a recent
 * article I stated …: “…”", "We asked the campaigns …", "Do you support …?") is the outlet speaking
 * (quoting its own earlier article, addressing the reader), not a source: no attribution.
 */
function authorVoice(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const { tokens } = ctx;
  const s = subject(ctx, site);
  // "let's say" (let us say) is the writer too.
  const letUs = s !== null && !s.inverted && s.src.b - s.src.a === 1 && /^['’]s$/.test(tokens[s.src.a]!.text) && tokens[s.src.a - 1]?.normal === 'let';
  return letUs ||
    (s && !s.inverted && s.src.b - s.src.a === 1 && (ctx.w.authorPronouns.has(tokens[s.src.a]!.normal) || ctx.w.readerPronouns.has(tokens[s.src.a]!.normal)))
    ? []
    : undefined;
}

/** True when a quotation (marks included) reads as a title: at most eight words, no punctuation, every word of four or more letters capitalised. */
function isTitle(quoted: string): boolean {
  const inner = quoted.replace(/^['"“‘]+|['"”’]+$/gu, '');
  const ws = inner.split(/\s+/).filter(Boolean);
  return ws.length > 0 && ws.length <= 8 && !/[,.;:!?—–]/u.test(inner) && ws.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w));
}

/** A direct quotation that opens the sentence before the source and cue: "“We will stay,” he said.", "“…”, reassured Mr. Lavrov." */
function quoteThenSaid(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const s = subject(ctx, site);
  if (!s) return undefined;
  const { text } = ctx;
  const { sentence } = site;
  const { leftEdge, rightEdge } = edges(ctx, site, s);
  const before = quoteBefore(ctx, leftEdge, 0);
  // The quotation opens the sentence (or began before it); one inside a phrase is a title ("on CNN’s “New Day,” Sen. X told").
  const opensSentence = before !== undefined && (before.start <= sentence.start || !/\p{L}/u.test(text.slice(sentence.start, before.start)));
  if (!before || !opensSentence || !governs(ctx, site, before, leftEdge, rightEdge, s.inverted)) return undefined;
  // A quoted title right before the source's words is part of the source phrase ("“Daily Show” host Trevor Noah
  // said …", "“Orange Is the New Black” star X opened up …"): a few words in title case, without the comma or stop
  // that closes quoted speech.
  if (!s.inverted && isTitle(text.slice(before.start, before.end)) && !/\S/.test(text.slice(before.end, ctx.tokens[s.src.a]!.start))) return undefined;
  // A quotation split by its source and cue goes on after them: "“Hopefully,” the president said, “this museum can
  // help us …”" — the content is the whole quotation, the interrupting source and cue included.
  let end = before.end;
  if (/,\s*['"”’]+$/.test(text.slice(before.start, before.end))) {
    const rest = /^\s*,\s*/.exec(text.slice(rightEdge));
    const next = rest ? quoteAfter(ctx, rightEdge + rest[0].length, rightEdge + rest[0].length) : undefined;
    if (next && rest && next.start === rightEdge + rest[0].length) end = next.end;
  }
  return [draft(ctx, 'quote-then-said', site.cue, site.m.entry, s.src, who(ctx, site, s), span(text, before.start, end), true)];
}

/**
 * True when the cue governs the quotation just before its source: the quotation ends in the cue's
 * paragraph and, when it is a sentence of its own ("“We will win!” Trump said."), the cue's clause
 * is only source and cue (with time, place or medium words): "Trump did not respond to a request for
 * comment." after a quoted paragraph does not take it, nor does "Trump continued his push on
 * Twitter, …", nor an inverted cue that opens a sentence ("Read the rest at X.").
 */
function governs(ctx: Ctx, site: CueSite, q: { start: number; end: number }, leftEdge: number, rightEdge: number, inverted: boolean): boolean {
  const { tokens } = ctx;
  const { sentences } = ctx.article;
  const { sentence, sEnd } = site;
  const holder = sentences[lowerBound(sentences.length, (x) => sentences[x]!.start >= q.end) - 1];
  if (!holder || holder.paragraph !== sentence.paragraph) return false;
  // A quotation that goes on into the cue's sentence is governed; one that only ends there, closed by a full stop
  // (its closing mark split off by the sentence breaker: "….'' ' She called …", "“unhinged.” Sen. X called …"),
  // is a sentence of its own. ("…,'' ' Mr. Biden said, …" and "…?'' ' he asked." are still governed.)
  const ownSentence = !/\p{L}/u.test(ctx.text.slice(sentence.start, q.end)) && /\.\s*['"”’]+\s*$/u.test(ctx.text.slice(q.start, q.end));
  if (q.end > sentence.start && !ownSentence) return true;
  if (inverted || site.m.entry.speech === false) return false;
  if (leftEdge !== sentence.start && /\p{L}/u.test(ctx.text.slice(sentence.start, leftEdge))) return false;
  for (let k = tokenAt(tokens, rightEdge); k < sEnd; k++) {
    const t = tokens[k]!;
    // An adverbial clause right after source and cue tells when or how it was said ("“…!” Susan said as she turned around").
    const opensClause = t.normal !== 'as' || ['PRON', 'DET', 'NOUN', 'PROPN'].includes(tokens[k + 1]?.pos ?? '');
    if (k === tokenAt(tokens, rightEdge) && ADVERBIAL_OPENERS.has(t.normal) && opensClause) break;
    // A quotation after the cue is its own ("Sen. X called the plan “outlandish.”"), not the one before.
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PART' || t.normal === 'that' || t.text === ',' || isQuoteMark(t)) return false;
  }
  return true;
}

/** A direct quotation after the cue: "he said: “…”", "told reporters that “…”", or the quotation a sentence ending in "said:" introduces. */
function saidQuote(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const s = subject(ctx, site);
  if (!s) return undefined;
  const { tokens, text } = ctx;
  const { m, sEnd, sentence } = site;
  const { rightEdge } = edges(ctx, site, s);
  let after =
    tokens[sEnd - 1]!.text === ':' ? introducedQuote(ctx, sentence.end) : quoteAfter(ctx, rightEdge + skipObject(ctx, m, rightEdge, sEnd), sentence.end + 3);
  // A sentence opening with the inverted cue: "Said Ann Lee, a retired teacher, “…”" — one aside between commas after
  // the name (no quotation mark or sentence end in it), then the quotation.
  if (!after && s.inverted && m.tokenStart === site.sStart) {
    const aside = /^,[^"“”.!?;:]{1,100},\s*/u.exec(text.slice(rightEdge, sentence.end));
    if (aside) after = quoteAfter(ctx, rightEdge + aside[0].length, sentence.end + 3);
  }
  if (!after) return undefined;
  const content = quotedFragment(ctx, site, after) ?? span(text, after.start, after.end);
  return [draft(ctx, 'said-quote', site.cue, m.entry, s.src, who(ctx, site, s), content, true)];
}

/**
 * A quoted fragment that an indirect report goes on from: "he said “budget reforms” and the collection of unpaid taxes
 * would help finance them", "Comey testified “thousands” of emails had not been turned over", "Kaine declared that “I
 * strongly support” the state's … law". The content is the whole clause, as `subject-said-that` takes it, not the quoted
 * words alone (the finding stays a `said-quote`). Only when the quotation closes without a stop or comma of its own, a lower-case word follows it in the
 * sentence, the clause it opens holds a finite verb (subject-said-that, not a noun phrase: "chanted “We are Orlando” and
 * “Disarm hate.”"), and no other cue (“21 percent said “not too likely” and 14 percent said …”) and no comma outside
 * quotation marks lies in the rest; not after a participle cue.
 */
function quotedFragment(ctx: Ctx, site: CueSite, q: { start: number; end: number }): TextSpan | undefined {
  const { tokens } = ctx;
  // A participle may be a reduced relative on its subject ("the share of Republicans saying “…” increased by 28 points").
  if (isIng(site) || /[.!?,;:]\s*['"”’]+\s*$/u.test(ctx.text.slice(q.start, q.end))) return undefined;
  const k = tokenAt(tokens, q.end);
  if (k >= site.sEnd || !/^\p{Ll}/u.test(tokens[k]!.text)) return undefined;
  const out = subjectSaidThat(ctx, site);
  const content = out[0]?.content;
  if (out.length !== 1 || out[0]!.pattern !== 'subject-said-that' || !content || content.start > q.start || content.end <= tokens[k]!.start) return undefined;
  if (ctx.cues.some((c) => c.start >= q.end && c.start < content.end)) return undefined;
  // A comma outside quotation marks in the rest may close a fronted clause before the writer's main one ("While she said
  // “I am so sick of the Sanders campaign lying” about her record, Sanders jabbed …"): keep the quotation.
  for (let j = k; j < site.sEnd && tokens[j]!.end <= content.end; j++)
    if (tokens[j]!.text === ',' && !insideQuote(ctx, tokens[j]!.start, tokens[j]!.end)) return undefined;
  return content;
}

/**
 * The comma before the source (or, inverted, before the cue) when the sentence's report precedes
 * it: "The plan failed, the minister said (in an interview with CNN on Sunday).", "…, said Jane
 * Roe, a professor of planning at Leeds." What follows source and cue may be time, place, medium,
 * addressee or an apposition to an inverted source, but no verb or clause of its own.
 */
function frontedComma(ctx: Ctx, site: CueSite, s: Subject): number | null {
  const { tokens } = ctx;
  let comma = s.inverted ? site.m.tokenStart - 1 : s.src.a - 1;
  // A comma inside the closing quotation mark of words quoted at the clause's end ("This is a “raw time,” said
  // David Axelrod, a longtime ally.", "The plan is “a disaster,” Smith said."): the clause ends there as at a comma
  // outside it.
  // (Not a quotation that opens the sentence: that one is quote-then-said's.)
  // The closing mark may be two tokens: two apostrophes ("scratching out a profit,'' Mr. Hedge said") or a single mark
  // closing inside a double one ("‘He’s the ringleader,’” Sexton said").
  let inner = comma;
  while (inner > comma - 2 && isQuoteMark(tokens[inner - 1]) && tokens[inner - 1]!.end === tokens[inner]!.start) inner--;
  if (isQuoteMark(tokens[comma]) && tokens[inner - 1]?.text === ',' && tokens[inner - 1]!.end === tokens[inner]!.start) {
    const q = quoteBefore(ctx, tokens[comma]!.end, site.sentence.start);
    if (q && /\p{L}/u.test(ctx.text.slice(site.sentence.start, q.start))) comma = inner - 1;
  }
  if (tokens[comma]?.text !== ',') return null;
  // What precedes the comma is a main clause, not an adverbial one ("After saying he was nervous, the man asked …").
  // (An earlier comma closes the adverbial: "Unlike Patriot, Mr. Clarke has few investors, they say.")
  const opener = tokens[site.sStart]!;
  if ((opener.pos === 'ADP' || opener.pos === 'SCONJ' || ctx.w.subordinators.has(opener.normal)) && findComma(ctx, site.sStart, comma) >= comma) return null;
  const { rightEdge } = edges(ctx, site, s);
  const k0 = tokenAt(tokens, rightEdge + (s.inverted ? 0 : skipObject(ctx, site.m, rightEdge, site.sEnd)));
  // A cue with an object of its own reports that object ("…, his critics denounced him").
  const next = tokens[k0];
  if (
    !s.inverted &&
    k0 < site.sEnd &&
    next &&
    !['ADP', 'ADV', 'PUNCT'].includes(next.pos) &&
    !ctx.w.timeWords.has(next.normal) &&
    !ctx.w.timeNouns.has(next.lemma)
  )
    return null;
  const plainSay = site.m.entry.id === 'say' || site.m.entry.id === 'add';
  for (let k = k0; k < site.sEnd; k++) {
    const t = tokens[k]!;
    // A participle after a comma goes on with the speaker's next act ("…, Hollande said Tuesday in Paris, noting …",
    // "…, Fiorina said, adding that …"): the report is still the clause before the source (as in `parenthetical`).
    // Only after the plain verbs of saying: after others the clause before is often the writer's ("Berlin backed off,
    // replacing …", "… wrote to investors, telling them …").
    const after = tokens[k + 1];
    if (plainSay && t.text === ',' && after !== undefined && k + 1 < site.sEnd && after.pos === 'VERB' && /ing$/.test(after.normal)) break;
    // A relative clause on an inverted source or its apposition is the source's, not a clause of its own:
    // "…, said an American official who was briefed on …", "…, said Jim Doyle, whose home state …".
    if (s.inverted && ctx.w.asideRelatives.has(t.normal) && k > k0 - 1) break;
    // In an apposition to an inverted source a possessive is part of a noun phrase ("…, said Angie Holan, Politifact's
    // editor"), and "that" after its noun opens a relative clause on it ("…, said RoseAnn DeMoro, executive director
    // of National Nurses United, a union that has broken away …").
    const apposition = s.inverted && tokens[k0]?.text === ',' && k > k0;
    if (apposition && t.pos === 'PART' && /^['’]s$/.test(t.normal)) continue;
    if (apposition && t.normal === 'that' && tokens[k - 1]?.pos === 'NOUN') break;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'SCONJ' || t.normal === 'that' || isQuoteMark(t)) return null;
  }
  return comma;
}

/**
 * Source and cue set off by commas inside the sentence they report, before a fragment: "The plan, she
 * said, would cost more.", "The city will never recover, the mayor said, unless the state helps." The
 * content is the whole sentence, the interrupting source and cue included (what is reported lies on
 * both sides).
 * Only an uninverted source: after "…, said Jane Roe," an apposition may follow.
 */
function parenthetical(ctx: Ctx, site: CueSite, s: Subject): TextSpan | null {
  const { tokens } = ctx;
  const { sStart, sEnd, m } = site;
  if (s.inverted || tokens[s.src.a - 1]?.text !== ',' || tokens[m.tokenEnd]?.text !== ',') return null;
  const first = tokens[sStart]!;
  const next = tokens[m.tokenEnd + 1];
  if (!next || next.index >= sEnd - 1 || isQuoteMark(first) || isQuoteMark(next)) return null;
  if (tokens.slice(sStart, sEnd).some((t) => isQuoteMark(t))) return null;
  // A participle after it goes on with the speaker ("The vote failed, he said, adding that …"): the report is the clause before.
  if (next.pos === 'VERB' && /ing$/.test(next.normal)) return clause(ctx, first.start, tokens[s.src.a - 1]!.start);
  // What follows must go on with the sentence, not start an aside ("…, she said, who …"). A clause of its own after
  // the cue ("If it fails, he argues, there are other tools"; "…, he noted, that …") is the report: subject-said-that.
  // A fragment (a verb without its subject, a preposition, a subordinator) needs the words before the source too.
  if (ctx.w.asideRelatives.has(next.normal) || next.normal === 'that') return null;
  if (!['ADP', 'SCONJ', 'AUX', 'VERB', 'PART'].includes(next.pos) && !ctx.w.subordinators.has(next.normal)) return null;
  return clause(ctx, first.start, site.sentenceEnd);
}

/** Indirect speech before the source and cue: "The plan failed, the minister said.", "…, said the company's chief executive." */
function clauseThenSaid(ctx: Ctx, site: CueSite): AttributionDraft[] | undefined {
  const s = subject(ctx, site);
  if (!s) return undefined;
  const comma = frontedComma(ctx, site, s);
  if (comma === null) {
    const whole = parenthetical(ctx, site, s);
    return whole ? [draft(ctx, 'clause-then-said', site.cue, site.m.entry, s.src, who(ctx, site, s), whole, false)] : undefined;
  }
  // A comma inside a closing quotation mark keeps the quoted words whole ("This is a “raw time,”").
  let mark = ctx.tokens[comma + 1];
  const closed = mark !== undefined && isQuoteMark(mark) && mark.start === ctx.tokens[comma]!.end && mark.index < site.m.tokenStart;
  // (Two marks close it: "profit,''" or "ringleader,’”".)
  const second = ctx.tokens[comma + 2];
  if (closed && isQuoteMark(second) && second!.start === mark!.end && second!.index < site.m.tokenStart) mark = second;
  // A quotation a colon introduces is the whole report ("… the code of conduct: ''Civility … assumed,'' he said."): the
  // writer's words before the colon are not.
  const q = closed ? quoteBefore(ctx, mark!.end, site.sentence.start) : undefined;
  const from = q && q.start > site.sentence.start && /:\s*$/.test(ctx.text.slice(site.sentence.start, q.start)) ? q.start : site.sentence.start;
  const content = clause(ctx, from, closed ? mark!.end : ctx.tokens[comma]!.start);
  return [draft(ctx, 'clause-then-said', site.cue, site.m.entry, s.src, who(ctx, site, s), content, false)];
}

/**
 * What follows the source and cue: "X said (that) …", "X told reporters …" (`subject-said-that`, a
 * clause), "X wants to …" (`subject-verb-to`, an infinitive), "X supports the bill", "X called Y a
 * liar" (`subject-verb-object`, a noun phrase or nothing); up to a coordinated cue ("…, but said …").
 */
function subjectSaidThat(ctx: Ctx, site: CueSite): AttributionDraft[] {
  const s = subject(ctx, site);
  if (!s) return [];
  const { tokens } = ctx;
  const { m, sEnd, sentenceEnd } = site;
  const { rightEdge } = edges(ctx, site, s);
  let content = clause(ctx, afterThat(ctx, tokenAt(tokens, rightEdge + skipObject(ctx, m, rightEdge, sEnd)), sEnd), sentenceEnd);
  const stop = coordinatedCue(ctx, m, sEnd);
  if (content && stop !== null && stop > content.start) content = clause(ctx, content.start, stop);
  // A report set off by dashes ("It would also stem … -- the White House says its proposal would … -- and give …")
  // ends at the closing dash: what follows continues the writer's sentence.
  const isDash = (t: { text: string } | undefined) => t !== undefined && /^(?:—|–|--)$/.test(t.text);
  if (content && !s.inverted && isDash(tokens[s.src.a - 1])) {
    let close = tokenAt(tokens, content.start);
    while (close < sEnd && !isDash(tokens[close])) close++;
    if (close >= sEnd) close = -1;
    if (close > 0 && tokens[close]!.start > content.start) content = clause(ctx, content.start, tokens[close]!.start);
  }
  content = relativeEnd(ctx, s.src.b - 1, reportEnd(ctx, content));
  // A relative clause right after the cue is its source's ("…, said Doyle, whose home state …"), not a report.
  if (content && ctx.w.asideRelatives.has(tokens[tokenAt(tokens, content.start)]!.normal) && tokens[tokenAt(tokens, content.start)]!.normal !== 'which')
    return [];
  let kind = content ? complementAt(ctx, content.start, sEnd) : 'object';
  // A verb of naming takes an object and the name given it, quoted or not ("called Trump “unhinged”", "labeled the
  // plan a disaster"): no clause, whatever verb the name holds.
  if (kind === 'clause' && ctx.w.namingVerbs.has(site.cue.lemma)) kind = 'object';
  // After an inverted source a comma opens its apposition, not a report ("…,” said Drew Heiserman, a steering committee
  // member …, who …").
  if (content && s.inverted && /^\s*,\s*$/.test(ctx.text.slice(tokens[s.src.b - 1]!.end, content.start))) kind = 'object';
  // A source inside a relative clause reports a clause whose subject is the relative pronoun: "the drawdown, which they
  // say left a vacuum …", "a bill, which critics said was discriminatory": a finite verb right after the cue.
  const first = content ? tokens[tokenAt(tokens, content.start)] : undefined;
  if (
    kind === 'object' &&
    first &&
    !s.inverted &&
    ['which', 'that', 'who'].includes(tokens[s.src.a - 1]?.normal ?? '') &&
    (first.pos === 'AUX' || (first.pos === 'VERB' && !/ing$/.test(first.normal)))
  ) {
    kind = 'clause';
    // The relative clause, and with it the report, ends at the next comma or dash ("…, which the campaign says includes
    // 2.7 million contributors, is another …": the writer's sentence resumes).
    let k = first.index;
    while (k < sEnd && !/^(?:[,;:—–]|--)$/.test(tokens[k]!.text)) k++;
    if (k < sEnd) content = clause(ctx, content!.start, tokens[k]!.start);
  }
  const pattern = kind === 'clause' ? 'subject-said-that' : kind === 'infinitive' ? 'subject-verb-to' : 'subject-verb-object';
  return [draft(ctx, pattern, site.cue, m.entry, s.src, who(ctx, site, s), content, false)];
}

/** The attribution patterns in the order they are tried (the last one always decides). */
export const PATTERNS: readonly Pattern[] = [
  { id: 'colon-headline', note: 'A headline naming its source before a colon: "Mayor Ruiz: Bridge Reopens Monday".', apply: colonHeadline },
  { id: 'question', ids: [], note: 'A question: "Where do relations go after the vote?" (no attribution).', apply: question },
  {
    id: 'nominal',
    ids: ['nominal-that', 'nominal-from', 'nominal-to'],
    note: 'A reporting noun with its holder or clause: "his claim that …", "criticism from Democrats", "Trump\'s promise to …".',
    apply: nominal,
  },
  {
    id: 'amount-about',
    ids: [],
    note: 'A speech verb with an amount and "about": "the choice says a lot about the campaign" (no attribution).',
    apply: amountAbout,
  },
  { id: 'negated', note: 'A negated or refused cue, with no content: "X did not respond to a request for comment", "X declined to comment".', apply: negated },
  { id: 'reportedly', note: 'An agentless adverb: "The talks reportedly failed."', apply: reportedly },
  { id: 'according-to', note: '"according to (a report by) X": the source follows the cue.', apply: accordingTo },
  { id: 'in-document', note: 'A sentence-opening document: "In a CNN poll released Monday, …".', apply: inDocument },
  { id: 'passive-by', note: 'A passive cue with its agent: "the plan, announced by the ministry, …".', apply: passiveBy },
  { id: 'as-participle', ids: [], note: 'A participle after "as" without agent: "As promised, the console …" (no attribution).', apply: asParticiple },
  { id: 'cited-as-saying', note: 'The speaker of "TASS cited Lavrov as saying".', apply: citedAsSaying },
  { id: 'reduced-relative', ids: [], note: 'A naming participle after an object: "used a program called BleachBit" (no attribution).', apply: reducedRelative },
  { id: 'agentless-passive', note: 'A passive cue without agent: "is said to", "it is reported that", "was asked whether".', apply: agentlessPassive },
  { id: 'asked', note: 'A fronted question without agent: "Asked about the plan, the senator said …".', apply: asked },
  { id: 'fronted-clause', note: 'A cue in a fronted adverbial clause: "After saying he was nervous, the man …".', apply: frontedClause },
  { id: 'shared-subject', note: 'A cue without subject after a conjunction or preposition: "X admitted …, but said …".', apply: sharedSubject },
  { id: 'participle-after-object', note: 'A participle after an object: "she released a statement saying …".', apply: participleAfterObject },
  { id: 'participle-continues', note: 'A participle continuing the subject after a comma: "Lavrov said, adding that …".', apply: participleContinues },
  {
    id: 'author-voice',
    ids: [],
    note: 'The writer\'s own voice: "In a recent article I stated …", "We asked …", "Do you support …?" (no attribution).',
    apply: authorVoice,
  },
  { id: 'quote-then-said', note: 'A quotation opening the sentence, then source and cue: "“We will stay,” he said."', apply: quoteThenSaid },
  { id: 'said-quote', note: 'Source and cue, then a quotation: "he said: “…”".', apply: saidQuote },
  { id: 'clause-then-said', note: 'Indirect speech, then source and cue after a comma: "The plan failed, the minister said."', apply: clauseThenSaid },
  {
    id: 'subject-said-that',
    ids: ['subject-said-that', 'subject-verb-to', 'subject-verb-object'],
    note: 'Source and cue, then what they report: a clause ("X said (that) …", subject-said-that), an infinitive ("X wants to …", subject-verb-to) or a noun phrase ("X supports the bill", subject-verb-object).',
    apply: subjectSaidThat,
  },
];

/** Every id a finding may carry as its `pattern`. */
export const PATTERN_IDS: readonly string[] = PATTERNS.flatMap((p) => p.ids ?? [p.id]);

/** Runs the patterns on one cue: the attributions of the first pattern that claims it. */
export function analyseCue(ctx: Ctx, site: CueSite): AttributionDraft[] {
  for (const p of PATTERNS) {
    const out = p.apply(ctx, site);
    if (out) return out;
  }
  return [];
}
