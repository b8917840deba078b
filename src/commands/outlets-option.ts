/** `--outlets FILE`: the outlets map (glob or path → outlet; YAML or CSV), read and checked when the option is parsed. */
import type { Option as OptionClass } from 'commander';
import { readOutletMap } from '../ingest/outlets.js';

export function outletsOption(Option: typeof OptionClass): OptionClass {
  return new Option(
    '--outlets <file>',
    'map of file patterns to outlets (YAML "pattern: outlet" or CSV "pattern,outlet"), used when an article names none',
  ).argParser((file: string) => readOutletMap(file));
}
