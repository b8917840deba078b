/** Evaluation of the markers stage (placeholder until that module lands). */
export function run(_datasets: string): void {
  console.log('eval markers: not implemented yet');
}
