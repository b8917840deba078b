/**
 * wink-eng-lite-web-model, loaded faster: the same model object as the package's own
 * (`require('wink-eng-lite-web-model')`), with a core loader that reads the core model's JSON once
 * and decodes its packed arrays with `Buffer`, instead of requiring the JSON, copying it whole
 * (`JSON.parse(JSON.stringify(…))`) and decoding base64 one character at a time. Saves ~35 ms of
 * the ~130 ms the model costs at each start (a quarter of `parallax analyze corpus`'s start-up
 * after node's own); the annotations are the same because the core model is the same (deep-equal
 * to the package's: tests/nlp/wink-model.test.ts).
 *
 * Everything else (sentence, entity, part-of-speech, negation and sentiment machines, feature
 * functions, add-ons) comes from the package's own files, as its `dist/model.js` assembles them.
 * Built against wink-eng-lite-web-model 1.8.1 (its package.json has `main` and no `exports`, so
 * its files resolve by path); if a file is missing or the core model has another shape, the
 * package's own model is used instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type model from 'wink-eng-lite-web-model';

type Model = typeof model;
const require = createRequire(import.meta.url);
const DIST = 'wink-eng-lite-web-model/dist/';

/** The core model's JSON as the package ships it (the fields readModel touches). */
interface CoreJson {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: string[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** A Uint32Array over a fresh (aligned, unshared) copy of `base64`'s bytes, as the package's `new Uint32Array(bufferFromBase64(…))`. */
function uint32FromBase64(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/**
 * The core model, as the package's `load-core-model.js` (with `read-core-model.js`) returns it:
 * a fresh object on each call (wink's tokenisation adds to its feature tables).
 */
export function loadCoreModel(): unknown {
  const path = require.resolve(`${DIST}languages/cur/models/eng-core-web-model.json`);
  const m = JSON.parse(readFileSync(path, 'utf8')) as CoreJson;
  const { packing, features, pos } = m;
  if (typeof m.lexicon !== 'string' || typeof m.xpansions !== 'string') throw new Error('wink core model: packed arrays are not base64 strings');
  // read-core-model.js
  m.lexicon = uint32FromBase64(m.lexicon);
  m.xpansions = uint32FromBase64(m.xpansions);
  for (const f in packing.layout) {
    if (packing.layout[f]![3] === 0) {
      const hash = Object.create(null) as Record<string, number>;
      const list = features[f]!.list;
      for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k;
      features[f]!.hash = hash;
    }
  }
  const lexeme = features['lexeme']!;
  const lexemeHash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < lexeme.list.length; k += 1) lexemeHash[lexeme.list[k]!] = k;
  lexeme.hash = lexemeHash;
  const clusters = features['posClusters']!.list as unknown as Set<number>[];
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as unknown as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const table = features[f]!;
      table.intrinsicSize = table.list.length;
      table.index = table.list.length;
      table.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return m;
}

/** The model as the package's `dist/model.js` assembles it, with {@link loadCoreModel} as its core loader. */
function assemble(): Model {
  const part = (name: string): unknown => require(`${DIST}${name}.js`);
  require.resolve(`${DIST}languages/cur/models/eng-core-web-model.json`);
  const m = Object.create(null) as Record<string, unknown>;
  // A core model of another shape than this loader expects: the package's own loader.
  m['core'] = () => {
    try {
      return loadCoreModel();
    } catch {
      return (require(`${DIST}load-core-model.js`) as () => unknown)();
    }
  };
  m['sbd'] = part('load-sbd-model');
  m['pos'] = part('load-pos-model');
  m['ner'] = part('load-ner-model');
  m['negation'] = part('load-negation-model');
  m['sa'] = part('load-sa-model');
  m['metaCER'] = part('load-cer-meta-model');
  m['featureFn'] = part('feature');
  const addons = Object.create(null) as Record<string, unknown>;
  addons['stem'] = part('porter-stemmer');
  addons['lemmatize'] = part('lemmatize');
  addons['readabilityStats'] = part('readability-stats');
  addons['wordVectors'] = undefined;
  m['addons'] = addons;
  for (const k of ['core', 'sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER', 'featureFn'])
    if (typeof m[k] !== 'function') throw new Error(`wink model: ${k} is not a function`);
  return m as unknown as Model;
}

/** The model parallax's wink instance uses: {@link assemble}d, or the package's own when its files have moved. */
export function winkModel(): Model {
  try {
    return assemble();
  } catch {
    return require('wink-eng-lite-web-model') as Model;
  }
}
