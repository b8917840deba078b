/**
 * Simple front matter is read without the `yaml` library (src/ingest/front-matter.ts,
 * `simpleMapping`): wherever that reader gives data, it is the data `yaml` gives (generated text
 * from tricky keys and values: numbers, dates, keywords, quotes, comments, colons, Unicode), and
 * it gives data for the front matter of the bundled articles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, simpleMapping } from '../../src/ingest/front-matter.js';
import { REPO } from '../helpers.js';

/** What the `yaml` library reads, with the options parseFrontMatter gives it; undefined when it reports an error. */
function byYaml(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) return undefined;
  return doc.toJS() ?? {};
}

const TRICKY_VALUES = [
  '',
  'null',
  'Null',
  'NULL',
  '~',
  'true',
  'False',
  'yes',
  'no',
  'on',
  'y',
  '2024-06-21',
  '2024-6-21',
  '2024-06-21T10:00:00Z',
  '2024',
  '0x1F',
  '0o17',
  '1e3',
  '1_000',
  '.5',
  '.inf',
  '-.inf',
  '.nan',
  '+12',
  '-3',
  '12:30',
  '1:30:00',
  '003_94b9bdeaa5e2c763.txt',
  'Osborn Baya',
  'Newsvoice',
  'https://example.com/a?b=c#d',
  'a: b',
  'a #comment',
  'C# and F#',
  'ends with colon:',
  '"quoted"',
  '"with \\"escapes\\" and \\n \\t \\/ \\\\"',
  '"unicode \\u00e9"',
  '"bad \\x41"',
  '"unterminated',
  '"two" "strings"',
  "'single'",
  "'it''s'",
  "'unterminated",
  "O'Brien",
  'He said "no"',
  '“Curly” quotes — and dashes',
  'Émile Zola',
  '東京',
  '[list]',
  'a [b] {c}',
  '{map: 1}',
  '- item',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  '@at',
  '`tick`',
  '%percent',
  '? q',
  'trailing ',
  ' leading',
  'tab\there',
  'x\u2028y',
  'x\u0085y',
  '\ufeffbom',
  '=',
  '<<',
  'a,b',
  'value # comment',
];
const KEYS = [
  'title',
  'outlet',
  'author',
  'date',
  'url',
  'seed',
  'tags',
  'true',
  'null',
  'Yes',
  'n',
  '2024',
  'a-b',
  'a_b',
  'x y',
  '"q"',
  'k:',
  '<<',
  '__proto__',
  'Title',
];

const value = fc.oneof(fc.constantFrom(...TRICKY_VALUES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  indented: x', 'key:value', 'key:', 'list:', '- a', '---', '...') },
);
const text = fc.array(line, { maxLength: 7 }).map((lines) => lines.join('\n'));

describe('simple front matter without the yaml library', () => {
  it('gives the data yaml gives, wherever it gives data (generated text)', () => {
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        const fast = simpleMapping(t);
        if (fast === null) return;
        read++;
        expect(byYaml(t)).toEqual(fast);
      }),
      { numRuns: 4000, seed: 20261207 },
    );
    expect(read).toBeGreaterThan(500); // the simple reader is used, not always left to yaml
  });

  it('agrees with yaml on each tricky value alone', () => {
    for (const v of TRICKY_VALUES) {
      const t = `title: ${v}`;
      const fast = simpleMapping(t);
      if (fast !== null) expect(byYaml(t), JSON.stringify(t)).toEqual(fast);
    }
    // Exact outcomes: the forms front matter is usually written in are read; the rest are left to yaml.
    expect(simpleMapping('title: "A \\"B\\""\noutlet: null\nauthor: Osborn Baya\ndate: 2024-06-21\nurl: https://x.org/a#b\nseed: 003_9.txt\n')).toEqual({
      title: 'A "B"',
      outlet: null,
      author: 'Osborn Baya',
      date: '2024-06-21',
      url: 'https://x.org/a#b',
      seed: '003_9.txt',
    });
    expect(simpleMapping("title: 'it''s'\nauthor:")).toEqual({ title: "it's", author: null });
    for (const t of ['date: 2024', 'title: true', 'title: a # c', 'title: [a]', 'tags:\n  - a', 'title: x\ntitle: y', '# c\ntitle: x', 'title: "\\u00e9"'])
      expect(simpleMapping(t), t).toBeNull();
  });

  it('reads the bundled articles’ front matter (same result as through yaml)', () => {
    const files = readdirSync(join(REPO, 'corpus')).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const raw = readFileSync(join(REPO, 'corpus', f), 'utf8');
      const yamlText = raw.slice(4, raw.indexOf('\n---', 3) + 1);
      const fast = simpleMapping(yamlText);
      expect(fast, f).not.toBeNull();
      expect(byYaml(yamlText)).toEqual(fast);
      expect(parseFrontMatter(raw, f)!.meta.title).toBe(fast!['title']);
    }
  });
});
