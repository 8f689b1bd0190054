/** The viewer's reducers and hidden set, in Node: what each node and edge shows for a given display state. */
import { describe, expect, test } from 'vitest';
import { CATEGORY_OF } from '../../src/types.js';
import type { EdgeAttributes, NodeAttributes } from '../../viewer/src/model.js';
import { COMMUNITY_COLORS, computeHidden, edgeDisplay, isHidden, nodeDisplay, type EdgeDisplay, type View } from '../../viewer/src/reducers.js';
import type { ViewState } from '../../viewer/src/state.js';

const FADED = '#e9ecef';

function viewState(overrides: Partial<ViewState> = {}): ViewState {
  return { hovered: null, hoverNeighbours: new Set(), focusFades: true, selected: null, hiddenClasses: new Set(), minConfidence: 0, dateFrom: null, dateTo: null, edgeLabels: false, weakEdges: true, weakEdgesByDefault: true, minArticles: 1, colorBy: 'class', selectionNeighbours: new Set(), exploration: null, explored: null, path: null, pathNodes: null, pathEdges: null, article: null, map: false, ...overrides };
}

const node = (label: string, cls: NodeAttributes['class'], size: number, extra: Partial<NodeAttributes> = {}): NodeAttributes => ({ label, class: cls, category: CATEGORY_OF[cls]!, aliases: [], handles: [], mentionCount: 1, articles: 1, x: 0, y: 0, size, ...extra });
const NODES: Record<string, NodeAttributes> = {
  alice: node('Alice', 'Person', 4),
  france: node('France', 'Country', 5, { articles: 4, community: 1 }),
  paris: node('Paris', 'City', 3),
  attack: node('Attack in Paris', 'Event', 6, { dateEarliest: '2021-03-01', dateLatest: '2021-03-05' }),
};
const edge = (predicate: string, family: EdgeAttributes['family'], confidence: number, weak = false): EdgeAttributes => ({ predicate, family, weak, confidence, evidenceCount: 1, evidence: [] });
const EDGES: Record<string, { source: string; target: string; attributes: EdgeAttributes }> = {
  warned: { source: 'alice', target: 'france', attributes: edge('warned', 'warn', 0.9) },
  coMention: { source: 'alice', target: 'paris', attributes: edge('coMentionedWith', 'co-mention', 0.3, true) },
  place: { source: 'attack', target: 'paris', attributes: edge('hasPlace', 'place', 0.6) },
};
const graph = {
  forEachNode: (callback: (node: string, a: NodeAttributes) => void) => Object.entries(NODES).forEach(([n, a]) => callback(n, a)),
  source: (e: string) => EDGES[e].source,
  target: (e: string) => EDGES[e].target,
};

function view(state: ViewState): View {
  const hiddenNodes = new Set<string>();
  computeHidden(graph, state, hiddenNodes);
  return { state, hiddenNodes };
}

/** As sigma calls a reducer: on its own shallow copy of the attributes. */
const showNode = (n: string, state: ViewState) => {
  const copy = { ...NODES[n] };
  return nodeDisplay(n, copy, view(state), copy);
};
const showEdge = (e: string, state: ViewState) => {
  const copy: EdgeAttributes & EdgeDisplay = { ...EDGES[e].attributes };
  return edgeDisplay(e, copy, view(state), graph, copy);
};
const selectAlice = { selected: 'alice', selectionNeighbours: new Set(['alice', 'france', 'paris']) };
const exploreAlice: Partial<ViewState> = { exploration: { root: 'alice', depth: 1, expanded: [] }, explored: new Set(['alice', 'france']) };
const hoverAlice = { hovered: 'alice', hoverNeighbours: new Set(['alice', 'france', 'paris']) };

describe('isHidden', () => {
  test.each([
    ['a shown class', NODES.alice, {}, false],
    ['a hidden class', NODES.alice, { hiddenClasses: new Set(['Person']) }, true],
    ['another class hidden', NODES.france, { hiddenClasses: new Set(['Person']) }, false],
    ['an event ending before the range', NODES.attack, { dateFrom: '2021-03-06' }, true],
    ['an event starting after the range', NODES.attack, { dateTo: '2021-02-28' }, true],
    ['an event overlapping the range', NODES.attack, { dateFrom: '2021-03-03', dateTo: '2021-03-04' }, false],
    ['an event ending on the first day', NODES.attack, { dateFrom: '2021-03-05' }, false],
    ['named in fewer articles than the slider asks', NODES.alice, { minArticles: 2 }, true],
    ['named in as many articles as the slider asks', NODES.france, { minArticles: 4 }, false],
    ['a node without dates, range set', NODES.alice, { dateFrom: '2021-03-06', dateTo: '2021-03-07' }, false],
  ])('%s', (_name, attributes, state: Partial<ViewState>, hidden) => {
    expect(isHidden(attributes, viewState(state))).toBe(hidden);
  });
});

describe('computeHidden', () => {
  test('refills the set it is given with the hidden nodes only', () => {
    const into = new Set(['stale']);
    computeHidden(graph, viewState({ hiddenClasses: new Set(['Person', 'City']), dateTo: '2021-01-01' }), into);
    expect([...into].sort()).toEqual(['alice', 'attack', 'paris']);
  });

  test('exploring hides what lies outside the explored nodes, except a path shown', () => {
    const into = new Set<string>();
    computeHidden(graph, viewState({ explored: new Set(['alice', 'france']) }), into);
    expect([...into].sort()).toEqual(['attack', 'paris']);
    computeHidden(graph, viewState({ explored: new Set(['alice', 'france']), pathNodes: new Set(['paris']) }), into);
    expect([...into].sort()).toEqual(['attack']);
  });
});

describe('nodeDisplay', () => {
  test.each([
    ['nothing set: coloured by class', 'alice', {}, { hidden: false, label: 'Alice', color: '#e4572e', size: 4, highlighted: false, zIndex: 1 }],
    ['its class hidden: hidden and blanked', 'alice', { hiddenClasses: new Set(['Person']) }, { hidden: true, label: '', color: FADED, size: 4, highlighted: false, zIndex: 0 }],
    ['its class hidden but selected: shown, enlarged, labelled', 'alice', { hiddenClasses: new Set(['Person']), selected: 'alice' }, { hidden: false, label: 'Alice', color: FADED, size: 6.4, highlighted: true, zIndex: 2 }],
    ['selected: enlarged and on top', 'france', { selected: 'france' }, { hidden: false, label: 'France', color: '#2b8a3e', size: 8, highlighted: true, zIndex: 2 }],
    ['hovered: highlighted and on top', 'alice', hoverAlice, { hidden: false, label: 'Alice', color: '#e4572e', size: 4, highlighted: true, zIndex: 2 }],
    ['a neighbour of the hovered node: as it was', 'france', hoverAlice, { hidden: false, label: 'France', color: '#2b8a3e', size: 5, highlighted: false, zIndex: 1 }],
    ['not a neighbour of the hovered node: faded, label blanked', 'attack', hoverAlice, { hidden: false, label: '', color: FADED, size: 6, highlighted: false, zIndex: 0 }],
    ['a large graph, hovered: its neighbour is brought out', 'france', { ...hoverAlice, focusFades: false }, { hidden: false, label: 'France', color: '#2b8a3e', highlighted: true, zIndex: 2 }],
    ['a large graph, hovered: the rest is left as it was', 'attack', { ...hoverAlice, focusFades: false }, { hidden: false, label: 'Attack in Paris', color: '#f59f00', highlighted: false, zIndex: 1 }],
    ['a large graph, selected: its neighbour is brought out', 'france', { ...selectAlice, focusFades: false }, { hidden: false, label: 'France', color: '#2b8a3e', highlighted: true, zIndex: 2 }],
    ['a large graph, selected: the rest is left as it was', 'attack', { ...selectAlice, focusFades: false }, { hidden: false, label: 'Attack in Paris', color: '#f59f00', highlighted: false, zIndex: 1 }],
    ['a large graph, hovered beside a selection: its neighbour is brought out too', 'paris', { ...hoverAlice, focusFades: false, selected: 'attack', selectionNeighbours: new Set(['attack']) }, { color: '#94d82d', highlighted: true }],
    ['an event before the date range: hidden', 'attack', { dateFrom: '2021-04-01' }, { hidden: true, label: '', color: FADED, size: 6, highlighted: false, zIndex: 0 }],
    ['an event inside the date range: shown', 'attack', { dateFrom: '2021-03-02', dateTo: '2021-03-02' }, { hidden: false, label: 'Attack in Paris', color: '#f59f00', size: 6, highlighted: false, zIndex: 1 }],
    ['a neighbour of the selected node: as it was', 'france', selectAlice, { hidden: false, label: 'France', color: '#2b8a3e', zIndex: 1 }],
    ['not a neighbour of the selected node: faded', 'attack', selectAlice, { hidden: false, label: '', color: FADED, zIndex: 0 }],
    ['on the path shown: bright and labelled whatever its size', 'paris', { pathNodes: new Set(['alice', 'paris']) }, { hidden: false, color: '#94d82d', forceLabel: true }],
    ['off the path shown: faded, even beside the selection', 'france', { ...selectAlice, pathNodes: new Set(['alice', 'paris']) }, { color: FADED, forceLabel: false }],
    ['hovering wins over the path', 'france', { ...hoverAlice, pathNodes: new Set(['alice', 'paris']) }, { color: '#2b8a3e' }],
    ["an exploration's root: labelled whatever its size", 'alice', exploreAlice, { hidden: false, forceLabel: true }],
    ['in an exploration: shown, its label left to the grid', 'france', exploreAlice, { hidden: false, forceLabel: false }],
    ["coloured by community: its community's colour", 'france', { colorBy: 'community' as const }, { color: COMMUNITY_COLORS[1] }],
    ['coloured by community but without one (a build from before them): its class colour', 'alice', { colorBy: 'community' as const }, { color: '#e4572e' }],
    ['outside the exploration: hidden', 'attack', { explored: new Set(['alice', 'france']) }, { hidden: true }],
  ])('%s', (_name, n, state: Partial<ViewState>, expected) => {
    expect(showNode(n, viewState(state))).toMatchObject(expected);
  });

  test('sets the fields on the object it is given and returns it', () => {
    const out = { ...NODES.alice };
    expect(nodeDisplay('alice', out, view(viewState()), out)).toBe(out);
    expect(out).toMatchObject({ color: '#e4572e', hidden: false });
  });
});

describe('edgeDisplay', () => {
  test.each([
    ['nothing set: coloured by family, no label', 'warned', {}, { hidden: false, label: '', color: '#d9480f', size: 1.5, zIndex: 1 }],
    ['a weak edge: thin and muted', 'coMention', {}, { hidden: false, label: '', color: '#ced4da', size: 0.5, zIndex: 1 }],
    ['edge labels on: the predicate', 'warned', { edgeLabels: true }, { hidden: false, label: 'warned' }],
    ['edge labels on, weak edge: no label', 'coMention', { edgeLabels: true }, { hidden: false, label: '' }],
    ['below the minimum confidence: hidden', 'coMention', { minConfidence: 0.5 }, { hidden: true }],
    ['at the minimum confidence: shown', 'place', { minConfidence: 0.6 }, { hidden: false }],
    ['above the minimum confidence: shown', 'warned', { minConfidence: 0.5 }, { hidden: false }],
    ['weak, co-mentions off: hidden', 'coMention', { weakEdges: false }, { hidden: true }],
    ['stated, co-mentions off: shown', 'warned', { weakEdges: false }, { hidden: false }],
    ['its source hidden by class: hidden', 'warned', { hiddenClasses: new Set(['Person']) }, { hidden: true }],
    ['its target hidden by class: hidden', 'place', { hiddenClasses: new Set(['City']) }, { hidden: true }],
    ['its source hidden by date: hidden', 'place', { dateTo: '2021-01-01' }, { hidden: true }],
    ['touching no hidden node: shown', 'place', { hiddenClasses: new Set(['Person']) }, { hidden: false }],
    ['touching the hovered node: as it was', 'warned', hoverAlice, { color: '#d9480f', zIndex: 1 }],
    ['not touching the hovered node: faded', 'place', hoverAlice, { color: FADED, zIndex: 0 }],
    ['a large graph, touching the hovered node: thick and on top', 'warned', { ...hoverAlice, focusFades: false }, { color: '#d9480f', size: 3, zIndex: 2 }],
    ['a large graph, not touching the hovered node: as it was', 'place', { ...hoverAlice, focusFades: false }, { color: '#37b24d', zIndex: 1 }],
    ['a large graph, touching the selected node: thick and on top', 'place', { selected: 'attack', focusFades: false }, { color: '#37b24d', size: 3, zIndex: 2 }],
    ['a large graph, not touching the selected node: as it was', 'warned', { selected: 'attack', focusFades: false }, { color: '#d9480f', size: 1.5, zIndex: 1 }],
    ['not touching the selected node: faded', 'warned', { selected: 'attack' }, { color: FADED, zIndex: 0 }],
    ['touching the selected node: as it was', 'place', { selected: 'attack' }, { color: '#37b24d', zIndex: 1 }],
    ['on the path: wide, labelled, on top', 'warned', { pathEdges: new Set(['warned']) }, { color: '#d9480f', size: 3, label: 'warned', zIndex: 2 }],
    ['off the path: faded, even touching the selection', 'place', { selected: 'attack', pathEdges: new Set(['warned']) }, { color: FADED, zIndex: 0 }],
    ['an end outside the exploration: hidden', 'place', { explored: new Set(['alice', 'france', 'attack']) }, { hidden: true }],
  ])('%s', (_name, e, state: Partial<ViewState>, expected) => {
    expect(showEdge(e, viewState(state))).toMatchObject(expected);
  });
});
