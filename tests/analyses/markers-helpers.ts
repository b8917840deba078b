import { confidenceOf } from '../../src/analyses/confidence.js';
import { findMarkers } from '../../src/analyses/markers.js';
import { DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../../src/core/confidence.js';
import { auditArticlePath, auditFindings } from '../../src/eval/audit.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { DATASETS, analysedArticle } from '../helpers.js';

/** The bundled lexicons and the loaded terms' default threshold, shared by the round tests. */
export const lex = loadLexicons();
export const SHOWN = DEFAULT_MIN_CONFIDENCE_BY_KIND['loaded']!;

/** The loaded findings of a short text, with their confidence. */
export function loadedIn(text: string): { text: string; rule: string; confidence: number }[] {
  const article = analysedArticle(text, {}, 't.txt');
  return findMarkers(article, lex).map((f) => ({ text: f.text, rule: f.rule, confidence: confidenceOf(f, lex.calibration) }));
}

/** The loaded findings of an audited article (a dataset reference), as "start-end text rule confidence". */
export const loadedAt = (ref: string) =>
  auditFindings(auditArticlePath(ref, '/tmp', DATASETS), lex)
    .findings.filter((f) => f.kind === 'loaded')
    .map((f) => ({ span: `${f.start}-${f.end} ${f.text}`, rule: f.rule, confidence: f.confidence }));
