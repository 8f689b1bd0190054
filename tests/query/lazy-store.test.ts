/**
 * A built folder's store, loaded as queries need it: through the query index a query loads only
 * its predicates' quads and answers as the whole graph does; a stale or broken index is handled.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { KnowledgeGraph, withPrefixes } from '../../src/query/index.js';
import { LazyStore, rdfSourceOf } from '../../src/query/lazy-store.js';

let dir: string;
let whole: oxigraph.Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newskg-lazy-'));
  await build({
    paths: [],
    articles: [
      { title: 'Storm', text: 'Norway warned Sweden of storms on Monday. Gunmen attacked a school in Bergen on Friday, killing three people.', published: '2021-03-16' },
      { title: 'Vrell', text: 'Tomas Vrell, the leader of the Halvard Front, spoke in Oslo on Tuesday. Ilse Quarnby leads the Bergen Council.', published: '2021-04-02' },
    ],
    out: dir,
    base: 'https://newskg.org/id/',
    formats: ['trig', 'json'],
    workers: 0,
  });
  whole = new oxigraph.Store();
  whole.load(readFileSync(join(dir, 'graph.trig'), 'utf8'), { format: 'application/trig' });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERIES = [
  'SELECT ?who ?whom WHERE { ?a nkg:warned ?b . ?a skos:prefLabel ?who . ?b skos:prefLabel ?whom }',
  'SELECT ?p ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name } ORDER BY ?name',
  'SELECT ?text WHERE { ?st rdf:predicate nkg:leads ; nkg:sentence ?s . ?s nkg:anchorOf ?text } ORDER BY ?text',
  'SELECT (COUNT(*) AS ?n) WHERE { ?m nkg:refersTo ?e }',
  'ASK { ?a nkg:warned ?b }',
  'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g',
  'SELECT ?x WHERE { ?x nkg:leads/nkg:locatedIn* ?y } ORDER BY ?x',
];

describe('the store of a built folder', () => {
  test('the build wrote an index the folder is read through', () => {
    expect(rdfSourceOf(dir).index).toBe(join(dir, 'graph.qidx'));
  });

  test.each(QUERIES)('%s: the same answer as the whole graph', async (query) => {
    const kg = await KnowledgeGraph.load(dir);
    const expected = whole.query(withPrefixes(query), { use_default_graph_as_union: true, results_format: 'application/sparql-results+json' });
    expect(kg.serialise(query, 'application/sparql-results+json')).toBe(expected);
  });

  test('a query with fixed predicates loads only their quads; what is loaded stays', () => {
    const lazy = new LazyStore(rdfSourceOf(dir));
    const warned = lazy.for(new Set(['https://newskg.org/ontology#warned'])).size;
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(whole.size / 10);
    expect(lazy.for(new Set(['http://www.w3.org/2004/02/skos/core#prefLabel'])).size).toBeGreaterThan(warned);
    expect(lazy.all().size).toBe(whole.size);
    expect(lazy.isComplete).toBe(true);
  });

  test('an index older than the RDF beside it is not used', () => {
    const stale = mkdtempSync(join(tmpdir(), 'newskg-stale-'));
    writeFileSync(join(stale, 'graph.qidx'), readFileSync(join(dir, 'graph.qidx')));
    writeFileSync(join(stale, 'graph.trig'), readFileSync(join(dir, 'graph.trig')));
    utimesSync(join(stale, 'graph.qidx'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(rdfSourceOf(stale)).toEqual({ file: join(stale, 'graph.trig') });
    rmSync(stale, { recursive: true, force: true });
  });

  test('a broken index is a one-line error naming it', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'newskg-broken-'));
    writeFileSync(join(broken, 'graph.json'), readFileSync(join(dir, 'graph.json')));
    writeFileSync(join(broken, 'graph.qidx'), 'not an index at all');
    const kg = await KnowledgeGraph.load(broken);
    expect(kg.entity('Tomas Vrell').label).toBe('Tomas Vrell');
    expect(() => kg.sparql('ASK { ?a nkg:warned ?b }')).toThrow(/^newskg\/query: .*graph\.qidx: not a query index \(no trailer\) \(build the folder again\)$/);
    rmSync(broken, { recursive: true, force: true });
  });
});
