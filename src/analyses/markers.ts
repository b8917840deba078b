/** Loaded-language markers (lexicon matches and rules). Placeholder until the markers module lands. */
import type { AnalysedArticle, FindingDraft } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';

export function findMarkers(_article: AnalysedArticle, _lexicons: Lexicons): FindingDraft[] {
  return [];
}
