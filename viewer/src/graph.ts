/** The graph as the viewer holds it, loaded from the server's graph.json. */
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from './model.js';

export type Graph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
export type Renderer = Sigma<NodeAttributes, EdgeAttributes>;

export async function loadGraph(): Promise<Graph> {
  const response = await fetch('./api/graph');
  if (!response.ok) throw new Error(`the graph did not load (${response.status})`);
  const graph: Graph = MultiDirectedGraph.from(await response.json());
  // Node size by degree: hubs stand out, leaves stay small.
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'size', 3 + Math.sqrt(graph.degree(n)) * 1.6));
  return graph;
}
