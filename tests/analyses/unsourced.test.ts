import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/analyses/attribution/index.js';
import { findUnsourced } from '../../src/analyses/unsourced.js';
import { auditArticlePath, auditFindings } from '../../src/eval/audit.js';
import { bundledFlags, loadUnsourcedGold, scoreUnsourcedGold } from '../../src/eval/unsourced.js';
import { loadLexicons } from '../../src/lexicons/index.js';
import { analyseArticles, prepareArticle } from '../../src/pipeline.js';
import type { AttributionFinding, UnsourcedFinding } from '../../src/core/types.js';
import { DATASETS, HAS_DATASETS, REPO } from '../helpers.js';
import type { AnalysedArticle } from '../../src/core/types.js';
import { analysedArticle as articleFrom } from '../helpers.js';

const lex = loadLexicons();

const unsourced = (text: string) => {
  const a = articleFrom(text);
  return findUnsourced(a, findAttributions(a, lex), lex).map((u) => [u.start, u.reason, u.text]);
};

describe('unsourced assertions on small texts', () => {
  it('flags an own-voice accusation and leaves the sourced sentence before it alone; right after indirect speech it may run on that source', () => {
    const text = 'According to police sources, the convoy was attacked at dawn. The attackers were paid by a foreign government.';
    expect(unsourced(text)).toEqual([[62, 'continues-source', 'The attackers were paid by a foreign government.']]);
    // in a new paragraph, or opening with a demonstrative (the writer's comment), it is the article's own claim
    expect(unsourced(text.replace('. The', '.\n\nThe'))).toEqual([[63, 'no-attribution', 'The attackers were paid by a foreign government.']]);
    expect(unsourced('According to police sources, the convoy was attacked at dawn. This is a road used by smugglers from the north.')[0]?.[1]).toBe(
      'no-attribution',
    );
    // "He also …" after a person's report may continue it
    expect(unsourced('The minister said that the army had lost ground. He also gave the names of the officers.')).toEqual([
      [49, 'continues-source', 'He also gave the names of the officers.'],
    ]);
    // after a document's report, "It also …" goes on with what the document says: sourced (round 6)
    expect(unsourced('The report found that the army had lost ground. It also gives the names of the officers.')).toEqual([]);
  });

  it('counts a sentence as sourced only when the attribution covers its claim', () => {
    // the cue is inside an infinitive; the piling on is the article's claim (since round 13 with its own reason: the
    // attribution of portray measures below 0.6, so no source is told apart beside it)
    expect(unsourced('Critics, eager to portray the plan as doomed, piled on.')).toEqual([
      [0, 'no-attribution', 'Critics, eager to portray the plan as doomed, piled on.'],
    ]);
    expect(unsourced('The mayor said the plan was doomed.')).toEqual([]);
    expect(unsourced('The mayor said on Tuesday at a press conference in the city hall that the plan was doomed.')).toEqual([]);
    // an evaluation of the article's own beside a report takes its own reason
    expect(unsourced('The deal is seen as a boost for the region, with the minister saying that more troops will come.')[0]?.[1]).toBe('agentless-passive');
  });

  it('leaves a text set out after a colon introduction to its author (a quoted post)', () => {
    const text =
      'The senator wrote on Facebook:\n\nAct like the job matters to you. Dress like you deserve respect.\n\nYour parents do not respect their positions either.\n\nThe post was deleted two hours later.';
    expect(unsourced(text)).toEqual([[text.indexOf('The post'), 'no-attribution', 'The post was deleted two hours later.']]);
  });

  it('a colon introduction without a reporting cue gives away the text after it only when that text speaks in the first or second person', () => {
    const text =
      'Read the whole post here:\n\nDear council, I know you are busy, but you have ignored us for a year.\n\nThe council met on Monday and approved the budget.';
    expect(unsourced(text)).toEqual([[text.indexOf('The council'), 'no-attribution', 'The council met on Monday and approved the budget.']]);
    // the text after it in the third person stays the article's
    const plain = 'Here is what happened next:\n\nThe council met on Monday and approved the budget.';
    expect(unsourced(plain)).toEqual([[plain.indexOf('The council'), 'no-attribution', 'The council met on Monday and approved the budget.']]);
  });

  it('abstains on reports built without a reporting verb or missed by the attribution stage', () => {
    // a reporting clause closing the sentence after a comma, with a coordinated source or a verb tagged as a noun
    expect(
      unsourced('All new cars sold in the state will need a safety sticker from next spring, the Transport Ministry and the Highway Agency said Friday.'),
    ).toEqual([]);
    expect(unsourced('The five biggest lenders in the scheme are Alpha, Beta and Gamma, the Boston Globe reports.')).toEqual([]);
    // … but not a closing relative clause with an object ("…, where voters describe themselves as …")
    expect(unsourced('The budget has gone to Iowa, where many voters describe themselves as farmers.').map((u) => u[1])).toEqual(['beside-source']);
    // a document as the subject of a record verb
    expect(
      unsourced('Files released by the Senate panel, including a memo from the chief engineer, also documented more than 50 failures in the plant.'),
    ).toEqual([]);
    expect(unsourced('Inspectors from the county documented more than 50 failures in the plant.').map((u) => u[1])).toEqual(['no-attribution']);
    // someone presenting someone as something, a speech act without a reporting verb
    expect(unsourced('Smith cast the mayor as a careless spender who does not care about taxpayers.')).toEqual([]);
    expect(unsourced('She reserved her sharpest criticism for the city council, which she said wasted years.')).toEqual([]);
    expect(unsourced('For her part, Ms. Jones has remained firm that she wanted the vote held soon.')).toEqual([]);
    // what a rule provides, and a refusal to comment
    expect(unsourced('Under the new city rule, all landlords will register their flats by June.')).toEqual([]);
    expect(unsourced('A Smith spokesman did not respond to interview requests from The Daily Star.')).toEqual([]);
    // a gerund of obligation describes, it does not prescribe
    expect(unsourced('The queue moved so slowly that the workers risked having to return to work.').map((u) => u[1])).toEqual(['no-attribution']);
    // an unanswered request for comment notes the outlet's reporting
    expect(unsourced('A spokesman for the firm, Jo Blake, did not immediately return emails or a telephone message seeking comment Friday.')).toEqual([]);
    expect(unsourced("A spokeswoman for the union did not immediately respond to requests for comment on the mayor's proposal.")).toEqual([]);
    // the fronted question of "Asked …, she said …" is no claim of the article
    expect(
      unsourced(
        'Asked, for example, if she would back school closures if they cost jobs in her district, she called for “a fair plan,” with some closures and some new schools.',
      ),
    ).toEqual([]);
    // a refusal beside a claim of the article's own keeps the sentence
    expect(unsourced('The campaign did not say where the ad would run, but its budget has been in Iowa.').map((u) => u[1])).toEqual(['no-attribution']);
  });

  it('abstains on a report whose attribution was not built: an active reporting verb with a subject and that / a quotation after it', () => {
    // the verb after "caused … to" is no attribution pattern, but the sentence reports what others warned
    expect(unsourced('The vote caused several mayors to warn that the region risked a backlash.')).toEqual([]);
    // negated, passive, or with the writer as subject: no abstention
    expect(unsourced('The vote caused several mayors not to warn that the region risked a backlash.').map((u) => u[1])).toEqual(['no-attribution']);
    expect(unsourced('The reform is widely seen as a failure by the region.').length).toBe(1);
    expect(unsourced('The region risked a backlash, and the mayors were slow to respond to it.')).toEqual([
      [0, 'no-attribution', 'The region risked a backlash, and the mayors were slow to respond to it.'],
    ]);
  });

  it('abstains on a sentence that puts out a text and gives its words (issued a statement saying …, released a memo titled …)', () => {
    expect(unsourced('The ministry sent a letter to the council late on Friday asking it to keep the border closed.')).toEqual([]);
    expect(unsourced('The campaign manager released a memo titled “Where the race stands” on Monday night.')).toEqual([]);
    // a statement put out with no words of it given is the article's account
    const text = 'The ministry sent a letter to the council on Friday after the border closed for a week.';
    expect(unsourced(text)).toEqual([[0, 'no-attribution', text]]);
  });

  it('reads the words after a cue that follows its quotation as the reporting clause ("…," X declared in a televised address)', () => {
    expect(unsourced('“Our nation is in danger,” the prime minister declared in a televised address Wednesday evening.')).toEqual([]);
    // a claim of the article's own after "and" stays its own
    const text = '“Our nation is in danger,” the prime minister declared on Wednesday, and the army then closed the border.';
    expect(unsourced(text).map((u) => u[1])).toEqual(['beside-source']);
  });

  it('lets the next sentence run on a report that ends with its cue and source ("…, prosecutors said.")', () => {
    const text = 'The mayor spent the money on a cruise and a holiday home, prosecutors said. Two paintings were bought for the office with it.';
    expect(unsourced(text)).toEqual([[text.indexOf('Two'), 'continues-source', 'Two paintings were bought for the office with it.']]);
    // in a new paragraph it is the article's own
    const apart = text.replace('said. Two', 'said.\n\nTwo');
    expect(unsourced(apart)).toEqual([[apart.indexOf('Two'), 'no-attribution', 'Two paintings were bought for the office with it.']]);
  });

  it('reads a quotation the writer gives from their own earlier writing as the article speaking', () => {
    const text = 'In an earlier column I wrote:\n\n“The army has lost control of the north and the government hides it.”';
    expect(unsourced(text)).toEqual([[text.indexOf('“'), 'no-attribution', '“The army has lost control of the north and the government hides it.”']]);
    expect(unsourced('The minister wrote:\n\n“The army has lost control of the north and the government hides it.”')).toEqual([]);
  });

  it('does not end a sentence inside "(R-S.C.)" or a web address', () => {
    const a = articleFrom('Sen. Lindsey Graham (R-S.C.) said the bill failed. Rep. Joe Crowley (D-N.Y.) teased him. GunBroker.com, has removed the listing.');
    expect(a.sentences.map((x) => x.text)).toEqual([
      'Sen. Lindsey Graham (R-S.C.) said the bill failed.',
      'Rep. Joe Crowley (D-N.Y.) teased him.',
      'GunBroker.com, has removed the listing.',
    ]);
  });

  it('gives reasons: prediction, prescriptive, agentless passive, vague source', () => {
    expect(unsourced('The new law will cut poverty in half.')).toEqual([[0, 'prediction', 'The new law will cut poverty in half.']]);
    expect(unsourced('The deal is likely to anger the opposition.')[0]?.[1]).toBe('prediction');
    expect(unsourced('The government must resign before the summer.')[0]?.[1]).toBe('prescriptive');
    expect(unsourced('The reform is widely seen as a failure by now.')[0]?.[1]).toBe('no-attribution'); // "by now" is not an agent, but "by" blocks the rule
    expect(unsourced('The reform is widely seen as a failure.')[0]?.[1]).toBe('agentless-passive');
    expect(unsourced('Critics say the reform is a failure.')).toEqual([[0, 'vague-source', 'Critics say the reform is a failure.']]);
    expect(unsourced('The general was reportedly arrested in the capital.')[0]?.[1]).toBe('vague-source');
  });

  it('does not flag headings, questions, quotation introductions or quoted words', () => {
    expect(unsourced('Army Takes Control Of The Capital\n\nWill the army hand back power to civilians?')).toEqual([]);
    expect(unsourced('The minister said:\n\n“We will never leave this country, whatever happens next.”')).toEqual([]);
    expect(unsourced('“We will never leave this country, whatever happens,” the minister told reporters.')).toEqual([]);
  });

  it('does not treat "it should be noted" as prescriptive', () => {
    expect(unsourced('It should be noted that the army controls the north.')[0]?.[1]).toBe('no-attribution');
  });

  it('never throws on odd quote marks', () => {
    for (const t of ['"The army', '” ” the army will win ”', '«The army must go', 'x'.repeat(10_000) + ' "']) expect(() => unsourced(t)).not.toThrow();
  });
});

describe('unsourced assertions on the bundled corpus', () => {
  const paths = [
    'lavrov-african-tour.md',
    'newsvoice-2024-06-21-burkina-faso-russian-assistance.md',
    'starfolk-2025-04-03-russia-military-influence-west-africa.md',
  ].map((n) => resolve(REPO, 'corpus', n));
  const report = analyseArticles(
    paths.map((p) => prepareArticle(p)),
    lex,
  );
  const of = (name: string) => {
    const article = report.articles.find((a) => a.path.endsWith(name))!;
    const text = readFileSync(resolve(REPO, 'corpus', name), 'utf8');
    const mine = report.findings.filter((f) => f.article === article.id);
    return {
      text,
      unsourced: mine.filter((f): f is UnsourcedFinding => f.kind === 'unsourced'),
      attributions: mine.filter((f): f is AttributionFinding => f.kind === 'attribution'),
    };
  };

  it('flags the French-forces sentence (the source of the sentence before does not cover it)', () => {
    const { text, unsourced: u } = of('lavrov-african-tour.md');
    const sentence =
      'This is an area threatened by the filtration of armed groups from Benin, where they are trained by French forces stationed in the northern part of the country, in Kandi to be precise.';
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    expect(u.find((f) => f.start === start)).toMatchObject({ end: start + sentence.length, reason: 'no-attribution', rule: 'rule:unsourced-no-attribution' });
    const before = text.indexOf('It is also worth noting that, according to information from military sources');
    expect(u.some((f) => f.start === before)).toBe(false);
  });

  it('matches the hand-made gold: the no-attribution claims shown (0.91), the eight of other reasons (< 0.85) in the JSON only, no attributed sentence shown', () => {
    const s = scoreUnsourcedGold(loadUnsourcedGold(), bundledFlags(lex));
    expect(s.missed.map((g) => g.snippet)).toEqual([
      'This rapprochement with Russia will enable the countries of the Sahel region',
      'In the fight against terrorism, Burkina Faso and Niger must continue',
      'Rusal already operates in Guinea',
      "This move is seen as a significant expansion of Russia's influence",
      "Russia's involvement is seen as a significant boost to the initiative",
      'The development is also seen as a significant expansion',
      'The development is likely to be closely watched by Western powers',
      "However, one thing is clear: Russia's involvement is set to play",
    ]);
    expect(s.wronglyFlagged.map((g) => g.snippet)).toEqual([]);
    expect([s.unsourced, s.attributed, s.recall, s.precision]).toEqual([42, 20, 34 / 42, 1]);
    const all = scoreUnsourcedGold(
      loadUnsourcedGold(),
      bundledFlags(lex).map((f) => ({ ...f, shown: true })),
    );
    expect([all.missed.length, all.wronglyFlagged.length]).toEqual([0, 0]);
  });

  it("flags the Newsvoice author's quotation of his own earlier article as the outlet's claims", () => {
    const { text, unsourced: u } = of('newsvoice-2024-06-21-burkina-faso-russian-assistance.md');
    for (const sentence of [
      '”The country’s spiralling security situation justifies the interim government to keep on with the protection of its borders.',
      'However, the Russians, through Wagner PMC, have offered immense support to the army.”',
    ]) {
      const start = text.indexOf(sentence);
      expect(u.find((f) => f.start === start)).toMatchObject({ end: start + sentence.length, reason: 'no-attribution' });
    }
  });

  it("flags the Starfolk evaluation beside Lavrov's statement with its own reason", () => {
    const { text, unsourced: u } = of('starfolk-2025-04-03-russia-military-influence-west-africa.md');
    const sentence =
      "Russia's involvement is seen as a significant boost to the initiative, with Lavrov stating that Russian specialists can help develop and arm the forces with specific weapons and machinery.";
    const start = text.indexOf(sentence);
    expect(u.find((f) => f.start === start)).toMatchObject({ end: start + sentence.length, reason: 'agentless-passive' });
  });

  it('flags the agentless "is seen as" evaluation and the predictions of the Starfolk article', () => {
    const { text, unsourced: u } = of('starfolk-2025-04-03-russia-military-influence-west-africa.md');
    const reasonAt = (s: string) => u.find((f) => f.start === text.indexOf(s))?.reason;
    expect(reasonAt('This move is seen as a significant expansion')).toBe('agentless-passive');
    expect(reasonAt('The development is likely to be closely watched')).toBe('prediction');
    expect(reasonAt("However, one thing is clear: Russia's involvement is set to play")).toBe('prediction');
  });

  it('flags the prescriptive closing sentence of the Lavrov article', () => {
    const { text, unsourced: u } = of('lavrov-african-tour.md');
    expect(u.find((f) => f.start === text.indexOf('In the fight against terrorism, Burkina Faso and Niger must'))?.reason).toBe('prescriptive');
  });
});

describe('unsourced assertions: linear in the article size', () => {
  it('handles 40,000 sentences, 40,000 quotations and 20,000 attributions within the default timeout', () => {
    // Built by hand (no NLP) so only findUnsourced is measured: before the fix every sentence scanned
    // every quotation and every attribution (2.4e9 steps here); now each is looked up by binary search.
    const n = 40_000;
    const unit = 'The council will meet soon and "decide" later on. ';
    const text = unit.repeat(n);
    const tokens: AnalysedArticle['tokens'] = [];
    const sentences: AnalysedArticle['sentences'] = [];
    const attributions: Parameters<typeof findUnsourced>[1] = [];
    const words = unit.trimEnd().match(/"|[\w]+|\./g)!;
    for (let i = 0; i < n; i++) {
      const base = i * unit.length;
      const tokenStart = tokens.length;
      let at = 0;
      for (const w of words) {
        const start = base + unit.indexOf(w, at);
        at = start - base + w.length;
        const type = /\w/.test(w) ? 'word' : 'punctuation';
        tokens.push({
          start,
          end: start + w.length,
          text: w,
          index: tokens.length,
          normal: w.toLowerCase(),
          lemma: w.toLowerCase(),
          pos: w === 'will' ? 'AUX' : type === 'word' ? 'NOUN' : 'PUNCT',
          type,
          sentence: i,
        });
      }
      sentences.push({
        start: base,
        end: base + unit.length - 1,
        text: unit.trimEnd(),
        index: i,
        tokenStart,
        tokenEnd: tokens.length,
        paragraph: 0,
        heading: false,
      });
      if (i % 2 === 1) {
        // every other sentence carries a named attribution (its cue inside the sentence)
        const cue = { start: base + 4, end: base + 11, text: 'council', neutral: true };
        attributions.push({
          kind: 'attribution',
          start: base,
          end: base + 20,
          text: '',
          explanation: '',
          rule: 'r',
          pattern: 'subject-said-that',
          source: { start: base, end: base + 3, text: 'The' },
          cue,
          content: null,
          direct: false,
          sourceType: 'official',
        });
      }
    }
    const article: AnalysedArticle = {
      id: 'a1',
      path: 'big.txt',
      format: 'txt',
      text,
      meta: { title: null, outlet: null, author: null, date: null, url: null },
      body: [{ start: 0, end: text.length }],
      boilerplate: [],
      sentences,
      tokens,
      entities: [],
      notices: [],
    };
    const found = findUnsourced(article, attributions, lex);
    expect(found).toHaveLength(n / 2);
    expect(found.every((f) => f.reason === 'prediction')).toBe(true);
    expect(found[1]!.start).toBe(2 * unit.length);
  });
});

describe('sentences that are no claim, and reports without "that" (issue #14, tuning sheets seeds 113 and 127)', () => {
  it('leaves an instruction to the reader alone, but not a sentence whose second verb makes a claim', () => {
    const text = 'The council approved the budget on Monday. Read the rest of the story here.';
    expect(unsourced(text)).toEqual([[0, 'no-attribution', 'The council approved the budget on Monday.']]);
    expect(unsourced('Watch the full interview with the mayor below.')).toEqual([]);
    // a name the tagger reads as a verb, and an imperative with a claim after it, keep their findings
    const claim = 'Make no mistake, this budget is a gamble on growth.';
    expect(unsourced(claim)).toEqual([[0, 'no-attribution', claim]]);
  });

  it('leaves a fragment without a clause of its own alone: a credit, a name with its description cut from a list', () => {
    expect(unsourced('Photographs by Scott Olson via Getty Images and Reuters.')).toEqual([]);
    expect(unsourced('Pat Caddell, a former aide to Jimmy Carter who is now a Fox News contributor.')).toEqual([]);
    // a relative clause inside the subject leaves the main verb after it: a claim
    const subject = 'The years that followed were unkind to the party.';
    expect(unsourced(subject)).toEqual([[0, 'no-attribution', subject]]);
    // a verb the tagger reads as a noun ("the crowd cheers Trump") keeps the finding
    const misread = 'People click on stories that surprise them.';
    expect(unsourced(misread)).toEqual([[0, 'no-attribution', misread]]);
  });

  it('abstains on a reporting verb whose clause comes without "that", even when the tagger reads the verb as a noun', () => {
    expect(unsourced('Her office claims the bill would cut deficits by $416 billion over the next decade.')).toEqual([]);
    // an infinitive or a verb after a modal reports nothing
    const modal = 'The top earners would see an average tax cut of $275,000 next year.';
    expect(unsourced(modal)).toEqual([[0, 'no-attribution', modal]]);
  });

  it('reads "joined a chorus … calling for" as a report of what someone said', () => {
    expect(unsourced('The governor on Tuesday joined a chorus of lawmakers calling for the mayor to resign.')).toEqual([]);
  });
});

describe('recordings, views, titles and signed posts (issue #14 round 5, tuning sheets seeds 139 and 151)', () => {
  it('leaves narration of a recording alone: a participle of being seen or heard before a verb in -ing, "In the video, …", "The footage shows …"', () => {
    expect(unsourced('The senator is then seen grabbing the camera from the student.')).toEqual([]);
    expect(unsourced('A guard can be heard shouting at the crowd outside the gate.')).toEqual([]);
    expect(unsourced('In the video, an officer draws his gun and fires twice.')).toEqual([]);
    expect(unsourced('The footage shows the officer drawing his gun near the car.')).toEqual([]);
    // the same actions told in the outlet's own voice, or "seen as" an evaluation, keep their findings
    expect(unsourced('The senator grabbed the camera from the student.')).toEqual([[0, 'no-attribution', 'The senator grabbed the camera from the student.']]);
    expect(unsourced('The reform is widely seen as a failure.')).toEqual([[0, 'agentless-passive', 'The reform is widely seen as a failure.']]);
    // "In the end, …" names no recording
    expect(unsourced('In the end, the council approved the budget.')).toEqual([[0, 'no-attribution', 'In the end, the council approved the budget.']]);
  });

  it('leaves a view held by the subject alone (are convinced that, is confident that), not one of the writer', () => {
    expect(unsourced('A handful of party insiders are now more convinced that there will be a floor fight.')).toEqual([]);
    expect(unsourced('The mayor is confident that the levy will pass in May.')).toEqual([]);
    const own = 'We are convinced that the levy will pass in May.';
    expect(unsourced(own)).toEqual([[0, 'prediction', own]]);
  });

  it('leaves a view told by a verb of holding it alone (considers, does not think), as the first verb of the sentence, not a participle, a passive, an infinitive or a later verb', () => {
    // tuning sheet polnear-train seed 157: the view of the man quoted the sentence before
    expect(unsourced('Mr. Netanyahu considers Mr. Obama hopelessly naive about the region.')).toEqual([]);
    expect(unsourced("Harsh? He doesn't think so.")).toEqual([]);
    expect(unsourced('Democrats don’t think the senator can catch the governor in New Hampshire.')).toEqual([]);
    const participle = 'Justice Breyer, an appointee considered a liberal, ranks high on the business-friendly list.';
    expect(unsourced(participle)).toEqual([[0, 'no-attribution', participle]]);
    const passive = 'He is still widely considered a future contender for the office.';
    expect(unsourced(passive)).toEqual([[0, 'no-attribution', passive]]);
    const later = 'Trump wavered in answering whether he would consider Jerusalem the capital, drawing boos from the crowd.';
    expect(unsourced(later)).toEqual([[0, 'no-attribution', later]]);
    const writer = 'I think the levy will pass in May.';
    expect(unsourced(writer).length).toBe(1);
  });

  it('reads a lawsuit filed with its claims (filed a lawsuit …, alleging that …) as a report, not a lawsuit filed about something', () => {
    expect(unsourced('The attorney general filed a $40 million lawsuit in 2013 alleging that the school had defrauded its students.')).toEqual([]);
    expect(unsourced('Two states filed a federal lawsuit in the Supreme Court on Thursday, claiming that the law was void.')).toEqual([]);
    const about = 'The watchdog group filed a lawsuit against the department concerning the talking points in July.';
    expect(unsourced(about)).toEqual([[0, 'no-attribution', about]]);
  });

  it('reads a speech act without a reporting verb (heaped scorn on, fired off a statement) and a report of how or what someone talks about as reports', () => {
    expect(unsourced('After the mayors heaped scorn upon the company, the governor suggested a boycott.')).toEqual([]);
    expect(unsourced('Within hours, the group fired off to the board a statement demanding an apology.')).toEqual([]);
    expect(unsourced('The governor explained how the new levy would be collected.')).toEqual([]);
    // an infinitive reports nothing: the choice is the writer's account
    const infinitive = 'The president chose the capital to announce what became his signature plan.';
    expect(unsourced(infinitive)).toEqual([[0, 'no-attribution', infinitive]]);
  });

  it('gives no prescriptive reason to a past or participial obligation (had to, the help needed to)', () => {
    expect(unsourced('Reneging on the treaty would complicate the coordination needed to combat floods.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('He had to be careful when he debated the governor.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The council needs to act before the winter.')[0]?.[1]).toBe('prescriptive');
  });

  it("leaves a plain-text file's title line, a post signed by a lone @handle and a roundup item with a bracketed credit alone", () => {
    const title = 'Bill is back: the former governor on the campaign trail.\n\nThe former governor spoke to a crowd of 700 on Monday night.';
    expect(unsourced(title)).toEqual([[58, 'no-attribution', 'The former governor spoke to a crowd of 700 on Monday night.']]);
    const post =
      'Readers wrote in after the debate.\n\nThe governor spews hate and ignorance.\n\n@reader_one.\n\nThe debate drew ten million viewers on Monday.';
    // (the first line is the file's title)
    expect(unsourced(post).map((f) => f[2])).toEqual(['The debate drew ten million viewers on Monday.']);
    expect(unsourced(post.replace('\n\n@reader_one.', '')).map((f) => f[2])).toEqual([
      'The governor spews hate and ignorance.',
      'The debate drew ten million viewers on Monday.',
    ]);
    const roundup =
      'The morning roundup of election news follows below.\n\n-A columnist takes another look at what happened in Iowa. [Bloomberg.]\n\nTurnout in Iowa rose by a third this year.';
    expect(unsourced(roundup).map((f) => f[2])).toEqual(['Turnout in Iowa rose by a third this year.']);
    expect(unsourced(roundup.replace(' [Bloomberg.]', '')).map((f) => f[2])).toEqual([
      '-A columnist takes another look at what happened in Iowa.',
      'Turnout in Iowa rose by a third this year.',
    ]);
    // a first paragraph of more than 25 words is no title
    const lead = 'The former governor, back on the campaign trail after a decade away, spoke for an hour to a crowd of 700 in a college gym on Monday night.';
    expect(unsourced(`${lead}\n\nHe left without taking questions.`)).toEqual([
      [0, 'no-attribution', lead],
      [lead.length + 2, 'no-attribution', 'He left without taking questions.'],
    ]);
  });
});

describe('real subjects, captions, documents, decks and embedded posts (issue #14 round 6, tuning sheets seeds 157 and 163)', () => {
  it('reads a wh-clause after a reporting verb as a report only after a real subject (not a gerund, not a relative pronoun)', () => {
    expect(unsourced('The governor explained how the new levy would be collected.')).toEqual([]);
    expect(unsourced('The governor, a former banker, explained how the new levy would be collected.')).toEqual([]);
    const relative = 'The visit ended with a speech, which confirmed what I always knew about the mayor.';
    expect(unsourced(relative)).toEqual([[0, 'no-attribution', relative]]);
    // a verb in -s the tagger reads as a noun after a name still reports ("talks about growing up …")
    expect(unsourced('Perez talks about growing up in Buffalo and how optimistic he is about the region.')).toEqual([]);
  });

  it('narrates a recording only in the present of a caption, also with the recording named between', () => {
    expect(unsourced('Etheridge, a Democrat, is seen in an amateur video grabbing the wrist of a young man.')).toEqual([]);
    const past = 'The senator was filmed leaving the hall early on Monday.';
    expect(unsourced(past)).toEqual([[0, 'no-attribution', past]]);
  });

  it("leaves a sentence going on with what a document named as the reporting subject before says; a person's report may still run on", () => {
    const rules = 'The rules issued Thursday said the policies would affect all married couples. The rules, though, would not apply to civil unions.';
    expect(unsourced(rules)).toEqual([]);
    expect(unsourced('The study found that rents rose by a third. The study also found that wages fell.')).toEqual([]);
    // what the document lacks is the outlet's observation
    const lacks = 'The study found that rents rose by a third. The study did not provide evidence that landlords colluded.';
    expect(unsourced(lacks)).toEqual([[44, 'continues-source', 'The study did not provide evidence that landlords colluded.']]);
    const person = 'The mayor said the policies would affect all married couples. The mayor, though, would not apply to civil unions.';
    expect(unsourced(person)).toEqual([[62, 'continues-source', 'The mayor, though, would not apply to civil unions.']]);
  });

  it('gives no prescriptive reason to a conditional should, and no prediction to the future a plan puts forward in a that-clause', () => {
    expect(unsourced('The claims are circumstantial, but it does not help his case should there ever be one.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The rules cost little now, and they would lapse should the appeals court strike them down.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The plan commits itself to the idea that immigration reform will be handled in pieces.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The new law will cut poverty in half.')[0]?.[1]).toBe('prediction');
    expect(unsourced('The government should resign before the summer.')[0]?.[1]).toBe('prescriptive');
  });

  it('reads blame with a verb of harsh criticism and a letter sent past an apposition as reports', () => {
    expect(unsourced('In an interview on Sunday, the senator also hammered the president for what he called his failure on jobs.')).toEqual([]);
    expect(unsourced('A group of 90 professors has sent Ryan, R-Wis., a letter saying he has misused the doctrine.')).toEqual([]);
  });

  it("leaves an instruction to listen or watch with a participle after a noun, a plain-text file's headline and deck, and an embedded post in markup", () => {
    expect(unsourced('Listen to the interview with the senator in the latest episode of the podcast embedded below.')).toEqual([]);
    // advice to the reader or to a candidate without a pointer to the page stays a claim
    const advice = 'Start by not borrowing from anywhere other than the federal government.';
    expect(unsourced(advice)).toEqual([[0, 'no-attribution', advice]]);
    // a caption after a semicolon does not hide the clause before it
    const semi = 'The senator was exempted from the rule; she is famously shown in a photograph using her phone on a plane.';
    expect(unsourced(semi)).toEqual([[0, 'no-attribution', semi]]);
    // a text put out must be the verb's object, not a noun after a preposition
    const chunk = 'The aide sent the senator a large chunk of the emails that have now been marked secret.';
    expect(unsourced(chunk)).toEqual([[0, 'no-attribution', chunk]]);
    const deck =
      'Conventions race to close fundraising gaps; \nDeadline is fast approaching as each committee works to raise more.\n\nBoth conventions remain short of their goals this year.';
    expect(unsourced(deck)).toEqual([[deck.indexOf('Both'), 'no-attribution', 'Both conventions remain short of their goals this year.']]);
    // a first paragraph of two sentences on two lines, the first ending with a full stop, is no headline
    const lead = 'The former governor spoke to a crowd of 700 on Monday.\nHe left the hall without taking questions.\n\nThe crowd stayed for an hour.';
    expect(unsourced(lead).map((f) => f[2])).toEqual([
      'The former governor spoke to a crowd of 700 on Monday.',
      'He left the hall without taking questions.',
      'The crowd stayed for an hour.',
    ]);
    const post =
      'Leaders reacted on Twitter.\n\n<tweet author="some_senator" timestamp="1449075600">My thoughts are with the victims and their families.</tweet>.\n\nThe shooting left 14 dead.';
    expect(unsourced(post).map((f) => f[2])).toEqual(['The shooting left 14 dead.']);
    const closedBySelf = post.replace('</tweet>', '<tweet/>');
    expect(unsourced(closedBySelf).map((f) => f[2])).toEqual(['The shooting left 14 dead.']);
  });
});

describe('speech acts, report clauses, list items and announced futures (issue #14 round 8, tuning sheets seed 181)', () => {
  it('reads a verb of a speech act as the main verb as a report, also past a relative clause on its subject', () => {
    expect(unsourced('Democrats have already pounced.')).toEqual([]);
    expect(unsourced('Civil liberties groups decried the leak on Friday.')).toEqual([]);
    expect(unsourced('The senator vowed to block the bill in committee.')).toEqual([]);
    expect(unsourced('Other groups that are pushing to preserve the benefits accused the board of abandoning its members.')).toEqual([]);
    // a participle before a noun, or after a clause opener in a side clause, is no speech act of the sentence
    const delegates = 'Clinton was on track to secure a majority of pledged delegates.';
    expect(unsourced(delegates)).toEqual([[0, 'no-attribution', delegates]]);
    const side = 'The board met on Monday because the groups accused it of delays.';
    expect(unsourced(side).map((f) => f[2])).toEqual([side]);
  });

  it('reads "contrasted X with Y" as a comparison someone made, but not "contrasts sharply with"', () => {
    expect(unsourced('Graham contrasted that with Clinton, who wants to bring people together.')).toEqual([]);
    const own = 'The drop in rents contrasts sharply with the rise in wages last year.';
    expect(unsourced(own)).toEqual([[0, 'no-attribution', own]]);
  });

  it('gives a sentence with "as X notes," or a quotation closed before ", reads a statement from X" to that source', () => {
    expect(unsourced("Certainly, as the Examiner's Phillip Klein notes, it will deepen the reluctance to talk about reform.")).toEqual([]);
    expect(unsourced('"The law protects every faith," reads a statement from the senator\'s office.')).toEqual([]);
    // "as well as" and an as-clause without a reporting verb stay the outlet's
    const well = 'As the storm moved north, the city closed its schools and offices.';
    expect(unsourced(well)).toEqual([[0, 'no-attribution', well]]);
  });

  it('leaves the items of a list a colon introduction sets out, also when an item quotes someone', () => {
    const text =
      'A set of talking points was circulated by the campaign:\n\n-He joined the reserves in 1970 and served for six years.\n\n-He has said he was "proud of his service" at many events.\n\n-He has been a constant champion of veterans.\n\nThe campaign spent $2 million on ads in May.';
    expect(unsourced(text).map((f) => f[2])).toEqual(['The campaign spent $2 million on ads in May.']);
  });

  it('gives no prediction to a future passive (a schedule or an announced plan), and leaves a source credit line', () => {
    expect(unsourced('The final presidential debates will be held Oct. 16 and Oct. 22.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('Included will also be $10 billion in cash for the states.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The new law will cut poverty in half.')[0]?.[1]).toBe('prediction');
    expect(unsourced('The poll found most voters opposed it.\n\nSource USA TODAY/Suffolk University.')).toEqual([]);
  });

  // Round 9 (issue #14): sentences that go on with a source named just before, from judged sheets
  it('reads the second predicate of a reported clause as reported (check sheet polnear-dev seed 193)', () => {
    expect(unsourced('Police say he posed a deadly threat and refused to drop the gun.')).toEqual([]);
    // not past an aside of the writer's inside the content (tuning sheet basil-tune seed 181)
    const aside =
      'Rather than go ahead with the debate and declare that he will not run — Mr. Trump has flirted with running for president several times since the 1980s but has always decided not to follow through — he chose to drop the debate.';
    expect(unsourced(aside).map((u) => u[0])).toEqual([0]);
  });

  it('gives a stance told right after its source to that source (tuning sheet basil-tune seed 197)', () => {
    const before =
      '“I mean, I do believe in the traditional values of marriage between a man and a woman,” youth pastor Stephen Lenahan told Fox News after a leisurely breakfast with three members of his ministry.';
    const stance =
      'He is also puzzled as to why Dan Cathy is such a target, when other corporate CEOs who openly support same-sex marriage are not similarly criticized by conservatives.';
    expect(unsourced(`${before} ${stance}`)).toEqual([]);
    // in a paragraph of its own it no longer follows the source: the outlet's claim
    expect(unsourced(`${before}\n\n${stance}`).map((u) => u[2])).toEqual([stance]);
  });

  it('gives a list of what a reported noun holds to the report (check sheets seeds 149, 167, 193)', () => {
    const before =
      "In court papers filed against Jackson on Friday, prosecutors said that upon conviction he must forfeit $750,000, plus tens of thousands of dollars' worth of memorabilia items and furs.";
    const list =
      'The memorabilia includes a football signed by U.S. presidents, a Michael Jackson fedora, and memorabilia of Martin Luther King Jr., Malcolm X, Jimi Hendrix and Bruce Lee -- all from a company called Antiquities of Nevada.';
    expect(unsourced(`${before} ${list}`)).toEqual([]);
    // a verb that does not list keeps the finding
    expect(unsourced(`${before} The memorabilia was sold at auction last year for a large sum.`).map((u) => u[1])).toEqual(['continues-source']);
  });

  it('gives a sentence between two reports of one source to that source, also named by its initials (tuning sheet polnear-train seed 197)', () => {
    const first =
      'In Orlando, Clinton made an impromptu stop at the Pulse nightclub in Orlando, where 49 people were killed June 12 by a lone gunman in a mass shooting, the Associated Press reported Friday.';
    const between = 'She placed a bouquet of white flowers at the site next to a candle and a framed picture of a cross.';
    const last =
      'Clinton was joined by Sen. Bill Nelson (D-Fla.), first responders and community residents at the makeshift memorial outside the club, the AP reported.';
    expect(unsourced(`${first} ${between} ${last}`)).toEqual([]);
    // another source after it: the sentence keeps its finding
    expect(unsourced(`${first} ${between} ${last.replace('the AP reported', 'the mayor said')}`).map((u) => u[2])).toEqual([between]);
  });

  it('leaves the answers of a question-and-answer interview to the interviewee (tuning sheet polnear-train seed 197)', () => {
    const qa = [
      'Q: So come on, do you wish you were running?',
      'A: No, but I’m going to make my views known. It’s not about either one of the candidates; I can live with either one of them.',
      'Q: What about the court?',
      'A: The Senate has a duty to vote on the nominee before the summer.',
      'The interview has been edited for length and clarity by the newspaper staff.',
    ].join('\n\n');
    expect(unsourced(qa).map((u) => u[2])).toEqual(['The interview has been edited for length and clarity by the newspaper staff.']);
    // one answer alone is no transcript
    expect(unsourced('A: The Senate has a duty to vote on the nominee before the summer.').length).toBe(1);
  });

  it('leaves a credit line opened by a label of the lexicon, with or without its colon', () => {
    expect(unsourced('Credit: Reuters photographers took these pictures.')).toEqual([]);
    expect(unsourced('Sources: Census Bureau figures show the trend.')).toEqual([]);
    expect(unsourced('Reuters photographers took these pictures.').length).toBe(1);
  });

  it('gives a figure to a named poll or average of polls in its sentence (tuning sheet polnear-train seed 197)', () => {
    expect(unsourced('Trump leads Cruz by roughly 9 percentage points, 42%-32.7%, in the RealClearPolitics average of recent Hoosier polls.')).toEqual([]);
    // no figure: the investigation is no source of the claim
    const claim =
      'A new line of investigation has been opened in the FBI investigation of Hillary Clinton, and it could have a tremendous impact on the 2016 presidential race.';
    expect(unsourced(claim).length).toBe(1);
    // no poll named: the outlet's own figure
    expect(unsourced('Trump leads Cruz by roughly 9 percentage points in Indiana.').length).toBe(1);
  });
});

describe('round 10 (issue #14): named sources one step off, pointers, inferences, speech acts', () => {
  it("gives 'reportedly' right after a sentence of its paragraph naming an outlet to that outlet, not to a vague source", () => {
    const text = 'The agency can read the messages, the Washington Post reports. The calls can reportedly be monitored as well.';
    expect(unsourced(text)).toEqual([]);
    // in a paragraph of its own, "reportedly" stays a vague source
    expect(unsourced(text.replace('reports. The', 'reports.\n\nThe'))).toEqual([[64, 'vague-source', 'The calls can reportedly be monitored as well.']]);
  });

  it('leaves a sentence wholly in brackets opening with a verb of pointing the reader (web check sheet seed 211)', () => {
    const text = 'The company sorts the posts by hand. (See Facebook’s own description of this process.)';
    expect(unsourced(text).map((f) => f[2])).toEqual(['The company sorts the posts by hand.']);
    expect(unsourced(text.replace('(See', 'See').replace('process.)', 'process.')).map((f) => f[2])).toContain(
      'See Facebook’s own description of this process.',
    );
  });

  it("reads 'must have' with a participle as an inference, not a prescription; 'must have' with an object stays prescriptive", () => {
    expect(unsourced('The guards must have dug the tunnel over several months.')).toEqual([
      [0, 'no-attribution', 'The guards must have dug the tunnel over several months.'],
    ]);
    expect(unsourced('The bill must have sixty votes to pass the chamber.')).toEqual([
      [0, 'prescriptive', 'The bill must have sixty votes to pass the chamber.'],
    ]);
  });

  it("reads a post ('went on Twitter to', 'took to Twitter to') as a speech act, also after an opening phrase", () => {
    // a clause of the outlet's own before ", and" keeps the finding
    expect(unsourced('The rallies grew violent, and the candidate took to Twitter to call out protesters.')).toHaveLength(1);
    expect(unsourced('Several actors went on Twitter to applaud the announcement on Friday.')).toEqual([]);
    expect(unsourced('After the vote, the senator took to Twitter to thank her staff.')).toEqual([]);
  });
});

describe('round 10 (issue #14): more of what a named source put forward, in a later paragraph', () => {
  it('gives "Other recommendations included …" to the source that recommended, two paragraphs before', () => {
    const text =
      'The task force recommended that schools train willing staff.\n\nMany states currently prohibit guns in schools.\n\nOther recommendations included creating threat assessment teams at schools.';
    expect(unsourced(text).map((f) => f[2])).toEqual(['Many states currently prohibit guns in schools.']);
    // without a report of that stem before, the list is the outlet's own
    expect(unsourced(text.replace('recommended that', 'wants')).map((f) => f[2])).toContain(
      'Other recommendations included creating threat assessment teams at schools.',
    );
  });
});

describe('round 12 (issue #14): figures after a named poll, study or report (a reason measured apart)', () => {
  it('gives a figure a paragraph or two after a poll named as a source the reason after-data (tuning sheet polnear-train seed 197)', () => {
    const poll = 'A new Quinnipiac University poll found that most voters in the state back the plan.';
    const figure = 'He has a negative 42%-49% approval rating.';
    expect(unsourced(`${poll}\n\nVoters went to the polls early in the morning.\n\n${figure}`)).toEqual([
      [poll.length + 2, 'no-attribution', 'Voters went to the polls early in the morning.'],
      [poll.length + 50, 'after-data', figure],
    ]);
    // a person named as the source, not a poll: the figure is the outlet's own
    expect(unsourced(`The mayor said that most voters in the state back the plan.\n\n${figure}`).map((u) => u[1])).toEqual(['no-attribution']);
    // three paragraphs on, the poll is too far back
    expect(unsourced(`${poll}\n\nVoters went to the polls early.\n\nThe rain stopped by noon on the day.\n\n${figure}`).map((u) => u[1])).toEqual([
      'no-attribution',
      'no-attribution',
      'no-attribution',
    ]);
    // a year or a date is no figure
    expect(unsourced(`${poll} The plan was first put forward in 2012 by the governor.`).map((u) => u[1])).toEqual(['continues-source']);
  });
});

describe('round 13 (issue #14): the reasons beside-source and prediction only where they fit (judged tuning sheets, seed 271)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-unsourced-r13-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  /** The unsourced finding of a real tuning article at `start`: [start, end, reason], or null when the sentence is not flagged. */
  const at = (ref: string, start: number) => {
    const f = auditFindings(auditArticlePath(ref, tmp, DATASETS), lex).findings.find((x) => x.kind === 'unsourced' && x.start === start);
    return f && f.kind === 'unsourced' ? [f.start, f.end, f.reason] : null;
  };

  it.skipIf(!HAS_DATASETS)('gives beside-source only beside an attribution parallax is fairly sure of (confidence at least 0.6)', () => {
    // "two phone calls" read as a source (0.5): no source beside, the sentence keeps its own reason
    expect(at('basil:2012/cad4bba5-cf97-45cb-8059-ebeb47dcec7a_1.json', 1209)).toEqual([1209, 1374, 'no-attribution']);
    // "saying he understood …" (participle-continues, 0.81): a claim of its own beside a sure report
    expect(at('polnear:train/nyt_2016-06-09_ryan-calls-trump-line-racist-but.txt', 2952)).toEqual([2952, 3133, 'beside-source']);
  });

  it.skipIf(!HAS_DATASETS)('reads no clause of the writer in a participle phrase or a text named before its words', () => {
    // "given Wal-Mart's thousands of stores": a participle that is never a past tense heads a phrase
    expect(at('basil:2011/2058ec60-5372-4f5f-83a3-da780be3a350_1.json', 6184)).toBeNull();
    // "since being named Saturday as …": a passive gerund
    expect(at('basil:2012/2ec04201-2016-4227-baf7-ba8289058203_3.json', 372)).toBeNull();
    // "sent a letter to the president and chairman of the board of trustees last Friday asking …": the letter's words, 13 words on
    expect(at('basil:2012/29ffd053-7684-469b-a600-97000579bd01_3.json', 2064)).toBeNull();
    // "In a statement released Tuesday afternoon, they said …": the participle names the text
    expect(at('basil:2012/08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.json', 426)).toBeNull();
    const texts = unsourced(
      'Costs will rise, he said, “because the drought is bad” given the dry season.\n\nThe city sent a letter to the mayor and the council last Friday asking them to act.',
    );
    expect(texts).toEqual([]);
    // with an auxiliary the participle is a verb of the writer's clause
    expect(unsourced('The city has given the council a new budget for the coming year.').map((u) => u[1])).toEqual(['no-attribution']);
  });

  it.skipIf(!HAS_DATASETS)('reads a will with a day, a month or an hour as a schedule, and a will inside an open question as no forecast', () => {
    expect(at('basil:2010/74708dbf-5dfc-4c66-8419-d7dbc00e4a06_1.json', 2706)).toEqual([2706, 2783, 'no-attribution']);
    expect(at('polnear:train/west-journal_2016-08-17_wyoming-republicans-support-send.txt', 636)).toEqual([636, 771, 'no-attribution']);
    expect(at('basil:2011/0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d_3.json', 2425)).toEqual([2425, 2586, 'no-attribution']);
    // a year alone, or a word of likelihood, keeps the forecast
    expect(at('basil:2011/576116e5-2b18-4d35-be73-36f5863c9468_1.json', 2986)).toEqual([2986, 3050, 'prediction']);
    expect(at('basil:2010/ae243a95-b2c2-410c-9e2b-b083b4b8eb48_3.json', 82)).toEqual([82, 263, 'prediction']);
    const schedule = 'The committee will meet on Tuesday to pick a new chair.';
    const forecast = 'The committee will pick a weak chair.';
    // (the first paragraph is read as the headline)
    expect(unsourced(`The old chair resigned in a hurry last year.\n\n${schedule}\n\n${forecast}`)).toEqual([
      [46, 'no-attribution', schedule],
      [103, 'prediction', forecast],
    ]);
  });
});

describe('round 17 (issue #14): after-data only for figures, vague some, speech verbs before that, pointer lines (judged tuning sheets)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-unsourced-r17-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  /** The unsourced finding of a real tuning article at `start`: [start, end, reason, shown at the default threshold], or null. */
  const at = (ref: string, start: number) => {
    const f = auditFindings(auditArticlePath(ref, tmp, DATASETS), lex).findings.find((x) => x.kind === 'unsourced' && x.start === start);
    return f && f.kind === 'unsourced' ? [f.start, f.end, f.reason, f.confidence >= 0.5] : null;
  };

  it.skipIf(!HAS_DATASETS)('keeps a prescription or a forecast after a data source under its own reason, and hides after-data (tuning 3/8)', () => {
    // "Congress needs to make a legislative move … before the 112th Congress takes over in January" (unsourced-basil-tune-seed113 #6)
    expect(at('basil:2010/ae243a95-b2c2-410c-9e2b-b083b4b8eb48_2.json', 1620)).toEqual([1620, 1758, 'prescriptive', true]);
    // "President Obama is preparing to deliver his State of the Union Address …" (unsourced-prediction-polnear-train-seed7 #5)
    expect(at('polnear:train/usa-today_2016-01-12_energy-guns-top-young-voters-age.txt', 1039)).toEqual([1039, 1380, 'prediction', true]);
    // a poll's figure a paragraph on (unsourced-polnear-train-seed139 #14) and the FEC filings' (unsourced-polnear-train-seed287 #8): still
    // after-data, no longer shown
    expect(at('polnear:train/usa-today_2016-05-12_poll-battleground-senate-races-a.txt', 919)).toEqual([919, 961, 'after-data', false]);
    expect(at('polnear:train/huff-post_2016-08-23_donald-trump-jacked-up-his-campa.txt', 3644)).toEqual([3644, 3712, 'after-data', false]);
  });

  it('reads "one" as no figure after a poll', () => {
    const poll = 'A new survey by the Pew Research Center found that voters are split on the plan.';
    const one = 'One of the most divisive issues is the tax on imports.';
    const two = 'The city council voted 7 to 2 to raise the tax on Monday.';
    const found = unsourced(`Voters split on trade plan\n\n${poll} ${one}\n\nThe mayor backs the plan.\n\n${two}`);
    // right after the report it may run on it (continues-source), but it gives no figure
    expect(found.find((u) => u[2] === one)?.[1]).toBe('continues-source');
    expect(found.find((u) => u[2] === two)?.[1]).toBe('after-data');
  });

  it.skipIf(!HAS_DATASETS)('gives a view set off as "for some" to a vague source', () => {
    // "For some, it harks to the days of intolerance and segregation." (unsourced-basil-tune-seed287 #18)
    expect(at('basil:2012/450755dd-30d3-478b-933e-917be5c384ba_3.json', 1856)).toEqual([1856, 1918, 'vague-source', true]);
    // "And in a turn that called to mind, for some, Gov. George Wallace's famous 1963 refrain …" (unsourced-beside-source-polnear-train-seed271 #1)
    expect(at('polnear:train/breitbart_2015-12-21_nytimes-casually-conflates-ted-c.txt', 1034)).toEqual([1034, 1275, 'vague-source', true]);
    // "for some time," is no holder of a view
    expect(unsourced('The plant has been closed for some time, and the town has shrunk.').map((u) => u[1])).toEqual(['no-attribution']);
  });

  it.skipIf(!HAS_DATASETS)('reads countered / protested that as a report, and a pointer to a linked page as no claim', () => {
    // "Democratic Illinois Sen. Dick Durbin countered that Obama “is a phone call away …”" (unsourced-basil-tune-seed287 #20)
    expect(at('basil:2012/cad4bba5-cf97-45cb-8059-ebeb47dcec7a_3.json', 3847)).toBeNull();
    // "His campaign protested that Clinton aides were being “disingenuous” because they knew …" (unsourced-polnear-train-seed139 #17)
    expect(at('polnear:train/wash-post_2016-04-05_democratic-primaries-turn-into-a.txt', 4570)).toBeNull();
    // "The full poll can be found here." (unsourced-polnear-train-seed287 #3)
    expect(at('polnear:train/breitbart_2016-02-18_poll-bernie-sanders-burns-hillar.txt', 2576)).toBeNull();
    // an act told by the outlet keeps its finding
    expect(unsourced('Thousands of workers protested outside the plant on Monday morning.').map((u) => u[1])).toEqual(['no-attribution']);
  });
});

describe('round 20 (issue #14): a source speaking through a cue parallax missed (PolNeAR train)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-unsrc20-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const at = (ref: string, start: number) => {
    const f = auditFindings(auditArticlePath(ref, tmp, DATASETS), lex).findings.find((x) => x.kind === 'unsourced' && x.start === start);
    return f && f.kind === 'unsourced' ? [f.start, f.end, f.reason] : null;
  };

  it.skipIf(!HAS_DATASETS)(
    'reads ruled that, affirmed that, "X, a consultant, notes that", "remain confident that" and "Polls show" as a source speaking',
    () => {
      // each was flagged no-attribution (or prediction) before this round
      expect(at('polnear:train/west-journal_2016-03-11_breaking-bernie-sanders-just-got.txt', 207)).toBeNull();
      expect(at('polnear:train/west-journal_2015-11-18_donald-trump-just-revealed-who-h.txt', 783)).toBeNull();
      expect(at('polnear:train/usa-today_2016-04-07_how-each-candidate-could-play-th.txt', 2249)).toBeNull();
      expect(at('polnear:train/nyt_2016-01-30_traditionally-democrat-unions-ar.txt', 2166)).toBeNull();
      expect(at('polnear:train/wash-post_2016-01-24_mired-in-third-place-rubio-prepa.txt', 2464)).toBeNull();
      expect(at('polnear:train/usa-today_2016-04-06_sanders-says-he-s-riding-momentu.txt', 1908)).toBeNull();
    },
  );

  it('keeps the finding where the words report nothing', () => {
    expect(unsourced('The judge ruled that the law was unconstitutional.')).toEqual([]);
    expect(unsourced('The governor ruled out a tax increase.')).toEqual([[0, 'no-attribution', 'The governor ruled out a tax increase.']]);
    expect(unsourced('The alliance affirmed its unwavering friendship with the region.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('Smith, a party consultant, notes that the vote was close.')).toEqual([]);
    expect(unsourced('Officials have effectively ruled that out.')).toEqual([[0, 'no-attribution', 'Officials have effectively ruled that out.']]);
    // a list of places before "states that" is no appositive
    expect(unsourced('Kasich is campaigning in Massachusetts and Vermont, states that vote on March 1.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('Labor leaders remain confident that they can keep their members.')).toEqual([]);
    // a negated view stays the outlet's account
    expect(unsourced('Many voters do not remain confident that the plan will work.')[0]?.[1]).toBe('prediction');
    expect(unsourced('Polls show Clinton up by 10 points in New York.')).toEqual([]);
    expect(unsourced('Voters remain angry about the plan.')[0]?.[1]).toBe('no-attribution');
  });
});

describe('round 21 (issue #14): a source still speaking beside its report, a vague source that is a named one (tuning sheets seed 347)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-unsrc21-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const at = (ref: string, start: number) => {
    const f = auditFindings(auditArticlePath(ref, tmp, DATASETS), lex).findings.find((x) => x.kind === 'unsourced' && x.start === start);
    return f && f.kind === 'unsourced' ? [f.start, f.end, f.reason] : null;
  };

  it.skipIf(!HAS_DATASETS)('reads a condition, a cleft, "summed up … as", named members and a named by-agent as part of the report', () => {
    // each was flagged before this round (beside-source or vague-source) and judged wrong or partly
    expect(at('polnear:train/politico_2016-02-04_insiders-trump-will-rebound-in-n.txt', 5547)).toBeNull(); // Even if …, insiders … said
    expect(at('polnear:train/west-journal_2015-12-12_boom-trump-just-fired-a-word-mis.txt', 299)).toBeNull(); // summed up Clinton as
    expect(at('basil:2011/005a2961-0c2e-4575-8eec-770ba52a08e0_1.json', 1539)).toBeNull(); // including Glenn Beck and Bill O'Reilly
    expect(at('basil:2012/65cb14cb-2d27-41e5-a2be-6fd6314f4363_1.json', 273)).toBeNull(); // It was during a campaign stop … that Mr. Santorum
    expect(at('basil:2010/6b541575-99b1-40d2-8730-9bb868ee38ed_1.json', 1986)).toBeNull(); // posted on YouTube by "DCCameraGuy"
    // judged right: the outlet's own narration beside a report keeps its finding
    expect(at('polnear:train/nyt_2016-03-12_protesting-at-trump-rallies-a-ri.txt', 6300)).toEqual([6300, 6462, 'beside-source']);
    expect(at('basil:2011/576116e5-2b18-4d35-be73-36f5863c9468_1.json', 2526)).toEqual([2526, 2683, 'beside-source']);
  });

  it('keeps the finding where the frame is the outlet’s own', () => {
    expect(unsourced('Even if the plan fails, the mayor said, the city will recover.')).toEqual([]);
    expect(unsourced('If elected, Mr. Smith said, he would cut taxes.')).toEqual([]);
    // a time clause before a report may be the outlet's narration: kept
    expect(unsourced('After the meeting ended in mayhem, Roberta Lange said she had received death threats.')[0]?.[1]).toBe('beside-source');
    // a condition that does not end right before the source stays the outlet's
    expect(unsourced('If the plan fails, it would be a blow to reformers who say the program is too generous.')[0]?.[1]).toBe('beside-source');
    expect(unsourced('It was during a campaign stop in Ohio that Mr. Smith said he would run.')).toEqual([]);
    // an extraposed judgement is no cleft
    expect(unsourced('It was clear that Mr. Smith said nothing new.')[0]?.[1]).toBe('no-attribution');
    expect(unsourced('The senator summed up the plan as a giveaway.')).toEqual([]);
    expect(unsourced('Several conservatives, including Glenn Beck and Bill Smith, have criticized the mayor for the plan.')).toEqual([]);
    expect(unsourced('Several conservatives have criticized the mayor for the plan.')[0]?.[1]).toBe('vague-source');
    expect(unsourced('The video, which was posted on YouTube by Dan Smith, does not show the faces of the men.')).toEqual([]);
    expect(unsourced('The video, which was posted on YouTube, does not show the faces of the men.')[0]?.[1]).toBe('vague-source');
    // the by-phrase of another verb names no source of the expectation
    expect(unsourced('The post is expected to be filled by House Speaker Paul Ryan.')[0]?.[1]).toBe('vague-source');
    // a wish or an aim after a condition keeps the condition the outlet's
    expect(unsourced('If Cruz looks to build on his momentum, Rubio is seeking to stop the bleeding.')[0]?.[1]).toBe('no-attribution');
  });
});
