/** Unsourced assertions. Placeholder until the unsourced module lands. */
import type { AnalysedArticle, UnsourcedFinding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import type { AttributionDraft } from './attribution.js';

export type UnsourcedDraft = Omit<UnsourcedFinding, 'id' | 'article'>;

export function findUnsourced(_article: AnalysedArticle, _attributions: AttributionDraft[], _lexicons: Lexicons): UnsourcedDraft[] {
  return [];
}
