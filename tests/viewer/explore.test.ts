/** The exploration's walks in Node: neighbourhoods to a depth with expanded nodes, and every shortest chain between two nodes. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, test } from 'vitest';
import { neighbourhood, shortestPaths } from '../../viewer/src/explore.js';

interface E {
  weak: boolean;
}
// a → b → c → d, a — e (weak), e → d, b → f, f → d, and a second b → c edge; g alone.
function graph(): MultiDirectedGraph<Record<string, never>, E> {
  const g = new MultiDirectedGraph<Record<string, never>, E>();
  for (const n of 'abcdefg') g.addNode(n);
  const add = (key: string, s: string, t: string, weak = false) => g.addEdgeWithKey(key, s, t, { weak });
  add('ab', 'a', 'b');
  add('bc', 'b', 'c');
  add('bc2', 'b', 'c');
  add('cd', 'c', 'd');
  add('ae', 'a', 'e', true);
  add('ed', 'e', 'd');
  add('bf', 'b', 'f');
  add('fd', 'f', 'd');
  return g;
}
const all = () => true;
const stated = (_e: string, a: E) => !a.weak;
const sorted = (s: Set<string>) => [...s].sort();

describe('neighbourhood', () => {
  test.each([
    ['a', 1, [], all, ['a', 'b', 'e']],
    ['a', 1, [], stated, ['a', 'b']],
    ['a', 2, [], all, ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a', 2, [], stated, ['a', 'b', 'c', 'f']],
    // Edges are walked both ways: d's neighbours include those pointing at it.
    ['d', 1, [], all, ['c', 'd', 'e', 'f']],
    ['a', 1, ['b'], stated, ['a', 'b', 'c', 'f']],
    ['g', 2, [], all, ['g']],
    ['nowhere', 1, [], all, []],
  ] as const)('%s at depth %d, expanded %j', (root, depth, expanded, follow, expected) => {
    expect(sorted(neighbourhood(graph(), root, depth, expanded, follow))).toEqual(expected);
  });

  test('expanding a node adds only its ring, not a step everywhere', () => {
    const g = graph();
    expect(sorted(neighbourhood(g, 'a', 1, ['e'], all))).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('shortestPaths', () => {
  test('every shortest chain, once each, with its nodes and edges (parallel edges all marked)', () => {
    const r = shortestPaths(graph(), 'a', 'd', stated);
    expect(r.length).toBe(3);
    expect(r.paths.map((p) => p.join('')).sort()).toEqual(['abcd', 'abfd']);
    expect(sorted(r.nodes)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(sorted(r.edges)).toEqual(['ab', 'bc', 'bc2', 'bf', 'cd', 'fd']);
  });

  test('with co-mentions allowed, the shorter chain through them wins', () => {
    const r = shortestPaths(graph(), 'a', 'd', all);
    expect([r.length, r.paths]).toEqual([2, [['a', 'e', 'd']]]);
  });

  test.each([
    ['no chain', 'a', 'g', {}],
    ['the same node', 'a', 'a', {}],
    ['an unknown node', 'a', 'zz', {}],
    ['longer than maxLength', 'a', 'd', { maxLength: 2 }],
  ])('%s: nothing', (_what, from, to, options) => {
    const r = shortestPaths(graph(), from, to, stated, options);
    expect([r.paths, r.length, r.nodes.size, r.edges.size]).toEqual([[], 0, 0, 0]);
  });

  test('maxPaths bounds how many chains are read back', () => {
    expect(shortestPaths(graph(), 'a', 'd', stated, { maxPaths: 1 }).paths).toHaveLength(1);
  });

  test('against reversed direction: d to a gives the same chains reversed', () => {
    expect(shortestPaths(graph(), 'd', 'a', stated).paths.map((p) => p.join('')).sort()).toEqual(['dcba', 'dfba']);
  });
});
