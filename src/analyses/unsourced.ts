/**
 * Unsourced assertions: sentences in the article's own voice that assert something (a fact, a
 * figure, a cause, a prediction, an accusation, an evaluation) and that no attribution covers.
 *
 * A sentence is left alone when it is a heading, a question, an introduction to a quotation
 * (ends with a colon), mostly quoted words, or when it carries an attribution (holds its cue)
 * or lies mostly inside an attribution's content. Attribution never carries over to the next
 * sentence unless that sentence is a quotation. Reasons, first that applies:
 * `prescriptive` (must, should), `prediction` (will, is likely to), `agentless-passive`
 * (is seen as, is believed to), `vague-source` (only an indefinite or unnamed-cue source such as
 * "critics say" or "reportedly"), else `no-attribution`.
 *
 * All offsets are 0-based UTF-16 indices into the file text, end exclusive.
 */
import { firstStartingAt } from '../core/spans.js';
import type { AnalysedArticle, Assigned, Sentence, Token, UnsourcedFinding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import type { AttributionDraft } from './attribution/index.js';
import { firstQuotationEndingAfter, quotationsOf } from './quotes.js';

export type UnsourcedDraft = Omit<UnsourcedFinding, Assigned>;

export type UnsourcedReason = 'prescriptive' | 'prediction' | 'agentless-passive' | 'vague-source' | 'no-attribution';

const EXPLANATIONS: Record<UnsourcedReason, string> = {
  prescriptive: 'The article itself says what must or should happen, without attributing the view to anyone.',
  prediction: 'The article itself predicts what will happen, without saying who expects it.',
  'agentless-passive': 'An evaluation in the passive voice ("is seen as") that hides who holds it.',
  'vague-source': 'The only source is vague or unnamed ("critics", "reportedly"), so the reader cannot check it.',
  'no-attribution': 'A claim stated in the article\'s own voice with no source for it.',
};

const PRESCRIPTIVE = new Set(['must', 'should', 'ought']);
const PREDICTIVE_AUX = new Set(['will', "'ll", 'wo', 'shall']);
/** Adjectives and participles of likelihood before "to": "is likely to", "is set to", "is expected to". */
const LIKELY = new Set(['likely', 'unlikely', 'set', 'expected', 'poised', 'bound', 'certain', 'going']);
/** Participles of opinion in an agentless passive: "is seen as", "is widely believed to". */
const OPINION_PARTICIPLES = new Set(['seen', 'viewed', 'regarded', 'considered', 'believed', 'thought', 'perceived', 'deemed', 'understood', 'expected', 'described', 'known', 'said']);
/** Discourse verbs after a modal that do not prescribe ("it should be noted that"). */
const DISCOURSE = new Set(['note', 'say', 'stress', 'remember', 'recall', 'emphasize', 'emphasise', 'mention', 'point', 'add', 'admit', 'acknowledge']);

function reasonOf(tokens: Token[], s: Sentence, quoted: Uint8Array): UnsourcedReason {
  let reason: UnsourcedReason = 'no-attribution';
  const rank = (r: UnsourcedReason) => ['prescriptive', 'prediction', 'agentless-passive', 'vague-source', 'no-attribution'].indexOf(r);
  const consider = (r: UnsourcedReason) => {
    if (rank(r) < rank(reason)) reason = r;
  };
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (quoted[k]) continue; // the quoted speaker's words are not the article's voice
    if (PRESCRIPTIVE.has(t.normal) || ((t.lemma === 'need' || t.lemma === 'have') && next?.normal === 'to' && t.pos !== 'AUX' && t.pos !== 'NOUN')) {
      const verb = next?.normal === 'be' ? tokens[k + 2] : next?.normal === 'to' ? tokens[k + 2] : next;
      if (!verb || !DISCOURSE.has(verb.lemma)) consider('prescriptive');
    }
    if (PREDICTIVE_AUX.has(t.normal) && t.pos === 'AUX') consider('prediction');
    if (LIKELY.has(t.normal) && next?.normal === 'to' && tokens[k - 1]?.lemma === 'be') consider('prediction');
    if (t.lemma === 'be') {
      let p = k + 1;
      while (p < s.tokenEnd && tokens[p]!.pos === 'ADV') p++; // "is also seen as", "is widely believed to"
      const follow = tokens[p + 1];
      if (OPINION_PARTICIPLES.has(tokens[p]?.normal ?? '') && follow && (follow.normal === 'as' || follow.normal === 'to') && !hasBy(tokens, p, s.tokenEnd)) consider('agentless-passive');
    }
  }
  return reason;
}

/** Index of the first token starting at or after `offset` (binary search). */
const tokenIndexAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset);

function hasBy(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.normal === 'by') return true;
  return false;
}

/** Attribution whose source is vague: indefinite and unnamed ("critics", "some say") or an agentless cue. */
function isVague(a: AttributionDraft): boolean {
  if (!a.source) return true;
  // "some African nations" names a group; "critics" or "some" does not.
  return a.sourceType === 'vague' && !/\p{Lu}/u.test(a.source.text.slice(1));
}

/** For each sentence, whether attributions cover it and whether one of them is not vague. */
interface Coverage {
  /** 1 when an attribution holds its cue in the sentence or its content covers half the sentence. */
  any: Uint8Array;
  /** 1 when such an attribution is not vague. */
  named: Uint8Array;
}

/**
 * Marks the sentences each attribution covers: those holding its cue and those that its content
 * overlaps by at least half their length. Each attribution visits only the sentences its cue and
 * content overlap (binary search for the first), so the whole is linear in the article size.
 */
function coverage(sentences: readonly Sentence[], attributions: readonly AttributionDraft[]): Coverage {
  const n = sentences.length;
  const any = new Uint8Array(n);
  const named = new Uint8Array(n);
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
  for (const a of attributions) {
    const vague = isVague(a);
    const mark = (i: number) => {
      any[i] = 1;
      if (!vague) named[i] = 1;
    };
    const { cue, content } = a;
    for (let i = first(cue.start, false); i < n && sentences[i]!.start <= cue.end; i++) {
      const s = sentences[i]!;
      if (cue.start >= s.start && cue.end <= s.end) mark(i);
    }
    if (!content) continue;
    for (let i = first(content.start, true); i < n && sentences[i]!.start < content.end; i++) {
      const s = sentences[i]!;
      const overlap = Math.min(content.end, s.end) - Math.max(content.start, s.start);
      if (overlap >= (s.end - s.start) * 0.5) mark(i);
    }
  }
  return { any, named };
}

/**
 * Unsourced assertions of the article, one per sentence at most, in document order.
 * `attributions` are the article's attribution drafts (from `findAttributions`).
 * Linear in the article size: quotations and attributions are looked up per sentence by
 * binary search, never scanned in full.
 */
export function findUnsourced(article: AnalysedArticle, attributions: AttributionDraft[], _lexicons: Lexicons): UnsourcedDraft[] {
  const { tokens, sentences } = article;
  const quotes = quotationsOf(article);
  const inQuote = new Uint8Array(tokens.length);
  for (const q of quotes) {
    for (let k = tokenIndexAt(tokens, q.start); k < tokens.length && tokens[k]!.end <= q.end; k++) inQuote[k] = 1;
  }
  const covered = coverage(sentences, attributions);
  const out: UnsourcedDraft[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    if (s.heading) continue;
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
    let reason: UnsourcedReason;
    if (covered.any[si]) {
      if (covered.named[si]) continue;
      reason = 'vague-source';
    } else {
      reason = reasonOf(tokens, s, inQuote);
    }
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
