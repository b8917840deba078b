/** Evaluation of the alignment stage (placeholder until that module lands). */
export function run(_datasets: string): void {
  console.log('eval alignment: not implemented yet');
}
