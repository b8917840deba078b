/**
 * The ingest cue lists (lexicons/ingest/*.yml): boilerplate cues and per-language function
 * words, loaded once per process, checked and compiled into regular expressions.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { LexiconRecord } from '../core/types.js';
import { INGEST_LEXICONS, cueList, readCueFile, readYamlData } from '../core/yaml-copy.js';
import { dataLoader, type Lexicons } from '../lexicons/index.js';

/** Compiled boilerplate cues; each regex is case-insensitive and matches whole words. */
export interface BoilerplateCues {
  bylinePrefix: RegExp;
  bioVerb: RegExp;
  bioRole: RegExp;
  /** "… is a (freelance) journalist …" within a sentence: a form of "is" followed by a role within 8 words. */
  isRole: RegExp;
  bioContact: RegExp;
  reportingCredit: RegExp;
  /** "Follow X on Twitter" at the start of a sentence (check that "Follow" is capitalised). */
  followOn: RegExp;
  socialNetwork: RegExp;
  donationPlatform: RegExp;
  supportVerb: RegExp;
  donationPhrase: RegExp;
  /** Share phrases of one word: the whole line must be the word. */
  shareWord: RegExp;
  /** Share phrases of several words: the line must start with one. */
  sharePhrase: RegExp;
  shareMaxWords: number;
  captionLabel: RegExp;
  creditAgency: RegExp;
  /** The whole line is credit agencies separated by `/`, `,`, `|` or "and". */
  creditOnly: RegExp;
  relatedPhrase: RegExp;
  copyright: RegExp;
  tagsLabel: RegExp;
  /** At the end of a line: an embedded post's signature, "— Name (@handle) Month D, YYYY" (a closing tag and full stop may follow: "…2016</tweet>."). */
  embedSignature: RegExp;
  stampWord: RegExp;
  stampMaxWords: number;
  /** At the start of a line: an update or correction notice. */
  updateNote: RegExp;
  /** At the start of a line: a note that the article appeared elsewhere first or also ("This article originally appeared on …"). */
  reprintNote: RegExp;
  /** HTML class-name part (lower case) → the boilerplate reason of an element carrying it. */
  furnitureClasses: ReadonlyMap<string, 'caption' | 'share-prompt' | 'author-bio'>;
  /** An element marked as furniture by its class is dropped only when it holds at most this many words. */
  furnitureMaxWords: number;
  /** A date with a month name ("21 juni 2024", "April 03, 2025") or numbers ("2024-06-21", "21.06.2024"). */
  date: RegExp;
  /** Month name (lower case) → month number 1–12. */
  months: ReadonlyMap<string, number>;
  nameParticles: ReadonlySet<string>;
  topLines: number;
  bottomLines: number;
  /**
   * Prefilter: lower-cased word (a run of letters and digits) → the cue groups (`CUE` bits) that
   * have a phrase starting with that word. A line is tested against a group's regex only when
   * one of its words is in the group (see `cueMask`).
   */
  triggers: ReadonlyMap<string, number>;
}

/** Cue groups for the prefilter (bit flags). */
export const CUE = {
  copyright: 1,
  platform: 2,
  support: 4,
  donation: 8,
  follow: 16,
  contact: 32,
  credit: 64,
  caption: 128,
  stamp: 256,
  agency: 512,
  bioVerb: 1024,
  role: 2048,
} as const;

const RUN = /[\p{L}\p{N}]+/gu;

/** The cue groups (`CUE` bits) whose trigger words occur in `text` (one pass over the text). */
export function cueMask(text: string, cues: BoilerplateCues): number {
  let mask = text.includes('©') || /\(c\)/i.test(text) ? CUE.copyright : 0;
  const runs = text.toLowerCase().match(RUN);
  if (runs) for (const r of runs) mask |= cues.triggers.get(r) ?? 0;
  return mask;
}

function addTriggers(map: Map<string, number>, phrases: readonly string[], bit: number): void {
  for (const p of phrases) {
    const lower = p.trim().toLowerCase();
    const first = /^[\p{L}\p{N}]+/u.exec(lower);
    if (!first) continue; // "©", "(c)": checked directly by cueMask
    map.set(first[0], (map.get(first[0]) ?? 0) | bit);
  }
}

export interface LanguageCues {
  minWords: number;
  minHits: number;
  ratio: number;
  englishStrong: number;
  english: ReadonlySet<string>;
  /** Other languages' function words, without those that are also English. */
  others: ReadonlyMap<string, ReadonlySet<string>>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const L = '\\p{L}\\p{N}';

/** A regex source matching any of `phrases` (spaces match any whitespace run), longest first. */
function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((p) => escape(p.trim()).replace(/\s+/g, '\\s+'))
    .join('|');
}

/** Whole-word (letters and digits) matcher for any of `phrases`, case-insensitive. */
export function wordsRegex(phrases: readonly string[], prefix = '', suffix = ''): RegExp {
  return new RegExp(`${prefix}(?<![${L}])(?:${alternation(phrases)})(?![${L}])${suffix}`, 'iu');
}

/** The cue files under lexicons/ingest. */
export const CUE_FILES = ['boilerplate.yml', 'function-words.yml', 'sentences.yml'] as const;

let cueSources: LexiconRecord[] | undefined;

/** Provenance of the cue files (id, version, sha256 of the YAML), for the report's `lexicons`. */
export function ingestSources(): LexiconRecord[] {
  cueSources ??= CUE_FILES.map((name) => {
    const { raw, data } = readYamlData(resolve(INGEST_LEXICONS, name));
    const d = (data ?? {}) as Record<string, unknown>;
    return { id: String(d['id']), version: String(d['version']), sha256: createHash('sha256').update(raw).digest('hex') };
  });
  return cueSources;
}

const list = cueList;

function num(data: Record<string, unknown>, key: string, file: string): number {
  const v = data[key];
  if (typeof v !== 'number') throw new Error(`lexicons/ingest/${file}: "${key}" must be a number`);
  return v;
}

const FURNITURE_REASONS = ['caption', 'share-prompt', 'author-bio'] as const;

/** The `furniture_classes` map: reason → class-name parts, read as part → reason. */
function furnitureClasses(v: unknown, file: string): Map<string, (typeof FURNITURE_REASONS)[number]> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new Error(`lexicons/ingest/${file}: "furniture_classes" must map reasons to lists of class-name parts`);
  const out = new Map<string, (typeof FURNITURE_REASONS)[number]>();
  for (const reason of Object.keys(v)) {
    const r = FURNITURE_REASONS.find((x) => x === reason);
    if (!r) throw new Error(`lexicons/ingest/${file}: furniture_classes: expected one of ${FURNITURE_REASONS.join(', ')}, found "${reason}"`);
    for (const part of list(v as Record<string, unknown>, reason, file)) out.set(part.toLowerCase(), r);
  }
  return out;
}

/** The compiled boilerplate cues (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadBoilerplateCues: (lexicons?: Lexicons) => BoilerplateCues = dataLoader(
  () => ({ data: readCueFile('boilerplate.yml'), raw: '' }),
  (d) => compileBoilerplate(d as Record<string, unknown>),
);

function compileBoilerplate(d: Record<string, unknown>): BoilerplateCues {
  const f = 'boilerplate.yml';
  const get = (k: string) => list(d, k, f);
  const monthData = d['months'] as Record<string, unknown> | undefined;
  const months = new Map<string, number>();
  for (let m = 1; m <= 12; m++) for (const name of list(monthData ?? {}, String(m), f)) months.set(name, m);
  const monthAlt = alternation([...months.keys()]);
  const day = '(?:[0-3]?\\d)(?:st|nd|rd|th|\\.)?';
  const year = '(?:19|20)\\d\\d';
  const date = new RegExp(
    [
      `(?<![${L}])(?:${day}\\s*(?:${monthAlt})\\.?,?\\s+${year})`, // 21 juni 2024, 3. März 2024
      `(?<![${L}])(?:(?:${monthAlt})\\.?\\s+${day},?\\s+${year})`, // April 03, 2025
      `(?<![${L}])(?:${year}-[01]\\d-[0-3]\\d)(?![${L}])`, // 2024-06-21
      `(?<![${L}\\d])(?:\\d{1,2}[./]\\d{1,2}[./]${year})(?![${L}\\d])`, // 21.06.2024, 6/21/2024 (parseDate checks month and day)
    ].join('|'),
    'iu',
  );
  const triggers = new Map<string, number>();
  addTriggers(triggers, get('copyright_cues'), CUE.copyright);
  addTriggers(triggers, get('donation_platforms'), CUE.platform);
  addTriggers(triggers, get('support_verbs'), CUE.support);
  addTriggers(triggers, get('donation_phrases'), CUE.donation);
  addTriggers(triggers, ['follow'], CUE.follow);
  addTriggers(triggers, get('bio_contact'), CUE.contact);
  addTriggers(triggers, get('reporting_credits'), CUE.credit);
  addTriggers(triggers, get('caption_labels'), CUE.caption);
  addTriggers(triggers, get('stamp_words'), CUE.stamp);
  addTriggers(triggers, get('credit_agencies'), CUE.agency);
  addTriggers(triggers, get('bio_verbs'), CUE.bioVerb);
  addTriggers(triggers, get('bio_roles'), CUE.role);
  const agencies = get('credit_agencies');
  const agencyAlt = alternation(agencies);
  const socials = get('social_networks');
  return {
    bylinePrefix: wordsRegex(get('byline_prefixes'), '^\\s*', '\\s*:?\\s+'),
    bioVerb: wordsRegex(get('bio_verbs')),
    bioRole: wordsRegex(get('bio_roles')),
    isRole: new RegExp(`^.{0,200}?\\bis\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+){0,8}?${wordsRegex(get('bio_roles')).source}`, 'iu'),
    bioContact: wordsRegex(get('bio_contact')),
    reportingCredit: wordsRegex(get('reporting_credits')),
    followOn: new RegExp(
      `(?:^|[.!?]["”]?\\s+|^["“])Follow\\s+(?:[^.!?\\n]{1,40}?\\s)?(?:on|at)\\s+(?:${alternation(socials)})(?![${L}])|(?:^|[.!?]["”]?\\s+|^["“])Follow\\s+(?:him|her|them|us|me)?\\s*@\\w`,
      'iu',
    ),
    socialNetwork: wordsRegex(socials),
    donationPlatform: wordsRegex(get('donation_platforms')),
    supportVerb: wordsRegex(get('support_verbs')),
    donationPhrase: wordsRegex(get('donation_phrases')),
    shareWord: wordsRegex(
      get('share_phrases').filter((p) => !/\s/.test(p)),
      '^',
      '[\\s!.:]*$',
    ),
    sharePhrase: wordsRegex(
      get('share_phrases').filter((p) => /\s/.test(p)),
      '^',
    ),
    shareMaxWords: num(d, 'share_max_words', f),
    captionLabel: wordsRegex(get('caption_labels'), '', '\\s*(?::|\\||/|©|by\\s)'),
    creditAgency: wordsRegex(agencies),
    creditOnly: new RegExp(`^[\\s(©]*(?:${agencyAlt})(?:\\s*(?:/|,|\\||&|and|via)\\s*(?:${agencyAlt}))*[\\s).]*$`, 'iu'),
    relatedPhrase: wordsRegex(get('related_phrases'), '^[\\s»›>→•*-]*', '(?:\\s*[:.…»›>→]*\\s*$|\\s*:)'),
    copyright: new RegExp(
      `©|\\(c\\)(?=\\s*(?:19|20)\\d\\d)|(?<![${L}])(?:${alternation(get('copyright_cues').filter((c) => /^\p{L}/u.test(c)))})(?![${L}])`,
      'iu',
    ),
    tagsLabel: wordsRegex(get('tags_labels'), '^\\s*', '\\s*:'),
    embedSignature: new RegExp(
      `(?:${alternation(get('embed_dashes'))})\\s*[^()\\n]{1,80}\\(@\\w{1,30}\\)\\s*(?:${date.source})(?:\\s*<\\/\\w+>)?[\\s.]*$`,
      'iu',
    ),
    stampWord: wordsRegex(get('stamp_words')),
    stampMaxWords: num(d, 'stamp_max_words', f),
    updateNote: wordsRegex(get('update_notes'), '^\\W*'),
    reprintNote: wordsRegex(get('reprint_notes'), '^\\W*'),
    furnitureClasses: furnitureClasses(d['furniture_classes'], f),
    furnitureMaxWords: num(d, 'furniture_max_words', f),
    date,
    months,
    nameParticles: new Set(get('name_particles')),
    topLines: num(d, 'top_lines', f),
    bottomLines: num(d, 'bottom_lines', f),
    triggers,
  };
}

/** The per-language function words (read once), as extended by word classes of the loaded lexicons (see withUserData). */
export const loadLanguageCues: (lexicons?: Lexicons) => LanguageCues = dataLoader(
  () => ({ data: readCueFile('function-words.yml'), raw: '' }),
  (d) => compileLanguages(d as Record<string, unknown>),
);

function compileLanguages(d: Record<string, unknown>): LanguageCues {
  const f = 'function-words.yml';
  const langs = d['languages'] as Record<string, unknown> | undefined;
  if (!langs || !('en' in langs)) throw new Error(`lexicons/ingest/${f}: "languages" must have an "en" list`);
  const english = new Set(list(langs, 'en', f));
  const others = new Map<string, Set<string>>();
  for (const code of Object.keys(langs).sort()) {
    if (code === 'en') continue;
    others.set(code, new Set(list(langs, code, f).filter((w) => !english.has(w))));
  }
  return {
    minWords: num(d, 'min_words', f),
    minHits: num(d, 'min_hits', f),
    ratio: num(d, 'ratio', f),
    englishStrong: num(d, 'english_strong', f),
    english,
    others,
  };
}
