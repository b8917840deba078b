/**
 * Shared by the attribution tests: a written sentence's attribution drafts as comparable rows, and
 * the attribution findings of a PolNeAR train text (../shared/datasets; callers skip without it)
 * whose cue starts at a given offset.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import type { AttributionFinding } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import { DATASETS, analysedArticle } from '../helpers.js';

export const lex = loadLexicons();

/** Whether the PolNeAR train texts are there (../shared/datasets; a user's clone has none): tests that read them skip without. */
export const hasTrain = existsSync(join(DATASETS, 'polnear/train/text'));

/** Each draft as [pattern, [source start, source text] | null, [cue start, cue text], content text | null]. */
export const attr = (text: string) =>
  findAttributions(analysedArticle(text), lex).map((d) => [
    d.pattern,
    d.source ? [d.source.start, d.source.text] : null,
    [d.cue.start, d.cue.text],
    d.content?.text ?? null,
  ]);

/** The attribution findings of PolNeAR train text `file` whose cue starts at `start`. */
export const train = (file: string, start: number): AttributionFinding[] =>
  analyseArticles([prepareArticle(join(DATASETS, 'polnear/train/text', file))], lex).findings.filter(
    (f): f is AttributionFinding => f.kind === 'attribution' && f.cue.start === start,
  );
