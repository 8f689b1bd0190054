/**
 * Communities for the viewer's "colour by community": Louvain over the entity graph, seeded so
 * that the same articles always give the same communities, numbered by size (0 is the largest),
 * so that a palette indexed by number gives the largest groups the most distinct colours.
 */
import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import { mulberry32 } from '../random.js';
import type { EntityGraph } from './entity-graph.js';

// A CommonJS module whose typings declare an ES default export: take whichever the runtime gives.
const louvain: typeof louvainModule.default = (louvainModule as unknown as { default?: typeof louvainModule.default }).default ?? (louvainModule as unknown as typeof louvainModule.default);

/** A stated relation says more about who belongs together than a shared sentence does. */
const STATED_WEIGHT = 3;

/** Sets each node's `community`; a node with no edges is a community of its own. */
export function assignCommunities(graph: EntityGraph, seed = 7): void {
  // Louvain wants one weighted edge per pair: fold the multigraph's directed edges together.
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, a, source, target) => {
    const w = a.evidenceCount * (a.weak ? 1 : STATED_WEIGHT);
    simple.updateUndirectedEdge(source, target, (old) => ({ weight: (old?.weight ?? 0) + w }));
  });
  const found = louvain(simple, { getEdgeWeight: 'weight', rng: mulberry32(seed) });
  const sizes = new Map<number, number>();
  for (const c of Object.values(found)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  // By size, then by first appearance in node order: a stable numbering for a stable graph.
  const firstSeen = new Map<number, number>();
  graph.forEachNode((n) => {
    if (!firstSeen.has(found[n])) firstSeen.set(found[n], firstSeen.size);
  });
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
  const rank = new Map(order.map((c, i) => [c, i]));
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'community', rank.get(found[n])!));
}
