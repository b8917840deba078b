/**
 * Preloaded (`node --import`) into every process the bench's whole-command section times: at
 * exit, writes the process's CPU time (user + system, all threads) and peak RSS as JSON to the
 * file named by `PARALLAX_BENCH_USAGE`. Changes nothing else.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['PARALLAX_BENCH_USAGE'];
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
  });
}
