/**
 * The read-only SPARQL 1.1 Protocol endpoint of `newskg serve`: GET ?query= and POST (a
 * sparql-query body or a form), results as JSON, XML, CSV or TSV and graphs as Turtle or
 * N-Triples by content negotiation. Queries run on a worker thread, so a query that runs too long
 * is stopped (the worker is replaced) and the server goes on serving; updates are refused.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface SparqlRequest {
  id: number;
  query: string;
  mediaType: string;
}
export type SparqlReply = { id: number; ok: true; body: string } | { id: number; ok: false; status: number; error: string };

export interface SparqlLimits {
  /** Longest a query may run, in milliseconds. */
  timeoutMs: number;
  /** Largest result, in bytes. */
  maxResultBytes: number;
  /** Largest request body (a POSTed query), in bytes. */
  maxQueryBytes: number;
}

export const DEFAULT_LIMITS: SparqlLimits = { timeoutMs: 10_000, maxResultBytes: 10_000_000, maxQueryBytes: 1_000_000 };

const RESULTS = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
const GRAPHS = ['text/turtle', 'application/n-triples'];
const ALIASES: Record<string, string> = { 'application/json': 'application/sparql-results+json', 'application/xml': 'application/sparql-results+xml', 'text/xml': 'application/sparql-results+xml', 'text/plain': 'application/n-triples' };

/** SELECT/ASK or CONSTRUCT/DESCRIBE, read past prefixes and comments; undefined for anything else (an update). */
function queryForm(query: string): 'results' | 'graph' | undefined {
  const body = query.replace(/#[^\n<>"]*$/gm, '').replace(/^\s*(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)/gim, '');
  const m = /^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(body.replace(/^\s*(PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)+/i, ''));
  if (!m) return undefined;
  return /^(SELECT|ASK)$/i.test(m[1]) ? 'results' : 'graph';
}

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

function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? here.replace(/[\\/]src[\\/]server[\\/][^\\/]+\.ts$/, '/dist/src/server/sparql-worker.js') : join(dirname(here), 'sparql-worker.js');
}

export class SparqlEndpoint {
  private worker?: Worker;
  private ready?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;

  constructor(
    private readonly dir: string,
    private readonly limits: SparqlLimits = DEFAULT_LIMITS,
  ) {
    if (!existsSync(workerScript())) throw new Error(`the SPARQL worker is not built (${workerScript()}): run npm run build`);
  }

  private start(): Promise<void> {
    const worker = new Worker(workerScript(), { workerData: { dir: this.dir, maxResultBytes: this.limits.maxResultBytes } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return this.ready;
  }

  /** Runs one query (queued behind any running one) within the time limit. */
  private run(query: string, mediaType: string): Promise<SparqlReply> {
    const task = this.queue.then(async (): Promise<SparqlReply> => {
      if (!this.worker) await this.start();
      await this.ready;
      const worker = this.worker!;
      const id = ++this.nextId;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          // The only way to stop a running query: end its thread. The next query starts a new one.
          worker.off('message', onMessage);
          void worker.terminate();
          this.worker = undefined;
          resolve({ id, ok: false, status: 503, error: `the query ran longer than the ${this.limits.timeoutMs / 1000} s limit and was stopped` });
        }, this.limits.timeoutMs);
        const onMessage = (reply: SparqlReply) => {
          if (reply.id !== id) return;
          clearTimeout(timer);
          worker.off('message', onMessage);
          resolve(reply);
        };
        worker.on('message', onMessage);
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
      let body = '';
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > this.limits.maxQueryBytes) {
          res.setHeader('Connection', 'close');
          return fail(413, `the request body is larger than ${this.limits.maxQueryBytes} bytes`);
        }
        body += chunk;
      }
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
    if (!form) return fail(/^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/im.test(query) ? 403 : 400, /^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/im.test(query) ? 'updates are refused: this endpoint is read-only' : 'not a SELECT, ASK, CONSTRUCT or DESCRIBE query');
    const mediaType = negotiate(req.headers.accept, form === 'results' ? RESULTS : GRAPHS);
    if (!mediaType) return fail(406, `no acceptable format: this query gives ${(form === 'results' ? RESULTS : GRAPHS).join(', ')}`);
    const reply = await this.run(query, mediaType);
    if (!reply.ok) return fail(reply.status, reply.error);
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'Cache-Control': 'no-cache', ...headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
}
