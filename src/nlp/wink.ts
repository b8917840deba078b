/**
 * The one wink-nlp instance. Loading the model costs ~150 ms, so it is created lazily on first
 * use and shared by every caller in the process.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;
let instance: WinkNLP | undefined;

/** The shared wink-nlp instance (created on first call). */
export function wink(): WinkNLP {
  instance ??= winkNLP(model);
  return instance;
}
