/**
 * The faster wink model loader (src/nlp/wink-model.ts) gives the package's own model: a core model
 * deep-equal to the package's (typed arrays, hash tables without prototype, part-of-speech
 * cluster sets, feature-table sizes), the package's own machines and feature functions, and the
 * same annotations of a text.
 */
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import { loadCoreModel, winkModel } from '../../src/nlp/wink-model.js';

const require = createRequire(import.meta.url);
const pkgModel = require('wink-eng-lite-web-model') as Record<string, unknown> & { core: () => unknown; addons: Record<string, unknown> };

type Core = {
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  packing: { efList: string[] };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
};

describe('wink model loader', () => {
  it('gives a core model deep-equal to the package’s', () => {
    const ours = loadCoreModel() as Core;
    const theirs = pkgModel.core() as Core;
    expect(ours.lexicon).toBeInstanceOf(Uint32Array);
    expect(ours.lexicon.length).toBe(theirs.lexicon.length);
    expect(ours.lexicon.length).toBe(350_372);
    expect(ours.xpansions.length).toBe(theirs.xpansions.length);
    expect(Object.getPrototypeOf(ours.features['lexeme']!.hash)).toBeNull();
    expect(ours.features['lexeme']!.intrinsicSize).toBe(87_593);
    expect(ours.features['posClusters']!.list[0]).toBeInstanceOf(Set);
    expect(ours.packing.efList).toEqual(theirs.packing.efList);
    // Everything, to the last table entry and typed-array element (prototypes included).
    expect(isDeepStrictEqual(ours, theirs)).toBe(true);
  });

  it('gives a fresh core model on each call (wink adds to its tables)', () => {
    const a = loadCoreModel() as Core;
    const b = loadCoreModel() as Core;
    expect(a).not.toBe(b);
    expect(a.features['lexeme']!.list).not.toBe(b.features['lexeme']!.list);
  });

  it('takes every other part from the package', () => {
    const ours = winkModel() as unknown as Record<string, unknown> & { addons: Record<string, unknown> };
    for (const k of ['sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER', 'featureFn']) expect(ours[k]).toBe(pkgModel[k]);
    for (const k of ['stem', 'lemmatize', 'readabilityStats']) expect(ours.addons[k]).toBe(pkgModel.addons[k]);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(pkgModel).sort());
    expect(Object.keys(ours.addons).sort()).toEqual(Object.keys(pkgModel.addons).sort());
  });

  it('annotates a text as the package’s model does', () => {
    const text = 'Sergei Lavrov said on Wednesday that Russia would send 100 more instructors to Burkina Faso. “We agreed,” he told reporters in Ouagadougou.';
    const read = (model: unknown) => {
      const nlp = winkNLP(model as never, ['sbd', 'ner', 'pos']);
      const doc = nlp.readDoc(text);
      return {
        tokens: doc.tokens().out(),
        pos: doc.tokens().out(nlp.its.pos),
        lemmas: doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.normal),
        sentences: doc.sentences().out(),
        entities: doc.entities().out(nlp.its.detail),
      };
    };
    expect(read(winkModel())).toEqual(read(pkgModel));
  });
});
