/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and lists where the time went: self and
 * total time per function, and total time per source file or npm package, as shares of the
 * profile. Used to find the hot spots the bench report names.
 *
 * Usage: node dist/bench/profile.js FILE.cpuprofile [--top N] [--filter TEXT]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
/** The parts of a `.cpuprofile` used here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** One row of a profile summary: times in ms, shares of the whole profile in 0–1. */
export interface ProfileRow {
  key: string;
  selfMs: number;
  totalMs: number;
  selfShare: number;
  totalShare: number;
}

/** Per-function and per-file/package summaries of a profile. */
export interface ProfileSummary {
  totalMs: number;
  functions: ProfileRow[];
  files: ProfileRow[];
}

/** Where a frame's code lives: `src/x/y.ts`-like for our code, `pkg:name` for node_modules, `node:` for built-ins. */
export function fileKey(url: string): string {
  if (url === '') return '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `pkg:${nm[1]}`;
  const dist = /\/dist\/(.+)$/.exec(url);
  if (dist) return `dist/${dist[1]}`;
  if (url.startsWith('node:')) return 'node:(internals)';
  return basename(url);
}

/** Summarises `profile`: each sample counts once per distinct function/file on its stack for totals. */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fnKey = (n: ProfileNode) => {
    const f = n.callFrame;
    const name = f.functionName || '(anonymous)';
    return f.url ? `${name} ${fileKey(f.url)}:${f.lineNumber + 1}` : name;
  };
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const fileTotal = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const leaf = byId.get(id);
    if (!leaf) return;
    add(fnSelf, fnKey(leaf), dt);
    add(fileSelf, fileKey(leaf.callFrame.url), dt);
    const seenFn = new Set<string>();
    const seenFile = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = fnKey(n);
      if (!seenFn.has(k)) {
        seenFn.add(k);
        add(fnTotal, k, dt);
      }
      const fk = fileKey(n.callFrame.url);
      if (!seenFile.has(fk)) {
        seenFile.add(fk);
        add(fileTotal, fk, dt);
      }
    }
  });
  const rows = (self: Map<string, number>, tot: Map<string, number>): ProfileRow[] =>
    [...tot.keys()]
      .map((key) => {
        const s = self.get(key) ?? 0;
        const t = tot.get(key) ?? 0;
        return { key, selfMs: s, totalMs: t, selfShare: total ? s / total : 0, totalShare: total ? t / total : 0 };
      })
      .sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs || (a.key < b.key ? -1 : 1));
  return { totalMs: total, functions: rows(fnSelf, fnTotal), files: rows(fileSelf, fileTotal) };
}

function table(rows: ProfileRow[], top: number, by: 'self' | 'total'): string {
  const sorted = [...rows].sort((a, b) => (by === 'self' ? b.selfMs - a.selfMs : b.totalMs - a.totalMs)).slice(0, top);
  return sorted
    .map(
      (r) =>
        `${(100 * r.selfShare).toFixed(1).padStart(5)}% self ${r.selfMs.toFixed(0).padStart(6)} ms  ${(100 * r.totalShare).toFixed(1).padStart(5)}% total  ${r.key}`,
    )
    .join('\n');
}

if (process.argv[1] && basename(process.argv[1]) === 'profile.js' && import.meta.url.endsWith('/bench/profile.js')) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile.js FILE.cpuprofile [--top N] [--filter TEXT]\n');
    process.exit(2);
  }
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) || 25 : 25;
  const filterAt = args.indexOf('--filter');
  const filter = filterAt >= 0 ? (args[filterAt + 1] ?? '') : '';
  // A reader that stops early (`… | head`) is not an error: stop quietly, as the CLI does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let profile: CpuProfile;
  try {
    profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) throw new Error('no "nodes" and "samples" arrays');
  } catch (e) {
    process.stderr.write(
      `profile: ${file}: expected a V8 CPU profile (JSON written by node --cpu-prof), found ${(e as Error).message} — fix: pass the .cpuprofile file node --cpu-prof --cpu-prof-dir DIR wrote\n`,
    );
    process.exit(2);
  }
  const s = summariseProfile(profile);
  const keep = (r: ProfileRow) => !filter || r.key.includes(filter);
  process.stdout.write(`profile: ${s.totalMs.toFixed(0)} ms sampled\n\nby function, self time:\n${table(s.functions.filter(keep), top, 'self')}\n`);
  process.stdout.write(`\nby function, total time:\n${table(s.functions.filter(keep), top, 'total')}\n`);
  process.stdout.write(`\nby file / package, total time:\n${table(s.files.filter(keep), top, 'total')}\n`);
}
