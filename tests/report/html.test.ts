import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { formatHtml } from '../../src/report/html.js';
import { GENERATOR_MARK } from '../../src/report/write.js';
import { fixtureReport } from './fixture.js';

describe('formatHtml on the fixture report', () => {
  const out = formatHtml(fixtureReport(), { command: 'parallax analyze cases' });
  const { document } = parseHTML(out);

  it('matches the expected report', async () => {
    await expect(out).toMatchFileSnapshot('./expected/fixture.html');
  });

  it('is self-contained: no script, no external resource, the generator mark', () => {
    expect(out).toContain(GENERATOR_MARK);
    expect(document.querySelectorAll('script, link, img, iframe, object, embed').length).toBe(0);
    expect(out).not.toMatch(/(src|href)="(?!#)/);
  });

  it('has the rules that keep tables inside their cards, stacks outlet cards on narrow screens, and a print style sheet', () => {
    const css = document.querySelector('style')!.textContent!;
    expect(css).toContain('.col table{width:100%;font-size:.85rem}.col th,.col td{padding:.2rem .3rem;overflow-wrap:break-word}');
    expect(css).toMatch(/th,td\{[^}]*overflow-wrap:anywhere\}/);
    expect(css).toContain('@media (max-width:1000px){.stack-narrow{grid-template-columns:minmax(0,1fr)!important}}');
    expect(css).toMatch(/@media print\{\n[^]*nav\{display:none\}[^]*\.col,\.single,tr,\.standout,\.diff\{break-inside:avoid\}[^]*\n\}/);
    expect(document.querySelectorAll('.columns.stack-narrow > .col').length).toBe(2);
  });

  it('puts each shared event in one grid column per outlet', () => {
    const events = [...document.querySelectorAll('article.event')];
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2']);
    for (const e of events) {
      const cols = [...e.querySelectorAll('.columns > .col')];
      expect(cols.map((c) => c.getAttribute('data-article'))).toEqual(['a1', 'a2']);
    }
    // Events only one outlet reports sit in that outlet's column.
    const single = [...document.querySelectorAll('#single .columns > .col')];
    expect(single.map((c) => [c.getAttribute('data-article'), [...c.querySelectorAll('.single')].map((e) => e.id)])).toEqual([
      ['a1', ['e3']],
      ['a2', ['e4']],
    ]);
  });

  it('highlights markers with their explanation on hover', () => {
    const marks = [...document.querySelectorAll('.version mark.loaded')].map((m) => [m.textContent, m.getAttribute('title')]);
    expect(marks).toEqual([
      ['slammed', 'f1 emotive: a violent verb for criticism (neutral: criticised) [lexicon:emotive/slam]'],
      ['so-called "plan"', 'f2 scare-quotes: distances the writer from the word [rule:scare-quotes]'],
      ['disaster', 'f3 evaluative: a judgement, not a fact [lexicon:evaluative/disaster]'],
    ]);
    expect([...document.querySelectorAll('.version .cue')].map((m) => m.textContent)).toEqual(['admitted', 'said']);
    expect([...document.querySelectorAll('.version .unsourced')].map((m) => m.textContent)).toEqual([
      'The bridge will cost 12 million euros.',
      'The project costs 15 million euros.',
    ]);
  });
});
