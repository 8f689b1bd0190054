/** The serialisers on a few quads: each format parses back (n3's Parser; jsonld for JSON-LD) to the same quads. */
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad } from 'n3';
import { describe, expect, test } from 'vitest';
import { toJsonLd, toNQuads, toNTriples, toTriG, toTurtle, writeJsonLd, writeNQuads, writeNTriples, writeTriG, writeTurtle, type TextSink } from '../../src/rdf/serialize.js';
import { PREFIXES } from '../../src/rdf/vocab.js';

const { namedNode, literal, quad, defaultGraph, blankNode } = DataFactory;
const NKG = PREFIXES.nkg;
const XSD = PREFIXES.xsd;
const ex = (local: string) => namedNode(`https://example.org/kg/${local}`);
const G1 = ex('article/a1');
const G2 = ex('article/a2');

/** Entities in the default graph, a statement in each of two article graphs; awkward literals. */
const QUADS: Quad[] = [
  quad(ex('person/orla-venn'), namedNode(`${PREFIXES.rdf}type`), namedNode(`${NKG}Person`), defaultGraph()),
  quad(ex('person/orla-venn'), namedNode(`${PREFIXES.skos}prefLabel`), literal('Orla Venn', 'en'), defaultGraph()),
  quad(ex('person/orla-venn'), namedNode(`${PREFIXES.rdfs}label`), literal('Orla "the \\ Hammer"\nVenn — ✓ 😀')),
  quad(ex('person/orla-venn'), namedNode(`${NKG}warned`), ex('place/kestria'), defaultGraph()),
  quad(ex('place/kestria'), namedNode(`${PREFIXES.geo}lat`), literal('12.5', namedNode(`${XSD}decimal`)), defaultGraph()),
  quad(ex('statement/1'), namedNode(`${NKG}beginIndex`), literal('0', namedNode(`${XSD}integer`)), G1),
  quad(ex('statement/1'), namedNode(`${NKG}evidenceText`), literal('Orla Venn warned Kestria.'), G1),
  quad(G1, namedNode('https://schema.org/datePublished'), literal('2021-03-16', namedNode(`${XSD}date`)), G1),
  quad(ex('statement/2'), namedNode(`${NKG}lowerBound`), literal('true', namedNode(`${XSD}boolean`)), G2),
  quad(G2, namedNode('https://schema.org/url'), literal('https://news.example/a?b=1&c=<2>', namedNode(`${XSD}anyURI`)), G2),
];

const key = (q: Quad, withGraph: boolean) => [q.subject.id, q.predicate.id, q.object.id, withGraph ? q.graph.id : ''].join(' ');
const keys = (qs: Quad[], withGraph: boolean) => qs.map((q) => key(q, withGraph)).sort();
const parse = (text: string, format: string) => new Parser({ format }).parse(text);

describe('round trips through n3', () => {
  test.each([
    ['Turtle', toTurtle, 'text/turtle', false],
    ['N-Triples', toNTriples, 'application/n-triples', false],
    ['TriG', toTriG, 'application/trig', true],
    ['N-Quads', toNQuads, 'application/n-quads', true],
  ] as const)('%s parses back to the same %s', (_name, serialise, format, keepsGraphs) => {
    const back = parse(serialise(QUADS), format);
    expect(keys(back, keepsGraphs)).toEqual(keys(QUADS, keepsGraphs));
    // Graph-less formats hold the union: every quad in the default graph.
    if (!keepsGraphs) expect(back.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    else expect(new Set(back.map((q) => q.graph.value))).toEqual(new Set(['', G1.value, G2.value]));
  });

  test('Turtle and TriG declare the ontology prefixes; N-Triples and N-Quads write full IRIs', () => {
    expect(toTurtle(QUADS)).toContain(`@prefix nkg: <${NKG}>.`);
    expect(toTriG(QUADS)).toContain(`@prefix skos: <${PREFIXES.skos}>.`);
    expect(toTurtle(QUADS)).toContain('nkg:warned');
    for (const text of [toNTriples(QUADS), toNQuads(QUADS)]) {
      expect(text).not.toContain('@prefix');
      expect(text).toContain(`<${NKG}warned>`);
    }
    expect(toNTriples(QUADS).trim().split('\n')).toHaveLength(QUADS.length);
  });

  test('the union formats put nothing in a named graph; TriG and N-Quads keep each article graph', () => {
    expect(toNQuads(QUADS).split('\n').filter((l) => l.endsWith(`<${G2.value}> .`))).toHaveLength(2);
    expect(toNTriples(QUADS)).not.toContain(`<${G2.value}> .`);
  });
});

describe('JSON-LD', () => {
  type Node = Record<string, unknown> & { '@id': string };
  const doc = JSON.parse(toJsonLd(QUADS)) as { '@graph': Node[] };

  test('is flattened: one node per subject, keys are full IRIs, values are {@id} or {@value, @type | @language}', () => {
    expect(Object.keys(doc)).toEqual(['@graph']);
    expect(doc['@graph'].map((n) => n['@id']).sort()).toEqual([G1.value, G2.value, ex('person/orla-venn').value, ex('place/kestria').value, ex('statement/1').value, ex('statement/2').value].sort());
    const orla = doc['@graph'].find((n) => n['@id'] === ex('person/orla-venn').value)!;
    expect(orla['@type']).toEqual([`${NKG}Person`]);
    expect(orla[`${PREFIXES.skos}prefLabel`]).toEqual([{ '@value': 'Orla Venn', '@language': 'en' }]);
    // xsd:string is left implicit.
    expect(orla[`${PREFIXES.rdfs}label`]).toEqual([{ '@value': 'Orla "the \\ Hammer"\nVenn — ✓ 😀' }]);
    expect(orla[`${NKG}warned`]).toEqual([{ '@id': ex('place/kestria').value }]);
    const kestria = doc['@graph'].find((n) => n['@id'] === ex('place/kestria').value)!;
    expect(kestria[`${PREFIXES.geo}lat`]).toEqual([{ '@value': '12.5', '@type': `${XSD}decimal` }]);
    for (const node of doc['@graph']) for (const k of Object.keys(node)) expect(k.startsWith('@') || /^https?:\/\//.test(k), k).toBe(true);
  });

  test('a JSON-LD processor reads it back to the union of the quads', async () => {
    const nquads = (await jsonld.toRDF(doc as object, { format: 'application/n-quads' })) as string;
    expect(keys(parse(nquads, 'application/n-quads'), false)).toEqual(keys(QUADS, false));
  });

  test('blank nodes keep their _: label, as subject and as object', () => {
    const b = blankNode('x1');
    const out = JSON.parse(toJsonLd([quad(b, namedNode(`${NKG}refersTo`), ex('person/orla-venn')), quad(ex('person/orla-venn'), namedNode(`${NKG}handle`), b)])) as { '@graph': Node[] };
    expect(out['@graph'].map((n) => n['@id'])).toEqual(['_:x1', ex('person/orla-venn').value]);
    expect(out['@graph'][1][`${NKG}handle`]).toEqual([{ '@id': '_:x1' }]);
  });

  test('no quads is an empty graph', () => {
    expect(JSON.parse(toJsonLd([]))).toEqual({ '@graph': [] });
  });
});

describe('sinks', () => {
  test.each([
    ['Turtle', writeTurtle, toTurtle],
    ['TriG', writeTriG, toTriG],
    ['N-Triples', writeNTriples, toNTriples],
    ['N-Quads', writeNQuads, toNQuads],
    ['JSON-LD', writeJsonLd, toJsonLd],
  ] as const)('%s: the chunks written to a sink, ended once, are the text to… returns', (_name, write, to) => {
    const chunks: string[] = [];
    let ended = 0;
    const sink: TextSink = { write: (c) => void chunks.push(c), end: () => void ended++ };
    write(QUADS, sink);
    expect(ended).toBe(1);
    expect(chunks.join('')).toBe(to(QUADS));
    expect(chunks.join('').length).toBeGreaterThan(300);
  });
});
