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
