/**
 * Hover: on a small graph the hovered node and its neighbours stay and the rest fades; on a large
 * one (state.hoverFades off) they are brought out, and only they and their edges are redrawn.
 */
import type { Graph, Renderer } from './graph.js';
import { state } from './state.js';

export function setupHover(graph: Graph, renderer: Renderer): void {
  // What the last hover touched: undone by the next refresh of those items alone.
  let touchedNodes: string[] = [];
  let touchedEdges: string[] = [];
  const refresh = () => {
    if (state.hoverFades) return renderer.refresh({ skipIndexation: true });
    const edges = state.hovered ? graph.edges(state.hovered) : [];
    renderer.refresh({ partialGraph: { nodes: [...touchedNodes, ...state.hoverNeighbours], edges: [...touchedEdges, ...edges] }, skipIndexation: true });
    touchedNodes = [...state.hoverNeighbours];
    touchedEdges = edges;
  };
  renderer.on('enterNode', ({ node }) => {
    state.hovered = node;
    state.hoverNeighbours = new Set([node, ...graph.neighbors(node)]);
    refresh();
  });
  renderer.on('leaveNode', () => {
    state.hovered = null;
    state.hoverNeighbours = new Set();
    refresh();
  });
}
