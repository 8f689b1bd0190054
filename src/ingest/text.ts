/**
 * Plain text and Markdown articles: a headline on the first line when it looks like one, an
 * optional date line under it (the Wikinews layout: title, ISO date, blank line, body), and
 * Markdown front matter and markup.
 */
import type { RawArticle } from '../types.js';

/** A first line that reads as a headline: short, several words, no sentence-final period. */
export function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  if (t.length < 8 || t.length > 200) return false;
  if (/[.;,:]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  if (t.split(/\s+/).length < 3) return false;
  return /\p{L}/u.test(t);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Plain text: optional headline (+ optional ISO date line), then the body. */
export function readText(content: string): RawArticle {
  const lines = content.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const first = lines[i] ?? '';
  const next = lines[i + 1]?.trim() ?? '';
  const dateNext = ISO_DATE.test(next);
  // A headline must be set apart: followed by a blank line or by a date line.
  if (looksLikeHeadline(first) && (next === '' || dateNext)) {
    const bodyStart = i + (dateNext ? 2 : 1);
    return {
      title: first.trim(),
      published: dateNext ? next : undefined,
      text: lines.slice(bodyStart).join('\n').replace(/^\s*\n/, ''),
    };
  }
  return { text: content };
}

/** Markdown: YAML-ish front matter (title, date, url, source), a leading "# Heading", markup removed. */
export function readMarkdown(content: string): RawArticle {
  const meta: Record<string, string> = {};
  let body = content;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(content);
  if (fm) {
    for (const line of fm[1].split(/\r?\n/)) {
      const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (m) meta[m[1].toLowerCase()] = m[2].trim().replace(/^["']|["']$/g, '');
    }
    body = content.slice(fm[0].length);
  }
  let title = meta.title;
  const heading = /^\s*#\s+(.+)\r?\n/.exec(body);
  if (heading) {
    title ??= heading[1].trim();
    body = body.slice(heading[0].length);
  }
  const text = body
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1') // fenced code: keep the text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: link text
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '') // headings
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '') // block quotes
    .replace(/^[ \t]*[-*+][ \t]+/gm, '') // list bullets
    .replace(/(\*\*|__)(.+?)\1/g, '$2') // bold
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2') // emphasis
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^[ \t]*(?:-{3,}|\*{3,})[ \t]*$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    text,
    title,
    published: meta.date ?? meta.published,
    url: meta.url,
    source: meta.source ?? meta.publisher,
  };
}
