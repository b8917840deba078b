/**
 * Judged attribution audit sheets (tests/fixtures/audit/attribution-*.yml) lock what a careful
 * reader decided: parallax is re-run on every judged article; a finding judged right must still be
 * found, one judged wrong or partly must be gone or below the threshold unless the sheet marks it
 * `open` (a known error, still counted). Prints the precision of the shown attributions per sheet
 * and in all, with a 95 % Wilson interval. Sheets drawn from ../shared/datasets skip when it is absent.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { EVAL_MIN_CONFIDENCE } from '../../src/eval/attribution.js';
import { auditArticlePath, auditFindings, wilson } from '../../src/eval/audit-attribution.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { DATASETS, HAS_DATASETS, REPO } from '../helpers.js';

const lex = loadLexicons();
const tmp = mkdtempSync(join(tmpdir(), 'parallax-attr-audit-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Item {
  n: number;
  article: string;
  finding: { start: number; end: number; rule: string; text: string };
  verdict: 'right' | 'wrong' | 'partly';
  open?: boolean;
}
interface Sheet {
  kind: string;
  data: string;
  items: Item[];
}

const dir = resolve(REPO, 'tests/fixtures/audit');
const sheets = readdirSync(dir)
  .filter((f) => /^attribution-.*\.yml$/.test(f))
  .sort()
  .map((file) => ({ file, sheet: parse(readFileSync(join(dir, file), 'utf8')) as Sheet }));
const total = { shown: 0, right: 0 };

describe('attribution audit sheets', () => {
  it('there are judged sheets for PolNeAR dev, BASIL 2013–2014, the web pages and the bundled corpus', () => {
    expect(sheets.map((s) => s.sheet.data).sort()).toEqual(['basil-check', 'bundled', 'polnear-dev', 'web']);
  });

  for (const { file, sheet } of sheets) {
    it.skipIf(sheet.data !== 'bundled' && !HAS_DATASETS)(`${file}: judged findings stay as judged; precision of the shown ones`, () => {
      expect(sheet.items.every((i) => ['right', 'wrong', 'partly'].includes(i.verdict))).toBe(true);
      const byArticle = new Map<string, ReturnType<typeof auditFindings>['findings']>();
      const problems: string[] = [];
      let shown = 0;
      let right = 0;
      for (const it of sheet.items) {
        let fs = byArticle.get(it.article);
        if (!fs) byArticle.set(it.article, (fs = auditFindings(auditArticlePath(it.article, tmp, DATASETS), lex).findings));
        const f = fs.find((x) => x.start === it.finding.start && x.end === it.finding.end && x.rule === it.finding.rule);
        const isShown = f !== undefined && f.confidence >= EVAL_MIN_CONFIDENCE;
        if (it.verdict === 'right' && !f) problems.push(`#${it.n} judged right but no longer found: ${JSON.stringify(it.finding.text)} (${it.article})`);
        if (it.verdict !== 'right' && !it.open && isShown) problems.push(`#${it.n} judged ${it.verdict} but shown again: ${JSON.stringify(it.finding.text)} (${it.article})`);
        if (isShown) {
          shown++;
          if (it.verdict === 'right') right++;
        }
      }
      total.shown += shown;
      total.right += right;
      const [lo, hi] = wilson(right, shown);
      console.log(`audit ${file}: precision of shown attributions ${(right / shown).toFixed(3)} (${right}/${shown}), 95% Wilson [${lo.toFixed(3)}, ${hi.toFixed(3)}]; open errors ${sheet.items.filter((i) => i.open).length}`);
      expect(problems).toEqual([]);
    });
  }

  afterAll(() => {
    const [lo, hi] = wilson(total.right, total.shown);
    if (total.shown) console.log(`audit attribution, all sheets: ${(total.right / total.shown).toFixed(3)} (${total.right}/${total.shown}), 95% Wilson [${lo.toFixed(3)}, ${hi.toFixed(3)}]`);
  });
});

describe('wilson', () => {
  it('gives the 95 % score interval', () => {
    const [lo, hi] = wilson(32, 40);
    expect(lo).toBeCloseTo(0.652, 3);
    expect(hi).toBeCloseTo(0.895, 3);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});
