/**
 * Attribution round 10 (issue #14): a refusal is an attribution only when it refuses speech or
 * disclosure ("declined to comment"), not an act ("declined to step into the fray") nor a falling
 * number ("declined to $281 million"); an evidential verb whose subject is an event, act or trait
 * ("The trip suggests …", "A look at … suggests …") is the writer's inference, no attribution; a
 * source phrase goes on past "from" to its head ("officials from both parties say").
 * Cases from PolNeAR train (the tuning half) written as sentences of their own.
 */
import { describe, expect, it } from 'vitest';
import { attr } from './attribution-helpers.js';

describe('only a refusal to speak or disclose is an attribution', () => {
  it('"The Supreme Court declined to step into the fray." (was: a refusal of comment)', () => {
    expect(attr('The Supreme Court declined to step into the fray.')).toEqual([]);
  });

  it('"Shares declined to $281 million." is no refusal', () => {
    expect(attr('Shares declined to $281 million last year.')).toEqual([]);
  });

  it('"The senator declined to comment." stays', () => {
    expect(attr('The senator declined to comment.')).toEqual([['negated', [0, 'The senator'], [12, 'declined to'], null]]);
  });

  it('"He declined to be interviewed." and "Mook refused to publicly speculate." stay', () => {
    expect(attr('He declined to be interviewed.')).toEqual([['negated', [0, 'He'], [3, 'declined to'], null]]);
    expect(attr('Mook refused to publicly speculate on the race.')).toEqual([['negated', [0, 'Mook'], [5, 'refused'], null]]);
  });

  it('"Ike refused to intervene." is an act', () => {
    expect(attr('Ike refused to intervene, and the rebellion was crushed.')).toEqual([]);
  });
});

describe("an evidential verb with an event, act or trait as subject is the writer's inference", () => {
  it('"A look at Mr. Trump\'s airplanes suggests that …" (was: the look as source)', () => {
    expect(attr("A look at Mr. Trump's airplanes and helicopters suggests that their value rests chiefly in their marketing potential.")).toEqual([]);
  });

  it('"That disproportionate impact suggests …" and "The trip suggests that …"', () => {
    expect(attr('That disproportionate impact suggests officials should reassess their approach.')).toEqual([]);
    expect(attr('The trip suggests that Sanders is looking ahead.')).toEqual([]);
  });

  it('"The study suggests that …" and "His aides suggested that …" stay', () => {
    expect(attr('The study suggests that aid reduced violence.')).toEqual([['subject-said-that', [0, 'The study'], [10, 'suggests'], 'aid reduced violence']]);
    expect(attr('His aides suggested that the trip was a success.')).toEqual([
      ['subject-said-that', [0, 'His aides'], [10, 'suggested'], 'the trip was a success'],
    ]);
  });
});

describe('a source phrase goes on past "from" to its head', () => {
  it('"Officials from both parties say …" (was: both parties)', () => {
    expect(attr('Officials from both parties say the plan will fail.')).toEqual([
      ['subject-said-that', [0, 'Officials from both parties'], [28, 'say'], 'the plan will fail'],
    ]);
  });
});
