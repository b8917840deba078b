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
 * article).
 *
 * wink also stores an unknown word's token type, and the part-of-speech hint read from it, from
 * the first context it reads the word in (`add` ignores the category of later reads): a stray
 * combining mark that one PolNeAR text types `unk` was typed `word` after another text had
 * taught it (2 of 840 texts read differently in reverse order). So {@link forgetReadText}, called before
 * each article, also takes out of the model's feature tables whatever reading added and gives
 * the instance a new, empty cache: every article is read as by a fresh process (840 of 840
 * PolNeAR train texts identical in either order; tests/nlp/history.test.ts, tests/parallel/pool.test.ts).
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

/** A feature table of wink's model (`model.features.lexeme`, `.shape`, …) that reading text adds to (src/cache.js `getFeaturesIndex`). */
interface FeatureTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
}

/** The feature tables of `model` that grow while reading (those with a hash, a list and a next index). */
function growingTables(model: unknown): FeatureTable[] {
  const features = (model as { features?: Record<string, Partial<FeatureTable> | undefined> } | null)?.features;
  if (!features || typeof features !== 'object') fail('its model has no features');
  const tables = Object.values(features).filter(
    (f): f is FeatureTable => !!f && typeof f.hash === 'object' && Array.isArray(f.list) && typeof f.index === 'number',
  );
  if (!tables.some((t) => t === features['lexeme'])) fail('its model has no lexeme table');
  for (const t of tables) if (t.index !== t.list.length) fail(`a feature table's next index ${t.index} is not its length ${t.list.length}`);
  return tables;
}

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

/** Forgets what the parallax instance learnt from earlier text (set once that instance exists). */
let forget: (() => void) | null = null;

/**
 * Makes the parallax wink instance read the next text as a fresh process would: the words,
 * shapes, prefixes and suffixes it added to its model's tables while reading earlier text are
 * removed, and its cache starts empty again. Cheap (proportional to what was added). Call it
 * before reading each article, so that an article's analysis does not depend on which articles
 * were read before it (alone, in a batch, in any worker thread).
 */
export function forgetReadText(): void {
  forget?.();
}

function wrap(original: CacheFactory): WrappedFactory {
  const factory = ((model: unknown, featureFn: unknown) => {
    let cache = original(model, featureFn);
    if (!factory.armed) return cache;
    factory.armed = false;
    if (typeof cache?.lookup !== 'function' || typeof cache.intrinsicSize !== 'function') fail('its cache has no lookup() or intrinsicSize()');
    const size = cache.intrinsicSize();
    if (!Number.isInteger(size) || size <= 0) fail(`its cache's intrinsicSize() is ${String(size)}`);
    // What a fresh instance starts from: each growing table's length before any text was read
    // (wink adds entries only while tokenising, src/dd-wrapper.js, never while loading).
    const tables = growingTables(model);
    const lengths = tables.map((t) => t.list.length);
    forget = () => {
      let grown = false;
      tables.forEach((t, k) => {
        const n = lengths[k]!;
        if (t.list.length === n) return;
        grown = true;
        for (let i = n; i < t.list.length; i++) delete t.hash[t.list[i]!];
        t.list.length = n;
        t.index = n;
      });
      // The cache keeps the added lexemes' features in a private array indexed from the
      // intrinsic size: a new cache over the truncated tables starts as the first one did.
      if (grown) {
        cache = original(model, featureFn);
        point(); // the facade below now calls the new cache
      }
    };
    // A facade, not the cache itself: wink holds this object for its life, while the cache
    // behind it is replaced by `forget`. Its own users (the model's feature functions, to which
    // the cache hands itself when it adds a lexeme) keep the original `lookup`, which must find
    // the lexeme being added (wink-eng-lite-web-model's `pos` feature looks up the lower-cased
    // word just added). Every cache method is a closure of at most two arguments that does not use `this`.
    // One slot per method, pointed at the current cache's method (a monomorphic call per use).
    type Method = (a: unknown, b: unknown) => unknown;
    const slots = new Map<string, { fn: Method }>();
    const point = () => {
      for (const [name, fn] of Object.entries(cache)) {
        if (typeof fn !== 'function') fail(`its cache's ${name} is not a function`);
        const slot = slots.get(name);
        if (slot) slot.fn = fn as Method;
        else slots.set(name, { fn: fn as Method });
      }
    };
    point();
    const facade = Object.create(null) as Record<string, unknown>;
    for (const [name, slot] of slots) facade[name] = (a: unknown, b: unknown) => slot.fn(a, b);
    const lookup = slots.get('lookup')!;
    facade['lookup'] = intrinsicLookup((text) => lookup.fn(text, undefined) as number[] | null, size);
    return facade as unknown as WinkCache;
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
    if (factory.armed)
      fail(
        "wink-nlp did not create its cache through the wrapped src/cache.js (wink's internals changed, or wink-nlp was loaded before src/nlp/wink-lexicon.ts)",
      );
    return instance;
  } finally {
    factory.armed = false;
  }
}
