/**
 * JSON articles: an object, an array of objects, or JSON lines, with the fields `text` (or
 * body/content), `title` (or headline), `url`, `published` (or date/datePublished) and `source`
 * (or publisher).
 */
import type { RawArticle } from '../types.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** One JSON value as an article, or the reason it is not one. */
export function fromJsonValue(value: unknown): RawArticle | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object with a "text" field';
  const o = value as Record<string, unknown>;
  const text = str(o.text) ?? str(o.body) ?? str(o.content) ?? str(o.articleBody);
  if (text === undefined) return 'no "text" field';
  const publisher = o.publisher;
  return {
    text,
    title: str(o.title) ?? str(o.headline),
    url: str(o.url),
    published: str(o.published) ?? str(o.date) ?? str(o.datePublished),
    source: str(o.source) ?? str(publisher) ?? (typeof publisher === 'object' && publisher ? str((publisher as Record<string, unknown>).name) : undefined),
  };
}

export type JsonItem = { raw: RawArticle; where: string } | { error: string; where: string };

/** A .json document: one article or an array of them. */
export function readJson(content: string, origin: string): JsonItem[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (err) {
    return [{ error: `invalid JSON (${(err as Error).message})`, where: origin }];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    const where = Array.isArray(value) ? `${origin}[${i}]` : origin;
    const r = fromJsonValue(item);
    return typeof r === 'string' ? { error: r, where } : { raw: r, where };
  });
}

/** JSON lines: one article per non-empty line; a bad line is an error for that line only. */
export function readJsonLines(content: string, origin: string): JsonItem[] {
  const out: JsonItem[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${origin}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      out.push({ error: `invalid JSON (${(err as Error).message})`, where });
      return;
    }
    const r = fromJsonValue(value);
    out.push(typeof r === 'string' ? { error: r, where } : { raw: r, where });
  });
  return out;
}
