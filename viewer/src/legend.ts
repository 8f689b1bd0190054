/** The legend: a checkbox per kind with its count (shown and hidden). */
import { byId, el } from './dom.js';
import type { Graph } from './graph.js';
import { KIND_COLORS, KIND_LABELS } from './model.js';
import { state } from './state.js';

/** Builds the legend; `onChange` runs when a kind is shown or hidden. Returns what refreshes the counts. */
export function createLegend(graph: Graph, onChange: () => void): () => void {
  const legend = byId('legend');
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
      onChange();
    });
    const count = el('span', { class: 'count', 'data-kind': kind });
    legendCounts.set(kind, count);
    legend.append(el('label', { class: 'legend-item' }, box, el('span', { class: 'swatch', style: `background:${KIND_COLORS[kind] ?? '#868e96'}` }), ` ${KIND_LABELS[kind] ?? kind} `, count));
  }
  return () => {
    for (const [kind, node] of legendCounts) {
      const n = counts.get(kind) ?? 0;
      node.textContent = state.hiddenKinds.has(kind) ? `${n} (hidden)` : String(n);
    }
  };
}
