/**
 * Worker thread of corpus mode (see threads.ts): loads wink-nlp and the lexicons once, then
 * reads files (grouping features back, the prepared article and its findings kept here, up to
 * its share of the text budget) and makes whole stories (the report files' text back, and what
 * the outlet table needs). Prepared articles never cross threads.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { AnalyseOptions } from '../pipeline.js';
import type { ThreadReply, ThreadTask } from './threads.js';

const { port, signal, options, budget } = workerData as { port: MessagePort; signal: Int32Array; options: AnalyseOptions; budget: number };

const reply = (message: ThreadReply): void => {
  try {
    port.postMessage(message);
  } catch {
    // Could not be cloned: the main thread does the task itself.
    if (message.type !== 'fatal') port.postMessage({ type: message.type, n: message.n, failed: true } satisfies ThreadReply);
  }
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

try {
  const { KeptArticles, readOne, storyResult } = await import('./story.js');
  const { loadLexicons } = await import('../lexicons/index.js');
  const lexicons = loadLexicons(options);
  const kept = new KeptArticles(budget);
  port.on('message', (task: ThreadTask) => {
    try {
      if (task.type === 'drop') kept.drop(task.path);
      else if (task.type === 'read') {
        const result = readOne(task.path, kept, lexicons, options, () => true);
        reply({ type: 'read', n: task.n, result, kept: kept.has(task.path) });
      } else reply({ type: 'story', n: task.n, result: storyResult(task.paths, kept, lexicons, options, task.outDir, task.id, task.command) });
    } catch {
      if (task.type !== 'drop') reply({ type: task.type, n: task.n, failed: true });
    }
  });
} catch (error) {
  reply({ type: 'fatal', error: String((error as Error)?.stack ?? error) });
}
