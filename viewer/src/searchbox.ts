/** The search box: a combobox of suggestions (search.ts ranks them); choosing one selects its node. */
import { byId, el } from './dom.js';
import type { Graph } from './graph.js';
import { CLASS_LABELS } from './model.js';
import { searchNames, suggest } from './search.js';
import type { Select } from './selection.js';

export function setupSearch(graph: Graph, select: Select): void {
  const names = searchNames(graph);
  const search = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('suggestions');
  let active = -1;
  const renderSuggestions = () => {
    const found = suggest(names, search.value);
    list.replaceChildren(
      ...found.map((s, i) => {
        const item = el('li', { role: 'option', id: `suggestion-${i}`, 'data-id': s.node, 'aria-selected': String(i === active) }, s.shown, el('span', { class: 'entity-class' }, ` ${CLASS_LABELS[graph.getNodeAttribute(s.node, 'class')] ?? ''}`));
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(s.node);
        });
        return item;
      }),
    );
    list.hidden = found.length === 0;
    search.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) search.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else search.removeAttribute('aria-activedescendant');
    return found;
  };
  const choose = (node: string) => {
    search.value = graph.getNodeAttribute(node, 'label');
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    active = -1;
    void select(node, true);
  };
  search.addEventListener('input', () => {
    active = -1;
    renderSuggestions();
  });
  search.addEventListener('keydown', (e) => {
    const found = suggest(names, search.value);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!found.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      renderSuggestions();
    } else if (e.key === 'Enter' && found.length) {
      e.preventDefault();
      choose(found[Math.max(active, 0)].node);
    } else if (e.key === 'Escape') {
      // Esc closes the suggestions and clears the box (chromium clears a search field itself; others may not).
      search.value = '';
      list.hidden = true;
      search.setAttribute('aria-expanded', 'false');
    }
  });
  // "/" focuses the search from anywhere but a field being typed in, as on most sites with one.
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const typing = (t instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(t.type)) || t instanceof HTMLTextAreaElement || Boolean(t?.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });
  search.addEventListener('blur', () => {
    list.hidden = true;
  });
}
