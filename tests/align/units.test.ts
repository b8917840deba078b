/** Alignment units: sentences split into clauses where a sentence packs two events. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/pipeline.js';
import { unitsOf } from '../../src/align/units.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unitTexts = (body: string) => {
  const p = join(dir, `u${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(p, `Title line\n\n${body}\n`);
  return unitsOf(prepareArticle(p)).filter((u) => !u.heading).map((u) => u.text);
};

describe('unitsOf', () => {
  it('splits at ", as" when a subject and a finite verb follow and both halves stand alone', () => {
    expect(unitTexts('Some of the old garrison troops have been replaced by soldiers from the new regional force, as the capital tightens its grip on the border posts after the death of the commander.')).toEqual([
      'Some of the old garrison troops have been replaced by soldiers from the new regional force',
      'as the capital tightens its grip on the border posts after the death of the commander.',
    ]);
  });

  it('does not split at ", as" without a clause of its own or with a short half', () => {
    for (const s of [
      'The council approved the budget for the coming year on Monday, as expected by most of the analysts who follow the city closely.',
      'The ministry sent new equipment to the northern regions last month, as well as trainers for the local police units and guards.',
      'Prices rose sharply in March, as they did in February.',
    ]) expect(unitTexts(s)).toEqual([s]);
  });
});
