/**
 * A private tmux server for the terminal tests (its own socket, so the tests never touch the
 * user's sessions): run commands, read the pane, send keys, and wait for a screen or a file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** True when tmux is installed (the terminal tests skip otherwise). */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function tmuxServer(socket: string, waitMs = 15_000) {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const capture = (s: string) => tmux('capture-pane', '-p', '-t', s);
  const keys = (s: string, ...k: string[]) => tmux('send-keys', '-t', s, ...k);

  /** Polls the pane until `ok(screen)` holds (at most `ms`), then returns the screen; fails with it otherwise. */
  async function waitFor(s: string, ok: (screen: string) => boolean, what: string, ms = waitMs): Promise<string> {
    const until = Date.now() + ms;
    let screen = '';
    while (Date.now() < until) {
      screen = capture(s);
      if (ok(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
  }

  /**
   * Polls until `path` exists with some text (at most `ms`), then returns it. The default is long:
   * CI runs this suite beside the newcomer's nested `npm test` on two cores, and a process's exit
   * there once took longer than 15 s.
   */
  async function waitForFile(path: string, ms = 60_000): Promise<string> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (existsSync(path) && readFileSync(path, 'utf8').trim()) return readFileSync(path, 'utf8');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${path}`);
  }

  /** Stops the server and its sessions. */
  const kill = () => spawnSync('tmux', ['-L', socket, 'kill-server']);
  return { tmux, capture, keys, waitFor, waitForFile, kill };
}
