/**
 * The read-only SPARQL 1.1 Protocol endpoint of `newskg serve`: GET ?query= and POST (a
 * sparql-query body or a form), results as JSON, XML, CSV or TSV and graphs as Turtle or
 * N-Triples by content negotiation. Queries run on a worker thread, so a query that runs too long
 * is stopped (the worker is replaced) and the server goes on serving; updates are refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import { WorkerError } from '../errors.js';
import { queryForm } from '../query/index.js';
import { compiledWorker } from '../worker-script.js';

export interface SparqlRequest {
  id: number;
  query: string;
  mediaType: string;
}
export type SparqlReply = { id: number; ok: true; body: string } | { id: number; ok: false; status: number; error: string };

export interface SparqlLimits {
  /** Longest a query may run, in milliseconds. */
  timeoutMs: number;
  /** Most memory a query may add to the process (the engine's WASM memory included), in bytes. */
  maxMemoryBytes: number;
  /** Most queries waiting behind the running one; more are answered 503 at once. */
  maxQueued: number;
  /** Largest result, in bytes. */
  maxResultBytes: number;
  /** Largest request body (a POSTed query), in bytes. */
  maxQueryBytes: number;
}

export const DEFAULT_LIMITS: SparqlLimits = { timeoutMs: 10_000, maxMemoryBytes: 1_000_000_000, maxQueued: 8, maxResultBytes: 10_000_000, maxQueryBytes: 1_000_000 };

const RESULTS = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
const GRAPHS = ['text/turtle', 'application/n-triples'];
const ALIASES: Record<string, string> = { 'application/json': 'application/sparql-results+json', 'application/xml': 'application/sparql-results+xml', 'text/xml': 'application/sparql-results+xml', 'text/plain': 'application/n-triples' };

/** The first acceptable media type of the Accept header (by q-value) for this kind of result. */
function negotiate(accept: string | undefined, offered: string[]): string | undefined {
  if (!accept) return offered[0];
  const ranges = accept
    .split(',')
    .map((part) => {
      const [type, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { type: ALIASES[type.trim().toLowerCase()] ?? type.trim().toLowerCase(), q };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranges) {
    if (r.type === '*/*' || r.type === 'application/*' || r.type === 'text/*') return offered.find((o) => r.type === '*/*' || o.startsWith(r.type.slice(0, -1)));
    if (offered.includes(r.type)) return r.type;
  }
  return undefined;
}

export class SparqlEndpoint {
  private worker?: Worker;
  private ready?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private nextId = 0;
  private readonly script: string;

  constructor(
    private readonly dir: string,
    private readonly limits: SparqlLimits = DEFAULT_LIMITS,
  ) {
    const script = compiledWorker(import.meta.url, 'sparql-worker.js');
    if (!script) throw new WorkerError('serve', 'the SPARQL worker is not built: run npm run build');
    this.script = script;
  }

  private start(): Promise<void> {
    const worker = new Worker(this.script, { workerData: { dir: this.dir, maxResultBytes: this.limits.maxResultBytes } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new WorkerError('serve', 'the query worker stopped while loading the graph')));
    });
    // A worker that dies is forgotten, so the next query starts a fresh one (and reloads the graph).
    const forget = () => {
      if (this.worker === worker) this.worker = undefined;
    };
    worker.once('error', forget);
    worker.once('exit', forget);
    return this.ready;
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }

  /** Runs one query (queued behind any running one) within the time and memory limits; `gone` says the client left. */
  private run(query: string, mediaType: string, gone: () => boolean): Promise<SparqlReply> {
    const id = ++this.nextId;
    if (this.queued > this.limits.maxQueued) return Promise.resolve({ id, ok: false, status: 503, error: `${this.queued} queries are waiting: try again shortly` });
    this.queued++;
    const task = this.queue.then(async (): Promise<SparqlReply> => {
      this.queued--;
      if (gone()) return { id, ok: false, status: 499, error: 'the client left' };
      if (!this.worker) this.start();
      const worker = this.worker!;
      try {
        await this.ready;
      } catch (err) {
        this.stop(worker);
        return { id, ok: false, status: 500, error: `the graph could not be loaded for queries: ${(err as Error).message.split('\n')[0]}` };
      }
      return new Promise((resolve) => {
        const baseline = process.memoryUsage().rss;
        const finish = (reply: SparqlReply) => {
          clearTimeout(timer);
          clearInterval(watch);
          worker.off('message', onMessage);
          worker.off('exit', onExit);
          resolve(reply);
        };
        // The only way to stop a running query: end its thread. The next query starts a new one.
        const timer = setTimeout(() => {
          this.stop(worker);
          finish({ id, ok: false, status: 503, error: `the query ran longer than the ${this.limits.timeoutMs / 1000} s limit and was stopped` });
        }, this.limits.timeoutMs);
        const watch = setInterval(() => {
          if (process.memoryUsage().rss - baseline <= this.limits.maxMemoryBytes) return;
          this.stop(worker);
          finish({ id, ok: false, status: 503, error: `the query needed more than ${Math.round(this.limits.maxMemoryBytes / 1e6)} MB and was stopped: narrow it or add a LIMIT` });
        }, 100);
        const onMessage = (reply: SparqlReply) => {
          if (reply.id === id) finish(reply);
        };
        const onExit = () => finish({ id, ok: false, status: 500, error: 'the query worker stopped unexpectedly' });
        worker.on('message', onMessage);
        worker.once('exit', onExit);
        worker.postMessage({ id, query, mediaType } satisfies SparqlRequest);
      });
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  close(): void {
    void this.worker?.terminate();
  }

  /** Handles GET and POST /sparql. */
  async handle(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const fail = (status: number, error: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(`${JSON.stringify({ error })}\n`);
    };
    let query: string | null = null;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      if (params.has('update')) return fail(403, 'updates are refused: this endpoint is read-only');
      query = params.get('query');
    } else if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > this.limits.maxQueryBytes) {
          res.setHeader('Connection', 'close');
          return fail(413, `the request body is larger than ${this.limits.maxQueryBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      // Decoded once, so a character split between chunks stays whole.
      const body = Buffer.concat(chunks).toString('utf8');
      if (type === 'application/sparql-update') return fail(403, 'updates are refused: this endpoint is read-only');
      if (type === 'application/sparql-query') query = body;
      else if (type === 'application/x-www-form-urlencoded') {
        const form = new URLSearchParams(body);
        if (form.has('update')) return fail(403, 'updates are refused: this endpoint is read-only');
        query = form.get('query');
      } else return fail(415, 'POST a query as application/sparql-query or as a form (query=…)');
    } else {
      return fail(405, 'GET or POST a query');
    }
    if (!query) return fail(400, 'no query: give ?query=… (GET) or a query body (POST)');
    const form = queryForm(query);
    if (form === 'update') return fail(403, 'updates are refused: this endpoint is read-only');
    if (!form) return fail(400, 'not a SELECT, ASK, CONSTRUCT or DESCRIBE query');
    const offered = form === 'select' || form === 'ask' ? RESULTS : GRAPHS;
    const mediaType = negotiate(req.headers.accept, offered);
    if (!mediaType) return fail(406, `no acceptable format: this query gives ${offered.join(', ')}`);
    let closed = false;
    res.once('close', () => (closed = !res.writableFinished));
    const reply = await this.run(query, mediaType, () => closed);
    if (closed) return;
    if (!reply.ok) return fail(reply.status, reply.error);
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'Cache-Control': 'no-cache', ...headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
}
