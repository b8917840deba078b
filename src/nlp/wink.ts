/**
 * The one wink-nlp instance. Loading the model costs ~100 ms (wink-model.ts), so it is created
 * lazily on first use and shared by every caller in the process.
 *
 * Only the annotations parallax reads are run: sentence boundaries, named entities and parts of
 * speech (with lemmas). wink's default pipe also computes negation flags and sentiment, which
 * nothing here uses and which change none of the others; skipping them saves ~15% of `readDoc`.
 *
 * The instance tokenises against the model's own lexicon only, so a text is split the same way
 * whatever was read before it in the process (see wink-lexicon.ts, which must be imported before
 * 'wink-nlp').
 */
import { withIntrinsicLookup } from './wink-lexicon.js';
import winkNLP from 'wink-nlp';
import { winkModel } from './wink-model.js';

type WinkNLP = ReturnType<typeof winkNLP>;
let instance: WinkNLP | undefined;

/** The annotations parallax needs from wink-nlp (see above). */
export const WINK_PIPE = ['sbd', 'ner', 'pos'] as const;

/** The shared wink-nlp instance (created on first call). */
export function wink(): WinkNLP {
  instance ??= withIntrinsicLookup(() => winkNLP(winkModel(), [...WINK_PIPE]));
  return instance;
}
