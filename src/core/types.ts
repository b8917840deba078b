/**
 * The shapes every stage shares. The JSON report (`Report`) is the public contract
 * (see README "Report contract" and schema/report.schema.json); the analysed article
 * (`AnalysedArticle`) is the in-memory hand-over from ingest + nlp to the analyses.
 *
 * All offsets are 0-based UTF-16 code-unit indices (JavaScript string indices), end
 * exclusive, into the article's source text exactly as read (UTF-8 decoded, BOM removed).
 */

/** A half-open range `[start, end)` into an article's source text (0-based UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
}

/** A span that carries the exact source slice it covers. */
export interface TextSpan extends Span {
  text: string;
}

export type ArticleFormat = 'txt' | 'md' | 'html';

/** Why a region of the file is not article prose. */
export type BoilerplateReason =
  | 'front-matter'
  | 'markup'
  | 'byline'
  | 'author-bio'
  | 'caption'
  | 'photo-credit'
  | 'share-prompt'
  | 'donation-prompt'
  | 'related-links'
  | 'copyright'
  | 'foreign-language'
  | 'repeated-title'
  | 'publication-stamp'
  | 'tags'
  | 'navigation';

export interface BoilerplateSpan extends TextSpan {
  reason: BoilerplateReason;
  /** The cue or pattern that classified it, for the reader ("line matches /^copyright/i"). */
  rule?: string;
}

export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  url: string | null;
}

/** The file as read, before boilerplate detection and NLP. */
export interface SourceDocument {
  /** Path as given on the command line (or relative to the cwd). */
  path: string;
  format: ArticleFormat;
  /** File text, UTF-8 decoded, BOM removed. All offsets index into this string. */
  text: string;
  meta: ArticleMeta;
  /**
   * Regions that may hold article prose, before boilerplate detection: the whole text for
   * .txt, everything after the front matter for .md, the main-content text nodes for .html.
   */
  content: Span[];
  /** Regions already known not to be prose (front matter, HTML markup). */
  excluded: BoilerplateSpan[];
  /** How to read the text when it is not plain text (HTML); absent for .txt and .md (added field). */
  layout?: TextLayout;
}

/**
 * Reading instructions for marked-up text (added field). Offsets are 0-based UTF-16 indices
 * into `SourceDocument.text`, like every span.
 */
export interface TextLayout {
  /** Offsets in markup where a block element ends: read as a paragraph break. Sorted. */
  breaks: number[];
  /** Character references inside content (`&amp;`, `&rsquo;`), read as the characters they stand for. Sorted. */
  references: (Span & { value: string })[];
}

/** One word, number or punctuation token (whitespace and line breaks are not tokens). */
export interface Token extends TextSpan {
  /** Index of this token in `AnalysedArticle.tokens` (0-based). */
  index: number;
  /** Lower-cased normal form from wink-nlp (`its.normal`). */
  normal: string;
  /** Lemma from wink-nlp (`its.lemma`), lower-case. */
  lemma: string;
  /** Universal POS tag from wink-nlp (`its.pos`), e.g. NOUN, VERB, PROPN. */
  pos: string;
  /** wink-nlp token type: word, number, punctuation, emoji, symbol, currency, ... */
  type: string;
  /** Index of the sentence holding the token (0-based). */
  sentence: number;
}

export interface Sentence extends TextSpan {
  /** 0-based index in `AnalysedArticle.sentences`. */
  index: number;
  /** Token range `[tokenStart, tokenEnd)` in `AnalysedArticle.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  /** 0-based index of the paragraph (a run of body lines without a blank line). */
  paragraph: number;
  /** True for headline-like lines: no final punctuation, short, title case, or the first line. */
  heading: boolean;
}

/** A named-entity or numeric expression from wink-nlp (DATE, CARDINAL, MONEY, PERCENT, ...). */
export interface Entity extends TextSpan {
  type: string;
  tokenStart: number;
  tokenEnd: number;
}

/** What the analyses receive: the source with its body, sentences and tokens. */
export interface AnalysedArticle {
  id: string;
  path: string;
  format: ArticleFormat;
  text: string;
  meta: ArticleMeta;
  /** Spans analysed as article prose (content minus boilerplate), sorted, non-overlapping. */
  body: Span[];
  /** Sorted by start. */
  boilerplate: BoilerplateSpan[];
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  /** Notices for the user about this article (e.g. "looks like it is not English"). */
  notices: string[];
  /** The article's language when it is known not to be English (`fr`, or a script such as `Cyrillic`); null when English or undecided. */
  language?: string | null;
}

export type SourceType =
  | 'official'
  | 'state-media'
  | 'media'
  | 'data-ngo'
  | 'expert'
  | 'anonymous'
  | 'vague'
  | 'self'
  | 'unknown';

export type LoadedCategory =
  | 'label'
  | 'euphemism'
  | 'emotive'
  | 'intensifier'
  | 'booster'
  | 'hedge'
  | 'ideological'
  | 'evaluative'
  | 'editorializing'
  | 'metaphor'
  | 'scare-quotes'
  | 'reporting-verb'
  | 'agentless-evaluation';

interface FindingCommon extends TextSpan {
  /** Stable id, assigned by the report builder in document order (`f1`, `f2`, ...). */
  id: string;
  /** Article id. */
  article: string;
  /** Plain-language reason shown to users. */
  explanation: string;
  /** The rule that produced it: `lexicon:<lexicon-id>/<entry-id>` or `rule:<name>`. */
  rule: string;
}

export interface LoadedFinding extends FindingCommon {
  kind: 'loaded';
  category: LoadedCategory | string;
  lexicon: string;
  entry: string;
  weight: number;
  /** A neutral alternative, when the lexicon gives one. */
  alternative?: string;
}

export interface AttributionFinding extends FindingCommon {
  kind: 'attribution';
  /** The source phrase as written (may be a pronoun); null for an agentless cue (*reportedly*). */
  source: (TextSpan & { resolved?: string }) | null;
  cue: TextSpan & { neutral: boolean; lemma?: string };
  content: TextSpan | null;
  direct: boolean;
  sourceType: SourceType;
  /** Canonical name of the source after pronoun / short-name resolution, when known. */
  sourceName?: string;
}

export interface UnsourcedFinding extends FindingCommon {
  kind: 'unsourced';
  reason: string;
}

export type Finding = LoadedFinding | AttributionFinding | UnsourcedFinding;

/** A finding before the report builder gives it an id and article id. */
export type FindingDraft =
  | Omit<LoadedFinding, 'id' | 'article'>
  | Omit<AttributionFinding, 'id' | 'article'>
  | Omit<UnsourcedFinding, 'id' | 'article'>;

export interface EventMention extends TextSpan {
  article: string;
}

export interface Event {
  id: string;
  label: string;
  articles: string[];
  mentions: EventMention[];
  quoteReuse?: unknown[];
  numbers?: unknown[];
  [extra: string]: unknown;
}

export interface LexiconRecord {
  id: string;
  version: string;
  sha256: string;
  [extra: string]: unknown;
}

/** Per-article numbers. Every number is reproducible from the findings and events. */
export type ArticleScores = Record<string, unknown>;

/** The article as written into the report. */
export interface ReportArticle {
  id: string;
  path: string;
  format: ArticleFormat;
  /** The full source text (BOM removed) that every offset indexes, so views need no file access. */
  text: string;
  /** Short name for views: outlet, else author, else the file name. */
  label: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  body: Span[];
  boilerplate: BoilerplateSpan[];
  tokens: number;
  sentences: number;
  words: number;
  /** Sentence spans, so views can show text without re-running NLP. */
  sentenceSpans: (Span & { heading: boolean; paragraph: number })[];
  notices: string[];
}

export interface Report {
  schema: 'parallax/report@1';
  tool: { name: 'parallax'; version: string };
  lexicons: LexiconRecord[];
  articles: ReportArticle[];
  events: Event[];
  findings: Finding[];
  scores: Record<string, ArticleScores>;
  /** How each outlet describes each actor (added field; see README). */
  actors?: unknown[];
  /** Per-article lists of multi-article events it leaves out (added field). */
  omissions?: Record<string, string[]>;
  /** Inputs left out of the report and why (added field; only with `--keep-going`, only when there are any). */
  skipped?: { path: string; reason: string }[];
  [extra: string]: unknown;
}
