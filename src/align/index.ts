/** Event alignment across articles. Placeholder until the alignment module lands. */
import type { AnalysedArticle, Event, Finding } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';

export interface Alignment {
  events: Event[];
  /** Per article id: ids of multi-article events it leaves out. */
  omissions: Record<string, string[]>;
}

export function alignArticles(articles: AnalysedArticle[], _findings: Finding[], _lexicons: Lexicons): Alignment {
  return { events: [], omissions: Object.fromEntries(articles.map((a) => [a.id, []])) };
}
