/**
 * Hover: on a small graph the hovered node and its neighbours stay and the rest fades; on a large
 * one (state.focusFades off) they are brought out, and only they and their edges are redrawn.
 */
import { refreshAround, type Graph, type Renderer } from './graph.js';
import { state } from './state.js';

export function setupHover(graph: Graph, renderer: Renderer): void {
  /** Moves the hover to `node` (null: none), redrawing what that changes. */
  const hover = (node: string | null) => {
    const before = state.hovered;
    const neighboursBefore = state.hoverNeighbours;
    state.hovered = node;
    state.hoverNeighbours = node === null ? new Set() : new Set([node, ...graph.neighbors(node)]);
    if (state.focusFades) renderer.refresh({ skipIndexation: true });
    else refreshAround(renderer, graph, [before, node], [neighboursBefore, state.hoverNeighbours]);
  };
  // While the graph is dragged, nodes pass under the still pointer: hovering each would redraw as
  // many neighbourhoods (dragging from a node of a 17,000-node build: 3 frames/s before this, 8–9 after).
  let dragging = false;
  const captor = renderer.getMouseCaptor();
  captor.on('mousedown', () => (dragging = true));
  captor.on('mouseup', () => (dragging = false));
  renderer.on('enterNode', ({ node }) => {
    if (!dragging) hover(node);
  });
  renderer.on('leaveNode', () => {
    if (state.hovered !== null) hover(null);
  });
}
