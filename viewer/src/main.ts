/**
 * The newskg viewer: the build's graph.json in sigma, with display state in one object
 * (state.ts) reaching the screen through sigma's node and edge reducers (reducers.ts). This
 * module loads the graph, creates the renderer and wires the page's parts to them.
 */
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { setupControls } from './controls.js';
import { byId } from './dom.js';
import { computeExploration, setupExploration } from './exploration.js';
import { setupExport } from './export.js';
import { fitSizes, loadGraph, refreshAround, type Graph, type Renderer } from './graph.js';
import { setupHover } from './hover.js';
import { setupLayout } from './layout.js';
import { setupReader, type Reader } from './reader.js';
import { nonOverlappingLabels } from './labels.js';
import { createLegend } from './legend.js';
import { setupMap, type MapDot } from './map.js';
import type { NodeAttributes, ViewEdgeAttributes } from './model.js';
import { computeHidden, edgeDisplay, nodeDisplay, type EdgeDisplay, type View } from './reducers.js';
import { setupSearch } from './searchbox.js';
import { setupSelection } from './selection.js';
import { readUrl, state, writeUrl } from './state.js';
import { setupTimeline } from './timeline.js';
import './style.css';

/** Timings the benchmark reads (navigation to first frame and to interactive, ms) and counts the tests read. */
const timings: { firstFrame?: number; interactive?: number; steps: Record<string, number> } = { steps: {} };
/** When each step of the load ended (ms since navigation): where the time to the first frame goes. */
const mark = (step: string) => (timings.steps[step] = performance.now());
const probe: { timings: typeof timings; hubs?: () => string[]; hoverMs?: (node: string) => number; selectMs?: (node: string) => number; nodes?: number; shown?: (cls?: string) => number; refreshMs?: () => number; positions?: () => number[]; pathLabels?: () => string[]; color?: (node: string) => string | undefined; edgesShown?: (weak: boolean) => number; display?: () => string; hovered?: () => string | null; enter?: (node: string) => void; select?: (node: string | null) => Promise<void>; mapDots?: () => MapDot[] } = { timings };
(window as unknown as { newskg: unknown }).newskg = probe;

const CO_MENTIONS_SHOWN_UP_TO = 3000;
/**
 * Past this many nodes the renderer draws for speed: fewer labels, nothing but nodes while moving,
 * nodes as points, hovers and selections that redraw only what they touch.
 */
const LARGE = 2000;

/** `sizeFactor`: what fitSizes scaled the nodes by, so that the same nodes keep their labels. */
function createRenderer(graph: Graph, view: View, sizeFactor: number): Renderer {
  const large = graph.order > LARGE;
  const labels = nonOverlappingLabels();
  const renderer: Renderer = new Sigma<NodeAttributes, ViewEdgeAttributes>(graph, byId('graph'), {
    defaultDrawNodeLabel: labels.draw,
    // Arrows show direction; past 20,000 edges they are noise and cost more than lines to draw.
    defaultEdgeType: graph.size > 20_000 ? 'line' : 'arrow',
    renderEdgeLabels: state.edgeLabels,
    labelRenderedSizeThreshold: (large ? 12 : 7) * sizeFactor,
    labelDensity: large ? 0.4 : 0.9,
    labelGridCellSize: 90,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    // A point is one vertex where sigma's circle is three: in the tests' software WebGL, dragging
    // 10,000 nodes goes from 6 to 25 frames/s. Points leave the screen whole at its edge.
    nodeProgramClasses: large ? { circle: NodePointProgram } : {},
    zIndex: true,
    edgeLabelSize: 11,
    labelFont: 'system-ui, sans-serif',
    // Sigma's copy of the attributes is both what the reducers read and what they fill in.
    nodeReducer: (node, a) => nodeDisplay(node, a, view, a),
    edgeReducer: (edge, a) => edgeDisplay(edge, a, view, graph, a as ViewEdgeAttributes & EdgeDisplay),
  });
  labels.attach(renderer);
  return renderer;
}

function exposeProbe(graph: Graph, renderer: Renderer): void {
  probe.nodes = graph.order;
  // How many nodes (of a class) the renderer displays now.
  probe.shown = (cls) => graph.filterNodes((n, a) => (!cls || a.class === cls) && !renderer.getNodeDisplayData(n)?.hidden).length;
  probe.positions = () => graph.mapNodes((_n, a) => a.x + a.y);
  probe.color = (n) => renderer.getNodeDisplayData(n)?.color;
  probe.edgesShown = (weak) => graph.filterEdges((e, a) => a.weak === weak && !renderer.getEdgeDisplayData(e)?.hidden).length;
  // What every node and edge shows now, as one string (a test compares it before and after a full refresh).
  probe.display = () => {
    const node = (n: string) => {
      const d = renderer.getNodeDisplayData(n);
      return d && [n, d.color, d.size, d.hidden, d.highlighted, d.label, d.zIndex].join();
    };
    const edge = (e: string) => {
      const d = renderer.getEdgeDisplayData(e);
      return d && [e, d.color, d.size, d.hidden, d.label, d.zIndex].join();
    };
    return [...graph.mapNodes(node), ...graph.mapEdges(edge)].join('\n');
  };
  // The five nodes with the most connections (the benchmark hovers and selects them).
  probe.hubs = () => graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a)).slice(0, 5);
  probe.pathLabels = () => [...(state.pathNodes ?? [])].map((n) => graph.getNodeAttribute(n, 'label')).sort();
  // What one state change costs: reducers over the whole graph and a render (the benchmark reads it).
  probe.refreshMs = () => {
    const t0 = performance.now();
    renderer.refresh({ skipIndexation: true });
    return performance.now() - t0;
  };
}

async function main(): Promise<void> {
  const status = byId('status');
  status.textContent = 'Loading the graph…';
  mark('script');
  const graph = await loadGraph(mark);
  const container = byId('graph');
  const sizeFactor = fitSizes(graph, container.clientWidth, container.clientHeight);
  mark('sizes');
  // Past a few thousand nodes co-mentions are a hairball over what the articles state: off unless asked for.
  state.weakEdgesByDefault = graph.order <= CO_MENTIONS_SHOWN_UP_TO;
  state.focusFades = graph.order <= LARGE;
  readUrl();
  const hiddenNodes = new Set<string>();
  // The display state is whole before sigma's constructor runs the reducers: its first frame is the final one, with no second pass over the graph.
  computeExploration(graph);
  computeHidden(graph, state, hiddenNodes);
  const renderer = createRenderer(graph, { state, hiddenNodes }, sizeFactor);
  mark('renderer');
  exposeProbe(graph, renderer);
  // Sigma draws its first frame in its constructor; the browser shows it at the next animation frame.
  requestAnimationFrame(() => {
    timings.firstFrame = performance.now();
  });

  // The exploration and path the renderer last drew in full: going back or forward changes them along with the selection.
  const explorationKey = () => JSON.stringify([state.exploration, state.path]);
  let drawnExploration = explorationKey();

  // A full update for every other change (wrapped: no handler's argument is mistaken for a selection).
  const updateAll = () => update();
  const refreshLegend = createLegend(graph, updateAll);
  setupControls(graph, renderer, updateAll);
  setupHover(graph, renderer);
  // The panel's evidence opens the article view, whose names select entities in turn.
  let reader: Reader | undefined;
  const select = setupSelection(graph, renderer, (before) => update({ selectedBefore: before }), (id, at) => void reader?.open(id, at));
  reader = setupReader(graph, select);
  const timeline = setupTimeline(graph, select, (n) => !hiddenNodes.has(n), updateAll);
  setupSearch(graph, select);
  setupLayout(graph);
  setupExport(renderer);
  const exploration = setupExploration(graph, renderer, select, updateAll);
  mark('wired');
  const map = setupMap(graph, renderer, select, updateAll);
  probe.mapDots = map.dots;
  probe.select = (node) => select(node);
  // What a hover and a selection cost, through their own handlers (the selection's fetch of details apart).
  probe.hoverMs = (node) => {
    const t0 = performance.now();
    renderer.emit('enterNode', { node } as never);
    const ms = performance.now() - t0;
    renderer.emit('leaveNode', { node } as never);
    return ms;
  };
  // What is hovered now, and sigma's report that the pointer entered a node (a test checks that none starts a hover while the graph is dragged).
  probe.hovered = () => state.hovered;
  probe.enter = (node) => void renderer.emit('enterNode', { node } as never);
  probe.selectMs = (node) => {
    const t0 = performance.now();
    state.selected = node;
    update({ selectedBefore: null });
    const ms = performance.now() - t0;
    state.selected = null;
    update({ selectedBefore: node });
    return ms;
  };

  /** Brings every view in line with the state; `change` says when the selection moved (from `selectedBefore`). */
  function update(change?: { selectedBefore: string | null }): void {
    const neighboursBefore = state.selectionNeighbours;
    // A selection alone hides nothing and shows nothing new: the filters' work stands, and on a large graph only its neighbourhoods are redrawn.
    const selectionOnly = change !== undefined && explorationKey() === drawnExploration;
    computeExploration(graph);
    if (!selectionOnly) computeHidden(graph, state, hiddenNodes);
    exploration?.render();
    reader?.render();
    timeline?.render();
    refreshLegend();
    writeUrl();
    if (selectionOnly && !state.focusFades) refreshAround(renderer, graph, [change.selectedBefore, state.selected], [neighboursBefore, state.selectionNeighbours]);
    else renderer.refresh({ skipIndexation: true });
    drawnExploration = explorationKey();
    // After the refresh: the map reads the display data it leaves.
    map.render();
  }

  refreshLegend();
  exploration.render();
  timeline.render();
  map.render();
  status.textContent = `${graph.order} nodes, ${graph.size} edges`;
  // A shared link opens on what it shows: the path or the neighbourhood, else the selected node.
  const framed = exploration.frameShown();
  if (state.selected) await select(state.selected, !framed);
  if (state.article) await reader.open(state.article.id, state.article.sentence ?? undefined);
  timings.interactive = performance.now();
  document.body.dataset.ready = 'true';
}

main().catch((err: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `The viewer failed: ${(err as Error).message}`;
  document.body.dataset.ready = 'error';
});
