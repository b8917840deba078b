/** `--outlets FILE`: the outlets map (glob or path → outlet; YAML or CSV), read and checked when the option is parsed. */
import type { Option as OptionClass } from 'commander';
import { readOutletMap, type OutletMapEntry } from '../ingest/outlets.js';

/** The option's value: the file as given (for the command a report records) and its entries. */
export interface OutletsFlag {
  file: string;
  entries: OutletMapEntry[];
}

export function outletsOption(Option: typeof OptionClass): OptionClass {
  return new Option(
    '--outlets <file>',
    'map of file patterns to outlets (YAML "pattern: outlet" or CSV "pattern,outlet"), used when an article names none',
  ).argParser((file: string): OutletsFlag => ({ file, entries: readOutletMap(file) }));
}
