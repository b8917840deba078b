/**
 * Who a source is: the article's full names and their resolution (`he`, `Lavrov` → `Sergei
 * Lavrov`), the person name inside a source phrase, and its source type from the sources lexicon
 * and from title + name mentions.
 */
import type { SourceType, Token } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import { type AttributionDraft, type Ctx, type FullName, lowerBound, type Names, POSSESSIVE_PRONOUNS, type Range, tokenAt } from './context.js';

/** Most specific first: a named outlet or body beats a title, which beats anonymous and vague. */
const TYPE_PRIORITY: readonly SourceType[] = ['state-media', 'media', 'data-ngo', 'official', 'expert', 'self', 'anonymous', 'vague'];

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);

/** The source type from the sources lexicon matches inside `r`, or null. */
function lexiconType(ctx: Ctx, r: Range): { type: SourceType; match: LexiconMatch } | null {
  let best: { type: SourceType; match: LexiconMatch } | null = null;
  for (let k = r.a; k < r.b; k++) {
    const m = ctx.coveredBy[k];
    if (!m || m.tokenStart < r.a || m.tokenEnd > r.b) continue;
    const type = (m.entry.sourceType ?? 'unknown') as SourceType;
    if (!best || TYPE_PRIORITY.indexOf(type) < TYPE_PRIORITY.indexOf(best.type)) {
      best = { type, match: m };
    }
  }
  return best;
}

/** Proper-name tokens of the phrase after its last title / lexicon word (`Foreign Minister Sergei Lavrov` → `Sergei Lavrov`). */
function personName(ctx: Ctx, r: Range): string | null {
  const { tokens } = ctx;
  let from = r.a;
  // Sources are sorted by start: only those starting in [r.a, r.b) can lie inside r.
  const { sources } = ctx;
  for (let i = lowerBound(sources.length, (x) => sources[x]!.tokenStart >= r.a); i < sources.length && sources[i]!.tokenStart < r.b; i++) {
    const m = sources[i]!;
    if (m.tokenEnd <= r.b && m.tokenEnd > from) from = m.tokenEnd;
  }
  const words: string[] = [];
  for (let k = from; k < r.b; k++) {
    const t = tokens[k]!;
    if (t.text === ',' && words.length === 0) continue;
    if (ctx.w.honorifics.has(t.normal) || t.text === '.') continue;
    // The first part of a hyphenated compound is not a name ("Caucus-goers").
    const compound = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end;
    if (compound) break;
    if ((t.pos === 'PROPN' || (t.pos === 'VERB' && ctx.w.honorifics.has(tokens[k - 1]?.normal ?? ''))) && /^\p{Lu}/u.test(t.text)) words.push(t.text);
    else if (words.length > 0 && t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text)) words.length = 0; // a title after a capitalised word: "Fire chief Lena Berg"
    else if (words.length > 0) break;
  }
  return words.length > 0 ? words.join(' ') : null;
}

/** The last full name starting before `offset`, or undefined (binary search: names are in text order). */
function lastNameBefore(names: Names, offset: number): FullName | undefined {
  return names.list[lowerBound(names.list.length, (i) => names.list[i]!.start >= offset) - 1];
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
      if (ctx.covered[t.index] || ctx.w.honorifics.has(t.normal)) from = i + 1;
    });
    const name = run.slice(from);
    if (name.length >= 2) out.push({ name: name.map((t) => t.text).join(' '), last: name[name.length - 1]!.text, start: name[0]!.start });
    run = [];
  };
  for (const t of tokens) {
    const proper = (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) || (ctx.w.honorifics.has(t.normal) && /^\p{Lu}/u.test(t.text));
    const prev = run[run.length - 1];
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
  const pronoun = POSSESSIVE_PRONOUNS.get(first.normal) ?? first.normal;
  if (r.b - r.a === 1 && PRONOUNS.has(pronoun)) {
    if (pronoun === 'i' || pronoun === 'we') return { type: 'self' };
    if (pronoun === 'he' || pronoun === 'she' || pronoun === 'him' || pronoun === 'her') {
      for (let k = previous.length - 1; k >= 0; k--) {
        const p = previous[k]!;
        if (p.sourceName && p.source && p.start < first.start && p.sourceType !== 'state-media' && p.sourceType !== 'media' && p.sourceType !== 'data-ngo') {
          return { type: p.sourceType, name: p.sourceName, resolved: p.sourceName };
        }
      }
      const last = lastNameBefore(names, first.start);
      if (last) return { type: ctx.nameTypes.get(last.name) ?? 'unknown', name: last.name, resolved: last.name };
    }
    return { type: 'unknown' };
  }
  const lex = lexiconType(ctx, r);
  let name = personName(ctx, r);
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
