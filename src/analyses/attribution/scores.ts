/** Per-article source scores, computed from a report's findings. */
import type { AttributionFinding, SourceType } from '../../core/types.js';
import { findingsOf } from '../by-article.js';

const SOURCE_TYPES: readonly SourceType[] = ['official', 'state-media', 'media', 'data-ngo', 'expert', 'anonymous', 'vague', 'self', 'unknown'];

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
