/**
 * Views quote what a reader sees: an HTML article's span texts keep the raw source slice in the
 * JSON (the contract), but the markdown/HTML reports, event labels and the terminal model show
 * them with inline tags removed, character references decoded and whitespace collapsed — and
 * still escaped for their destination afterwards.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayText, forDisplay } from '../../src/core/display-text.js';
import type { Report } from '../../src/core/types.js';
import { buildExercise } from '../../src/ui/exercise/model.js';
import { sentenceSegments } from '../../src/ui/exercise/screen.js';
import { buildModel, highlight } from '../../src/ui/model.js';
import { DATASETS, HAS_DATASETS, REPO, runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-display-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `analyze` on one file; returns its JSON report, markdown and HTML report. */
function analyze(path: string, name: string): { report: Report; md: string; html: string } {
  const out = (ext: string) => join(dir, `${name}.${ext}`);
  const r = runCli(['analyze', path, '--json', out('json'), '--md', out('md'), '--html', out('html'), '--min-confidence', '0']);
  expect(r.status, r.stderr).toBe(0);
  return { report: JSON.parse(readFileSync(out('json'), 'utf8')) as Report, md: readFileSync(out('md'), 'utf8'), html: readFileSync(out('html'), 'utf8') };
}

describe('displayText', () => {
  it('removes inline tags, breaks at block tags, decodes references, collapses whitespace (HTML only)', () => {
    expect(displayText('CAIRO —</span> Gunmen <a href="x">opened&nbsp;fire</a>,\n  Tunisia&rsquo;s', 'html')).toBe('CAIRO — Gunmen opened fire, Tunisia’s');
    expect(displayText('one</p>\n<p>two<br>three<!-- c --><script>x()</script>four', 'html')).toBe('one two three four');
    expect(displayText('a &lt;b&gt; tag &amp; a < b', 'html')).toBe('a <b> tag & a < b');
    expect(displayText('CAIRO —</span> &amp;  x', 'txt')).toBe('CAIRO —</span> &amp;  x');
  });

  it('leaves a report without HTML articles as it is', () => {
    const report = { articles: [{ id: 'a1', format: 'md' }], findings: [], events: [] } as unknown as Report;
    expect(forDisplay(report)).toBe(report);
  });
});

describe('made-up HTML article with inline markup (tests/fixtures/ingest/inline-markup.html)', () => {
  const { report, md, html } = analyze(resolve(REPO, 'tests/fixtures/ingest/inline-markup.html'), 'inline');
  const f1 = report.findings.find((f) => f.id === 'f1')!;

  it('keeps the raw source slice in the JSON', () => {
    expect(f1.text).toBe(
      'PORTVILLE —</strong> The harbour bridge was closed on Tuesday after a storm damaged its <a href="https://example.org/cables">main&nbsp;cables</a>, cutting the town&rsquo;s only road link to the mainland.',
    );
  });

  it('gives event labels as readable text', () => {
    expect(report.events.map((e) => e.label).slice(1, 2)).toEqual(['PORTVILLE — The harbour bridge was closed on Tuesday after a…']);
    expect(report.events.find((e) => e.id === 'e6')!.label).toBe('A sign at the entrance read <script>alert(1)</script> in…');
  });

  it('shows readable text in the markdown report, still escaped', () => {
    expect(md).toContain(
      '- `f1` no-attribution: “PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the town’s only road link to the mainland.”',
    );
    expect(md).toContain('e6 A sign at the entrance read &lt;script&gt;alert(1)&lt;/script&gt; in…');
    expect(md).not.toContain('</strong>');
    expect(md).not.toContain('&rsquo;');
  });

  it('shows readable text in the HTML report, still escaped', () => {
    expect(html).toContain(
      'PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the town’s only road link to the mainland.',
    );
    expect(html).toContain('read &#60;script&#62;alert(1)&#60;/script&#62; in protest');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('&#60;/strong&#62;');
  });

  it('gives the terminal views readable finding text', () => {
    expect(buildModel(report).report.findings.find((f) => f.id === 'f1')!.text).toBe(
      'PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the town’s only road link to the mainland.',
    );
  });

  it('shows the whole-article reader without markup, marks still on the raw offsets', () => {
    const a = report.articles[0]!;
    const first = a.sentenceSpans!.find((s) => s.start <= f1.start && f1.start < s.end)!;
    const segs = highlight(a, first, { findings: [f1] });
    expect(segs.map((s) => s.text).join('')).toBe(
      '⚑ PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the town’s only road link to the mainland.',
    );
  });

  it('gives the exercise the words a reader sees (no href, strong or rsquo), on raw offsets', () => {
    const ex = buildExercise(report);
    const a = ex.articles[0]!;
    const s = a.sentences.find((x) => x.start <= f1.start && f1.start < x.end)!;
    const raw = s.words.map((w) => a.text.slice(w.start, w.end));
    expect(raw).toEqual([
      'PORTVILLE',
      'The',
      'harbour',
      'bridge',
      'was',
      'closed',
      'on',
      'Tuesday',
      'after',
      'a',
      'storm',
      'damaged',
      'its',
      'main',
      'cables',
      'cutting',
      'the',
      'town&rsquo;s',
      'only',
      'road',
      'link',
      'to',
      'the',
      'mainland',
    ]);
    expect(
      sentenceSegments(a, s, [{ article: a.id, start: s.words[17]!.start, end: s.words[17]!.end, kind: 'loaded' }], null, null)
        .map((x) => x.text)
        .join(''),
    ).toBe('PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the [town’s] only road link to the mainland.');
  });
});

describe.skipIf(!HAS_DATASETS)('web-pages/wapo-1 (dateline in a <span>, links inside sentences)', () => {
  const { report, md } = HAS_DATASETS ? analyze(join(DATASETS, 'web-pages/wapo-1/source.html'), 'wapo') : ({} as ReturnType<typeof analyze>);

  it('labels and quotes the first paragraph without its markup; the JSON keeps it', () => {
    const e2 = report.events.find((e) => e.id === 'e2')!;
    expect(e2.label).toBe('CAIRO — Gunmen opened fire on visitors at Tunisia’s most…');
    expect(e2.mentions[0]!.text.startsWith('CAIRO —</span> Gunmen')).toBe(true);
    expect(md).toContain(
      '- **e2** ⚑ CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing at least 19 people, including 17 foreigners, in an assault that **threatened** to upset the fragile stability of a country seen as the lone success of the Arab Spring.',
    );
    expect(md).toContain(
      '- **e23** ⚑ In Washington, White House press secretary Josh Earnest *condemned* the attack and *said* the U.S. government was willing to assist Tunisian authorities in the investigation.',
    );
    expect(md).not.toMatch(/&lt;\/?(?:span|a)\b/);
  });
});
describe('rates per 1,000 words count the words a reader sees', () => {
  it('the same article as HTML (tags, links, references) and as plain text gets the same unsourced rate', () => {
    const page = readFileSync(resolve(REPO, 'tests/fixtures/ingest/inline-markup.html'), 'utf8');
    const html = join(dir, 'rates', 'gazette.html');
    const txt = join(dir, 'rates', 'gazette.txt');
    mkdirSync(join(dir, 'rates'), { recursive: true });
    writeFileSync(html, page);
    const body = [
      'Harbour bridge closes after storm',
      'PORTVILLE — The harbour bridge was closed on Tuesday after a storm damaged its main cables, cutting the town’s only road link to the mainland.',
      'Engineers inspected the structure overnight and found cracks in two of the four towers, the transport office said in a statement on its website.',
      'Residents called the closure a “disaster” for local shops, and the ferry company added extra sailings for the week while repairs are planned.',
      'A sign at the entrance read <script>alert(1)</script> in protest, and the council removed it within the hour on Wednesday morning.',
    ];
    writeFileSync(txt, `${body.join('\n\n')}\n`);
    const md = join(dir, 'rates', 'r.md');
    const r = runCli(['analyze', html, txt, '--md', md, '--min-confidence', '0']);
    expect(r.status, r.stderr).toBe(0);
    // counted on the raw slices, the HTML article had more words (href, https, strong, rsquo …) and a lower rate;
    // 2 claims in 95 words each: the bridge sentence, and the council's removal beside what the sign read
    expect(readFileSync(md, 'utf8')).toContain('unsourced assertions (Made-up Gazette 21.1, gazette 21.1 per 1,000 words)');
  });
});
if (!HAS_DATASETS) console.log(`tests/report/display-text: web-pages/wapo-1 check skipped — no datasets at ${DATASETS} (set PARALLAX_DATASETS)`);
