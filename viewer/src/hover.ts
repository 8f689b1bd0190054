/**
 * Hover: on a small graph the hovered node and its neighbours stay and the rest fades; on a large
 * one (state.focusFades off) they are brought out, and only they and their edges are redrawn.
 */
import type { Graph, Renderer } from './graph.js';
import { state } from './state.js';

export function setupHover(graph: Graph, renderer: Renderer): void {
  // What the last hover touched: undone by the next refresh of those items alone.
  let touchedNodes: string[] = [];
  let touchedEdges: string[] = [];
  const refresh = () => {
    if (state.focusFades) return renderer.refresh({ skipIndexation: true });
    const edges = state.hovered ? graph.edges(state.hovered) : [];
    renderer.refresh({ partialGraph: { nodes: [...touchedNodes, ...state.hoverNeighbours], edges: [...touchedEdges, ...edges] }, skipIndexation: true });
    touchedNodes = [...state.hoverNeighbours];
    touchedEdges = edges;
  };
  // While the graph is dragged, nodes pass under the still pointer: hovering each would redraw as
  // many neighbourhoods (dragging from a node of a 17,000-node build: 3 frames/s before this, 8–9 after).
  let dragging = false;
  const captor = renderer.getMouseCaptor();
  captor.on('mousedown', () => (dragging = true));
  captor.on('mouseup', () => (dragging = false));
  renderer.on('enterNode', ({ node }) => {
    if (dragging) return;
    state.hovered = node;
    state.hoverNeighbours = new Set([node, ...graph.neighbors(node)]);
    refresh();
  });
  renderer.on('leaveNode', () => {
    if (state.hovered === null) return;
    state.hovered = null;
    state.hoverNeighbours = new Set();
    refresh();
  });
}
