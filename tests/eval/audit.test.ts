/**
 * Judged audit sheets (tests/fixtures/audit/*.yml) lock what a careful reader decided: parallax is
 * re-run on every judged article; a finding judged right must still be found, one judged wrong or
 * partly must be gone or below the default confidence threshold unless the sheet marks it `open`
 * (a known error, still counted). A judged finding is the one of the same article, kind and span
 * (an attribution also its source, cue and content), whatever rule makes it now (`judgedFinding`),
 * so splitting a lexicon entry keeps its judged findings; a changed rule is printed. Prints the
 * precision of the shown findings per sheet with a 95 % Wilson interval. Sheets drawn from
 * ../shared/datasets skip when it is absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../../src/core/confidence.js';
import { auditArticlePath, auditFindings, currentVerdict, type JudgedFinding, judgedFinding, wilson } from '../../src/eval/audit.js';
import { readAuditSheets } from '../../src/eval/calibrate.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { DATASETS, HAS_DATASETS, REPO } from '../helpers.js';

const lex = loadLexicons();
const tmp = mkdtempSync(join(tmpdir(), 'parallax-audit-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Item {
  n: number;
  article: string;
  finding: JudgedFinding & { text: string };
  verdict: 'right' | 'wrong' | 'partly';
  open?: boolean;
  /** A right finding the rules no longer make (a known loss of recall, e.g. a word now read as reported speech). */
  lost?: boolean;
  /** The finding's text is now boilerplate of this reason (e.g. a caption): not analysed, not counted. */
  excluded?: string;
  /** An unsourced item judged again for the reason the rules now give it (currentVerdict): that verdict counts while the reason holds. */
  rejudged?: { reason: string; verdict: 'right' | 'wrong' | 'partly'; why: string };
}

const sheets = readAuditSheets(resolve(REPO, 'tests/fixtures/audit'));

describe('audit sheets', () => {
  it('there are judged sheets for loaded terms and unsourced assertions', () => {
    expect(sheets.map((s) => s.sheet.kind)).toEqual(expect.arrayContaining(['loaded', 'unsourced']));
  });

  for (const { file, sheet } of sheets) {
    const needsData = !(sheet.data === 'bundled');
    it.skipIf(needsData && !HAS_DATASETS)(`${file}: judged findings stay as judged; precision of the shown ones`, () => {
      const items = sheet.items as unknown as Item[];
      expect(items.every((i) => ['right', 'wrong', 'partly'].includes(i.verdict))).toBe(true);
      const byArticle = new Map<string, ReturnType<typeof auditFindings>>();
      const analysed = (it: Item) => {
        let r = byArticle.get(it.article);
        if (!r) byArticle.set(it.article, (r = auditFindings(auditArticlePath(it.article, tmp, DATASETS), lex)));
        return r;
      };
      // matched by article, kind and span (and an attribution's parts), not by rule: see judgedFinding
      const found = (it: Item) => judgedFinding(analysed(it).findings, it.finding);
      const problems: string[] = [];
      const moved: string[] = [];
      let shown = 0;
      let right = 0;
      for (const it of items) {
        if (it.excluded) {
          // it must really lie in boilerplate of that reason now
          const inside = analysed(it).article.boilerplate.some((b) => b.reason === it.excluded && b.start <= it.finding.start && it.finding.start < b.end);
          if (!inside)
            problems.push(`#${it.n} marked excluded as ${it.excluded} but not in such boilerplate: ${JSON.stringify(it.finding.text)} (${it.article})`);
          continue;
        }
        const f = found(it);
        if (f && f.kind !== 'unsourced' && f.rule !== it.finding.rule) moved.push(`#${it.n} ${it.finding.rule} → ${f.rule}`);
        const verdict = currentVerdict(it, f);
        // shown by default: at or above the views' default threshold for the kind
        const isShown = f !== undefined && f.confidence >= (DEFAULT_MIN_CONFIDENCE_BY_KIND[f.kind] ?? DEFAULT_MIN_CONFIDENCE);
        if (verdict === 'right' && !f && !it.lost)
          problems.push(`#${it.n} judged right but no longer found: ${JSON.stringify(it.finding.text)} (${it.article})`);
        if (verdict !== 'right' && !it.open && isShown)
          problems.push(`#${it.n} judged ${verdict} but shown again: ${JSON.stringify(it.finding.text)} (${it.article})`);
        // an open mark names a known error that is still shown: once the finding is gone or hidden, the mark is stale
        if (verdict !== 'right' && it.open && !isShown)
          problems.push(`#${it.n} marked open but no longer shown (remove the mark): ${JSON.stringify(it.finding.text)} (${it.article})`);
        if (isShown) {
          shown++;
          if (verdict === 'right') right++;
        }
      }
      const [lo, hi] = wilson(right, shown);
      console.log(
        `audit ${file}: precision of shown ${sheet.kind} findings ${(right / shown).toFixed(3)} (${right}/${shown}), 95% Wilson [${lo.toFixed(3)}, ${hi.toFixed(3)}]; open errors ${items.filter((i) => i.open).length}${moved.length ? `; found under another rule: ${moved.join(', ')}` : ''}`,
      );
      expect(problems).toEqual([]);
    });
  }
});

describe('judgedFinding', () => {
  // the first judged item of attribution-bundled-seed1.yml, on the bundled corpus
  const { findings } = auditFindings(resolve(REPO, 'corpus/lavrov-african-tour.md'), lex);
  const judged: JudgedFinding = {
    kind: 'attribution',
    start: 235,
    end: 324,
    rule: 'lexicon:reporting-verbs/announce',
    source: 'Sergei Lavrov',
    cue: 'announced',
    content: 'an increase in the number of military instructors in Burkina Faso',
  };

  it('finds the judged finding by article, kind and span whatever its rule is now', () => {
    expect(judgedFinding(findings, judged)?.text).toBe('Sergei Lavrov announced an increase in the number of military instructors in Burkina Faso');
    // an entry split or renamed: the finding now comes from another rule, and is still the judged one
    const renamed = findings.map((f) => (f.rule === judged.rule ? { ...f, rule: 'lexicon:reporting-verbs/announce-2' } : f));
    expect(judgedFinding(renamed, judged)?.rule).toBe('lexicon:reporting-verbs/announce-2');
  });

  it('does not take another span, kind or attribution parts for the judged finding', () => {
    expect(judgedFinding(findings, { ...judged, end: 323 })).toBeUndefined();
    expect(judgedFinding(findings, { ...judged, kind: 'loaded' })).toBeUndefined();
    expect(judgedFinding(findings, { ...judged, source: 'Lavrov' })).toBeUndefined();
    expect(judgedFinding(findings, { ...judged, content: null })).toBeUndefined();
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
