/**
 * Boilerplate detection: lines of an article that are page furniture, not prose (bylines, author
 * bios, donation and share prompts, captions and photo credits, related-links headings,
 * copyright and tags lines, publication stamps, repeated titles, lines in another language).
 * Each line is judged on general cues (lexicons/ingest/*.yml) plus its position; every span
 * gets a `reason` and the `rule` that fired. A "line" is a line of the content for text and
 * markdown, a block element's text for HTML.
 *
 * Also returns what the furniture says about the article (author, date, outlet, title), used to
 * fill missing metadata.
 */
import { lineSpans, trimSpan } from '../core/spans.js';
import { checkBudget } from '../core/limits.js';
import type { ArticleMeta, BoilerplateReason, BoilerplateSpan, SourceDocument, Span } from '../core/types.js';
import { buildView, toSource } from '../nlp/view.js';
import type { Lexicons } from '../lexicons/index.js';
import { CUE, cueMask, loadBoilerplateCues, loadLanguageCues, type BoilerplateCues, type LanguageCues } from './cues.js';

/** One line of content as read (entities decoded for HTML), with its source pieces. */
export interface ContentLine {
  /** 0-based index among the non-blank lines of the content. */
  index: number;
  /** The line's text as read, trimmed. */
  text: string;
  /** Source spans (0-based offsets into the file text) holding the line's text, inside the content. */
  pieces: Span[];
}

interface Hit {
  reason: BoilerplateReason;
  rule: string;
  /** Author name, date (YYYY-MM-DD) or outlet name the line gives. */
  author?: string;
  date?: string;
  outlet?: string;
}

/** What the boilerplate says about the article (any field may be missing). */
export type FoundMeta = Partial<Record<keyof ArticleMeta, string>>;

export interface BoilerplateResult {
  /** Sorted by start. */
  spans: BoilerplateSpan[];
  found: FoundMeta;
  /** Notices for the user (the article does not look English). */
  notices: string[];
  /** The article's language when it is not English (a language code such as `fr`, or a script such as `Cyrillic`); null when English or undecided. */
  language: string | null;
}

/** The non-blank lines of `doc.content`, in order. */
export function contentLines(doc: SourceDocument): ContentLine[] {
  const view = buildView(doc.text, doc.content, doc.layout);
  const out: ContentLine[] = [];
  let first = 0; // content spans before this one end before the current line (lines come in order)
  for (const line of lineSpans(view.text)) {
    checkBudget('boilerplate');
    const text = line.text.trim();
    if (!text) continue;
    const start = toSource(view, line.start);
    const end = toSource(view, line.end);
    const pieces: Span[] = [];
    while (first < doc.content.length && doc.content[first]!.end <= start) first++;
    for (let k = first; k < doc.content.length; k++) {
      const c = doc.content[k]!;
      if (c.start >= end) break;
      if (c.end <= start) continue;
      const t = trimSpan(doc.text, Math.max(c.start, start), Math.min(c.end, end));
      if (t.end > t.start) pieces.push(t);
    }
    if (pieces.length > 0) out.push({ index: out.length, text, pieces });
  }
  return out;
}

/** Detects boilerplate lines inside `doc.content`. Returned spans are sorted by start. */
export function detectBoilerplate(doc: SourceDocument, lexicons?: Lexicons): BoilerplateSpan[] {
  return analyseBoilerplate(doc, lexicons).spans;
}

/** Detects boilerplate lines and collects the metadata they give. */
export function analyseBoilerplate(doc: SourceDocument, lexicons?: Lexicons): BoilerplateResult {
  const cues = loadBoilerplateCues(lexicons);
  const lang = loadLanguageCues(lexicons);
  const lines = contentLines(doc);
  const meta = doc.meta;
  const language = articleLanguage(
    lines.map((l) => l.text),
    lang,
  );
  const hits = classifyLines(lines, meta, cues, lang, language === null);
  const spans: BoilerplateSpan[] = [];
  const found: FoundMeta = {};
  const outlets: string[] = [];
  lines.forEach((line, i) => {
    const hit = hits[i];
    if (!hit) {
      if (found.title === undefined && looksLikeTitle(line.text)) found.title = line.text;
      return;
    }
    for (const p of line.pieces) spans.push({ ...p, text: doc.text.slice(p.start, p.end), reason: hit.reason, rule: hit.rule });
    if (hit.author && found.author === undefined) found.author = hit.author;
    if (hit.date && found.date === undefined) found.date = hit.date;
    if (hit.outlet) outlets.push(hit.outlet);
  });
  // A copyright line names the outlet; a donation prompt names the author as often as the
  // outlet ("support Baya on PayPal"), so names that are part of the author's are skipped.
  const copyright = hits.find((h) => h?.reason === 'copyright' && h.outlet)?.outlet;
  const authorWords = norm(found.author ?? meta.author ?? '').split(' ');
  const outlet = copyright ?? outlets.find((o) => !authorWords.includes(norm(o)));
  if (outlet) found.outlet = outlet;
  return { spans, found, notices: language ? [language.notice] : [], language: language?.code ?? null };
}

/** Lower-case, straight quotes, single spaces, no surrounding punctuation. */
function norm(s: string): string {
  let t = s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”„«»]/g, '"');
  // Most lines have single spaces only, which the replacement would copy unchanged.
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/\s+/g, ' ');
  // Trim spaces, punctuation and symbols off both ends, one code point at a time (a regex
  // with `[\p{P}\p{S}]+$` would be tried at every position of the line).
  let start = 0;
  let end = t.length;
  while (start < end) {
    const cp = t.codePointAt(start)!;
    const len = cp > 0xffff ? 2 : 1;
    if (!EDGE.test(t.slice(start, start + len))) break;
    start += len;
  }
  while (end > start) {
    const low = t.charCodeAt(end - 1);
    const len = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (!EDGE.test(t.slice(end - len, end))) break;
    end -= len;
  }
  return t.slice(start, end);
}
const EDGE = /^[\s\p{P}\p{S}]$/u;

const wordsOf = (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu) ?? [];

function looksLikeTitle(text: string): boolean {
  return wordsOf(text).length <= 30 && text.length <= 250;
}

/** A word that can be part of a person's name: capitalised (or all caps), or a particle. */
function isNameWord(w: string, cues: BoilerplateCues): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) || cues.nameParticles.has(w.toLowerCase());
}

/** 2–4 name words (the first capitalised), nothing else but spaces. */
function nameOnly(text: string, cues: BoilerplateCues, lang: LanguageCues): string | null {
  const t = text.trim().replace(/[,.;]$/, '');
  if (/[!?:;"“”()\d@/|]|[\p{L}\p{M}]{2}\./u.test(t)) return null;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  if (!/^\p{Lu}/u.test(words[0]!) || !words.every((w) => isNameWord(w, cues))) return null;
  if (words.some((w) => lang.english.has(w.toLowerCase()))) return null;
  return t;
}

/** Names in a byline body ("Jane Doe and John Roe, Reuters"): at most `max` words, all name-like. */
function bylineNames(rest: string, cues: BoilerplateCues, max = 10): string | null {
  const t = rest.trim().replace(/[.;]$/, '');
  const words = t.split(/[\s,|·•–—-]+/).filter(Boolean);
  if (words.length === 0 || words.length > max) return null;
  if (!/^\p{Lu}/u.test(words[0]!)) return null;
  if (!words.every((w) => isNameWord(w, cues) || /^(and|und|och|et|y|e|with)$/i.test(w))) return null;
  return t.split(/\s*[,|·•]\s*/)[0]!.trim();
}

/** Parses the first date in `text` as YYYY-MM-DD (null when none or not a real date). */
export function parseDate(text: string, cues: BoilerplateCues): string | null {
  const m = cues.date.exec(text);
  if (!m) return null;
  const s = m[0];
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = /((?:19|20)\d\d)-(\d\d)-(\d\d)/.exec(s);
  let y: number, mo: number, d: number;
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const year = /(?:19|20)\d\d/.exec(s)!;
    y = Number(year[0]);
    const month = (s.toLowerCase().match(/\p{L}+/gu) ?? []).map((w) => cues.months.get(w)).find((m) => m !== undefined);
    const nums = (s.replace(year[0], '').match(/\d+/g) ?? []).map(Number);
    if (month) [mo, d] = [month, nums[0] ?? 0];
    else if (s.includes('/'))
      [mo, d] = [nums[0] ?? 0, nums[1] ?? 0]; // 6/21/2024
    else [d, mo] = [nums[0] ?? 0, nums[1] ?? 0]; // 21.06.2024
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Every date the `date` cue matches has a year. */
const YEAR = /(?:19|20)\d\d/;

const SENTENCE_END = /[.!?…]["”’)]*$/;

/** The line up to its first sentence end (initials and titles such as "Jr." or "Dr." do not end it). */
function firstSentence(t: string): string {
  const m = /(?<!\b(?:\p{Lu}|Jr|Sr|Dr|Mr|Mrs|Ms|St|Rep|Sen|Gov|Gen|Lt|Col|Prof))[.!?]["”’)]*\s+(?=[\p{Lu}"“])/u.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
}

/** Judges every line; the result has one entry per line (undefined: prose). */
function classifyLines(lines: readonly ContentLine[], meta: ArticleMeta, cues: BoilerplateCues, lang: LanguageCues, english = true): (Hit | undefined)[] {
  const n = lines.length;
  const titleIndex = meta.title
    ? Math.max(
        0,
        lines.findIndex((l) => norm(l.text) === norm(meta.title!)),
      )
    : 0;
  const title = lines[titleIndex] ? norm(lines[titleIndex].text) : '';
  const author = meta.author ? norm(meta.author) : '';
  const nearTop = (i: number) => i > titleIndex && i <= titleIndex + cues.topLines;
  const nearEdge = (i: number) => nearTop(i) || i >= n - cues.bottomLines;
  const hits: (Hit | undefined)[] = lines.map((line, i) => {
    const t = line.text;
    const mask = cueMask(t, cues);
    const words = wordsOf(t);
    const w = words.length;
    const short = (max: number) => w <= max;
    // repeated-title
    if (i > titleIndex && title && norm(t) === title) return { reason: 'repeated-title', rule: 'line equals the title' };
    // copyright
    const copy = mask & CUE.copyright ? cues.copyright.exec(t) : null;
    if (copy && (copy.index <= 2 || short(15) || /all rights reserved/i.test(t))) {
      const outlet =
        /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*([\p{Lu}][\p{L}\p{N}&.' -]{1,60}?)(?:[.,]|\s+all rights|\s*$)/iu.exec(
          t,
        );
      return { reason: 'copyright', rule: `copyright cue "${copy[0].trim()}"`, ...(outlet ? { outlet: outlet[1]!.trim() } : {}) };
    }
    // tags
    if (cues.tagsLabel.test(t) && short(25)) return { reason: 'tags', rule: 'line starts with a tags label' };
    // social-embed: a post with its signature "— Name (@handle) date" at the end of the line
    if (t.includes('(@') && cues.embedSignature.test(t)) return { reason: 'social-embed', rule: 'embedded post signed "— Name (@handle) date"' };
    // related-links
    if (cues.relatedPhrase.test(t) && short(20)) return { reason: 'related-links', rule: 'related-links heading' };
    // publication-stamp
    if (short(cues.stampMaxWords)) {
      const dateMatch = YEAR.test(t) ? cues.date.exec(t) : null;
      const date = dateMatch ? parseDate(dateMatch[0], cues) : null;
      const stampWord = mask & CUE.stamp ? cues.stampWord.exec(t) : null;
      const rest = dateMatch ? wordsOf(t.replace(dateMatch[0], '')).filter((x) => !/^\d/.test(x)) : words;
      if (dateMatch && stampWord) return { reason: 'publication-stamp', rule: `date with "${stampWord[0]}"`, ...(date ? { date } : {}) };
      if (dateMatch && rest.length <= 2 && !SENTENCE_END.test(t.replace(/\.$/, ''))) {
        return { reason: 'publication-stamp', rule: 'date alone on a line', ...(date ? { date } : {}) };
      }
      if (stampWord && short(6) && /\d/.test(t)) return { reason: 'publication-stamp', rule: `stamp "${stampWord[0]}"` };
    }
    if (cues.updateNote.test(t) && short(40)) return { reason: 'publication-stamp', rule: 'update or correction notice' };
    const reprint = short(30) ? cues.reprintNote.exec(t) : null;
    // "… originally appeared on The Atlantic", "… reprinted with permission": where, or the permission, follows
    if (reprint && (/permission$/i.test(reprint[0]) || /^\s+(?:on|in|at)\s/i.test(t.slice(reprint.index + reprint[0].length)))) {
      return { reason: 'publication-stamp', rule: 'note that the article appeared elsewhere' };
    }
    // captions and photo credits
    if (cues.creditOnly.test(t)) return { reason: 'photo-credit', rule: 'line names only photo agencies' };
    if (short(40)) {
      const label = mask & CUE.caption ? cues.captionLabel.exec(t) : null;
      if (label && /^[[(]?$|[.!?]\s+$/.test(t.slice(0, label.index)) && /^\p{Lu}/u.test(label[0])) {
        const creditOnlyLabel = /^(credit|credits|photo credit|source)/i.test(label[0]) && label.index === 0;
        return { reason: creditOnlyLabel ? 'photo-credit' : 'caption', rule: `caption label "${label[0].trim()}"` };
      }
      const paren = /\(([^()]{2,80})\)[\s.]*$/.exec(t);
      if (
        paren &&
        mask & CUE.agency &&
        cues.creditAgency.test(paren[1]!) &&
        /photo|image|getty|ap|afp|reuters|epa|file|handout|courtesy|shutterstock/i.test(paren[1]!) &&
        w >= 3
      ) {
        if (/^(?:[\p{L}\s/,&.-]*)$/u.test(paren[1]!) && !/\b(said|says|reported|reports)\b/i.test(t)) {
          return { reason: 'caption', rule: 'ends with a photo credit in parentheses' };
        }
      }
    }
    // donation and share prompts
    const support = (mask & CUE.support) !== 0;
    const donation = (mask & CUE.donation) !== 0;
    const platform = mask & CUE.platform ? cues.donationPlatform.exec(t) : null;
    if (platform && /^\p{Lu}/u.test(platform[0]) && ((support && cues.supportVerb.test(t)) || (donation && cues.donationPhrase.test(t)) || short(12))) {
      return { reason: 'donation-prompt', rule: `donation platform "${platform[0]}"`, ...supportTarget(t, cues) };
    }
    if (short(12)) {
      const verb = support ? cues.supportVerb.exec(t) : null;
      if (verb && /(?:^|\s)(?:via|on|through|at|på|über|sur|por|su)\s+\p{Lu}/u.test(t.slice(verb.index))) {
        return { reason: 'donation-prompt', rule: `"${verb[0]}" … via a service`, ...supportTarget(t, cues) };
      }
      if (donation && cues.donationPhrase.test(t) && cues.donationPhrase.exec(t)!.index <= 20) return { reason: 'donation-prompt', rule: 'donation phrase' };
    }
    if (cues.shareWord.test(t) || (cues.sharePhrase.test(t) && short(cues.shareMaxWords))) return { reason: 'share-prompt', rule: 'share / subscribe prompt' };
    if (w >= 2 && short(8) && words.every((x) => cues.socialNetwork.test(x) || /^(share|on|via|print)$/i.test(x))) {
      return { reason: 'share-prompt', rule: 'social network buttons' };
    }
    // author bios and credits
    if (short(80)) {
      const follow = mask & CUE.follow ? cues.followOn.exec(t) : null;
      if (follow?.[0].includes('Follow')) return { reason: 'author-bio', rule: `"${follow[0]}"` };
      if (mask & CUE.contact && nearEdge(i) && cues.bioContact.test(t)) return { reason: 'author-bio', rule: 'contact the author' };
      const credit = mask & CUE.credit ? cues.reportingCredit.exec(t) : null;
      if (credit && short(25) && (nearEdge(i) || credit.index <= 3)) return { reason: 'byline', rule: `credit "${credit[0]}"` };
      // "Jane Roe contributed to this report." anywhere: a short line that ends with the credit
      if (credit && short(12) && /^\p{Lu}/u.test(t) && /^[\s.]*$/.test(t.slice(credit.index + credit[0].length)))
        return { reason: 'byline', rule: `line ends with the credit "${credit[0]}"` };
      if (nearEdge(i) && /^\p{Lu}/u.test(t)) {
        const verb = mask & CUE.bioVerb ? cues.bioVerb.exec(t.slice(0, 200)) : null;
        if (verb && /^[\p{Lu}][\p{L}\p{M}'’.-]*(\s+[\p{Lu}][\p{L}\p{M}'’.-]*)+/u.test(t)) {
          return { reason: 'author-bio', rule: `"${verb[0]}"` };
        }
        const role = mask & CUE.role && i >= n - cues.bottomLines ? cues.isRole.exec(firstSentence(t)) : null;
        const sentences = role ? t.split(/[.!?](?:\s|$)/).filter((x) => x.trim()).length : 0;
        if (role && sentences <= 3 && /^[\p{Lu}][\p{L}\p{M}'’.-]*\s+[\p{Lu}]/u.test(t) && i >= n - cues.bottomLines) {
          return { reason: 'author-bio', rule: 'name "is a" role (at the end)' };
        }
      }
    }
    // bylines
    const bare = t.replace(/^[-–—]\s*/, '').replace(cues.bylinePrefix, '');
    if (author && (norm(bare) === author || norm(bare.split(/\s*[,|·•]\s*/)[0]!) === author)) {
      return { reason: 'byline', rule: 'line names the author', author: meta.author! };
    }
    const prefix = cues.bylinePrefix.exec(t);
    if (prefix) {
      const name = bylineNames(t.slice(prefix[0].length), cues);
      if (name) return { reason: 'byline', rule: `byline "${prefix[0].trim()} …"`, author: name };
    }
    const dash = /^[-–—]\s*(.+)$/.exec(t);
    if (dash) {
      const name = nameOnly(dash[1]!, cues, lang);
      if (name) return { reason: 'byline', rule: 'dash and a name', author: name };
    }
    return undefined;
  });

  // Second pass: rules that look at neighbours.
  for (let i = 0; i < n; i++) {
    if (hits[i] || i === titleIndex) continue;
    const t = lines[i]!.text;
    // a short line repeating the start of a neighbouring caption (the caption text without its credit)
    for (const j of [i - 1, i + 1]) {
      const h = hits[j];
      if (h && (h.reason === 'caption' || h.reason === 'photo-credit') && wordsOf(t).length <= 20) {
        const a = norm(t);
        if (a.length >= 8 && norm(lines[j]!.text).startsWith(a)) hits[i] = { reason: 'caption', rule: 'repeats the start of the caption next to it' };
      }
    }
    if (hits[i]) continue;
    // name-only lines near the top (bylines without "By")
    if (nearTop(i)) {
      const name = nameOnly(t, cues, lang);
      if (name && norm(name) !== title) hits[i] = { reason: 'byline', rule: 'name alone near the top', author: name };
    }
  }
  // Lines in another language than the (English) article: checked last, never on the title.
  for (let i = 0; i < n && english; i++) {
    if (hits[i] || i === titleIndex) continue;
    const foreign = foreignLanguage(lines[i]!.text, lang);
    if (foreign) hits[i] = { reason: 'foreign-language', rule: foreign };
  }
  return hits;
}

/** The name after a support verb ("stötta Newsvoice via …" → Newsvoice), as the outlet candidate. */
function supportTarget(t: string, cues: BoilerplateCues): { outlet?: string } {
  const verb = cues.supportVerb.exec(t);
  if (!verb) return {};
  const m = /^\s+([\p{Lu}][\p{L}\p{N}.&-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&-]*){0,2})\s+(?:via|on|through|at|på|über|sur|por|su|with)\s/u.exec(
    t.slice(verb.index + verb[0].length),
  );
  return m ? { outlet: m[1]! } : {};
}

/**
 * The language a line is written in when it is not English, judged on function words; null
 * when English, undecided or too short. A line with a strong English signal is never foreign.
 */
export function foreignLanguage(text: string, lang: ReturnType<typeof loadLanguageCues>): string | null {
  // English hits are counted first and the scan stops at `englishStrong` of them: most lines
  // of an English article are settled after a few words.
  const lower = text.toLowerCase();
  const re = /\p{L}+/gu;
  let en = 0;
  const words: string[] = [];
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    words.push(m[0]);
    if (lang.english.has(m[0]) && ++en >= lang.englishStrong) return null;
  }
  if (words.length < lang.minWords) return null;
  let best: [string, number] | null = null;
  for (const [code, set] of lang.others) {
    const hitsL = words.filter((w) => set.has(w)).length;
    if (!best || hitsL > best[1]) best = [code, hitsL];
  }
  if (!best || best[1] < lang.minHits || best[1] <= lang.ratio * en) return null;
  return `function words of "${best[0]}" (${best[1]}) outnumber English ones (${en})`;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  sv: 'Swedish',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
};

/** Scripts other than Latin that an article may be written in, by Unicode script property. */
const SCRIPTS: readonly [string, RegExp][] = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Chinese or Japanese (Han)', /\p{Script=Han}/u],
  ['Japanese (kana)', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean (Hangul)', /\p{Script=Hangul}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** What the per-language policy means for an article that is not English (see analyseArticle in pipeline.ts). */
const LEXICONS_ARE_ENGLISH = "parallax's analyses are written for English, so it has no loaded-term, attribution or unsourced findings";

/**
 * The article's language when it is not English, judged on the whole text: first the share of
 * letters outside the Latin script (Cyrillic, Arabic, CJK ... have no function-word list), then
 * function words. Null when English or undecided. Judged on the first 10,000 characters.
 */
export function articleLanguage(lines: readonly string[], lang: LanguageCues = loadLanguageCues()): { code: string; notice: string } | null {
  // The first 10,000 characters are evidence enough (and keep this linear in nothing but them).
  const text = lines.join('\n').slice(0, 10_000);
  // Most articles have no letter outside the Latin script: their scripts need no count.
  if (NON_LATIN_LETTER.test(text)) {
    const script = mostlyOtherScript(text);
    if (script) return script;
  }
  const index = languageIndex(lang);
  const hits = new Map<string, number>();
  let words = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? NONE) {
    words++;
    if (lang.english.has(word)) en++;
    for (const code of index.get(word) ?? NONE) hits.set(code, (hits.get(code) ?? 0) + 1);
  }
  if (words < 20) return null;
  let best: [string, number] | null = null;
  for (const code of lang.others.keys()) {
    const n = hits.get(code) ?? 0;
    if (!best || n > best[1]) best = [code, n];
  }
  // Another language's function words clearly outnumber English ones across the article.
  if (!best || best[1] < words * 0.1 || best[1] <= lang.ratio * en) return null;
  const name = LANGUAGE_NAMES[best[0]] ?? best[0];
  return { code: best[0], notice: `looks like ${name} (${best[0]}); ${LEXICONS_ARE_ENGLISH}` };
}

const LETTER = /^\p{L}$/u;
/** An empty list, shared (no array per word). */
const NONE: readonly string[] = [];
/** A letter of any script but Latin. */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** Letters and Latin letters, one pass (only non-ASCII characters need a Unicode test); the script when most letters are not Latin. */
function mostlyOtherScript(text: string): { code: string; notice: string } | null {
  let letters = 0;
  let latin = 0;
  const others = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) {
      latin++;
      continue;
    }
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'non-Latin';
    others.set(script, (others.get(script) ?? 0) + 1);
  }
  if (letters - latin > letters / 2) {
    let best: [string, number] = ['non-Latin', 0];
    for (const [name] of [...SCRIPTS, ['non-Latin'] as const]) {
      const count = others.get(name) ?? 0;
      if (count > best[1]) best = [name, count];
    }
    const share = Math.round((100 * (letters - latin)) / letters);
    return { code: best[0], notice: `mostly ${best[0]} script (${share}% of letters are not Latin); ${LEXICONS_ARE_ENGLISH}` };
  }
  return null;
}

const LATIN = /^\p{Script=Latin}$/u;

const wordLanguages = new WeakMap<LanguageCues, Map<string, string[]>>();
/** Function word → the (non-English) languages listing it (per set of cues). */
function languageIndex(lang: LanguageCues): Map<string, string[]> {
  let index = wordLanguages.get(lang);
  if (!index) {
    index = new Map();
    for (const [code, set] of lang.others) for (const w of set) index.set(w, [...(index.get(w) ?? []), code]);
    wordLanguages.set(lang, index);
  }
  return index;
}
