/** The content check of the attribution calibration (src/eval/calibrate.ts): a careful reader's "content right". */
import { describe, expect, it } from 'vitest';
import { contentAgrees } from '../../src/eval/calibrate.js';

const text = 'The mayor said the bridge will close for a month, and critics called it a disaster.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

describe('contentAgrees', () => {
  it('agrees when the content lies inside the gold content and covers enough of it', () => {
    expect(contentAgrees(text, at('the bridge will close for a month'), [at('the bridge will close for a month')])).toBe(true);
    expect(contentAgrees(text, at('the bridge will close'), [at('the bridge will close for a month')])).toBe(true);
  });

  it('does not agree when the content runs on into other text', () => {
    expect(contentAgrees(text, at('the bridge will close for a month, and critics called it a disaster'), [at('the bridge will close for a month')])).toBe(
      false,
    );
  });

  it('does not agree when the content holds too little of what was said', () => {
    expect(contentAgrees(text, at('month'), [at('the bridge will close for a month, and critics called it a disaster')])).toBe(false);
  });

  it('no content (a refusal) claims nothing and agrees; content without gold content does not', () => {
    expect(contentAgrees(text, null, [at('the bridge will close for a month')])).toBe(true);
    expect(contentAgrees(text, at('the bridge will close'), [])).toBe(false);
  });

  it("the finding's own source and cue inside its content (a split quotation) count neither way", () => {
    const t = '“For me,” Mr. Bruner concluded, “he was like the big cheese on the court.”';
    const a = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
    const gold = [a('“For me,”'), a('“he was like the big cheese on the court.”')];
    expect(contentAgrees(t, a(t), gold)).toBe(false);
    expect(contentAgrees(t, a(t), gold, [a('concluded'), a('Mr. Bruner')])).toBe(true);
  });
});
