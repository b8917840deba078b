/**
 * Whole commands as users run them, each paired with a bare wink-nlp process over the same texts
 * in the same run (src/bench/bare-wink.ts): `parallax corpus DIR --out OUT` on 300 PolNeAR texts
 * and at two corpus sizes (the scaling exponent and peak RSS), and `parallax analyze corpus --out
 * DIR` (JSON + markdown + HTML). Each process is timed spawn to exit (wall) and by its own CPU
 * time and peak RSS (src/bench/usage-preload.ts). The two sides alternate; ratios are taken per
 * pair, then the median. Nothing here asserts a time limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.js';
import { msSince, round, summarise, type Summary } from './stats.js';

/** One process run: wall time spawn → exit, its own CPU time (all threads) and peak RSS. */
export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** A command paired with the bare wink-nlp floor over the same folder. */
export interface PairedCommand {
  id: string;
  label: string;
  articles: number;
  runs: { command: ProcessRun; bare: ProcessRun }[];
  wallMs: Summary;
  cpuMs: Summary;
  bareWallMs: Summary;
  bareCpuMs: Summary;
  /** Per pair: command ÷ bare, wall and CPU. */
  wallRatio: Summary;
  cpuRatio: Summary;
  maxRssMb: number;
}

export interface WholeCommands {
  corpus300: PairedCommand | null;
  /** `parallax corpus` at the smallest and largest scaling sizes. */
  scaling: PairedCommand[];
  /** log(time ratio) / log(size ratio) between the two scaling sizes, on wall and on CPU time. */
  exponent: { wall: number; cpu: number } | null;
  analyze: { wallMs: Summary; cpuMs: Summary; maxRssMb: number; nodeFloorMs: Summary } | null;
  workers: string;
}

const dist = (...p: string[]) => join(PACKAGE_ROOT, 'dist', ...p);

/** Runs `node ARGS` with the usage preload; throws with its stderr when it fails. */
export function runProcess(args: string[], work: string, env: NodeJS.ProcessEnv = {}): ProcessRun {
  const usage = join(work, `usage-${process.pid}.json`);
  rmSync(usage, { force: true });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', dist('bench', 'usage-preload.js'), ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env, PARALLAX_BENCH_USAGE: usage },
  });
  const wallMs = msSince(t);
  if (r.status !== 0 || !existsSync(usage)) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { cpuMs: number; maxRssMb: number };
  return { wallMs, cpuMs: u.cpuMs, maxRssMb: u.maxRssMb };
}

/** `parallax corpus DIR` paired with bare wink over DIR, `reps` times, the two alternating. */
export function pairedCorpus(id: string, label: string, dir: string, reps: number, work: string, env: NodeJS.ProcessEnv = {}): PairedCommand {
  const runs: PairedCommand['runs'] = [];
  const out = join(work, `out-${id}`);
  for (let r = 0; r < reps; r++) {
    const pair = () => {
      const bare = runProcess([dist('bench', 'bare-wink.js'), dir], work);
      rmSync(out, { recursive: true, force: true });
      const command = runProcess([dist('cli.js'), 'corpus', dir, '--out', out, '-q'], work, env);
      return { bare, command };
    };
    // Alternate which side goes first, so a load change inside a pair tilts neither side.
    if (r % 2 === 0) runs.push(pair());
    else {
      rmSync(out, { recursive: true, force: true });
      const command = runProcess([dist('cli.js'), 'corpus', dir, '--out', out, '-q'], work, env);
      const bare = runProcess([dist('bench', 'bare-wink.js'), dir], work);
      runs.push({ bare, command });
    }
  }
  rmSync(out, { recursive: true, force: true });
  return {
    id,
    label,
    articles: readdirSync(dir).length,
    runs,
    wallMs: summarise(runs.map((x) => x.command.wallMs)),
    cpuMs: summarise(runs.map((x) => x.command.cpuMs)),
    bareWallMs: summarise(runs.map((x) => x.bare.wallMs)),
    bareCpuMs: summarise(runs.map((x) => x.bare.cpuMs)),
    wallRatio: summarise(runs.map((x) => x.command.wallMs / x.bare.wallMs)),
    cpuRatio: summarise(runs.map((x) => x.command.cpuMs / x.bare.cpuMs)),
    maxRssMb: Math.max(...runs.map((x) => x.command.maxRssMb)),
  };
}

/** `parallax analyze corpus --out DIR` (JSON + markdown + HTML), `reps` times after a warm-up, beside `node -e 0`. */
export function analyzeCorpus(reps: number, work: string): WholeCommands['analyze'] {
  const out = mkdtempSync(join(work, 'analyze-'));
  const args = [dist('cli.js'), 'analyze', 'corpus', '--out', out, '--force', '-q'];
  runProcess(args, work);
  const runs: ProcessRun[] = [];
  const floor: number[] = [];
  for (let r = 0; r < reps; r++) {
    floor.push(runProcess(['-e', '0'], work).wallMs);
    runs.push(runProcess(args, work));
  }
  const written = readdirSync(out);
  if (!['json', 'md', 'html'].every((ext) => written.some((f) => f.endsWith(`.${ext}`)))) throw new Error(`analyze --out wrote ${written.join(', ')}`);
  return {
    wallMs: summarise(runs.map((x) => x.wallMs)),
    cpuMs: summarise(runs.map((x) => x.cpuMs)),
    maxRssMb: Math.max(...runs.map((x) => x.maxRssMb)),
    nodeFloorMs: summarise(floor),
  };
}

/** The scaling exponent between two sizes: log(t2 / t1) / log(n2 / n1). */
export function twoPointExponent(n1: number, t1: number, n2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

export const fmtSummary = (s: Summary, d = 0) => `${round(s.median, d)} (${round(s.min, d)}–${round(s.max, d)})`;
