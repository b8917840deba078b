/** Per-article source scores, computed from a report's findings. */
import type { AttributionFinding, SourceScores, SourceType } from '../../core/types.js';
import { findingsOf } from '../by-article.js';

export const SOURCE_TYPES: readonly SourceType[] = ['official', 'state-media', 'media', 'data-ngo', 'expert', 'anonymous', 'vague', 'self', 'unknown'];

export type { SourceScores } from '../../core/types.js';

/** Source scores of `article` from `findings` (all articles' findings may be passed). */
export function sourceScores(
  article: { id: string; sentences: readonly { heading: boolean }[] },
  findings: readonly { kind: string; article: string }[],
): SourceScores {
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const mine = findingsOf(findings, article.id);
  const attributions = mine.filter((f): f is AttributionFinding => f.kind === 'attribution');
  const unsourced = mine.filter((f) => f.kind === 'unsourced').length;
  const sentences = article.sentences.filter((s) => !s.heading).length;
  const sourceMix = Object.fromEntries(SOURCE_TYPES.map((t) => [t, 0])) as Record<SourceType, number>;
  for (const a of attributions) sourceMix[a.sourceType]++;
  const nonNeutral = attributions.filter((a) => !a.cue.neutral).length;
  return {
    attributions: attributions.length,
    sourceMix,
    nonNeutralCueShare: attributions.length ? r4(nonNeutral / attributions.length) : 0,
    namedSources: new Set(attributions.map((a) => a.sourceName).filter((n) => n !== undefined)).size,
    unsourcedShare: sentences ? r4(unsourced / sentences) : 0,
  };
}
