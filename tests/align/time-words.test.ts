/**
 * The time words the alignment decides with are data (#18): weekdays, present forms of "be" and
 * "then" after "since" come from lexicons/align/time.yml, not from lists in src/align/time.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTimeLexicon, parseTimeLexicon, TIME_FILE } from '../../src/align/time.js';

describe('align time words', () => {
  it('are read from lexicons/align/time.yml', () => {
    const lex = loadTimeLexicon();
    expect([...lex.weekdays]).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    expect([...lex.presentBe]).toEqual(['is', 'are', 'am', "'re", "'m"]);
    expect([...lex.anaphoricThen]).toEqual(['then']);
  });

  it('a time file without them is refused, naming the field', () => {
    const raw = readFileSync(TIME_FILE, 'utf8').replace(/^weekdays:.*\n/m, '');
    expect(() => parseTimeLexicon(raw)).toThrow(/bad weekdays/);
  });
});
