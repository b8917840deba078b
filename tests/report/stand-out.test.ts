import { describe, expect, it } from 'vitest';
import type { Finding, Report, ReportArticle } from '../../src/core/types.js';
import { buildView } from '../../src/report/view-model.js';

/** An article of `n` sentences "Sentence k says WORD here." with the given words loaded. */
function build(loadedA: string[], loadedB: string[], n = 20): Report {
  const art = (id: string, words: string[]): { a: ReportArticle; f: Finding[] } => {
    let text = '';
    const spans: ReportArticle['sentenceSpans'] = [];
    const findings: Finding[] = [];
    for (let k = 0; k < n; k++) {
      const w = words[k] ?? 'plain';
      const start = text.length;
      const sentence = `Sentence ${k} says ${w} here.`;
      if (words[k]) {
        const at = start + sentence.indexOf(w);
        findings.push({
          id: `${id}f${k}`,
          article: id,
          kind: 'loaded',
          start: at,
          end: at + w.length,
          text: w,
          category: 'emotive',
          lexicon: 'emotive',
          entry: w,
          weight: 1,
          rule: `lexicon:emotive/${w}`,
          explanation: 'x',
          confidence: 0.9,
          calibration: 'loaded',
        });
      }
      text += `${sentence} `;
      spans.push({ start, end: start + sentence.length, heading: false, paragraph: 0 });
    }
    const a = {
      id,
      path: `${id}.txt`,
      format: 'txt',
      text,
      label: id === 'a1' ? 'Alpha' : 'Beta',
      title: null,
      outlet: null,
      author: null,
      date: null,
      url: null,
      body: [{ start: 0, end: text.length }],
      boilerplate: [],
      tokens: n * 6,
      sentences: n,
      words: n * 5,
      sentenceSpans: spans,
      notices: [],
    } as ReportArticle;
    return { a, f: findings };
  };
  const x = art('a1', loadedA);
  const y = art('a2', loadedB);
  return {
    schema: 'parallax/report@1',
    tool: { name: 'parallax', version: '0.0.0' },
    lexicons: [],
    articles: [x.a, y.a],
    events: [],
    findings: [...x.f, ...y.f],
    scores: {},
    actors: [],
    omissions: {},
    calibration: {},
    minConfidence: 0.5,
  };
}

describe('What stands out', () => {
  it('names an outlet only when its loaded-term rate holds under resampling and rests on distinct expressions, with its evidence', () => {
    const words = ['slammed', 'brutal', 'regime', 'chaos', 'reckless', 'disastrous', 'slammed', 'brutal', 'regime', 'chaos', 'reckless', 'disastrous'];
    const view = buildView(build(words, []));
    expect(view.standOut[0]).toBe(
      'Alpha has the most loaded terms: 120 per 1,000 words (next: 0), a difference that holds when its sentences are resampled; e.g. “slammed” (a1f0), “brutal” (a1f1), “regime” (a1f2), “chaos” (a1f3), ….',
    );
  });

  it('says the outlets do not differ clearly when one stock phrase repeated makes the difference', () => {
    const view = buildView(build(Array(12).fill('slammed'), []));
    expect(view.standOut[0]).toMatch(/^The outlets do not differ clearly in loaded terms \(Alpha 120, Beta 0 per 1,000 words\)/);
  });

  it('says the outlets do not differ clearly when a few sentences make the difference', () => {
    const view = buildView(build(['slammed', 'brutal', 'regime'], ['chaos', 'reckless']));
    expect(view.standOut[0]).toMatch(/^The outlets do not differ clearly in loaded terms \(Alpha 30, Beta 20 per 1,000 words\)/);
  });
});
