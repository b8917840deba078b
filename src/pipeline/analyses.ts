/**
 * The analyses as one named, ordered pipe. Each article runs the article analyses in this order,
 * each seeing the drafts of the ones before it; `actors` then reads all articles and findings.
 * `--disable NAME` leaves an analysis's results out of the report (an analysis another one needs
 * still runs, its findings not reported). A new analysis is a module under src/analyses/ and an
 * entry here (README "Adding an analysis / a format / a lexicon field").
 */
import type { ActorReport, AnalysedArticle, AttributionFinding, Finding, FindingDraft } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { findMarkers } from '../analyses/markers.js';
import { findAttributions } from '../analyses/attribution/index.js';
import { findUnsourced } from '../analyses/unsourced.js';
import { describeActors } from '../analyses/actors.js';

/** An analysis of one article: finding drafts from the article and the drafts of earlier analyses. */
export interface ArticleAnalysis {
  name: string;
  /** Analyses whose drafts `run` reads (run first, also when they are disabled). */
  needs: readonly string[];
  run(article: AnalysedArticle, lexicons: Lexicons, earlier: ReadonlyMap<string, readonly FindingDraft[]>): FindingDraft[];
}

type AttributionDraft = Omit<AttributionFinding, 'id' | 'article'>;
const isAttribution = (d: FindingDraft): d is AttributionDraft => d.kind === 'attribution';

export const ARTICLE_ANALYSES: readonly ArticleAnalysis[] = [
  { name: 'attribution', needs: [], run: (article, lexicons) => findAttributions(article, lexicons) },
  {
    name: 'markers',
    needs: ['attribution'],
    // Loaded words inside reported speech are the speaker's (README "What it finds").
    run: (article, lexicons, earlier) => findMarkers(article, lexicons, (earlier.get('attribution') ?? []).filter(isAttribution)),
  },
  {
    name: 'unsourced',
    needs: ['attribution'],
    run: (article, lexicons, earlier) => findUnsourced(article, (earlier.get('attribution') ?? []).filter(isAttribution), lexicons),
  },
];

/** An analysis of all articles together, run when the report is built. */
export const REPORT_ANALYSES = {
  actors: (articles: readonly AnalysedArticle[], findings: readonly Finding[], lexicons: Lexicons): ActorReport[] =>
    describeActors(articles, findings, lexicons),
} as const;

/** Every analysis name, in pipe order. */
export const ANALYSIS_NAMES: readonly string[] = [...ARTICLE_ANALYSES.map((a) => a.name), ...Object.keys(REPORT_ANALYSES)];

/** `--disable` values split into analysis names and (the rest) marker categories for the lexicons. */
export function splitDisable(values: readonly string[]): { analyses: string[]; categories: string[] } {
  return { analyses: values.filter((v) => ANALYSIS_NAMES.includes(v)), categories: values.filter((v) => !ANALYSIS_NAMES.includes(v)) };
}

/**
 * Runs the article analyses in pipe order and returns the drafts of those not in `disabled`.
 * `before(name)` is called before each analysis runs (the time budget's check).
 */
export function runArticleAnalyses(
  article: AnalysedArticle,
  lexicons: Lexicons,
  disabled: ReadonlySet<string> = new Set(),
  before: (name: string) => void = () => {},
): FindingDraft[] {
  const wanted = new Set(ARTICLE_ANALYSES.filter((a) => !disabled.has(a.name)).flatMap((a) => [a.name, ...a.needs]));
  const earlier = new Map<string, FindingDraft[]>();
  const out: FindingDraft[] = [];
  for (const analysis of ARTICLE_ANALYSES) {
    if (!wanted.has(analysis.name)) continue;
    before(analysis.name);
    const drafts = analysis.run(article, lexicons, earlier);
    earlier.set(analysis.name, drafts);
    if (!disabled.has(analysis.name)) out.push(...drafts);
  }
  return out;
}
