/**
 * From what a reader found (RawArticle) to an Article: a stable id, a normalised date, and an
 * inferred publication date when no metadata gave one.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { Article, RawArticle } from '../types.js';

// chrono-node is loaded at the first date it reads, not at import (see extract/dates.ts).
const require = createRequire(import.meta.url);
let chronoModule: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (chronoModule ??= require('chrono-node') as typeof Chrono);

/** Normalises a metadata date to ISO 8601 (date only when no time is given), or undefined. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const parsed = Date.parse(v);
  if (!Number.isNaN(parsed)) {
    const iso = new Date(parsed).toISOString();
    return /\d{1,2}:\d{2}/.test(v) ? iso : iso.slice(0, 10);
  }
  const c = chrono().parseDate(v);
  return c ? c.toISOString().slice(0, 10) : undefined;
}

/**
 * The latest date the text states in full (day, month and year all written out), as
 * YYYY-MM-DD: news is published on or after every date it reports.
 */
export function inferPublished(text: string): string | undefined {
  let latest: string | undefined;
  // chrono needs a reference date only for relative expressions, which are skipped here.
  for (const r of chrono().parse(text.length > 200_000 ? text.slice(0, 200_000) : text, new Date(Date.UTC(2000, 0, 1)))) {
    const s = r.start;
    // Relative expressions ("last week") come out "certain" against the reference date: require a written year.
    if (!(s.isCertain('year') && s.isCertain('month') && s.isCertain('day')) || !/\d{4}/.test(r.text)) continue;
    const y = s.get('year')!;
    const iso = `${String(y).padStart(4, '0')}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')}`;
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

/** Deterministic id: the same URL (or title) and text give the same id on any machine. */
export function articleId(raw: RawArticle): string {
  return createHash('sha256')
    .update(raw.url ?? raw.title ?? '')
    .update('\u0000')
    .update(raw.text)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Characters no XML or RDF consumer accepts (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
 * unpaired surrogates) become U+FFFD. Each is one UTF-16 unit, so every offset stays true.
 */
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const representable = (s: string): string => s.replace(UNREPRESENTABLE, '\uFFFD');

export function toArticle(found: RawArticle, origin: string): Article {
  const raw: RawArticle = { text: representable(found.text) };
  for (const key of ['title', 'url', 'source', 'published'] as const) if (found[key]) raw[key] = representable(found[key]);
  const article: Article = { id: articleId(raw), text: raw.text, origin };
  if (raw.title) article.title = raw.title;
  if (raw.url) article.url = raw.url;
  if (raw.source) article.source = raw.source;
  const published = normaliseDate(raw.published);
  if (published) {
    article.published = published;
  } else {
    const inferred = inferPublished(raw.text);
    if (inferred) {
      article.published = inferred;
      article.publishedInferred = true;
    }
  }
  return article;
}
