/**
 * Usage errors (commander's parse errors and misspelt commands) in the one error form of the CLI:
 * what was expected, what was found, how to fix it (InputError, exit 2). Commander prints
 * nothing itself (see `buildProgram`); the CLI prints the InputError this makes.
 */
import type { Command, CommanderError } from 'commander';
import { nearestName } from '../core/did-you-mean.js';
import { InputError } from '../core/errors.js';

/** Names (and aliases) of the program's sub-commands. */
export function commandNames(program: Command): string[] {
  return program.commands.flatMap((c) => [c.name(), ...c.aliases()]).filter((n) => n !== 'help');
}

/** The sub-command named in argv (the first word that is one), for messages. */
function commandOf(argv: readonly string[], program: Command): Command | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  for (const w of words) {
    const c = program.commands.find((x) => x.name() === w || x.aliases().includes(w));
    if (c) return c;
  }
  return null;
}

const argumentsOf = (c: Command): string =>
  c.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)).join(' ');

/** Commander's parse error as an InputError in the expected/found/fix form. */
export function usageError(e: CommanderError, argv: readonly string[], program: Command): InputError {
  const cmd = commandOf(argv, program);
  const name = cmd ? `parallax ${cmd.name()}` : 'parallax';
  const usage = cmd ? `${name} ${argumentsOf(cmd)}`.trim() : 'parallax [paths...] or parallax <command>';
  const help = `${name} --help`;
  const text = e.message.replace(/^error:\s*/, '');
  const quoted = /'([^']*)'/.exec(text)?.[1];
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(text)?.[1];
  switch (e.code) {
    case 'commander.missingArgument':
      return new InputError('missing argument', {
        expected: `${quoted ?? 'an argument'} (${usage})`,
        found: 'none',
        hint:
          cmd?.name() === 'open'
            ? 'give a report file: parallax open reports/corpus.json'
            : cmd?.name() === 'corpus'
              ? 'give a folder: parallax corpus corpus'
              : `give article files or folders, e.g. ${name} corpus`,
      });
    case 'commander.unknownOption':
      return new InputError('unknown option', {
        expected: `an option of ${name} (${help} lists them)`,
        found: quoted ?? text,
        hint: suggestion ? `did you mean ${suggestion}?` : `see ${help}`,
      });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      return new InputError('too many arguments', {
        expected: `${m ? `${m[1]} argument${m[1] === '1' ? '' : 's'}` : 'fewer arguments'} (${usage})`,
        found: m ? `${m[2]}` : text,
        hint: `quote paths with spaces; see ${help}`,
      });
    }
    case 'commander.optionMissingArgument':
      return new InputError('option needs a value', { expected: `a value after ${quoted ?? 'the option'}`, found: 'none', hint: `see ${help}` });
    case 'commander.invalidArgument':
      return new InputError('invalid value', { expected: `a value as ${help} describes`, found: text, hint: `see ${help}` });
    default:
      return new InputError('bad command line', { expected: usage, found: text.split('\n')[0]!, hint: `see ${help}` });
  }
}

/**
 * A first word that is no path and no command: a misspelt command (`anaylze`) when it is close to
 * one. Returns the InputError to throw, or null when `word` may be a path.
 */
export function misspeltCommand(word: string, program: Command, exists: (p: string) => boolean): InputError | null {
  if (exists(word) || /[/\\.]/.test(word)) return null;
  const names = commandNames(program);
  const near = nearestName(word, names);
  if (!near) return null;
  return new InputError('unknown command', {
    expected: `a command (${names.join(', ')}) or article files and folders`,
    found: JSON.stringify(word),
    hint: `did you mean \`parallax ${near}\`?`,
  });
}
