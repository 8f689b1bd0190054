/** fitSizes, in Node: nodes that would cover more than the canvas shrink by one factor, in order; the rest stay. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, test } from 'vitest';
import { fitSizes, type Graph } from '../../viewer/src/graph.js';
import type { NodeAttributes } from '../../viewer/src/model.js';

function graphOf(sizes: number[]): Graph {
  const g: Graph = new MultiDirectedGraph();
  sizes.forEach((size, i) => g.addNode(`n${i}`, { label: `n${i}`, class: 'Person', category: 'person', x: i, y: 0, size } as unknown as NodeAttributes));
  return g;
}
const area = (g: Graph) => g.reduceNodes((sum, _n, a) => sum + Math.PI * a.size * a.size, 0);

describe('fitSizes', () => {
  test('nodes covering the canvas four times over are halved: together they cover it once, and keep their order', () => {
    const sizes = Array.from({ length: 400 }, (_, i) => 3 + (i % 40));
    const g = graphOf(sizes);
    const [w, h] = [400, 300];
    // Scale the sizes so that they cover exactly four canvases.
    const k = Math.sqrt((4 * w * h) / area(g));
    g.forEachNode((_n, a) => (a.size *= k));
    expect(area(g) / (w * h)).toBeCloseTo(4, 6);
    const before = g.mapNodes((_n, a) => a.size);
    expect(fitSizes(g, w, h)).toBeCloseTo(0.5, 6);
    expect(area(g) / (w * h)).toBeCloseTo(1, 6);
    g.forEachNode((n, a) => expect(a.size).toBeCloseTo(before[Number(n.slice(1))] / 2, 9));
  });

  test('nodes that leave part of the canvas free are left as they are', () => {
    const g = graphOf([3, 10, 30]);
    expect(fitSizes(g, 1400, 900)).toBe(1);
    expect(g.mapNodes((_n, a) => a.size)).toEqual([3, 10, 30]);
  });
});
