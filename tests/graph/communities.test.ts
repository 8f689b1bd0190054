import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { assignCommunities, type EntityGraph } from '../../src/graph/index.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/json.js';

const node = (label: string): NodeAttributes => ({ label, class: 'Person', category: 'person', aliases: [], handles: [], mentionCount: 1, articles: 1, x: 0, y: 0, size: 3 });
const edge = (weak: boolean, evidenceCount = 1): EdgeAttributes => ({ predicate: weak ? 'coMentionedWith' : 'warned', family: weak ? 'co-mention' : 'warn', weak, confidence: 0.5, evidenceCount, evidence: [] });

/** Two groups of `k` people, every pair inside a group related, one co-mention across. */
function twoGroups(k: number, order: 'ab' | 'ba' = 'ab'): EntityGraph {
  const g: EntityGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const names = (p: string) => Array.from({ length: k }, (_, i) => `${p}${i}`);
  const groups = order === 'ab' ? [names('a'), names('b')] : [names('b'), names('a')];
  for (const group of groups) for (const n of group) g.addNode(n, node(n));
  for (const group of groups) for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) g.addEdge(group[i], group[j], edge(false));
  g.addEdge('a0', 'b0', edge(true));
  return g;
}

describe('assignCommunities', () => {
  it('puts each tightly related group in its own community, and the weak link between them does not merge them', () => {
    const g = twoGroups(6);
    assignCommunities(g);
    const a = new Set(['a0', 'a1', 'a2', 'a3', 'a4', 'a5'].map((n) => g.getNodeAttribute(n, 'community')));
    const b = new Set(['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((n) => g.getNodeAttribute(n, 'community')));
    expect(a.size).toBe(1);
    expect(b.size).toBe(1);
    expect([...a][0]).not.toBe([...b][0]);
  });

  it('numbers communities by size, the largest 0, and gives an unconnected node a community of its own', () => {
    const g = twoGroups(4);
    for (const n of ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']) g.addNode(n, node(n));
    for (const n of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) g.addEdge('c0', n, edge(false, 2));
    g.addNode('alone', node('alone'));
    assignCommunities(g);
    expect(g.getNodeAttribute('c3', 'community')).toBe(0);
    const alone = g.getNodeAttribute('alone', 'community')!;
    expect(alone).toBe(3);
    g.forEachNode((n, a) => expect(n === 'alone' || a.community !== alone).toBe(true));
  });

  it('gives the same numbers on every run of the same graph', () => {
    const runs = [0, 1, 2].map(() => {
      const g = twoGroups(8);
      assignCommunities(g);
      return g.mapNodes((_n, a) => a.community);
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
