/**
 * Boilerplate detection: lines of the file that are not article prose (bylines, captions,
 * prompts, related links, copyright lines, ...), each reported with a reason and the rule.
 * (First version: a few line patterns; the full cue-based detector replaces it.)
 */
import { lineSpans } from '../core/spans.js';
import type { BoilerplateReason, BoilerplateSpan, SourceDocument } from '../core/types.js';

interface LineRule {
  reason: BoilerplateReason;
  name: string;
  test: RegExp;
}

const RULES: LineRule[] = [
  { reason: 'copyright', name: 'copyright-line', test: /^(copyright\b|©|\(c\)\s)|all rights reserved/i },
  { reason: 'related-links', name: 'related-heading', test: /^(simil[i]?ar|related|recommended|more)\s+(posts?|articles?|stories|news)\s*:?$/i },
  { reason: 'tags', name: 'tags-line', test: /^(tags|tagged|filed under|categories)\s*:/i },
];

/** Detects boilerplate lines inside `doc.content`. Returned spans are sorted by start. */
export function detectBoilerplate(doc: SourceDocument): BoilerplateSpan[] {
  const out: BoilerplateSpan[] = [];
  for (const line of lineSpans(doc.text)) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    if (!doc.content.some((c) => line.start >= c.start && line.end <= c.end)) continue;
    const rule = RULES.find((r) => r.test.test(trimmed));
    if (rule) out.push({ start: line.start, end: line.end, text: line.text, reason: rule.reason, rule: rule.name });
  }
  return out;
}
