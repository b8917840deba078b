/** Attribution extraction. Placeholder until the attribution module lands. */
import type { AnalysedArticle, AttributionFinding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';

export type AttributionDraft = Omit<AttributionFinding, 'id' | 'article'>;

export function findAttributions(_article: AnalysedArticle, _lexicons: Lexicons): AttributionDraft[] {
  return [];
}
