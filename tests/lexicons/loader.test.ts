import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { findExampleFailures, loadLexicons } from '../../src/lexicons/index.js';
import { analyseText } from '../../src/nlp/index.js';

const HEAD = `id: test-lex
version: 1.0.0
license: CC-BY-4.0
description: Test lexicon.
kind: markers
sources:
  - title: Test
entries:
`;

/** Writes `files` into a fresh directory and returns it. */
function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'parallax-lex-'));
  mkdirSync(d, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

function loadError(files: Record<string, string>): InputError {
  try {
    loadLexicons({ bundled: false, dirs: [dir(files)] });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected loadLexicons to throw');
}

describe('lexicon loading errors name file, line and column', () => {
  it('bad YAML', () => {
    const e = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [a, b\n    category: label\n` });
    expect(e.details.file).toMatch(/x\.yml$/);
    expect(e.details.line).toBe(11);
    expect(e.format()).toMatch(/x\.yml:11:\d+: invalid YAML/);
  });

  it('unknown category', () => {
    const e = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [brutal]\n    category: nasty\n    weight: 1\n    note: n\n` });
    expect(e.format()).toMatch(/x\.yml:11:15: unknown category "nasty" — fix: use one of label, euphemism/);
  });

  it('missing field and unknown field point at the entry / the key', () => {
    const missing = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [brutal]\n    category: label\n    weight: 1\n` });
    expect(missing.format()).toMatch(/x\.yml:9:5: missing field "note"/);
    const unknown = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [brutal]\n    category: label\n    weight: 1\n    note: n\n    wieght: 2\n` });
    expect(unknown.format()).toMatch(/x\.yml:14:5: unknown field "wieght"/);
  });

  it('weight out of range', () => {
    const e = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [brutal]\n    category: label\n    weight: 7\n    note: n\n` });
    expect(e.format()).toMatch(/x\.yml:12:13: "weight" is out of range: 7/);
  });

  it('duplicate phrase (same words, other case) is an error with both entries', () => {
    const e = loadError({
      'x.yml': `${HEAD}  - {id: first, phrases: [hired gun], category: label, weight: 2, note: n}\n  - {id: second, phrases: [thug, Hired  Gun], category: label, weight: 2, note: n}\n`,
    });
    expect(e.format()).toMatch(/x\.yml:10:34: duplicate phrase "Hired  Gun" in entry "second" \(also in entry "first" at .*x\.yml:9\)/);
  });

  it('duplicate phrase across files of the same kind', () => {
    const e = loadError({
      'a.yml': `${HEAD}  - {id: first, phrases: [thug], category: label, weight: 2, note: n}\n`,
      'b.yml': `${HEAD.replace('test-lex', 'other-lex')}  - {id: second, phrases: [thug], category: label, weight: 2, note: n}\n`,
    });
    expect(e.format()).toMatch(/b\.yml:9:28: duplicate phrase "thug" in entry "second" \(also in entry "first" at .*a\.yml:9\)/);
  });

  it('an example that fails is an error naming the entry and the example', () => {
    const e = loadError({
      'x.yml': `${HEAD}  - id: regime\n    phrases: [regime]\n    category: label\n    weight: 2\n    note: n\n    examples:\n      match: ["The government fell."]\n`,
    });
    expect(e.format()).toMatch(/x\.yml:9: example "The government fell\." of entry "regime" does not match it/);
    const n = loadError({
      'x.yml': `${HEAD}  - id: regime\n    phrases: [regime]\n    category: label\n    weight: 2\n    note: n\n    examples:\n      nomatch: ["The regimes fell."]\n`,
    });
    expect(n.format()).toMatch(/x\.yml:9: example "The regimes fell\." of entry "regime" matches it but is listed under nomatch/);
  });

  it('unknown --disable category and missing directory', () => {
    expect(() => loadLexicons({ disable: ['nope'] })).toThrow(/unknown category to disable: "nope"/);
    expect(() => loadLexicons({ bundled: false, dirs: ['/nonexistent/lexicons'] })).toThrow(/lexicon directory not found/);
  });
});

describe('bundled lexicons', () => {
  const lex = loadLexicons();

  // The reporting-verbs and sources lexicons belong to the attribution stage and are checked by its tests.
  it('every example of every bundled marker and actor entry behaves as promised', () => {
    const mine = lex.entries().filter((e) => e.kind === 'markers' || e.kind === 'actors');
    const failures = findExampleFailures(lex, mine).map((f) => `${f.entry.file}:${f.entry.line} ${f.entry.id}: ${f.expected} ${f.example}`);
    expect(failures).toEqual([]);
  });

  it('has hundreds of marker phrases with notes, and hedge entries built from the hedges package', () => {
    const markers = lex.entries('markers');
    expect(markers.reduce((n, e) => n + e.phrases.length, 0)).toBeGreaterThan(600);
    expect(markers.every((e) => e.note.length > 10)).toBe(true);
    const fromPackage = markers.filter((e) => e.wordlist === 'hedges').map((e) => e.phrases[0]);
    expect(fromPackage).toContain('presumably');
    expect(fromPackage).not.toContain('will'); // excluded: too general
  });

  it('is cached per process for the same files and options', () => {
    expect(loadLexicons()).toBe(lex);
    expect(loadLexicons({ disable: ['hedge'] })).not.toBe(lex);
    expect(loadLexicons({ disable: ['hedge'] }).disabled.has('hedge')).toBe(true);
  });

  it('matches lemmas, multiword phrases and folds typographic apostrophes', () => {
    const text = 'Wagner mercenaries met the President of Burkina Faso’s transition during a special military operation.';
    const nlp = analyseText(text, [{ start: 0, end: text.length }]);
    const got = lex.match(nlp, 'markers').map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(got).toEqual([
      ['mercenary', 'mercenaries'],
      ['military-transition', '’s transition'],
      ['special-operation', 'special military operation'],
    ]);
  });
});

describe('the literal field', () => {
  it('drops a match with a literal collocate within 8 words, keeps it otherwise', () => {
    const d = dir({
      'x.yml': `${HEAD}  - id: flood\n    phrases: [flooded]\n    category: metaphor\n    weight: 1\n    note: Water metaphor.\n    literal: [river, rain]\n    examples:\n      match: ["Calls flooded the switchboard."]\n      nomatch: ["The river flooded the town.", "Heavy rain flooded the town."]\n`,
    });
    const lex = loadLexicons({ bundled: false, dirs: [d] });
    expect(findExampleFailures(lex)).toEqual([]);
    const text = 'Calls flooded the office. The river flooded the town.';
    const { tokens } = analyseText(text, [{ start: 0, end: text.length }]);
    expect(lex.match({ tokens }, 'markers').map((m) => [m.start, m.end])).toEqual([[6, 13]]);
  });

  it('a literal word with a space is a schema error', () => {
    const e = loadError({ 'x.yml': `${HEAD}  - id: a\n    phrases: [flooded]\n    category: metaphor\n    weight: 1\n    note: n\n    literal: [river bank]\n` });
    expect(e.format()).toMatch(/x\.yml:14:\d+: "0" has an invalid value "river bank"/);
  });
});

