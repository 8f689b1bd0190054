/**
 * What sigma draws for each node and edge, given the display state (state.ts). Filters never
 * remove anything from the graph; they hide through these. Pure functions of their arguments (no
 * DOM, no sigma), so they are tested in Node.
 */
import { FAMILY_COLORS, CLASS_COLORS, type EdgeAttributes, type NodeAttributes } from './model.js';
import type { ViewState } from './state.js';

/** What a node out of focus is drawn in (the map tells faded nodes by it). */
export const FADED = '#e9ecef';
/** Communities past the palette's length share one grey: they are the small ones (numbered by size). */
export const COMMUNITY_COLORS = ['#e8590c', '#1971c2', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#862e9c', '#d9480f', '#364fc7'];
const SMALL_COMMUNITY = '#adb5bd';

/** The fields of sigma's NodeDisplayData the node reducer sets. */
export interface NodeDisplay {
  size?: number;
  label?: string;
  color?: string;
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
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

type FilteredAttributes = Pick<NodeAttributes, 'class' | 'dateEarliest' | 'dateLatest' | 'articles'>;

/** Whether the days [first, last] meet the range [from, to]; null at either end is open. Dates compare as YYYY-MM-DD strings. */
export function datesMeet(first: string | null, last: string | null, from: string | null, to: string | null): boolean {
  return !((from && last !== null && last < from) || (to && first !== null && first > to));
}

/** Whether the filters (hidden classes, fewest articles, the events' date range) hide a node; the exploration's bounds are applied in computeHidden. */
export function isHidden(a: FilteredAttributes, state: ViewState): boolean {
  if (state.hiddenClasses.has(a.class)) return true;
  if (a.articles < state.minArticles) return true;
  if (a.dateEarliest && !datesMeet(a.dateEarliest, a.dateLatest!, state.dateFrom, state.dateTo)) return true;
  return false;
}

/**
 * Fills `into` with the nodes the filters hide. Run when a filter changes (not on hover), so the
 * reducers only look up; `into` is refilled in place as the reducers' View holds it.
 */
export function computeHidden(nodes: { forEachNode(callback: (node: string, a: FilteredAttributes) => void): void }, state: ViewState, into: Set<string>): void {
  into.clear();
  const { explored, pathNodes } = state;
  nodes.forEachNode((n, a) => {
    // Exploring hides what lies outside the neighbourhood; a path shown stays, wherever it runs.
    if (isHidden(a, state) || (explored && !explored.has(n) && !pathNodes?.has(n))) into.add(n);
  });
}

/** What stays bright: the hovered node's neighbours, else a path's nodes, else the selected node's neighbours, else everything. */
function inFocus(node: string, state: ViewState): boolean {
  if (state.hovered !== null && state.focusFades) return state.hoverNeighbours.has(node);
  if (state.pathNodes) return state.pathNodes.has(node);
  if (state.selected !== null && state.focusFades) return state.selectionNeighbours.has(node);
  return true;
}

/**
 * How a node shows. Sigma hands each reducer its own shallow copy of the attributes: the viewer
 * passes that copy as both `a` and `out`, so the display fields are set on it and it is returned,
 * allocating nothing more. Reducers run when the state changes, not per frame.
 */
/** A node's own colour: its class's, or its community's when colouring by community. */
export function nodeColor(a: Pick<NodeAttributes, 'class' | 'community'>, state: Pick<ViewState, 'colorBy'>): string {
  if (state.colorBy === 'community' && a.community !== undefined) return COMMUNITY_COLORS[a.community] ?? SMALL_COMMUNITY;
  return CLASS_COLORS[a.class] ?? '#868e96';
}

export function nodeDisplay<D extends NodeDisplay>(node: string, a: Pick<NodeAttributes, 'class' | 'size' | 'community'>, view: View, out: D): D {
  const { state, hiddenNodes } = view;
  const hidden = hiddenNodes.has(node);
  const selected = node === state.selected;
  // On a large graph a hover or a selection brings out the node's neighbours over whatever else is shown.
  const brought = !state.focusFades && ((state.hovered !== null && state.hoverNeighbours.has(node)) || (state.selected !== null && state.selectionNeighbours.has(node)));
  const faded = hidden || (!selected && !brought && !inFocus(node, state));
  if (selected) out.size = a.size * 1.6;
  if (faded && !selected) out.label = '';
  out.color = faded ? FADED : nodeColor(a, state);
  out.hidden = hidden && !selected;
  out.highlighted = selected || node === state.hovered || brought;
  // A path's steps and an exploration's root are read name by name: their labels always show. The
  // rest go through sigma's label grid, and labels.ts leaves out one that would cover another.
  out.forceLabel = !faded && !hidden && (Boolean(state.pathNodes?.has(node)) || node === state.exploration?.root);
  out.zIndex = selected || node === state.hovered || brought ? 2 : faded ? 0 : 1;
  return out;
}

const touches = (source: string, target: string, node: string | null) => node !== null && (source === node || target === node);

/** How an edge shows, set on `out` as nodeDisplay does. */
export function edgeDisplay<D extends EdgeDisplay>(edge: string, a: Pick<EdgeAttributes, 'predicate' | 'family' | 'weak' | 'confidence'>, view: View, ends: EdgeEnds, out: D): D {
  const { state, hiddenNodes } = view;
  const source = ends.source(edge);
  const target = ends.target(edge);
  const hovered = state.focusFades ? state.hovered : null;
  const focus = state.focusFades ? (hovered ?? state.selected) : null;
  const onPath = hovered === null && state.pathEdges !== null && state.pathEdges.has(edge);
  const brought = !state.focusFades && (touches(source, target, state.hovered) || touches(source, target, state.selected));
  const faded = !brought && (hovered === null && state.pathEdges ? !onPath : focus !== null && source !== focus && target !== focus);
  out.hidden = !edgeVisible(a, state) || hiddenNodes.has(source) || hiddenNodes.has(target);
  out.color = faded ? FADED : (FAMILY_COLORS[a.family] ?? '#adb5bd');
  out.size = onPath || brought ? 3 : a.weak ? 0.5 : 1.5;
  // A path's edges say what links each step, whatever the edge-label switch.
  out.label = (state.edgeLabels || onPath) && !a.weak ? a.predicate : '';
  out.zIndex = onPath || brought ? 2 : faded ? 0 : 1;
  return out;
}

/** Whether the edge filters (co-mentions, minimum confidence) let an edge show; the exploration walks only these. */
export function edgeVisible(a: Pick<EdgeAttributes, 'weak' | 'confidence'>, state: Pick<ViewState, 'weakEdges' | 'minConfidence'>): boolean {
  return !(a.weak && !state.weakEdges) && a.confidence >= state.minConfidence;
}
