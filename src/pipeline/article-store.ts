/**
 * The build's record of what it read: every resolved article, one JSON line each, gzipped
 * (articles.jsonl.gz in the output folder). The build streams its articles through it instead
 * of holding them, and `--add` reads it back, so adding articles re-reads what was resolved
 * before instead of reading the articles again.
 *
 * Sentence texts are not stored: every evidence holds its sentence's offsets, and the
 * article's text is in the record.
 */
import { appendFileSync, createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { NewskgError } from '../errors.js';
import type { ResolvedArticle } from '../types.js';

export const ARTICLE_STORE = 'articles.jsonl.gz';
const FORMAT = 'newskg-articles';
const VERSION = 1;
/** Lines are gzipped in chunks of about this many characters (gzip members concatenate into one valid file). */
const CHUNK = 1 << 20;

interface Header {
  format: typeof FORMAT;
  version: number;
  base: string;
}

export class ArticleStoreWriter {
  private pending: string[] = [];
  private size = 0;
  count = 0;

  constructor(
    readonly path: string,
    base: string,
  ) {
    writeFileSync(path, '');
    this.line(JSON.stringify({ format: FORMAT, version: VERSION, base } satisfies Header));
  }

  add(r: ResolvedArticle): void {
    this.line(JSON.stringify(r, (key, value) => (key === 'sentenceText' ? undefined : value)));
    this.count++;
  }

  /** Writes what is pending; the file is whole after this. */
  close(): void {
    this.flush();
  }

  private line(text: string): void {
    this.pending.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    appendFileSync(this.path, gzipSync(this.pending.join(''), { level: 1 }));
    this.pending = [];
    this.size = 0;
  }
}

/** Puts back the sentence texts the store leaves out. */
function withSentenceTexts(r: ResolvedArticle): ResolvedArticle {
  const text = r.article.text;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.sentenceStart === 'number' && typeof o.sentenceEnd === 'number') o.sentenceText = text.slice(o.sentenceStart, o.sentenceEnd);
    for (const v of Object.values(o)) if (typeof v === 'object') visit(v);
  };
  visit(r.relations);
  visit(r.events);
  visit(r.sources);
  for (const c of r.coMentions) c.sentenceText = text.slice(c.start, c.end);
  return r;
}

/** The lines of a store file, gunzipped. */
const storeLines = (path: string) => createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });

/** A store's first line, read as its header: undefined where it is not one. */
function asHeader(line: string): Header | undefined {
  const header = JSON.parse(line) as Partial<Header>;
  return header.format === FORMAT && header.version === VERSION && typeof header.base === 'string' ? (header as Header) : undefined;
}

/** The articles of a store, in the order they were added; the store must have been made under `base`. */
export async function* readArticleStore(path: string, base: string): AsyncGenerator<ResolvedArticle> {
  if (!existsSync(path)) return;
  let header: Header | undefined;
  let n = 0;
  try {
    for await (const line of storeLines(path)) {
      n++;
      if (!line) continue;
      if (!header) {
        header = asHeader(line);
        if (!header) throw new NewskgError('build', `${path}: not a newskg article store of version ${VERSION}; build the folder again without --add`);
        if (header.base !== base) throw new NewskgError('build', `${path}: was built with --base ${header.base}, not ${base}`);
        continue;
      }
      yield withSentenceTexts(JSON.parse(line) as ResolvedArticle);
    }
  } catch (err) {
    if (err instanceof NewskgError) throw err;
    throw new NewskgError('build', `${path}: line ${n}: ${(err as Error).message.split('\n')[0]}; build the folder again without --add`);
  }
}

/**
 * One article of a store, by id, or undefined when the store does not hold it. It streams the
 * store and parses only the line that starts with the article's id, so memory stays one line's.
 */
export async function findStoredArticle(path: string, id: string): Promise<ResolvedArticle | undefined> {
  if (!existsSync(path)) return undefined;
  const key = `"id":${JSON.stringify(id)}`;
  const input = createReadStream(path);
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (n === 1 && !asHeader(line)) throw new NewskgError('serve', `${path}: not a newskg article store of version ${VERSION}; build the folder again`);
      if (n === 1 || !line.includes(key)) continue;
      const r = JSON.parse(line) as ResolvedArticle;
      if (r.article.id === id) return withSentenceTexts(r);
    }
  } catch (err) {
    if (err instanceof NewskgError) throw err;
    throw new NewskgError('serve', `${path}: line ${n}: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    lines.close();
    input.destroy();
  }
  return undefined;
}

/** The base IRI a store was made under, or undefined when there is no store (or it is not one). */
export async function readStoreBase(path: string): Promise<string | undefined> {
  if (!existsSync(path)) return undefined;
  const lines = storeLines(path);
  try {
    for await (const line of lines) return asHeader(line)?.base;
  } catch {
    return undefined;
  } finally {
    lines.close();
  }
  return undefined;
}
