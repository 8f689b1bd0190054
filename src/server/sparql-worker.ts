/** Worker thread of the SPARQL endpoint: holds the graph and answers one query at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeGraph } from '../query/index.js';
import type { SparqlReply, SparqlRequest } from './sparql.js';

const { dir, maxResultBytes } = workerData as { dir: string; maxResultBytes: number };
const kg = await KnowledgeGraph.load(dir);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (req: SparqlRequest) => {
  let reply: SparqlReply;
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
