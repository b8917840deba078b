import { describe, expect, it } from 'vitest';
import { HAS_DATASETS } from '../helpers.js';
import { loadedAt, loadedIn } from './markers-helpers.js';

// Loaded terms, round 16 of issue #14: literal, technical and stock-term senses of shown entries (a field,
// a disorder, a market term, a sport, a protected building) as `fixed` phrases, from tuning text or a general
// dictionary sense.

describe('loaded terms, round 16 (issue #14)', () => {
  it('chaos as a field of science and as a market term is not dramatised disorder', () => {
    expect(loadedIn('Chaos broke out on the convention floor.').map((f) => [f.text, f.rule])).toEqual([['Chaos', 'lexicon:emotive/chaos']]);
    expect(loadedIn('Chaos theory studies systems that are sensitive to their starting conditions.')).toEqual([]);
    expect(loadedIn('The weather is a chaotic system, a physicist said.')).toEqual([]);
    expect(loadedIn('China suffered market chaos as stocks fell.')).toEqual([]);
    expect(loadedIn('Each time, currency turmoil has resulted.')).toEqual([]);
  });

  it('disorders, devices, sports and buildings named with a shown word are not findings', () => {
    expect(loadedIn('The interview set off a panic among donors.').map((f) => f.rule)).toEqual(['lexicon:emotive/terrified']);
    expect(loadedIn('He had a panic attack on the flight.')).toEqual([]);
    expect(loadedIn('She was treated for panic disorder.')).toEqual([]);
    expect(loadedIn('He was shot in an alleged road rage incident.').filter((f) => f.rule === 'lexicon:emotive/furious')).toEqual([]);
    expect(loadedIn('She won 12 Grand Slam singles titles.')).toEqual([]);
    expect(loadedIn('The theater was granted landmark status in 1987.')).toEqual([]);
    expect(loadedIn('The landmark deal was signed on Monday.').map((f) => f.rule)).toEqual(['lexicon:evaluative/landmark']);
    expect(loadedIn('Doctors treat inflammatory bowel disease with new drugs.')).toEqual([]);
    expect(loadedIn('He gave an incendiary speech.').map((f) => f.rule)).toEqual(['lexicon:idioms/dramatic-adjectives']);
    expect(loadedIn('An outbreak of bubonic plague closed the park.')).toEqual([]);
  });

  it.skipIf(!HAS_DATASETS)('tuning articles: shown stock terms dropped, the figurative use kept', () => {
    // "Each time, currency turmoil has resulted." is the market term (and since round 17 so is the column's
    // subheading "Turmoil on the way.", markers-round17.test.ts)
    const markets = loadedAt('polnear:train/usa-today_2015-12-16_markets-are-never-ready-for-the-.txt').map((f) => f.span);
    expect(markets).not.toContain('3365-3372 turmoil');
    // "China suffered market chaos"
    const wj = loadedAt('polnear:train/west-journal_2016-01-08_donald-trump-just-gave-some-free.txt').map((f) => f.span);
    expect(wj).not.toContain('818-823 chaos');
  });
});
