/**
 * The articles of a build, as the viewer's article view reads them: the text, its sentences, and
 * the names in it with the graph node each refers to. They come from the build's article store
 * (articles.jsonl.gz), found by id; the last few read are kept.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleSpan, ArticleView } from '../graph/index.js';
import { ARTICLE_STORE, findStoredArticle } from '../pipeline/index.js';
import type { ResolvedArticle } from '../types.js';

/** How many article views are kept: a reader goes back and forth between a few. */
const CACHED = 16;

/** The spans of an article in text order; where two overlap, the earlier (then the longer) one wins. */
export function articleSpans(r: ResolvedArticle, hasNode: (iri: string) => boolean = () => true): ArticleSpan[] {
  const spans: ArticleSpan[] = [];
  const add = (span: ArticleSpan, iri: string) => spans.push(hasNode(iri) ? { ...span, node: iri } : span);
  for (const e of r.entities) {
    if (e.class === 'Other') continue;
    for (const m of e.mentions) add({ start: m.start, end: m.end, class: e.class, ...(m.coref?.referring ? { referring: true } : {}) }, e.iri);
  }
  for (const ev of r.events) for (const m of ev.mentions) add({ start: m.start, end: m.end, class: 'Event' }, ev.sameAs ?? ev.iri);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ArticleSpan[] = [];
  for (const s of spans) if (s.end > s.start && (!kept.length || s.start >= kept[kept.length - 1].end)) kept.push(s);
  return kept;
}

export function articleView(r: ResolvedArticle, hasNode?: (iri: string) => boolean): ArticleView {
  const a = r.article;
  return {
    id: a.id,
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.published !== undefined ? { published: a.published } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
    ...(a.source !== undefined ? { source: a.source } : {}),
    text: a.text,
    sentences: r.sentences,
    spans: articleSpans(r, hasNode),
  };
}

/** Reads article views from a build folder; the cache empties when the store changes (a rebuild or `--add`). */
export class ArticleReader {
  private readonly path: string;
  private readonly cache = new Map<string, Promise<ArticleView | undefined>>();
  private mtime = 0;

  constructor(dir: string) {
    this.path = join(dir, ARTICLE_STORE);
  }

  /** Whether the build kept its articles (older builds and `--format` without the store did not). */
  get available(): boolean {
    return existsSync(this.path);
  }

  /** The article with this id, or undefined when the build does not hold it. */
  read(id: string, hasNode?: (iri: string) => boolean): Promise<ArticleView | undefined> {
    if (!this.available) return Promise.resolve(undefined);
    const mtime = statSync(this.path).mtimeMs;
    if (mtime !== this.mtime) {
      this.cache.clear();
      this.mtime = mtime;
    }
    let view = this.cache.get(id);
    if (view) this.cache.delete(id);
    else view = findStoredArticle(this.path, id).then((r) => r && articleView(r, hasNode));
    // Map order is insertion order: re-inserting marks it the newest; the oldest goes first.
    this.cache.set(id, view);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    view.catch(() => this.cache.delete(id));
    return view;
  }
}
