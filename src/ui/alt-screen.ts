/**
 * The terminal's alternate screen (quitting restores what was there before), and whether parallax
 * is in it: Ctrl-C while the loading frame shows ends the process from the CLI's SIGINT handler,
 * which must leave it too, or the user's shell comes back inside parallax's screen. Imports
 * nothing, so the CLI can load it at start-up.
 */
import { writeSync } from 'node:fs';

export const ENTER_ALT = '\u001b[?1049h\u001b[H';
export const LEAVE_ALT = '\u001b[?1049l';
/** Shows the cursor again (ink hides it while it draws). */
const SHOW_CURSOR = '\u001b[?25h';

let inside = false;

/** Enters the alternate screen, writing `then` (a frame) after the switch. */
export function enterAltScreen(out: NodeJS.WritableStream, then = ''): void {
  out.write(`${ENTER_ALT}${then}`);
  inside = true;
}

/** Leaves the alternate screen (when parallax entered it). */
export function leaveAltScreen(out: NodeJS.WritableStream): void {
  if (!inside) return;
  out.write(LEAVE_ALT);
  inside = false;
}

/**
 * Leaves the alternate screen synchronously on file descriptor `fd` and shows the cursor, when
 * parallax is in it: for the interrupt handler, after which the process exits at once.
 */
export function leaveAltScreenNow(fd = 1): void {
  if (!inside) return;
  inside = false;
  try {
    writeSync(fd, `${LEAVE_ALT}${SHOW_CURSOR}`);
  } catch {
    // stdout already closed: there is no screen to restore
  }
}
