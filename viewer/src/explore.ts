/**
 * Exploring outward from an entity: its neighbourhood to a depth, widened by expanding nodes, and
 * the shortest chains of stated relations between two entities. Pure functions over the graph (no
 * DOM, no sigma), so they are tested in Node.
 */

/** What the walks need of a graph: the edges at a node, both directions (graphology's forEachEdge(node, …)). */
export interface Walkable<E> {
  hasNode(node: string): boolean;
  forEachEdge(node: string, callback: (edge: string, attributes: E, source: string, target: string) => void): void;
}

/** Whether a walk may follow an edge (the viewer passes its visible-edge test). */
export type EdgeFilter<E> = (edge: string, attributes: E) => boolean;

/**
 * The nodes within `depth` steps of `root`, plus each expanded node and its neighbours. Expanding
 * adds one ring around a node without widening the whole view by a step.
 */
export function neighbourhood<E>(graph: Walkable<E>, root: string, depth: number, expanded: readonly string[], follow: EdgeFilter<E>): Set<string> {
  const seen = new Set<string>();
  if (!graph.hasNode(root)) return seen;
  seen.add(root);
  let ring = [root];
  for (let step = 0; step < depth && ring.length; step++) {
    const next: string[] = [];
    for (const node of ring) {
      graph.forEachEdge(node, (edge, a, source, target) => {
        if (!follow(edge, a)) return;
        const other = source === node ? target : source;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    ring = next;
  }
  for (const node of expanded) {
    if (!graph.hasNode(node)) continue;
    seen.add(node);
    graph.forEachEdge(node, (edge, a, source, target) => {
      if (follow(edge, a)) seen.add(source === node ? target : source);
    });
  }
  return seen;
}

export interface Paths {
  /** Each shortest chain, as the nodes from `from` to `to`. */
  paths: string[][];
  nodes: Set<string>;
  edges: Set<string>;
  /** Steps in each chain; 0 when there is none within the limit. */
  length: number;
}

/**
 * The shortest chains between two nodes over the edges `follow` allows, in either direction, as
 * `newskg path` walks them (stated relations, at most `maxLength` steps) — but all of them, up to
 * `maxPaths`, since two people are often linked in more than one way. Breadth-first from `from`,
 * keeping every predecessor on a shortest route, then reading the chains back from `to`.
 */
export function shortestPaths<E>(graph: Walkable<E>, from: string, to: string, follow: EdgeFilter<E>, { maxLength = 4, maxPaths = 12 } = {}): Paths {
  const none: Paths = { paths: [], nodes: new Set(), edges: new Set(), length: 0 };
  if (!graph.hasNode(from) || !graph.hasNode(to) || from === to) return none;
  const distance = new Map<string, number>([[from, 0]]);
  // For each node, the (predecessor, edge) pairs that reach it on a shortest route.
  const via = new Map<string, { node: string; edge: string }[]>();
  let ring = [from];
  for (let step = 1; step <= maxLength && ring.length && !distance.has(to); step++) {
    const next: string[] = [];
    for (const node of ring) {
      graph.forEachEdge(node, (edge, a, source, target) => {
        if (!follow(edge, a)) return;
        const other = source === node ? target : source;
        const known = distance.get(other);
        if (known === undefined) {
          distance.set(other, step);
          via.set(other, [{ node, edge }]);
          next.push(other);
        } else if (known === step) via.get(other)!.push({ node, edge });
      });
    }
    ring = next;
  }
  if (!distance.has(to)) return none;
  const paths: string[][] = [];
  const nodes = new Set<string>();
  const edges = new Set<string>();
  // Read back from `to`: each chain is one choice of predecessor at each step.
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= maxPaths) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    // Parallel edges give the same predecessor twice: one chain per predecessor node.
    for (const before of new Set((via.get(node) ?? []).map((s) => s.node))) walk(before, [node, ...suffix]);
  };
  walk(to, []);
  // The nodes and edges of the chains kept (parallel edges between two chain nodes all count).
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) nodes.add(path[i]);
    for (let i = 1; i < path.length; i++) for (const step of via.get(path[i]) ?? []) if (step.node === path[i - 1]) edges.add(step.edge);
  }
  return { paths, nodes, edges, length: distance.get(to)! };
}
