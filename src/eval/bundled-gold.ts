/**
 * The bundled corpus against its hand-made event alignment (tests/fixtures/align/bundled-gold.yml):
 * pairwise precision/recall/F1 over cross-article pairs of the sentences the gold lists. A pair
 * is gold when both sentences are mentions of one gold event; it is predicted when one event of
 * the report has a mention overlapping each. Pairs with a sentence the gold does not list are
 * not judged.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { Event } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { prf, type Counts } from './prf.js';

export const BUNDLED_GOLD = resolve(PACKAGE_ROOT, 'tests/fixtures/align/bundled-gold.yml');

interface GoldFile {
  articles: Record<string, string>;
  events: { id: string; label: string; mentions: GoldRef[] }[];
  alone: GoldRef[];
}

/** `[article, sentence]`, or `[article, sentence, n]` for the n-th occurrence (1-based) of a sentence the article repeats. */
type GoldRef = [string, string] | [string, string, number];

/** Offset where the body starts: after a `---` front matter block, else 0 (a title repeated there is not the body's). */
function bodyStart(text: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? m[0].length : 0;
}

/** One gold sentence: its article id, span, and the gold events it reports (none: that article alone reports it). */
export interface GoldMention {
  article: string;
  start: number;
  end: number;
  snippet: string;
  events: string[];
}

/** The gold mentions with spans located in the corpus files (each snippet must occur once). */
export function loadBundledGold(corpusDir = resolve(PACKAGE_ROOT, 'corpus'), file = BUNDLED_GOLD): GoldMention[] {
  const gold = parse(readFileSync(file, 'utf8')) as GoldFile;
  const texts = new Map(Object.entries(gold.articles).map(([id, name]) => [id, readFileSync(resolve(corpusDir, name), 'utf8').replace(/^\uFEFF/, '')]));
  const out = new Map<string, GoldMention>();
  const add = ([article, snippet, n]: GoldRef, event: string | null) => {
    const key = `${article}\t${snippet}\t${n ?? 1}`;
    const seen = out.get(key);
    if (seen) return void (event && seen.events.push(event));
    const text = texts.get(article);
    const starts: number[] = [];
    if (text !== undefined) for (let at = text.indexOf(snippet, bodyStart(text)); at >= 0; at = text.indexOf(snippet, at + 1)) starts.push(at);
    if (n === undefined ? starts.length !== 1 : starts.length < n) {
      throw new Error(
        `${file}: "${snippet}" must occur ${n === undefined ? 'once' : `at least ${n} times`} in the body of ${article} (found ${starts.length})`,
      );
    }
    const start = starts[(n ?? 1) - 1]!;
    out.set(key, { article, start, end: start + snippet.length, snippet, events: event ? [event] : [] });
  };
  for (const e of gold.events) for (const m of e.mentions) add(m, e.id);
  for (const m of gold.alone) add(m, null);
  return [...out.values()];
}

const overlaps = (m: { article: string; start: number; end: number }, g: GoldMention) => m.article === g.article && m.start < g.end && m.end > g.start;

/** Pairwise counts of `events` against the gold, with the gold pairs missed and the pairs wrongly linked. */
export function scoreBundled(events: readonly Event[], gold: readonly GoldMention[]) {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  const missed: [GoldMention, GoldMention][] = [];
  const wrong: [GoldMention, GoldMention][] = [];
  const inEvents = gold.map((g) => new Set(events.filter((e) => e.mentions.some((m) => overlaps(m, g))).map((e) => e.id)));
  for (let x = 0; x < gold.length; x++) {
    for (let y = x + 1; y < gold.length; y++) {
      const [a, b] = [gold[x]!, gold[y]!];
      if (a.article === b.article) continue;
      const isGold = a.events.some((e) => b.events.includes(e));
      const predicted = [...inEvents[x]!].some((id) => inEvents[y]!.has(id));
      if (isGold && predicted) c.tp++;
      else if (isGold) {
        c.fn++;
        missed.push([a, b]);
      } else if (predicted) {
        c.fp++;
        wrong.push([a, b]);
      }
    }
  }
  return { ...c, ...prf(c), missed, wrong };
}
