/** The graph as the viewer holds it, loaded from the server's view of graph.json (GraphView: no evidence, edges as indices). */
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { GraphView, NodeAttributes, ViewEdgeAttributes } from './model.js';

export type Graph = MultiDirectedGraph<NodeAttributes, ViewEdgeAttributes>;
export type Renderer = Sigma<NodeAttributes, ViewEdgeAttributes>;

/**
 * Redraws only what a hover or a selection on a large graph changes: the nodes of the
 * neighbourhood shown before and of the one shown now, and the edges of their two centres.
 */
export function refreshAround(renderer: Renderer, graph: Graph, centres: (string | null)[], neighbourhoods: Iterable<string>[]): void {
  const ends = centres.filter((n): n is string => n !== null && graph.hasNode(n));
  const nodes = new Set(ends);
  for (const around of neighbourhoods) for (const n of around) nodes.add(n);
  renderer.refresh({ partialGraph: { nodes: [...nodes], edges: ends.flatMap((n) => graph.edges(n)) }, skipIndexation: true });
}

/** `mark` notes when each step of the load ends (the benchmark reports them). */
export async function loadGraph(mark: (step: string) => void = () => undefined): Promise<Graph> {
  const response = await fetch('./api/view');
  if (!response.ok) throw new Error(`the graph did not load (${response.status})`);
  mark('response');
  const view = (await response.json()) as GraphView;
  mark('parse');
  const graph: Graph = new MultiDirectedGraph();
  for (const { key, attributes } of view.nodes) graph.addNode(key, attributes);
  const keys = view.nodes.map((n) => n.key);
  view.edges.forEach(([s, t, p, f, weak, confidence], i) => graph.addDirectedEdgeWithKey(`e${i}`, keys[s], keys[t], { predicate: view.predicates[p], family: view.families[f], weak: weak === 1, confidence }));
  mark('import');
  // The build sizes nodes by the number of articles that name them; connections add a little (at
  // most 6), so that among entities of one article the hubs still stand out.
  graph.forEachNode((n, a) => (a.size = (a.size || 3) + Math.sqrt(Math.min(100, graph.degree(n))) * 0.6));
  return graph;
}

/** The most of the canvas the nodes may cover at the first frame (the sum of their discs' areas). */
const MAX_COVER = 1;

/**
 * Shrinks every node by one factor when together they would cover more than the canvas: a
 * 17,000-node build covered it 2.5 times over, which hid most nodes under others and, in
 * software WebGL, cost most of each frame while the graph was dragged. Sizes keep their order;
 * zooming in still grows them. Returns the factor (1: unchanged).
 */
export function fitSizes(graph: Graph, width: number, height: number): number {
  let area = 0;
  graph.forEachNode((_n, a) => (area += Math.PI * a.size * a.size));
  const factor = Math.min(1, Math.sqrt((MAX_COVER * width * height) / area));
  if (factor < 1) graph.forEachNode((_n, a) => (a.size *= factor));
  return factor;
}
