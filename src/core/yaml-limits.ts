/**
 * YAML anchors and aliases are bounded: a document whose aliases would expand past
 * MAX_YAML_ALIASES (an "alias bomb" — a few lines that expand into billions of nodes) is bad
 * input (exit 2, file:line), never an internal error. The `yaml` library enforces the bound in
 * `toJS({ maxAliasCount })` by throwing a ReferenceError; this turns that into an InputError.
 */
import { InputError } from './errors.js';

/** Most alias expansions `toJS` allows in one document (the `yaml` library's default). */
export const MAX_YAML_ALIASES = 100;

/**
 * The InputError for `e` when it is the alias bound of `toJS`, pointing at the first alias in
 * `yamlText` (1-based line, plus `lineOffset` lines before the YAML in `file`); null otherwise.
 */
export function aliasLimitError(e: unknown, yamlText: string, file: string, lineOffset = 0): InputError | null {
  if (!(e instanceof ReferenceError) || !/alias/i.test(e.message)) return null;
  const first = /(^|[\s,[{:-])\*[^\s,[\]{}]+/m.exec(yamlText);
  const before = first ? yamlText.slice(0, first.index + first[1]!.length) : '';
  const line = lineOffset + 1 + (before.match(/\r\n|\n|\r/g) ?? []).length;
  return new InputError('YAML aliases expand too far', {
    file,
    line,
    expected: `at most ${MAX_YAML_ALIASES} alias expansions (*name) in one document`,
    found: 'aliases that expand into more (an alias bomb?)',
    hint: 'write the values out instead of repeating them through anchors (&name) and aliases (*name)',
  });
}
