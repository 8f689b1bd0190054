/**
 * The newskg viewer: the build's graph.json in sigma, with display state in one object
 * (state.ts) reaching the screen through sigma's node and edge reducers. Filters never remove
 * anything from the graph; they hide through the reducers.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { downloadAsPNG } from '@sigma/export-image';
import { el } from './dom.js';
import { FAMILY_COLORS, KIND_COLORS, KIND_LABELS, type EdgeAttributes, type EntityDetails, type NodeAttributes } from './model.js';
import { renderDetails } from './panel.js';
import { readUrl, state, writeUrl } from './state.js';
import './style.css';

type Graph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const FADED = '#e9ecef';

/** Timings the benchmark reads (navigation to first frame and to interactive, ms) and counts the tests read. */
const timings: { firstFrame?: number; interactive?: number } = {};
const probe: { timings: typeof timings; nodes?: number; shown?: (kind?: string) => number; refreshMs?: () => number; positions?: () => number[] } = { timings };
(window as unknown as { newskg: unknown }).newskg = probe;

async function main(): Promise<void> {
  readUrl();
  const status = $('status');
  status.textContent = 'Loading the graph…';
  const response = await fetch('./api/graph');
  if (!response.ok) throw new Error(`the graph did not load (${response.status})`);
  const graph: Graph = MultiDirectedGraph.from(await response.json());
  // graph.json's "type" is the entity kind; sigma reads "type" as its drawing program.
  graph.updateEachNodeAttributes((_n, a) => {
    const { type, ...rest } = a as NodeAttributes & { type?: string };
    return { ...rest, kind: type ?? a.kind };
  });
  // Node size by degree: hubs stand out, leaves stay small.
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'size', 3 + Math.sqrt(graph.degree(n)) * 1.6));
  const large = graph.order > 2000;
  // Nodes the filters hide, recomputed when a filter changes (not on hover), so reducers only look up.
  const hiddenNodes = new Set<string>();
  const recomputeHidden = () => {
    hiddenNodes.clear();
    graph.forEachNode((n, a) => {
      if (isHidden(a)) hiddenNodes.add(n);
    });
  };

  const renderer = new Sigma(graph, $('graph'), {
    // Arrows show direction; past 20,000 edges they are noise and cost more than lines to draw.
    defaultEdgeType: graph.size > 20_000 ? 'line' : 'arrow',
    renderEdgeLabels: state.edgeLabels,
    labelRenderedSizeThreshold: large ? 12 : 7,
    labelDensity: large ? 0.4 : 0.9,
    labelGridCellSize: 90,
    hideEdgesOnMove: large,
    zIndex: true,
    edgeLabelSize: 11,
    labelFont: 'system-ui, sans-serif',
    // Sigma hands each reducer its own shallow copy of the attributes: set the display fields on it
    // and return it, allocating nothing more. Reducers run when the state changes, not per frame.
    nodeReducer: (node, a) => {
      const d = a as unknown as Partial<NodeDisplayData> & NodeAttributes;
      const hidden = hiddenNodes.has(node);
      const faded = hidden || (state.hovered !== null && !state.hoverNeighbours.has(node));
      const selected = node === state.selected;
      if (selected) d.size = a.size * 1.6;
      if (faded && !selected) d.label = '';
      d.color = faded ? FADED : (KIND_COLORS[a.kind] ?? '#868e96');
      d.hidden = hidden && !selected;
      d.highlighted = selected || node === state.hovered;
      d.zIndex = selected || node === state.hovered ? 2 : faded ? 0 : 1;
      return d;
    },
    edgeReducer: (edge, a) => {
      const d = a as unknown as Partial<EdgeDisplayData> & EdgeAttributes;
      const source = graph.source(edge);
      const target = graph.target(edge);
      const focus = state.hovered ?? state.selected;
      const faded = focus !== null && source !== focus && target !== focus;
      d.hidden = (a.weak && !state.weakEdges) || a.confidence < state.minConfidence || hiddenNodes.has(source) || hiddenNodes.has(target);
      d.color = faded ? FADED : (FAMILY_COLORS[a.family] ?? '#adb5bd');
      d.size = a.weak ? 0.5 : 1.5;
      d.label = state.edgeLabels && !a.weak ? a.predicate : '';
      d.zIndex = faded ? 0 : 1;
      return d;
    },
  });

  probe.nodes = graph.order;
  // How many nodes (of a kind) the renderer displays now.
  probe.shown = (kind) => graph.filterNodes((n, a) => (!kind || a.kind === kind) && !renderer.getNodeDisplayData(n)?.hidden).length;
  probe.positions = () => graph.mapNodes((_n, a) => a.x + a.y);
  // What one state change costs: reducers over the whole graph and a render (the benchmark reads it).
  probe.refreshMs = () => {
    const t0 = performance.now();
    renderer.refresh({ skipIndexation: true });
    return performance.now() - t0;
  };

  function isHidden(a: NodeAttributes): boolean {
    if (state.hiddenKinds.has(a.kind)) return true;
    if (a.dateEarliest && ((state.dateFrom && a.dateLatest! < state.dateFrom) || (state.dateTo && a.dateEarliest > state.dateTo))) return true;
    return false;
  }

  // Sigma draws its first frame in its constructor; the browser shows it at the next animation frame.
  requestAnimationFrame(() => {
    timings.firstFrame = performance.now();
  });

  // --- Legend: a checkbox per kind with its count (shown and hidden) -----------------------
  const legend = $('legend');
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  const kinds = Object.keys(KIND_COLORS).filter((k) => counts.has(k));
  for (const k of counts.keys()) if (!kinds.includes(k)) kinds.push(k);
  const legendCounts = new Map<string, HTMLElement>();
  legend.append(el('h2', {}, 'Entities'));
  for (const kind of kinds) {
    const box = el('input', { type: 'checkbox', 'data-kind': kind }) as HTMLInputElement;
    box.checked = !state.hiddenKinds.has(kind);
    box.addEventListener('change', () => {
      if (box.checked) state.hiddenKinds.delete(kind);
      else state.hiddenKinds.add(kind);
      update();
    });
    const count = el('span', { class: 'count', 'data-kind': kind });
    legendCounts.set(kind, count);
    legend.append(el('label', { class: 'legend-item' }, box, el('span', { class: 'swatch', style: `background:${KIND_COLORS[kind] ?? '#868e96'}` }), ` ${KIND_LABELS[kind] ?? kind} `, count));
  }
  const refreshLegend = () => {
    for (const [kind, node] of legendCounts) {
      const n = counts.get(kind) ?? 0;
      node.textContent = state.hiddenKinds.has(kind) ? `${n} (hidden)` : String(n);
    }
  };

  // --- Timeline: the events' date range -------------------------------------------------------
  const dates = [...new Set(graph.mapNodes((_n, a) => a.dateEarliest).filter((d): d is string => !!d))].sort();
  if (dates.length > 1) {
    $('timeline').hidden = false;
    const from = $<HTMLInputElement>('date-from');
    const to = $<HTMLInputElement>('date-to');
    for (const input of [from, to]) {
      input.min = '0';
      input.max = String(dates.length - 1);
      input.step = '1';
    }
    from.value = String(state.dateFrom ? Math.max(0, dates.findIndex((d) => d >= state.dateFrom!)) : 0);
    to.value = String(state.dateTo ? dates.filter((d) => d <= state.dateTo!).length - 1 : dates.length - 1);
    const show = () => {
      $('date-from-value').textContent = dates[Number(from.value)];
      $('date-to-value').textContent = dates[Number(to.value)];
    };
    const onInput = () => {
      if (Number(from.value) > Number(to.value)) to.value = from.value;
      state.dateFrom = Number(from.value) > 0 ? dates[Number(from.value)] : null;
      state.dateTo = Number(to.value) < dates.length - 1 ? dates[Number(to.value)] : null;
      show();
      update();
    };
    from.addEventListener('input', onInput);
    to.addEventListener('input', onInput);
    show();
  }

  // --- Confidence, edge labels, co-mentions ---------------------------------------------------
  const confidence = $<HTMLInputElement>('confidence');
  confidence.value = String(state.minConfidence);
  $('confidence-value').textContent = state.minConfidence.toFixed(2);
  confidence.addEventListener('input', () => {
    state.minConfidence = Number(confidence.value);
    $('confidence-value').textContent = state.minConfidence.toFixed(2);
    update();
  });
  const edgeLabels = $<HTMLInputElement>('edge-labels');
  edgeLabels.checked = state.edgeLabels;
  edgeLabels.addEventListener('change', () => {
    state.edgeLabels = edgeLabels.checked;
    renderer.setSetting('renderEdgeLabels', state.edgeLabels);
    update();
  });
  const weak = $<HTMLInputElement>('weak-edges');
  weak.checked = state.weakEdges;
  weak.addEventListener('change', () => {
    state.weakEdges = weak.checked;
    update();
  });

  // --- Hover: a node and its neighbours stay, the rest fades ----------------------------------
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

  // --- Selection and the details panel --------------------------------------------------------
  const panel = $('panel');
  const panelBody = $('panel-body');
  let request = 0;
  async function select(node: string | null, moveCamera = false): Promise<void> {
    state.selected = node && graph.hasNode(node) ? node : null;
    update();
    if (!state.selected) {
      panel.hidden = true;
      return;
    }
    if (moveCamera) {
      const display = renderer.getNodeDisplayData(state.selected);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 400 });
    }
    const mine = ++request;
    const res = await fetch(`./api/entity?id=${encodeURIComponent(state.selected)}`);
    if (mine !== request) return;
    if (!res.ok) {
      panelBody.replaceChildren(el('p', {}, 'Details could not be loaded.'));
    } else {
      renderDetails(panelBody, (await res.json()) as EntityDetails, (id) => void select(id, true));
    }
    panel.hidden = false;
    panel.focus();
  }
  renderer.on('clickNode', ({ node }) => void select(node));
  renderer.on('clickStage', () => void select(null));
  $('panel-close').addEventListener('click', () => void select(null));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      void select(null);
      $('search').focus();
    }
  });

  // --- Search with suggestions over labels and aliases ------------------------------------------
  const names: { key: string; node: string; shown: string }[] = [];
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  graph.forEachNode((node, a) => {
    names.push({ key: fold(a.label), node, shown: a.label });
    for (const alias of a.aliases) names.push({ key: fold(alias), node, shown: `${alias} (${a.label})` });
  });
  const search = $<HTMLInputElement>('search');
  const list = $<HTMLUListElement>('suggestions');
  let active = -1;
  const suggestions = (q: string) => {
    const f = fold(q.trim());
    if (!f) return [];
    const seen = new Set<string>();
    // The name itself first, then names that start with the query (shortest first), then names that contain it.
    const starts = names.filter((n) => n.key.startsWith(f)).sort((a, b) => a.key.length - b.key.length);
    const contains = names.filter((n) => !n.key.startsWith(f) && n.key.includes(f));
    return [...starts, ...contains].filter((n) => !seen.has(n.node) && seen.add(n.node)).slice(0, 10);
  };
  const renderSuggestions = () => {
    const found = suggestions(search.value);
    list.replaceChildren(
      ...found.map((s, i) => {
        const item = el('li', { role: 'option', id: `suggestion-${i}`, 'data-id': s.node, 'aria-selected': String(i === active) }, s.shown, el('span', { class: 'kind' }, ` ${KIND_LABELS[graph.getNodeAttribute(s.node, 'kind')] ?? ''}`));
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(s.node);
        });
        return item;
      }),
    );
    list.hidden = found.length === 0;
    search.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) search.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else search.removeAttribute('aria-activedescendant');
    return found;
  };
  const choose = (node: string) => {
    search.value = graph.getNodeAttribute(node, 'label');
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    active = -1;
    void select(node, true);
  };
  search.addEventListener('input', () => {
    active = -1;
    renderSuggestions();
  });
  search.addEventListener('keydown', (e) => {
    const found = suggestions(search.value);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!found.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      renderSuggestions();
    } else if (e.key === 'Enter' && found.length) {
      e.preventDefault();
      choose(found[Math.max(active, 0)].node);
    } else if (e.key === 'Escape') {
      list.hidden = true;
    }
  });
  search.addEventListener('blur', () => {
    list.hidden = true;
  });

  // --- Layout in a web worker, and export -------------------------------------------------------
  const layoutButton = $<HTMLButtonElement>('layout');
  let layout: FA2Layout | null = null;
  layoutButton.addEventListener('click', () => {
    layout ??= new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 } });
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutButton.textContent = layout.isRunning() ? 'Stop layout' : 'Layout';
    layoutButton.setAttribute('aria-pressed', String(layout.isRunning()));
  });
  $('export').addEventListener('click', () => void downloadAsPNG(renderer as unknown as Sigma, { fileName: 'newskg-graph', backgroundColor: '#ffffff' }));

  function update(): void {
    recomputeHidden();
    refreshLegend();
    writeUrl();
    renderer.refresh({ skipIndexation: true });
  }

  recomputeHidden();
  refreshLegend();
  renderer.refresh({ skipIndexation: true });
  status.textContent = `${graph.order} nodes, ${graph.size} edges`;
  if (state.selected) await select(state.selected, true);
  timings.interactive = performance.now();
  document.body.dataset.ready = 'true';
}

main().catch((err: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `The viewer failed: ${(err as Error).message}`;
  document.body.dataset.ready = 'error';
});
