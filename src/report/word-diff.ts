/**
 * Word-level diff between two versions of a sentence or quotation (the `diff` package), shared
 * by every view. Pure.
 */
import { wordsWithSpaceDiff } from 'diff';

export interface DiffPart {
  /** `same` in both, `added` only in `b`, `removed` only in `a`. */
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word diff of `a` → `b`, case-insensitive on words: exactly the parts of the `diff` package's
 * `diffWordsWithSpace(a, b, { ignoreCase: true })` (tests/report/word-diff.test.ts checks it),
 * computed several times faster. Its tokens (words, runs of spaces, line breaks, single other
 * characters) are numbered by their lower-case form and `editScript` runs the package's own
 * Myers search on the numbers; shared and added parts take the text of `b`, removed parts the
 * text of `a`, as the package does. Word diffs of long event versions (an outlet's whole live
 * blog against another's) were over half of corpus mode's time.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const ids = new Map<string, number>();
  const idsOf = (tokens: string[]) =>
    Int32Array.from(tokens, (t) => {
      const key = t.toLowerCase();
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  const oldTokens = wordsWithSpaceDiff.tokenize(a) as string[];
  const newTokens = wordsWithSpaceDiff.tokenize(b) as string[];
  let oldPos = 0;
  let newPos = 0;
  return editScript(idsOf(oldTokens), idsOf(newTokens)).map((p) => {
    if (p.removed) return { op: 'removed', text: oldTokens.slice(oldPos, (oldPos += p.count)).join('') };
    const text = newTokens.slice(newPos, (newPos += p.count)).join('');
    if (!p.added) oldPos += p.count;
    return { op: p.added ? 'added' : 'same', text };
  });
}

/** A run of the edit script: `count` tokens kept, added or removed; `prev` links to the run before. */
interface Run {
  count: number;
  added: boolean;
  removed: boolean;
  prev: Run | undefined;
}

/**
 * The edit script turning `oldTokens` into `newTokens`: the `diff` package's (8.x) Myers search,
 * step for step (the same diagonals in the same order, the same choice between an insertion and
 * a removal, the same pruning at the graph's edges), so ties resolve as they do there. Per
 * diagonal it keeps the furthest old position in a typed array and the path as a linked list of
 * runs, instead of allocating a path object per step.
 */
function editScript(oldTokens: Int32Array, newTokens: Int32Array): Run[] {
  const oldLen = oldTokens.length;
  const newLen = newTokens.length;
  const max = oldLen + newLen;
  const at = max + 1; // index of diagonal 0
  const oldPosOf = new Int32Array(2 * max + 3);
  const pathOf: (Run | undefined)[] = new Array(2 * max + 3).fill(undefined);
  const alive = new Uint8Array(2 * max + 3);
  /** Follows the diagonal from `oldPos` while tokens agree; sets the diagonal's state; returns newPos. */
  const snake = (k: number, oldPos: number, path: Run | undefined): number => {
    let newPos = oldPos - k;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldTokens[oldPos + 1] === newTokens[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    oldPosOf[at + k] = oldPos;
    pathOf[at + k] = common ? { count: common, added: false, removed: false, prev: path } : path;
    alive[at + k] = 1;
    return newPos;
  };
  const extend = (last: Run | undefined, added: boolean): Run =>
    last && last.added === added && last.removed === !added
      ? { count: last.count + 1, added, removed: !added, prev: last.prev }
      : { count: 1, added, removed: !added, prev: last };
  const runs = (last: Run | undefined): Run[] => {
    const out: Run[] = [];
    for (let r = last; r; r = r.prev) out.push(r);
    return out.reverse();
  };

  let newPos = snake(0, -1, undefined);
  if (oldPosOf[at]! + 1 >= oldLen && newPos + 1 >= newLen) return runs(pathOf[at]);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let edits = 1; edits <= max; edits++) {
    for (let k = Math.max(minDiagonal, -edits); k <= Math.min(maxDiagonal, edits); k += 2) {
      const hasRemove = alive[at + k - 1] === 1;
      const hasAdd = alive[at + k + 1] === 1;
      const removeOld = oldPosOf[at + k - 1]!;
      const removePath = pathOf[at + k - 1];
      const addOld = oldPosOf[at + k + 1]!;
      if (hasRemove) {
        alive[at + k - 1] = 0;
        pathOf[at + k - 1] = undefined;
      }
      const canAdd = hasAdd && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        alive[at + k] = 0;
        pathOf[at + k] = undefined;
        continue;
      }
      const add = !canRemove || (canAdd && removeOld < addOld);
      newPos = add ? snake(k, addOld, extend(pathOf[at + k + 1], true)) : snake(k, removeOld + 1, extend(removePath, false));
      const oldPos = oldPosOf[at + k]!;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runs(pathOf[at + k]);
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  throw new Error('unreachable: an edit script never needs more edits than tokens');
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
