/** The event screen's "Why aligned" lines (src/ui/screens/event-evidence.ts). */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/ui/model.js';
import { linkLines } from '../../src/ui/screens/event-evidence.js';
import { plainText } from '../../src/ui/text.js';
import { evidenceReport } from './fixture.js';

describe('linkLines', () => {
  it('says which actor an anchored link rests on', () => {
    const report = evidenceReport();
    const event = report.events.find((e) => e.id === 'e3')!;
    event['links'] = [
      { a: 0, b: 1, score: 0.18, cosine: 0.12, shared: ['@wagner', 'wagner'], entities: ['@wagner', 'wagner'], entityScore: 0.06, anchor: '@wagner' },
    ];
    expect(linkLines(buildModel(report), event, 80).map(plainText)).toEqual([
      'Why aligned',
      '  Daily Bugle: “We will send 300 more … ↔ Sahel Wire: “We will send hundreds m…',
      "    score 0.18 · cosine 0.12 · anchored on wagner (each the other's best match)",
      '      · actors wagner · terms wagner',
      '',
    ]);
  });
});
