/**
 * The viewer's display state, in one object: what is hovered and selected, which classes are
 * hidden, the minimum confidence, the event date range, and display switches. Sigma's reducers
 * read it; the URL mirrors the shareable part of it.
 */
export interface ViewState {
  hovered: string | null;
  /** The hovered node and its neighbours, computed once per hover. */
  hoverNeighbours: Set<string>;
  selected: string | null;
  hiddenClasses: Set<string>;
  minConfidence: number;
  /** Events outside [from, to] (YYYY-MM-DD) are hidden; null = no bound. */
  dateFrom: string | null;
  dateTo: string | null;
  edgeLabels: boolean;
  weakEdges: boolean;
}

export const state: ViewState = {
  hovered: null,
  hoverNeighbours: new Set(),
  selected: null,
  hiddenClasses: new Set(),
  minConfidence: 0,
  dateFrom: null,
  dateTo: null,
  edgeLabels: false,
  weakEdges: true,
};

/** Reads the shareable state from the page's URL (?node=…&hide=Person,City&conf=0.3&from=…&to=…). */
export function readUrl(): void {
  const p = new URLSearchParams(location.search);
  state.selected = p.get('node');
  state.hiddenClasses = new Set((p.get('hide') ?? '').split(',').filter(Boolean));
  const conf = Number(p.get('conf'));
  state.minConfidence = Number.isFinite(conf) && conf >= 0 && conf <= 1 ? conf : 0;
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  state.dateFrom = date(p.get('from'));
  state.dateTo = date(p.get('to'));
  state.edgeLabels = p.get('labels') === '1';
  state.weakEdges = p.get('weak') !== '0';
}

/** Writes the shareable state into the URL without reloading or adding history entries. */
export function writeUrl(): void {
  const p = new URLSearchParams();
  if (state.selected) p.set('node', state.selected);
  if (state.hiddenClasses.size) p.set('hide', [...state.hiddenClasses].sort().join(','));
  if (state.minConfidence > 0) p.set('conf', String(state.minConfidence));
  if (state.dateFrom) p.set('from', state.dateFrom);
  if (state.dateTo) p.set('to', state.dateTo);
  if (state.edgeLabels) p.set('labels', '1');
  if (!state.weakEdges) p.set('weak', '0');
  const query = p.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}
