/**
 * Serialisers: Turtle (all quads in one graph), TriG (one named graph per article), N-Triples,
 * and JSON-LD (flattened, full IRIs as keys, so any JSON-LD processor reads it unchanged).
 */
import { DataFactory, Writer, type Quad } from 'n3';
import { PREFIXES } from './vocab.js';

const { quad, defaultGraph } = DataFactory;

function write(quads: Quad[], format: string, prefixes = true): string {
  const writer = new Writer({ format, prefixes: prefixes ? { ...PREFIXES } : undefined });
  writer.addQuads(quads);
  let out = '';
  writer.end((err, result) => {
    if (err) throw err;
    out = result;
  });
  return out;
}

/** Each quad array's union graph, computed once however many formats are written from it. */
const unions = new WeakMap<Quad[], Quad[]>();

/** The union of all graphs: buildQuads never repeats a triple, so this only drops the graphs. */
function merged(quads: Quad[]): Quad[] {
  let union = unions.get(quads);
  if (!union) unions.set(quads, (union = quads.map((q) => (q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph())))));
  return union;
}

export function toTurtle(quads: Quad[]): string {
  return write(merged(quads), 'Turtle');
}

export function toTriG(quads: Quad[]): string {
  return write(quads, 'TriG');
}

export function toNTriples(quads: Quad[]): string {
  return write(merged(quads), 'N-Triples', false);
}

type JsonValue = { '@id': string } | { '@value': string; '@type'?: string; '@language'?: string };

export function toJsonLd(quads: Quad[]): string {
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
  return `${JSON.stringify({ '@graph': [...nodes.values()] }, null, 1)}\n`;
}
