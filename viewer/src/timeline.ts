/** The timeline: two sliders over the events' dates, shown when there are at least two. */
import { byId } from './dom.js';
import type { Graph } from './graph.js';
import { state } from './state.js';

/** `onChange` runs when the date range changes. */
export function setupTimeline(graph: Graph, onChange: () => void): void {
  const dates = [...new Set(graph.mapNodes((_n, a) => a.dateEarliest).filter((d): d is string => !!d))].sort();
  if (dates.length <= 1) return;
  byId('timeline').hidden = false;
  const from = byId<HTMLInputElement>('date-from');
  const to = byId<HTMLInputElement>('date-to');
  for (const input of [from, to]) {
    input.min = '0';
    input.max = String(dates.length - 1);
    input.step = '1';
  }
  from.value = String(state.dateFrom ? Math.max(0, dates.findIndex((d) => d >= state.dateFrom!)) : 0);
  to.value = String(state.dateTo ? dates.filter((d) => d <= state.dateTo!).length - 1 : dates.length - 1);
  const show = () => {
    byId('date-from-value').textContent = dates[Number(from.value)];
    byId('date-to-value').textContent = dates[Number(to.value)];
  };
  const onInput = () => {
    if (Number(from.value) > Number(to.value)) to.value = from.value;
    state.dateFrom = Number(from.value) > 0 ? dates[Number(from.value)] : null;
    state.dateTo = Number(to.value) < dates.length - 1 ? dates[Number(to.value)] : null;
    show();
    onChange();
  };
  from.addEventListener('input', onInput);
  to.addEventListener('input', onInput);
  show();
}
