/**
 * The command a report records ("Reproduce this report", the handout's footer): the inputs, sorted,
 * and the options that change what is written. Not where it goes (--out, --md, --json, --html), nor
 * --quiet, --progress, --force or the time and size budgets, which change no byte of a report that
 * is written (the handout adds its own `--md-style handout`). Without such options it is the bare `parallax analyze PATHS…`, as before.
 */
export interface RecordedFlags {
  lexicons?: readonly string[];
  disable?: readonly string[];
  minConfidence?: number;
  outlets?: { file: string };
}

export function recordedCommand(head: string, paths: readonly string[], flags: RecordedFlags): string {
  const options = [
    ...(flags.lexicons ?? []).map((d) => `--lexicons ${d}`),
    ...(flags.disable ?? []).map((n) => `--disable ${n}`),
    flags.minConfidence === undefined ? '' : `--min-confidence ${flags.minConfidence}`,
    flags.outlets ? `--outlets ${flags.outlets.file}` : '',
  ].filter(Boolean);
  return [head, ...[...paths].sort(), ...options].join(' ');
}
