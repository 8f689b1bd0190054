/**
 * The read-only SPARQL 1.1 Protocol service of `newskg serve`: GET ?query= and POST (a
 * sparql-query body or a form); SELECT and ASK results as JSON, XML, CSV or TSV and graphs as
 * Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads or N3, chosen by the Accept header. Queries
 * run on a pool of worker threads (query-pool.ts); updates are refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { queryForm } from '../query/index.js';
import { GRAPH_TYPES, RESULT_TYPES, negotiate } from './negotiate.js';
import { DEFAULT_QUERY_LIMITS, QueryPool, type QueryLimits } from './query-pool.js';

export interface SparqlLimits extends QueryLimits {
  /** Largest request body (a POSTed query), in bytes. */
  maxQueryBytes: number;
}

export const DEFAULT_LIMITS: SparqlLimits = { ...DEFAULT_QUERY_LIMITS, maxQueryBytes: 1_000_000 };

export class SparqlService {
  private readonly pool: QueryPool;

  constructor(
    dir: string,
    private readonly limits: SparqlLimits = DEFAULT_LIMITS,
  ) {
    this.pool = new QueryPool(dir, limits);
  }

  /** Starts the query workers loading the graph before the first query arrives. */
  warm(): void {
    this.pool.warm();
  }

  /** Resolves once a query worker has loaded the graph. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  close(): void {
    this.pool.close();
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
    const kind = form === 'select' || form === 'ask' ? 'results' : 'graph';
    const mediaType = negotiate(req.headers.accept, kind);
    if (!mediaType) return fail(406, `no acceptable format: this query gives ${(kind === 'results' ? RESULT_TYPES : GRAPH_TYPES).join(', ')}`);
    let closed = false;
    res.once('close', () => (closed = !res.writableFinished));
    const reply = await this.pool.run(query, mediaType, () => closed);
    if (closed) return;
    if (!reply.ok) {
      if (reply.retryAfter) res.setHeader('Retry-After', String(reply.retryAfter));
      return fail(reply.status, reply.error);
    }
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'Cache-Control': 'no-cache', ...headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
}
