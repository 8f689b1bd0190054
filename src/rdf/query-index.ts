/**
 * The query index of a build (graph.qidx): every quad of the build as N-Quads, grouped by
 * predicate, so that the query side loads into its store only the groups a query's triple
 * patterns can match instead of parsing the whole graph. Oxigraph's in-memory store takes
 * about 150k quads a second, so on a big build loading what one query needs is seconds faster
 * than loading everything.
 *
 * Layout: blocks of raw-deflated N-Quads (each holding lines of one predicate, at most
 * BLOCK_CHARS of text before compression), then a JSON footer listing each predicate's blocks
 * (offset, length, quads), then the footer's length as 4 bytes little-endian and MAGIC. Blocks are
 * written as they fill, so the writer holds at most one open block per predicate.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import { Writer, type Quad } from 'n3';
import type { QuadStream } from './serialize.js';

/** The index's name in a build folder. */
export const QUERY_INDEX_FILE = 'graph.qidx';

const MAGIC = 'NKGQIDX1';
const TRAILER_BYTES = 4 + MAGIC.length;
/** Text per block before it is compressed: big enough to compress well, small enough to hold one per predicate. */
const BLOCK_CHARS = 1 << 18;

export interface QueryIndexBlock {
  offset: number;
  bytes: number;
  quads: number;
}

export interface QueryIndexFooter {
  format: 'newskg-query-index';
  version: 1;
  quads: number;
  /** Each predicate's IRI and its blocks, in the order they were written. */
  predicates: Record<string, QueryIndexBlock[]>;
}

/** A stream of quads into a query index at `path` (created or truncated). */
export function openQueryIndex(path: string): QuadStream {
  const fd = openSync(path, 'w');
  // One writer, used only to turn a quad into its N-Quads line.
  const line = new Writer({ format: 'N-Quads' });
  const open = new Map<string, { lines: string[]; chars: number }>();
  const footer: QueryIndexFooter = { format: 'newskg-query-index', version: 1, quads: 0, predicates: {} };
  let offset = 0;
  const flush = (predicate: string) => {
    const block = open.get(predicate);
    if (!block || block.lines.length === 0) return;
    const bytes = deflateRawSync(block.lines.join(''), { level: constants.Z_BEST_SPEED });
    writeSync(fd, bytes);
    (footer.predicates[predicate] ??= []).push({ offset, bytes: bytes.length, quads: block.lines.length });
    offset += bytes.length;
    block.lines = [];
    block.chars = 0;
  };
  return {
    add(quads: readonly Quad[]) {
      for (const q of quads) {
        const predicate = q.predicate.value;
        let block = open.get(predicate);
        if (!block) open.set(predicate, (block = { lines: [], chars: 0 }));
        const text = line.quadToString(q.subject, q.predicate, q.object, q.graph);
        block.lines.push(text);
        block.chars += text.length;
        footer.quads++;
        if (block.chars >= BLOCK_CHARS) flush(predicate);
      }
    },
    end() {
      for (const predicate of open.keys()) flush(predicate);
      const json = Buffer.from(JSON.stringify(footer));
      const trailer = Buffer.alloc(TRAILER_BYTES);
      trailer.writeUInt32LE(json.length, 0);
      trailer.write(MAGIC, 4, 'latin1');
      writeSync(fd, json);
      writeSync(fd, trailer);
      closeSync(fd);
    },
  };
}

/** An open query index: its footer, and the N-Quads text of the predicates asked for. */
export class QueryIndex {
  private constructor(
    private readonly fd: number,
    readonly footer: QueryIndexFooter,
  ) {}

  /** Opens the index at `path`; throws a one-line Error when it is not one. */
  static open(path: string): QueryIndex {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < TRAILER_BYTES) throw new Error('too short to be a query index');
      const trailer = Buffer.alloc(TRAILER_BYTES);
      readSync(fd, trailer, 0, TRAILER_BYTES, size - TRAILER_BYTES);
      if (trailer.toString('latin1', 4) !== MAGIC) throw new Error('not a query index (no trailer)');
      const length = trailer.readUInt32LE(0);
      if (length > size - TRAILER_BYTES) throw new Error('its footer is cut off');
      const json = Buffer.alloc(length);
      readSync(fd, json, 0, length, size - TRAILER_BYTES - length);
      const footer = JSON.parse(json.toString('utf8')) as QueryIndexFooter;
      if (footer.format !== 'newskg-query-index' || footer.version !== 1) throw new Error(`unsupported query index ${footer.format}/${footer.version}`);
      return new QueryIndex(fd, footer);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  get predicates(): string[] {
    return Object.keys(this.footer.predicates);
  }

  /** The N-Quads of one predicate, a block at a time (none when the build has no such predicate). */
  *blocks(predicate: string): Generator<Buffer> {
    for (const block of this.footer.predicates[predicate] ?? []) {
      const bytes = Buffer.alloc(block.bytes);
      readSync(this.fd, bytes, 0, block.bytes, block.offset);
      yield inflateRawSync(bytes);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
