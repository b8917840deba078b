/**
 * Ingest: file → `SourceDocument` → body spans and boilerplate.
 */
import { sortSpans, subtractSpans, trimSpan } from '../core/spans.js';
import type { BoilerplateSpan, SourceDocument, Span } from '../core/types.js';
import { detectBoilerplate } from './boilerplate.js';

export { readSource, EXTENSIONS, DEFAULT_MAX_BYTES } from './read.js';

export interface Segmented {
  body: Span[];
  boilerplate: BoilerplateSpan[];
}

/** Splits a document's content into body (prose) and boilerplate spans. */
export function segment(doc: SourceDocument): Segmented {
  const boilerplate = sortSpans([...doc.excluded, ...detectBoilerplate(doc)]);
  const raw = subtractSpans(doc.content, boilerplate);
  const body: Span[] = [];
  for (const r of raw) {
    const t = trimSpan(doc.text, r.start, r.end);
    if (t.end > t.start) body.push(t);
  }
  return { body, boilerplate };
}
