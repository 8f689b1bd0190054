/**
 * The ingest stage: files, folders and standard input → Articles. Every input that cannot be
 * read yields an IngestProblem (one line naming the input and the problem) and the batch goes on.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Article, RawArticle } from '../types.js';
import { toArticle } from './article.js';
import { readHtml } from './html.js';
import { readJson, readJsonLines, type JsonItem } from './json.js';
import { readMarkdown, readText } from './text.js';

/** An input that yielded no article, with a one-line reason. */
export interface IngestProblem {
  origin: string;
  message: string;
}

export type IngestResult = { article: Article } | { problem: IngestProblem };

/** Largest input read, in bytes: far above any article, low enough to fail clearly instead of exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type Format = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** A folder's own documentation, skipped when reading the folder (still read when named explicitly). */
const NOT_ARTICLES = /^(readme|license|licence|attribution|notice|changelog|sources?|manifest)(\.[a-z]+)?$/i;

export function formatOf(path: string): Format | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/** Guesses the format of unnamed input (stdin) from its first characters. */
export function sniffFormat(content: string): Format {
  const head = content.trimStart();
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0].trim();
    return firstLine.endsWith('}') && head.includes('\n{') ? 'jsonl' : 'json';
  }
  return 'txt';
}

/** Decodes bytes as UTF-8 text, or says in one line why they are not text. */
export function decodeText(bytes: Uint8Array): string | { error: string } {
  if (bytes.byteLength > MAX_INPUT_BYTES) return { error: `${bytes.byteLength} bytes is larger than the ${MAX_INPUT_BYTES}-byte limit` };
  if (bytes.includes(0)) return { error: 'looks like a binary file (contains NUL bytes), not text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return { error: 'is not valid UTF-8 text' };
  }
}

/** Articles in one document of a known format. */
export function parseContent(content: string, format: Format, origin: string): IngestResult[] {
  const one = (raw: RawArticle): IngestResult[] => [{ article: toArticle(raw, origin) }];
  const many = (items: JsonItem[]): IngestResult[] =>
    items.map((it) => ('error' in it ? { problem: { origin: it.where, message: it.error } } : { article: toArticle(it.raw, it.where) }));
  try {
    switch (format) {
      case 'txt':
        return one(readText(content));
      case 'md':
        return one(readMarkdown(content));
      case 'html':
        return one(readHtml(content));
      case 'json':
        return many(readJson(content, origin));
      case 'jsonl':
        return many(readJsonLines(content, origin));
    }
  } catch (err) {
    return [{ problem: { origin, message: `cannot be read as ${format}: ${(err as Error).message.split('\n')[0]}` } }];
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads articles from paths (files, folders searched recursively for known extensions, in
 * sorted order; "-" for standard input), one result at a time. Folders in `skipFolders`
 * (absolute paths: a build's own output folder) are not searched.
 */
export async function* readArticles(paths: readonly string[], opts: { stdin?: () => Promise<Uint8Array>; skipFolders?: readonly string[] } = {}): AsyncGenerator<IngestResult> {
  for (const path of paths) {
    if (path === '-') {
      const decoded = decodeText(await (opts.stdin ?? readStdin)());
      if (typeof decoded !== 'string') yield { problem: { origin: '<stdin>', message: decoded.error } };
      else yield* parseContent(decoded, sniffFormat(decoded), '<stdin>');
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield { problem: { origin: path, message: code === 'ENOENT' ? 'no such file or folder' : (code ?? String(err)) } };
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
      const inside = entries
        .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (formatOf(e.name) && !NOT_ARTICLES.test(e.name))))
        .map((e) => join(path, e.name))
        .filter((p) => !opts.skipFolders?.includes(resolve(p)));
      if (inside.length === 0) yield { problem: { origin: path, message: 'folder has no article files (.txt .md .html .json .jsonl)' } };
      yield* readArticles(inside, opts);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      yield { problem: { origin: path, message: (err as NodeJS.ErrnoException).code ?? String(err) } };
      continue;
    }
    const decoded = decodeText(bytes);
    if (typeof decoded !== 'string') {
      yield { problem: { origin: path, message: decoded.error } };
      continue;
    }
    yield* parseContent(decoded, formatOf(path) ?? sniffFormat(decoded), path);
  }
}
