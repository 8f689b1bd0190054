/** Worker thread of the SPARQL endpoint: holds the whole graph and answers one query at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeGraph } from '../query/index.js';
import type { QueryReply, QueryRequest } from './query-pool.js';

const { dir, maxResultBytes } = workerData as { dir: string; maxResultBytes: number };
const kg = await KnowledgeGraph.load(dir);
// Loaded now, not query by query: a server should answer its first queries as fast as its last.
void kg.store;
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (req: QueryRequest) => {
  let reply: QueryReply;
  try {
    const body = kg.serialise(req.query, req.mediaType);
    reply =
      Buffer.byteLength(body) > maxResultBytes
        ? { id: req.id, ok: false, status: 400, error: `the result is larger than ${Math.round(maxResultBytes / 1e6)} MB: narrow the query or add a LIMIT` }
        : { id: req.id, ok: true, body };
  } catch (err) {
    reply = { id: req.id, ok: false, status: 400, error: (err as Error).message.split('\n')[0] };
  }
  parentPort!.postMessage(reply);
});
