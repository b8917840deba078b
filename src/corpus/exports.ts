/**
 * Corpus mode's flat exports for R / pandas: `articles.csv` (one row per article: the unit to
 * resample, with its story, so outlets can be compared within stories) and `findings.csv` (one
 * row per finding, shown or hidden, with its offsets into the article file and the rule or
 * lexicon entry that made it). Each has a sidecar `NAME.meta.json` naming its columns and their
 * meaning, as outlets.csv has. Rows are built story by story from the story's report, so the
 * numbers of outlets.csv can be recomputed from articles.csv, and those of articles.csv from
 * findings.csv (its `shown` rows).
 */
import { isShown } from '../core/confidence.js';
import type { Report } from '../core/types.js';
import { SOURCE_TYPES } from '../analyses/attribution/scores.js';
import { GENERATOR_MARK } from '../report/write.js';
import { csvCell } from './outlets.js';

type Cell = string | number;
interface Column<T> {
  name: string;
  meaning: string;
  of: (row: T) => Cell;
}

type ReportArticle = Report['articles'][number];
type ReportFinding = Report['findings'][number];

interface ArticleRowInput {
  story: string;
  article: ReportArticle;
  shown: ReportFinding[];
  omitted: number;
  multi: number;
  outlets: number;
}

interface FindingRowInput {
  story: string;
  article: ReportArticle;
  finding: ReportFinding;
  shown: boolean;
}

const count = (fs: readonly ReportFinding[], kind: string) => fs.filter((f) => f.kind === kind).length;

/** articles.csv: its columns, in order, with what each holds. */
export const ARTICLE_COLUMNS: readonly Column<ArticleRowInput>[] = [
  { name: 'story', meaning: 'story id (stories/ID.json, stories.json)', of: (r) => r.story },
  { name: 'article', meaning: "article id inside the story's report", of: (r) => r.article.id },
  { name: 'path', meaning: 'the article file, as given (offsets in findings.csv index it)', of: (r) => r.article.path },
  { name: 'outlet', meaning: 'outlet; empty when unknown (such articles make no row in outlets.csv)', of: (r) => r.article.outlet ?? '' },
  {
    name: 'outlet_source',
    meaning: 'where the outlet came from (front-matter, html-meta, url, outlets-map, page-text, folder)',
    of: (r) => r.article.outletSource ?? '',
  },
  { name: 'date', meaning: 'publication date (YYYY-MM-DD); empty when unknown', of: (r) => r.article.date ?? '' },
  { name: 'words', meaning: 'words in the article', of: (r) => r.article.words },
  { name: 'sentences', meaning: 'sentences that are not headings (the denominator of unsourced_share)', of: (r) => nonHeading(r.article) },
  { name: 'loaded', meaning: 'loaded-term findings shown', of: (r) => count(r.shown, 'loaded') },
  { name: 'attributions', meaning: 'attributions shown', of: (r) => count(r.shown, 'attribution') },
  ...SOURCE_TYPES.map((t) => ({
    name: `source_${t.replace(/-/g, '_')}`,
    meaning: `attributions shown whose source type is ${t} (a count)`,
    of: (r: ArticleRowInput) => r.shown.filter((f) => f.kind === 'attribution' && f.sourceType === t).length,
  })),
  { name: 'unsourced', meaning: 'unsourced assertions shown', of: (r) => count(r.shown, 'unsourced') },
  { name: 'outlets_in_story', meaning: 'known outlets among the articles of its story', of: (r) => r.outlets },
  { name: 'events_omitted', meaning: 'multi-article events of its story that it leaves out', of: (r) => r.omitted },
  { name: 'events_in_story', meaning: 'multi-article events in its story', of: (r) => r.multi },
];

const nonHeading = (a: ReportArticle) => a.sentenceSpans.filter((s) => !s.heading).length;

/** findings.csv: its columns, in order, with what each holds. */
export const FINDING_COLUMNS: readonly Column<FindingRowInput>[] = [
  { name: 'story', meaning: 'story id (stories/ID.json)', of: (r) => r.story },
  { name: 'article', meaning: "article id inside the story's report", of: (r) => r.article.id },
  { name: 'path', meaning: 'the article file, as given', of: (r) => r.article.path },
  { name: 'outlet', meaning: 'outlet of the article; empty when unknown', of: (r) => r.article.outlet ?? '' },
  { name: 'finding', meaning: "finding id inside the story's report", of: (r) => r.finding.id },
  { name: 'kind', meaning: 'loaded, attribution or unsourced', of: (r) => r.finding.kind },
  {
    name: 'shown',
    meaning: "true when the finding reaches its kind's confidence threshold (shown in the reports, counted in outlets.csv and articles.csv); false: hidden",
    of: (r) => String(r.shown),
  },
  { name: 'confidence', meaning: 'measured precision of the rule or entry that made it (0..1)', of: (r) => r.finding.confidence },
  { name: 'start', meaning: 'start offset in the article file (UTF-16 code units, as the report contract)', of: (r) => r.finding.start },
  { name: 'end', meaning: 'end offset (exclusive)', of: (r) => r.finding.end },
  {
    name: 'text',
    meaning: "the file's text between start and end (a cell beginning with = + - @ gets a leading ' against spreadsheet formulas)",
    of: (r) => r.finding.text,
  },
  { name: 'rule', meaning: 'the rule or lexicon entry that made it (rule:NAME or lexicon:LEXICON/ENTRY)', of: (r) => r.finding.rule },
  { name: 'calibration', meaning: 'the key of lexicons/calibration.yml its confidence comes from', of: (r) => r.finding.calibration },
  { name: 'category', meaning: 'loaded: the category (label, evaluative, metaphor, …)', of: (r) => (r.finding.kind === 'loaded' ? r.finding.category : '') },
  { name: 'reason', meaning: 'unsourced: why (no-attribution, prediction, …)', of: (r) => (r.finding.kind === 'unsourced' ? r.finding.reason : '') },
  {
    name: 'source_type',
    meaning: 'attribution: the source type (official, anonymous, …)',
    of: (r) => (r.finding.kind === 'attribution' ? r.finding.sourceType : ''),
  },
  {
    name: 'source',
    meaning: 'attribution: the source as written; empty when agentless',
    of: (r) => (r.finding.kind === 'attribution' ? (r.finding.source?.text ?? '') : ''),
  },
  { name: 'cue', meaning: 'attribution: the reporting cue as written', of: (r) => (r.finding.kind === 'attribution' ? r.finding.cue.text : '') },
];

const line = <T>(columns: readonly Column<T>[], row: T) => columns.map((c) => csvCell(c.of(row))).join(',');

/** The rows (CSV lines, no header) one story's report adds to articles.csv and findings.csv. */
export function storyRows(r: Report, story: string): { articles: string[]; findings: string[] } {
  const multi = r.events.filter((e) => e.articles.length > 1).length;
  const byId = new Map(r.articles.map((a) => [a.id, a]));
  const shown = new Map<string, ReportFinding[]>(r.articles.map((a) => [a.id, []]));
  const findings: string[] = [];
  for (const f of r.findings) {
    const s = isShown(f, r);
    if (s) shown.get(f.article)?.push(f);
    findings.push(line(FINDING_COLUMNS, { story, article: byId.get(f.article)!, finding: f, shown: s }));
  }
  const outlets = new Set(r.articles.map((a) => a.outlet).filter((o) => o !== null)).size;
  const articles = r.articles.map((a) =>
    line(ARTICLE_COLUMNS, { story, article: a, shown: shown.get(a.id)!, omitted: (r.omissions?.[a.id] ?? []).length, multi, outlets }),
  );
  return { articles, findings };
}

/** A tidy CSV: the header line, then the rows. */
export function tidyCsv(columns: readonly { name: string }[], lines: readonly string[]): string {
  return `${[columns.map((c) => c.name).join(','), ...lines].join('\n')}\n`;
}

/** The sidecar of an export (NAME.meta.json): generator, command, the file it describes and its columns. */
export function exportMeta(file: string, columns: readonly { name: string; meaning: string }[], command: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ generator: GENERATOR_MARK, command, file, columns: columns.map((c) => ({ name: c.name, meaning: c.meaning })), ...extra }, null, 2)}\n`;
}
