/**
 * Word-level diff between two versions of a sentence or quotation (the `diff` package), shared
 * by every view. Pure.
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  /** `same` in both, `added` only in `b`, `removed` only in `a`. */
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Word diff of `a` → `b`, case-insensitive on words. */
export function wordDiff(a: string, b: string): DiffPart[] {
  return diffWordsWithSpace(a, b, { ignoreCase: true }).map((p) => ({
    op: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
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
      out.push({ ...p });
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
    if (removed.trim() !== '') out.push({ op: 'removed', text: removed });
    else if (removed !== '') out.push({ op: 'same', text: removed });
    if (added.trim() !== '') out.push({ op: 'added', text: added });
    i = end + 1;
  }
  return out;
}
