/** Facts about other processes, for cleaning up what a killed run left behind. */

/** True when the process `pid` is still running (this one included). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
