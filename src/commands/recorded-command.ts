/**
 * The command a report records ("Reproduce this report", the handout's footer, corpus mode's
 * outlets.meta.json and story reports): the inputs as given and the options that change what is
 * written. Not where it goes (--out, --md, --json, --html, --pages), nor --quiet, --progress, --force
 * or the time and size budgets, which change no byte of a report that is written (the handout adds
 * its own `--md-style handout`). Without such options it is the bare command.
 */
import { shellWord } from '../core/escape.js';

export interface RecordedFlags {
  lexicons?: readonly string[];
  disable?: readonly string[];
  outlets?: { file: string };
  minArticles?: number;
  minConfidence?: number;
}

export function recordedCommand(head: string, inputs: readonly string[], flags: RecordedFlags): string {
  const options = [
    ...(flags.lexicons ?? []).map((d) => `--lexicons ${shellWord(d)}`),
    ...(flags.disable ?? []).map((n) => `--disable ${shellWord(n)}`),
    flags.outlets ? `--outlets ${shellWord(flags.outlets.file)}` : '',
    flags.minArticles === undefined ? '' : `--min-articles ${flags.minArticles}`,
    flags.minConfidence === undefined ? '' : `--min-confidence ${flags.minConfidence}`,
  ].filter(Boolean);
  return [head, ...inputs.map(shellWord), ...options].join(' ');
}
