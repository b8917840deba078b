import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttributions, sourceScores, type AttributionDraft } from '../../src/analyses/attribution/index.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import type { AttributionFinding } from '../../src/core/types.js';
import { REPO } from '../helpers.js';
import { analysedArticle as articleFrom } from '../helpers.js';

const lex = loadLexicons();

/** An analysed article made from `text` (the whole text is body). */

/** A compact view: [source start, source text] , [cue start, cue text, neutral], [content start, content text], direct, type, name. */
function view(d: AttributionDraft) {
  return {
    source: d.source ? [d.source.start, d.source.text] : null,
    cue: [d.cue.start, d.cue.text, d.cue.neutral],
    content: d.content ? [d.content.start, d.content.text] : null,
    direct: d.direct,
    type: d.sourceType,
    name: d.sourceName ?? null,
  };
}
const attr = (text: string) => findAttributions(articleFrom(text), lex).map(view);

describe('attribution patterns on small sentences', () => {
  it('indirect speech: X said that …', () => {
    expect(attr('The minister said that the vote was fair.')).toEqual([
      { source: [0, 'The minister'], cue: [13, 'said', true], content: [23, 'the vote was fair'], direct: false, type: 'official', name: null },
    ]);
  });

  it('direct quotation before the cue, pronoun resolved to the full name mentioned earlier', () => {
    const [d] = findAttributions(articleFrom('Defence Minister John Smith visited the base. “We will stay,” he told reporters.'), lex);
    expect(view(d!)).toEqual({
      source: [62, 'he'],
      cue: [65, 'told', true],
      content: [46, '“We will stay,”'],
      direct: true,
      type: 'official',
      name: 'John Smith',
    });
    expect(d!.source?.resolved).toBe('John Smith');
  });

  it('inverted speaker after the quotation, non-neutral cue', () => {
    expect(attr('“The situation is under control”, reassured Mr. Smith.')).toEqual([
      {
        source: [44, 'Mr. Smith'],
        cue: [34, 'reassured', false],
        content: [0, '“The situation is under control”'],
        direct: true,
        type: 'unknown',
        name: 'Smith',
      },
    ]);
  });

  it('a quotation, then X cited Y as saying: the words are the speaker’s, the agency only passed them on (issue #14 round 8)', () => {
    expect(attr('“Talks will resume”, the Xinhua news agency cited Wang Yi as saying.')).toEqual([
      { source: [50, 'Wang Yi'], cue: [61, 'saying', true], content: [0, '“Talks will resume”'], direct: true, type: 'unknown', name: 'Wang Yi' },
    ]);
  });

  it('X quoted Y as saying that …: the channel reports the whole, the speaker the clause after "that"', () => {
    const found = attr('The Post quoted a party official as saying that the chairman was not opposed.');
    expect(found.map((f) => [f.source, f.cue[1], f.content])).toEqual([
      [[0, 'The Post'], 'quoted', [16, 'a party official as saying that the chairman was not opposed']],
      [[16, 'a party official'], 'saying', [48, 'the chairman was not opposed']],
    ]);
  });

  it('advisers to X say: the source is the advisers, not the person they advise (issue #14 round 8)', () => {
    expect(attr('But in recent days, advisers to the governor say, the budget has grown.').map((f) => [f.source, f.cue[1]])).toEqual([
      [[20, 'advisers to the governor'], 'say'],
    ]);
    expect(attr('People close to the talks said a deal was near.').map((f) => [f.source, f.content])).toEqual([
      [
        [0, 'People close to the talks'],
        [31, 'a deal was near'],
      ],
    ]);
    // "to" after a noun that names no tie still ends the source.
    expect(attr('He sent a letter to the mayor saying the plan was bad.').map((f) => f.source)).toEqual([[0, 'He']]);
  });

  it('a time phrase before a name is no part of the source: "the third time X said"', () => {
    expect(attr('The rally was the third time the union said it had marched.').map((f) => [f.source, f.content])).toEqual([
      [
        [29, 'the union'],
        [44, 'it had marched'],
      ],
    ]);
    expect(attr('The march was the third time ACORN said it had marched.').map((f) => [f.source, f.content])).toEqual([
      [
        [29, 'ACORN'],
        [40, 'it had marched'],
      ],
    ]);
  });

  it('"Not that anyone … is arguing, since …": the writer’s aside reports nobody; a report after the comma stays', () => {
    expect(attr('Not that anyone in the council is arguing, since the budget grew.')).toEqual([]);
    expect(attr('Not that anyone is complaining, since the auditors said the budget grew.').map((f) => [f.source, f.cue[1]])).toEqual([
      [[38, 'the auditors'], 'said'],
    ]);
  });

  it('an occasion or time phrase before "that" belongs to the cue, not the content', () => {
    expect(attr('The senator told party members this week that the bill would pass.').map((f) => f.content)).toEqual([[46, 'the bill would pass']]);
    expect(attr('The governor said at an event in Colorado Springs that the fire was out.').map((f) => f.content)).toEqual([[55, 'the fire was out']]);
  });

  it('two coordinated reports: the first ends before "and" and the second source (issue #14 round 8)', () => {
    expect(attr('One in three said the party did not care and one in four said the party was hostile.').map((f) => [f.source, f.content])).toEqual([
      [
        [0, 'One in three'],
        [18, 'the party did not care'],
      ],
      [
        [45, 'one in four'],
        [62, 'the party was hostile'],
      ],
    ]);
  });

  it('a hyphenated compound stays in an inverted source: "said Florida-based strategist X"', () => {
    expect(attr('“It is bad,” said Florida-based Republican strategist Al Cardenas.').map((f) => f.source)).toEqual([
      [18, 'Florida-based Republican strategist Al Cardenas'],
    ]);
  });

  it('a time word before a clause without "that" belongs to the cue, unless it is the subject', () => {
    expect(attr('The institute said Wednesday the lecture is still scheduled for Thursday.').map((f) => f.content)).toEqual([
      [29, 'the lecture is still scheduled for Thursday'],
    ]);
    expect(attr('He said Monday was the deadline.').map((f) => f.content)).toEqual([[8, 'Monday was the deadline']]);
  });

  it('according to data from X (source is the author of the data)', () => {
    expect(attr('According to data from Human Rights Watch, 40 civilians died.')).toEqual([
      {
        source: [23, 'Human Rights Watch'],
        cue: [0, 'According to', true],
        content: [43, '40 civilians died'],
        direct: false,
        type: 'data-ngo',
        name: 'Human Rights Watch',
      },
    ]);
  });

  it('according to a report by X at the end of the sentence', () => {
    expect(attr('Prices rose by 5%, according to a report by Reuters.')).toEqual([
      { source: [44, 'Reuters'], cue: [19, 'according to', true], content: [0, 'Prices rose by 5%'], direct: false, type: 'media', name: 'Reuters' },
    ]);
  });

  it('passive and nominal forms: announced by X, voiced by X, the remarks were made by X', () => {
    expect(attr('The plan, announced by the Finance Ministry, will cut spending.')).toEqual([
      { source: [23, 'the Finance Ministry'], cue: [10, 'announced', true], content: [0, 'The plan'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('Concerns have been voiced by critics.')).toEqual([
      { source: [29, 'critics'], cue: [19, 'voiced', true], content: [0, 'Concerns'], direct: false, type: 'vague', name: null },
    ]);
    expect(attr('The remarks were made by the mining minister.')).toEqual([
      { source: [25, 'the mining minister'], cue: [4, 'remarks were made', true], content: null, direct: false, type: 'official', name: null },
    ]);
  });

  it('agentless cues: reportedly, is said to', () => {
    expect(attr('The general was reportedly arrested.')).toEqual([
      { source: null, cue: [16, 'reportedly', true], content: [0, 'The general was reportedly arrested'], direct: false, type: 'unknown', name: null },
    ]);
    expect(attr('The rebels are said to control the north.')).toEqual([
      { source: null, cue: [15, 'said', true], content: [0, 'The rebels are said to control the north'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it('participles: X, adding that …; with X stating that …', () => {
    expect(attr('The ministry said the border was closed, adding that trade would resume.')[1]).toEqual({
      source: [0, 'The ministry'],
      cue: [41, 'adding', true],
      content: [53, 'trade would resume'],
      direct: false,
      type: 'official',
      name: null,
    });
    expect(attr('The talks ended on Monday, with the spokesman stating that no troops would be sent.')).toEqual([
      { source: [32, 'the spokesman'], cue: [46, 'stating', true], content: [59, 'no troops would be sent'], direct: false, type: 'official', name: null },
    ]);
  });

  it('source types: anonymous and vague', () => {
    expect(attr('Military sources said the base was attacked.')[0]).toMatchObject({ source: [0, 'Military sources'], type: 'anonymous' });
    expect(attr('Some analysts say the economy is weak.')[0]).toMatchObject({ source: [0, 'Some analysts'], type: 'vague' });
    expect(attr('According to police sources, the convoy was attacked.')[0]).toMatchObject({ source: [13, 'police sources'], type: 'anonymous' });
    expect(attr('Critics say the reform failed.')[0]).toMatchObject({ source: [0, 'Critics'], type: 'vague' });
  });

  it('a paragraph introduced by X said: takes the quotation that follows', () => {
    expect(attr('The minister said:\n\n“We will not leave.”')).toEqual([
      { source: [0, 'The minister'], cue: [13, 'said', true], content: [20, '“We will not leave.”'], direct: true, type: 'official', name: null },
    ]);
  });

  it('a quotation of several sentences is one content span', () => {
    expect(attr('“We came here to help. We will stay,” she said.')[0]).toMatchObject({ content: [0, '“We came here to help. We will stay,”'], direct: true });
  });

  it('short names resolve to the full name', () => {
    const ds = findAttributions(articleFrom('Police Chief Anna Berg arrived first. Berg said the road was closed.'), lex);
    const said = ds.find((d) => d.cue.text === 'said')!;
    expect(said.source).toEqual({ start: 38, end: 42, text: 'Berg', resolved: 'Anna Berg' });
    expect(said.sourceType).toBe('official');
  });

  it('is not fooled by non-speech passives or demonstrative subjects', () => {
    expect(attr('This is an area threatened by armed groups from the north.')).toEqual([]);
    expect(attr('This underscores the link between aid and security.')).toEqual([]);
    expect(attr('It should be noted that prices rose.')).toEqual([]);
  });

  it('progressive forms of be are not passives: X is saying …', () => {
    expect(attr('The mayor is saying the budget is balanced.')).toEqual([
      { source: [0, 'The mayor'], cue: [13, 'saying', true], content: [20, 'the budget is balanced'], direct: false, type: 'official', name: null },
    ]);
  });

  it('agentless passives of a cue: was asked whether …, Asked about …,', () => {
    expect(attr('The minister was asked whether troops would stay.')).toEqual([
      { source: null, cue: [17, 'asked', true], content: [23, 'whether troops would stay'], direct: false, type: 'unknown', name: null },
    ]);
    expect(attr('Asked about the delay, the spokesman said the report was late.')).toEqual([
      { source: null, cue: [0, 'Asked', true], content: [6, 'about the delay'], direct: false, type: 'unknown', name: null },
      { source: [23, 'the spokesman'], cue: [37, 'said', true], content: [42, 'the report was late'], direct: false, type: 'official', name: null },
    ]);
  });

  it('a cue without its own subject takes the clause subject: …, but said …; before adding …; opening adverbial skipped', () => {
    expect(attr('The mayor admitted the plan was late, but said it would be finished in May.')).toEqual([
      { source: [0, 'The mayor'], cue: [10, 'admitted', false], content: [19, 'the plan was late'], direct: false, type: 'official', name: null },
      { source: [0, 'The mayor'], cue: [42, 'said', true], content: [47, 'it would be finished in May'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('The coach praised the team before adding that the season was long.')[1]).toEqual({
      source: [0, 'The coach'],
      cue: [34, 'adding', true],
      content: [46, 'the season was long'],
      direct: false,
      type: 'unknown',
      name: null,
    });
    expect(attr('Hours later, the senator returned to the stage, telling supporters that the race was close.')).toEqual([
      { source: [13, 'the senator'], cue: [48, 'telling', true], content: [72, 'the race was close'], direct: false, type: 'official', name: null },
    ]);
  });

  it('a title before a name stays in the source phrase and types it', () => {
    expect(attr('Fire chief Lena Berg said the road was closed.')).toEqual([
      {
        source: [0, 'Fire chief Lena Berg'],
        cue: [21, 'said', true],
        content: [26, 'the road was closed'],
        direct: false,
        type: 'official',
        name: 'Lena Berg',
      },
    ]);
  });

  it('a capitalised word the tagger reads as an adverb is still the subject', () => {
    expect(attr('Jolly said the council would vote in June.')).toEqual([
      { source: [0, 'Jolly'], cue: [6, 'said', true], content: [11, 'the council would vote in June'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it("quotations in doubled apostrophes: ''…'', said X", () => {
    expect(attr("''We will rebuild,'' said Maria Lopez, the town's mayor.")).toEqual([
      { source: [26, 'Maria Lopez'], cue: [21, 'said', true], content: [0, "''We will rebuild,''"], direct: true, type: 'official', name: 'Maria Lopez' },
    ]);
  });

  it('a name the tagger reads as a verb after an honorific: “…,” Mr. Hedge said', () => {
    expect(attr('“A lot of clubs have closed,” Mr. Hedge said.')).toEqual([
      { source: [30, 'Mr. Hedge'], cue: [40, 'said', true], content: [0, '“A lot of clubs have closed,”'], direct: true, type: 'unknown', name: 'Hedge' },
    ]);
  });

  it('a subject raised over an adjective: X were more likely to say …', () => {
    expect(attr('Caucus-goers were slightly more likely to say they preferred Clinton.')).toEqual([
      { source: [0, 'Caucus-goers'], cue: [42, 'say', true], content: [46, 'they preferred Clinton'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it('an abbreviated title in parentheses does not end the sentence, and types the source: Sen. X (I-Vt.) said', () => {
    const text = 'Sen. Bernie Sanders (I-Vt.) said he would release his records.';
    expect(articleFrom(text).sentences).toHaveLength(1);
    expect(attr(text)).toEqual([
      {
        source: [0, 'Sen. Bernie Sanders'],
        cue: [28, 'said', true],
        content: [33, 'he would release his records'],
        direct: false,
        type: 'official',
        name: 'Bernie Sanders',
      },
    ]);
  });

  it('a view held by the source in the frame X sees Y as Z; see and cast without "as" are not cues', () => {
    expect(attr('Party leaders see the vote as a test of the coalition.')).toEqual([
      {
        source: [0, 'Party leaders'],
        cue: [14, 'see', true],
        content: [18, 'the vote as a test of the coalition'],
        direct: false,
        type: 'official',
        name: null,
      },
    ]);
    expect(attr('Opponents painted him as a career politician.').map((a) => [a.source, a.cue])).toEqual([
      [
        [0, 'Opponents'],
        [10, 'painted', false],
      ],
    ]);
    expect(attr('Residents saw smoke over the harbour.')).toEqual([]);
    expect(attr('The senator cast her vote on Tuesday.')).toEqual([]);
  });

  it('a participle after a closing quotation or a dash continues the sentence subject', () => {
    expect(attr('Donald Trump has delivered an impassioned defense of “New York values,” saying the city embodied the “bravery” of America.')).toEqual([
      {
        source: [0, 'Donald Trump'],
        cue: [72, 'saying', true],
        content: [79, 'the city embodied the “bravery” of America'],
        direct: false,
        type: 'unknown',
        name: 'Donald Trump',
      },
    ]);
    expect(attr('Marco Rubio flipped his choice on the spot – saying he was rooting for Peyton Manning.').map((a) => [a.source, a.cue])).toEqual([
      [
        [0, 'Marco Rubio'],
        [45, 'saying', true],
      ],
    ]);
  });

  it('a subject with a relative clause up to the comma, typed by its head; an opening time phrase is not the subject', () => {
    expect(attr('Yet some voters who have listened to his speeches, on television or at campaign events, said he had less magnetism.')).toEqual([
      {
        source: [4, 'some voters who have listened to his speeches, on television or at campaign events'],
        cue: [88, 'said', true],
        content: [93, 'he had less magnetism'],
        direct: false,
        type: 'vague',
        name: null,
      },
    ]);
    expect(attr('A few minutes later they reversed themselves and said they will register voters.').map((a) => [a.source, a.cue])).toEqual([
      [
        [20, 'they'],
        [49, 'said', true],
      ],
    ]);
  });

  it('a fronted adverbial participle takes the main clause subject; a participle after an object takes the sentence subject', () => {
    expect(attr('After saying he was nervous, the man asked about the budget.')[0]).toEqual({
      source: [29, 'the man'],
      cue: [6, 'saying', true],
      content: [13, 'he was nervous'],
      direct: false,
      type: 'unknown',
      name: null,
    });
    expect(attr('At the time, she released a statement saying the company had grown.')).toEqual([
      { source: [13, 'she'], cue: [38, 'saying', true], content: [45, 'the company had grown'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it('speak and talk are cues with their topic further on (complement: about, of)', () => {
    expect(attr('The minister spoke at length about the new budget.')).toEqual([
      { source: [0, 'The minister'], cue: [13, 'spoke', true], content: [19, 'at length about the new budget'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('The minister spoke at the opening of the bridge.')).toEqual([]);
  });

  it('a subject with a prepositional phrase and a relative clause up to the comma; an apposition with no closing comma', () => {
    expect(attr('Exit polls from the New Hampshire primary, which Mr. Trump won decisively, showed that most Republicans backed the ban.')).toEqual([
      {
        source: [0, 'Exit polls from the New Hampshire primary, which Mr. Trump won decisively'],
        cue: [75, 'showed', true],
        content: [87, 'most Republicans backed the ban'],
        direct: false,
        type: 'data-ngo',
        name: null,
      },
    ]);
    // The title in quotation marks before the name is not what she said.
    expect(attr('Friday on CNN’s “New Day,” Sen. Kristen Gillibrand (D-NY), a supporter of the bill told host Chris Cuomo she would vote for it.')).toEqual([
      {
        source: [27, 'Sen. Kristen Gillibrand (D-NY), a supporter of the bill'],
        cue: [83, 'told', true],
        content: [105, 'she would vote for it'],
        direct: false,
        type: 'official',
        name: 'Kristen Gillibrand',
      },
    ]);
  });

  it('capitalised words opening a sentence (Then, When) are not sources; the subject follows them', () => {
    const sc = (text: string) => attr(text).map((a) => [a.source, a.cue]);
    expect(sc('Then he began dismissing the notion that leadership took time.')).toEqual([
      [
        [5, 'he'],
        [14, 'dismissing', false],
      ],
    ]);
    expect(sc('When Trump launched his campaign by talking about the wall, his critics denounced him.')).toEqual([
      [
        [5, 'Trump'],
        [36, 'talking about', true],
      ],
      [
        [60, 'his critics'],
        [72, 'denounced', true],
      ],
    ]);
    // A time phrase after the apposition's comma is skipped.
    expect(sc('Speaker Paul Ryan, the highest-ranking Republican, on Tuesday called the remarks racist.')).toEqual([
      [
        [0, 'Speaker Paul Ryan, the highest-ranking Republican'],
        [62, 'called', true],
      ],
    ]);
  });

  it('further cues: polls show, pointed to, declined to (a refusal, with no content)', () => {
    expect(attr('A new poll showed the mayor leading by six points.')).toEqual([
      { source: [0, 'A new poll'], cue: [11, 'showed', true], content: [18, 'the mayor leading by six points'], direct: false, type: 'data-ngo', name: null },
    ]);
    expect(attr('The governor pointed to falling crime as proof.')).toEqual([
      { source: [0, 'The governor'], cue: [13, 'pointed to', true], content: [24, 'falling crime as proof'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('The embassy declined to comment on the arrests.')).toEqual([
      { source: [0, 'The embassy'], cue: [12, 'declined to', true], content: null, direct: false, type: 'official', name: null },
    ]);
  });

  it('a prediction in the passive stays an agentless attribution (PolNeAR annotates "is expected to" as a cue)', () => {
    expect(attr('The storm is expected to reach the coast on Friday.')).toEqual([
      {
        source: null,
        cue: [13, 'expected', true],
        content: [0, 'The storm is expected to reach the coast on Friday'],
        direct: false,
        type: 'unknown',
        name: null,
      },
    ]);
  });

  it('never throws on unbalanced or odd quote marks', () => {
    for (const t of ['"He said', '“”', '” ” said ”', 'He said “' + 'x '.repeat(5000), '«»«» said «', "''' said '"]) {
      expect(() => findAttributions(articleFrom(t), lex)).not.toThrow();
    }
  });
});

describe('attribution patterns added for news conventions (PolNeAR error analysis)', () => {
  it('headline colon: a short name phrase, a colon, then what it said; labels are not sources', () => {
    expect(attr('Mayor Ruiz: Bridge Will Reopen on Monday.')).toEqual([
      { source: [0, 'Mayor Ruiz'], cue: [10, ':', true], content: [12, 'Bridge Will Reopen on Monday'], direct: false, type: 'official', name: 'Ruiz' },
    ]);
    expect(attr('The Latest: Storm moves east over the weekend.')).toEqual([]);
    expect(attr('UPDATE: The bridge reopened on Monday.')).toEqual([]);
  });

  it('present-tense cue verbs the tagger reads as nouns, but not plural nouns', () => {
    expect(attr('The super PAC cut its ads, the filings show.')).toEqual([
      { source: [27, 'the filings'], cue: [39, 'show', true], content: [0, 'The super PAC cut its ads'], direct: false, type: 'unknown', name: null },
    ]);
    expect(attr('Governor Smith slams the budget deal.')).toEqual([
      { source: [0, 'Governor Smith'], cue: [15, 'slams', false], content: [21, 'the budget deal'], direct: false, type: 'official', name: 'Smith' },
    ]);
    expect(attr('Campaigns spend most in swing states.')).toEqual([]);
    expect(attr('The Senate report was late.')).toEqual([]);
    // A phrasal verb whose particle follows ("point out"), but not "at one point to".
    expect(attr('Labor leaders point out that the vote was close.')).toEqual([
      { source: [0, 'Labor leaders'], cue: [14, 'point out', false], content: [29, 'the vote was close'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('He interrupted himself at one point to wave to his family.')).toEqual([]);
  });

  it('a parenthesis, a dashed aside or a time adverbial between the subject and the cue', () => {
    expect(attr('Sen. Jane Roe (D-Oregon) said the bill would pass.')).toEqual([
      { source: [0, 'Sen. Jane Roe'], cue: [25, 'said', true], content: [30, 'the bill would pass'], direct: false, type: 'official', name: 'Jane Roe' },
    ]);
    expect(attr('Several speakers — including two bishops — said the law was unjust.').map((a) => [a.source, a.cue])).toEqual([
      [
        [0, 'Several speakers'],
        [43, 'said', true],
      ],
    ]);
    expect(attr('The mayor at the time said the plan was sound.')).toEqual([
      { source: [0, 'The mayor'], cue: [22, 'said', true], content: [27, 'the plan was sound'], direct: false, type: 'official', name: null },
    ]);
    expect(attr('The governor on Tuesday said the roads were safe.').map((a) => a.source)).toEqual([[0, 'The governor']]);
  });

  it('inverted source that closes its phrase; a capitalised subject tagged as a verb; counts of people', () => {
    expect(attr('“It was not a serious offer,” said one official familiar with the talks.')).toEqual([
      {
        source: [35, 'one official familiar'],
        cue: [30, 'said', true],
        content: [0, '“It was not a serious offer,”'],
        direct: true,
        type: 'anonymous',
        name: null,
      },
    ]);
    expect(attr('Cook said the plan had failed.')).toEqual([
      { source: [0, 'Cook'], cue: [5, 'said', true], content: [10, 'the plan had failed'], direct: false, type: 'unknown', name: null },
    ]);
    expect(attr('Nearly nine out of 10 say they will vote.').map((a) => [a.source, a.cue, a.content])).toEqual([
      [
        [19, '10'],
        [22, 'say', true],
        [26, 'they will vote'],
      ],
    ]);
  });

  it('"In a poll …," opening a sentence cites the poll; "a lead in the polls" does not', () => {
    expect(attr('In a Gallup poll released Monday, 40 percent of voters backed the plan.')).toEqual([
      {
        source: [3, 'a Gallup poll'],
        cue: [0, 'In', true],
        content: [34, '40 percent of voters backed the plan'],
        direct: false,
        type: 'data-ngo',
        name: 'Gallup',
      },
    ]);
    expect(attr('The senator leads in the polls ahead of the primary.')).toEqual([]);
  });

  it('"according to" whose phrase the tagger splits', () => {
    expect(attr('Turnout rose sharply, according to state election officials.')).toEqual([
      {
        source: [35, 'state election officials'],
        cue: [22, 'according to', true],
        content: [0, 'Turnout rose sharply'],
        direct: false,
        type: 'anonymous',
        name: null,
      },
    ]);
  });

  it('"continued" is a cue only next to a quotation (lexicon field quoted)', () => {
    expect(attr('“We will rebuild,” the mayor continued.')).toEqual([
      { source: [19, 'the mayor'], cue: [29, 'continued', true], content: [0, '“We will rebuild,”'], direct: true, type: 'official', name: null },
    ]);
    expect(attr('Prices continued to rise in May.')).toEqual([]);
  });

  it('a stance cue inside reported content is part of it (lexicon field speech: false)', () => {
    expect(attr('The senator said she wanted a vote before the recess.').map((a) => a.cue)).toEqual([[12, 'said', true]]);
    expect(attr('Voters want a vote before the recess.')).toEqual([
      { source: [0, 'Voters'], cue: [7, 'want', true], content: [12, 'a vote before the recess'], direct: false, type: 'unknown', name: 'Voters' },
    ]);
    expect(attr('It remains to be seen how the court will rule.')).toEqual([]);
  });

  it('relative clause head, active "said by", inverted source with a closing apposition', () => {
    expect(attr('Current and former officials who spoke with the newspaper said the group had lost its way.').map((a) => [a.source, a.cue])).toEqual([
      [
        [0, 'Current and former officials'], // the coordinated subject whole
        [58, 'said', true],
      ],
    ]);
    expect(attr("“It's nonsense,” Mr. Roe said by telephone on Sunday.")).toEqual([
      { source: [17, 'Mr. Roe'], cue: [25, 'said', true], content: [0, "“It's nonsense,”"], direct: true, type: 'unknown', name: 'Roe' },
    ]);
    expect(attr("The factory is struggling, said the company's chief executive, John Roe.")).toEqual([
      {
        source: [32, "the company's chief executive, John Roe"],
        cue: [27, 'said', true],
        content: [0, 'The factory is struggling'],
        direct: false,
        type: 'official',
        name: 'John Roe',
      },
    ]);
  });

  it('a cue word inside a hyphenated compound is an adjective', () => {
    expect(attr('The long-sought treaty was signed.')).toEqual([]);
  });
});

describe('nominal cues: nouns that report speech or stance', () => {
  it('a possessive holder and a that-clause ("his earlier statements that …")', () => {
    expect(attr('All ran counter to his earlier statements that the contact never occurred.')).toEqual([
      { source: [19, 'his'], cue: [31, 'statements', true], content: [47, 'the contact never occurred'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it('a possessive pronoun resolves like "she" to the last full name', () => {
    const found = attr('Senator Jane Roe visited the plant. The union ignored her warning that jobs would go.');
    expect(found).toEqual([
      { source: [54, 'her'], cue: [58, 'warning', false], content: [71, 'jobs would go'], direct: false, type: 'official', name: 'Jane Roe' },
    ]);
  });

  it('the holder after from / within, the content after "is that"', () => {
    expect(attr('The deal sparked criticism from Democrats and Republicans in Congress.')).toEqual([
      { source: [32, 'Democrats'], cue: [17, 'criticism from', true], content: null, direct: false, type: 'unknown', name: 'Democrats' },
    ]);
    expect(attr('The concern within the administration is that the plan could fail.')).toEqual([
      {
        source: [19, 'the administration'],
        cue: [4, 'concern within', true],
        content: [46, 'the plan could fail'],
        direct: false,
        type: 'official',
        name: null,
      },
    ]);
  });

  it('a cue phrase ending in "to" after a possessive name ("Trump’s promise to …")', () => {
    expect(attr('Voters cheered Trump’s promise to build a wall.')).toEqual([
      { source: [15, 'Trump'], cue: [23, 'promise to', true], content: [34, 'build a wall'], direct: false, type: 'unknown', name: 'Trump' },
    ]);
  });

  it('a that-clause without a holder has no source ("allegations that …")', () => {
    expect(attr('He resigned after allegations that he took bribes.')).toEqual([
      { source: null, cue: [18, 'allegations', false], content: [35, 'he took bribes'], direct: false, type: 'unknown', name: null },
    ]);
  });

  it('a time between the noun and its clause; the owner is the name, not a phrase joined to it', () => {
    expect(attr('The tweet was a dig at Trump’s statement earlier this year that women should be punished.')).toEqual([
      { source: [23, 'Trump'], cue: [31, 'statement', true], content: [64, 'women should be punished'], direct: false, type: 'unknown', name: 'Trump' },
    ]);
  });

  it('"is that" after the noun, and the subject of a light verb as the holder', () => {
    expect(attr('Their fear is that it could be too late.')).toEqual([
      { source: [0, 'Their'], cue: [6, 'fear', true], content: [19, 'it could be too late'], direct: false, type: 'unknown', name: null },
    ]);
    expect(attr('And he made the suggestion that Trump should receive only false information.')).toEqual([
      {
        source: [4, 'he'],
        cue: [16, 'suggestion', true],
        content: [32, 'Trump should receive only false information'],
        direct: false,
        type: 'unknown',
        name: null,
      },
    ]);
  });

  it('a noun the matcher reads as a verb stays the verb ("The campaign worries that …")', () => {
    expect(findAttributions(articleFrom('The campaign worries that turnout will fall.'), lex).map((d) => [d.rule, d.source?.text])).toEqual([
      ['lexicon:reporting-verbs/worry', 'The campaign'],
    ]);
  });

  it('not an attribution: a noun with neither holder nor clause, a relative clause, the medium of a verb cue', () => {
    expect(attr('Her comments on Monday were brief.')).toEqual([]);
    expect(attr('His claims were brief.')).toEqual([]);
    // "that" before a verb opens a relative clause, not what was claimed.
    expect(attr('The claims that were made last year are false.')).toEqual([]);
    // A relative clause whose verb lacks its object: "a claim that his office disputes".
    expect(attr('It is a claim that his office strongly disputes.').map((d) => d.cue[1])).toEqual(['disputes']);
    // "said in a statement that …": one attribution, the verb's.
    expect(attr('She said in a statement that the vote was fair.').map((d) => d.cue[1])).toEqual(['said']);
    expect(attr('She said in her opening remarks that the vote was fair.').map((d) => d.cue[1])).toEqual(['said']);
  });
});

describe('attribution on the bundled corpus', () => {
  const paths = [
    'lavrov-african-tour.md',
    'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
    'starfolk-2025-04-03-russia-military-influence-west-africa.md',
  ].map((n) => resolve(REPO, 'corpus', n));
  const report = analyseArticles(
    paths.map((p) => prepareArticle(p)),
    lex,
  );
  const byPath = (name: string) => {
    const article = report.articles.find((a) => a.path.endsWith(name))!;
    const text = readFileSync(resolve(REPO, 'corpus', name), 'utf8');
    const findings = report.findings.filter((f): f is AttributionFinding => f.article === article.id && f.kind === 'attribution');
    /** The attribution whose source starts at the `nth` occurrence of `source` after `anchor`. */
    const at = (anchor: string, source: string) => {
      const start = text.indexOf(source, text.indexOf(anchor));
      const f = findings.find((x) => x.source?.start === start);
      return { f, start, end: start + source.length };
    };
    return { text, findings, at, article };
  };

  const cases: [string, string, string, string, string, boolean][] = [
    // file, anchor, source text, cue, sourceType, neutral
    ['starfolk-2025-04-03-russia-military-influence-west-africa.md', 'according to a report by', 'Bloomberg', 'according to', 'media', true],
    [
      'starfolk-2025-04-03-russia-military-influence-west-africa.md',
      'according to data from',
      'the Armed Conflict Location & Event Data Project (ACLED)',
      'according to',
      'data-ngo',
      true,
    ],
    [
      'starfolk-2025-04-03-russia-military-influence-west-africa.md',
      'The agreement, announced by',
      'Russian Foreign Minister Sergei Lavrov',
      'announced',
      'official',
      true,
    ],
    ['starfolk-2025-04-03-russia-military-influence-west-africa.md', 'with Lavrov stating', 'Lavrov', 'stating', 'official', true],
    [
      'starfolk-2025-04-03-russia-military-influence-west-africa.md',
      "Mali's Foreign Minister",
      "Mali's Foreign Minister, Abdoulaye Diop",
      'hailed',
      'official',
      false,
    ],
    ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'According to Russian', 'Russian official media', 'According to', 'state-media', true],
    ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'cited Lavrov', 'Lavrov', 'saying', 'official', true],
    ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'destroyed,” he told', 'he', 'told', 'official', true],
    ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'has been voiced by', 'some African nations', 'voiced', 'vague', true],
    ['newsvoice-2024-06-21-burkina-faso-russian-assistance.md', 'Separately, on Wednesday', 'the RIA news agency', 'revealed', 'state-media', false],
    [
      'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
      'The remarks were made by',
      'Sierra Leone’s minister of mining',
      'remarks were made',
      'official',
      true,
    ],
    ['lavrov-african-tour.md', 'according to information from', 'military sources', 'according to', 'anonymous', true],
    ['lavrov-african-tour.md', 'destroyed”, reassured', 'Mr. Lavrov', 'reassured', 'official', false],
  ];
  it.each(cases)('%s: %s → %s', (file, anchor, source, cue, type, neutral) => {
    const { at, text } = byPath(file);
    const { f, start, end } = at(anchor, source);
    expect(f, `no attribution with source "${source}" at ${start}`).toBeDefined();
    expect(f!.source).toMatchObject({ start, end, text: source });
    expect(f!.cue.text).toBe(cue);
    expect(text.slice(f!.cue.start, f!.cue.end)).toBe(cue);
    expect(f!.sourceType).toBe(type);
    expect(f!.cue.neutral).toBe(neutral);
  });

  it('resolves he and Lavrov to Sergei Lavrov and takes the ”…” quotation as content', () => {
    const { at, text } = byPath('newsvoice-2024-06-21-burkina-faso-russian-assistance.md');
    const he = at('destroyed,” he told', 'he').f!;
    expect(he.source?.resolved).toBe('Sergei Lavrov');
    expect(he.sourceName).toBe('Sergei Lavrov');
    const q = text.indexOf('”I have no doubt');
    expect(he.content).toMatchObject({ start: q, end: text.indexOf('destroyed,”') + 'destroyed,”'.length });
    expect(he.direct).toBe(true);
    const saying = at('cited Lavrov', 'Lavrov').f!;
    expect(saying.sourceName).toBe('Sergei Lavrov');
    expect(saying.content?.start).toBe(text.indexOf('”From the very first'));
  });

  it('computes the source scores from the findings shown (confidence at or above the threshold of their kind)', () => {
    // An explicit --min-confidence 0.5 applies to every kind; by default attributions need 0.8.
    const r5 = analyseArticles(
      paths.map((p) => prepareArticle(p)),
      lex,
      { minConfidence: 0.5 },
    );
    expect(r5.minConfidenceByKind).toBeUndefined();
    const article = r5.articles.find((a) => a.path.endsWith('starfolk-2025-04-03-russia-military-influence-west-africa.md'))!;
    const findings = r5.findings.filter((f): f is AttributionFinding => f.article === article.id && f.kind === 'attribution');
    const scores = r5.scores[article.id];
    const shown = r5.findings.filter((f) => f.confidence >= 0.5);
    const mine = sourceScores({ id: article.id, sentences: article.sentenceSpans }, shown);
    expect(scores).toMatchObject(mine);
    expect(mine.attributions).toBe(findings.filter((f) => f.confidence >= 0.5).length);
    expect(mine.sourceMix.media).toBe(1);
    expect(mine.sourceMix['data-ngo']).toBe(1);
    const seen = findings.filter((f) => f.confidence >= 0.5);
    expect(seen.length).toBeGreaterThan(0);
    expect(mine.nonNeutralCueShare).toBe(Math.round((seen.filter((f) => !f.cue.neutral).length / seen.length) * 1e4) / 1e4);
    expect(mine.namedSources).toBe(new Set(seen.map((f) => f.sourceName).filter(Boolean)).size);
    // The default report counts only the attributions at or above 0.8.
    expect(report.minConfidenceByKind).toEqual({ attribution: 0.8, loaded: 0.85, unsourced: 0.85 });
    expect(report.scores[article.id]!.attributions).toBe(findings.filter((f) => f.confidence >= 0.8).length);
  });
});
