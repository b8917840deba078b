import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../src/core/types.js';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findMarkers, markerScores, type LoadedDraft } from '../../src/analyses/markers.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { prepareArticle } from '../../src/pipeline.js';
import { auditArticlePath, auditFindings } from '../../src/eval/audit.js';
import { DATASETS, HAS_DATASETS, analysedArticle } from '../helpers.js';

const corpus = (name: string) => resolve(__dirname, '../../corpus', name);
const lex = loadLexicons();
const NEWSVOICE = corpus('newsvoice-2024-06-21-burkina-faso-russian-assistance.md');
const LAVROV = corpus('lavrov-african-tour.md');
const STARFOLK = corpus('starfolk-2025-04-03-russia-military-influence-west-africa.md');

const pick = (f: LoadedDraft) => ({ start: f.start, end: f.end, text: f.text, category: f.category, rule: f.rule });

describe('markers on the bundled corpus', () => {
  let news: AnalysedArticle;
  let lavrov: AnalysedArticle;
  let star: AnalysedArticle;
  let found: Map<AnalysedArticle, LoadedDraft[]>;
  beforeAll(() => {
    news = prepareArticle(NEWSVOICE);
    lavrov = prepareArticle(LAVROV);
    star = prepareArticle(STARFOLK);
    found = new Map([news, lavrov, star].map((a) => [a, findMarkers(a, lex)]));
  });
  const at = (a: AnalysedArticle, start: number) =>
    found
      .get(a)!
      .filter((f) => f.start === start)
      .map(pick);

  it('"mercenary" in Newsvoice is a label with its note and alternative', () => {
    const [f] = found.get(news)!.filter((x) => x.start === 1264);
    expect(f && pick(f)).toEqual({ start: 1264, end: 1273, text: 'mercenary', category: 'label', rule: 'lexicon:loaded-labels/mercenary' });
    expect(f?.weight).toBe(2);
    expect(f?.alternative).toBe('private military contractors');
    expect(f?.explanation).toMatch(/term of contempt/);
    expect(news.text.slice(1264, 1273)).toBe('mercenary');
  });

  it('"special operation" is a euphemism, "”multipolar world”" a scare quote', () => {
    expect(at(news, 3157)).toEqual([
      { start: 3157, end: 3174, text: 'special operation', category: 'euphemism', rule: 'lexicon:euphemisms/special-operation' },
    ]);
    expect(at(news, 3050)).toEqual([{ start: 3050, end: 3068, text: '”multipolar world”', category: 'scare-quotes', rule: 'rule:scare-quotes' }]);
  });

  it('"the President of Burkina Faso’s transition" is an official title, no euphemism (issue #14); "reassured" a loaded reporting verb', () => {
    expect(at(lavrov, 518)).toEqual([]);
    const phrase = 'the President of Burkina Faso’s transition';
    expect(lavrov.text.slice(531 - phrase.length, 531)).toBe(phrase);
    expect(at(lavrov, 1475)).toEqual([{ start: 1475, end: 1484, text: 'reassured', category: 'reporting-verb', rule: 'lexicon:reporting-verbs/reassure' }]);
    expect(at(lavrov, 1498)).toEqual([
      { start: 1498, end: 1516, text: 'It should be noted', category: 'editorializing', rule: 'lexicon:editorializing/it-should-be-noted' },
    ]);
  });

  it('Starfolk: "hailed", the scare-quoted "terrorism.", "is seen as", "it remains to be seen", "mercenaries"', () => {
    expect(at(star, 1844)).toEqual([{ start: 1844, end: 1850, text: 'hailed', category: 'reporting-verb', rule: 'lexicon:reporting-verbs/hail' }]);
    expect(at(star, 1908)).toEqual([{ start: 1908, end: 1920, text: '"terrorism."', category: 'scare-quotes', rule: 'rule:scare-quotes' }]);
    expect(at(star, 650)).toEqual([{ start: 650, end: 660, text: 'is seen as', category: 'agentless-evaluation', rule: 'rule:agentless-evaluation' }]);
    expect(at(star, 2758)).toEqual([
      { start: 2758, end: 2779, text: 'it remains to be seen', category: 'agentless-evaluation', rule: 'lexicon:agentless-evaluations/remains-to-be-seen' },
    ]);
    expect(at(star, 1231)).toEqual([{ start: 1231, end: 1242, text: 'mercenaries', category: 'label', rule: 'lexicon:loaded-labels/mercenary' }]);
  });

  it('names, titles, places, quotations and plain descriptions are not flagged', () => {
    const quiet = [
      [star, 'Islamic State'],
      [star, 'Armed Conflict Location & Event Data Project'],
      [lavrov, 'Alliance of Sahel States'],
      [lavrov, 'National council for the protection of the homeland'],
      [lavrov, 'armed groups'],
      [news, 'Volunteers for the Defence of the Fatherland'],
      [news, 'military coup'],
      [news, 'Burkina Faso'],
      [news, 'remaining pockets of terrorism'], // inside Lavrov's quotation
      [news, '“objective and fair”'], // a partial quotation after "Lavrov said he appreciated the"
    ] as const;
    for (const [a, phrase] of quiet) {
      const s = a.text.indexOf(phrase);
      expect(s, phrase).toBeGreaterThan(0);
      const hits = found.get(a)!.filter((f) => f.start < s + phrase.length && s < f.end);
      expect(
        hits.map((f) => f.text),
        phrase,
      ).toEqual([]);
    }
  });

  it('Starfolk: "fueled" is a fire metaphor; "is also seen as" an agentless evaluation', () => {
    expect(at(star, 1070)).toEqual([{ start: 1070, end: 1076, text: 'fueled', category: 'metaphor', rule: 'lexicon:metaphors/fuel' }]);
    expect(at(star, 1937)).toEqual([{ start: 1937, end: 1952, text: 'is also seen as', category: 'agentless-evaluation', rule: 'rule:agentless-evaluation' }]);
    expect(star.text.slice(1070, 1076)).toBe('fueled');
  });

  it('every finding slices back to its text and carries a rule and an explanation', () => {
    for (const [a, fs] of found) {
      for (const f of fs) {
        expect(a.text.slice(f.start, f.end)).toBe(f.text);
        expect(f.rule).toMatch(/^(lexicon:[^/]+\/.+|rule:[a-z-]+)$/);
        expect(f.explanation.length).toBeGreaterThan(20);
      }
    }
  });

  it('--disable removes a category and its rule', () => {
    const off = loadLexicons({ disable: ['scare-quotes', 'label'] });
    const fs = findMarkers(star, off);
    expect(fs.some((f) => f.category === 'scare-quotes' || f.category === 'label')).toBe(false);
    expect(fs.some((f) => f.category === 'reporting-verb')).toBe(true);
  });
});

describe('rules on small texts', () => {
  const run = (text: string) => {
    const article = analysedArticle(text, {}, 'x.txt');
    return findMarkers(article, lex).map((f) => [f.category, f.text]);
  };

  it('scare quotes vs attributed quotations', () => {
    expect(run('Police used “reasonable force” in the square.')).toEqual([['scare-quotes', '“reasonable force”']]);
    expect(run('The government promised a “reform” of the police.')).toEqual([]); // the government's word
    expect(run('The minister called the plan “a disgrace”.')).toEqual([]);
    expect(run('“Nonsense,” she said.')).toEqual([]);
    expect(run('They watched "Star Wars" again.')).toEqual([]);
  });

  it('agentless evaluations need no "by" agent', () => {
    expect(run('The deal is widely regarded as a success.')).toEqual([['agentless-evaluation', 'is widely regarded as']]);
    expect(run('The deal is regarded by economists as a success.')).toEqual([]);
  });

  it('a loaded word inside a name does not fire, outside it does', () => {
    expect(run('He joined the Sacred Heart Regime Society last year.')).toEqual([]);
    expect(run('He served the regime for years.')).toEqual([['label', 'regime']]);
  });
});

describe('context rules and new entries on small texts', () => {
  const run = (text: string) => {
    const article = analysedArticle(text, {}, 'x.txt');
    return findMarkers(article, lex).map((f) => [f.category, f.text, f.start, f.end]);
  };

  it('a metaphor word next to a literal collocate does not fire (lexicon field "literal")', () => {
    expect(run('Heavy rain flooded the river valley.')).toEqual([]);
    expect(run('Officials warned of floods.')).toEqual([]);
    expect(run('Calls flooded the switchboard.')).toEqual([['metaphor', 'flooded the', 6, 17]]);
    expect(run('Fuel prices rose again in May.')).toEqual([]);
    expect(run('The speech fuelled anger in the capital.')).toEqual([['metaphor', 'fuelled', 11, 18]]);
    expect(run('The bill would eliminate the tax on tips.')).toEqual([]);
    expect(run('Troops neutralised 30 fighters.')).toEqual([['euphemism', 'neutralised', 7, 18]]);
    expect(run('Toxic waste was found near the river.')).toEqual([]);
    expect(run('The toxic debate split the party.')).toEqual([['emotive', 'toxic', 4, 9]]);
  });

  it('scare quotes: partial quotations of speech and mentioned terms are not scare quotes', () => {
    expect(run('He said the plan was “not enough”.')).toEqual([]);
    expect(run('The word “junta” appears in the decree.')).toEqual([]);
    expect(run('Police used “reasonable force” in the square.')).toEqual([['scare-quotes', '“reasonable force”', 12, 30]]);
  });

  it('agentless evaluation needs "as" or "to"; literal seeing and progressives do not count', () => {
    expect(run('He can be seen on the video.')).toEqual([]);
    expect(run('He is considering a run for mayor.')).toEqual([]);
    expect(run('The deal was seen as a success.')).toEqual([['agentless-evaluation', 'was seen as', 9, 20]]);
  });

  it('reporting verbs: standard news verbs and literal "claim" give no loaded finding', () => {
    expect(run('Officials warned that prices would rise.')).toEqual([]);
    expect(run('The fires claimed 24 lives.')).toEqual([]);
    expect(run('He claimed the vote was rigged.')).toEqual([
      ['reporting-verb', 'claimed', 3, 10],
      ['evaluative', 'rigged', 24, 30],
    ]);
  });

  it('subjective verbs and adverbs from lexicons/subjective.yml', () => {
    expect(run('The senator railed against the new rules.')).toEqual([['emotive', 'railed against', 12, 26]]);
    expect(run('Republicans torpedoed the bill.')).toEqual([['metaphor', 'torpedoed', 12, 21]]);
    expect(run('The fire gutted the house.')).toEqual([]);
    expect(run('He was wrongly convicted in 1998.')).toEqual([]);
    expect(run('He falsely claimed the vote was rigged.')[0]).toEqual(['editorializing', 'falsely', 3, 10]);
  });

  it('plain quantity words are no longer scored', () => {
    expect(run('The report made a significant difference.')).toEqual([]);
    expect(run('A surge in applications followed.')).toEqual([]);
  });
});

describe('markerScores', () => {
  it('is reproducible from the findings', () => {
    const a = { id: 'a1', tokens: new Array(500).fill(null) } as unknown as AnalysedArticle;
    const base = {
      article: 'a1',
      kind: 'loaded' as const,
      lexicon: 'l',
      entry: 'e',
      rule: 'r',
      explanation: 'x',
      text: 't',
      start: 0,
      end: 1,
      confidence: 0.9,
      calibration: 'loaded',
    };
    const findings = [
      { ...base, id: 'f1', category: 'label', weight: 2 },
      { ...base, id: 'f2', category: 'label', weight: 3 },
      { ...base, id: 'f3', category: 'hedge', weight: 1 },
      { ...base, id: 'f4', article: 'a2', category: 'hedge', weight: 1 },
    ];
    expect(markerScores(a, findings, [{ id: 'russia', articles: { a1: { tone: -0.123456 } } }])).toEqual({
      markersPer1k: { hedge: 2, label: 4 },
      loadedCount: 3,
      load: 6,
      loadPer1k: 12,
      actorTone: { russia: -0.1235 },
    });
  });
});

/** Findings of one made-up sentence (every example below is written for this test, not taken from evaluation text). */
function loadedIn(text: string): { start: number; end: number; text: string; rule: string }[] {
  const article = analysedArticle(text, {}, 't.txt');
  return findMarkers(article, lex).map((f) => ({ start: f.start, end: f.end, text: f.text, rule: f.rule }));
}

/** The loaded findings of an audited article (a dataset reference), as "start-end text". */
const loadedAt = (ref: string) =>
  auditFindings(auditArticlePath(ref, '/tmp', DATASETS), lex)
    .findings.filter((f) => f.kind === 'loaded')
    .map((f) => `${f.start}-${f.end} ${f.text}`);

describe('loaded error classes of issue #14', () => {
  it('words quoted from a speaker named in the same sentence are not scare quotes', () => {
    expect(loadedIn('Senator Park attacked Lee, whom she called a "reckless gambler" in a speech.')).toEqual([]);
    expect(loadedIn('He called the rival proposal "unfair" and "inaccurate."')).toEqual([]);
    expect(loadedIn('The spokeswoman described the advert as "dishonest," citing the budget.')).toEqual([]);
    // No speaker in the sentence: the outlet's own distance.
    expect(loadedIn('The reform brings "savings" for families.')).toEqual([{ start: 18, end: 27, text: '"savings"', rule: 'rule:scare-quotes' }]);
  });

  it('literal uses and "notably" (in particular) are not loaded', () => {
    expect(loadedIn('A broken pipe was spewing water onto the road.')).toEqual([]);
    expect(loadedIn('Drivers slid on icy streets after midnight.')).toEqual([]);
    expect(loadedIn('Notably, the bill passed the House on Friday.')).toEqual([]);
    expect(loadedIn('The volcano erupted at dawn.')).toEqual([]);
    expect(loadedIn('The village lies in an area threatened by raids.')).toEqual([]);
    expect(loadedIn('The candidate refused to concede the race.')).toEqual([]);
    expect(loadedIn('He threatened to sue the paper.')).toEqual([{ start: 3, end: 13, text: 'threatened', rule: 'lexicon:reporting-verbs/threaten' }]);
    expect(loadedIn('She conceded that the plan had failed.')).toEqual([{ start: 4, end: 12, text: 'conceded', rule: 'lexicon:reporting-verbs/concede' }]);
    expect(loadedIn('The senator keeps spewing lies about the vote.')).toEqual([
      { start: 18, end: 25, text: 'spewing', rule: 'lexicon:subjective/dismissive-speech' },
    ]);
    expect(loadedIn('The two leaders held an icy meeting.')).toEqual([{ start: 24, end: 27, text: 'icy', rule: 'lexicon:subjective/scathing' }]);
  });

  it('official titles are exempt: "President of the transition", "interim prime minister"', () => {
    expect(loadedIn('The envoy met the President of the transition on Monday.')).toEqual([]);
    expect(loadedIn('The interim prime minister resigned.')).toEqual([]);
    expect(loadedIn('The transitional military council postponed the vote.')).toEqual([
      { start: 4, end: 33, text: 'transitional military council', rule: 'lexicon:euphemisms/military-transition' },
    ]);
  });

  it('own-voice idioms, association labels, dramatic verbs and condemning adverbs are found', () => {
    expect(loadedIn('The mayor is in hot water after wading into the row.')).toEqual([
      { start: 13, end: 25, text: 'in hot water', rule: 'lexicon:idioms/in-trouble' },
      { start: 32, end: 43, text: 'wading into', rule: 'lexicon:idioms/wade-into' },
    ]);
    expect(loadedIn('Critics piled on after the vote.')).toEqual([{ start: 8, end: 16, text: 'piled on', rule: 'lexicon:idioms/pile-on' }]);
    expect(loadedIn('A Kremlin-linked businessman bought the paper.')).toEqual([{ start: 2, end: 16, text: 'Kremlin-linked', rule: 'rule:association-label' }]);
    expect(loadedIn('A scandal rocked the ministry.')).toEqual([{ start: 10, end: 16, text: 'rocked', rule: 'lexicon:idioms/dramatic-change' }]);
    expect(loadedIn('He infamously said the war would be short.')).toEqual([
      { start: 3, end: 13, text: 'infamously', rule: 'lexicon:idioms/condemning-adverbs' },
    ]);
    expect(loadedIn('The self-styled reformer spoke first.')).toEqual([{ start: 4, end: 15, text: 'self-styled', rule: 'lexicon:loaded-labels/so-called' }]);
  });
});

describe("the writer quoting their own earlier article speaks in the article's voice", () => {
  it('Newsvoice: loaded words of the passage quoted from "a recent article I stated" are found', () => {
    const a = prepareArticle(NEWSVOICE);
    const inPassage = findMarkers(a, lex)
      .filter((f) => f.start >= 1500 && f.start < 2300)
      .map((f) => ({ start: f.start, end: f.end, text: f.text, rule: f.rule }));
    expect(a.text.slice(1484, 1494)).toBe('Spiralling');
    expect(inPassage).toEqual([
      { start: 1565, end: 1575, text: 'spiralling', rule: 'lexicon:emotive/spiralling' },
      { start: 1609, end: 1627, text: 'interim government', rule: 'lexicon:euphemisms/military-transition' },
      { start: 1897, end: 1904, text: 'massive', rule: 'lexicon:intensifiers/huge' },
      { start: 2051, end: 2058, text: 'massive', rule: 'lexicon:intensifiers/huge' },
      { start: 2106, end: 2114, text: 'ravaging', rule: 'lexicon:emotive/ravage' },
      { start: 2279, end: 2286, text: 'immense', rule: 'lexicon:intensifiers/huge' },
    ]);
  });
});

describe("an I inside a speaker's quotation is the speaker's, not the writer quoting themselves", () => {
  it("the second half of a quotation split by its cue stays the speaker's words (PolNeAR dev pattern)", () => {
    const text = '"The reason I think they moved," Ms. Diaz said, "is simple. Sadly, the money ran out."';
    expect(loadedIn(text)).toEqual([]);
    // The writer's own I before a reporting verb still makes the passage the article's voice.
    expect(loadedIn('As I wrote last year, "Sadly, the money ran out."').map((f) => f.text)).toEqual(['Sadly']);
  });
});

describe('round 6: reported feelings, event names, plain collocations and colon introductions', () => {
  it('a feeling as the predicate of a linking verb, or after a word for its group, reports a reaction', () => {
    expect(loadedIn('Republicans were also incensed that the deals did not require it.')).toEqual([]);
    expect(loadedIn('Parents are panicking now that the first bill is due.')).toEqual([]);
    expect(loadedIn('On Saturday his tone was less anguished than before.')).toEqual([]);
    expect(loadedIn('Voters grew furious.')).toEqual([]);
    expect(loadedIn('The campaign rode a wave of populist rage.')).toEqual([]);
    // The same words elsewhere are still the outlet's choice.
    expect(loadedIn('The remarks drew a furious reaction.')).toEqual([{ start: 19, end: 26, text: 'furious', rule: 'lexicon:emotive/furious' }]);
    expect(loadedIn('The speech was full of rage.')).toEqual([{ start: 23, end: 27, text: 'rage', rule: 'lexicon:emotive/furious' }]);
  });

  it("the massacre at or in a capitalised place is the name of the event; the outlet's adjective before it stays", () => {
    expect(loadedIn('It came one month after the school massacre in Newtown, Conn., officials said.')).toEqual([]);
    expect(loadedIn('They have fought for new laws since the massacre at Sandy Hook Elementary School.')).toEqual([]);
    expect(loadedIn('The bloody massacre in Homs went on.')).toEqual([{ start: 4, end: 10, text: 'bloody', rule: 'lexicon:emotive/brutal' }]);
    expect(loadedIn('Soldiers carried out a massacre in the village.')).toEqual([{ start: 23, end: 31, text: 'massacre', rule: 'lexicon:emotive/slaughter' }]);
  });

  it('hammered home, laughter erupted and police brutality are plain', () => {
    expect(loadedIn('The ads hammered home the message in every county.')).toEqual([]);
    expect(loadedIn('A cascade of laughter and cheers erupted from the audience.')).toEqual([]);
    expect(loadedIn('Marchers raised concerns about police brutality on Tuesday.')).toEqual([]);
    expect(loadedIn('Protests erupted across the capital.')).toEqual([{ start: 9, end: 16, text: 'erupted', rule: 'lexicon:idioms/dramatic-change' }]);
  });

  it("the paragraph after a colon introduction with a reporting verb is the speaker's, unless the writer introduces their own words", () => {
    const host =
      'The host went further on Monday. Limbaugh added:\n\nShe cannot win without the media piling on her opponent. That is the message.\n\nThe debate is on Monday.';
    expect(loadedIn(host)).toEqual([]);
    const own = 'I made the case last year. As I wrote then:\n\nThe media keep piling on the mayor.';
    expect(loadedIn(own).map((f) => f.text)).toEqual(['piling on']);
  });

  it("the first part of a report split by its cue (X, he said, Y) is the speaker's; a report named at the end leaves the wording to the outlet", () => {
    const withReports = (text: string) => {
      const a = analysedArticle(text, {}, 't.txt');
      return findMarkers(a, lex, findAttributions(a, lex)).map((f) => `${f.start}-${f.end} ${f.text}`);
    };
    expect(withReports('Officials met on Monday. The plan is a disgraceful giveaway, he said, and voters know it.')).toEqual([]);
    expect(withReports('Officials met on Monday. The plan is a disgraceful giveaway, Smith said.')).toEqual(['39-50 disgraceful']);
  });

  // Judged cases of the round-6 tuning sheets (tests/fixtures/audit/loaded-*-seed113/127.yml): exact spans in the articles.
  it.skipIf(!HAS_DATASETS)('tuning articles: reported feelings, police brutality and laughter erupted are gone, a furious reaction stays', () => {
    expect(loadedAt('basil:2010/2b95d2cf-e979-4f9c-ae27-9a5370934f23_3.json')).toContain('46-53 Furious');
    expect(loadedAt('basil:2010/6f95dcb9-e960-45ac-8c0e-91b85724c909_1.json')).not.toContain('1479-1483 rage');
    expect(loadedAt('polnear:train/usa-today_2016-07-27_black-lives-matter-seeks-clinton.txt')).not.toContain('303-312 brutality');
    expect(loadedAt('polnear:train/wash-post_2016-01-07_germany-targets-a-surge-of-vitri.txt')).not.toContain('1236-1244 outraged');
    expect(loadedAt('polnear:train/west-journal_2016-02-09_trump-supporter-screams-controve.txt')).not.toContain('968-975 erupted');
  });
});

describe('round 7: literal destruction, stock terms, rehearsals, event names, feelings of a person and reported clauses', () => {
  it('a storm, flood or war ravaging or devastating a place is literal; a problem ravaging a party is not', () => {
    expect(loadedIn('Coastal towns ravaged by the hurricane are rebuilding.')).toEqual([]);
    expect(loadedIn('The floods devastated three valleys last spring.')).toEqual([]);
    expect(loadedIn('Aid reached the war-ravaged province.')).toEqual([]);
    expect(loadedIn('Infighting ravaged the party before the vote.')).toEqual([{ start: 11, end: 18, text: 'ravaged', rule: 'lexicon:emotive/ravage' }]);
  });

  it('standard terms and stock phrases are plain: mass atrocities, a mock trial, died a hero, the financial meltdown, piled on a desk', () => {
    expect(loadedIn('The treaty aims to prevent mass atrocities.')).toEqual([]);
    expect(loadedIn('Students staged a mock trial in the old courthouse.')).toEqual([]);
    expect(loadedIn('Her brother died a hero in the war.')).toEqual([]);
    expect(loadedIn('Banks failed during the financial meltdown.')).toEqual([]);
    expect(loadedIn('Unopened letters were piled on his desk.')).toEqual([]);
    expect(loadedIn('Critics mocked the plan.').map((f) => f.text)).toEqual(['mocked']);
    expect(loadedIn('Rivals piled on the senator.')).toEqual([{ start: 7, end: 15, text: 'piled on', rule: 'lexicon:idioms/pile-on' }]);
  });

  it('gloom in how someone else spoke is theirs: apocalyptic terms, a dire portrait', () => {
    expect(loadedIn('The governor described the deficit in nearly apocalyptic terms.')).toEqual([]);
    expect(loadedIn('The candidate painted a dire portrait of the economy.')).toEqual([]);
    expect(loadedIn('The party faces a bleak future.')).toEqual([{ start: 18, end: 23, text: 'bleak', rule: 'lexicon:emotive/doom' }]);
  });

  it('upend and shatter are ordinary verbs for overturning a race or a record', () => {
    expect(loadedIn('A late surge could upend the race.')).toEqual([]);
    expect(loadedIn('Ratings shattered records this year.')).toEqual([]);
  });

  it('event names: a possessive or a description of the site before the place, capitalised words and one noun before it', () => {
    expect(loadedIn('Flowers were laid for the victims of the massacre at a crowded dance hall in Lisbon.')).toEqual([]);
    expect(loadedIn("Lawmakers met again after Sunday's massacre in Lisbon.")).toEqual([]);
    expect(loadedIn('It was raised again after the Lisbon church massacre in June.')).toEqual([]);
    expect(loadedIn('Soldiers carried out a massacre in the village.')).toEqual([{ start: 23, end: 31, text: 'massacre', rule: 'lexicon:emotive/slaughter' }]);
  });

  it("a feeling adjective right before a word for a person describes the person's state", () => {
    expect(loadedIn('An anguished father spoke to reporters.')).toEqual([]);
    expect(loadedIn('The ad shows a visibly anguished man.')).toEqual([]);
    expect(loadedIn('The remarks drew a furious reaction.')).toEqual([{ start: 19, end: 26, text: 'furious', rule: 'lexicon:emotive/furious' }]);
  });

  it("the clause after a verb of saying and that, or the topic after a verb of saying and about, is the speaker's", () => {
    expect(loadedIn('The mayor said that when the council railed against the budget, it spoke for everyone.')).toEqual([]);
    expect(loadedIn('A blog writes about the problems with inflammatory ambush interviews, and argues otherwise.')).toEqual([]);
    expect(loadedIn('Promising that his next book would expose the appalling failures, the envoy said he would run.')).toEqual([]);
    expect(loadedIn('The council railed against the budget.')).toEqual([
      { start: 12, end: 26, text: 'railed against', rule: 'lexicon:subjective/attack-verbs' },
    ]);
  });

  // Judged cases of the round-7 tuning sheets (tests/fixtures/audit/loaded-*-seed139/151.yml): exact spans in the articles.
  it.skipIf(!HAS_DATASETS)('tuning articles: the judged wrong ones are gone, the judged right ones stay', () => {
    const wrong: [string, string][] = [
      ['polnear:train/huff-post_2016-03-23_how-the-democratic-elite-betraye.txt', '8963-8971 meltdown'],
      ['polnear:train/huff-post_2016-06-16_obama-families-of-gun-violence-v.txt', '1566-1574 massacre'],
      ['polnear:train/nyt_2016-07-21_amid-discord-trump-claims-nomina.txt', '1231-1235 mock'],
      ['polnear:train/usa-today_2016-02-11_what-went-wrong-for-chris-christ.txt', '935-942 ravaged'],
      ['polnear:train/usa-today_2016-08-09_khans-trump-stirs-ugliness-musli.txt', '2487-2491 hero'],
      ['polnear:train/usa-today_2016-08-09_khans-trump-stirs-ugliness-musli.txt', '3373-3381 piled on'],
      ['polnear:train/wash-post_2016-02-09_barbs-and-pleas-before-n-h-vote.txt', '2035-2040 upend'],
      ['polnear:train/huff-post_2016-03-10_refoulement-violates-internation.txt', '816-826 atrocities'],
      ['polnear:train/nyt_2016-06-28_clinton-and-warren-team-up-on-tr.txt', '3057-3071 railed against'],
      ['polnear:train/west-journal_2016-07-28_obama-claims-hillary-most-qualif.txt', '1983-1990 ravaged'],
      ['basil:2010/6b541575-99b1-40d2-8730-9bb868ee38ed_3.json', '1891-1903 inflammatory'],
      ['basil:2010/ae243a95-b2c2-410c-9e2b-b083b4b8eb48_2.json', '3262-3269 ravaged'],
    ];
    for (const [ref, span] of wrong) expect(loadedAt(ref)).not.toContain(span);
    const right: [string, string][] = [
      ['polnear:train/nyt_2016-06-09_ryan-calls-trump-line-racist-but.txt', '3202-3212 incendiary'],
      ['polnear:train/wash-post_2016-02-09_barbs-and-pleas-before-n-h-vote.txt', '2407-2414 slammed'],
      ['polnear:train/breitbart_2016-05-15_trump-talks-to-megyn-kelly-about.txt', '78-85 savaged'],
      ['polnear:train/nyt_2016-05-19_u-s-to-increase-overtime-eligibi.txt', '380-387 ignited'],
      ['basil:2010/2b95d2cf-e979-4f9c-ae27-9a5370934f23_3.json', '46-53 Furious'],
    ];
    for (const [ref, span] of right) expect(loadedAt(ref)).toContain(span);
  });
});

describe('round 8: one lexicon per loaded verb, stock phrases with asides, satire, anaphoric event nouns, signed posts', () => {
  it('a verb in both the reporting-verb and the markers lexicons gives one finding, from the markers entry', () => {
    expect(loadedIn('Critics scoffed at the plan.')).toEqual([{ start: 8, end: 18, text: 'scoffed at', rule: 'lexicon:subjective/belittle' }]);
    expect(loadedIn('Rivals derided the plan.')).toEqual([{ start: 7, end: 14, text: 'derided', rule: 'lexicon:subjective/belittle' }]);
    expect(loadedIn('The senator slammed the decision.')).toEqual([{ start: 12, end: 19, text: 'slammed', rule: 'lexicon:emotive/slam' }]);
    expect(loadedIn('The campaign blasted out emails to supporters.')).toEqual([]);
  });

  it('a stock phrase interrupted by an aside in commas stays a stock phrase', () => {
    expect(loadedIn('Some painted the confrontation in grave, nearly apocalyptic, terms.')).toEqual([]);
  });

  it('a satire, show or comedy that skewers its target is the plain verb for satire; a senator skewering a plan is not', () => {
    expect(loadedIn("The comedy troupe's new show skewers the lives of bankers.")).toEqual([]);
    expect(loadedIn("The senator skewered the agency's budget request.")).toEqual([
      { start: 12, end: 20, text: 'skewered', rule: 'lexicon:subjective/skewer' },
    ]);
  });

  it('the massacre after an earlier sentence told of the event refers back to it; not before of, nor without an earlier event', () => {
    expect(loadedIn('A gunman opened fire at a nightclub on Sunday. The massacre put pressure on Congress to act.')).toEqual([]);
    expect(loadedIn('The massacre put pressure on Congress to act.')).toEqual([{ start: 4, end: 12, text: 'massacre', rule: 'lexicon:emotive/slaughter' }]);
    expect(loadedIn('A gunman opened fire. Soldiers later carried out the massacre of villagers.')).toEqual([
      { start: 53, end: 61, text: 'massacre', rule: 'lexicon:emotive/slaughter' },
    ]);
    expect(loadedIn('The Lisbon massacre resonated across the world.')).toEqual([]);
  });

  it("a paragraph signed by a lone @handle on the next paragraph is the poster's", () => {
    expect(loadedIn('Readers wrote in.\n\nThis disgraceful bill is a disaster.\n\n@reader_one.\n\nThe vote is Tuesday.')).toEqual([]);
    expect(loadedIn('Readers wrote in.\n\nThis disgraceful bill is a disaster.\n\nThe vote is Tuesday.').map((f) => f.text)).toEqual([
      'disgraceful',
      'disaster',
    ]);
  });

  it("a post embedded in markup (<tweet …>…</tweet> or …<tweet/>) is its author's", () => {
    expect(
      loadedIn('Fans reacted.\n\n<tweet tweet-author="@fan_one" tweet-date="May 1, 2016">This disgraceful bill is a disaster<tweet/>.\n\nThe vote is Tuesday.'),
    ).toEqual([]);
    expect(loadedIn('Fans reacted.\n\n<tweet author="@fan_one">This disgraceful bill is a disaster</tweet>.\n\nThe vote is Tuesday.')).toEqual([]);
    expect(loadedIn('Fans reacted.\n\nThis disgraceful bill is a disaster.\n\nThe vote is Tuesday.').map((f) => f.text)).toEqual(['disgraceful', 'disaster']);
  });

  it("the characterisation after a framing verb and as is the framer's; the verb stays the outlet's", () => {
    expect(loadedIn('The GOP sought to paint the White House as dismissive of Israel.')).toEqual([
      { start: 18, end: 23, text: 'paint', rule: 'lexicon:reporting-verbs/cast-as' },
    ]);
    expect(loadedIn('The dismissive memo angered staff.')).toEqual([{ start: 4, end: 14, text: 'dismissive', rule: 'lexicon:subjective/contemptuous-manner' }]);
  });

  it('explosives, the material, is no dramatic adjective', () => {
    expect(loadedIn('A man set off primitive explosives at the airport.')).toEqual([]);
    expect(loadedIn('The memo made explosive allegations.')).toEqual([{ start: 14, end: 23, text: 'explosive', rule: 'lexicon:idioms/dramatic-adjectives' }]);
  });

  // Judged cases of the round-8 tuning sheets and the tuning instances of the classes (exact spans in the articles).
  it.skipIf(!HAS_DATASETS)('tuning articles: the judged wrong ones are gone, the judged right ones stay', () => {
    const wrong: [string, string][] = [
      ['polnear:train/wash-post_2015-11-08_in-satirizing-the-elite-a-mexica.txt', '1262-1269 skewers'],
      ['polnear:train/huff-post_2016-06-16_obama-families-of-gun-violence-v.txt', '4363-4371 massacre'],
      ['polnear:train/nyt_2016-06-15_global-sympathy-but-very-little-.txt', '143-151 massacre'],
      ['polnear:train/nyt_2016-06-15_global-sympathy-but-very-little-.txt', '5362-5372 explosives'],
      ['polnear:train/usa-today_2016-08-16_millenials-aren-t-buying-trump-s.txt', '2648-2656 divisive'],
      ['basil:2012/b4dbeda7-a1f3-4711-ae77-db23809d1ed2_1.json', '1444-1454 dismissive'],
    ];
    for (const [ref, span] of wrong) expect(loadedAt(ref)).not.toContain(span);
    const right: [string, string][] = [
      ['polnear:train/nyt_2016-06-15_global-sympathy-but-very-little-.txt', '4112-4121 seized on'],
      ['polnear:train/wash-post_2016-01-17_cruz-glad-to-finish-fight-with-t.txt', '781-788 chiding'],
      ['basil:2011/2153fb3e-6b09-410c-bfea-d095c49a54ba_3.json', '165-172 mocking'],
      ['basil:2011/a28a0329-0887-42dc-bd3d-3bb4f8926757_3.json', '3335-3342 derided'],
    ];
    for (const [ref, span] of right) expect(loadedAt(ref)).toContain(span);
  });
});

describe('thin categories judged on the tuning half (seed 197) and the comment adverbs on the check half', () => {
  // Exact spans of judged findings in tests/fixtures/audit/loaded-*-seed197.yml and loaded-editorializing-*-seed211.yml.
  it.skipIf(!HAS_DATASETS)(
    'literal eliminate, let go, restructuring, special operations forces, a transition team and a schedule are gone; comment adverbs stay',
    () => {
      const wrong: [string, string][] = [
        ['polnear:train/politico_2016-06-21_sanders-anti-superdelegate-push-.txt', '4758-4769 eliminating'],
        ['polnear:train/politico_2016-07-02_sanders-california-supporters-ca.txt', '1741-1747 let go'],
        ['polnear:train/wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-.txt', '4014-4027 restructuring'],
        ['polnear:train/usa-today_2015-12-14_on-the-islamic-state-a-split-mos.txt', '730-748 special operations'],
        ['polnear:train/politico_2016-08-28_christie-doubles-down-on-trump-s.txt', "113-126 's transition"],
        ['polnear:train/breitbart_2016-01-01_rose-bowl-skywriters-blast-trump.txt', '546-555 is set to'],
        ['polnear:train/usa-today_2016-04-26_sanders-will-back-clinton-eventu.txt', '284-296 is poised to'],
        // Inside Mr. Obama's quotation split by "Mr. Obama said,": the speaker's word (check half).
        ['polnear:dev/nyt_2016-09-08_obama-on-climate-change-the-tren.txt', '14209-14222 Interestingly'],
      ];
      for (const [ref, span] of wrong) expect(loadedAt(ref)).not.toContain(span);
      const right: [string, string][] = [
        ['polnear:train/politico_2016-05-26_poll-clinton-and-sanders-in-dead.txt', '629-644 closely watched'],
        ['polnear:train/usa-today_2016-05-02_clinton-surprise-populist-stay-o.txt', '275-285 Ironically'],
        ['polnear:dev/nyt_2016-09-08_obama-on-climate-change-the-tren.txt', '2468-2477 curiously'],
        ['polnear:dev/wash-post_2016-09-08_virginian-could-make-history-aga.txt', '1995-2005 Ironically'],
      ];
      for (const [ref, span] of right) expect(loadedAt(ref)).toContain(span);
    },
  );
});
