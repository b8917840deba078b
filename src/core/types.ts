/**
 * The shapes every stage shares. The JSON report (`Report`) is the public contract
 * (see README "The report contract" and schema/report.schema.json); the analysed article
 * (`AnalysedArticle`) is the in-memory hand-over from ingest + nlp to the analyses.
 *
 * All offsets are 0-based UTF-16 code-unit indices (JavaScript string indices), end
 * exclusive, into the article's source text exactly as read (UTF-8 decoded, BOM removed).
 */

/** A half-open range `[start, end)` into an article's source text (0-based UTF-16 offsets). */
export interface Span {
  /** @asType integer @minimum 0 */
  start: number;
  /** @asType integer @minimum 0 */
  end: number;
}

/**
 * An article's id in a report: `a1`, `a2`, … in path order.
 * @pattern ^a[0-9]+$
 */
export type ArticleId = string;

/**
 * An event's id in a report: `e1`, `e2`, ….
 * @pattern ^e[0-9]+$
 */
export type EventId = string;

/**
 * A finding's id in a report: `f1`, `f2`, … in document order.
 * @pattern ^f[0-9]+$
 */
export type FindingId = string;

/**
 * A calendar date, `YYYY-MM-DD`.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

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
  | 'social-embed'
  | 'navigation';

export interface BoilerplateSpan extends TextSpan {
  reason: BoilerplateReason;
  /** The cue or pattern that classified it, for the reader ("line matches /^copyright/i"). */
  rule?: string;
}

/**
 * Where an article's outlet came from, in the order they are tried (src/ingest/outlets.ts): the
 * front matter, the page's metadata (og:site_name, JSON-LD publisher), the domain of its URL, the
 * `--outlets` map, a copyright line in the page, the folder it is in (below a folder given).
 */
export type OutletSource = 'front-matter' | 'html-meta' | 'url' | 'outlets-map' | 'page-text' | 'folder';

export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  /** Which source gave `outlet` (set when the article is prepared; null when no outlet is known). */
  outletSource?: OutletSource | null;
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

export type SourceType = 'official' | 'state-media' | 'media' | 'data-ngo' | 'expert' | 'anonymous' | 'vague' | 'self' | 'unknown';

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
  id: FindingId;
  /** Article id. */
  article: ArticleId;
  /**
   * Plain-language reason shown to users.
   * @minLength 1
   */
  explanation: string;
  /** The rule that produced it: `lexicon:<lexicon-id>/<entry-id>` or `rule:<name>`. */
  rule: string;
  /**
   * Measured precision (0..1, 2 decimals) of the rule or entry that produced the finding: the
   * `precision` of the report's `calibration[this.calibration]` (see README "Confidence").
   */
  confidence: number;
  /** Key into the report's `calibration` object that `confidence` was taken from. */
  calibration: string;
}

export interface LoadedFinding extends FindingCommon {
  kind: 'loaded';
  /** A `LoadedCategory`, or a category a user's own lexicon names (the union keeps the known ones in the schema). */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  category: LoadedCategory | string;
  lexicon: string;
  entry: string;
  weight: number;
  /** A neutral alternative, when the lexicon gives one. */
  alternative?: string;
}

export interface AttributionFinding extends FindingCommon {
  kind: 'attribution';
  /** Id of the attribution pattern that produced it (`quote-then-said`, `according-to`, …; see src/analyses/attribution/patterns.ts). */
  pattern: string;
  /** The source phrase as written (may be a pronoun); null for an agentless cue (*reportedly*). */
  source: (TextSpan & { resolved?: string }) | null;
  /** `speech: false` when the cue's entry names a thought, stance or evidence rather than speech (believe, want, show); absent otherwise. */
  cue: TextSpan & { neutral: boolean; lemma?: string; speech?: false };
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

/** @discriminator kind */
export type Finding = LoadedFinding | AttributionFinding | UnsourcedFinding;

/** What the report builder adds to a finding draft: its ids and its confidence. */
export type Assigned = 'id' | 'article' | 'confidence' | 'calibration';

/** A finding before the report builder gives it an id, article id and confidence (one draft type per kind). */
export type FindingDraft = Finding extends infer F ? (F extends Finding ? Omit<F, Assigned> : never) : never;

/**
 * One measured precision (added field `calibration` of the report, and `lexicons/calibration.yml`):
 * `correct` of `judged` findings of a rule, entry or pooled group were right on the judged `data`.
 */
export interface CalibrationRecord {
  /** correct / judged, rounded to 3 decimals. */
  precision: number;
  /** @asType integer @minimum 0 */
  judged: number;
  /** @asType integer @minimum 0 */
  correct: number;
  /** Which judged data the numbers come from. */
  data: string;
}

export interface EventMention extends TextSpan {
  article: ArticleId;
}

/** One part of a word diff. */
export interface DiffPart {
  /** `same` in both, `added` only in `b`, `removed` only in `a`. */
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Why two mentions of an event are aligned. `a`/`b` index `mentions` (0-based). */
export interface EventLink {
  /** @asType integer @minimum 0 */
  a: number;
  /** @asType integer @minimum 0 */
  b: number;
  score: number;
  cosine: number;
  shared: string[];
  figures?: string[];
  quotation?: number;
  /** Shared named entities (`@actor` ids, proper-noun stems) and the score they add. */
  entities?: string[];
  entityScore?: number;
  /** Set on an anchored link (below the plain link score; see anchoredLinks): the actor it rests on (`@wagner`). */
  anchor?: string;
  /** The shared predicate that carried the link: the two words as written (mention `a`'s first) and how they match (same stem, one paraphrase set, or word vectors with their cosine). */
  predicate?: { a: string; b: string; how: 'stem' | 'set' | 'vector'; similarity: number };
  /** When each of the two mentions happened (mention `a`'s first), as far as its dates, time words, tense and article date tell (see align/time.ts); null when unknown. */
  times?: [string | null, string | null];
}

/** How a quotation is introduced: the cue and source of the attribution covering it. */
export interface QuoteIntro {
  cue: TextSpan & { neutral: boolean };
  source: TextSpan | null;
}

export interface QuoteVariant extends TextSpan {
  article: ArticleId;
  intro: QuoteIntro | null;
}

/** One quotation reused across articles, with the word diff of its first two variants. */
export interface QuoteReuse {
  variants: QuoteVariant[];
  /** Word diff of the first variant's inner text → the second's. */
  diff: DiffPart[];
  /** Shared stems / stems of the shorter variant (0..1), for the first two variants. */
  similarity: number;
  shared: string[];
}

export type FigureKind = 'date' | 'count' | 'money' | 'percent' | 'year';

/** One figure as written, with its normalised value. */
export interface Figure extends TextSpan {
  article: ArticleId;
  kind: FigureKind;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` when the year is unknown), or a number. */
  value: string | number;
  /** True for vague quantities (*thousands*, *dozens*); false for precise ones. */
  vague: boolean;
  /** An approximating word before the figure (*over*, *almost*, *about*), when present. */
  qualifier?: string;
  /** Currency of a money figure as written ($, €, dollars). */
  unit?: string;
  /**
   * What the figure counts or dates, as a key: the paraphrase set or Porter stem of the noun it
   * counts ("7,600 fatalities", "the deaths of thousands of people" → `die`) or of the happening
   * it dates ("a coup in 2022" → `coup`). Figures conflict only when their quantities match.
   */
  quantity?: string;
}

/** Figures of one kind that two articles give for an event and that disagree. */
export interface FigureConflict {
  kind: FigureKind;
  /** What both sides count or date (a paraphrase set or a stem: `die`, `coup`). */
  quantity: string;
  reason: 'different-values' | 'vague-vs-precise';
  /** The two articles, lower id first. */
  articles: [ArticleId, ArticleId];
  /** The figures each gives, in text order. */
  figures: Pick<Figure, 'article' | 'start' | 'end' | 'text' | 'value' | 'vague'>[];
}

export interface Event {
  id: EventId;
  /** @minLength 1 */
  label: string;
  /** @minItems 1 */
  articles: ArticleId[];
  /** @minItems 1 */
  mentions: EventMention[];
  /** Why the mentions are grouped (empty for an event of one mention). */
  links: EventLink[];
  /** The same quotation in several articles, with its word diff (present when there is one). */
  quoteReuse?: QuoteReuse[];
  /** Figures and dates each article gives for the event (present when there are some). */
  numbers?: Figure[];
  /** Figures that disagree between two articles (present when there are some). */
  conflicts?: FigureConflict[];
}

export interface LexiconRecord {
  /** @minLength 1 */
  id: string;
  /** @minLength 1 */
  version: string;
  /** @pattern ^[0-9a-f]{64}$ */
  sha256: string;
}

/** Marker scores of one article, each reproducible from its `loaded` findings. */
export interface MarkerScores {
  /** Loaded findings per 1,000 tokens, per category (sorted by category). */
  markersPer1k: Record<string, number>;
  loadedCount: number;
  /** Sum of the loaded findings' weights. */
  load: number;
  loadPer1k: number;
  /** Per actor id: the actor's tone in this article (from `actors`). */
  actorTone: Record<string, number>;
}

/** Per-article source scores; all reproducible from the report's findings (shares 0..1, 4 decimals). */
export interface SourceScores {
  /** Attribution findings of the article. */
  attributions: number;
  /** Count of attributions per `sourceType` (every type listed, zeros included). */
  sourceMix: Record<SourceType, number>;
  /** Attributions whose cue is not neutral / attributions (0 when there are none). */
  nonNeutralCueShare: number;
  /** Distinct `sourceName` values among the attributions. */
  namedSources: number;
  /** Unsourced findings / sentences that are not headings (0 when there are none). */
  unsourcedShare: number;
}

/**
 * Per-article numbers. Every number is reproducible from the findings and events. Rates are per
 * 1,000 tokens; shares are 0..1, rounded to 4 places.
 */
export interface ArticleScores extends MarkerScores, SourceScores {
  tokens: number;
  words: number;
  sentences: number;
  findings: number;
  /** Multi-article events this article reports. */
  eventsCovered: number;
  /** Multi-article events this article leaves out. */
  eventsOmitted: number;
}

export type DescriptorKind = 'premodifier' | 'title' | 'label' | 'appositive';

export interface ActorDescriptor extends TextSpan {
  kind: DescriptorKind;
}

export interface ActorInArticle {
  mentions: TextSpan[];
  descriptors: ActorDescriptor[];
  /** Mean tone of the sentences that mention the actor (negative = hostile context). */
  tone: number;
  /** Number of sentences the tone averages. */
  toneSentences: number;
}

/** One entry of the report's `actors` field: how each article names and describes an actor. */
export interface ActorReport {
  /** Entry id in the actors lexicon. */
  id: string;
  name: string;
  /** Per article id (only the articles that mention the actor). */
  articles: Record<ArticleId, ActorInArticle>;
}

/** The article as written into the report. */
export interface ReportArticle {
  id: ArticleId;
  /** @minLength 1 */
  path: string;
  format: ArticleFormat;
  /** The full source text (BOM removed) that every offset indexes, so views need no file access. */
  text: string;
  /** Short name for views: outlet, else author, else the file name. */
  label: string;
  title: string | null;
  outlet: string | null;
  /** Which source gave `outlet` (added field; null when no outlet is known; absent in reports of earlier versions). */
  outletSource?: OutletSource | null;
  author: string | null;
  /** `YYYY-MM-DD` or null. */
  date: IsoDate | null;
  url: string | null;
  body: Span[];
  boilerplate: BoilerplateSpan[];
  /** @asType integer @minimum 0 */
  tokens: number;
  /** @asType integer @minimum 0 */
  sentences: number;
  /** @asType integer @minimum 0 */
  words: number;
  /** Sentence spans, so views can show text without re-running NLP. */
  sentenceSpans: (Span & { heading: boolean; paragraph: number })[];
  notices: string[];
}

/** An input left out of the report (with `--keep-going`), and why. */
export interface SkippedInput {
  /** The file as given (or found in a given folder). */
  path: string;
  /** The one-line message of the error that kept it out (without the path). */
  reason: string;
}

/**
 * The JSON report, contract version 1 (README "The report contract"). Every span is {start, end, text}:
 * 0-based UTF-16 code-unit offsets, end exclusive, into the article's source text as read from its
 * file (UTF-8 decoded, BOM removed).
 *
 * @title parallax JSON report, contract version 1
 */
export interface Report {
  schema: 'parallax/report@1';
  tool: {
    name: 'parallax';
    /** @pattern ^\d+\.\d+\.\d+ */
    version: string;
  };
  lexicons: LexiconRecord[];
  articles: ReportArticle[];
  events: Event[];
  findings: Finding[];
  /** Per article id: numbers derived from the findings and events. */
  scores: Record<ArticleId, ArticleScores>;
  /** How each outlet describes each actor (added field; see README). */
  actors: ActorReport[];
  /** Per article id: ids of events reported by other articles but not this one (added field). */
  omissions: Record<ArticleId, EventId[]>;
  /** The measured precisions the findings' confidences were taken from, by key (added field). */
  calibration: Record<string, CalibrationRecord>;
  /**
   * Views show findings with `confidence >= minConfidence`; scores count only those (added field).
   * The others stay in `findings`.
   */
  minConfidence: number;
  /**
   * Per finding kind, a threshold that replaces `minConfidence` for that kind (added field). Set by
   * the default run where audits ask more of a kind (attributions); absent when `--min-confidence`
   * was given, which applies to every kind.
   */
  minConfidenceByKind?: Record<string, number>;
  /** Inputs left out of the report and why (added field; only with `--keep-going`, only when a file was left out). */
  skipped?: SkippedInput[];
}
