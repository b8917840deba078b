/**
 * The compiled form of lexicon phrases: a map from the first word's key to the phrases that
 * start with it, so matching an article is one pass over its tokens with a map lookup each.
 */
import type { Token } from '../core/types.js';
import { checkBudget } from '../core/limits.js';

/** Lower-cased, with typographic apostrophes folded to `'` (so *Faso’s* = *Faso's*). */
export function wordKey(s: string): string {
  const lower = s.toLowerCase();
  return APOSTROPHES.test(lower) ? lower.replace(APOSTROPHES_ALL, "'") : lower;
}
const APOSTROPHES = /[’‘ʼ`]/;
const APOSTROPHES_ALL = /[’‘ʼ`]/g;

/** One phrase of one entry, as the words it must match. */
export interface CompiledPhrase<E> {
  entry: E;
  /** Word keys (case-insensitive) or exact texts (`exact`). */
  words: string[];
  exact: boolean;
  pos: ReadonlySet<string> | null;
  /** Word keys that, near the match, mark a literal use (the match is dropped). */
  literal?: ReadonlySet<string> | null;
  /** Stock phrases (word keys) in which the match is plain: a match inside one is dropped. */
  fixed?: readonly (readonly string[])[] | null;
  /** Word keys one of which must follow the match in its clause (see `complementAfter`). */
  complement?: ReadonlySet<string> | null;
}

/** How many words on each side of a match are searched for a `literal` context word. */
export const LITERAL_WINDOW = 8;

/** Per-article keys, computed once per token array. */
interface TokenKeys {
  normal: string[];
  lemma: string[];
  /** Verb bases of a past participle that the tagger called an adjective (`informed` → inform). */
  participle: (string[] | null)[];
  /** Whether token `i` is a present-tense verb the tagger called a noun (see `nounTaggedVerb`), computed when first asked. */
  verbLike: (i: number) => boolean;
}

/** True for an `-ed` word tagged ADJ: the tagger often labels participles so. */
const isParticipleAdj = (t: Token) => t.pos === 'ADJ' && /[a-z]ed$/.test(t.normal);

/** Candidate verb bases of an -ed form: informed → inform/informe, stopped → stop, carried → carry. */
function participleBases(w: string): string[] {
  const stem = w.slice(0, -2);
  const out = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  return out;
}
/** Tokens that open what follows a verb: a clause, an object or the end of a clause. */
const AFTER_VERB_POS = new Set(['PRON', 'PROPN', 'DET', 'NUM', 'SCONJ', 'PUNCT']);
const PLURAL_PRONOUNS = new Set(['they', 'we', 'i', 'you']);
const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it']);
/** Finite verbs of a plural subject: after "nouns that" they open a relative clause. */
const PLURAL_VERBS = new Set(['are', 'were', 'have', 'do', "'re"]);

/**
 * True when token `i` is tagged NOUN but reads as a present-tense verb agreeing with the noun or
 * pronoun before it, with a clause, object or punctuation after it: "polls show that",
 * "the reports show.", "Trump slams Clinton" (the tagger reads such words as plural nouns or
 * compounds). A noun compound ("the Senate report", "campaign claims were") does not agree or
 * is followed by another word class.
 */
function nounTaggedVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'NOUN' || !prev || !next || prev.sentence !== t.sentence || !/^[a-z]+$/.test(t.normal)) return false;
  // A particle of a phrasal verb may come first ("Bozell points out", "Labor leaders point to").
  const particle = (next.normal === 'out' || next.normal === 'to') && (next.pos === 'ADP' || next.pos === 'PART');
  if (!particle && !AFTER_VERB_POS.has(next.pos) && next.normal !== 'that') return false;
  if (next.pos === 'PUNCT' && !/^[.,:;"“”‘’]$/.test(next.text)) return false;
  const third = t.normal !== t.lemma && [`${t.lemma}s`, `${t.lemma}es`, t.lemma.replace(/y$/, 'ies')].includes(t.normal); // "shows", "slams", "worries"
  const base = t.normal === t.lemma;
  // A plural noun ending a phrase ("swing states.", "his remarks;") is not a verb.
  if (third && next.pos === 'PUNCT' && !/^[:"“”‘’]$/.test(next.text)) return false;
  // Nor one that a relative clause with a plural verb describes ("the party rules that were adopted", "notes that are
  // kept"): "that" there is the plural noun's relative pronoun, not the start of a report ("notes that the deal …").
  if (third && next.normal === 'that' && PLURAL_VERBS.has(tokens[i + 2]?.normal ?? '')) return false;
  // After an appositive closed by a comma ("Gerry O'Brien, a GOP political consultant, notes that …"): a third-person form
  // before "that", the appositive a common noun opened by a comma after a name (not a list: "… and Vermont, states that vote …").
  if (prev.text === ',' && third && next.normal === 'that') {
    if (tokens[i - 2]?.pos !== 'NOUN') return false;
    let j = i - 3;
    while (j > 0 && tokens[j]!.sentence === t.sentence && tokens[j]!.text !== ',' && tokens[j]!.pos !== 'VERB') j--;
    return tokens[j]?.text === ',' && tokens[j - 1]?.pos === 'PROPN' && tokens[j - 1]!.sentence === t.sentence;
  }
  if (prev.pos === 'PRON') return (third && SINGULAR_PRONOUNS.has(prev.normal)) || (base && PLURAL_PRONOUNS.has(prev.normal));
  // A capitalised plural read as a name ("Polls show", "Democrats say") takes the base form.
  // At the sentence's start the capitalised plural is the subject ("Polls show Clinton up by 10 points", "Polls show voters trust …").
  const opensSentence = tokens[i - 2]?.sentence !== t.sentence;
  if (prev.pos === 'PROPN')
    return (
      third ||
      (base &&
        (next.normal === 'that' ||
          (/[^s]s$/.test(prev.normal) && (['DET', 'PRON', 'SCONJ'].includes(next.pos) || (opensSentence && ['PROPN', 'NOUN', 'ADJ'].includes(next.pos))))))
    );
  // "nine out of 10 say" (not "at one point to"; nor "one possibility: that": _one_ takes "says").
  if (prev.pos === 'NUM') return base && !particle && prev.normal !== 'one';
  if (prev.pos !== 'NOUN') return false;
  const prevPlural = prev.normal !== prev.lemma && /s$/.test(prev.normal);
  // "the report notes that" but not the compound "campaign claims": a singular subject needs its determiner.
  return (third && !prevPlural && tokens[i - 2]?.pos === 'DET') || (base && (prevPlural || next.normal === 'that'));
}

const keyCache = new WeakMap<readonly Token[], TokenKeys>();
function keysOf(tokens: readonly Token[]): TokenKeys {
  let k = keyCache.get(tokens);
  if (!k) {
    const n = tokens.length;
    const normal = new Array<string>(n);
    const lemma = new Array<string>(n);
    const participle = new Array<string[] | null>(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      normal[i] = wordKey(t.normal);
      lemma[i] = t.lemma === t.normal ? normal[i]! : wordKey(t.lemma);
      participle[i] = isParticipleAdj(t) ? participleBases(normal[i]!) : null;
    }
    const verbLike = new Map<number, boolean>();
    k = {
      normal,
      lemma,
      participle,
      verbLike: (i) => {
        let v = verbLike.get(i);
        if (v === undefined) verbLike.set(i, (v = nounTaggedVerb(tokens, i)));
        return v;
      },
    };
    keyCache.set(tokens, k);
  }
  return k;
}

/**
 * True when a word of `complement` follows token `end` in its clause: after at least one word (the
 * adjacent phrase is an entry of its own: "see … as" is not "seen as"), within LITERAL_WINDOW
 * tokens, with no punctuation but quotation marks and hyphens between.
 */
function complementAfter(tokens: readonly Token[], keys: TokenKeys, end: number, complement: ReadonlySet<string>): boolean {
  const sentence = tokens[end - 1]!.sentence;
  for (let j = end; j < Math.min(tokens.length, end + LITERAL_WINDOW); j++) {
    const t = tokens[j]!;
    if (t.sentence !== sentence) return false;
    if (complement.has(keys.normal[j]!)) return j > end;
    if (t.type === 'punctuation' && !/^["“”‘’«»„'‐-]$/.test(t.text)) return false;
  }
  return false;
}

/**
 * True when tokens `[start, end)` lie inside one of the `fixed` phrases as written around them in
 * one sentence. Commas may stand between the phrase's words (*in grave, nearly apocalyptic, terms*:
 * an aside set off by commas leaves the stock phrase *apocalyptic terms* what it is).
 */
function insideFixed(tokens: readonly Token[], keys: TokenKeys, start: number, end: number, fixed: readonly (readonly string[])[]): boolean {
  const sentence = tokens[start]!.sentence;
  const at = (j: number, w: string) => j >= 0 && j < tokens.length && tokens[j]!.sentence === sentence && (keys.normal[j] === w || keys.lemma[j] === w);
  const comma = (j: number) => j < tokens.length && tokens[j]!.sentence === sentence && tokens[j]!.text === ',';
  for (const f of fixed) {
    for (let s = Math.max(0, start - 2 * f.length); s <= start; s++) {
      let j = s;
      let ok = true;
      for (let k = 0; k < f.length && ok; k++) {
        if (k > 0) while (comma(j)) j++;
        ok = at(j, f[k]!);
        j++;
      }
      if (ok && j >= end) return true;
    }
  }
  return false;
}

/** True when a word of `literal` occurs within LITERAL_WINDOW tokens of `[start, end)` in its sentence. */
function literalNear(tokens: readonly Token[], keys: TokenKeys, start: number, end: number, literal: ReadonlySet<string>): boolean {
  const sentence = tokens[start]!.sentence;
  const lo = Math.max(0, start - LITERAL_WINDOW);
  const hi = Math.min(tokens.length, end + LITERAL_WINDOW);
  for (let j = lo; j < hi; j++) {
    if (j >= start && j < end) continue;
    if (tokens[j]!.sentence !== sentence) continue;
    if (literal.has(keys.normal[j]!) || literal.has(keys.lemma[j]!)) return true;
  }
  return false;
}

/** A token-indexed matcher over phrases. */
export class PhraseMatcher<E> {
  private readonly byFirst = new Map<string, CompiledPhrase<E>[]>();
  private readonly byFirstExact = new Map<string, CompiledPhrase<E>[]>();

  add(p: CompiledPhrase<E>): void {
    const map = p.exact ? this.byFirstExact : this.byFirst;
    const first = p.words[0]!;
    const list = map.get(first);
    if (list) list.push(p);
    else map.set(first, [p]);
  }

  /**
   * All phrase matches in `tokens` (within one sentence each), sorted by start token, longest
   * first at a position. Token indices are 0-based, `tokenEnd` exclusive. An `-ed` word tagged
   * ADJ also matches its verb base and counts as a VERB for `pos` (taggers often mislabel
   * participles: "Officials informed journalists"); likewise a present-tense verb tagged NOUN
   * ("polls show that", see `nounTaggedVerb`), which then does not match noun-only phrases.
   */
  match(tokens: readonly Token[]): { phrase: CompiledPhrase<E>; tokenStart: number; tokenEnd: number }[] {
    const keys = keysOf(tokens);
    const out: { phrase: CompiledPhrase<E>; tokenStart: number; tokenEnd: number }[] = [];
    const wordAt = (j: number, w: string, exact: boolean) =>
      exact ? tokens[j]!.text === w : keys.normal[j] === w || keys.lemma[j] === w || keys.participle[j]?.includes(w) === true;
    const found: { phrase: CompiledPhrase<E>; tokenStart: number; tokenEnd: number }[] = [];
    // A noun the text once uses inside a fixed phrase of the same entry keeps that sense in the whole
    // text (*market turmoil* … *Turmoil on the way.*: PolNeAR train, usa-today 2015-12-16, loaded round
    // 17; *chaos theory* … *the story of chaos*): the thing named once in full, then by its short name.
    // Nouns only: a verb's fixed phrase (*blasted out* e-mails) says nothing of the same verb elsewhere.
    const fixedSense = new Set<string>();
    const ids = new Map<CompiledPhrase<E>, number>();
    const senseKey = (p: CompiledPhrase<E>, a: number, b: number) => {
      for (let k = a; k < b; k++) if (tokens[k]!.pos !== 'NOUN' && tokens[k]!.pos !== 'PROPN') return null;
      if (!ids.has(p)) ids.set(p, ids.size);
      return `${ids.get(p)}|${keys.lemma.slice(a, b).join(' ')}`;
    };
    let i = 0;
    const tryPhrases = (candidates: readonly CompiledPhrase<E>[] | undefined, participle: boolean) => {
      if (candidates === undefined) return;
      for (const p of candidates) {
        if (p.pos && !p.pos.has(tokens[i]!.pos) && !((participle || keys.verbLike(i)) && p.pos.has('VERB'))) continue;
        // A noun read as a verb ("the campaign worries that") is not a noun for noun-only phrases.
        if (p.pos && !p.pos.has('VERB') && tokens[i]!.pos === 'NOUN' && keys.verbLike(i)) continue;
        const end = i + p.words.length;
        if (end > tokens.length || tokens[end - 1]!.sentence !== tokens[i]!.sentence) continue;
        let ok = true;
        for (let k = 1; k < p.words.length && ok; k++) ok = wordAt(i + k, p.words[k]!, p.exact);
        if (ok && p.literal && literalNear(tokens, keys, i, end, p.literal)) ok = false;
        if (ok && p.fixed && insideFixed(tokens, keys, i, end, p.fixed)) {
          ok = false;
          const key = senseKey(p, i, end);
          if (key) fixedSense.add(key);
        }
        if (ok && p.complement && !complementAfter(tokens, keys, end, p.complement)) ok = false;
        if (ok && !found.some((f) => f.phrase === p)) found.push({ phrase: p, tokenStart: i, tokenEnd: end });
      }
    };
    for (; i < tokens.length; i++) {
      if ((i & 1023) === 0) checkBudget('lexicon matching');
      // Candidates: phrases starting with the token's key, lemma, exact text or participle bases.
      const normal = keys.normal[i]!;
      const lemma = keys.lemma[i]!;
      const bases = keys.participle[i];
      const participle = bases !== null;
      tryPhrases(this.byFirst.get(normal), participle);
      if (lemma !== normal) tryPhrases(this.byFirst.get(lemma), participle);
      if (this.byFirstExact.size > 0) tryPhrases(this.byFirstExact.get(tokens[i]!.text), participle);
      if (bases) for (const b of bases) tryPhrases(this.byFirst.get(b), participle);
      if (found.length === 0) continue;
      if (found.length > 1) found.sort((a, b) => b.tokenEnd - a.tokenEnd);
      for (const f of found) out.push(f);
      found.length = 0;
    }
    return fixedSense.size === 0 ? out : out.filter((f) => !fixedSense.has(senseKey(f.phrase, f.tokenStart, f.tokenEnd) ?? ''));
  }
}
