/**
 * The events in time: a histogram of events by day, month or year, brushed to filter. Dragging
 * across bars (or a click on one) keeps the events of that span in the graph and lists the
 * busiest of them with their type and participants; arrow keys move the span, shift widens it.
 */
import { byId, el } from './dom.js';
import type { Graph } from './graph.js';
import { datesMeet } from './reducers.js';
import type { Select } from './selection.js';
import { state } from './state.js';

type Unit = 'day' | 'month' | 'year';

/** A bar: its key (2019-03-15, 2019-03 or 2019), the first and last day it covers (null: open-ended), its events. */
interface Bin {
  label: string;
  from: string | null;
  to: string | null;
  events: string[];
}

const SVG = 'http://www.w3.org/2000/svg';
const LISTED = 8;
const HEIGHT = 56;

const keyOf = (date: string, unit: Unit) => (unit === 'day' ? date.slice(0, 10) : unit === 'month' ? date.slice(0, 7) : date.slice(0, 4));
const firstDay = (key: string, unit: Unit) => (unit === 'day' ? key : unit === 'month' ? `${key}-01` : `${key}-01-01`);
// String comparison is all the filter does, so the 31st closes any month.
const lastDay = (key: string, unit: Unit) => (unit === 'day' ? key : unit === 'month' ? `${key}-31` : `${key}-12-31`);

function nextKey(key: string, unit: Unit): string {
  if (unit === 'year') return String(Number(key) + 1);
  if (unit === 'month') {
    const [y, m] = key.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The bars over the events' dates. News mentions past events ("the 1963 coup") beside this
 * week's, so the axis spans where most events lie: the quartiles widened by three times their
 * spread, within the 2nd and 98th percentiles. What lies outside goes into an "earlier" and a
 * "later" bar. The unit is the finest that keeps the bars few.
 */
export function histogramBins(dated: { node: string; date: string }[]): Bin[] {
  if (!dated.length) return [];
  const sorted = [...dated].sort((a, b) => a.date.localeCompare(b.date));
  const at = (q: number) => Date.parse(sorted[Math.round((sorted.length - 1) * q)].date.slice(0, 10));
  const spread = at(0.75) - at(0.25);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const low = day(Math.max(at(0.02), at(0.25) - 3 * spread));
  const high = day(Math.min(at(0.98), at(0.75) + 3 * spread));
  const days = (Date.parse(high) - Date.parse(low)) / 86_400_000;
  const unit: Unit = !(days > 90) ? 'day' : days <= 6 * 365 ? 'month' : 'year';
  const bins: Bin[] = [];
  const index = new Map<string, number>();
  for (let k = keyOf(low, unit), end = keyOf(high, unit); k <= end; k = nextKey(k, unit)) {
    index.set(k, bins.length);
    bins.push({ label: k, from: firstDay(k, unit), to: lastDay(k, unit), events: [] });
  }
  const earlier: Bin = { label: `before ${bins[0].label}`, from: null, to: null, events: [] };
  const later: Bin = { label: `after ${bins[bins.length - 1].label}`, from: null, to: null, events: [] };
  for (const { node, date } of sorted) {
    const k = keyOf(date, unit);
    const i = index.get(k);
    if (i !== undefined) bins[i].events.push(node);
    else (k < bins[0].label ? earlier : later).events.push(node);
  }
  // The open-ended bars reach up to the axis.
  earlier.to = previousDay(bins[0].from!);
  later.from = firstDay(nextKey(bins[bins.length - 1].label, unit), unit);
  return [...(earlier.events.length ? [earlier] : []), ...bins, ...(later.events.length ? [later] : [])];
}

const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The bars a date range covers: [first, last] indices, or null when the range is open at both ends. */
function coveredBins(bins: Bin[], from: string | null, to: string | null): [number, number] | null {
  if (!from && !to) return null;
  const overlaps = (b: Bin) => datesMeet(b.from, b.to, from, to);
  const first = bins.findIndex(overlaps);
  if (first < 0) return null;
  let last = first;
  while (last + 1 < bins.length && overlaps(bins[last + 1])) last++;
  return [first, last];
}

/** What an event is and who and where it involves: "attack · 2019-03-15 · Brenton Tarrant, Christchurch". */
// Participants are its stated neighbours either way round (roles point from the event, relations such as "suspect in" to it).
function eventSummary(graph: Graph, node: string): string {
  const a = graph.getNodeAttributes(node);
  const participants = new Set<string>();
  graph.forEachEdge(node, (_e, attrs, source, target) => {
    if (!attrs.weak) participants.add(graph.getNodeAttribute(source === node ? target : source, 'label'));
  });
  const type = a.eventTypes?.join(', ') ?? '';
  // A named event ("Hurricane Dorian") leads with its name; the others' labels are their type and date.
  const named = !a.label.startsWith(`${a.eventTypes?.[0] ?? ''},`);
  const parts = [named && type ? `${a.label} (${type})` : type || a.label, a.dateEarliest === a.dateLatest ? a.dateEarliest : `${a.dateEarliest} – ${a.dateLatest}`, [...participants].slice(0, 4).join(', ')];
  return parts.filter(Boolean).join(' · ');
}

export interface Timeline {
  render: () => void;
}

/** `onChange` runs when the brushed range changes; `isShown` says whether the other filters leave a node in view. */
export function setupTimeline(graph: Graph, select: Select, isShown: (node: string) => boolean, onChange: () => void): Timeline {
  const dated = graph.filterNodes((_n, a) => a.class === 'Event' && !!a.dateEarliest).map((node) => ({ node, date: graph.getNodeAttribute(node, 'dateEarliest')! }));
  const bins = histogramBins(dated);
  const section = byId('timeline');
  if (bins.length < 2) return { render: () => undefined };
  section.hidden = false;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('id', 'histogram');
  svg.setAttribute('viewBox', `0 0 ${bins.length} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'slider');
  svg.setAttribute('aria-label', 'Events by date: drag across bars to keep that span');
  const most = Math.max(...bins.map((b) => b.events.length));
  const bars = bins.map((b, i) => {
    const h = b.events.length ? Math.max(2, (b.events.length / most) * (HEIGHT - 2)) : 0;
    const rect = document.createElementNS(SVG, 'rect');
    Object.entries({ x: String(i + 0.08), y: String(HEIGHT - h), width: '0.84', height: String(h), 'data-bin': b.label, 'data-count': String(b.events.length) }).forEach(([k, v]) => rect.setAttribute(k, v));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${b.label}: ${b.events.length} event${b.events.length === 1 ? '' : 's'}`;
    rect.append(title);
    return rect;
  });
  svg.append(...bars);
  const range = el('output', { id: 'timeline-range' });
  const clear = el('button', { type: 'button', id: 'timeline-clear' }, 'All dates');
  const list = el('ul', { id: 'timeline-events', 'aria-label': 'Events in the span' });
  section.replaceChildren(el('div', { class: 'timeline-head' }, el('span', {}, 'Events by date'), range, clear), svg, el('div', { class: 'timeline-axis' }, el('span', {}, bins[0].label), el('span', {}, bins[bins.length - 1].label)), list);

  const brush = (first: number, last: number) => {
    const [a, b] = first <= last ? [first, last] : [last, first];
    const all = a === 0 && b === bins.length - 1;
    state.dateFrom = all ? null : bins[a].from;
    state.dateTo = all ? null : bins[b].to;
    onChange();
  };
  const binAt = (clientX: number) => {
    const box = svg.getBoundingClientRect();
    return Math.min(bins.length - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * bins.length)));
  };
  let anchor: number | null = null;
  svg.addEventListener('pointerdown', (e) => {
    anchor = binAt(e.clientX);
    svg.setPointerCapture(e.pointerId);
    brush(anchor, anchor);
  });
  svg.addEventListener('pointermove', (e) => {
    if (anchor !== null) brush(anchor, binAt(e.clientX));
  });
  const end = () => (anchor = null);
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const step = e.key === 'ArrowLeft' ? -1 : 1;
    const [a, b] = coveredBins(bins, state.dateFrom, state.dateTo) ?? [step > 0 ? -1 : bins.length, step > 0 ? -1 : bins.length];
    const move = (i: number) => Math.min(bins.length - 1, Math.max(0, i + step));
    if (e.shiftKey) brush(a < 0 || a >= bins.length ? move(b) : a, move(b));
    else brush(move(a), move(a));
  });
  clear.addEventListener('click', () => {
    state.dateFrom = state.dateTo = null;
    onChange();
  });

  function render(): void {
    const covered = coveredBins(bins, state.dateFrom, state.dateTo);
    bars.forEach((bar, i) => bar.classList.toggle('selected', !!covered && i >= covered[0] && i <= covered[1]));
    svg.classList.toggle('brushed', !!covered);
    clear.hidden = !covered;
    svg.setAttribute('aria-valuetext', covered ? `${bins[covered[0]].label} to ${bins[covered[1]].label}` : 'all dates');
    if (!covered) {
      range.textContent = `${dated.length} dated event${dated.length === 1 ? '' : 's'}`;
      list.replaceChildren();
      return;
    }
    const events = bins.slice(covered[0], covered[1] + 1).flatMap((b) => b.events).filter(isShown);
    events.sort((a, b) => graph.getNodeAttribute(b, 'articles') - graph.getNodeAttribute(a, 'articles') || graph.getNodeAttribute(a, 'dateEarliest')!.localeCompare(graph.getNodeAttribute(b, 'dateEarliest')!));
    const span = covered[0] === covered[1] ? bins[covered[0]].label : `${bins[covered[0]].label} to ${bins[covered[1]].label}`;
    range.textContent = `${events.length} event${events.length === 1 ? '' : 's'}, ${span}`;
    list.replaceChildren(
      ...events.slice(0, LISTED).map((node) => {
        const button = el('button', { type: 'button', class: 'entity-link', 'data-id': node }, eventSummary(graph, node));
        button.addEventListener('click', () => void select(node, true));
        return el('li', {}, button);
      }),
      ...(events.length > LISTED ? [el('li', { class: 'more' }, `and ${events.length - LISTED} more`)] : []),
    );
  }
  return { render };
}
