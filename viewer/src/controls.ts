/** The toolbar's edge filters: minimum confidence, edge labels, co-mentions. */
import { byId } from './dom.js';
import type { Renderer } from './graph.js';
import { state } from './state.js';

/** `onChange` runs when a control changes. */
export function setupControls(renderer: Renderer, onChange: () => void): void {
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
