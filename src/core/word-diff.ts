/**
 * Word-level diff between two versions of a sentence or quotation (the `diff` package), shared
 * by alignment (quote reuse) and every view. Pure.
 */
import { wordsWithSpaceDiff } from 'diff';

import type { DiffPart } from './types.js';

export type { DiffPart } from './types.js';

/** Most token edits (words, spaces, punctuation) a word diff looks for; beyond it the versions are shown as replaced. */
export const MAX_DIFF_EDITS = 400;

/**
 * Word diff of `a` → `b`, case-insensitive on words: the same parts as the `diff` package's
 * `diffWordsWithSpace(a, b, { ignoreCase: true })`, computed faster. Its tokens (words, runs of
 * spaces, line breaks, single other characters) are numbered by their lower-case form and the
 * numbers diffed with `diffIds` (the `diff` package's Myers search as `diffArrays` runs it, on
 * numbers instead of lower-casing two strings at every step); shared and added parts take the text of `b`, removed
 * parts the text of `a`, as `diffWordsWithSpace` does. Two versions that differ by more than
 * `MAX_DIFF_EDITS` tokens come back as one removed and one added part: a word diff of texts that
 * different tells a reader nothing, and the search's cost grows with the edits (long, very
 * different event versions once took seconds each in corpus mode).
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const ids = new Map<string, number>();
  const idsOf = (tokens: string[]) =>
    tokens.map((t) => {
      const key = t.toLowerCase();
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  const oldTokens = wordsWithSpaceDiff.tokenize(a) as string[];
  const newTokens = wordsWithSpaceDiff.tokenize(b) as string[];
  const oldIds = idsOf(oldTokens);
  const newIds = idsOf(newTokens);
  // Every token one version has more often than the other costs at least one edit, so when those
  // surpluses add up past the bound the search would give up anyway: skip it (the same result,
  // without the search's cost, which grows with length times edits).
  const parts = leastEdits(oldIds, newIds, ids.size) > MAX_DIFF_EDITS ? undefined : diffIds(oldIds, newIds, MAX_DIFF_EDITS);
  if (!parts)
    return [
      { op: 'removed', text: a },
      { op: 'added', text: b },
    ];
  let oldPos = 0;
  let newPos = 0;
  return parts.map((p) => {
    if (p.removed) return { op: 'removed', text: oldTokens.slice(oldPos, (oldPos += p.count)).join('') };
    const text = newTokens.slice(newPos, (newPos += p.count)).join('');
    if (!p.added) oldPos += p.count;
    return { op: p.added ? 'added' : 'same', text };
  });
}

/**
 * Groups a diff for reading: a run of changes separated only by whitespace that both versions
 * share becomes one removed part followed by one added part ("~~will cost 12~~ **costs 15**"
 * rather than alternating words). Pure; the texts of both versions are preserved.
 */
export function groupChanges(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    const p = parts[i]!;
    if (p.op === 'same') {
      pushSame(out, p.text);
      i++;
      continue;
    }
    // Extend the run over changes and whitespace-only shared parts that lie between changes.
    let j = i;
    let end = i;
    while (j < parts.length && (parts[j]!.op !== 'same' || /^\s+$/u.test(parts[j]!.text))) {
      if (parts[j]!.op !== 'same') end = j;
      j++;
    }
    let removed = '';
    let added = '';
    for (let k = i; k <= end; k++) {
      const q = parts[k]!;
      if (q.op !== 'added') removed += q.text;
      if (q.op !== 'removed') added += q.text;
    }
    // Whitespace both versions have at the run's edges is shared, not changed.
    const lead = commonEdge(removed, added, /^\s*/u);
    const trail = commonEdge(removed.slice(lead.length), added.slice(lead.length), /\s*$/u);
    removed = removed.slice(lead.length, removed.length - trail.length);
    added = added.slice(lead.length, added.length - trail.length);
    if (lead !== '') pushSame(out, lead);
    if (removed !== '') out.push({ op: 'removed', text: removed });
    if (added !== '') out.push({ op: 'added', text: added });
    if (trail !== '') pushSame(out, trail);
    i = end + 1;
  }
  return out;
}

/** The longest whitespace edge (matched by `edge`, anchored at one end) common to `a` and `b`. */
function commonEdge(a: string, b: string, edge: RegExp): string {
  const x = edge.exec(a)?.[0] ?? '';
  const y = edge.exec(b)?.[0] ?? '';
  const atEnd = edge.source.endsWith('$');
  let n = 0;
  while (n < x.length && n < y.length && (atEnd ? x[x.length - 1 - n] === y[y.length - 1 - n] : x[n] === y[n])) n++;
  return atEnd ? x.slice(x.length - n) : x.slice(0, n);
}

function pushSame(out: DiffPart[], text: string): void {
  const last = out[out.length - 1];
  if (last && last.op === 'same') last.text += text;
  else out.push({ op: 'same', text });
}

/** A lower bound on the insertions plus deletions turning `a` into `b`: the size of their multisets' symmetric difference. */
function leastEdits(a: readonly number[], b: readonly number[], distinct: number): number {
  const count = new Int32Array(distinct);
  for (const x of a) count[x] = count[x]! + 1;
  for (const x of b) count[x] = count[x]! - 1;
  let n = 0;
  for (const c of count) n += Math.abs(c);
  return n;
}

/** One run of a diff of two id arrays: `count` ids kept, added (only in the new) or removed (only in the old). */
export interface IdChange {
  count: number;
  added: boolean;
  removed: boolean;
}

/** The nodes of `diffIds`' search, reused by every search (grown as one needs more: ~1 MB for 400 edits). */
let nodes = new Int32Array(0);

/**
 * The edit script of `oldIds` → `newIds`: the same runs, in the same order and with the same ties,
 * as the `diff` package's `diffArrays(oldIds, newIds, { maxEditLength })` (its Myers search in
 * `Diff.diffWithOptionsObj`, version 8, ported step by step), or undefined when more than
 * `maxEditLength` edits are needed. Faster: the search's diagonals are kept in an array from 0
 * (the package indexes a JavaScript array by negative diagonals, which makes it a slow dictionary),
 * it does not read the clock at every step, and its paths are numbered nodes in one array kept
 * for every search (`nodes`) instead of two objects per step (a search that gives up
 * after 400 edits made ~80,000 of each).
 * tests/core/word-diff.test.ts compares the two.
 */
export function diffIds(oldIds: readonly number[], newIds: readonly number[], maxEditLength: number): IdChange[] | undefined {
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  const maxEdits = Math.min(maxEditLength, oldLen + newLen);
  // A path is a node: the node it extends by one edit (-1 for the first path), whether that edit
  // removed an id (else it added one), and its oldPos after the common run that follows the edit.
  let size = 0;
  const node = (parent: number, removed: boolean, oldPos: number): number => {
    if (3 * size === nodes.length) {
      const grown = new Int32Array(Math.max(3 * 1024, 2 * nodes.length));
      grown.set(nodes);
      nodes = grown;
    }
    nodes[3 * size] = parent;
    nodes[3 * size + 1] = removed ? 1 : 0;
    nodes[3 * size + 2] = oldPos;
    return size++;
  };
  const oldPosOf = (k: number) => nodes[3 * k + 2]!;
  // Paths by diagonal: bestPath[d + offset] for diagonals -offset..offset (-1: none).
  const offset = maxEdits + 2;
  const bestPath = new Array<number>(2 * offset + 1).fill(-1);
  // Follows the diagonal from `oldPos` while the ids agree; returns the oldPos where it stops.
  const extractCommon = (oldPos: number, diagonal: number): number => {
    let newPos = oldPos - diagonal;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldIds[oldPos + 1] === newIds[newPos + 1]) {
      newPos++;
      oldPos++;
    }
    return oldPos;
  };
  // The runs of the path ending at node `last`: from the first node, each node's edit and the
  // common run after it, runs of one kind merged (as the package's components are).
  const values = (last: number): IdChange[] => {
    const chain: number[] = [];
    for (let k = last; k >= 0; k = nodes[3 * k]!) chain.push(k);
    const out: IdChange[] = [];
    const push = (count: number, added: boolean, removed: boolean) => {
      const prev = out[out.length - 1];
      if (prev && prev.added === added && prev.removed === removed) prev.count += count;
      else out.push({ count, added, removed });
    };
    let oldPos = -1;
    for (let c = chain.length - 1; c >= 0; c--) {
      const k = chain[c]!;
      if (nodes[3 * k]! >= 0) {
        const removed = nodes[3 * k + 1] === 1;
        push(1, !removed, removed);
        if (removed) oldPos++;
      }
      if (oldPosOf(k) > oldPos) push(oldPosOf(k) - oldPos, false, false);
      oldPos = oldPosOf(k);
    }
    return out;
  };
  const first = node(-1, false, extractCommon(-1, 0));
  bestPath[offset] = first;
  if (oldPosOf(first) + 1 >= oldLen && oldPosOf(first) + 1 >= newLen) return values(first);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEdits; editLength++) {
    for (let d = Math.max(minDiagonal, -editLength); d <= Math.min(maxDiagonal, editLength); d += 2) {
      const removePath = bestPath[d - 1 + offset]!;
      const addPath = bestPath[d + 1 + offset]!;
      if (removePath >= 0) bestPath[d - 1 + offset] = -1;
      let canAdd = false;
      if (addPath >= 0) {
        const addPathNewPos = oldPosOf(addPath) - d;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = removePath >= 0 && oldPosOf(removePath) + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestPath[d + offset] = -1;
        continue;
      }
      const add = !canRemove || (canAdd && oldPosOf(removePath) < oldPosOf(addPath));
      const parent = add ? addPath : removePath;
      const oldPos = extractCommon(oldPosOf(parent) + (add ? 0 : 1), d);
      const newPos = oldPos - d;
      const basePath = node(parent, !add, oldPos);
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return values(basePath);
      bestPath[d + offset] = basePath;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  return undefined;
}
