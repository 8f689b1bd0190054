/**
 * Serialisers: Turtle (all quads in one graph), TriG (one named graph per article), N-Triples,
 * N-Quads, and JSON-LD (flattened, full IRIs as keys, so any JSON-LD processor reads it unchanged).
 * Each writes into a TextSink, so a build can stream a large graph to a file in big chunks
 * instead of holding the whole text in memory; the to… functions return the text as a string.
 */
import { Writer, type Quad } from 'n3';
import { PREFIXES } from './vocab.js';

/** Where a serialiser puts its text, in order. */
export interface TextSink {
  write(chunk: string): void;
  end(): void;
}

function collect(serialise: (quads: readonly Quad[], sink: TextSink) => void, quads: readonly Quad[]): string {
  let text = '';
  serialise(quads, { write: (chunk) => (text += chunk), end: () => {} });
  return text;
}

/** Quads going out in one format, a batch at a time: an article's graph, then the next. */
export interface QuadStream {
  add(quads: readonly Quad[]): void;
  end(): void;
}

export type RdfFormat = 'turtle' | 'trig' | 'n-triples' | 'n-quads' | 'json-ld';

const N3_FORMAT: Record<Exclude<RdfFormat, 'json-ld'>, string> = { turtle: 'Turtle', trig: 'TriG', 'n-triples': 'N-Triples', 'n-quads': 'N-Quads' };
/** Formats without graphs hold the union: buildQuads never repeats a triple across graphs, so that only drops the graphs. */
const UNION: ReadonlySet<RdfFormat> = new Set(['turtle', 'n-triples', 'json-ld']);

/** A stream of quads into `sink` in `format`: n3's Writer for the text formats, flattened JSON-LD otherwise. */
export function openQuadStream(format: RdfFormat, sink: TextSink): QuadStream {
  if (format === 'json-ld') return jsonLdStream(sink);
  // N3's Writer takes any object with a stream's write and end.
  const stream = {
    write: (chunk: string, _encoding: string, done?: () => void) => {
      sink.write(chunk);
      done?.();
    },
    end: (done?: (err: Error | null) => void) => {
      sink.end();
      done?.(null);
    },
  };
  const prefixes = format === 'turtle' || format === 'trig' ? { ...PREFIXES } : undefined;
  const writer = new Writer(stream as unknown as NodeJS.WritableStream, { format: N3_FORMAT[format], prefixes });
  const union = UNION.has(format);
  return {
    add(quads) {
      for (const q of quads) {
        if (union) writer.addQuad(q.subject, q.predicate, q.object);
        else writer.addQuad(q);
      }
    },
    end: () => writer.end(),
  };
}

type JsonValue = { '@id': string } | { '@value': string; '@type'?: string; '@language'?: string };

/**
 * Flattened JSON-LD, full IRIs as keys, so any JSON-LD processor reads it unchanged. Nodes are
 * grouped by subject within each batch; a subject described in two batches is two node objects
 * with one @id, which JSON-LD merges.
 */
function jsonLdStream(sink: TextSink): QuadStream {
  const RDF_TYPE = `${PREFIXES.rdf}type`;
  let first = true;
  sink.write('{"@graph": [');
  return {
    add(quads) {
      const nodes = new Map<string, Record<string, unknown>>();
      for (const q of quads) {
        const id = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
        let node = nodes.get(id);
        if (!node) nodes.set(id, (node = { '@id': id }));
        if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
          ((node['@type'] ??= []) as string[]).push(q.object.value);
          continue;
        }
        let value: JsonValue;
        if (q.object.termType === 'Literal') {
          const lit = q.object;
          value = { '@value': lit.value };
          if (lit.language) value['@language'] = lit.language;
          else if (lit.datatype.value !== `${PREFIXES.xsd}string`) value['@type'] = lit.datatype.value;
        } else {
          value = { '@id': q.object.termType === 'BlankNode' ? `_:${q.object.value}` : q.object.value };
        }
        ((node[q.predicate.value] ??= []) as JsonValue[]).push(value);
      }
      for (const node of nodes.values()) {
        sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(node)}`);
        first = false;
      }
    },
    end() {
      sink.write('\n]}\n');
      sink.end();
    },
  };
}

function writeAll(format: RdfFormat, quads: readonly Quad[], sink: TextSink): void {
  const stream = openQuadStream(format, sink);
  stream.add(quads);
  stream.end();
}

export const writeTurtle = (quads: readonly Quad[], sink: TextSink) => writeAll('turtle', quads, sink);
export const writeTriG = (quads: readonly Quad[], sink: TextSink) => writeAll('trig', quads, sink);
export const writeNTriples = (quads: readonly Quad[], sink: TextSink) => writeAll('n-triples', quads, sink);
export const writeNQuads = (quads: readonly Quad[], sink: TextSink) => writeAll('n-quads', quads, sink);
export const writeJsonLd = (quads: readonly Quad[], sink: TextSink) => writeAll('json-ld', quads, sink);

export const toTurtle = (quads: readonly Quad[]) => collect(writeTurtle, quads);
export const toTriG = (quads: readonly Quad[]) => collect(writeTriG, quads);
export const toNTriples = (quads: readonly Quad[]) => collect(writeNTriples, quads);
export const toNQuads = (quads: readonly Quad[]) => collect(writeNQuads, quads);
export const toJsonLd = (quads: readonly Quad[]) => collect(writeJsonLd, quads);
