/**
 * The view model both document formatters render (pure: Report → ReportView). Everything the
 * markdown and HTML reports show is computed here once — summary rows, the "what stands out"
 * line, the coverage matrix, each event's versions with their marks and word diffs, per-outlet
 * tables, actors, and the rules that fired — so the two formatters only escape and decorate.
 *
 * Text is kept raw (unescaped); each formatter escapes for its destination. Nothing here re-runs
 * an analysis: it only reads the typed report (the word diff is the shared helper in core). A
 * report read from a file is validated against the schema before it gets here.
 */
import type {
  ActorReport,
  ArticleFormat,
  ArticleScores,
  AttributionFinding,
  Event,
  Figure,
  FigureConflict,
  Finding,
  QuoteIntro,
  QuoteReuse,
  Report,
  ReportArticle,
  SourceType,
  UnsourcedFinding,
} from '../core/types.js';
import { checkBudget } from '../core/limits.js';
import { displayText, forDisplay } from '../core/display-text.js';
import { detailOf, FINDING_KIND_NAMES, FINDING_KINDS, kindRank, type FindingKind } from '../core/finding-kinds.js';
import { groupChanges, wordDiff, type DiffPart } from '../core/word-diff.js';
import { headUnits, overlapping } from '../core/spans.js';
import { describeThresholds, isShown } from '../core/confidence.js';
import { seededRandom } from '../core/random.js';

/** What a mark in a version's text stands for: a finding of a kind, or an attribution's source or cue. */
export type MarkKind = FindingKind | 'source' | 'cue';

export interface Mark {
  kind: MarkKind;
  /** How it shows: the kind's mark style (core/finding-kinds.ts), or an attribution's `source` / `cue`. */
  style: 'strong' | 'flag' | 'source' | 'cue';
  /** Finding id (`f12`). */
  finding: string;
  /** One-line explanation for hover / footnotes. */
  title: string;
  /** True on the first segment of the finding inside this version. */
  first: boolean;
}

/** A run of article text (displayText: an HTML article's tags and references resolved) with the marks that cover all of it. */
export interface Segment {
  text: string;
  marks: Mark[];
  /** True for the " … " put between two non-adjacent mentions (not article text). */
  gap?: boolean;
}

/** One finding as listed under a version or an outlet. */
export interface FindingView {
  id: string;
  kind: Finding['kind'];
  /** The finding's text as written in the article (raw). */
  quote: string;
  /** Short tag: the category (`emotive`), `official source · non-neutral cue "hailed"`, or the reason. */
  tag: string;
  /** The plain-language explanation from the analysis (the lexicon entry's note for markers). */
  explanation: string;
  /** `lexicon:<id>/<entry>` or `rule:<name>`. */
  rule: string;
  /** Measured precision of the rule (the finding's `confidence`), as shown: "confidence 0.82". */
  confidence: string;
  alternative?: string;
}

export interface VersionView {
  article: string;
  label: string;
  segments: Segment[];
  /** The mentions' plain text, joined by " … ". */
  text: string;
  findings: FindingView[];
}

export interface DiffView {
  from: string;
  to: string;
  parts: DiffPart[];
  /** Share (0..1) of the words of both versions that the diff keeps in common. */
  shared: number;
}

export interface QuoteVariantView {
  label: string;
  text: string;
  /** How the outlet introduces the quotation (its cue or lead-in), when the report says. */
  intro: string | null;
  /** Word diff against the first variant (empty for the first). */
  diff: DiffPart[];
}

export interface FigureView {
  label: string;
  values: string[];
}

export interface EventView {
  id: string;
  label: string;
  /** True when more than one outlet reports it. */
  shared: boolean;
  reportedBy: string[];
  omittedBy: string[];
  /** One per report article, in report order; null where the article does not report it. */
  versions: (VersionView | null)[];
  /** Word diffs of the first reporting outlet's version against each other version. */
  diffs: DiffView[];
  quotes: QuoteVariantView[][];
  figures: FigureView[];
  conflicts: string[];
}

export interface ArticleView {
  id: string;
  label: string;
  title: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  path: string;
  words: number;
  notices: string[];
}

/** A table whose first column labels the row and whose other columns are one per outlet. */
export interface MetricRow {
  metric: string;
  cells: string[];
}

export interface CoverageRow {
  id: string;
  label: string;
  /** Per outlet: `reported`, `omitted` (a shared event it leaves out) or `absent` (reported by one other outlet only). */
  cells: ('reported' | 'omitted' | 'absent')[];
}

export interface AttributionRow {
  id: string;
  source: string;
  sourceType: string;
  cue: string;
  neutral: boolean;
  direct: boolean;
}

/** The events only one outlet reports, listed after the coverage matrix ("only in X"). */
export interface OnlyInView {
  article: string;
  label: string;
  events: { id: string; label: string }[];
}

export interface OutletView {
  article: string;
  label: string;
  omitted: { id: string; label: string }[];
  unsourced: FindingView[];
  attributions: AttributionRow[];
}

export interface ActorView {
  name: string;
  /** Per outlet: the names it uses, the descriptors attached and the tone ("" when it does not mention it). */
  cells: string[];
}

export interface RuleView {
  rule: string;
  kind: Finding['kind'];
  category: string;
  weight: number | null;
  /** The explanation of the rule's first finding (for lexicon markers: the entry's note). */
  note: string;
  alternative: string | null;
  /** Per outlet: how often the rule fired. */
  counts: number[];
}

export interface ReportView {
  title: string;
  toolVersion: string;
  command: string | null;
  articles: ArticleView[];
  lexicons: { id: string; version: string; sha256: string }[];
  summary: MetricRow[];
  standOut: string[];
  /** What the coverage and shared-event sections say when no event is shared (`ONE_ARTICLE` for a one-article report). */
  noShared: string;
  /** The matrix: events two or more outlets report. */
  coverage: CoverageRow[];
  /** Per outlet (report order), the events only it reports; outlets with none are left out. */
  onlyIn: OnlyInView[];
  events: EventView[];
  outlets: OutletView[];
  actors: ActorView[];
  rules: RuleView[];
  /** The confidence threshold (report `minConfidence`) and the findings below it, left out of the view. */
  confidence: ConfidenceView;
}

export interface ConfidenceView {
  /** Findings with a lower confidence are not shown (null: the report sets none, all are shown). */
  minConfidence: number | null;
  /** Findings below the threshold, per article (report order). */
  hidden: number[];
  hiddenTotal: number;
  /** "12 more findings below the confidence threshold 0.5 (in the JSON report)", or null when none are hidden. */
  line: string | null;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Beyond this many articles a report is "wide" (HTML and markdown): an event shows only the
 * versions that exist (no "not reported" column per other article), the coverage section lists
 * who reports each shared event instead of a cell per article, and the "left out" lists become
 * counts (the JSON report keeps them). Each of those grew with events × articles, the square of
 * the input: the first 200 PolNeAR train texts (765 KB) made a 49 MB HTML page, a third of it
 * "not reported" columns and "left out by" lists.
 */
export const WIDE_ARTICLES = 8;

/** Shares of shared words below this make a word diff noise: the versions are told in different words. */
export const MIN_DIFF_SHARED = 0.3;

/** `text` cut at a word boundary to at most about `max` characters, with "…" when cut. */
export function clip(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = headUnits(t, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** `text` in curly quotes, unless it already starts or ends with a quotation mark. */
export function quoted(text: string): string {
  return /^["'“”‘’«»„]|["'“”‘’«»]$/.test(text) ? text : `“${text}”`;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The number of words (runs of letters and digits, `/[\p{L}\p{N}]+/gu` matches) in
 * `text.slice(start, end)`, counted without making the matches: ASCII by character code, other
 * code points by the regular expression.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        word = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
        i++;
      } else word = false;
    } else word = LETTER_OR_DIGIT.test(text[i]!);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** Formats a number with at most `digits` decimals (no locale, so output is deterministic). */
export function fmt(x: number, digits = 1): string {
  const r = Number(x.toFixed(digits));
  return Object.is(r, -0) ? '0' : String(r);
}
const pct = (x: number): string => `${fmt(x * 100, 0)}%`;

/** Builds the view of a report. Pure. `command` is the command that reproduces it. */
export function buildView(raw: Report, command: string | null = null): ReportView {
  const report = forDisplay(raw);
  const articles = report.articles;
  const labelOf = new Map(articles.map((a) => [a.id, a.label]));
  const findingsOf = new Map<string, Finding[]>(articles.map((a) => [a.id, []]));
  const shown = report.findings.filter((f) => isShown(f, report));
  for (const f of [...shown].sort((x, y) => x.start - y.start || x.end - y.end || cmp(x.id, y.id))) findingsOf.get(f.article)?.push(f);
  const eventLabel = new Map(report.events.map((e) => [e.id, e.label]));
  const omissions = report.omissions;

  return {
    title: titleOf(articles),
    toolVersion: report.tool.version,
    command,
    articles: articles.map((a) => ({
      id: a.id,
      label: a.label,
      title: a.title,
      author: a.author,
      date: a.date,
      url: a.url,
      path: a.path,
      words: a.words,
      notices: a.notices,
    })),
    lexicons: report.lexicons.map((l) => ({ id: l.id, version: l.version, sha256: l.sha256 })),
    summary: summaryRows(report, findingsOf),
    standOut: standOut(report, findingsOf),
    noShared: articles.length === 1 ? ONE_ARTICLE : 'No event is reported by more than one outlet.',
    coverage: report.events
      .filter((e) => e.articles.length > 1)
      .map((e) => ({
        id: e.id,
        label: e.label,
        cells: articles.map((a) => (e.articles.includes(a.id) ? 'reported' : (omissions[a.id] ?? []).includes(e.id) ? 'omitted' : 'absent')),
      })),
    onlyIn: articles
      .map((a) => ({
        article: a.id,
        label: a.label,
        events: report.events.filter((e) => e.articles.length === 1 && e.articles[0] === a.id).map((e) => ({ id: e.id, label: e.label })),
      }))
      .filter((o) => o.events.length > 0),
    events: report.events.map((e) => eventView(e, articles, findingsOf, labelOf, omissions)),
    outlets: articles.map((a) => ({
      article: a.id,
      label: a.label,
      omitted: (omissions[a.id] ?? []).map((id) => ({ id, label: eventLabel.get(id) ?? id })),
      unsourced: (findingsOf.get(a.id) ?? []).filter((f): f is UnsourcedFinding => f.kind === 'unsourced').map(findingView),
      attributions: (findingsOf.get(a.id) ?? [])
        .filter((f): f is AttributionFinding => f.kind === 'attribution')
        .map((f) => ({
          id: f.id,
          source: f.sourceName ?? f.source?.resolved ?? f.source?.text ?? '(no source named)',
          sourceType: f.sourceType,
          cue: f.cue.text,
          neutral: f.cue.neutral,
          direct: f.direct,
        })),
    })),
    actors: actorViews(report.actors, articles),
    rules: ruleViews(shown, articles),
    confidence: confidenceView(report),
  };
}

/** How many findings the threshold leaves out, per article and in all. */
export function confidenceView(report: Report): ConfidenceView {
  const hidden = report.articles.map((a) => report.findings.filter((f) => f.article === a.id && !isShown(f, report)).length);
  const total = hidden.reduce((s, n) => s + n, 0);
  const thresholds = describeThresholds(report, (k) => FINDING_KINDS[k as FindingKind]?.noun ?? k);
  return {
    minConfidence: typeof report.minConfidence === 'number' ? report.minConfidence : null,
    hidden,
    hiddenTotal: total,
    line:
      thresholds === null || total === 0
        ? null
        : `${total} more ${total === 1 ? 'finding' : 'findings'} below ${thresholds} (measured precision of their rule; listed in the JSON report, shown with --min-confidence 0).`,
  };
}

/**
 * Said wherever a one-article report would show "0 shared" events without saying why (the summary,
 * the reports' coverage and shared events, the terminal UI's overview): comparing needs two articles.
 */
export const ONE_ARTICLE = 'One article: nothing to compare — give two or more articles about the same story.';

function titleOf(articles: ReportArticle[]): string {
  const n = articles.length;
  return `${n} ${n === 1 ? 'article' : 'articles'} side by side: ${articles.map((a) => a.label).join(', ')}`;
}

/** The short tag shown next to a finding. */
function findingView(f: Finding): FindingView {
  const base = { id: f.id, kind: f.kind, quote: f.text, explanation: f.explanation, rule: f.rule, confidence: `confidence ${fmt(f.confidence, 2)}` };
  if (f.kind === 'attribution') {
    const who = f.sourceName ?? f.source?.text ?? 'no named source';
    return {
      ...base,
      tag: `${f.direct ? 'quote' : 'attribution'} · ${who} (${f.sourceType}) · ${f.cue.neutral ? 'neutral' : 'non-neutral'} cue "${f.cue.text}"`,
    };
  }
  const alternative = f.kind === 'loaded' ? f.alternative : undefined;
  return { ...base, tag: detailOf(f), ...(alternative === undefined ? {} : { alternative }) };
}

function markTitle(f: Finding): string {
  if (f.kind === 'loaded') return `${f.id} ${f.category}: ${f.explanation}${f.alternative ? ` (neutral: ${f.alternative})` : ''} [${f.rule}]`;
  if (f.kind === 'attribution') return `${f.id} ${findingView(f).tag}: ${f.explanation}`;
  return `${f.id} ${f.kind} (${detailOf(f)}): ${f.explanation}`;
}

/** Merges overlapping mention spans of one article, in text order. */
function mentionSpans(e: Event, article: string): { start: number; end: number }[] {
  const spans = e.mentions.filter((m) => m.article === article).map((m) => ({ start: m.start, end: m.end }));
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

type MarkSpan = Pick<Mark, 'kind' | 'style'> & { start: number; end: number };

/** The marks a finding puts on text: the whole finding in its kind's style, or an attribution's source and cue. */
function markSpans(f: Finding): MarkSpan[] {
  if (f.kind !== 'attribution') {
    const style = FINDING_KINDS[f.kind].mark;
    return style === 'source-and-cue' ? [] : [{ kind: f.kind, style, start: f.start, end: f.end }];
  }
  const out: MarkSpan[] = [{ kind: 'cue', style: 'cue', start: f.cue.start, end: f.cue.end }];
  if (f.source) out.push({ kind: 'source', style: 'source', start: f.source.start, end: f.source.end });
  return out;
}

/** Splits `[start, end)` of `text` at every mark boundary; each segment lists the marks covering it. */
export function segmentText(text: string, start: number, end: number, findings: readonly Finding[], format: ArticleFormat = 'txt'): Segment[] {
  const marks = findings.flatMap((f) =>
    markSpans(f)
      .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end), f }))
      .filter((m) => m.start < m.end),
  );
  const cuts = [...new Set([start, end, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!;
    const t = cuts[i + 1]!;
    const covering = marks.filter((m) => m.start <= s && t <= m.end);
    out.push({
      text: displayText(text.slice(s, t), format),
      marks: covering.map((m) => {
        const key = `${m.f.id}/${m.kind}`;
        const first = !seen.has(key);
        seen.add(key);
        return { kind: m.kind, style: m.style, finding: m.f.id, title: markTitle(m.f), first };
      }),
    });
  }
  return out;
}

function versionView(e: Event, a: ReportArticle, findings: readonly Finding[]): VersionView {
  const spans = mentionSpans(e, a.id);
  const segments: Segment[] = [];
  const inside: Finding[] = [];
  spans.forEach((s, i) => {
    if (i > 0) segments.push({ text: ' … ', marks: [], gap: true });
    const mine = overlapping(findings, s.start, s.end);
    for (const f of mine) if (!inside.includes(f)) inside.push(f);
    segments.push(...segmentText(a.text, s.start, s.end, mine, a.format));
  });
  return {
    article: a.id,
    label: a.label,
    segments,
    text: spans.map((s) => displayText(a.text.slice(s.start, s.end), a.format)).join(' … '),
    findings: inside.map(findingView),
  };
}

function sharedShare(parts: DiffPart[]): number {
  const words = countWords;
  let same = 0;
  let all = 0;
  for (const p of parts) {
    const n = words(p.text);
    all += p.op === 'same' ? 2 * n : n;
    if (p.op === 'same') same += 2 * n;
  }
  return all === 0 ? 1 : same / all;
}

function eventView(
  e: Event,
  articles: ReportArticle[],
  findingsOf: Map<string, Finding[]>,
  labelOf: Map<string, string>,
  omissions: Record<string, string[]>,
): EventView {
  checkBudget('rendering');
  const versions = articles.map((a) => (e.articles.includes(a.id) ? versionView(e, a, findingsOf.get(a.id) ?? []) : null));
  const present = versions.filter((v): v is VersionView => v !== null);
  const ref = present[0];
  const diffs: DiffView[] = ref
    ? present.slice(1).map((v) => {
        const parts = groupChanges(wordDiff(ref.text, v.text));
        return { from: ref.label, to: v.label, parts, shared: sharedShare(parts) };
      })
    : [];
  return {
    id: e.id,
    label: e.label,
    shared: e.articles.length > 1,
    reportedBy: articles.filter((a) => e.articles.includes(a.id)).map((a) => a.label),
    omittedBy: articles.filter((a) => (omissions[a.id] ?? []).includes(e.id)).map((a) => a.label),
    versions,
    diffs,
    quotes: quoteViews(e.quoteReuse ?? [], labelOf),
    figures: figureViews(e.numbers ?? [], articles),
    conflicts: conflictLines(e.conflicts ?? [], labelOf),
  };
}

/** Each reused quotation's variants, with the word diff of each against the first. */
function quoteViews(groups: readonly QuoteReuse[], labelOf: Map<string, string>): QuoteVariantView[][] {
  return groups.map((group) => {
    const first = group.variants[0]?.text ?? '';
    return group.variants.map((v, i) => ({
      label: labelOf.get(v.article) ?? v.article,
      text: v.text,
      intro: v.intro === null ? null : introText(v.intro),
      diff: i === 0 ? [] : groupChanges(wordDiff(first, v.text)),
    }));
  });
}

/** "Lavrov said (neutral cue)". */
function introText(intro: QuoteIntro): string {
  return `${intro.source === null ? '' : `${intro.source.text} `}${intro.cue.text} (${intro.cue.neutral ? 'neutral cue' : 'non-neutral cue'})`;
}

/** The figures each outlet gives for the event. */
function figureViews(numbers: readonly Figure[], articles: ReportArticle[]): FigureView[] {
  return articles.map((a) => ({ label: a.label, values: numbers.filter((n) => n.article === a.id).map((n) => n.text) })).filter((f) => f.values.length > 0);
}

/** Conflicting figures as one line each: `count, different-values — A: 300; B: hundreds`. */
function conflictLines(conflicts: readonly FigureConflict[], labelOf: Map<string, string>): string[] {
  return conflicts.map((c) => {
    const parts = c.figures.map((v) => `${labelOf.get(v.article) ?? v.article}: ${v.text}`);
    const what = `${c.kind}, ${c.reason}`;
    return parts.length > 0 ? `${what} — ${parts.join('; ')}` : what;
  });
}

/** The score rows shown under a kind's count row in the summary (kinds without scores have none). */
const SCORE_ROWS: Partial<Record<FindingKind, (sc: (ArticleScores | undefined)[]) => MetricRow[]>> = {
  loaded: (sc) => {
    const perCat = sc.map((s) => s?.markersPer1k ?? null);
    const cats = [...new Set(perCat.flatMap((p) => (p ? Object.keys(p) : [])))].sort(cmp);
    return [
      { metric: 'Loaded markers per 1,000 tokens', cells: perCat.map((p) => (p ? fmt(sumValues(p)) : '–')) },
      ...cats.map((c) => ({ metric: `· ${c}`, cells: perCat.map((p) => (p?.[c] !== undefined ? fmt(p[c]) : '0')) })),
      {
        metric: 'Weighted load (sum of marker weights)',
        cells: rate(
          sc,
          (s) => s.load,
          (x) => fmt(x, 2),
        ),
      },
      {
        metric: 'Weighted load per 1,000 tokens',
        cells: rate(
          sc,
          (s) => s.loadPer1k,
          (x) => fmt(x, 1),
        ),
      },
    ];
  },
  attribution: (sc) => [
    {
      metric: 'Named sources',
      cells: rate(
        sc,
        (s) => s.namedSources,
        (x) => fmt(x, 0),
      ),
    },
    { metric: 'Source mix', cells: sc.map((s) => (s === undefined ? '–' : mix(s.sourceMix))) },
    { metric: 'Non-neutral attribution cues', cells: rate(sc, (s) => s.nonNeutralCueShare, pct) },
  ],
  unsourced: (sc) => [{ metric: 'Unsourced share of sentences', cells: rate(sc, (s) => s.unsourcedShare, pct) }],
};

/** One score per article, `–` where the report has no scores for it. */
function rate(sc: (ArticleScores | undefined)[], pick: (s: ArticleScores) => number, fmtr: (x: number) => string): string[] {
  return sc.map((s) => (s === undefined ? '–' : fmtr(pick(s))));
}

function summaryRows(report: Report, findingsOf: Map<string, Finding[]>): MetricRow[] {
  const arts = report.articles;
  const sc = arts.map((a) => report.scores[a.id]);
  const rows: MetricRow[] = [{ metric: 'Words', cells: arts.map((a) => String(a.words)) }];
  for (const kind of FINDING_KIND_NAMES) {
    rows.push({ metric: FINDING_KINDS[kind].row, cells: arts.map((a) => String((findingsOf.get(a.id) ?? []).filter((f) => f.kind === kind).length)) });
    if (sc.some((s) => s !== undefined)) rows.push(...(SCORE_ROWS[kind]?.(sc) ?? []));
  }
  const multi = report.events.filter((e) => e.articles.length > 1).length;
  rows.push({
    metric: `Shared events covered / left out (of ${multi})`,
    cells: arts.map((a, i) => {
      const covered = sc[i]?.eventsCovered ?? report.events.filter((e) => e.articles.length > 1 && e.articles.includes(a.id)).length;
      const omitted = sc[i]?.eventsOmitted ?? (report.omissions[a.id] ?? []).length;
      return `${covered} / ${omitted}`;
    }),
  });
  return rows;
}

function sumValues(o: Record<string, number>): number {
  return Object.values(o).reduce<number>((s, v) => s + v, 0);
}

/** `official 3, media 1`: the source types with attributions, largest count first. */
function mix(counts: Record<SourceType, number>): string {
  const entries = Object.entries(counts)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  if (entries.length === 0) return 'none';
  return entries.map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ');
}

/** Bootstrap resamples of "What stands out" (seeded, so a report is the same bytes every run). */
export const BOOTSTRAP_SAMPLES = 400;
/** Fewest distinct expressions (lower-cased finding texts) a loaded-language difference must rest on. */
export const MIN_DISTINCT = 3;

/** Per prose sentence of an article: its words and how many of `findings` start in it. */
function sentenceUnits(spans: SentenceWords, findings: readonly Finding[]): { words: number; hits: number }[] {
  // Findings counted per sentence by binary search over their sorted starts (a filter of all
  // findings per sentence was quadratic in a long article).
  const starts = findings.map((f) => f.start).sort((x, y) => x - y);
  return spans.map((s) => ({
    words: s.words,
    hits: countBelow(starts, s.end) - countBelow(starts, s.start),
  }));
}

/** An article's sentences (headings left out) with the words of each. */
type SentenceWords = { start: number; end: number; words: number }[];

function sentenceWords(a: ReportArticle): SentenceWords {
  return (a.sentenceSpans ?? [])
    .filter((s) => !s.heading)
    .map((s) => ({
      start: s.start,
      end: s.end,
      // an HTML sentence's raw slice may hold inline tags and references: count the words a reader sees
      words: a.format === 'html' ? countWords(displayText(a.text.slice(s.start, s.end), 'html')) : countWords(a.text, s.start, s.end),
    }));
}

/** How many of the sorted `values` are below `x`. */
function countBelow(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when `a`'s rate (hits per word) exceeds `b`'s in at least 97.5 % of bootstrap resamples of
 * both articles' sentences: the difference is not an accident of a few sentences.
 */
function survivesResampling(a: { words: number; hits: number }[], b: { words: number; hits: number }[], seed: number): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const rand = seededRandom(seed);
  const rate = (units: { words: number; hits: number }[]) => {
    let w = 0;
    let h = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[Math.floor(rand() * units.length)]!;
      w += u.words;
      h += u.hits;
    }
    return w === 0 ? 0 : h / w;
  };
  let wins = 0;
  for (let k = 0; k < BOOTSTRAP_SAMPLES; k++) if (rate(a) > rate(b)) wins++;
  return wins >= BOOTSTRAP_SAMPLES * 0.975;
}

/** `“x” (f3), “y” (f9)` for up to `max` distinct expressions among `findings`. */
function evidence(findings: readonly Finding[], max = 4): string {
  const seen = new Map<string, string>();
  for (const f of findings) {
    const key = f.text.toLowerCase().replace(/\s+/g, ' ');
    if (!seen.has(key)) seen.set(key, `${quoted(clip(f.text, 40))} (${f.id})`);
  }
  const list = [...seen.values()];
  return list.slice(0, max).join(', ') + (list.length > max ? ', …' : '');
}

/**
 * One sentence per difference that holds: an outlet's rate of loaded terms or of unsourced
 * assertions is named as the highest only when it exceeds every other outlet's in the bootstrap
 * over sentences, and (loaded terms) rests on at least MIN_DISTINCT distinct expressions, not one
 * stock phrase repeated; each statement names its evidence (finding ids). Otherwise it says the
 * outlets do not differ clearly on that measure.
 */
function standOut(report: Report, findingsOf: Map<string, Finding[]>): string[] {
  const arts = report.articles;
  if (arts.length === 0) return [];
  const out: string[] = [];
  const kinds = [
    { kind: 'loaded' as const, what: 'loaded terms', distinct: MIN_DISTINCT, seed: 1 },
    { kind: 'unsourced' as const, what: 'unsourced assertions', distinct: 1, seed: 2 },
  ];
  // Each article's sentences with their word counts, counted once for both kinds (and only
  // where rates are compared: one article has nothing to stand out from).
  let spans: SentenceWords[] | null = null;
  for (const k of kinds) {
    const per = arts.map((a) => (findingsOf.get(a.id) ?? []).filter((f) => f.kind === k.kind));
    if (per.every((p) => p.length === 0)) {
      out.push(`No outlet has ${k.what} shown at this confidence threshold.`);
      continue;
    }
    if (arts.length < 2) continue;
    spans ??= arts.map(sentenceWords);
    const units = arts.map((_, i) => sentenceUnits(spans![i]!, per[i]!));
    const rates = units.map((u) => {
      const w = u.reduce((s, x) => s + x.words, 0);
      return w === 0 ? 0 : (u.reduce((s, x) => s + x.hits, 0) / w) * 1000;
    });
    const top = argmax(rates, arts);
    const distinct = new Set(per[top]!.map((f) => f.text.toLowerCase().replace(/\s+/g, ' '))).size;
    const holds = distinct >= k.distinct && arts.every((_, j) => j === top || survivesResampling(units[top]!, units[j]!, k.seed * 1000 + j));
    if (holds) {
      out.push(
        `${arts[top]!.label} has the most ${k.what}: ${fmt(rates[top]!)} per 1,000 words (next: ${fmt(Math.max(...rates.filter((_, j) => j !== top)))}), a difference that holds when its sentences are resampled; e.g. ${evidence(per[top]!)}.`,
      );
    } else {
      out.push(
        `The outlets do not differ clearly in ${k.what} (${arts.map((a, i) => `${a.label} ${fmt(rates[i]!)}`).join(', ')} per 1,000 words): the difference does not hold when sentences are resampled${k.distinct > 1 ? ' or rests on fewer than three distinct expressions' : ''}.`,
      );
    }
  }
  const sc = arts.map((a) => report.scores[a.id]);
  const cueFindings = arts.map((a) => (findingsOf.get(a.id) ?? []).filter((f): f is AttributionFinding => f.kind === 'attribution' && !f.cue.neutral));
  const cues = sc.map((s) => s?.nonNeutralCueShare ?? 0);
  if (cues.some((n) => n > 0)) {
    const i = argmax(cues, arts);
    const distinct = new Set(cueFindings[i]!.map((f) => f.cue.text.toLowerCase())).size;
    if (distinct >= 2)
      out.push(
        `${arts[i]!.label} most often introduces sources with non-neutral verbs (${pct(cues[i]!)} of its attributions; e.g. ${evidence(cueFindings[i]!.map((f) => ({ ...f, text: f.cue.text })))}).`,
      );
  }
  const omitted = arts.map((a) => (report.omissions[a.id] ?? []).length);
  if (arts.length > 1 && omitted.some((n) => n > 0)) {
    const i = argmax(omitted, arts);
    const multi = report.events.filter((e) => e.articles.length > 1).length;
    out.push(
      `${arts[i]!.label} leaves out ${omitted[i]} of the ${multi} events other outlets share (${(report.omissions?.[arts[i]!.id] ?? []).slice(0, 4).join(', ')}${omitted[i]! > 4 ? ', …' : ''}).`,
    );
  }
  return out;
}

/** Index of the largest value; ties go to the label that sorts first. */
function argmax(values: number[], arts: ReportArticle[]): number {
  let best = 0;
  values.forEach((v, i) => {
    const b = values[best]!;
    if (v > b || (v === b && cmp(arts[i]!.label, arts[best]!.label) < 0)) best = i;
  });
  return best;
}

/** Per actor, per outlet: the names it uses, the descriptors attached and the tone ("" when it does not mention it). */
function actorViews(actors: readonly ActorReport[], articles: ReportArticle[]): ActorView[] {
  const unique = (spans: readonly { text: string }[]) => [...new Set(spans.map((d) => d.text).filter((t) => t !== ''))];
  return actors.map((actor) => ({
    name: actor.name,
    cells: articles.map((a) => {
      const e = actor.articles[a.id];
      if (!e) return '';
      const names = unique(e.mentions);
      const descriptors = unique(e.descriptors);
      const mentions = e.mentions.length;
      if (mentions === 0 && descriptors.length === 0) return '';
      const parts = [
        names.length > 0 ? `named ${names.map((t) => `"${t}"`).join(', ')} (${mentions}×)` : `${mentions}×`,
        descriptors.length > 0 ? `described as ${descriptors.map((t) => `"${t}"`).join(', ')}` : null,
        `tone ${fmt(e.tone, 2)}`,
      ];
      return parts.filter((x) => x !== null).join('; ');
    }),
  }));
}

/** Every rule that fired, with its note and per-outlet counts; sorted by kind, then rule. */
function ruleViews(findings: readonly Finding[], articles: ReportArticle[]): RuleView[] {
  const byRule = new Map<string, { first: Finding; counts: number[] }>();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.rule}\u0000${detailOf(f)}`;
    let r = byRule.get(key);
    if (!r) byRule.set(key, (r = { first: f, counts: articles.map(() => 0) }));
    const i = articles.findIndex((a) => a.id === f.article);
    if (i >= 0) r.counts[i]! += 1;
  }
  return [...byRule.entries()]
    .sort(([ka, a], [kb, b]) => kindRank(a.first.kind) - kindRank(b.first.kind) || cmp(ka, kb))
    .map(([, { first: f, counts }]) => ({
      rule: f.rule,
      kind: f.kind,
      category: detailOf(f),
      weight: f.kind === 'loaded' ? f.weight : null,
      note: f.explanation,
      alternative: f.kind === 'loaded' ? (f.alternative ?? null) : null,
      counts,
    }));
}
