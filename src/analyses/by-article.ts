/**
 * Findings grouped by article id, computed once per findings array (memoised on the array), so
 * per-article scores and actor tones do not each filter every finding of every article
 * (articles × findings). Each group keeps the order of `findings`.
 */
const memo = new WeakMap<readonly { article: string }[], { length: number; groups: Map<string, unknown[]> }>();

const NONE: readonly never[] = Object.freeze([]);

/** The findings of `article` in the order of `findings` (the array must not change between calls; its length is checked). */
export function findingsOf<F extends { article: string }>(findings: readonly F[], article: string): readonly F[] {
  let hit = memo.get(findings);
  if (!hit || hit.length !== findings.length) {
    const groups = new Map<string, unknown[]>();
    for (const f of findings) {
      const g = groups.get(f.article);
      if (g) g.push(f);
      else groups.set(f.article, [f]);
    }
    hit = { length: findings.length, groups };
    memo.set(findings, hit);
  }
  return (hit.groups.get(article) as F[] | undefined) ?? NONE;
}
