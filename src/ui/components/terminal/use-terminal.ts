/**
 * What both ink apps (report browser, exercise) need from the terminal: its size (fixed in tests,
 * otherwise the terminal's, one row kept free), a `resize` action dispatched when it changes,
 * and exiting ink once the state says `quit`.
 */
import { useEffect } from 'react';
import { useApp, useStdout } from 'ink';

export interface TerminalSize {
  w: number;
  h: number;
}

/** The size to draw at: `width`/`height` when given (tests), else the terminal's. */
export function useTerminalSize(width: number | undefined, height: number | undefined): () => TerminalSize {
  const { stdout } = useStdout();
  return () => ({ w: width ?? stdout.columns ?? 80, h: height ?? Math.max(5, (stdout.rows ?? 24) - 1) });
}

/** Dispatches `resize` on terminal resizes (not when the size is fixed) and exits ink on `quit`. */
export function useTerminalLifecycle(
  size: () => TerminalSize,
  fixedWidth: number | undefined,
  dispatch: (action: { type: 'resize'; width: number; height: number }) => void,
  quit: boolean,
): void {
  const { stdout } = useStdout();
  const { exit } = useApp();
  useEffect(() => {
    if (fixedWidth !== undefined) return;
    const onResize = () => dispatch({ type: 'resize', width: size().w, height: size().h });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixedWidth]);
  useEffect(() => {
    if (quit) exit();
  }, [quit]);
}
