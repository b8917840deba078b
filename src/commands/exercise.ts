/**
 * `parallax exercise [FILES|DIR]`: the media-literacy exercise in the terminal. (Placeholder:
 * the TUI module replaces the action.)
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.js';

export function registerExerciseCommand(program: Command): void {
  program
    .command('exercise')
    .description('media-literacy exercise: mark loaded terms and unsourced claims, then compare with parallax')
    .argument('[paths...]', 'articles (default: the bundled corpus)')
    .action(() => {
      throw new InputError('exercise mode is not available yet');
    });
}
