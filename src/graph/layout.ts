/**
 * ForceAtlas2 layout at build time. The layout sees only the graph's shape (node count and
 * edge index pairs), so it can run in a worker thread while the build writes RDF; it is seeded,
 * so the same graph always gets the same positions.
 */
import { createHash } from 'node:crypto';
import { Worker, threadId } from 'node:worker_threads';
import { MultiGraph } from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import { WorkerError } from '../errors.js';
import { compiledWorker } from '../worker-script.js';

/** A graph's shape: `edges` holds source and target node indices, two per edge. */
export interface LayoutInput {
  order: number;
  edges: Int32Array;
  seed: number;
}

/** Iterations × nodes spent on a layout: about 1.5 s of one core here for a 4,000-node graph. */
const WORK_BUDGET = 300_000;

// The package is CommonJS typed as an ES default export: take the function whichever way it arrives.
const forceAtlas2: typeof fa2.default = (fa2 as unknown as { default?: typeof fa2.default }).default ?? (fa2 as unknown as typeof fa2.default);

/** Iterations for a graph of `order` nodes: many for small graphs, fewer (but at least 30) for large ones. */
export function iterationsFor(order: number): number {
  return Math.max(30, Math.min(500, Math.round(WORK_BUDGET / Math.max(1, order))));
}

/** A node's starting point in [-50, 50)², from a hash of the seed and its index: the same graph always starts the same way. */
function startingPoint(seed: number, index: number): [number, number] {
  const digest = createHash('sha256').update(`${seed}:${index}`).digest();
  return [(digest.readUInt32LE(0) / 2 ** 32) * 100 - 50, (digest.readUInt32LE(4) / 2 ** 32) * 100 - 50];
}

/** Positions (x0, y0, x1, y1, …) for the nodes of `input`. */
export function computeLayout(input: LayoutInput): Float64Array {
  const { order, edges } = input;
  const graph = new MultiGraph({ allowSelfLoops: false });
  for (let i = 0; i < order; i++) {
    const [x, y] = startingPoint(input.seed, i);
    graph.addNode(i, { x, y });
  }
  for (let e = 0; e < edges.length; e += 2) graph.addEdge(edges[e], edges[e + 1]);
  if (order >= 2) {
    // slowDown 1 instead of the inferred 1 + log(n): the iteration budget is small, so take full steps.
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: order > 1000, slowDown: 1 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(order), settings });
  }
  const out = new Float64Array(order * 2);
  graph.forEachNode((node, attrs) => {
    const i = Number(node);
    out[2 * i] = attrs.x as number;
    out[2 * i + 1] = attrs.y as number;
  });
  return out;
}

const workerScript = () => compiledWorker(import.meta.url, 'layout-worker.js');

/** Graphs smaller than this are laid out in-process: a worker's start-up would cost more. */
const WORKER_MIN_ORDER = 500;

/** computeLayout in a worker thread, so the caller's thread stays free for other work; with the id of the thread that computed it (0: this one). */
export function computeLayoutInWorker(input: LayoutInput): Promise<{ positions: Float64Array; threadId: number }> {
  const script = workerScript();
  if (!script || input.order < WORKER_MIN_ORDER) return Promise.resolve({ positions: computeLayout(input), threadId });
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    const id = worker.threadId;
    worker.once('message', (positions: Float64Array) => {
      resolve({ positions, threadId: id });
      void worker.terminate();
    });
    worker.once('error', reject);
    // Settles nothing if the message came first; otherwise the worker died without an answer.
    worker.once('exit', (code) => reject(new WorkerError('graph', `the layout worker stopped (exit code ${code})`)));
  });
}
