/**
 * Pronoun resolutions judged by reading PolNeAR dev articles (the check half; ../shared/datasets):
 * the person a he/she source stands for stays found where it was right, and stays unresolved where
 * the tool once gave the pronoun to the wrong person or to a place or a time (abstain, not guess).
 * Skips when ../shared/datasets is absent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttributionFinding } from '../../src/core/types.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import { DATASETS, HAS_DATASETS } from '../helpers.js';

/** file, start of the pronoun source, its text, the resolved name judged right (null: must stay unresolved) and what was wrong before. */
const JUDGED: [string, number, string, string | null, string][] = [
  ['nyt_2016-09-25_obama-says-african-american-muse.txt', 5485, 'She', 'Donna Sampson Rawlings', 'right'],
  ['nyt_2016-09-25_obama-says-african-american-muse.txt', 6043, 'He', 'Johnnie Wilson', 'right'],
  ['usa-today_2016-09-08_candidates-vie-for-vets-support-.txt', 2155, 'He', null, 'was Vladimir Putin; Trump speaks'],
  ['breitbart_2016-09-30_the-latest-trump-urges-supporter.txt', 6056, 'He', null, 'was "Kent County Republican", a place'],
  ['breitbart_2016-09-30_the-latest-trump-urges-supporter.txt', 13822, 'She', null, 'was "Florida Friday", a place and a day'],
  ['politico_2016-09-22_house-panel-votes-to-hold-clinto.txt', 3845, 'He', null, 'was Jason Chaffetz; Rep. Stephen Lynch speaks'],
];

describe('pronoun resolutions judged on PolNeAR dev', () => {
  const lex = HAS_DATASETS ? loadLexicons() : null;
  for (const [file, start, text, resolved, why] of JUDGED) {
    it.skipIf(!HAS_DATASETS)(`${file} @${start} ${text} → ${resolved ?? 'unresolved'} (${why})`, () => {
      const report = analyseArticles([prepareArticle(join(DATASETS, 'polnear/dev/text', file))], lex!);
      const found = report.findings.filter((f): f is AttributionFinding => f.kind === 'attribution' && f.source?.start === start);
      expect(found.map((f) => [f.source!.text, f.source!.resolved ?? null])).toEqual([[text, resolved]]);
    });
  }
});
