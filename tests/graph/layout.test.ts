/** The build-time ForceAtlas2 layout: seeded, the same on a worker thread as in-process, and bounded in work. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, test } from 'vitest';
import { iterationsFor, layout, layoutAsync, type EntityGraph } from '../../src/graph/index.js';

/** Rings of ten nodes chained together: enough nodes that layoutAsync uses its worker. */
function rings(order: number): EntityGraph {
  const graph: EntityGraph = new MultiDirectedGraph();
  for (let i = 0; i < order; i++) graph.addNode(`n${i}`, { label: `n${i}`, class: 'Person', category: 'person', aliases: [], handles: [], mentionCount: 1, articles: 1, x: 0, y: 0, size: 3 });
  for (let i = 0; i < order; i++) {
    const next = i % 10 === 9 ? i - 9 : i + 1;
    graph.addEdge(`n${i}`, `n${next}`, { predicate: 'coMentionedWith', family: 'co-mention', weak: true, confidence: 0.2, evidenceCount: 1, evidence: [] });
    if (i % 10 === 0 && i + 10 < order) graph.addEdge(`n${i}`, `n${i + 10}`, { predicate: 'coMentionedWith', family: 'co-mention', weak: true, confidence: 0.2, evidenceCount: 1, evidence: [] });
  }
  return graph;
}

const positions = (g: EntityGraph) => g.mapNodes((_n, a) => [a.x, a.y]);

describe('layout', () => {
  test('is deterministic and gives finite, distinct positions', () => {
    const a = rings(60);
    const b = rings(60);
    layout(a);
    layout(b);
    expect(positions(a)).toEqual(positions(b));
    expect(positions(a).flat().every(Number.isFinite)).toBe(true);
    expect(new Set(positions(a).map((p) => p.join())).size).toBe(60);
  });

  test('a worker thread computes the same positions as this thread', async () => {
    const a = rings(600);
    const b = rings(600);
    layout(a);
    const thread = await layoutAsync(b);
    // The work ran on a worker (the main thread's id is 0), not on the silent in-process fallback.
    expect(thread).toBeGreaterThan(0);
    expect(positions(b)).toEqual(positions(a));
  });

  test('small graphs are laid out in this thread', async () => {
    expect(await layoutAsync(rings(60))).toBe(0);
  });

  test('neighbours end up closer than strangers', () => {
    const g = rings(200);
    layout(g);
    const dist = (u: string, v: string) => Math.hypot(g.getNodeAttribute(u, 'x') - g.getNodeAttribute(v, 'x'), g.getNodeAttribute(u, 'y') - g.getNodeAttribute(v, 'y'));
    const edges = g.mapEdges((_e, _a, s, t) => dist(s, t));
    const strangers = Array.from({ length: 200 }, (_, i) => dist(`n${i}`, `n${(i * 37 + 101) % 200}`));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(edges)).toBeLessThan(mean(strangers) / 2);
  });

  test('iterations shrink as graphs grow, within bounds', () => {
    expect(iterationsFor(100)).toBe(500);
    expect(iterationsFor(4000)).toBeLessThan(100);
    expect(iterationsFor(1_000_000)).toBe(30);
  });
});
