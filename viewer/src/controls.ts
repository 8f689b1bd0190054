/** The toolbar's filters and switches: fewest articles, colouring, minimum confidence, edge labels, co-mentions. */
import { byId } from './dom.js';
import type { Graph, Renderer } from './graph.js';
import { state } from './state.js';

/** The slider's top: past this many articles an entity is among the few the news keeps returning to. */
const MAX_ARTICLES_STEP = 100;

/** `onChange` runs when a control changes. */
export function setupControls(graph: Graph, renderer: Renderer, onChange: () => void): void {
  const articles = byId<HTMLInputElement>('min-articles');
  let most = 1;
  graph.forEachNode((_n, a) => (most = Math.max(most, a.articles)));
  articles.max = String(Math.max(2, Math.min(MAX_ARTICLES_STEP, most)));
  articles.value = String(state.minArticles);
  byId('min-articles-value').textContent = String(state.minArticles);
  articles.addEventListener('input', () => {
    state.minArticles = Number(articles.value);
    byId('min-articles-value').textContent = articles.value;
    onChange();
  });
  const colourBy = byId<HTMLSelectElement>('colour-by');
  // Without communities in graph.json (a build from before them) there is nothing to colour by.
  colourBy.disabled = !graph.someNode((_n, a) => a.community !== undefined);
  colourBy.value = state.colorBy;
  const legend = byId('legend');
  legend.dataset.colour = state.colorBy;
  colourBy.addEventListener('change', () => {
    state.colorBy = colourBy.value === 'community' ? 'community' : 'class';
    // The legend's class swatches would mislead under community colours: they are hidden then.
    legend.dataset.colour = state.colorBy;
    onChange();
  });
  const confidence = byId<HTMLInputElement>('confidence');
  confidence.value = String(state.minConfidence);
  byId('confidence-value').textContent = state.minConfidence.toFixed(2);
  confidence.addEventListener('input', () => {
    state.minConfidence = Number(confidence.value);
    byId('confidence-value').textContent = state.minConfidence.toFixed(2);
    onChange();
  });
  const edgeLabels = byId<HTMLInputElement>('edge-labels');
  edgeLabels.checked = state.edgeLabels;
  edgeLabels.addEventListener('change', () => {
    state.edgeLabels = edgeLabels.checked;
    renderer.setSetting('renderEdgeLabels', state.edgeLabels);
    onChange();
  });
  const weak = byId<HTMLInputElement>('weak-edges');
  weak.checked = state.weakEdges;
  weak.addEventListener('change', () => {
    state.weakEdges = weak.checked;
    onChange();
  });
}
