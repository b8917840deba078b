/**
 * Per-article scores. Every number is derived here from the findings and events in the report,
 * so a reader can recompute it (see README "Scores").
 */
import type { AnalysedArticle, ArticleScores, Finding } from '../core/types.js';
import type { Alignment } from '../align/index.js';
import { markerScores } from '../analyses/markers.js';
import { sourceScores } from '../analyses/attribution/index.js';
import type { ActorReport } from '../analyses/actors.js';
import { findingsOf } from '../analyses/by-article.js';

/** Scores of one article. Rates are per 1,000 tokens; shares are 0..1, rounded to 4 places. */
export function scoreArticle(article: AnalysedArticle, findings: Finding[], alignment: Alignment, actors: readonly ActorReport[] = []): ArticleScores {
  const mine = findingsOf(findings, article.id);
  const tokens = article.tokens.length;
  const words = article.tokens.filter((t) => t.type === 'word').length;
  const multi = alignment.events.filter((e) => e.articles.length > 1);
  return {
    tokens,
    words,
    sentences: article.sentences.length,
    findings: mine.length,
    eventsCovered: multi.filter((e) => e.articles.includes(article.id)).length,
    eventsOmitted: (alignment.omissions[article.id] ?? []).length,
    ...markerScores(article, findings, actors),
    ...sourceScores(article, findings),
  };
}

/** Rounds to 4 decimal places so reports are stable across platforms. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
