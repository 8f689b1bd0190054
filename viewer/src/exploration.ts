/**
 * Exploring from an entity on the page: the panel's actions (neighbourhood, expand, paths), the
 * bar that says what is shown, double-click to widen, and back/forward through the steps. The
 * walks themselves are explore.ts; what they compute goes into the display state for the reducers.
 */
import { frameNodes } from './camera.js';
import { byId, el } from './dom.js';
import { neighbourhood, shortestPaths, type Paths } from './explore.js';
import type { Graph, Renderer } from './graph.js';
import type { ViewEdgeAttributes } from './model.js';
import { edgeVisible } from './reducers.js';
import type { Select } from './selection.js';
import { readExploration, state, writeUrl } from './state.js';

let lastPaths: Paths | null = null;

/** Fills the state's computed sets (selection neighbours, explored nodes, path) from what is chosen. Run before the hidden set. */
export function computeExploration(graph: Graph): void {
  const follow = (_e: string, a: ViewEdgeAttributes) => edgeVisible(a, state);
  const sel = state.selected;
  state.selectionNeighbours = sel && graph.hasNode(sel) ? neighbourhood(graph, sel, 1, [], follow) : new Set();
  const x = state.exploration;
  state.explored = x && graph.hasNode(x.root) ? neighbourhood(graph, x.root, x.depth, x.expanded, follow) : null;
  // Paths run over stated relations only, as `newskg path` does: co-mentions say too little.
  const stated = { weakEdges: false, minConfidence: state.minConfidence };
  lastPaths = state.path ? shortestPaths(graph, state.path[0], state.path[1], (_e: string, a: ViewEdgeAttributes) => edgeVisible(a, stated)) : null;
  state.pathNodes = lastPaths ? lastPaths.nodes : null;
  state.pathEdges = lastPaths ? lastPaths.edges : null;
}

export interface ExplorationView {
  render: () => void;
  /** Frames the path, else the exploration; false when neither is shown. */
  frameShown: () => boolean;
}

export function setupExploration(graph: Graph, renderer: Renderer, select: Select, update: () => void): ExplorationView {
  const bar = byId('explore-bar');
  const actions = byId('panel-actions');
  let pathStart: string | null = null;
  const label = (n: string) => (graph.hasNode(n) ? graph.getNodeAttribute(n, 'label') : n);

  /** One exploration step: a history entry of its own, then the camera on what it shows. */
  const step = (change: () => void, frameOn?: () => Iterable<string> | null | undefined) => {
    change();
    // The new entry first: update() then only rewrites it in place.
    writeUrl(true);
    update();
    const nodes = frameOn?.();
    if (nodes) frameNodes(renderer, nodes);
  };
  const explore = (root: string, depth: 1 | 2 = 1) =>
    step(
      () => (state.exploration = { root, depth, expanded: [] }),
      () => state.explored,
    );
  const expand = (node: string) => {
    const x = state.exploration;
    if (!x) return explore(node);
    if (node === x.root || x.expanded.includes(node)) return;
    step(
      () => (state.exploration = { ...x, expanded: [...x.expanded, node] }),
      () => state.explored,
    );
  };

  const button = (text: string, id: string, onClick: () => void) => {
    const b = el('button', { type: 'button', id }, text);
    b.addEventListener('click', onClick);
    return b;
  };

  function render(): void {
    // The bar: what the exploration and the path show, and how to leave them.
    const parts: HTMLElement[] = [];
    const x = state.exploration;
    if (x && state.explored) {
      const depthButton = (d: 1 | 2) => {
        const b = button(d === 1 ? '1 step' : '2 steps', `explore-depth-${d}`, () => step(() => (state.exploration = { ...x, depth: d }), () => state.explored));
        b.setAttribute('aria-pressed', String(x.depth === d));
        return b;
      };
      const expandedNote = x.expanded.length ? ` + ${x.expanded.length} expanded` : '';
      parts.push(
        el('span', { id: 'explore-summary' }, 'Around ', el('strong', {}, label(x.root)), `: ${state.explored.size} entities${expandedNote}`),
        depthButton(1),
        depthButton(2),
        button('Show all', 'explore-clear', () => step(() => (state.exploration = null))),
      );
    }
    if (state.path && lastPaths) {
      const [a, b] = state.path;
      const found = lastPaths.paths.length;
      const summary = found ? `: ${found} shortest chain${found === 1 ? '' : 's'} of ${lastPaths.length} step${lastPaths.length === 1 ? '' : 's'}` : ': no chain of stated relations within 4 steps';
      parts.push(el('span', { id: 'path-summary' }, 'From ', el('strong', {}, label(a)), ' to ', el('strong', {}, label(b)), summary), button('Clear path', 'path-clear', () => step(() => (state.path = null))));
    }
    bar.replaceChildren(...parts);
    bar.hidden = parts.length === 0;

    // The panel's actions for the selected node.
    const s = state.selected;
    const list: HTMLElement[] = [];
    if (s) {
      const inView = Boolean(x && state.explored?.has(s));
      if (!inView) list.push(button('Show neighbourhood', 'action-explore', () => explore(s)));
      else if (x!.root !== s && !x!.expanded.includes(s)) list.push(button('Expand', 'action-expand', () => expand(s)));
      if (pathStart && pathStart !== s) {
        const from = pathStart;
        list.push(
          button(`Path from ${label(from)} to here`, 'action-path-to', () => {
            pathStart = null;
            step(
              () => (state.path = [from, s]),
              () => state.pathNodes,
            );
          }),
        );
      }
      list.push(
        button(pathStart === s ? 'Now select the other end' : 'Path from here…', 'action-path-from', () => {
          pathStart = s;
          render();
        }),
      );
    }
    actions.replaceChildren(...list);
  }

  renderer.on('doubleClickNode', (e) => {
    // Widening the view, not zooming: the camera frames what the step shows.
    e.preventSigmaDefault();
    expand(e.node);
  });
  const frameShown = (): boolean => {
    // A path asked for but not found frames nothing: the camera is left to the selection then.
    const nodes = state.pathNodes?.size ? state.pathNodes : state.explored;
    if (nodes?.size) frameNodes(renderer, nodes);
    return Boolean(nodes?.size);
  };
  // Back and forward step through the exploration; the filters stay as they are.
  window.addEventListener('popstate', () => {
    readExploration(new URLSearchParams(location.search));
    void select(state.selected);
    render();
    frameShown();
  });
  render();
  return { render, frameShown };
}
