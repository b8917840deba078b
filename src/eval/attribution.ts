/** Evaluation of the attribution stage (placeholder until that module lands). */
export function run(_datasets: string): void {
  console.log('eval attribution: not implemented yet');
}
