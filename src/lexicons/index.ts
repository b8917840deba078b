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
 * is dropped (*flooded* near *river*, *fuel* near *price*).
 *
 * Offsets in matches are 0-based UTF-16 indices into the article text, end exclusive; token
 * indices are 0-based, end exclusive. Lines and columns in errors are 1-based.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { InputError, quoteForMessage } from '../core/errors.js';
import type { AnalysedArticle, LexiconRecord, Token } from '../core/types.js';
import { PACKAGE_ROOT, VERSION } from '../core/version.js';
import { analyseText } from '../nlp/index.js';
import { PhraseMatcher, wordKey, type CompiledPhrase } from './matcher.js';
import { LEXICON_SCHEMA_PATH, parseLexiconFile, type ParsedLexicon, type RawSource } from './parse.js';

/** The lexicons/ folder shipped with parallax. */
export const BUNDLED_LEXICONS = resolve(PACKAGE_ROOT, 'lexicons');

/** Categories produced by rules rather than lexicon entries (they can be disabled too). */
export const RULE_CATEGORIES = ['scare-quotes', 'agentless-evaluation', 'reporting-verb'] as const;

export interface LexiconOptions {
  /** Extra lexicon directories (`--lexicons DIR`), loaded after the bundled ones. */
  dirs?: string[];
  /** Categories to turn off (`--disable CATEGORY`). */
  disable?: string[];
  /** Load the bundled lexicons/ too (default true; tests of user lexicons turn it off). */
  bundled?: boolean;
}

/** One lexicon entry, as loaded. `line` is 1-based (the entry's first line in `file`). */
export interface LexiconEntry {
  lexicon: string;
  id: string;
  kind: string;
  phrases: string[];
  category: string;
  weight: number;
  note: string;
  alternative?: string;
  neutral?: boolean;
  sourceType?: string;
  name?: string;
  pos?: string[];
  case?: boolean;
  /** Words (keys) that mark a literal use when found within LITERAL_WINDOW words of a match. */
  literal?: string[];
  examples?: { match?: string[]; nomatch?: string[] };
  /** Set when the entry was built from a word-list package (e.g. `hedges`). */
  wordlist?: string;
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

/** Splits many phrases into tokens with the article tokeniser, in one pass. */
function tokenisePhrases(phrases: readonly string[]): Token[][] {
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
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The compiled lexicons as plain JSON data (what the start-up cache stores). */
interface CompiledData {
  records: LexiconRecord[];
  info: LexiconInfo[];
  entries: LexiconEntry[];
  /** Each kept phrase: index into `entries`, its words (keys or exact texts), exact flag. */
  phrases: [number, string[], boolean][];
}

/** Parses, validates and tokenises the files (the slow path; throws InputError on bad data). */
function build(files: FileInput[]): CompiledData {
  const parsed: ParsedLexicon[] = files.map((f) => parseLexiconFile(f.path, f.raw));
  const seenIds = new Map<string, string>();
  const entries: LexiconEntry[] = [];
  /** Where each entry's phrases sit in its file, for messages. */
  const phraseAt = new Map<LexiconEntry, (i: number) => { line: number; column: number }>();
  const info: LexiconInfo[] = [];

  for (const lex of parsed) {
    const d = lex.data;
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
  for (const e of all) e.phrases.forEach((_, index) => phraseList.push({ entry: e, index }));
  const tokenised = tokenisePhrases(phraseList.map((p) => p.entry.phrases[p.index]!));

  const owner = new Map<string, LexiconEntry>();
  const phrases: [LexiconEntry, string[], boolean][] = [];
  const dropped = new Set<LexiconEntry>();
  phraseList.forEach(({ entry, index }, k) => {
    const toks = tokenised[k]!;
    const phrase = entry.phrases[index]!;
    const exact = entry.case === true;
    const words = toks.map((t) => (exact ? t.text : wordKey(t.normal)));
    const where = () => (entry.wordlist ? { line: entry.line, column: 1 } : phraseAt.get(entry)!(index));
    if (words.length === 0) {
      throw new InputError(`phrase ${quoteForMessage(phrase)} of entry "${entry.id}" has no words`, {
        file: entry.file,
        ...where(),
        hint: 'write the phrase as it appears in text',
      });
    }
    const key = `${entry.kind}\u0000${exact ? '=' : '~'}${words.join(' ')}`;
    const first = owner.get(key);
    if (first && first !== entry) {
      if (entry.wordlist) {
        if (entry.phrases.length === 1) dropped.add(entry);
        return;
      }
      throw new InputError(`duplicate phrase ${quoteForMessage(phrase)} in entry "${entry.id}" (also in entry "${first.id}" at ${first.file}:${first.line})`, {
        file: entry.file,
        ...where(),
        hint: 'keep the phrase in one entry only (merge the entries or remove one phrase)',
      });
    }
    if (first === entry) return; // the same phrase twice in one entry (e.g. "Mercenary", "mercenary")
    owner.set(key, entry);
    phrases.push([entry, words, exact]);
  });
  const kept = all.filter((e) => !dropped.has(e));
  const indexOf = new Map(kept.map((e, i) => [e, i]));
  return {
    records: files.map((f, i) => ({ id: parsed[i]!.data.id, version: parsed[i]!.data.version, sha256: f.sha256 })),
    info,
    entries: kept,
    phrases: phrases.map(([e, words, exact]) => [indexOf.get(e)!, words, exact]),
  };
}

/** Builds the matchers from compiled data and applies `disable`. */
function instantiate(data: CompiledData, disable: readonly string[]): Lexicons {
  const kept = data.entries;
  const matchers = new Map<string, PhraseMatcher<LexiconEntry>>();
  for (const [i, words, exact] of data.phrases) {
    const entry = kept[i]!;
    let m = matchers.get(entry.kind);
    if (!m) matchers.set(entry.kind, (m = new PhraseMatcher<LexiconEntry>()));
    const compiled: CompiledPhrase<LexiconEntry> = {
      entry,
      words,
      exact,
      pos: entry.pos ? new Set(entry.pos) : null,
      literal: entry.literal ? new Set(entry.literal.map(wordKey)) : null,
    };
    m.add(compiled);
  }

  /** Matches per token array and kind (see `match`). */
  const matchMemo = new WeakMap<readonly Token[], Map<string, readonly LexiconMatch[]>>();

  const known = new Set<string>([...RULE_CATEGORIES, ...kept.map((e) => e.category)]);
  for (const c of disable) {
    if (!known.has(c)) {
      throw new InputError(`unknown category to disable: ${quoteForMessage(c)}`, {
        expected: 'a category',
        found: c,
        hint: `use one of ${[...known].sort().join(', ')}`,
      });
    }
  }

  return {
    records: data.records,
    disabled: new Set(disable),
    info: data.info,
    entries: (kind) => (kind === undefined ? kept : kept.filter((e) => e.kind === kind)),
    match(article, kind) {
      const m = matchers.get(kind);
      if (!m) return NO_MATCHES;
      // Each kind is matched once per token array: markers, attribution, actors and alignment share it.
      const tokens = article.tokens;
      let byKind = matchMemo.get(tokens);
      if (!byKind) matchMemo.set(tokens, (byKind = new Map()));
      let found = byKind.get(kind);
      if (!found) {
        found = Object.freeze(
          m.match(tokens).map((x) => ({
            entry: x.phrase.entry,
            tokenStart: x.tokenStart,
            tokenEnd: x.tokenEnd,
            start: tokens[x.tokenStart]!.start,
            end: tokens[x.tokenEnd - 1]!.end,
          })),
        );
        byKind.set(kind, found);
      }
      return found;
    },
  };
}

/** A failed example: the entry and the sentence that did not behave as promised. */
export interface ExampleFailure {
  entry: LexiconEntry;
  example: string;
  expected: 'match' | 'nomatch';
}

/**
 * Runs every entry's example sentences through the matcher (`match` examples must match the
 * entry, `nomatch` examples must not). Tokenises all examples in one pass.
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
    const hit = lexicons.match({ tokens: tokenised[i]! }, c.entry.kind).some((m) => m.entry === c.entry);
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
      hint: f.expected === 'match' ? 'add the missing phrase form to "phrases" or fix the example' : 'narrow the phrase (e.g. with "pos" or a longer phrase) or move the example',
    },
  );
}

const NO_MATCHES: readonly LexiconMatch[] = Object.freeze([]);

const cache = new Map<string, Lexicons>();

/** Bump when the compiled form or the matching rules change, so stale disk caches are ignored. */
const COMPILED_FORMAT = 3;
const DISK_CACHE = join(tmpdir(), 'parallax-cache');

/** Compiled data for these files: from the disk cache when their contents are unchanged. */
function compiled(files: FileInput[], userFiles: boolean): CompiledData {
  const schema = readFileSync(LEXICON_SCHEMA_PATH, 'utf8');
  const key = createHash('sha256')
    .update(JSON.stringify([COMPILED_FORMAT, VERSION, process.cwd(), schema, files.map((f) => [f.path, f.sha256])]))
    .digest('hex');
  const path = join(DISK_CACHE, `lexicons-${key.slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CompiledData;
  } catch {
    // not cached yet (or unreadable): compile below
  }
  const data = build(files);
  if (userFiles) {
    const lexicons = instantiate(data, []);
    const userIds = new Set(data.info.filter((_, i) => !files[i]!.bundled).map((x) => x.id));
    checkExamples(lexicons, lexicons.entries().filter((e) => userIds.has(e.lexicon)));
  }
  try {
    mkdirSync(DISK_CACHE, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, path);
  } catch {
    // a read-only temp dir only costs start-up time
  }
  return data;
}

/**
 * Loads, validates and compiles the bundled lexicons plus `options.dirs`, once per process for
 * the same file contents. Throws InputError (`file:line:column: what — fix: how`) on a bad file.
 *
 * The compiled form (entries and tokenised phrases) is cached on disk, keyed by the sha256 of
 * every file, the schema and parallax's version, so a start-up with unchanged lexicons skips YAML
 * parsing, validation and tokenisation. Examples of the bundled lexicons are checked by the test
 * suite and `npm run lexicons`; examples of user lexicons (`--lexicons DIR`) are checked whenever
 * those files change.
 */
export function loadLexicons(options: LexiconOptions = {}): Lexicons {
  const files: FileInput[] = [];
  const dirs = [...(options.bundled === false ? [] : [BUNDLED_LEXICONS]), ...(options.dirs ?? [])];
  for (const dir of dirs) {
    for (const path of listFiles(resolve(dir))) {
      const raw = readFileSync(path, 'utf8');
      files.push({ path, raw, sha256: createHash('sha256').update(raw).digest('hex'), bundled: dir === BUNDLED_LEXICONS });
    }
  }
  const disable = [...new Set(options.disable ?? [])].sort();
  const key = JSON.stringify([files.map((f) => [f.path, f.sha256]), disable]);
  let lexicons = cache.get(key);
  if (!lexicons) {
    lexicons = instantiate(compiled(files, files.some((f) => !f.bundled)), disable);
    cache.set(key, lexicons);
  }
  return lexicons;
}
