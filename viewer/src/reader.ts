/**
 * The article view: an article's text with its names highlighted by class (as displaCy's entity
 * view shows them) and the sentence a fact was read from marked. A highlighted name selects its
 * entity. The text is untrusted, so it reaches the page as text nodes only.
 */
import { byId, el, safeLink } from './dom.js';
import type { Graph } from './graph.js';
import { CLASS_COLORS, CLASS_LABELS, type ArticleSpan, type ArticleView } from './model.js';
import type { Select } from './selection.js';
import { state, writeUrl } from './state.js';

export interface Reader {
  /** Opens an article; `sentenceStart` marks the sentence starting there. */
  open: (articleId: string, sentenceStart?: number) => Promise<void>;
  close: () => void;
  /** Marks the selected entity's names in the open article. */
  render: () => void;
}

/** One name: a button when the graph has its entity, else a plain mark; a class badge after a name, none after a pronoun or description. */
function spanElement(text: string, span: ArticleSpan, graph: Graph): HTMLElement {
  const linked = span.node !== undefined && graph.hasNode(span.node);
  // The badge is CSS content from data-label, so the text reads (and copies) as the article's own.
  const props: Record<string, string> = { class: `ent${span.referring ? ' referring' : ''}`, 'data-class': span.class, 'data-label': span.referring ? '' : (CLASS_LABELS[span.class] ?? span.class) };
  if (linked) Object.assign(props, { type: 'button', 'data-node': span.node!, title: graph.getNodeAttribute(span.node!, 'label') });
  const node = el(linked ? 'button' : 'mark', props, text);
  node.style.setProperty('--class-color', CLASS_COLORS[span.class] ?? '#868e96');
  return node;
}

/** The article's body: its sentences, each a span (the marked one flagged), with the names inside them. */
function articleBody(view: ArticleView, graph: Graph, marked: number | undefined): HTMLElement {
  const body = el('div', { class: 'reader-text' });
  const spans = view.spans;
  let next = 0;
  let at = 0;
  // Text between sentences (paragraph breaks) goes in as it is; the CSS keeps its newlines.
  for (const s of view.sentences) {
    if (s.start > at) body.append(view.text.slice(at, s.start));
    const sentence = el('span', { class: `sentence${s.start === marked ? ' marked' : ''}`, 'data-start': String(s.start) });
    let pos = s.start;
    while (next < spans.length && spans[next].end <= s.end) {
      const span = spans[next++];
      if (span.start < pos) continue;
      if (span.start > pos) sentence.append(view.text.slice(pos, span.start));
      sentence.append(spanElement(view.text.slice(span.start, span.end), span, graph));
      pos = span.end;
    }
    if (s.end > pos) sentence.append(view.text.slice(pos, s.end));
    body.append(sentence);
    at = Math.max(at, s.end);
  }
  if (at < view.text.length) body.append(view.text.slice(at));
  return body;
}

export function setupReader(graph: Graph, select: Select): Reader {
  const reader = byId('reader');
  const content = byId('reader-content');
  let request = 0;

  function render(): void {
    for (const b of content.querySelectorAll<HTMLElement>('.ent[data-node]')) b.classList.toggle('current', b.dataset.node === state.selected);
  }

  async function open(articleId: string, sentenceStart?: number): Promise<void> {
    const mine = ++request;
    state.article = { id: articleId, sentence: sentenceStart ?? null };
    writeUrl();
    reader.hidden = false;
    content.replaceChildren(el('p', { class: 'empty' }, 'Loading the article…'));
    const res = await fetch(`./api/article?id=${encodeURIComponent(articleId)}`);
    if (mine !== request) return;
    if (!res.ok) {
      const why = ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `status ${res.status}`;
      content.replaceChildren(el('p', { class: 'empty' }, `The article could not be loaded: ${why}.`));
      return;
    }
    const view = (await res.json()) as ArticleView;
    if (mine !== request) return;
    const meta = el('p', { class: 'source' });
    if (view.published) meta.append(view.published.slice(0, 10));
    if (view.source) meta.append(`${meta.childNodes.length ? ' · ' : ''}${view.source}`);
    if (view.url) meta.append(meta.childNodes.length ? ' · ' : '', safeLink(view.url, 'original'));
    content.replaceChildren(el('h2', { id: 'reader-title' }, view.title ?? `Untitled article ${view.id}`), meta, articleBody(view, graph, sentenceStart));
    render();
    const marked = content.querySelector<HTMLElement>('.sentence.marked');
    (marked ?? content).scrollIntoView({ block: 'center' });
    reader.focus({ preventScroll: true });
  }

  function close(): void {
    request++;
    reader.hidden = true;
    content.replaceChildren();
    state.article = null;
    writeUrl();
  }

  content.addEventListener('click', (e) => {
    const name = (e.target as HTMLElement).closest<HTMLElement>('.ent[data-node]');
    if (name) void select(name.dataset.node!, true);
  });
  byId('reader-close').addEventListener('click', close);
  // Esc closes the article before anything else it would close (the panel).
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || reader.hidden) return;
      e.stopImmediatePropagation();
      close();
    },
    { capture: true },
  );
  return { open, close, render };
}
