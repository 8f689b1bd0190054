/**
 * HTML articles: the body is extracted with Mozilla's Readability (over linkedom's DOM), then
 * turned into text with a line break after every block element so paragraphs stay apart.
 * Title, date, URL and site come from the usual meta tags.
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { RawArticle } from '../types.js';

// The DOM and Readability are loaded at the first HTML article, not at import: most inputs are text.
const require = createRequire(import.meta.url);
const parseHTML: typeof ParseHtml = (...args) => (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML(...args);
const readability = () => (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability;

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TR', 'TABLE', 'FIGCAPTION', 'FIGURE', 'HEADER', 'FOOTER', 'BR', 'HR']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with paragraph breaks after block elements and collapsed spaces. */
function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE' || node.nodeName === 'NOSCRIPT') return;
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (BLOCK.has(node.nodeName)) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function meta(document: { querySelector(sel: string): { getAttribute(name: string): string | null } | null }, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('href') ?? el?.getAttribute('datetime');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

export function readHtml(content: string): RawArticle {
  const { document } = parseHTML(content);
  const published = meta(document, [
    'meta[property="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  ]);
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const site = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const ogTitle = meta(document, ['meta[property="og:title"]']);
  // Readability edits the document it is given, so it runs after the meta tags are read.
  const parsed = new (readability())(document as unknown as Document).parse();
  let text = '';
  if (parsed?.content) {
    const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    text = blockText(body.body as unknown as DomNode);
  }
  if (!text) text = blockText(document.body as unknown as DomNode);
  return {
    text,
    title: parsed?.title?.trim() || ogTitle || undefined,
    published: published ?? parsed?.publishedTime ?? undefined,
    url,
    source: parsed?.siteName ?? site ?? undefined,
  };
}
