/**
 * The viewer's display state, in one object: what is hovered and selected, which classes are
 * hidden, the minimum confidence, the event date range, display switches, and the exploration (a
 * neighbourhood, a path). Sigma's reducers read it; the URL mirrors the shareable part of it, and
 * each exploration step is a history entry, so back and forward step through them.
 */

/** Exploring outward: the nodes within `depth` steps of `root`, and the neighbours of each expanded node. */
export interface Exploration {
  root: string;
  depth: 1 | 2;
  expanded: string[];
}

export interface ViewState {
  hovered: string | null;
  /** The hovered node and its neighbours, computed once per hover. */
  hoverNeighbours: Set<string>;
  /**
   * Whether a hover or a selection fades everything but the node's neighbours. On a large graph it
   * does not: it brings them out instead, which touches only them, so both stay fast (set on load).
   */
  focusFades: boolean;
  selected: string | null;
  hiddenClasses: Set<string>;
  minConfidence: number;
  /** Events outside [from, to] (YYYY-MM-DD) are hidden; null = no bound. */
  dateFrom: string | null;
  dateTo: string | null;
  edgeLabels: boolean;
  weakEdges: boolean;
  /** Whether co-mentions show when the URL does not say: yes, unless the graph is large (set on load). */
  weakEdgesByDefault: boolean;
  /** Nodes named in fewer articles are hidden. */
  minArticles: number;
  colorBy: 'class' | 'community';
  /** The selected node and its neighbours (the rest fades while nothing is hovered, on a graph that is not large). */
  selectionNeighbours: Set<string>;
  exploration: Exploration | null;
  /** What the exploration shows (computed from it); null when not exploring. */
  explored: Set<string> | null;
  /** The two ends of the paths shown, and what they pass through (computed). */
  path: [string, string] | null;
  pathNodes: Set<string> | null;
  pathEdges: Set<string> | null;
  /** The article open in the article view, and the start of its marked sentence. */
  article: { id: string; sentence: number | null } | null;
  /** Whether the map of the entities with coordinates is open. */
  map: boolean;
}

export const state: ViewState = {
  hovered: null,
  hoverNeighbours: new Set(),
  focusFades: true,
  selected: null,
  hiddenClasses: new Set(),
  minConfidence: 0,
  dateFrom: null,
  dateTo: null,
  edgeLabels: false,
  weakEdges: true,
  weakEdgesByDefault: true,
  minArticles: 1,
  colorBy: 'class',
  selectionNeighbours: new Set(),
  exploration: null,
  explored: null,
  path: null,
  pathNodes: null,
  pathEdges: null,
  article: null,
  map: false,
};

/**
 * Reads the shareable state from the page's URL (?node=…&hide=Person,City&conf=0.3&from=…&to=…;
 * &weak=0|1 (co-mentions off or on), &articles=N (named in at least N articles), &colour=community, &map=1 (the map open);
 * &depth=1|2 explores from the node, or from &root=…, with &expand=… repeated; &path=A&path=B;
 * &article=ID&at=N opens an article at the sentence starting at N).
 */
export function readUrl(): void {
  const p = new URLSearchParams(location.search);
  readExploration(p);
  state.hiddenClasses = new Set((p.get('hide') ?? '').split(',').filter(Boolean));
  const conf = Number(p.get('conf'));
  state.minConfidence = Number.isFinite(conf) && conf >= 0 && conf <= 1 ? conf : 0;
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  state.dateFrom = date(p.get('from'));
  state.dateTo = date(p.get('to'));
  state.edgeLabels = p.get('labels') === '1';
  const weak = p.get('weak');
  state.weakEdges = weak === null ? state.weakEdgesByDefault : weak !== '0';
  const articles = Number(p.get('articles'));
  state.minArticles = Number.isInteger(articles) && articles >= 1 ? articles : 1;
  state.colorBy = p.get('colour') === 'community' ? 'community' : 'class';
  const article = p.get('article');
  const at = Number(p.get('at'));
  state.article = article ? { id: article, sentence: p.has('at') && Number.isInteger(at) && at >= 0 ? at : null } : null;
  state.map = p.get('map') === '1';
}

/** The selection, exploration and path of a URL's parameters (what back and forward restore). */
export function readExploration(p: URLSearchParams): void {
  state.selected = p.get('node');
  const depth = p.get('depth');
  const root = p.get('root') ?? state.selected;
  state.exploration = root && (depth === '1' || depth === '2') ? { root, depth: Number(depth) as 1 | 2, expanded: p.getAll('expand') } : null;
  const ends = p.getAll('path');
  state.path = ends.length === 2 ? [ends[0], ends[1]] : null;
}

/** Writes the shareable state into the URL without reloading; `push` makes it a new history entry (an exploration step). */
export function writeUrl(push = false): void {
  const p = new URLSearchParams();
  if (state.selected) p.set('node', state.selected);
  if (state.hiddenClasses.size) p.set('hide', [...state.hiddenClasses].sort().join(','));
  if (state.minConfidence > 0) p.set('conf', String(state.minConfidence));
  if (state.dateFrom) p.set('from', state.dateFrom);
  if (state.dateTo) p.set('to', state.dateTo);
  if (state.edgeLabels) p.set('labels', '1');
  if (state.weakEdges !== state.weakEdgesByDefault) p.set('weak', state.weakEdges ? '1' : '0');
  if (state.minArticles > 1) p.set('articles', String(state.minArticles));
  if (state.colorBy === 'community') p.set('colour', 'community');
  if (state.map) p.set('map', '1');
  const x = state.exploration;
  if (x) {
    if (x.root !== state.selected) p.set('root', x.root);
    p.set('depth', String(x.depth));
    for (const node of x.expanded) p.append('expand', node);
  }
  if (state.path) for (const end of state.path) p.append('path', end);
  if (state.article) {
    p.set('article', state.article.id);
    if (state.article.sentence !== null) p.set('at', String(state.article.sentence));
  }
  const query = p.toString();
  const url = query ? `?${query}` : location.pathname;
  if (push && url !== `${location.search || location.pathname}`) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
