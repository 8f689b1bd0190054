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
  // The build sizes nodes by the number of articles that name them; connections add a little (at
  // most 6), so that among entities of one article the hubs still stand out.
  graph.forEachNode((n, a) => graph.setNodeAttribute(n, 'size', (a.size || 3) + Math.sqrt(Math.min(100, graph.degree(n))) * 0.6));
  return graph;
}
