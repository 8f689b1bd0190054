/**
 * `newskg push`: loads a build into a SPARQL 1.1 store through the Graph Store HTTP Protocol. Each
 * article's named graph of graph.trig becomes that graph in the store, and the build-wide
 * triples (graph.trig's default graph) go into one graph (default `<base>graph`). Each graph is
 * replaced (PUT, then POSTs for the rest of a large one), so pushing again never duplicates, and
 * a push cut short and run again ends with the same store content.
 *
 * graph.trig is read as a stream, one graph at a time, so memory does not grow with the build.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { NewskgError } from '../errors.js';
import { DEFAULT_BASE, StoreClient, graphsOfTriG, toNTriples, type Quad, type StoreCredentials } from '../rdf/index.js';
import { readStoreBase } from './article-store.js';

export interface PushOptions extends StoreCredentials {
  /** A build folder (with graph.trig). */
  dir: string;
  /** The store's Graph Store Protocol endpoint (Virtuoso: http://127.0.0.1:8890/sparql-graph-crud-auth). */
  store: string;
  /** The graph the build-wide triples go into; default `<base>graph`, the base being the build's. */
  graph?: string;
  /** Triples per request: a larger graph is sent in several (default 20,000). */
  batchTriples?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  retries?: number;
  retryDelayMs?: number;
  /** Called after each graph is stored, with the counts so far and the number of graphs in all. */
  onGraph?: (done: number, total: number, graph: string) => void;
  onRetry?: (attempt: number, reason: string) => void;
}

export interface PushResult {
  graphs: number;
  triples: number;
  /** The graph the build-wide triples went into. */
  defaultGraph: string;
  requests: number;
  retries: number;
}

/** The named graphs of a TriG file as the build writes it (one "<iri> {" line per graph), counted without parsing. */
async function countGraphs(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (/^<[^>]*> \{$/.test(line)) n++;
  return n;
}

export async function push(opts: PushOptions): Promise<PushResult> {
  const trig = join(opts.dir, 'graph.trig');
  if (!existsSync(trig)) throw new NewskgError('push', `${opts.dir}: no graph.trig (build with --format including trig first)`);
  const base = (await readStoreBase(join(opts.dir, 'articles.jsonl.gz'))) ?? DEFAULT_BASE;
  const defaultGraph = opts.graph ?? `${base}graph`;
  const batch = opts.batchTriples ?? 20_000;
  const lanes = Math.max(1, opts.concurrency ?? 4);
  let retries = 0;
  const clients = Array.from({ length: lanes }, () => new StoreClient(opts.store, opts, { retries: opts.retries, retryDelayMs: opts.retryDelayMs, onRetry: (a, r) => (retries++, opts.onRetry?.(a, r)) }));
  const total = (await countGraphs(trig)) + 1;
  const target = (graph: string) => `${opts.store}${opts.store.includes('?') ? '&' : '?'}graph=${encodeURIComponent(graph)}`;
  let requests = 0;
  let triples = 0;
  let done = 0;

  // One graph: PUT replaces what the store had, POSTs add the rest of a large one.
  const send = async (client: StoreClient, graph: string, quads: Quad[]) => {
    for (let i = 0; i === 0 || i < quads.length; i += batch) {
      const body = toNTriples(quads.slice(i, i + batch));
      requests++;
      await client.request(target(graph), { method: i === 0 ? 'PUT' : 'POST', headers: { 'Content-Type': 'text/turtle; charset=utf-8' }, body });
    }
    triples += quads.length;
    done++;
    opts.onGraph?.(done, total, graph);
  };

  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const idle = [...clients];
  for await (const { graph, quads } of graphsOfTriG(trig)) {
    while (idle.length === 0) await Promise.race(inFlight);
    if (failure) break;
    const client = idle.pop()!;
    const job = send(client, graph || defaultGraph, quads)
      .catch((err: unknown) => void (failure ??= err))
      .finally(() => {
        inFlight.delete(job);
        idle.push(client);
      });
    inFlight.add(job);
    // The first graph alone, so a store that is down or refuses the credentials fails once, at once.
    if (done === 0 && requests <= 1) await job;
    if (failure) break;
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return { graphs: done, triples, defaultGraph, requests, retries };
}
