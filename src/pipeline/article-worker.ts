/** Worker thread of the build: runs processArticle on the articles the pool sends it. */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { processArticle } from './article.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const { modelPath } = workerData as { modelPath?: string };

parentPort!.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { index: req.index, resolved: processArticle(req.article, req.base, modelPath), threadId };
  } catch (err) {
    reply = { index: req.index, error: (err as Error).message.split('\n')[0], threadId };
  }
  parentPort!.postMessage(reply);
});
