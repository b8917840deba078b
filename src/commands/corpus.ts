/**
 * `parallax corpus DIR`: many articles about many stories → stories → per-story reports and
 * outlet aggregates. (Placeholder: registered so that the CLI shape is fixed; the corpus mode
 * module replaces the action.)
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.js';

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('group a large folder of articles into stories and compare outlets')
    .argument('<dir>', 'folder of articles')
    .action(() => {
      throw new InputError('corpus mode is not available yet');
    });
}
