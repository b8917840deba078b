/**
 * Makes wink-nlp tokenise every document against the model's own lexicon only, so a text is
 * split the same way whatever the process read before it (and wherever in a document a word
 * occurs).
 *
 * Why: wink-nlp (checked against 2.4.0) adds every out-of-vocabulary word it reads to its lexeme
 * table (src/cache.js `add`), and its tokeniser asks the same table whether a piece of text is a
 * known word (`cache.lookup`, through `_addTokenIfInCache` and `isLexeme` in src/dd-wrapper.js,
 * used by src/tokenizer.js and src/recursive-tokenizer.js). A word learnt earlier therefore
 * changes how later text is split. Example: "Trump’s, aides" adds "Trump’s" whole (the
 * right-punctuation branch of `processUnk`), after which "Trump’s plan." is no longer split into
 * "Trump" + "’s". On the PolNeAR train texts, 205 of 840 were tokenised differently when read a
 * second time in the same process.
 *
 * How: `lookup` of the cache of parallax's instance reports only the model's intrinsic lexemes
 * (index below `intrinsicSize()`); a runtime-added lexeme is answered "unknown", exactly as on
 * the first read, and the tokeniser takes the path it took then. Adding is unchanged: `add` finds
 * the existing entry, so the table does not grow on re-reads. Only the tokeniser sees the changed
 * `lookup`: wink's other users of the cache look up intrinsic lexemes only (src/automaton.js), or
 * use the cache's private `lookup` (`isOOV`, `hasSamePOS`, and the model's feature functions,
 * which receive the original cache object; see `wrap`). Measured on the PolNeAR train texts:
 * 0 of 840 differ on a second read, no slower. A word repeated within one document is now split
 * the same way each time too (before, "Rubio’s," taught wink "Rubio’s" for the rest of the
 * article). Not covered: wink still stores an unknown word's token type from the first context it
 * is read in (`add` ignores the category of later reads), so that type, and the POS hint from it,
 * can depend on history (a stray combining mark in 1 of 840 texts; see src/parallel/pool.ts).
 *
 * The cache is private to each wink instance (created in src/wink-nlp.js by
 * `Cache(model, featureFn)`, reachable from no public API), so the factory module itself is
 * wrapped: its entry in Node's CommonJS module cache is replaced before wink-nlp.js first
 * requires it (wink-nlp's package.json has `main` and no `exports`, so the subpath resolves). This module must therefore be evaluated before anything imports 'wink-nlp'
 * (src/nlp/wink.ts imports it first). The wrapper changes only instances created inside
 * {@link withIntrinsicLookup}; any other wink instance in the process (the bench's bare one)
 * stays as wink made it. If wink's internals change shape, or wink-nlp was loaded before the
 * wrapper, the checks below throw instead of silently tokenising with history again.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The part of wink's cache (src/cache.js) this relies on. */
interface WinkCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}
type CacheFactory = (model: unknown, featureFn: unknown) => WinkCache;

/** The wrapped factory, shared through Node's module cache (test runners re-evaluate this file). */
interface WrappedFactory extends CacheFactory {
  /** Set while {@link withIntrinsicLookup} creates an instance; cleared by the factory. */
  armed: boolean;
}

const WRAPPED = Symbol.for('parallax.wink.intrinsicLookup');

function fail(why: string): never {
  throw new Error(`parallax: cannot make wink-nlp tokenise against its own lexicon only: ${why} (checked against wink-nlp 2.4.0; see src/nlp/wink-lexicon.ts)`);
}

/** A `lookup` that answers only for the model's intrinsic lexemes (and their contractions). */
export function intrinsicLookup(lookup: WinkCache['lookup'], intrinsicSize: number): WinkCache['lookup'] {
  return (text) => {
    const found = lookup(text);
    // A contraction (several entries) is always intrinsic; a single entry at or beyond
    // `intrinsicSize` is a lexeme wink added while reading earlier text.
    return found !== null && found.length === 1 && found[0]! >= intrinsicSize ? null : found;
  };
}

function wrap(original: CacheFactory): WrappedFactory {
  const factory = ((model: unknown, featureFn: unknown) => {
    const cache = original(model, featureFn);
    if (!factory.armed) return cache;
    factory.armed = false;
    if (typeof cache?.lookup !== 'function' || typeof cache.intrinsicSize !== 'function') fail('its cache has no lookup() or intrinsicSize()');
    const size = cache.intrinsicSize();
    if (!Number.isInteger(size) || size <= 0) fail(`its cache's intrinsicSize() is ${String(size)}`);
    // A copy, not the original: the cache hands the original to the model's feature functions
    // when it adds a lexeme, and those must still find the lexeme being added (wink-eng-lite-web-
    // model's `pos` feature looks up the lower-cased word just added). Every cache method is a
    // closure that does not use `this`, so the copy behaves as the original but for `lookup`.
    return Object.assign(Object.create(null) as object, cache, { lookup: intrinsicLookup(cache.lookup, size) }) as WinkCache;
  }) as WrappedFactory;
  factory.armed = false;
  Object.defineProperty(factory, WRAPPED, { value: true });
  return factory;
}

/** Replaces wink's cache factory in Node's module cache (once per process). */
function install(): WrappedFactory {
  const path = require.resolve('wink-nlp/src/cache.js');
  const current = require.cache[path]?.exports as (CacheFactory & { [WRAPPED]?: true }) | undefined;
  if (current?.[WRAPPED]) return current as WrappedFactory;
  // If wink-nlp is already loaded it holds the original factory; installing is then useless but
  // harmless, and `withIntrinsicLookup` reports it when parallax creates its instance.
  const original: unknown = require(path);
  if (typeof original !== 'function') fail('src/cache.js no longer exports a function');
  const entry = require.cache[path];
  if (!entry) fail('src/cache.js is not in the CommonJS module cache');
  const wrapped = wrap(original as CacheFactory);
  entry.exports = wrapped;
  return wrapped;
}

const factory = install();

/**
 * Runs `create` (which must create exactly one wink-nlp instance) so that the instance's
 * tokeniser sees only the model's own lexicon. Throws if wink did not create its cache through
 * the wrapped factory (wink's internals changed, or wink-nlp was loaded too early).
 */
export function withIntrinsicLookup<T>(create: () => T): T {
  factory.armed = true;
  try {
    const instance = create();
    if (factory.armed) fail("wink-nlp did not create its cache through the wrapped src/cache.js (wink's internals changed, or wink-nlp was loaded before src/nlp/wink-lexicon.ts)");
    return instance;
  } finally {
    factory.armed = false;
  }
}
