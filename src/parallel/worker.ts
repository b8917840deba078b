/**
 * Worker thread of the analysis pool (see pool.ts): loads the pipeline, wink-nlp and the
 * lexicons once, then prepares and analyses one file per task and posts the result back on its
 * port, bumping the shared counter so a waiting main thread wakes up.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { AnalysedArticle, FindingDraft } from '../core/types.js';
import type { Lexicons } from '../lexicons/index.js';
import type { WorkerAnalyseOptions, WorkerReply } from './pool.js';

const { port, signal, options } = workerData as { port: MessagePort; signal: Int32Array; options: WorkerAnalyseOptions };

const reply = (message: WorkerReply): void => {
  try {
    port.postMessage(message);
  } catch {
    // The result could not be cloned: the main thread redoes the task itself.
    port.postMessage({ run: 'run' in message ? message.run : -1, i: 'i' in message ? message.i : -1, failed: 'clone' } satisfies WorkerReply);
  }
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

let prepare: (path: string) => AnalysedArticle;
let analyse: (article: AnalysedArticle) => FindingDraft[];
try {
  const pipeline = await import('../pipeline/article.js');
  const { loadLexicons } = await import('../lexicons/index.js');
  const lexicons: Lexicons = loadLexicons(options);
  prepare = (path) => pipeline.prepareArticle(path, options, lexicons);
  analyse = (article) => pipeline.analyseArticle(article, lexicons, options);
  port.on('message', (task: { run: number; i: number; path: string }) => {
    let article: AnalysedArticle;
    try {
      article = prepare(task.path);
    } catch {
      reply({ run: task.run, i: task.i, failed: 'prepare' });
      return;
    }
    let drafts: FindingDraft[];
    try {
      drafts = analyse(article);
    } catch {
      reply({ run: task.run, i: task.i, failed: 'analyse', article });
      return;
    }
    reply({ run: task.run, i: task.i, article, drafts });
  });
} catch (error) {
  reply({ fatal: String((error as Error)?.stack ?? error) });
}
