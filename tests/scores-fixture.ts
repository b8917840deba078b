/** Article scores for hand-made report fixtures: the given numbers, zeros elsewhere (one copy for the report and UI fixtures). */
import type { ArticleScores } from '../src/core/types.js';
import { SOURCE_TYPES } from '../src/analyses/attribution/scores.js';

export function fixtureScores(given: Partial<ArticleScores>, mix: Partial<ArticleScores['sourceMix']> = {}): ArticleScores {
  const sourceMix = { ...(Object.fromEntries(SOURCE_TYPES.map((t) => [t, 0])) as ArticleScores['sourceMix']), ...mix };
  return {
    tokens: 0,
    words: 0,
    sentences: 0,
    findings: 0,
    eventsCovered: 0,
    eventsOmitted: 0,
    markersPer1k: {},
    loadedCount: 0,
    load: 0,
    loadPer1k: 0,
    actorTone: {},
    attributions: 0,
    sourceMix,
    nonNeutralCueShare: 0,
    namedSources: 0,
    unsourcedShare: 0,
    ...given,
  };
}
