/**
 * Ingest: file → `SourceDocument` → body spans, boilerplate and completed metadata.
 */
import { sortSpans, subtractSpans, trimSpan } from '../core/spans.js';
import type { ArticleMeta, BoilerplateSpan, SourceDocument, Span } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { analyseBoilerplate } from './boilerplate.js';

export { readSource, EXTENSIONS, DEFAULT_MAX_BYTES } from './read.js';

export interface Segmented {
  /** Prose spans (0-based source offsets, end exclusive), sorted and non-overlapping. */
  body: Span[];
  /** Front matter, markup and detected boilerplate, sorted by start. */
  boilerplate: BoilerplateSpan[];
  /** `doc.meta` with its missing fields filled from the boilerplate (title, author, date, outlet). */
  meta: ArticleMeta;
  /** Notices for the user about the article (e.g. it does not look English). */
  notices: string[];
  /** The article's language when it is known not to be English, else null (see BoilerplateResult). */
  language: string | null;
}

/** Splits a document's content into body (prose) and boilerplate spans, and completes its metadata (with the cues as extended by `lexicons`). */
export function segment(doc: SourceDocument, lexicons?: Lexicons): Segmented {
  const detected = analyseBoilerplate(doc, lexicons);
  const boilerplate = sortSpans([...doc.excluded, ...detected.spans]);
  const raw = subtractSpans(doc.content, boilerplate);
  const body: Span[] = [];
  for (const r of raw) {
    const t = trimSpan(doc.text, r.start, r.end);
    if (t.end > t.start) body.push(t);
  }
  const meta: ArticleMeta = { ...doc.meta };
  for (const key of ['title', 'author', 'date', 'outlet'] as const) meta[key] ??= detected.found[key] ?? null;
  return { body, boilerplate, meta, notices: detected.notices, language: detected.language };
}
