/**
 * Serialisers: Turtle (all quads in one graph), TriG (one named graph per article), N-Triples,
 * N-Quads, and JSON-LD (flattened, full IRIs as keys, so any JSON-LD processor reads it unchanged).
 * Each writes into a TextSink, so a build can stream a large graph to a file in big chunks
 * instead of holding the whole text in memory; the to… functions return the text as a string.
 */
import { DataFactory, Writer, type Quad } from 'n3';
import { PREFIXES } from './vocab.js';

const { quad, defaultGraph } = DataFactory;

/** Where a serialiser puts its text, in order. */
export interface TextSink {
  write(chunk: string): void;
  end(): void;
}

function collect(serialise: (quads: Quad[], sink: TextSink) => void, quads: Quad[]): string {
  let text = '';
  serialise(quads, { write: (chunk) => (text += chunk), end: () => {} });
  return text;
}

function writeWithN3(quads: Quad[], sink: TextSink, format: string, prefixes = true): void {
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
  const writer = new Writer(stream as unknown as NodeJS.WritableStream, { format, prefixes: prefixes ? { ...PREFIXES } : undefined });
  writer.addQuads(quads);
  writer.end();
}

/** Each quad array's union graph, computed once however many formats are written from it. */
const unions = new WeakMap<Quad[], Quad[]>();

/** The union of all graphs: buildQuads never repeats a triple, so this only drops the graphs. */
function merged(quads: Quad[]): Quad[] {
  let union = unions.get(quads);
  if (!union) unions.set(quads, (union = quads.map((q) => (q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph())))));
  return union;
}

export const writeTurtle = (quads: Quad[], sink: TextSink) => writeWithN3(merged(quads), sink, 'Turtle');
export const writeTriG = (quads: Quad[], sink: TextSink) => writeWithN3(quads, sink, 'TriG');
export const writeNTriples = (quads: Quad[], sink: TextSink) => writeWithN3(merged(quads), sink, 'N-Triples', false);
export const writeNQuads = (quads: Quad[], sink: TextSink) => writeWithN3(quads, sink, 'N-Quads', false);

type JsonValue = { '@id': string } | { '@value': string; '@type'?: string; '@language'?: string };

export function writeJsonLd(quads: Quad[], sink: TextSink): void {
  const nodes = new Map<string, Record<string, unknown>>();
  const RDF_TYPE = `${PREFIXES.rdf}type`;
  for (const q of merged(quads)) {
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
  sink.write('{"@graph": [');
  let first = true;
  for (const node of nodes.values()) {
    sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(node)}`);
    first = false;
  }
  sink.write('\n]}\n');
  sink.end();
}

export const toTurtle = (quads: Quad[]) => collect(writeTurtle, quads);
export const toTriG = (quads: Quad[]) => collect(writeTriG, quads);
export const toNTriples = (quads: Quad[]) => collect(writeNTriples, quads);
export const toNQuads = (quads: Quad[]) => collect(writeNQuads, quads);
export const toJsonLd = (quads: Quad[]) => collect(writeJsonLd, quads);
