/**
 * Offsets of tokens and sentences: every span slices back to its text, lies inside the body,
 * and sentence splitting respects title/byline lines, hard-wrapped text and HTML blocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, segment } from '../../src/ingest/index.js';
import { analyseText } from '../../src/nlp/index.js';
import { buildView } from '../../src/nlp/view.js';
import type { Span } from '../../src/core/types.js';
import { REPO } from '../helpers.js';

const FIXTURES = resolve(REPO, 'tests/fixtures/ingest');

function analyse(path: string) {
  const doc = readSource(path);
  const seg = segment(doc);
  return { doc, seg, nlp: analyseText(doc.text, seg.body, doc.layout) };
}

const inside = (body: readonly Span[], s: Span) => body.some((b) => b.start <= s.start && s.end <= b.end);

/** The invariants every analysed file must keep. */
function checkOffsets(path: string) {
  const { doc, seg, nlp } = analyse(path);
  const fileText = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  expect(doc.text).toBe(fileText);
  expect(nlp.tokens.length).toBeGreaterThan(0);
  for (const t of nlp.tokens) {
    expect(fileText.slice(t.start, t.end)).toBe(t.text);
    expect(t.text.trim()).toBe(t.text);
    expect(inside(seg.body, t), `token ${JSON.stringify(t.text)} at ${t.start} outside the body`).toBe(true);
  }
  nlp.tokens.forEach((t, i) => {
    expect(t.index).toBe(i);
    if (i > 0) expect(t.start).toBeGreaterThanOrEqual(nlp.tokens[i - 1]!.end);
  });
  for (const s of nlp.sentences) {
    expect(fileText.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBe(nlp.tokens[s.tokenStart]!.start);
    expect(s.end).toBe(nlp.tokens[s.tokenEnd - 1]!.end);
    for (let k = s.tokenStart; k < s.tokenEnd; k++) expect(nlp.tokens[k]!.sentence).toBe(s.index);
  }
  for (const e of nlp.entities) expect(fileText.slice(e.start, e.end)).toBe(e.text);
  return { doc, seg, nlp, fileText };
}

describe('token and sentence offsets', () => {
  const corpus = readdirSync(resolve(REPO, 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  it.each(corpus)('corpus/%s: every span slices back and lies in the body', (name) => {
    const { nlp } = checkOffsets(resolve(REPO, 'corpus', name));
    expect(nlp.sentences.length).toBeGreaterThan(10);
  });

  it('torture fixture: BOM, CRLF, curly quotes, ”…” pairs, dashes, NBSP, emoji, combining marks', () => {
    const path = resolve(FIXTURES, 'torture.txt');
    expect(readFileSync(path)[0]).toBe(0xef); // the BOM is in the file...
    const { nlp, fileText, seg } = checkOffsets(path);
    expect(fileText.startsWith('Torture Test')).toBe(true); // ...and not in the text
    expect(fileText).toContain('\r\n');
    const texts = nlp.tokens.map((t) => t.text);
    expect(texts).toContain('Traore\u0301'); // e + U+0301 (combining acute) stays one token
    expect(texts).toContain('\u201D'); // the ”…” pair's opening mark
    expect(texts).toContain('—');
    expect(texts).toContain('🤝');
    expect(texts.some((t) => t.includes('\uD83D\uDC69'))).toBe(true); // family emoji (ZWJ sequence) kept whole or in parts, never split mid-surrogate
    for (const t of nlp.tokens) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(t.text)).toBe(false);
    // The copyright line is boilerplate; the byline too.
    expect(seg.boilerplate.map((b) => [b.reason, b.text])).toEqual([
      ['byline', 'By Jane Q. Doe'],
      ['copyright', 'Copyright © 2024 Torture Times. All rights reserved.'],
    ]);
    // Sentences: the title alone, the ”…” quote sentence, and two sentences on the prices line.
    const sentences = nlp.sentences.map((s) => s.text);
    expect(sentences[0]).toBe('Torture Test: Quotes, Dashes and Emoji in One Article');
    expect(nlp.sentences[0]!.heading).toBe(true);
    expect(sentences[1]).toBe('\u201DThe country\u2019s spiralling security situation justifies the interim government,\u201D the minister said \u2014 twice.');
    expect(sentences).toContain('Prices rose 4\u00a0percent in 2023\u20132024, officials said; \u201Cnobody expected it\u201D, one trader added.');
    expect(sentences.every((s) => !s.includes('\r') && !s.includes('\n'))).toBe(true);
  });

  it('hard-wrapped text: line breaks inside a paragraph do not end sentences', () => {
    const { nlp } = checkOffsets(resolve(FIXTURES, 'wrapped.txt'));
    const sentences = nlp.sentences.map((s) => s.text.replace(/\s+/g, ' '));
    expect(sentences).toHaveLength(4);
    expect(sentences[0]).toBe('Wrapped Lines Survive Sentence Splitting');
    expect(sentences[1]).toMatch(/^The committee met on Tuesday .* who had expected cuts\.$/);
    expect(sentences[2]).toMatch(/^The chair of the committee .* autumn session\.$/);
    expect(sentences[3]).toMatch(/^Deputies from .* independent audit\.$/);
    expect(nlp.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('title and byline lines are sentences of their own (no final punctuation needed)', () => {
    const text = 'Russia Sends Instructors\nMore troops arrive in the Sahel\n\nThe first group landed on Monday. More will follow.\n';
    const nlp = analyseText(text, [{ start: 0, end: text.length }]);
    expect(nlp.sentences.map((s) => [s.text, s.heading, s.paragraph])).toEqual([
      ['Russia Sends Instructors', true, 0],
      ['More troops arrive in the Sahel', true, 0],
      ['The first group landed on Monday.', false, 1],
      ['More will follow.', false, 1],
    ]);
  });

  it('HTML: offsets index the raw page, references stay raw, blocks end sentences', () => {
    const path = resolve(FIXTURES, 'hostile-page.html');
    const { nlp, fileText } = checkOffsets(path);
    const sentences = nlp.sentences.map((s) => s.text);
    expect(sentences[0]).toBe('Port strike ends after nine days');
    // a paragraph with character references: the token text is raw, the normal form decoded
    const quote = nlp.tokens.find((t) => t.text === '&ldquo;')!;
    expect(quote.normal).toBe('\u201C');
    expect(fileText.slice(quote.start, quote.end)).toBe('&ldquo;');
    expect(nlp.tokens.find((t) => t.text === '&amp;')?.normal).toBe('&');
    expect(nlp.tokens.some((t) => t.text === 'n&rsquo;t')).toBe(true); // didn’t → did + n’t, not "rsquo"
    expect(nlp.tokens.some((t) => /rsquo|ldquo|nbsp|mdash/.test(t.normal))).toBe(false);
    // inline markup inside a paragraph does not split its sentence; the </p> does
    expect(sentences).toContain(
      'Talks had broken down twice, most recently on <a href="/news/talks">Thursday</a>, when the\n        mediator left without a date for new meetings.',
    );
    expect(sentences).toContain('Emoji reactions 🚢 flooded the union&#39;s page.');
    // nothing from the head, scripts, styles, nav or footer
    for (const bad of ['Injected', 'Not article text', 'Sport', 'Privacy', 'Ferry', 'dataLayer']) {
      expect(nlp.tokens.some((t) => t.text.includes(bad))).toBe(false);
    }
    // paragraphs follow the <p> elements
    expect(new Set(nlp.sentences.map((s) => s.paragraph)).size).toBe(5);
  });
});

describe('sentence ends after abbreviations of dates and times', () => {
  const split = (text: string) => analyseText(text, [{ start: 0, end: text.length }]).sentences.map((s) => s.text);

  it('a day after a month abbreviation goes on, also at the end of a hyphenated word', () => {
    expect(split('The post-Sept. 11 security rules were tightened. Officials agreed.')).toEqual([
      'The post-Sept. 11 security rules were tightened.',
      'Officials agreed.',
    ]);
  });

  it('a.m./p.m. ends a sentence before a capitalised word, not before a day, month or time zone', () => {
    expect(
      split(
        'The hearing starts at 2 p.m. Jackson will testify first. The vote is at 5 p.m. Tuesday, aides said. Polls close at 7 p.m. EST and results follow.',
      ),
    ).toEqual([
      'The hearing starts at 2 p.m.',
      'Jackson will testify first.',
      'The vote is at 5 p.m. Tuesday, aides said.',
      'Polls close at 7 p.m. EST and results follow.',
    ]);
  });
});

describe('buildView', () => {
  it('plain text: same length, blanks outside the spans, keeps line breaks', () => {
    const view = buildView('ab\r\ncd\nef', [{ start: 4, end: 6 }]);
    expect(view).toEqual({ text: '  \r\ncd\n  ', origin: null });
  });

  it('HTML layout: collapses markup, decodes references and maps back', () => {
    const html = '<p>A&amp;B</p><p>C\nD</p>';
    const view = buildView(
      html,
      [
        { start: 3, end: 10 },
        { start: 17, end: 20 },
      ],
      {
        breaks: [10],
        references: [{ start: 4, end: 9, value: '&' }],
      },
    );
    expect(view.text).toBe('A&B\n\nC D');
    expect(Array.from(view.origin!)).toEqual([3, 4, 9, 10, 10, 17, 18, 19, 20]);
  });
});

describe('titles of address before a name', () => {
  const sentencesOf = (text: string) => analyseText(text, [{ start: 0, end: text.length }]).sentences.map((s) => s.text);

  it('do not end a sentence (Cong., Amb., Brig. Gen., Det. as Sen. and Rev.)', () => {
    expect(sentencesOf('The seat went to either former Cong. Rob Simmons or a newcomer. Both declined to comment.')).toEqual([
      'The seat went to either former Cong. Rob Simmons or a newcomer.',
      'Both declined to comment.',
    ]);
    expect(sentencesOf('The letter was signed by Amb. Jane Roe and Brig. Gen. John Doe. Det. Mary Poe led the inquiry.')).toEqual([
      'The letter was signed by Amb. Jane Roe and Brig. Gen. John Doe.',
      'Det. Mary Poe led the inquiry.',
    ]);
  });
});
