/**
 * The report browser's reducer without ink: Given a state, When a key is pressed, Then the state.
 * Keys go through `keyToAction` exactly as ink delivers them (input text + key flags).
 */
import { describe, expect, test } from 'vitest';
import { bodyHeight, initialAppState, reduceApp, SEARCH_NA, screenOf, type AppState, type KeyInfo } from '../../src/ui/components/app/use-app-state.js';
import { browserHelp } from '../../src/ui/screens/help.js';
import { buildModel } from '../../src/ui/model.js';
import { readerItems } from '../../src/ui/screens/reader.js';
import { plainText } from '../../src/ui/text.js';
import { evidenceReport, fixtureReport } from './fixture.js';

const model = buildModel(fixtureReport());
const K: Record<string, [string, KeyInfo]> = {
  down: ['', { downArrow: true }],
  up: ['', { upArrow: true }],
  tab: ['', { tab: true }],
  stab: ['', { tab: true, shift: true }],
  right: ['', { rightArrow: true }],
  enter: ['', { return: true }],
  esc: ['', { escape: true }],
  bs: ['', { backspace: true }],
};
function press(state: AppState, keys: string[], m = model): AppState {
  return keys.reduce((s, k) => {
    const [input, key] = K[k] ?? [k, {}];
    return reduceApp(m, s, { type: 'key', input, key });
  }, state);
}
const start = () => initialAppState(80, 20);
const top = (s: AppState) => s.stack[s.stack.length - 1]!;

describe('reduceApp', () => {
  test('navigation: j/k and arrows move within the list and stop at its ends', () => {
    expect(top(press(start(), ['j'])).cursor).toBe(1);
    expect(top(press(start(), ['down', 'down', 'down'])).cursor).toBe(2); // two outlets, then the chart
    expect(top(press(start(), ['j', 'k', 'up'])).cursor).toBe(0);
  });

  test('tab cycles the top screens and resets the cursor; shift+tab goes back', () => {
    expect(press(start(), ['tab']).stack).toEqual([{ screen: 'events', cursor: 0 }]);
    expect(press(start(), ['j', 'tab', 'tab', 'tab']).stack).toEqual([{ screen: 'sources', cursor: 0 }]);
    expect(press(start(), ['stab']).stack).toEqual([{ screen: 'sources', cursor: 0 }]);
    expect(press(start(), ['tab', 'tab', 'tab', 'tab']).stack).toEqual([{ screen: 'overview', cursor: 0 }]);
  });

  test('enter opens the selected item; in an event tab/→ move between outlets; esc goes back one level', () => {
    const event = press(start(), ['tab', 'enter']);
    expect(event.stack).toEqual([
      { screen: 'events', cursor: 0 },
      { screen: 'event', id: 'e1', cursor: 0, pane: 0 },
    ]);
    expect(top(press(event, ['tab']))).toMatchObject({ pane: 1 });
    expect(top(press(event, ['right']))).toMatchObject({ pane: 1 });
    expect(top(press(event, ['tab', 'tab']))).toMatchObject({ pane: 0 }); // wraps
    const reader = press(event, ['tab', 'enter']);
    expect(top(reader)).toEqual({ screen: 'reader', id: 'a2', cursor: 1, pin: model.report.events[0]!.mentions[1]!.start });
    expect(press(reader, ['esc']).stack).toHaveLength(2);
    expect(press(reader, ['esc', 'esc', 'esc']).stack).toEqual([{ screen: 'events', cursor: 0 }]);
    // Overview: enter opens the article reader at the top.
    expect(top(press(start(), ['j', 'enter']))).toEqual({ screen: 'reader', id: 'a2', cursor: 0 });
  });

  test('search: / starts a draft, typing and backspace edit it, enter applies it, esc cancels or clears', () => {
    const typing = press(start(), ['tab', '/', 'c', 'r', 'x', 'bs', 'i']);
    expect(typing.draft).toBe('cri');
    expect(typing.query).toBe('');
    // While typing, letters are text, not commands.
    expect(press(typing, ['q']).quit).toBe(false);
    const applied = press(typing, ['enter']);
    expect([applied.draft, applied.query]).toEqual([null, 'cri']);
    expect(screenOf(model, applied).count).toBe(1); // only "Critics object to the deal"
    expect(press(typing, ['esc'])).toMatchObject({ draft: null, query: '' });
    expect(press(applied, ['esc']).query).toBe('');
  });

  test('search on the overview keeps matching outlets; on a finding it says n/a here', () => {
    const s = press(start(), ['/', 'j', 'u', 'n', 't', 'a', 'enter']);
    expect(screenOf(model, s).count).toBe(2); // one outlet, then the chart
    expect(screenOf(model, s).enter).toEqual({ screen: 'reader', id: 'a2', cursor: 0 });
    const finding = press(start(), ['enter', 'j', 'j', 'j', 'j', 'enter']);
    expect(top(finding)).toEqual({ screen: 'finding', id: 'f1', cursor: 0 });
    const na = press(finding, ['/']);
    expect([na.draft, na.message]).toEqual([null, SEARCH_NA]);
  });

  test('f cycles the kind filter; in the reader the cursor stays on the same sentence', () => {
    expect(press(start(), ['f', 'f', 'f', 'f']).filter).toBe('all');
    // Reader of a1, on "Critics call it a sell-out." (after the second sentence and its 3 findings).
    const reader = press(start(), ['enter', 'j', 'j', 'j', 'j', 'j', 'j']);
    const items = readerItems(model, 'a1', 'all', '');
    const at = items[top(reader).cursor]!;
    expect(at.kind === 'sentence' && model.report.articles[0]!.text.slice(at.span.start, at.span.end)).toBe('Critics call it a sell-out.');
    const filtered = press(reader, ['f']);
    expect(filtered.filter).toBe('loaded');
    const after = readerItems(model, 'a1', 'loaded', '')[top(filtered).cursor]!;
    expect(after.kind === 'sentence' && model.report.articles[0]!.text.slice(after.span.start, after.span.end)).toBe('Critics call it a sell-out.');
  });

  test('? toggles help; j/k scroll it (clamped to its length); any other key closes it without acting', () => {
    const help = press(start(), ['?']);
    expect(help.help).toBe(true);
    const scrolled = press(help, ['j', 'j']);
    expect([scrolled.help, scrolled.helpScroll, top(scrolled).cursor]).toEqual([true, 2, 0]);
    const far = press(help, Array(300).fill('j'));
    expect(far.helpScroll).toBe(browserHelp(far.width).length - bodyHeight(far));
    const closed = press(scrolled, ['x']);
    expect([closed.help, top(closed).cursor]).toEqual([false, 0]);
  });

  test('q in the help quits, as the help’s own key list says (it only closed the help)', () => {
    expect(press(start(), ['?', 'q']).quit).toBe(true);
  });

  test('e asks for an export (counted, the view writes it); q quits', () => {
    expect(press(start(), ['e', 'e']).exports).toBe(2);
    expect(press(start(), ['q']).quit).toBe(true);
  });

  test('reader opened from an event while a search is active lands on the mention, even when the search hides it', () => {
    const m = buildModel(evidenceReport());
    // Search "instructors": events e1 and e3 match; open e3, focus Sahel Wire, open its reader.
    const s = press(initialAppState(100, 20), ['tab', '/', ...'instructors', 'enter', 'j', 'enter', 'tab', 'enter'], m);
    const frame = top(s);
    expect(frame).toMatchObject({ screen: 'reader', id: 'a2' });
    const items = readerItems(m, 'a2', 'all', 'instructors', frame.screen === 'reader' ? frame.pin : undefined);
    const it = items[frame.cursor]!;
    const text = m.report.articles[1]!.text;
    expect(it.kind === 'sentence' && text.slice(it.span.start, it.span.end)).toBe('“We will send hundreds more\u0007 instructors,” he told reporters.');
    // A search that the mention's sentence does not contain: it is still shown (pinned) and selected (e3 is second: shared events come first).
    const t = press(initialAppState(100, 20), ['tab', 'j', 'enter', 'tab', '/', ...'army', 'enter', 'enter'], m);
    const f2 = top(t);
    const items2 = readerItems(m, 'a2', 'all', 'army', f2.screen === 'reader' ? f2.pin : undefined);
    const it2 = items2[f2.cursor]!;
    expect(it2.kind === 'sentence' && text.slice(it2.span.start, it2.span.end)).toBe('“We will send hundreds more\u0007 instructors,” he told reporters.');
  });
});

describe('mentions, legends, unsourced flags', () => {
  const body = (s: AppState) => screenOf(model, s).lines.map(plainText);

  test('enter on an actor lists its mentions; enter on a mention opens the reader there', () => {
    const s = press(start(), ['tab', 'tab', 'enter']);
    expect(top(s)).toEqual({ screen: 'mentions', of: 'actor', id: 'russia', cursor: 0 });
    expect(screenOf(model, s).title).toBe('Russia: mentions');
    expect(body(s)).toEqual([
      '2 mentions · enter: open the article there',
      '',
      'Daily Bugle',
      '  › Russian instructors arrived in Ouagadougou on Monday.',
      '',
      'Sahel Wire',
      '    Russian military instructors landed in Ouagadougou on Monday, the army said.',
    ]);
    expect(top(press(s, ['enter']))).toMatchObject({ screen: 'reader', id: 'a1', pin: model.report.articles[0]!.text.indexOf('Russian') });
  });

  test('enter on an outlet in Sources lists its attributions with source and cue', () => {
    const s = press(start(), ['tab', 'tab', 'tab', 'j', 'enter']);
    expect(top(s)).toEqual({ screen: 'mentions', of: 'source', id: 'a2', cursor: 0 });
    expect(body(s)).toEqual([
      '1 attribution · enter: open the article there',
      '',
      'Sahel Wire',
      '  › official · Burkinabe army — “said”: Russian military instructors landed in',
      '    Ouagadougou on Monday, the army said.',
    ]);
  });

  test('the event legend names a colour only when colours are on; without them the marks are text', () => {
    const event = (colour: boolean) => press({ ...start(), colour, width: 120 }, ['tab', 'enter']);
    const plain = body(event(false)).join('\n');
    const coloured = body(event(true)).join('\n');
    expect(plain).toContain('{+word+}: only this outlet has it (content words) · [brackets]: loaded terms · ⚑ unsourced sentence');
    expect(plain).not.toMatch(/green|colou?red|yellow|magenta/);
    expect(plain).toContain('Russian instructors {+arrived+} in Ouagadougou');
    expect(coloured).toContain('green words: only this outlet has them (content words) · [brackets]: loaded terms · ⚑ unsourced sentence');
    expect(coloured).not.toContain('{+');
  });
});
