/**
 * Building DOM from data: text always goes in as text nodes, never as HTML, so a label such as
 * `<img src=x onerror=…>` shows as those characters and runs nothing.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

/** A sentence with the characters [from, to) marked. */
export function highlighted(sentence: string, from: number, to: number): HTMLElement {
  const p = el('q', { class: 'evidence' });
  if (from < 0 || to > sentence.length || from >= to) {
    p.append(sentence);
    return p;
  }
  p.append(sentence.slice(0, from), el('mark', {}, sentence.slice(from, to)), sentence.slice(to));
  return p;
}

/** An http(s) link from data, or plain text when the URL is anything else (javascript:, data:). */
export function safeLink(url: string, text: string): HTMLElement {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer' }, text);
  } catch {
    // not a URL: shown as text
  }
  return el('span', {}, text);
}

/** An element of index.html by id. */
export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
