/**
 * What sigma draws for each node and edge, given the display state (state.ts). Filters never
 * remove anything from the graph; they hide through these. Pure functions of their arguments (no
 * DOM, no sigma), so they are tested in Node.
 */
import { FAMILY_COLORS, CLASS_COLORS, type EdgeAttributes, type NodeAttributes } from './model.js';
import type { ViewState } from './state.js';

const FADED = '#e9ecef';

/** The fields of sigma's NodeDisplayData the node reducer sets. */
export interface NodeDisplay {
  size?: number;
  label?: string;
  color?: string;
  hidden?: boolean;
  highlighted?: boolean;
  zIndex?: number;
}

/** The fields of sigma's EdgeDisplayData the edge reducer sets. */
export interface EdgeDisplay {
  size?: number;
  label?: string;
  color?: string;
  hidden?: boolean;
  zIndex?: number;
}

/** What the reducers read: the state, and the nodes the filters hide. */
export interface View {
  state: ViewState;
  hiddenNodes: ReadonlySet<string>;
}

/** An edge's ends (a graphology graph is one). */
export interface EdgeEnds {
  source(edge: string): string;
  target(edge: string): string;
}

type FilteredAttributes = Pick<NodeAttributes, 'class' | 'dateEarliest' | 'dateLatest'>;

/** Whether the filters (hidden classes, the events' date range) hide a node. */
export function isHidden(a: FilteredAttributes, state: ViewState): boolean {
  if (state.hiddenClasses.has(a.class)) return true;
  if (a.dateEarliest && ((state.dateFrom && a.dateLatest! < state.dateFrom) || (state.dateTo && a.dateEarliest > state.dateTo))) return true;
  return false;
}

/**
 * Fills `into` with the nodes the filters hide. Run when a filter changes (not on hover), so the
 * reducers only look up; `into` is refilled in place as the reducers' View holds it.
 */
export function computeHidden(nodes: { forEachNode(callback: (node: string, a: FilteredAttributes) => void): void }, state: ViewState, into: Set<string>): void {
  into.clear();
  nodes.forEachNode((n, a) => {
    if (isHidden(a, state)) into.add(n);
  });
}

/**
 * How a node shows. Sigma hands each reducer its own shallow copy of the attributes: the viewer
 * passes that copy as both `a` and `out`, so the display fields are set on it and it is returned,
 * allocating nothing more. Reducers run when the state changes, not per frame.
 */
export function nodeDisplay<D extends NodeDisplay>(node: string, a: Pick<NodeAttributes, 'class' | 'size'>, view: View, out: D): D {
  const { state, hiddenNodes } = view;
  const hidden = hiddenNodes.has(node);
  const faded = hidden || (state.hovered !== null && !state.hoverNeighbours.has(node));
  const selected = node === state.selected;
  if (selected) out.size = a.size * 1.6;
  if (faded && !selected) out.label = '';
  out.color = faded ? FADED : (CLASS_COLORS[a.class] ?? '#868e96');
  out.hidden = hidden && !selected;
  out.highlighted = selected || node === state.hovered;
  out.zIndex = selected || node === state.hovered ? 2 : faded ? 0 : 1;
  return out;
}

/** How an edge shows, set on `out` as nodeDisplay does. */
export function edgeDisplay<D extends EdgeDisplay>(edge: string, a: Pick<EdgeAttributes, 'predicate' | 'family' | 'weak' | 'confidence'>, view: View, ends: EdgeEnds, out: D): D {
  const { state, hiddenNodes } = view;
  const source = ends.source(edge);
  const target = ends.target(edge);
  const focus = state.hovered ?? state.selected;
  const faded = focus !== null && source !== focus && target !== focus;
  out.hidden = (a.weak && !state.weakEdges) || a.confidence < state.minConfidence || hiddenNodes.has(source) || hiddenNodes.has(target);
  out.color = faded ? FADED : (FAMILY_COLORS[a.family] ?? '#adb5bd');
  out.size = a.weak ? 0.5 : 1.5;
  out.label = state.edgeLabels && !a.weak ? a.predicate : '';
  out.zIndex = faded ? 0 : 1;
  return out;
}
