/**
 * Reading articles for the CLI: files, folders (their .txt and .md files, sorted) and stdin.
 * A bad input yields a one-line error for that input and the batch goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { MAX_TEXT_LENGTH } from '../nlp/pipeline.js';

export type Input = { name: string; text: string } | { name: string; error: string };

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

/** Decodes bytes as UTF-8 text, or explains in one line why they are not text. */
export function decodeText(name: string, bytes: Uint8Array): Input {
  if (bytes.byteLength > MAX_TEXT_LENGTH) return { name, error: `newskg: ${name}: file of ${bytes.byteLength} bytes is larger than the ${MAX_TEXT_LENGTH}-byte limit` };
  if (bytes.includes(0)) return { name, error: `newskg: ${name}: looks like a binary file (contains NUL bytes), not text` };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { name, text };
  } catch {
    return { name, error: `newskg: ${name}: is not valid UTF-8 text` };
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function* readInputs(paths: readonly string[]): AsyncGenerator<Input> {
  for (const path of paths) {
    if (path === '-') {
      yield decodeText('<stdin>', await readStdin());
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield { name: path, error: `newskg: ${path}: ${code === 'ENOENT' ? 'no such file or folder' : code ?? String(err)}` };
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => TEXT_EXTENSIONS.has(extname(n).toLowerCase())).sort();
      if (names.length === 0) yield { name: path, error: `newskg: ${path}: folder has no .txt or .md files` };
      for (const n of names) yield* readInputs([join(path, n)]);
      continue;
    }
    try {
      yield decodeText(path, await readFile(path));
    } catch (err) {
      yield { name: path, error: `newskg: ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
    }
  }
}
