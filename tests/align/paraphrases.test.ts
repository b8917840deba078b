/** The paraphrase sets for alignment (lexicons/align/paraphrases.yml): validation and matching. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { analyseText } from '../../src/nlp/index.js';
import { loadParaphrases, paraphrasesOf, parseParaphrases } from '../../src/align/paraphrases.js';

const HEAD = 'id: t\nversion: 1.0.0\nsets:\n';

describe('paraphrase sets', () => {
  it('loads the bundled sets: general news vocabulary, each stem in one set', () => {
    const t = loadParaphrases();
    expect(t.id).toBe('align-paraphrases');
    expect(t.sets).toBeGreaterThanOrEqual(100);
    expect(t.words).toBeGreaterThanOrEqual(500);
  });

  it('rejects a word whose stem is in two sets, naming the file line', () => {
    const raw = `${HEAD}  - {id: a, words: [death, perish]}\n  - {id: b, words: [killing, deaths]}\n`;
    let err: unknown;
    try {
      parseParaphrases(raw, 'x.yml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).format()).toMatch(/^x\.yml:5: "deaths" \(stem "death"\) is in sets "a" and "b"/);
  });

  it('matches inflections, derivations and phrases, and exact-only words by their normal form', () => {
    const text = 'Prigozhin perished; his death was confirmed. Troops were deployed in a joint force with arms, not an arm.';
    const { tokens } = analyseText(text, [{ start: 0, end: text.length }]);
    const t = loadParaphrases();
    const hits = paraphrasesOf(t, tokens, 0, tokens.length).map((h) => [h.set, text.slice(tokens[h.tokenStart]!.start, tokens[h.tokenEnd - 1]!.end)]);
    expect(hits).toEqual(
      expect.arrayContaining([
        ['die', 'perished'],
        ['die', 'death'],
        ['deploy', 'deployed'],
        ['alliance', 'joint force'],
        ['weapon', 'arms'],
      ]),
    );
    expect(hits.some(([, w]) => w === 'arm')).toBe(false);
  });
});
