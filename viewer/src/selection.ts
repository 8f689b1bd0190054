/** Selection: the selected node, its details fetched into the panel, and what selects and deselects. */
import { frameNodes } from './camera.js';
import { byId, el } from './dom.js';
import type { Graph, Renderer } from './graph.js';
import type { EntityDetails } from './model.js';
import { renderDetails } from './panel.js';
import { state } from './state.js';

/** Selects a node (null: none), optionally moving the camera to it. */
export type Select = (node: string | null, moveCamera?: boolean) => Promise<void>;

/** `onChange` runs when the selection changes, with the node selected before; `onRead` opens the article of an evidence in the panel. */
export function setupSelection(graph: Graph, renderer: Renderer, onChange: (before: string | null) => void, onRead: (articleId: string, sentenceStart: number) => void): Select {
  const panel = byId('panel');
  const panelBody = byId('panel-body');
  let request = 0;
  async function select(node: string | null, moveCamera = false): Promise<void> {
    const before = state.selected;
    state.selected = node && graph.hasNode(node) ? node : null;
    onChange(before);
    if (!state.selected) {
      panel.hidden = true;
      return;
    }
    if (moveCamera) {
      frameNodes(renderer, [state.selected], { minRatio: 0.35 });
    }
    // Only the latest request fills the panel: answers to earlier selections are dropped.
    const mine = ++request;
    const res = await fetch(`./api/entity?id=${encodeURIComponent(state.selected)}`);
    if (mine !== request) return;
    if (!res.ok) {
      panelBody.replaceChildren(el('p', {}, 'Details could not be loaded.'));
    } else {
      renderDetails(panelBody, (await res.json()) as EntityDetails, (id) => void select(id, true), onRead);
    }
    panel.hidden = false;
    panel.focus();
  }
  renderer.on('clickNode', ({ node }) => void select(node));
  renderer.on('clickStage', () => void select(null));
  byId('panel-close').addEventListener('click', () => void select(null));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      void select(null);
      byId('search').focus();
    }
  });
  return select;
}
