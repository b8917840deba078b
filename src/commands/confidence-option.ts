/** The `--min-confidence X` option shared by analyze, the default run, exercise and corpus. */
import type { Option as OptionClass } from 'commander';
import { InputError } from '../core/errors.js';
import { DEFAULT_MIN_CONFIDENCE } from '../core/confidence.js';

/** Parses a threshold between 0 and 1 (exit 2 with expected/found otherwise). */
export function parseMinConfidence(value: string): number {
  const x = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    throw new InputError('bad --min-confidence', { expected: 'a number from 0 to 1, e.g. 0.5 (0 shows every finding)', found: JSON.stringify(value) });
  }
  return x;
}

export function minConfidenceOption(Option: typeof OptionClass): OptionClass {
  return new Option(
    '--min-confidence <x>',
    `show findings whose measured precision is at least X, 0..1 (default ${DEFAULT_MIN_CONFIDENCE}); the others stay in the JSON and are counted apart`,
  ).argParser(parseMinConfidence);
}
