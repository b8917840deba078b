/**
 * fast-check generators for article text: hostile Unicode (quote marks, dashes, NBSP, emoji,
 * CRLF, BOM, combining marks, bidi controls, escapes, markup) and realistic news prose built from
 * news-like words, quotations, numbers and names, so the analyses actually fire.
 */
import fc from 'fast-check';

/** Runs per property: `PARALLAX_FUZZ_RUNS` when set, else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const env = Number(process.env['PARALLAX_FUZZ_RUNS']);
  return Number.isInteger(env) && env > 0 ? env : fallback;
}

/** Fixed seed unless `PARALLAX_FUZZ_SEED` is set, so CI failures reproduce. */
export function fuzzSeed(): number {
  const env = Number(process.env['PARALLAX_FUZZ_SEED']);
  return Number.isInteger(env) ? env : 20240621;
}

export const QUOTES = ['“', '”', '"', '‘', '’', "'", '«', '»', '„', '‹', '›', '「', '」', '”…”', '« ', ' »', '``', "''"];
export const DASHES = ['-', '–', '—', '‐', '‑', '−', '--', ' — ', '―'];
export const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u3000', '\t', '  ', '\u200b', '\ufeff'];
export const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u2029', '\u0085', '\f', '\v'];
export const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇧🇫', '🏳️‍🌈', '❤️', '1️⃣', '🤷‍♀️', '𝔘𝔫𝔦', '𠜎'];
export const COMBINING = ['e\u0301', 'a\u0308', '\u0301', 'n\u0303\u0323', 'Z\u0351\u0352\u0353\u0354\u0355', 'क्षि', 'ก่', '\u200d', '\u034f'];
export const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
export const ESCAPES = ['\x1b[31m', '\x1b[0m', '\x1b]0;title\x07', '\x1b]8;;http://x\x1b\\', '\x07', '\x08', '\x9b2J', '\x00'];
export const MARKUP = [
  '|',
  '| a | b |',
  '# ',
  '## ',
  '* ',
  '1. ',
  '> ',
  '```',
  '`',
  '**',
  '_',
  '[x](http://y)',
  '<script>alert(1)</script>',
  '<b>',
  '</p>',
  '&amp;',
  '&#x1b;',
  '---',
  '...',
  '<!--',
  '-->',
  '\\',
];
export const FOREIGN = ['Der Präsident sagte', 'Le ministre a déclaré', 'Президент заявил', 'قال الرئيس', '总统表示', 'El gobierno anunció', 'सरकार ने कहा'];

export const NAMES = [
  'Sergei Lavrov',
  'Ibrahim Traoré',
  'Assimi Goïta',
  'Vladimir Putin',
  'Emmanuel Macron',
  'Dr. Jane O’Neil',
  'Amnesty International',
  'the Kremlin',
  'Le Monde',
];
export const OFFICIALS = ['the minister', 'a spokesman', 'officials', 'sources close to the government', 'critics', 'experts', 'the army', 'he', 'she', 'they'];
export const VERBS = [
  'said',
  'claimed',
  'admitted',
  'announced',
  'told reporters',
  'insisted',
  'revealed',
  'warned',
  'denied',
  'hailed',
  'stated',
  'according to',
];
export const LOADED = [
  'regime',
  'junta',
  'terrorists',
  'brutal',
  'so-called',
  'mercenaries',
  'puppet',
  'heroic',
  'crackdown',
  'massacre',
  'slammed',
  'propaganda',
  'allegedly',
  'reportedly',
  'clearly',
  'obviously',
  'may',
  'might',
  'shocking',
  'freedom fighters',
];
export const NOUNS = [
  'troops',
  'instructors',
  'agreement',
  'elections',
  'attack',
  'villagers',
  'military cooperation',
  'sanctions',
  'wheat deliveries',
  'the transition',
  'the capital',
  'security forces',
];
export const NUMBERS = ['1,000', '24', '3.5%', '$2 million', 'June 5, 2024', '2024-06-21', 'dozens', 'hundreds', 'one', 'twenty', '½', '١٢٣'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const word = fc.oneof(pick(NOUNS), pick(LOADED), pick(NAMES), pick(NUMBERS), fc.stringMatching(/^[a-z]{1,9}$/));

/** A news-like sentence: statement, attribution with or without a quotation, or a loaded claim. */
export const newsSentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(NAMES), pick(VERBS), pick(NOUNS), pick(NUMBERS)).map(([n, v, o, x]) => `${n} ${v} that ${x} ${o} had arrived.`),
  fc
    .tuple(pick(QUOTES), fc.array(word, { minLength: 2, maxLength: 9 }), pick(QUOTES), pick(NAMES), pick(VERBS))
    .map(([q1, ws, q2, n, v]) => `${q1}${ws.join(' ')},${q2} ${n} ${v}.`),
  fc
    .tuple(pick(OFFICIALS), pick(VERBS), pick(LOADED), pick(NOUNS))
    .map(([o, v, l, n]) => `${o[0]!.toUpperCase()}${o.slice(1)} ${v} the ${l} ${n} were in Ouagadougou.`),
  fc.tuple(pick(LOADED), pick(NOUNS), pick(NUMBERS)).map(([l, n, x]) => `The ${l} ${n} killed ${x} people.`),
  fc.tuple(pick(NOUNS), pick(LOADED)).map(([n, l]) => `The ${n} will ${l} change everything.`),
  fc.tuple(pick(NAMES), pick(NOUNS)).map(([n, o]) => `According to ${n}, the ${o} were postponed.`),
  fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => `${ws.join(' ')}.`),
);

/** A fragment of hostile text: one of the troublesome characters, a sentence, or arbitrary Unicode. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: newsSentence },
  { weight: 3, arbitrary: pick(QUOTES) },
  { weight: 2, arbitrary: pick(DASHES) },
  { weight: 3, arbitrary: pick(SPACES) },
  { weight: 3, arbitrary: pick(BREAKS) },
  { weight: 2, arbitrary: pick(EMOJI) },
  { weight: 2, arbitrary: pick(COMBINING) },
  { weight: 2, arbitrary: pick(BIDI) },
  { weight: 1, arbitrary: pick(ESCAPES.filter((e) => e !== '\x00')) },
  { weight: 2, arbitrary: pick(MARKUP) },
  { weight: 1, arbitrary: pick(FOREIGN) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: pick([
      'Copyright 2024 Newsvoice. All rights reserved.',
      'Tags: Africa, Russia',
      'Related articles:',
      'By Osborn Baya',
      'Share this article',
      '(Photo: AFP)',
    ]),
  },
);

/** Arbitrary hostile article text (may be empty or all boilerplate: ingest may reject it with an InputError). */
export const hostileText: fc.Arbitrary<string> = fc.array(hostileFragment, { minLength: 0, maxLength: 40 }).map((parts) => parts.join(''));

/** A realistic article: a headline and a few paragraphs of news sentences. */
export const newsArticle: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(word, { minLength: 3, maxLength: 9 }),
    fc.array(fc.array(newsSentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    pick(['\n', '\r\n']),
  )
  .map(([head, paras, nl]) => [head.join(' '), ...paras.map((p) => p.join(' '))].join(nl + nl) + nl);

/** A realistic article with some hostile fragments spliced between its sentences. */
export const spicedArticle: fc.Arbitrary<string> = fc
  .tuple(newsArticle, fc.array(fc.tuple(fc.nat(), hostileFragment), { maxLength: 6 }))
  .map(([text, inserts]) => {
    let out = text;
    for (const [at, frag] of inserts) {
      const cut = out.indexOf(' ', at % Math.max(1, out.length));
      const i = cut < 0 ? out.length : cut;
      out = `${out.slice(0, i)} ${frag}${out.slice(i)}`;
    }
    return out;
  });

/** Markdown front matter (valid) to put before a body. */
export const frontMatter: fc.Arbitrary<string> = fc
  .tuple(
    pick(['Newsvoice', 'Starfolk', 'The Daily', 'RT', 'Le Monde', 'Ouest—France', '“Quoted” Times']),
    pick(NAMES),
    fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
  )
  .map(
    ([outlet, author, d]) =>
      `---\ntitle: ${JSON.stringify(`${outlet} on ${author}`)}\noutlet: ${JSON.stringify(outlet)}\nauthor: ${JSON.stringify(author)}\ndate: ${d.toISOString().slice(0, 10)}\n---\n`,
  );
