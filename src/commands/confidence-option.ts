/** The `--min-confidence X` option shared by analyze, the default run, exercise and corpus. */
import type { Option as OptionClass } from 'commander';
import { InputError } from '../core/errors.js';
import { DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_CONFIDENCE_BY_KIND } from '../core/confidence.js';
import { FINDING_KINDS, type FindingKind } from '../core/finding-kinds.js';

/** Parses a threshold between 0 and 1 (exit 2 with expected/found otherwise). */
export function parseMinConfidence(value: string): number {
  const x = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    throw new InputError('bad --min-confidence', {
      expected: 'a number from 0 to 1, e.g. 0.5 (0 shows every finding)',
      found: JSON.stringify(value),
      hint: 'give a share, e.g. --min-confidence 0.9 for findings right at least 9 times in 10, or omit the option for the defaults',
    });
  }
  return x;
}

/** The default thresholds in words, highest first: "0.85 for loaded terms and unsourced claims, 0.8 for attributions". */
export function describeDefaultThresholds(): string {
  const byValue = new Map<number, string[]>();
  for (const kind of Object.keys(FINDING_KINDS) as FindingKind[]) {
    const x = DEFAULT_MIN_CONFIDENCE_BY_KIND[kind] ?? DEFAULT_MIN_CONFIDENCE;
    const info = FINDING_KINDS[kind];
    byValue.set(x, [...(byValue.get(x) ?? []), info.exercise?.label ?? info.noun]);
  }
  return [...byValue]
    .sort(([a], [b]) => b - a)
    .map(([x, nouns]) => `${x} for ${nouns.join(' and ')}`)
    .join(', ');
}

export function minConfidenceOption(Option: typeof OptionClass): OptionClass {
  return new Option(
    '--min-confidence <x>',
    `show findings whose measured precision is at least X, 0..1, for every kind (default ${describeDefaultThresholds()}); the others stay in the JSON and are counted apart`,
  ).argParser(parseMinConfidence);
}
