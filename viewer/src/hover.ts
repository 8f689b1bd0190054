/** Hover: a node and its neighbours stay, the rest fades. */
import type { Graph, Renderer } from './graph.js';
import { state } from './state.js';

export function setupHover(graph: Graph, renderer: Renderer): void {
  renderer.on('enterNode', ({ node }) => {
    state.hovered = node;
    state.hoverNeighbours = new Set([node, ...graph.neighbors(node)]);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    state.hovered = null;
    state.hoverNeighbours = new Set();
    renderer.refresh({ skipIndexation: true });
  });
}
