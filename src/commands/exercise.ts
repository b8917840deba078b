/**
 * `parallax exercise [FILES|DIR]`: the media-literacy exercise in the terminal. The articles are
 * anonymised (A, B, C) and parallax's marks hidden; the student marks loaded terms and unsourced
 * claims and guesses the outlets, then reveals the key. The result is saved as
 * `exercise-<n>.md` and `.json` (the first free n ≥ 1) in `--save DIR` (default `reports/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { minConfidenceOption } from './confidence-option.js';
import { InputError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { analysePathsAsync } from '../pipeline.js';
import { parseReport } from '../report/validate.js';
import { writeOutputs } from '../report/write.js';
import type { AnswerFile } from '../ui/exercise/model.js';

interface ExerciseFlags {
  save?: string;
  answers?: string;
  minConfidence?: number;
}

/** `DIR/exercise-<n>` for the first n ≥ 1 with neither a `.md` nor a `.json` file there. */
export function nextResultBase(dir: string, exists: (path: string) => boolean = existsSync): string {
  for (let n = 1; ; n++) {
    const base = join(dir, `exercise-${n}`);
    if (!exists(`${base}.md`) && !exists(`${base}.json`)) return base;
  }
}

/** The answer key file: a parallax report (checked against the schema here, exit 2 naming the first bad field) or a list of marks. */
function readAnswers(file: string): AnswerFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError('cannot read the answer key', {
      file,
      expected: 'a readable JSON file',
      found: (e as NodeJS.ErrnoException).code ?? 'an error',
      hint: 'check the path given to --answers',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError('the answer key is not valid JSON', {
      file,
      expected: 'JSON',
      found: (e as Error).message,
      hint: 'fix the file (see parallax exercise --help)',
    });
  }
  const isReport = typeof json === 'object' && json !== null && !Array.isArray(json) && 'schema' in json;
  return isReport ? { kind: 'report', report: parseReport(json, file) } : { kind: 'marks', json };
}

export function registerExerciseCommand(program: Command): void {
  program
    .command('exercise')
    .description('media-literacy exercise: mark loaded terms and unsourced claims, then compare with parallax')
    .argument('[paths...]', 'articles (default: the bundled corpus)')
    .option('--save <dir>', 'folder for the result files exercise-<n>.md/.json', 'reports')
    .option('--answers <file>', 'teacher’s key: JSON list of {article, start, end, kind: "loaded"|"unsourced"} or a parallax report')
    .addOption(minConfidenceOption(Option))
    .action(async (paths: string[], flags: ExerciseFlags) => {
      // The key's file is read and a report key checked before anything else; marks are checked against the report once that exists.
      const answers = flags.answers === undefined ? undefined : { file: flags.answers, key: readAnswers(flags.answers) };
      if (!process.stdout.isTTY || !process.stdin.isTTY) {
        throw new InputError('exercise mode needs an interactive terminal', {
          expected: 'a terminal on stdin and stdout',
          found: 'redirected input or output',
          hint: 'run `parallax exercise` in a terminal; for a report without one use `parallax analyze`',
        });
      }
      const inputs = paths.length ? paths : [existsSync('corpus') ? 'corpus' : join(PACKAGE_ROOT, 'corpus')];
      const saveDir = flags.save ?? 'reports';
      // First frame at once (plain, before ink loads), then ink with live progress while the articles
      // are analysed. The exercise is blind: no file or folder names (they may name the outlets).
      const what = 'the articles';
      (await import('../ui/start-frame.js')).writeStartFrame(process.stdout, what, 'exercise');
      const { parseAnswers } = await import('../ui/exercise/model.js');
      const { launchExercise } = await import('../ui/launch.js');
      const { formatResultJson, formatResultMarkdown } = await import('../ui/exercise/result.js');
      await launchExercise(
        (onProgress) =>
          analysePathsAsync(inputs, flags.minConfidence === undefined ? {} : { minConfidence: flags.minConfidence }, (_file, done, total) =>
            onProgress({ done, total, file: '' }),
          ),
        {
          ...(answers ? { answerKey: (report: Report) => parseAnswers(answers.key, report, answers.file) } : {}),
          keySource: answers ? `answers:${answers.file}` : 'tool',
          what,
          save: (result) => {
            const base = nextResultBase(saveDir);
            writeOutputs([
              { path: `${base}.md`, content: formatResultMarkdown(result) },
              { path: `${base}.json`, content: formatResultJson(result) },
            ]);
            return `${base}.md`;
          },
        },
      );
    });
}
