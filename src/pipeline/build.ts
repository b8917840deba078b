/**
 * Assembles the JSON report (contract version 1) from analysed articles, findings and events.
 */
import type { AnalysedArticle, Finding, Report, ReportArticle } from '../core/types.js';
import type { Alignment } from '../align/index.js';
import type { Lexicons } from '../lexicons/index.js';
import { VERSION } from '../core/version.js';
import { ingestSources } from '../ingest/cues.js';
import { scoreArticle } from './scores.js';
import { REPORT_ANALYSES } from './analyses.js';
import { basename, extname } from 'node:path';
import { usedCalibration } from '../analyses/confidence.js';
import { shownFindings } from '../core/confidence.js';

export interface ReportInput {
  articles: AnalysedArticle[];
  findings: Finding[];
  alignment: Alignment;
  lexicons: Lexicons;
  /** Analyses left out (`--disable NAME`). */
  disabled?: ReadonlySet<string>;
  /** Views show findings with at least this confidence; scores and actors count only those. */
  minConfidence: number;
  /** Per-kind thresholds replacing `minConfidence` (the default run's; see core/confidence.ts). */
  minConfidenceByKind?: Record<string, number>;
}

/** Short display label for an article: outlet, else author, else the file name. */
export function labelOf(a: Pick<AnalysedArticle, 'meta' | 'path'>): string {
  return a.meta.outlet ?? a.meta.author ?? basename(a.path, extname(a.path));
}

export function toReportArticle(a: AnalysedArticle): ReportArticle {
  return {
    id: a.id,
    path: a.path,
    format: a.format,
    text: a.text,
    label: labelOf(a),
    title: a.meta.title,
    outlet: a.meta.outlet,
    outletSource: a.meta.outletSource ?? null,
    author: a.meta.author,
    date: a.meta.date,
    url: a.meta.url,
    body: a.body.map((b) => ({ start: b.start, end: b.end })),
    boilerplate: a.boilerplate,
    tokens: a.tokens.length,
    sentences: a.sentences.length,
    words: a.tokens.filter((t) => t.type === 'word').length,
    sentenceSpans: a.sentences.map((s) => ({ start: s.start, end: s.end, heading: s.heading, paragraph: s.paragraph })),
    notices: a.notices,
  };
}

export function buildReport(input: ReportInput): Report {
  const { articles, findings, alignment, lexicons, minConfidence, minConfidenceByKind } = input;
  const { shown } = shownFindings(findings, { minConfidence, minConfidenceByKind });
  const actors = input.disabled?.has('actors') ? [] : REPORT_ANALYSES.actors(articles, shown, lexicons);
  return {
    schema: 'parallax/report@1',
    tool: { name: 'parallax', version: VERSION },
    lexicons: [...lexicons.records, ...ingestSources(), ...(alignment.sources ?? [])],
    articles: articles.map(toReportArticle),
    events: alignment.events,
    findings,
    scores: Object.fromEntries(articles.map((a) => [a.id, scoreArticle(a, shown, alignment, actors)])),
    actors,
    omissions: alignment.omissions,
    calibration: usedCalibration(findings, lexicons.calibration),
    minConfidence,
    ...(minConfidenceByKind ? { minConfidenceByKind } : {}),
  };
}
