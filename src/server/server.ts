/**
 * `newskg serve`: the viewer's files (through sirv: no hand-written path handling), the graph,
 * one entity's details and one article's text with its names, as JSON. Binds to 127.0.0.1 unless told otherwise; read-only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { MultiDirectedGraph } from 'graphology';
import { NewskgError } from '../errors.js';
import { DEFAULT_LIMITS, SparqlService, type SparqlLimits } from './sparql.js';
import type { EntityDetails, EntityGraph, EntityRelation, GraphAttributes, GraphView } from '../graph/index.js';
import { ArticleReader } from '../query/index.js';

export interface ServeOptions {
  /** The folder holding graph.json (a build's output folder). */
  dir: string;
  /** Limits of the SPARQL endpoint (query workers, queue, time, memory, result and query size). */
  sparql?: Partial<SparqlLimits>;
  host?: string;
  port?: number;
  /** The built viewer; default: the package's viewer/dist. */
  viewerDir?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops listening and ends the query worker. */
  close(): Promise<void>;
}

/** The package's root: the folder above this file that has package.json (from src/ or dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const defaultViewerDir = () => join(packageRoot(), 'viewer', 'dist');

/** The page may talk to its own origin only, and run only its own scripts (and the layout worker's blob). */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The graph of a build folder, re-read when graph.json changes. */
class GraphFile {
  private graph?: EntityGraph;
  private text?: string;
  private view?: string;
  private mtime = 0;
  constructor(private readonly path: string) {}

  private refresh(): void {
    const mtime = statSync(this.path).mtimeMs;
    if (this.text !== undefined && mtime === this.mtime) return;
    this.text = readFileSync(this.path, 'utf8');
    try {
      this.graph = MultiDirectedGraph.from(JSON.parse(this.text)) as EntityGraph;
    } catch (err) {
      throw new NewskgError('serve', `${this.path}: not a graph (${(err as Error).message.split('\n')[0]})`);
    }
    this.mtime = mtime;
    this.view = undefined;
  }

  /** The graph as the viewer draws it (GraphView): no evidence, edges as indices. */
  viewJson(): string {
    this.refresh();
    if (this.view === undefined) {
      const graph = this.graph!;
      const index = new Map<string, number>();
      const nodes: GraphView['nodes'] = [];
      graph.forEachNode((key, attributes) => {
        index.set(key, nodes.length);
        nodes.push({ key, attributes });
      });
      const predicates = new Map<string, number>();
      const families = new Map<string, number>();
      const indexOf = (m: Map<string, number>, v: string) => m.get(v) ?? m.set(v, m.size).get(v)!;
      const edges: GraphView['edges'] = [];
      graph.forEachEdge((_e, a, s, t) => edges.push([index.get(s)!, index.get(t)!, indexOf(predicates, a.predicate), indexOf(families, a.family), a.weak ? 1 : 0, Math.round(a.confidence * 1000) / 1000]));
      const view: GraphView = { nodes, predicates: [...predicates.keys()], families: [...families.keys()] as GraphView['families'], edges };
      this.view = JSON.stringify(view);
    }
    return this.view;
  }

  json(): string {
    this.refresh();
    return this.text!;
  }

  /** Whether the graph has a node, as one test for many (an article's spans): the file is checked once, not per span. */
  nodeTest(): (id: string) => boolean {
    this.refresh();
    const graph = this.graph!;
    return (id) => graph.hasNode(id);
  }

  details(id: string): EntityDetails | undefined {
    this.refresh();
    const graph = this.graph!;
    if (!graph.hasNode(id)) return undefined;
    const articles = (graph.getAttributes() as Partial<GraphAttributes>).articles ?? {};
    const relations: EntityRelation[] = [];
    graph.forEachEdge(id, (_edge, attrs, source, target) => {
      const other = source === id ? target : source;
      const o = graph.getNodeAttributes(other);
      relations.push({
        predicate: attrs.predicate,
        family: attrs.family,
        direction: source === id ? 'out' : 'in',
        other: { id: other, label: o.label, class: o.class },
        confidence: attrs.confidence,
        weak: attrs.weak,
        evidence: attrs.evidence.map((e) => ({ ...e, article: { id: e.articleId, ...(articles[e.articleId] ?? {}) } })),
      });
    });
    // Stated relations first, strongest first; co-mentions last.
    relations.sort((a, b) => Number(a.weak) - Number(b.weak) || b.confidence - a.confidence || a.predicate.localeCompare(b.predicate));
    return { id, attributes: graph.getNodeAttributes(id), relations };
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
  res.end(body);
}

/** Host names a server on a loopback address answers to: other names are DNS rebinding. */
const LOOPBACK_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** The request handler, apart from listening, and the SPARQL endpoint it uses. */
export function handler(opts: ServeOptions): { handle: (req: IncomingMessage, res: ServerResponse) => void; sparql: SparqlService; warm: () => void } {
  const graphPath = join(opts.dir, 'graph.json');
  if (!existsSync(graphPath)) throw new NewskgError('serve', `${graphPath} does not exist: build first (newskg build --out ${opts.dir})`);
  const viewerDir = opts.viewerDir ?? defaultViewerDir();
  if (!existsSync(join(viewerDir, 'index.html'))) throw new NewskgError('serve', `the viewer is not built (${viewerDir} has no index.html): run npm run build`);
  const graph = new GraphFile(graphPath);
  const articles = new ArticleReader(opts.dir);
  const sparql = new SparqlService(opts.dir, { ...DEFAULT_LIMITS, ...opts.sparql });
  const files = sirv(viewerDir, { etag: true, dotfiles: false, setHeaders: (res) => Object.entries(SECURITY_HEADERS).forEach(([k, v]) => res.setHeader(k, v)) });
  const loopback = ['127.0.0.1', 'localhost', '::1', undefined].includes(opts.host);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (loopback && !LOOPBACK_NAMES.test(req.headers.host ?? '')) return send(res, 421, JSON.stringify({ error: 'this server answers only to localhost' }));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, JSON.stringify({ error: 'not a valid request target' }));
    }
    if (url.pathname === '/sparql') {
      sparql.handle(req, res, SECURITY_HEADERS).catch((err: Error) => send(res, 500, JSON.stringify({ error: err.message.split('\n')[0] })));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, JSON.stringify({ error: 'read-only: GET and HEAD only' }));
    try {
      if (url.pathname === '/api/graph') return send(res, 200, graph.json());
      if (url.pathname === '/api/view') return send(res, 200, graph.viewJson());
      if (url.pathname === '/api/entity') {
        const id = url.searchParams.get('id') ?? '';
        const details = graph.details(id);
        return details ? send(res, 200, JSON.stringify(details)) : send(res, 404, JSON.stringify({ error: `no entity ${JSON.stringify(id)}` }));
      }
      if (url.pathname === '/api/article') {
        const id = url.searchParams.get('id') ?? '';
        if (!articles.available) return send(res, 404, JSON.stringify({ error: `this build kept no article texts (${opts.dir} has no articles.jsonl.gz)` }));
        articles
          .read(id, graph.nodeTest())
          .then((view) => (view ? send(res, 200, JSON.stringify(view)) : send(res, 404, JSON.stringify({ error: `no article ${JSON.stringify(id)} in this build` }))))
          .catch((err: Error) => send(res, 500, JSON.stringify({ error: err.message.split('\n')[0] })));
        return;
      }
    } catch (err) {
      return send(res, 500, JSON.stringify({ error: (err as Error).message.split('\n')[0] }));
    }
    files(req, res, () => send(res, 404, 'not found\n', 'text/plain; charset=utf-8'));
  };
  // Reading the graph (and its view) ahead: otherwise the first page load waits for it.
  const warm = () => {
    try {
      graph.viewJson();
    } catch {
      // A broken graph.json is reported to the request that needs it.
    }
  };
  return { handle, sparql, warm };
}

/** Starts serving; resolves once listening, with the URL to open. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 5173;
  const { handle, sparql, warm } = handler({ ...opts, host });
  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new NewskgError('serve', `port ${port} on ${host} is already in use: stop what uses it or choose another with --port`));
      else reject(new NewskgError('serve', `cannot listen on ${host}:${port}: ${err.message}`));
    });
    server.listen(port, host, () => {
      sparql.warm();
      setImmediate(warm);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${actual}/`,
        close: () =>
          new Promise((r) => {
            sparql.close();
            server.close(() => r());
          }),
      });
    });
  });
}
