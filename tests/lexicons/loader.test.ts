import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { compileLexicons, findExampleFailures, LEXICON_CACHE_KEEP, loadLexicons, writePrecompiled, type Lexicons } from '../../src/lexicons/index.js';
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
    expect(e.format()).toMatch(/x\.yml:10:34: duplicate phrase "Hired {2}Gun" in entry "second" \(also in entry "first" at .*x\.yml:9\)/);
  });

  it('the same phrase in two entries is an error when their pos overlap, and allowed when disjoint (verb and noun "claim")', () => {
    const e = loadError({
      'x.yml': `${HEAD}  - {id: first, phrases: [claim], category: label, weight: 2, note: n, pos: [VERB, NOUN]}\n  - {id: second, phrases: [claim], category: label, weight: 2, note: n, pos: [NOUN]}\n`,
    });
    expect(e.format()).toMatch(/duplicate phrase "claim" in entry "second" \(also in entry "first"/);
    const lex = loadLexicons({
      bundled: false,
      dirs: [
        dir({
          'x.yml': `${HEAD}  - {id: verb, phrases: [claim], category: label, weight: 2, note: n, pos: [VERB]}\n  - {id: noun, phrases: [claim], category: label, weight: 2, note: n, pos: [NOUN]}\n`,
        }),
      ],
    });
    expect(lex.entries().map((x) => x.id)).toEqual(['verb', 'noun']);
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
    expect(() => loadLexicons({ disable: ['nope'] })).toThrow(/^unknown category to disable: "nope"$/);
    // A typo names the nearest category; the fix lists the marker categories only (not the ~40 helper
    // categories of the other lexicons, which a typo of one still finds).
    const thrown = (options: Parameters<typeof loadLexicons>[0]): InputError => {
      try {
        loadLexicons(options);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    };
    const typo = thrown({ disable: ['hegde'] });
    expect(typo.message).toBe('unknown category to disable: "hegde" (did you mean "hedge"?)');
    expect(typo.details.hint).toBe(
      '--disable hedge; marker categories: agentless-evaluation, booster, editorializing, emotive, euphemism, evaluative, hedge, ideological, intensifier, label, metaphor, reporting-verb, scare-quotes',
    );
    expect(thrown({ disable: ['source-stopwrd'] }).message).toBe('unknown category to disable: "source-stopwrd" (did you mean "source-stopword"?)');
    // Given the analyses (as the pipeline does), the fix names them first and a typo of one finds it.
    const analysis = thrown({ disable: ['attributions'], analyses: ['markers', 'attribution', 'unsourced', 'actors'] });
    expect(analysis.format()).toBe(
      'unknown category to disable: "attributions" (did you mean "attribution"?): expected an analysis or a marker category, found attributions — fix: --disable attribution; analyses: markers, attribution, unsourced, actors; marker categories: agentless-evaluation, booster, editorializing, emotive, euphemism, evaluative, hedge, ideological, intensifier, label, metaphor, reporting-verb, scare-quotes',
    );
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
    const text = 'Wagner mercenaries, let’s not forget, came during a special military operation.';
    const nlp = analyseText(text, [{ start: 0, end: text.length }]);
    const got = lex.match(nlp, 'markers').map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(got).toEqual([
      ['mercenary', 'mercenaries'],
      ['as-a-reminder', 'let’s not forget'],
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
    const e = loadError({
      'x.yml': `${HEAD}  - id: a\n    phrases: [flooded]\n    category: metaphor\n    weight: 1\n    note: n\n    literal: [river bank]\n`,
    });
    expect(e.format()).toMatch(/x\.yml:14:\d+: "0" has an invalid value "river bank"/);
  });
});

describe('compiled-lexicon caches', () => {
  const USER = `${HEAD}  - id: junta\n    phrases: [junta, military regime]\n    category: label\n    weight: 2\n    note: A loaded label.\n    examples:\n      match: ["The junta met."]\n`;
  const SENTENCE = 'The junta and the military regime met the junta.';
  const nlp = analyseText(SENTENCE, [{ start: 0, end: SENTENCE.length }]);
  const matches = (l: Lexicons) => l.match(nlp, 'markers').map((m) => [m.entry.id, m.start, m.end]);
  const fresh = () => mkdtempSync(join(tmpdir(), 'parallax-cache-test-'));

  it('is written on a miss and read on the next load, whatever the cwd', () => {
    const lexDir = dir({ 'user.yml': USER });
    const cacheDir = fresh();
    const first = compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });
    expect(first.from).toBe('compiled');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });
    expect(second.from).toBe('disk-cache');
    expect(matches(second.lexicons)).toEqual(matches(first.lexicons));
    expect(matches(first.lexicons)).toEqual([
      ['junta', 4, 9],
      ['junta', 18, 33],
      ['junta', 42, 47],
    ]);
    expect(second.lexicons.entries()).toEqual(first.lexicons.entries());
    const cwd = process.cwd();
    try {
      process.chdir(lexDir);
      const elsewhere = compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });
      expect(elsewhere.from).toBe('disk-cache'); // the cwd is not part of the key
      expect(elsewhere.lexicons.entries()[0]!.file).toBe('user.yml'); // paths still shown relative to the cwd
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(first.lexicons.entries()[0]!.file).toBe(
      relative(cwd, join(lexDir, 'user.yml')).startsWith('..') ? join(lexDir, 'user.yml') : relative(cwd, join(lexDir, 'user.yml')),
    );
  });

  it('ignores a corrupt, truncated or mismatched cache entry and rewrites it', () => {
    const lexDir = dir({ 'user.yml': USER });
    const cacheDir = fresh();
    const load = () => compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });
    const good = load();
    const file = join(
      cacheDir,
      readdirSync(cacheDir).find((f) => f.endsWith('.json'))!,
    );
    const valid = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const bad = [
      'garbage{',
      readFileSync(file, 'utf8').slice(0, 100), // truncated
      'null',
      '{}',
      JSON.stringify({ ...valid, key: 'another' }),
      JSON.stringify({ ...valid, phrases: [[99, ['junta'], false]] }), // index out of range
      JSON.stringify({ ...valid, entries: [{ id: 'junta' }] }), // wrong shape
      JSON.stringify({ ...valid, phrases: [[0, [], false]] }), // a phrase with no words
    ];
    for (const text of bad) {
      writeFileSync(file, text);
      const again = load();
      expect(again.from).toBe('compiled');
      expect(matches(again.lexicons)).toEqual(matches(good.lexicons));
      expect(load().from).toBe('disk-cache'); // rewritten
    }
  });

  it('keeps the most recent entries only: writing one prunes the oldest beyond LEXICON_CACHE_KEEP', () => {
    const cacheDir = fresh();
    // Older entries of other lexicon sets (mtimes 1..20 s after the epoch), and a file that is not an entry.
    const old = Array.from({ length: 20 }, (_, k) => `lexicons-${k.toString(16).padStart(32, '0')}.json`);
    old.forEach((f, k) => {
      writeFileSync(join(cacheDir, f), '{}');
      utimesSync(join(cacheDir, f), k + 1, k + 1);
    });
    writeFileSync(join(cacheDir, 'notes.txt'), 'kept');
    compileLexicons({ bundled: false, dirs: [dir({ 'user.yml': USER })] }, { cacheDir, precompiled: null });
    const left = readdirSync(cacheDir).sort();
    expect(left).toHaveLength(LEXICON_CACHE_KEEP + 1);
    expect(left).toContain('notes.txt');
    // The new entry and the 15 newest old ones stay; the 5 oldest went.
    expect(left.filter((f) => old.includes(f))).toEqual(old.slice(20 - (LEXICON_CACHE_KEEP - 1)));
  });

  it('never fails a run when the cache cannot be written', () => {
    const lexDir = dir({ 'user.yml': USER });
    const blocker = join(fresh(), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const cacheDir = join(blocker, 'cache'); // mkdir fails: its parent is a file
    const r = compileLexicons({ bundled: false, dirs: [lexDir] }, { cacheDir, precompiled: null });
    expect(r.from).toBe('compiled');
    expect(matches(r.lexicons)).toEqual([
      ['junta', 4, 9],
      ['junta', 18, 33],
      ['junta', 42, 47],
    ]);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("uses the build's precompiled bundled lexicons while the YAML is unchanged", () => {
    const out = join(fresh(), 'bundled.compiled.json');
    writePrecompiled(out);
    const cacheDir = fresh();
    const r = compileLexicons({}, { cacheDir, precompiled: out });
    expect(r.from).toBe('precompiled');
    expect(readdirSync(cacheDir)).toEqual([]); // nothing written
    const bundled = loadLexicons();
    expect(r.lexicons.entries()).toEqual(bundled.entries());
    expect(r.lexicons.records).toEqual(bundled.records);
    const text = 'Wagner mercenaries, let’s not forget, came during a special military operation.';
    const doc = analyseText(text, [{ start: 0, end: text.length }]);
    const ids = (l: Lexicons) => l.match(doc, 'markers').map((m) => [m.entry.id, m.start, m.end]);
    expect(ids(r.lexicons)).toEqual(ids(bundled));
    // user lexicons never come from the bundled copy
    expect(
      compileLexicons(
        { dirs: [dir({ 'user.yml': USER.replace('junta, military regime', 'zorblax').replace('The junta met.', 'The zorblax met.') })] },
        { cacheDir, precompiled: out },
      ).from,
    ).toBe('compiled');
    // a copy for other contents (as after editing a YAML file) is ignored
    const stale = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    writeFileSync(out, JSON.stringify({ ...stale, key: '0'.repeat(64) }));
    expect(compileLexicons({}, { cacheDir: fresh(), precompiled: out }).from).toBe('compiled');
  });

  it('matches each kind once per article and shares the (frozen) result', () => {
    const l = loadLexicons();
    const a = l.match(nlp, 'markers');
    expect(l.match(nlp, 'markers')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(l.match({ tokens: [...nlp.tokens] }, 'markers')).toEqual(a);
    expect(l.match(nlp, 'no-such-kind')).toEqual([]);
  });
});
