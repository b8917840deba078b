/**
 * Did-you-mean for words a user types (sub-commands, `--disable` names): the nearest known name
 * by edit distance, or null when none is near enough to be a typo.
 */

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest name to `word` (at most 2 edits, fewer for short names, or a prefix of at least 3 letters), else null. */
export function nearestName(word: string, names: Iterable<string>): string | null {
  const w = word.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = w.length >= 3 && name.startsWith(w) ? 1 : editDistance(w, name);
    if (d <= Math.min(2, Math.max(1, Math.floor(name.length / 3))) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name ?? null;
}
