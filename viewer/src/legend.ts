/** The legend: a checkbox per entity class with its count (shown and hidden). */
import { byId, el } from './dom.js';
import type { Graph } from './graph.js';
import { CLASS_COLORS, CLASS_LABELS } from './model.js';
import { state } from './state.js';

/** Builds the legend; `onChange` runs when a class is shown or hidden. Returns what refreshes the counts. */
export function createLegend(graph: Graph, onChange: () => void): () => void {
  const legend = byId('legend');
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => counts.set(a.class, (counts.get(a.class) ?? 0) + 1));
  const classes = Object.keys(CLASS_COLORS).filter((k) => counts.has(k));
  for (const k of counts.keys()) if (!classes.includes(k)) classes.push(k);
  const legendCounts = new Map<string, HTMLElement>();
  // A narrow window starts with the list folded: open, it would cover half the graph.
  const toggle = el('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true', 'aria-controls': 'legend-items' }, 'Entities');
  const items = el('div', { id: 'legend-items' });
  const fold = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    items.hidden = !open;
  };
  toggle.addEventListener('click', () => fold(items.hidden));
  fold(!matchMedia('(max-width: 40rem)').matches);
  legend.append(el('h2', {}, toggle), items);
  for (const cls of classes) {
    const box = el('input', { type: 'checkbox', 'data-class': cls }) as HTMLInputElement;
    box.checked = !state.hiddenClasses.has(cls);
    box.addEventListener('change', () => {
      if (box.checked) state.hiddenClasses.delete(cls);
      else state.hiddenClasses.add(cls);
      onChange();
    });
    const count = el('span', { class: 'count', 'data-class': cls });
    legendCounts.set(cls, count);
    items.append(el('label', { class: 'legend-item' }, box, el('span', { class: 'swatch', style: `background:${CLASS_COLORS[cls] ?? '#868e96'}` }), ` ${CLASS_LABELS[cls] ?? cls} `, count));
  }
  return () => {
    for (const [cls, node] of legendCounts) {
      const n = counts.get(cls) ?? 0;
      node.textContent = state.hiddenClasses.has(cls) ? `${n} (hidden)` : String(n);
    }
  };
}
