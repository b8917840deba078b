/**
 * Lexicons: YAML data in lexicons/ (plus `--lexicons DIR`), validated against
 * schema/lexicon.schema.json and compiled once per process into token-indexed matchers.
 *
 * Matching: a phrase is split into words exactly as articles are tokenised (wink-nlp); each word
 * matches a token whose normal form or lemma equals it, case-insensitively (write phrases in base
 * form: *mercenary* matches *mercenaries*), unless the entry says `case: true` (then the token text
 * must equal the word). A multi-word phrase matches consecutive tokens of one sentence. `pos`
 * restricts the first token's universal POS tag. `literal` lists words that mark a literal use: when
 * one occurs (as normal form or lemma) within 8 words of the match in the same sentence, the match
 * is dropped (*flooded* near *river*, *fuel* near *price*). `fixed` lists stock phrases holding a
 * match in which it is plain (*hammer out* a deal, *far-reaching consequences*): a match inside one
 * is dropped. `complement` lists words one of which
 * must follow the match in its clause (*see … as*, *spoke at length about*).
 *
 * Offsets in matches are 0-based UTF-16 indices into the article text, end exclusive; token
 * indices are 0-based, end exclusive. Lines and columns in errors are 1-based.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { nearestName } from '../core/did-you-mean.js';
import { InputError, quoteForMessage } from '../core/errors.js';
import { outsideBudgets } from '../core/limits.js';
import type { AnalysedArticle, LexiconRecord, Token } from '../core/types.js';
import { PACKAGE_ROOT, VERSION } from '../core/version.js';
import { analyseText } from '../nlp/index.js';
import { PhraseMatcher, wordKey } from './matcher.js';
import { defaultCacheDir, openCacheDir, pruneCache, readCacheEntry, writeCacheEntry } from './cache.js';
import { displayPath, LEXICON_SCHEMA_PATH, parseLexiconFile, type ParsedLexicon, type RawCalibration, type RawEntry, type RawSource } from './parse.js';

/** The lexicons/ folder shipped with parallax. */
export const BUNDLED_LEXICONS = resolve(PACKAGE_ROOT, 'lexicons');

/**
 * The kind of lexicon whose entries are word classes an analysis consults (`wordClass`): their
 * phrases are single words, never matched as phrases, never findings.
 */
export const WORD_CLASSES = 'word-classes';

/**
 * The words of word class `id` (lower-case; the union of every loaded `word-classes` entry with
 * that id, so a user file extends a bundled class), memoised per loaded lexicon set. Empty when
 * no loaded file has the class.
 */
export function wordClass(lexicons: Lexicons, id: string): ReadonlySet<string> {
  let classes = wordClassMemo.get(lexicons);
  if (!classes) {
    classes = new Map();
    for (const e of lexicons.entries(WORD_CLASSES)) {
      const set = classes.get(e.id) ?? new Set<string>();
      for (const p of e.phrases) set.add(p.toLowerCase());
      classes.set(e.id, set);
    }
    wordClassMemo.set(lexicons, classes);
  }
  return classes.get(id) ?? EMPTY_CLASS;
}
const wordClassMemo = new WeakMap<Lexicons, Map<string, Set<string>>>();
const EMPTY_CLASS: ReadonlySet<string> = new Set();

/**
 * A data file read by its own loader (lexicons/align/*.yml, lexicons/ingest/*.yml) as extended by
 * the loaded lexicons, with the same mechanism as a word class: a `word-classes` entry whose id is
 * `<file id>.<field>` adds its phrases to that list of the file (`align-time.weekdays`,
 * `align-predicates.currency-words`, `align-paraphrases.sets.die`, `ingest-boilerplate.bio-roles`,
 * `ingest-function-words.languages.sv`). The field walks the data: a mapping's key (`-` standing
 * for the file's `_`), or the `id` of
 * an entry of a list of mappings (a new entry `{ id, words }` when none has it), ending at a list of
 * words or at a mapping's `words`. `parse` reads the extended data; the result is memoised per loaded
 * lexicon set and file. Without such an entry (or without `lexicons`), `bundled` itself.
 */
export function withUserData<T>(lexicons: Lexicons | undefined, fileId: string, bundled: T, data: unknown, parse: (data: unknown) => T): T {
  if (!lexicons) return bundled;
  // Memoised first (this runs for every article and unit pair's data loader): the extensions are
  // looked for once per lexicon set and file.
  let memo = userDataMemo.get(lexicons);
  if (!memo) userDataMemo.set(lexicons, (memo = new Map<string, unknown>()));
  if (memo.has(fileId)) return (memo.get(fileId) ?? bundled) as T;
  const extensions = lexicons.entries(WORD_CLASSES).filter((e) => e.id.startsWith(`${fileId}.`));
  if (extensions.length === 0) {
    memo.set(fileId, undefined);
    return bundled;
  }
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const e of extensions) {
    const fail = (found: string): never => {
      throw new InputError(`word class ${e.id} names no list of ${fileId}`, {
        file: e.file,
        line: e.line,
        expected: `${fileId}.<field> naming a list of words of that file`,
        found,
        hint: 'see "A word list of a data file with its own loader" under "Adding an analysis / a format / a lexicon field" in README.md',
      });
    };
    let at: unknown = copy;
    for (const key of e.id.slice(fileId.length + 1).split('.')) {
      if (Array.isArray(at)) {
        const list = at as { id?: unknown; words?: unknown }[];
        at = list.find((x) => x?.id === key) ?? list[list.push({ id: key, words: [] }) - 1];
      } else if (at && typeof at === 'object') {
        const o = at as Record<string, unknown>;
        const k = key in o ? key : key.replace(/-/g, '_'); // entry ids are kebab-case: currency-words → currency_words
        if (!(k in o)) fail(`no field "${key}"`);
        at = o[k];
      } else fail(`"${key}" inside a value that is not a mapping or a list`);
    }
    if (at && typeof at === 'object' && !Array.isArray(at) && Array.isArray((at as { words?: unknown }).words)) at = (at as { words: unknown[] }).words;
    if (!Array.isArray(at) || at.some((x) => typeof x === 'object')) fail('a value that is not a list of words');
    (at as unknown[]).push(...e.phrases.filter((p) => !(at as unknown[]).includes(p)));
  }
  const value = parse(copy);
  memo.set(fileId, value);
  return value;
}
const userDataMemo = new WeakMap<Lexicons, Map<string, unknown>>();

/**
 * The loader of one data file with its own parser (lexicons/align, lexicons/ingest): read and
 * parsed once per process, then as extended by the loaded lexicons (`withUserData`; the file's id
 * is its `id` field). `parse` gets the data and the file's text (for its sha256).
 */
export function dataLoader<T>(read: () => { data: unknown; raw: string }, parse: (data: unknown, raw: string) => T): (lexicons?: Lexicons) => T {
  let bundled: { value: T; data: unknown; raw: string } | undefined;
  return (lexicons) => {
    if (!bundled) {
      const { data, raw } = read();
      bundled = { value: parse(data, raw), data, raw };
    }
    const { value, data, raw } = bundled;
    return withUserData(lexicons, String((data as { id?: unknown } | null)?.id), value, data, (d) => parse(d, raw));
  };
}

/** Categories produced by rules rather than lexicon entries (they can be disabled too). */
export const RULE_CATEGORIES = ['scare-quotes', 'agentless-evaluation', 'reporting-verb'] as const;

export interface LexiconOptions {
  /** Extra lexicon directories (`--lexicons DIR`), loaded after the bundled ones. */
  dirs?: string[];
  /** Categories to turn off (`--disable CATEGORY`). */
  disable?: string[];
  /** The other names `--disable` takes (the analyses, which the lexicons do not know): named first in the fix for an unknown name. */
  analyses?: readonly string[];
  /** Load the bundled lexicons/ too (default true; tests of user lexicons turn it off). */
  bundled?: boolean;
}

/**
 * One lexicon entry, as loaded: the fields of the YAML entry (`RawEntry`, see parse.ts) plus where
 * it came from. `line` is 1-based (the entry's first line in `file`).
 */
export interface LexiconEntry extends RawEntry {
  lexicon: string;
  kind: string;
  /** Set when the entry was built from a word-list package (e.g. `hedges`). */
  wordlist?: string;
  /** The words of each `fixed` phrase (word keys), tokenised like the phrases. */
  fixedWords?: string[][];
  file: string;
  line: number;
}

/** A match of one entry's phrase: token range `[tokenStart, tokenEnd)`, text range `[start, end)`. */
export interface LexiconMatch {
  entry: LexiconEntry;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
}

/** File-level facts about a loaded lexicon (for the README and `lexicons` listings). */
export interface LexiconInfo {
  id: string;
  version: string;
  kind: string;
  license: string;
  description: string;
  sources: RawSource[];
  file: string;
  wordlists: { package: string; category: string; weight: number; note: string; exclude: string[] }[];
}

export interface Lexicons {
  /** id, version, sha256 of each loaded file, for the report. */
  records: LexiconRecord[];
  /** Categories turned off: analyses must not emit findings of these categories. */
  disabled: ReadonlySet<string>;
  info: LexiconInfo[];
  /**
   * Measured precisions by key (from `kind: calibration` files such as lexicons/calibration.yml;
   * a later file's key replaces an earlier one's), that findings take their confidence from.
   */
  calibration: ReadonlyMap<string, RawCalibration>;
  /** All entries, or those of one kind (`markers`, `reporting-verbs`, `sources`, `actors`). */
  entries(kind?: string): LexiconEntry[];
  /**
   * All matches of entries of `kind` in the article's tokens, sorted by start, longest match
   * first at a position. Disabled categories are included (the caller filters), so that e.g.
   * attribution still sees reporting verbs when their loaded findings are turned off.
   * Computed once per token array and kind; the array is shared and frozen (do not change it).
   */
  match(article: Pick<AnalysedArticle, 'tokens'>, kind: string): readonly LexiconMatch[];
}

interface FileInput {
  path: string;
  raw: string;
  sha256: string;
  bundled: boolean;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError('lexicon directory not found', {
      file: dir,
      expected: 'a directory of *.yml lexicon files',
      found: existsSync(dir) ? 'a file' : 'nothing',
      hint: 'check the --lexicons path',
    });
  }
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

const WORDLISTS: Record<string, readonly string[]> = { hedges, weasels };

/** Phrases tokenised in one pass of the NLP (a blank line between two): the memory of one pass is bounded. */
const PHRASES_PER_PASS = 5000;

/**
 * Splits many phrases into tokens with the article tokeniser, `PHRASES_PER_PASS` at a time (each
 * phrase is a paragraph of its own, so the passes give the tokens one pass would).
 */
function tokenisePhrases(phrases: readonly string[]): Token[][];
function tokenisePhrases<T>(phrases: readonly string[], keep: (tokens: Token[], index: number) => T): T[];
function tokenisePhrases<T>(phrases: readonly string[], keep?: (tokens: Token[], index: number) => T): (T | Token[])[] {
  const out: (T | Token[])[] = [];
  for (let k = 0; k < phrases.length; k += PHRASES_PER_PASS) {
    tokeniseAtOnce(phrases.slice(k, k + PHRASES_PER_PASS)).forEach((tokens, i) => out.push(keep ? keep(tokens, k + i) : tokens));
  }
  return out;
}

function tokeniseAtOnce(phrases: readonly string[]): Token[][] {
  if (phrases.length === 0) return [];
  const text = phrases.join('\n\n');
  const { tokens } = analyseText(text, [{ start: 0, end: text.length }]);
  const out: Token[][] = phrases.map(() => []);
  let p = 0;
  let phraseEnd = phrases[0]?.length ?? 0;
  let phraseStart = 0;
  for (const t of tokens) {
    while (t.start >= phraseEnd && p < phrases.length - 1) {
      phraseStart = phraseEnd + 2;
      p++;
      phraseEnd = phraseStart + phrases[p]!.length;
    }
    out[p]!.push(t);
  }
  return out;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The compiled lexicons as plain JSON data (what the start-up cache stores). */
interface CompiledData {
  records: LexiconRecord[];
  info: LexiconInfo[];
  entries: LexiconEntry[];
  /** Each kept phrase: index into `entries`, its words (keys or exact texts), exact flag. */
  phrases: [number, string[], boolean][];
  /** The calibration records of all files, in load order. */
  calibration: RawCalibration[];
}

/** Parses, validates and tokenises the files (the slow path; throws InputError on bad data). */
function build(files: FileInput[]): CompiledData {
  const parsed: ParsedLexicon[] = files.map((f) => parseLexiconFile(f.path, f.raw));
  const seenIds = new Map<string, string>();
  const entries: LexiconEntry[] = [];
  /** Where each entry's phrases sit in its file, for messages. */
  const phraseAt = new Map<LexiconEntry, (i: number) => { line: number; column: number }>();
  const info: LexiconInfo[] = [];

  const calibration: RawCalibration[] = [];
  for (const lex of parsed) {
    const d = lex.data;
    if (d.calibration && d.kind !== 'calibration') {
      throw new InputError('field "calibration" in a lexicon that is not of kind calibration', {
        file: lex.file,
        ...lex.locate(['calibration']),
        hint: 'move the numbers into a file with kind: calibration',
      });
    }
    (d.calibration ?? []).forEach((c, i) => {
      if (c.correct > c.judged || Math.abs(c.precision - Math.round((c.correct / c.judged) * 1000) / 1000) > 0.0005) {
        throw new InputError(`calibration "${c.key}": precision ${c.precision} is not correct / judged (${c.correct} / ${c.judged})`, {
          file: lex.file,
          ...lex.locate(['calibration', i, 'precision']),
          hint: 'regenerate the file with npm run calibrate',
        });
      }
      calibration.push(c);
    });
    const other = seenIds.get(d.id);
    if (other) {
      throw new InputError(`duplicate lexicon id "${d.id}" (also in ${other})`, {
        file: lex.file,
        ...lex.locate(['id']),
        hint: 'give each lexicon file its own id',
      });
    }
    seenIds.set(d.id, lex.file);
    info.push({
      id: d.id,
      version: d.version,
      kind: d.kind,
      license: d.license,
      description: d.description,
      sources: d.sources,
      file: lex.file,
      wordlists: (d.wordlists ?? []).map((w) => ({ ...w, exclude: w.exclude ?? [] })),
    });
    const entryIds = new Map<string, number>();
    d.entries.forEach((e, i) => {
      const { line } = lex.locate(['entries', i]);
      const prev = entryIds.get(e.id);
      if (prev !== undefined) {
        throw new InputError(`duplicate entry id "${e.id}" (also at line ${prev})`, {
          file: lex.file,
          ...lex.locate(['entries', i, 'id']),
          hint: 'entry ids must be unique within a file',
        });
      }
      entryIds.set(e.id, line);
      const entry: LexiconEntry = { lexicon: d.id, kind: d.kind, file: lex.file, line, ...e };
      entries.push(entry);
      phraseAt.set(entry, (k) => lex.locate(['entries', i, 'phrases', k]));
    });
  }

  // Word-list entries come after all hand-written ones: a phrase already covered is skipped.
  const generated: LexiconEntry[] = [];
  for (const lex of parsed) {
    (lex.data.wordlists ?? []).forEach((w, i) => {
      const exclude = new Set((w.exclude ?? []).map(wordKey));
      const { line } = lex.locate(['wordlists', i]);
      for (const phrase of WORDLISTS[w.package] ?? []) {
        if (exclude.has(wordKey(phrase))) continue;
        generated.push({
          lexicon: lex.data.id,
          id: `${w.package}-${slug(phrase)}`,
          kind: lex.data.kind,
          phrases: [phrase],
          category: w.category,
          weight: w.weight,
          note: w.note,
          wordlist: w.package,
          file: lex.file,
          line,
        });
      }
    });
  }

  const all = [...entries, ...generated];
  const phraseList: { entry: LexiconEntry; index: number }[] = [];
  for (const e of all) if (e.kind !== WORD_CLASSES) e.phrases.forEach((_, index) => phraseList.push({ entry: e, index }));
  // Only the words of each phrase are kept, not its tokens: a large user lexicon has many.
  const phraseWords = tokenisePhrases(
    phraseList.map((p) => p.entry.phrases[p.index]!),
    (toks, k) => toks.map((t) => (phraseList[k]!.entry.case === true ? t.text : wordKey(t.normal))),
  );

  // Fixed expressions are tokenised like the phrases (*far-reaching consequences*).
  const fixedList: { entry: LexiconEntry; phrase: string }[] = [];
  for (const e of all) for (const phrase of e.fixed ?? []) fixedList.push({ entry: e, phrase });
  if (fixedList.length > 0) {
    const fixedWords = tokenisePhrases(
      fixedList.map((f) => f.phrase),
      (toks) => toks.map((t) => wordKey(t.normal)),
    );
    fixedList.forEach(({ entry }, k) => (entry.fixedWords ??= []).push(fixedWords[k]!));
  }

  /** Entries per phrase key; one phrase may be in two entries only for disjoint parts of speech (verb "claim", noun "claim"). */
  const owner = new Map<string, LexiconEntry[]>();
  const posOverlap = (x: LexiconEntry, y: LexiconEntry) => !x.pos || !y.pos || x.pos.some((p) => y.pos!.includes(p));
  const phrases: [LexiconEntry, string[], boolean][] = [];
  const dropped = new Set<LexiconEntry>();
  phraseList.forEach(({ entry, index }, k) => {
    const phrase = entry.phrases[index]!;
    const exact = entry.case === true;
    const words = phraseWords[k]!;
    const where = () => (entry.wordlist ? { line: entry.line, column: 1 } : phraseAt.get(entry)!(index));
    if (words.length === 0) {
      throw new InputError(`phrase ${quoteForMessage(phrase)} of entry "${entry.id}" has no words`, {
        file: entry.file,
        ...where(),
        hint: 'write the phrase as it appears in text',
      });
    }
    const key = `${entry.kind}\u0000${exact ? '=' : '~'}${words.join(' ')}`;
    const owners = owner.get(key) ?? [];
    if (owners.includes(entry)) return; // the same phrase twice in one entry (e.g. "Mercenary", "mercenary")
    const first = owners.find((e) => posOverlap(e, entry));
    if (first) {
      if (entry.wordlist) {
        if (entry.phrases.length === 1) dropped.add(entry);
        return;
      }
      throw new InputError(`duplicate phrase ${quoteForMessage(phrase)} in entry "${entry.id}" (also in entry "${first.id}" at ${first.file}:${first.line})`, {
        file: entry.file,
        ...where(),
        hint: 'keep the phrase in one entry only (merge the entries or remove one phrase), or give the entries disjoint `pos`',
      });
    }
    owner.set(key, [...owners, entry]);
    phrases.push([entry, words, exact]);
  });
  const kept = all.filter((e) => !dropped.has(e));
  const indexOf = new Map(kept.map((e, i) => [e, i]));
  return {
    records: files.map((f, i) => ({ id: parsed[i]!.data.id, version: parsed[i]!.data.version, sha256: f.sha256 })),
    info,
    entries: kept,
    phrases: phrases.map(([e, words, exact]) => [indexOf.get(e)!, words, exact]),
    calibration,
  };
}

/** Builds the matchers from compiled data and applies `disable`. */
function instantiate(data: CompiledData, disable: readonly string[], analyses: readonly string[] = []): Lexicons {
  const kept = data.entries;
  // One matcher for every kind: an article's tokens are looked up once, and the matches split by kind.
  const matcher = new PhraseMatcher<LexiconEntry>();
  const kinds = new Set<string>();
  for (const [i, words, exact] of data.phrases) {
    const entry = kept[i]!;
    kinds.add(entry.kind);
    matcher.add({
      entry,
      words,
      exact,
      pos: entry.pos ? new Set(entry.pos) : null,
      literal: entry.literal ? new Set(entry.literal.map(wordKey)) : null,
      fixed: entry.fixedWords ?? null,
      complement: entry.complement ? new Set(entry.complement.map(wordKey)) : null,
    });
  }

  /** Matches per token array, by kind (see `match`). */
  const matchMemo = new WeakMap<readonly Token[], Map<string, readonly LexiconMatch[]>>();
  const matchAll = (tokens: readonly Token[]): Map<string, readonly LexiconMatch[]> => {
    const byKind = new Map<string, LexiconMatch[]>();
    for (const x of matcher.match(tokens)) {
      const kind = x.phrase.entry.kind;
      if (kind === 'actors' && insideLongerName(tokens, x.tokenEnd)) continue;
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push({
        entry: x.phrase.entry,
        tokenStart: x.tokenStart,
        tokenEnd: x.tokenEnd,
        start: tokens[x.tokenStart]!.start,
        end: tokens[x.tokenEnd - 1]!.end,
      });
    }
    for (const list of byKind.values()) Object.freeze(list);
    return byKind;
  };

  const known = new Set<string>([...RULE_CATEGORIES, ...kept.filter((e) => e.kind !== WORD_CLASSES).map((e) => e.category)]);
  for (const c of disable) {
    if (!known.has(c)) {
      // The fix names what users leave out: the analyses, then the marker categories (the loaded-language
      // kinds the README lists). The other lexicons' categories (helper word lists of the attribution and
      // unsourced rules) can be disabled too, and a typo of one still gets its did-you-mean, but listing
      // them (~40 internal names) buried the few a user wants.
      const markers = [...new Set<string>([...RULE_CATEGORIES, ...kept.filter((e) => e.kind === 'markers').map((e) => e.category)])].sort();
      const near = nearestName(c, [...analyses, ...markers, ...[...known].sort()]);
      throw new InputError(`unknown category to disable: ${quoteForMessage(c)}${near ? ` (did you mean ${quoteForMessage(near)}?)` : ''}`, {
        expected: analyses.length ? 'an analysis or a marker category' : 'a lexicon category',
        found: c,
        hint: `${near ? `--disable ${near}; ` : ''}${analyses.length ? `analyses: ${analyses.join(', ')}; ` : ''}marker categories: ${markers.join(', ')}`,
      });
    }
  }

  // Entries of one kind, filtered once (read per article and per story).
  const byKind = new Map<string, LexiconEntry[]>();
  return {
    records: data.records,
    disabled: new Set(disable),
    info: data.info,
    calibration: new Map(data.calibration.map((c) => [c.key, c])),
    entries: (kind) => {
      if (kind === undefined) return kept;
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = kept.filter((e) => e.kind === kind)));
      return list;
    },
    match(article, kind) {
      if (!kinds.has(kind)) return NO_MATCHES;
      // All kinds are matched once per token array: markers, attribution, actors and alignment share it.
      const tokens = article.tokens;
      let byKind = matchMemo.get(tokens);
      if (!byKind) matchMemo.set(tokens, (byKind = matchAll(tokens)));
      return byKind.get(kind) ?? NO_MATCHES;
    },
  };
}

/**
 * True when an actor's alias ends inside a longer proper name: its last word is capitalised and
 * the next word, in the same sentence with only a space between, is a capitalised name or adjective
 * ("the West" in "the West African states", "Russia" in "Russia Today"). Actors are matched as whole names.
 */
export function insideLongerName(tokens: readonly Token[], tokenEnd: number): boolean {
  const last = tokens[tokenEnd - 1];
  const next = tokens[tokenEnd];
  if (!last || !next || next.sentence !== last.sentence) return false;
  const capital = (t: Token) => /^\p{Lu}/u.test(t.text);
  // A name goes on with a name or an adjective ("West African", "Russia Today"), not with a verb or particle (a headline's "Russia Expands", "Burkina Faso To").
  return capital(last) && capital(next) && next.start - last.end <= 1 && /^\p{L}/u.test(next.text) && (next.pos === 'PROPN' || next.pos === 'ADJ');
}

/** A failed example: the entry and the sentence that did not behave as promised. */
export interface ExampleFailure {
  entry: LexiconEntry;
  example: string;
  expected: 'match' | 'nomatch';
}

/**
 * Runs every entry's example sentences through the matcher (`match` examples must match the
 * entry, `nomatch` examples must not); a word class matches a sentence holding one of its words
 * (normal form or lemma). Tokenises all examples in one pass.
 */
export function findExampleFailures(lexicons: Lexicons, entries: readonly LexiconEntry[] = lexicons.entries()): ExampleFailure[] {
  const cases: { entry: LexiconEntry; example: string; expected: 'match' | 'nomatch' }[] = [];
  for (const entry of entries) {
    for (const example of entry.examples?.match ?? []) cases.push({ entry, example, expected: 'match' });
    for (const example of entry.examples?.nomatch ?? []) cases.push({ entry, example, expected: 'nomatch' });
  }
  if (cases.length === 0) return [];
  const tokenised = tokenisePhrases(cases.map((c) => c.example));
  return cases.filter((c, i) => {
    const words = c.entry.kind === WORD_CLASSES ? new Set(c.entry.phrases.map((p) => p.toLowerCase())) : null;
    // A class extending a data file (withUserData) may hold phrases: the example holds one as written.
    const phrase = () => c.entry.phrases.some((p) => /\s/.test(p) && c.example.toLowerCase().includes(p.toLowerCase()));
    const hit = words
      ? tokenised[i]!.some((t) => words.has(t.normal) || words.has(t.lemma)) || phrase()
      : lexicons.match({ tokens: tokenised[i]! }, c.entry.kind).some((m) => m.entry === c.entry);
    return hit !== (c.expected === 'match');
  });
}

/** Throws an InputError for the first failing example (file:line of its entry). */
export function checkExamples(lexicons: Lexicons, entries?: readonly LexiconEntry[]): void {
  const f = findExampleFailures(lexicons, entries)[0];
  if (!f) return;
  throw new InputError(
    `example ${quoteForMessage(f.example, 80)} of entry "${f.entry.id}" ${f.expected === 'match' ? 'does not match it' : 'matches it but is listed under nomatch'}`,
    {
      file: f.entry.file,
      line: f.entry.line,
      hint:
        f.expected === 'match'
          ? 'add the missing phrase form to "phrases" or fix the example'
          : 'narrow the phrase (e.g. with "pos" or a longer phrase) or move the example',
    },
  );
}

const NO_MATCHES: readonly LexiconMatch[] = Object.freeze([]);

const cache = new Map<string, Lexicons>();

/**
 * Bump when the compiled form, the matching rules or the phrase tokenisation change, so stale
 * caches (on disk and precompiled in dist/) are ignored.
 */
const COMPILED_FORMAT = 7;

/** The on-disk cache folder, private to the user (see cache.ts; read at each load). */
export function lexiconCacheDir(): string {
  return defaultCacheDir();
}

/** The compiled bundled lexicons written by the build (`npm run build`), beside this module in dist/. */
export const PRECOMPILED_PATH = fileURLToPath(new URL('./bundled.compiled.json', import.meta.url));

/**
 * What the caches store: the compiled data with each `file` replaced by the index of its file
 * (paths are shown relative to the cwd, so they are filled in at load time), plus the key the
 * data was compiled for.
 */
interface StoredData {
  key: string;
  files: number;
  records: LexiconRecord[];
  info: (Omit<LexiconInfo, 'file'> & { file: number })[];
  entries: (Omit<LexiconEntry, 'file'> & { file: number })[];
  phrases: [number, string[], boolean][];
  calibration: RawCalibration[];
}

/**
 * The cache key of a set of lexicon files: their contents (sha256), names, the schema, parallax's
 * version and the compiled format. Never the cwd. Bundled files count by name only, so the key of
 * the bundled set is the same wherever parallax is installed (the build precompiles it).
 */
function cacheKey(files: readonly FileInput[], schema: string): string {
  return createHash('sha256')
    .update(JSON.stringify([COMPILED_FORMAT, VERSION, schema, files.map((f) => [f.bundled ? `bundled:${basename(f.path)}` : f.path, f.sha256])]))
    .digest('hex');
}

function toStored(data: CompiledData, files: readonly FileInput[], key: string): StoredData {
  const fileIndex = new Map<string, number>(files.map((f, i) => [displayPath(f.path), i]));
  const indexOf = (file: string) => {
    const i = fileIndex.get(file);
    if (i === undefined) throw new Error(`lexicon file ${file} not among the compiled files`);
    return i;
  };
  return {
    key,
    files: files.length,
    records: data.records,
    info: data.info.map((x) => ({ ...x, file: indexOf(x.file) })),
    entries: data.entries.map((e) => ({ ...e, file: indexOf(e.file) })),
    phrases: data.phrases,
    calibration: data.calibration,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((w) => typeof w === 'string');

/**
 * The compiled data from a stored copy, or null when it is not for these files (another key), is
 * corrupt or has the wrong shape: a bad cache entry is ignored, never trusted.
 */
function fromStored(raw: unknown, files: readonly FileInput[], key: string): CompiledData | null {
  if (!isObject(raw) || raw['key'] !== key || raw['files'] !== files.length) return null;
  const { records, info, entries, phrases } = raw;
  if (
    !Array.isArray(records) ||
    records.length !== files.length ||
    !records.every((r) => isObject(r) && typeof r['id'] === 'string' && typeof r['sha256'] === 'string')
  )
    return null;
  const fileOk = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < files.length;
  if (!Array.isArray(info) || !info.every((x) => isObject(x) && fileOk(x['file']) && typeof x['id'] === 'string')) return null;
  if (
    !Array.isArray(entries) ||
    !entries.every(
      (e) =>
        isObject(e) &&
        fileOk(e['file']) &&
        typeof e['id'] === 'string' &&
        typeof e['kind'] === 'string' &&
        typeof e['lexicon'] === 'string' &&
        isStrings(e['phrases']) &&
        typeof e['category'] === 'string' &&
        typeof e['weight'] === 'number',
    )
  ) {
    return null;
  }
  const ok = (p: unknown) =>
    Array.isArray(p) &&
    p.length === 3 &&
    Number.isInteger(p[0]) &&
    p[0] >= 0 &&
    p[0] < entries.length &&
    isStrings(p[1]) &&
    p[1].length > 0 &&
    typeof p[2] === 'boolean';
  if (!Array.isArray(phrases) || !phrases.every(ok)) return null;
  const cal = raw['calibration'];
  if (
    !Array.isArray(cal) ||
    !cal.every((c) => isObject(c) && typeof c['key'] === 'string' && typeof c['precision'] === 'number' && typeof c['judged'] === 'number')
  )
    return null;
  const shown = files.map((f) => displayPath(f.path));
  const stored = raw as unknown as StoredData;
  return {
    records: stored.records,
    info: stored.info.map((x) => ({ ...x, file: shown[x.file]! })),
    entries: stored.entries.map((e) => ({ ...e, file: shown[e.file]! })),
    phrases: stored.phrases,
    calibration: stored.calibration,
  };
}

function readStored(path: string, files: readonly FileInput[], key: string): CompiledData | null {
  try {
    return fromStored(JSON.parse(readFileSync(path, 'utf8')), files, key);
  } catch {
    return null; // missing, unreadable or not JSON
  }
}

/** Where the compiled data of a load came from (for tests and `--verbose` diagnostics). */
export type CompiledFrom = 'precompiled' | 'disk-cache' | 'compiled';

/**
 * Compiled data for these files: from the build's precompiled copy (bundled lexicons only), else
 * the disk cache, when their contents are unchanged; else compiled (and cached on disk when the
 * cache folder is writable; failing to write it never fails the run).
 */
function compiled(files: FileInput[], userFiles: boolean, cacheDir: string, precompiled: string | null): { data: CompiledData; from: CompiledFrom } {
  const schema = readFileSync(LEXICON_SCHEMA_PATH, 'utf8');
  const key = cacheKey(files, schema);
  if (!userFiles && precompiled) {
    const data = readStored(precompiled, files, key);
    if (data) return { data, from: 'precompiled' };
  }
  const name = `lexicons-${key.slice(0, 32)}.json`;
  const usable = openCacheDir(cacheDir); // throws when the folder may not be trusted
  const cached = usable ? fromStored(readCacheEntry(cacheDir, name), files, key) : null;
  if (cached) return { data: cached, from: 'disk-cache' };
  // Compiling is start-up work of no article: a large user lexicon does not use up the articles' time.
  return outsideBudgets(() => {
    const data = build(files);
    if (userFiles) {
      const lexicons = instantiate(data, []);
      const userIds = new Set(data.info.filter((_, i) => !files[i]!.bundled).map((x) => x.id));
      checkExamples(
        lexicons,
        lexicons.entries().filter((e) => userIds.has(e.lexicon)),
      );
    }
    // A cache that cannot be written only costs start-up time.
    if (usable && writeCacheEntry(cacheDir, name, toStored(data, files, key) as unknown as Record<string, unknown>)) pruneLexiconCache(cacheDir);
    return { data, from: 'compiled' as const };
  });
}

/** Most compiled lexicon sets kept in the disk cache (each user set, each edit of one, adds an entry). */
export const LEXICON_CACHE_KEEP = 16;

/** Removes all but the `keep` most recently written `lexicons-*.json` entries of the cache folder. */
export function pruneLexiconCache(cacheDir: string, keep = LEXICON_CACHE_KEEP): void {
  pruneCache(cacheDir, /^lexicons-[0-9a-f]+\.json$/, keep);
}

function readFiles(options: LexiconOptions): FileInput[] {
  const files: FileInput[] = [];
  const dirs = [...(options.bundled === false ? [] : [BUNDLED_LEXICONS]), ...(options.dirs ?? [])];
  for (const dir of dirs) {
    for (const path of listFiles(resolve(dir))) {
      const raw = readFileSync(path, 'utf8');
      files.push({ path, raw, sha256: createHash('sha256').update(raw).digest('hex'), bundled: dir === BUNDLED_LEXICONS });
    }
  }
  return files;
}

/**
 * Compiles the lexicons of `options` through the caches, bypassing the per-process cache (for
 * tests and the build): `cacheDir` for the disk cache, `precompiled` for the build's copy (null:
 * none). Returns where the data came from.
 */
export function compileLexicons(
  options: LexiconOptions = {},
  where: { cacheDir?: string; precompiled?: string | null } = {},
): { from: CompiledFrom; lexicons: Lexicons } {
  const files = readFiles(options);
  const { data, from } = compiled(
    files,
    files.some((f) => !f.bundled),
    where.cacheDir ?? lexiconCacheDir(),
    where.precompiled === undefined ? PRECOMPILED_PATH : where.precompiled,
  );
  return { from, lexicons: instantiate(data, [...new Set(options.disable ?? [])].sort(), options.analyses) };
}

/**
 * Writes the compiled bundled lexicons to `path` (default: beside this module, where
 * `loadLexicons` looks first). Run by `npm run build`, so the first start-up after a build or an
 * install is as fast as a cached one and needs no writable temp dir. The YAML files stay the
 * source: a changed file changes the key and the copy is ignored.
 */
export function writePrecompiled(path: string = PRECOMPILED_PATH): void {
  const files = readFiles({});
  const key = cacheKey(files, readFileSync(LEXICON_SCHEMA_PATH, 'utf8'));
  const data = build(files);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(toStored(data, files, key)));
  renameSync(tmp, path);
}

/**
 * Loads, validates and compiles the bundled lexicons plus `options.dirs`, once per process for
 * the same file contents. Throws InputError (`file:line:column: what — fix: how`) on a bad file.
 *
 * The compiled form (entries and tokenised phrases) of the bundled lexicons is written into dist/
 * by `npm run build` (see `writePrecompiled`); any other set is cached on disk (`lexiconCacheDir`).
 * Both are keyed by the sha256 of every file, the file names, the schema and parallax's version
 * (not the cwd), so a start-up with unchanged lexicons skips YAML parsing, validation and
 * tokenisation. A cache entry that is corrupt or for other files is ignored; a cache that cannot
 * be written only costs start-up time. Examples of the bundled lexicons are checked by the test
 * suite and `npm run lexicons`; examples of user lexicons (`--lexicons DIR`) are checked whenever
 * those files change.
 */
export function loadLexicons(options: LexiconOptions = {}): Lexicons {
  const files = readFiles(options);
  const disable = [...new Set(options.disable ?? [])].sort();
  const key = JSON.stringify([files.map((f) => [f.path, f.sha256]), disable]);
  let lexicons = cache.get(key);
  if (!lexicons) {
    lexicons = instantiate(
      compiled(
        files,
        files.some((f) => !f.bundled),
        lexiconCacheDir(),
        PRECOMPILED_PATH,
      ).data,
      disable,
      options.analyses,
    );
    cache.set(key, lexicons);
  }
  return lexicons;
}
