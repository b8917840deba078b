/**
 * Event alignment on the bundled corpus: exact mention spans computed from the corpus files.
 * Does not need ../shared/datasets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedArticle, Event } from '../../src/core/types.js';
import { prepareArticle } from '../../src/pipeline.js';
import { alignArticles, buildModel, DEFAULT_ALIGN_OPTIONS, type Alignment } from '../../src/align/index.js';
import { isoDay, loadTimeLexicon, timesConflict } from '../../src/align/time.js';
import { analyseArticles } from '../../src/pipeline.js';
import { loadLexicons, type Lexicons } from '../../src/lexicons/index.js';
import { loadBundledGold, scoreBundled } from '../../src/eval/bundled-gold.js';

const CORPUS = resolve(__dirname, '../../corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const text = (i: number) => readFileSync(join(CORPUS, FILES[i]!), 'utf8').replace(/^\uFEFF/, '');

/** The span of `snippet` in article `i` (must occur once). */
function span(i: number, snippet: string): { article: string; start: number; end: number } {
  const t = text(i);
  const start = t.indexOf(snippet);
  expect(start, snippet).toBeGreaterThanOrEqual(0);
  expect(t.indexOf(snippet, start + 1), `${snippet} occurs once`).toBe(-1);
  return { article: `a${i + 1}`, start, end: start + snippet.length };
}

const has = (e: Event, m: { article: string; start: number; end: number }) =>
  e.mentions.some((x) => x.article === m.article && x.start === m.start && x.end === m.end);
const eventWith = (al: Alignment, m: { article: string; start: number; end: number }) => al.events.filter((e) => has(e, m));
/** Events with a mention that starts at or before `m` and runs past its start (`m` may be a sentence's opening words). */
const over = (al: Alignment, m: { article: string; start: number }) =>
  al.events.filter((e) => e.mentions.some((x) => x.article === m.article && x.start <= m.start && x.end > m.start));

let articles: AnalysedArticle[];
let alignment: Alignment;
let lexicons: Lexicons;

/** The link between the mentions `x` and `y` of event `e`. */
const linkOf = (e: Event, x: { start: number; article: string }, y: { start: number; article: string }) =>
  e.links.find((l) => {
    const ms = [e.mentions[l.a]!, e.mentions[l.b]!];
    return ms.some((m) => m.article === x.article && m.start === x.start) && ms.some((m) => m.article === y.article && m.start === y.start);
  });

beforeAll(() => {
  articles = FILES.map((f, i) => {
    const a = prepareArticle(join(CORPUS, f));
    a.id = `a${i + 1}`;
    return a;
  });
  lexicons = loadLexicons();
  alignment = alignArticles(articles, [], lexicons);
});

describe('bundled corpus alignment', () => {
  it('aligns the "remaining pockets of terrorism" quotation in its two wordings, with a word diff', () => {
    const a1 = span(
      0,
      '“I have no doubt that, thanks to this cooperation, the remaining pockets of terrorism in Burkina Faso will be destroyed”, reassured Mr. Lavrov.',
    );
    // The quotation and its frame ("he told a press conference in …") are two units (units.ts): the quotation aligns.
    const a2 = span(
      1,
      '”I have no doubt that thanks to this cooperation, the remaining pockets of terrorism on the territory of Burkina Faso will be destroyed,”',
    );
    const shared = eventWith(alignment, a1).filter((e) => has(e, a2));
    expect(shared.length).toBeGreaterThanOrEqual(1);
    const reuse = alignment.events.flatMap((e) => e.quoteReuse ?? []).find((r) => r.variants.some((v) => v.text.includes('remaining pockets')));
    expect(reuse).toBeDefined();
    const q1 = span(0, '“I have no doubt that, thanks to this cooperation, the remaining pockets of terrorism in Burkina Faso will be destroyed”');
    expect(reuse!.variants.map((v) => [v.article, v.start, v.end])).toEqual([
      ['a1', q1.start, q1.end],
      [
        'a2',
        a2.start,
        a2.start +
          '”I have no doubt that thanks to this cooperation, the remaining pockets of terrorism on the territory of Burkina Faso will be destroyed,”'.length,
      ],
    ]);
    const changes = reuse!.diff.filter((p) => p.op !== 'same').map((p) => `${p.op === 'added' ? '+' : '-'}${p.text.trim()}`);
    expect(changes).toEqual(['-,', '-in', '+on', '+the territory of', '+,']);
    expect(
      reuse!.diff
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('I have no doubt that, thanks to this cooperation, the remaining pockets of terrorism in Burkina Faso will be destroyed');
    expect(reuse!.similarity).toBe(1);
  });

  it('aligns Lavrov’s announcement of more instructors across the translated quotation', () => {
    const a1 = span(0, '“We are going to increase the number of instructors working here and helping you train your specialists,”');
    const a2 = span(1, '“Russian instructors have been working here and their number will increase,”');
    const e = eventWith(alignment, a1).find((x) => has(x, a2));
    expect(e).toBeDefined();
    const link = (e!.links as { a: number; b: number; shared: string[]; quotation?: number }[]).find((l) => {
      const ms = [e!.mentions[l.a]!, e!.mentions[l.b]!];
      return ms.some((m) => m.start === a1.start) && ms.some((m) => m.start === a2.start);
    });
    expect(link?.shared).toEqual(expect.arrayContaining(['increas', 'instructor', 'number', 'work']));
    expect(link?.quotation).toBe(0.8);
  });

  it('aligns the frames of two quotations: the press conference in Ouagadougou, told apart from what was said there', () => {
    const a1 = span(0, 'Lavrov said at a joint press conference with his Burkinabe counterpart on June 5, 2024 in Ouagadougou.');
    const a2 = span(1, 'he told a press conference in the capital Ouagadougou.');
    const e = eventWith(alignment, a1).find((x) => has(x, a2));
    expect(e, 'one event holds both frames').toBeDefined();
    const link = linkOf(e!, a1, a2)!;
    expect(link.shared).toEqual(expect.arrayContaining(['confer', 'ouagadoug', 'press']));
    expect(link.predicate).toMatchObject({ how: 'stem' });
    // The frame is not in the quotation's event: the statement and the occasion are two happenings.
    const quote = span(
      1,
      '”I have no doubt that thanks to this cooperation, the remaining pockets of terrorism on the territory of Burkina Faso will be destroyed,”',
    );
    expect(eventWith(alignment, quote).filter((x) => has(x, a2))).toEqual([]);
  });

  it('keeps single-article events alone: the bauxite talks and the French-forces accusation', () => {
    const bauxite = span(
      1,
      'Separately, on Wednesday, the RIA news agency revealed that negotiations for a bauxite mining concession are underway between the government of Sierra Leone and Russian aluminum company Rusal.',
    );
    const french = span(
      0,
      'This is an area threatened by the filtration of armed groups from Benin, where they are trained by French forces stationed in the northern part of the country, in Kandi to be precise.',
    );
    for (const m of [bauxite, french]) {
      const events = eventWith(alignment, m);
      expect(events.map((e) => e.articles)).toEqual([[m.article]]);
    }
  });

  it('lists multi-article events each article leaves out', () => {
    const multi = alignment.events.filter((e) => e.articles.length > 1);
    for (const id of ['a1', 'a2', 'a3']) {
      expect(alignment.omissions[id]).toEqual(multi.filter((e) => !e.articles.includes(id)).map((e) => e.id));
    }
  });

  it('gives every mention as an exact slice of its file, outside boilerplate', () => {
    for (const e of alignment.events) {
      for (const m of e.mentions) {
        const i = Number(m.article.slice(1)) - 1;
        expect(text(i).slice(m.start, m.end)).toBe(m.text);
        expect(articles[i]!.boilerplate.some((b) => b.start < m.end && b.end > m.start)).toBe(false);
      }
    }
  });

  it('aligns the death of Wagner’s founder told in other words (perished / death, creator / founder)', () => {
    const nv = span(1, 'The creator Yevgeny Prigozhin perished in an aircraft crash in August of last year.');
    // The clause after ", as" is a unit of its own (the sentence's first clause is the Africa Corps' arrival).
    const sf = span(2, "as Moscow tightens its grip on Wagner's business operations in Africa following the death of the group's founder, Yevgeny Prigozhin.");
    const e = eventWith(alignment, nv).find((x) => has(x, sf));
    expect(e, 'one event holds both').toBeDefined();
    const link = linkOf(e!, nv, sf)!;
    expect(link.shared).toEqual(expect.arrayContaining(['@prigozhin', 'prigozhin', '~die', '~founder']));
    expect(link.entities).toEqual(expect.arrayContaining(['@prigozhin']));
    expect(link.entityScore).toBeGreaterThan(0);
    // Every part of the score is on the link: score = cosine + entity score (no figure, no quotation here).
    expect(link.figures).toBeUndefined();
    expect(link.quotation).toBeUndefined();
    expect(link.score).toBeCloseTo(link.cosine + link.entityScore!, 3);
  });

  it('keeps the June 2024 visit and pledge apart from the April 2025 agreement: their times are months apart', () => {
    const agreement = span(
      2,
      'The agreement, announced by Russian Foreign Minister Sergei Lavrov, will see Moscow provide arms and military training to the joint force, leveraging its existing military instructors in the three West African nations.',
    );
    // The quotation takes the date its frame gives ("…,” Lavrov said … on June 5, 2024").
    const pledge = span(0, '“We are going to increase the number of instructors working here and helping you train your specialists,”');
    const trip = span(0, 'The trip included meetings with several African leaders');
    for (const m of [pledge, trip]) expect(eventWith(alignment, agreement).filter((e) => eventWith(alignment, m).includes(e))).toEqual([]);
    const model = buildModel(articles, lexicons, DEFAULT_ALIGN_OPTIONS);
    const at = (m: { article: string; start: number }) => model.units.findIndex((u) => u.article === m.article && u.start <= m.start && u.end > m.start);
    const [ta, tp] = [model.times[at(agreement)]!, model.times[at(pledge)]!];
    // Starfolk is dated 2025-04-03 and gives the agreement no date: the past tense places it in the 90 days before.
    expect([isoDay(ta.from), isoDay(ta.to), ta.source, ta.text]).toEqual(['2025-01-03', '2025-04-03', 'tense', 'announced']);
    expect([isoDay(tp.from), isoDay(tp.to), tp.source, tp.text]).toEqual(['2024-06-05', '2024-06-05', 'date', 'June 5, 2024']);
    expect(timesConflict(ta, tp, loadTimeLexicon().slack)).toBe(true);
  });

  it('reads "since": a state from a date up to the article date, and "since then" back to a time told before', () => {
    const model = buildModel(articles, lexicons, DEFAULT_ALIGN_OPTIONS);
    const at = (m: { article: string; start: number }) =>
      model.times[model.units.findIndex((u) => u.article === m.article && u.start <= m.start && u.end > m.start)]!;
    const base = at(span(1, 'Since a military coup in 2022, Burkina Faso has served as a base for Wagner mercenary forces.'));
    expect([isoDay(base.from), isoDay(base.to), base.source, base.text]).toEqual(['2022-01-01', '2024-06-21', 'date', '2022']);
    const replaced = at(span(2, 'Since then, some of these personnel have been replaced by troops from the Africa Corps'));
    expect([Number.isFinite(replaced.from), isoDay(replaced.to), replaced.source, replaced.text]).toEqual([false, '2025-04-03', 'relative', 'Since then']);
    // So the Africa Corps's first instructors (January 2024) and its troops replacing Wagner's are not kept apart by time.
    const arrival = at(span(0, 'As a reminder, on January 24, 2024, the first military instructors from Africa Corps'));
    expect(timesConflict(arrival, replaced, loadTimeLexicon().slack)).toBe(false);
  });

  it('explains each link: the shared predicate and how it matched, and when each mention happened', () => {
    const perished = span(1, 'The creator Yevgeny Prigozhin perished in an aircraft crash in August of last year.');
    const death = span(2, "following the death of the group's founder, Yevgeny Prigozhin");
    const e = eventWith(alignment, perished)[0]!;
    expect(e.articles).toEqual(['a2', 'a3']);
    const l = e.links[0]!;
    expect(e.mentions[l.b]!.article).toBe(death.article);
    expect(l.predicate).toEqual({ a: 'creator', b: 'founder', how: 'set', similarity: 1 });
    expect(l.times).toEqual(['2023-08-01…2023-08-31 (August)', '…2025-04-03 ("tightens" and the article date)']);
    expect(l.entities).toEqual(expect.arrayContaining(['@prigozhin']));
  });

  it('does not make an event of sentences that share only names or a topic word', () => {
    // The Alliance's defence cooperation (June 2024) and the joint force's founding pact (2023) share Mali, Niger, Burkina Faso and "defense".
    const alliance = span(0, 'It should be noted that all countries of Alliance of Sahel States are developing fruitful defense cooperation with Russia.');
    const pact = span(
      2,
      'The joint force was established in 2023, with Mali, Niger, and Burkina Faso signing a mutual defense pact to combat groups linked to both the Islamic State and al-Qaeda.',
    );
    const attacks = span(1, 'It has focused on responding to attacks by affiliates of Al-Qaeda and the Islamic State group.');
    expect(eventWith(alignment, alliance).filter((e) => has(e, pact))).toEqual([]);
    expect(eventWith(alignment, attacks).filter((e) => has(e, pact))).toEqual([]);
  });

  it('does not anchor on a state: the French-forces accusation and the bauxite talks stand alone', () => {
    const french = span(
      0,
      'This is an area threatened by the filtration of armed groups from Benin, where they are trained by French forces stationed in the northern part of the country, in Kandi to be precise.',
    );
    const bauxite = span(
      1,
      'Separately, on Wednesday, the RIA news agency revealed that negotiations for a bauxite mining concession are underway between the government of Sierra Leone and Russian aluminum company Rusal.',
    );
    for (const m of [french, bauxite]) {
      const es = eventWith(alignment, m);
      expect(es.length).toBe(1);
      expect(es[0]!.articles).toEqual([m.article]);
    }
  });

  it('puts no two different happenings in one event: every cross-article pair it makes is a gold pair', () => {
    const s = scoreBundled(alignment.events, loadBundledGold());
    expect(s.wrong.map(([x, y]) => `${x.snippet.slice(0, 40)} ~ ${y.snippet.slice(0, 40)}`)).toEqual([]);
    // The events that join two happenings' parts (the trip and the pledge made on it) are gold pairs too.
    expect(s.tp).toBeGreaterThanOrEqual(22);
  });

  it('does not join a sentence to an event by the countries it lists: the Western concern stays out of the Wagner event', () => {
    const deploying = span(2, 'The Kremlin-linked Wagner Group began deploying to Mali in 2021');
    const concern = span(1, 'The U.S. and other Western governments are concerned about growing Rus');
    const wagner = over(alignment, deploying).filter((e) => e.articles.length > 1);
    expect(wagner.length).toBeGreaterThan(0);
    for (const e of wagner) expect(over(alignment, concern)).not.toContain(e);
    // Counting the pairs that share only Mali, Burkina Faso and Niger by name (besides the word "link"),
    // the concern enters the event: two happenings in one event.
    const counted = alignArticles(articles, [], lexicons, { places: 0 });
    const joined = over(counted, deploying).filter((e) => e.articles.length > 1 && over(counted, concern).includes(e));
    expect(joined.length).toBeGreaterThan(0);
    expect(DEFAULT_ALIGN_OPTIONS.places).toBe(0.8);
  });

  it('joins a press conference to the visit it was held on: one day the text names and one participant', () => {
    const trip = span(0, 'The trip included meetings with several African leaders');
    const told = span(1, 'he told a press conference in the capital Ouagadougou.');
    const contacts = span(1, '”From the very first contacts between our countries');
    const e = over(alignment, trip).find((x) => over(alignment, told).includes(x));
    expect(e, 'one event holds the trip and the press conference').toBeDefined();
    expect(over(alignment, contacts)).toContain(e);
    // The other quotation of that press conference keeps its own event (see below).
    expect(over(alignment, span(0, '“I have no doubt that, thanks to this cooperation'))).not.toContain(e);
  });

  it('adds a headline to an event in a three-article set when it matches two of its members in another article', () => {
    // The title is also in the front matter: the body's copy (the second) is the unit.
    const title = 'Burkina Faso To Receive Further Russian Military Assistance and Instructors';
    const start = text(1).indexOf(title, text(1).indexOf(title) + 1);
    expect(start).toBeGreaterThan(0);
    const headline = { article: 'a2', start, end: start + title.length };
    const tour = span(0, 'The trip included meetings with several African leaders');
    const e = over(alignment, headline).filter((x) => over(alignment, tour).includes(x));
    expect(e.length).toBe(1);
    // It came in by its mean score, not by a link of its own.
    const at = e[0]!.mentions.findIndex((m) => m.article === headline.article && m.start <= headline.start && m.end > headline.start);
    expect(e[0]!.links.filter((l) => l.a === at || l.b === at)).toEqual([]);
  });

  it('reads a bare quotation after a quoted sentence as the same speaker going on', () => {
    const increase = span(0, '“We are going to increase the number of instructors working here');
    const supply = span(1, '“We have supplied and will continue to supply military equipment');
    expect(over(alignment, increase).filter((e) => over(alignment, supply).includes(e)).length).toBe(1);
  });

  it('anchors one happening told in other words on an organisation, below the plain link score', () => {
    const niger = span(0, 'Speaking of Niger, where an Africa Corps unit has also been deployed since April');
    const replaced = span(2, 'Since then, some of these personnel have been replaced by troops from the Africa Corps');
    const e = over(alignment, niger).find((x) => over(alignment, replaced).includes(x));
    expect(e, 'one event holds both').toBeDefined();
    const link = linkOf(e!, niger, replaced)!;
    expect(link.anchor).toBe('@africa-corps');
    expect(link.predicate).toMatchObject({ a: 'unit', b: 'personnel', how: 'vector' });
    expect(link.score).toBeLessThan(DEFAULT_ALIGN_OPTIONS.merge);
  });

  it('compares figures only of one quantity: no conflict joins two different quantities', () => {
    // Over the real events: each figure of a conflict counts or dates the conflict's quantity.
    let figures = 0;
    for (const e of alignment.events) {
      const numbers = (e.numbers ?? []) as { article: string; start: number; quantity?: string }[];
      for (const c of (e['conflicts'] ?? []) as { quantity: string; figures: { article: string; start: number }[] }[]) {
        for (const f of c.figures) {
          expect(numbers.find((n) => n.article === f.article && n.start === f.start)?.quantity).toBe(c.quantity);
          figures++;
        }
      }
    }
    // An event with a coup year and a deployment year (the Wagner base since 2022 and the 2021 deployment) has no conflict.
    const wagner = alignment.events.filter((e) => ((e.numbers ?? []) as { quantity?: string }[]).some((n) => n.quantity === 'coup'));
    for (const e of wagner) expect(((e['conflicts'] ?? []) as { quantity: string }[]).filter((c) => c.quantity === 'coup')).toEqual([]);
    expect(figures + wagner.length).toBeGreaterThan(0);
  });

  it('keeps the two Lavrov quotations of one press conference apart', () => {
    const instructors = span(0, '“We are going to increase the number of instructors working here and helping you train your specialists,”');
    const pockets = span(
      1,
      '”I have no doubt that thanks to this cooperation, the remaining pockets of terrorism on the territory of Burkina Faso will be destroyed,”',
    );
    expect(eventWith(alignment, instructors).filter((e) => has(e, pockets))).toEqual([]);
  });

  it('labels each event from a clause boundary, subject first, cut at a word boundary', () => {
    for (const e of alignment.events) {
      expect(e.label.length, e.label).toBeLessThanOrEqual(62);
      expect(e.label).not.toMatch(/^\s|\s$|\n/);
      const body = e.label.replace(/…$/, '');
      const flatOf = (t: string) => t.replace(/\s+/g, ' ');
      // The label may capitalise the first letter of a clause that follows a fronted phrase.
      const same = (flat: string) => (flat.indexOf(body) >= 0 ? flat.indexOf(body) : flat.indexOf(body.charAt(0).toLowerCase() + body.slice(1)));
      const m = e.mentions.find((x) => same(flatOf(x.text)) >= 0);
      expect(m, e.label).toBeDefined();
      const flat = flatOf(m!.text);
      const at = same(flat);
      // Starts at the mention's start or right after a comma (a fronted phrase), never mid-clause.
      expect(at === 0 || flat.slice(0, at).endsWith(', '), e.label).toBe(true);
      expect(at + body.length === flat.length || /[^\p{L}\p{N}]/u.test(flat[at + body.length]!), e.label).toBe(true);
    }
    const label = (snippet: string, i: number) => {
      const m = span(i, snippet);
      return alignment.events.find((e) => e.mentions.some((x) => x.article === m.article && x.start <= m.start && x.end > m.start))!.label;
    };
    expect(label('As a reminder, on January 24, 2024, the first military instructors from Africa Corps', 0)).toBe(
      'The first military instructors from Africa Corps, a structure…',
    );
    // Wagner's deployment (a3) is the event's most central sentence since it joined (round 12).
    expect(label('Since a military coup in 2022, Burkina Faso has served as a base for Wagner mercenary forces.', 1)).toBe(
      'The Kremlin-linked Wagner Group began deploying to Mali in…',
    );
    expect(label('This increase in the number of Russian specialists is due to the fact that Burkina Faso has been facing violence', 0)).toMatch(
      /^This increase in the number of Russian specialists/,
    );
  });

  it('gives each variant of a reused quotation its intro (cue and source) on the real pipeline output', () => {
    const report = analyseArticles(
      FILES.map((f) => prepareArticle(join(CORPUS, f))),
      lexicons,
    );
    const reuse = report.events.flatMap((e) => e.quoteReuse ?? []).find((r) => r.variants.some((v) => v.text.includes('remaining pockets')));
    expect(reuse).toBeDefined();
    const byArticle = new Map(reuse!.variants.map((v) => [v.article, v]));
    const lavrov = byArticle.get('a1')!.intro!;
    const cue1 = span(0, 'reassured Mr. Lavrov');
    expect(lavrov.cue).toEqual({ start: cue1.start, end: cue1.start + 'reassured'.length, text: 'reassured', neutral: false });
    expect(lavrov.source).toEqual({ start: cue1.start + 'reassured '.length, end: cue1.end, text: 'Mr. Lavrov' });
    const newsvoice = byArticle.get('a2')!.intro!;
    const told = span(1, 'he told a press conference in the capital Ouagadougou');
    expect(newsvoice.source).toEqual({ start: told.start, end: told.start + 2, text: 'he' });
    expect(newsvoice.cue.start).toBe(told.start + 3);
    expect(newsvoice.cue.text).toMatch(/^told\b/);
    expect(newsvoice.cue.neutral).toBe(true);
  });

  it('does not depend on the order of the input articles', () => {
    const reversed = alignArticles([...articles].reverse(), [], lexicons);
    const rotated = alignArticles([articles[1]!, articles[2]!, articles[0]!], [], lexicons);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(alignment));
    expect(JSON.stringify(rotated)).toBe(JSON.stringify(alignment));
    expect(alignment.events.map((e) => e.id)).toEqual(alignment.events.map((_, k) => `e${k + 1}`));
  });
});
