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
  return unitsOf(prepareArticle(p))
    .filter((u) => !u.heading)
    .map((u) => u.text);
};

describe('unitsOf', () => {
  it('splits at ", as" when a subject and a finite verb follow and both halves stand alone', () => {
    expect(
      unitTexts(
        'Some of the old garrison troops have been replaced by soldiers from the new regional force, as the capital tightens its grip on the border posts after the death of the commander.',
      ),
    ).toEqual([
      'Some of the old garrison troops have been replaced by soldiers from the new regional force',
      'as the capital tightens its grip on the border posts after the death of the commander.',
    ]);
  });

  it('splits a quoted sentence into the quotation and a frame that tells the occasion', () => {
    expect(
      unitTexts(
        '“We will rebuild every school that the flood destroyed in the valley,” the governor told reporters at a briefing in the provincial capital on Monday.',
      ),
    ).toEqual([
      '“We will rebuild every school that the flood destroyed in the valley,”',
      'the governor told reporters at a briefing in the provincial capital on Monday.',
    ]);
    expect(
      unitTexts('"The bridge will stay closed until engineers have inspected all of its supports", the transport minister said during a visit to the site.'),
    ).toEqual(['"The bridge will stay closed until engineers have inspected all of its supports"', 'the transport minister said during a visit to the site.']);
  });

  it('keeps a quoted sentence whole when the frame is only who said it, or the quotation runs on', () => {
    for (const s of [
      '“We will rebuild every school that the flood destroyed in the valley,” the governor said.',
      '“We will rebuild every school,” the governor said, “and every clinic that the water reached in the valley last spring.”',
    ])
      expect(unitTexts(s)).toEqual([s]);
  });

  it('does not split at ", as" without a clause of its own or with a short half', () => {
    for (const s of [
      'The council approved the budget for the coming year on Monday, as expected by most of the analysts who follow the city closely.',
      'The ministry sent new equipment to the northern regions last month, as well as trainers for the local police units and guards.',
      'Prices rose sharply in March, as they did in February.',
    ])
      expect(unitTexts(s)).toEqual([s]);
  });
});
