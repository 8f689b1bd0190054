/** The Layout button: ForceAtlas2 in a web worker, started and stopped in turn. */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { byId } from './dom.js';
import type { Graph } from './graph.js';

export function setupLayout(graph: Graph): void {
  const layoutButton = byId<HTMLButtonElement>('layout');
  let layout: FA2Layout | null = null;
  layoutButton.addEventListener('click', () => {
    layout ??= new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 } });
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutButton.textContent = layout.isRunning() ? 'Stop layout' : 'Layout';
    layoutButton.setAttribute('aria-pressed', String(layout.isRunning()));
  });
}
