/**
 * KnowledgeGraph on three made-up articles, built in memory and loaded from a build folder (with
 * graph.json, and from Turtle alone): entity lookup, relations, neighbours, paths, events, SPARQL.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KnowledgeGraph, QUERY_PREFIXES, userPosition, withPrefixes } from '../../src/query/knowledge-graph.js';
import { build } from '../../src/pipeline/index.js';
import { NewskgError, NotFoundError, QueryError } from '../../src/errors.js';
import type { RawArticle } from '../../src/types.js';

const ID = 'https://newskg.org/id/';
const ARTICLES: RawArticle[] = [
  { title: 'Storm and attack', text: 'Norway warned Sweden of storms on Monday. Gunmen attacked a school in Bergen on Friday, killing three people. Police arrested Tomas Vrell on Saturday.', published: '2021-03-16' },
  { title: 'Vrell in Oslo', text: 'Tomas Vrell, the leader of the Halvard Front, spoke in Oslo on Tuesday. The Halvard Front attacked Bergen. Vrell was born in Norway.', published: '2021-04-02' },
  { title: 'Quarnby', text: 'Ilse Quarnby, the leader of Sweden, met Tomas Vrell in Stockholm on Wednesday. Quarnby warned the Halvard Front.', published: '2021-05-05' },
];

let kg: KnowledgeGraph;
let dir: string;
let loaded: KnowledgeGraph;
let fromTurtle: KnowledgeGraph;
beforeAll(async () => {
  kg = await KnowledgeGraph.build(ARTICLES, { workers: 0 });
  dir = mkdtempSync(join(tmpdir(), 'newskg-kg-'));
  const built = join(dir, 'built');
  await build({ paths: [], articles: ARTICLES, out: built, base: ID, formats: ['trig', 'json', 'ttl'], workers: 0 });
  loaded = await KnowledgeGraph.load(built);
  mkdirSync(join(dir, 'turtle'));
  copyFileSync(join(built, 'graph.ttl'), join(dir, 'turtle', 'graph.ttl'));
  fromTurtle = await KnowledgeGraph.load(join(dir, 'turtle'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const labels = (xs: { label: string }[]) => xs.map((x) => x.label);

describe('entities', () => {
  test.each([
    ['Tomas Vrell', 'Tomas Vrell'],
    ['tomas vrell', 'Tomas Vrell'],
    ['Vrell', 'Tomas Vrell'],
    ["Vrell's", 'Tomas Vrell'],
    ['Quarnby', 'Ilse Quarnby'],
    // A whole word of a label that is no alias: the entity it names.
    ['Halvard', 'Halvard Front'],
    ['the Halvard Front', 'Halvard Front'],
    [`${ID}place/bergen`, 'Bergen'],
  ])('entity(%j) is %s', (name, label) => {
    expect(kg.entity(name).label).toBe(label);
  });

  test('an entity has its IRI, class, aliases and mention count', () => {
    expect(kg.entity('Tomas Vrell')).toEqual({ iri: `${ID}person/tomas-vrell`, label: 'Tomas Vrell', class: 'Person', aliases: ['Vrell'], mentionCount: 5 }); // "the leader" in apposition is a mention of him too
    expect(kg.entity('Halvard Front')).toMatchObject({ class: 'ArmedGroup', mentionCount: 3 });
  });

  test('an unknown name is a NotFoundError with the closest names', () => {
    const err = (() => {
      try {
        kg.entity('Tomas Vrel');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).suggestions).toEqual(['Tomas Vrell']);
    expect((err as Error).message).toBe('newskg/query: no entity named "Tomas Vrel"; did you mean "Tomas Vrell"?');
    expect(() => kg.entity('Zyxwvut Qqq')).toThrow(/^newskg\/query: no entity named "Zyxwvut Qqq"$/);
    expect(() => kg.entity(`${ID}place/nowhere`)).toThrow(NotFoundError);
  });

  test.each([
    [{ class: 'Country' }, ['Norway', 'Sweden']],
    [{ class: 'person' }, ['Tomas Vrell', 'Ilse Quarnby']],
    [{ class: 'city' }, ['Bergen', 'Oslo', 'Stockholm']],
    [{ class: 'place', minMentions: 2 }, ['Bergen', 'Norway', 'Sweden']],
    // Events are nodes too, and a clause event is named for its participants.
    [{ name: 'vrell' }, ['Tomas Vrell', 'Ilse Quarnby met Tomas Vrell', 'Tomas Vrell born in Norway', 'Tomas Vrell spoke in Oslo']],
    [{ class: 'ArmedGroup', name: 'front' }, ['Halvard Front']],
  ])('entities(%j), most mentioned first', (filter, expected) => {
    expect(labels(kg.entities(filter))).toEqual(expected);
  });
});

describe('relations', () => {
  test.each([
    [{ subject: 'Norway' }, ['Norway warned Sweden']],
    [{ predicate: 'leads' }, ['Ilse Quarnby leads Sweden', 'Tomas Vrell leads Halvard Front']],
    [{ predicate: 'https://newskg.org/ontology#leads', object: 'Halvard Front' }, ['Tomas Vrell leads Halvard Front']],
    [{ object: 'Sweden', predicate: 'warned' }, ['Norway warned Sweden']],
    [{ subject: 'Halvard Front', predicate: 'attacked' }, ['Halvard Front attacked Bergen']],
    [{ subject: 'Sweden', predicate: 'warned' }, []],
  ])('relations(%j)', (filter, expected) => {
    expect(kg.relations(filter).map((r) => `${r.subject.label} ${r.predicate} ${r.object.label}`)).toEqual(expected);
  });

  test('a relation carries its evidence: article, sentence, the words that state it, the rule', () => {
    const [warned] = kg.relations({ predicate: 'warned' });
    expect(warned.confidence).toBe(0.7);
    expect(warned.evidence).toHaveLength(1);
    expect(warned.evidence[0]).toMatchObject({ sentenceText: 'Norway warned Sweden of storms on Monday.', start: 0, end: 20, confidence: 0.7, rule: 'subject + "warned" + object' });
    expect(warned.evidence[0].articleId).toMatch(/^[0-9a-f]{16}$/);
  });

  test('co-mentions are not relations', () => {
    expect(kg.relations().some((r) => r.predicate === 'coMentionedWith')).toBe(false);
    expect(kg.graph.someEdge((_e, a) => a.predicate === 'coMentionedWith')).toBe(true);
  });

  test('an unknown subject is a NotFoundError', () => {
    expect(() => kg.relations({ subject: 'Narnia' })).toThrow(NotFoundError);
  });
});

describe('neighbours and paths', () => {
  test('neighbours within one and two steps, nearest first', () => {
    // "Vrell was born in Norway": the relation classifier's livesIn.
    // and the clauses' events: he spoke in Oslo, was born in Norway, Quarnby met him.
    const events = [['Tomas Vrell spoke in Oslo', 1], ['Tomas Vrell born in Norway', 1], ['Ilse Quarnby met Tomas Vrell', 1]];
    expect(kg.neighbors('Tomas Vrell').map((n) => [n.label, n.distance])).toEqual([['Halvard Front', 1], ['Norway', 1], ['arrest, 2021-03-13', 1], ...events]);
    expect(kg.neighbors('Tomas Vrell', { depth: 2 }).map((n) => [n.label, n.distance])).toEqual([
      ['Halvard Front', 1],
      ['Norway', 1],
      ['arrest, 2021-03-13', 1],
      ...events,
      ['Ilse Quarnby', 2],
      ['Bergen', 2],
      ['Sweden', 2],
      ['Oslo', 2],
      ['Stockholm', 2],
      ['attack', 2],
      ['warning', 2],
      ['warning, 2021-03-15', 2],
    ]);
    expect(labels(kg.neighbors('Sweden', { predicate: 'leads' }))).toEqual(['Ilse Quarnby']);
  });

  test('the shortest chain of stated relations, either direction', () => {
    expect(kg.paths('Norway', 'Ilse Quarnby')).toEqual([{ nodes: [kg.entity('Norway'), kg.entity('Sweden'), kg.entity('Ilse Quarnby')], predicates: ['warned', 'leads'] }]);
    expect(kg.paths('Tomas Vrell', 'Bergen').map((p) => [labels(p.nodes), p.predicates])).toEqual([[['Tomas Vrell', 'Halvard Front', 'Bergen'], ['leads', 'attacked']]]);
  });

  test('no chain, or one longer than maxLength, is []', () => {
    // The clauses' events join people to what they did: Quarnby met Vrell, who leads the Halvard Front, which attacked Bergen.
    expect(kg.paths('Ilse Quarnby', 'Bergen', { maxLength: 3 })).toEqual([]);
    expect(kg.paths('Norway', 'Ilse Quarnby', { maxLength: 1 })).toEqual([]);
  });
});

describe('events', () => {
  test('all events, dated ones first by date', () => {
    expect(kg.events().map((e) => e.earliest ?? '-')).toEqual(['2021-03-12', '2021-03-13', '2021-03-15', '2021-03-15', '2021-03-30', '2021-04-28', '-', '-', '-']);
  });

  test.each([
    [{ eventType: 'attack' }, ['attack in Bergen, 2021-03-12', 'attack']],
    [{ eventType: 'ATTACK', place: 'Bergen' }, ['attack in Bergen, 2021-03-12']],
    [{ place: 'Oslo' }, ['Tomas Vrell spoke in Oslo']],
    [{ participant: 'Ilse Quarnby' }, ['Ilse Quarnby met Tomas Vrell']],
    [{ type: 'life' }, ['Tomas Vrell born in Norway']],
    [{ type: 'birth', place: 'Norway' }, ['Tomas Vrell born in Norway']],
    [{ actor: 'Norway' }, ['warning, 2021-03-15']],
    [{ from: '2021-03-14' }, ['disaster, 2021-03-15', 'warning, 2021-03-15', 'Tomas Vrell spoke in Oslo', 'Ilse Quarnby met Tomas Vrell']],
    [{ to: '2021-03-12' }, ['attack in Bergen, 2021-03-12']],
    [{ from: '2021-03-13', to: '2021-03-13' }, ['arrest, 2021-03-13']],
    [{ eventType: 'election' }, []],
  ])('events(%j)', (filter, expected) => {
    expect(labels(kg.events(filter))).toEqual(expected);
  });

  test('an event has its types, dates, participants and counts', () => {
    const [bergen] = kg.events({ place: 'Bergen' });
    expect(bergen).toMatchObject({ iri: `${ID}event/attack-bergen-2021-03-12`, eventTypes: ['attack'], earliest: '2021-03-12', latest: '2021-03-12', killed: 3, actors: [], targets: [] });
    expect(labels(bergen.places)).toEqual(['Bergen']);
    expect(bergen.injured).toBeUndefined();
  });
});

describe('SPARQL', () => {
  test('SELECT: variables in query order, terms typed, numbers native', () => {
    expect(kg.sparql('SELECT ?who ?whom WHERE { ?who nkg:warned ?whom }')).toEqual({
      type: 'select',
      variables: ['who', 'whom'],
      bindings: [{ who: { type: 'uri', value: `${ID}place/norway` }, whom: { type: 'uri', value: `${ID}place/sweden` } }],
    });
    const r = kg.sparql('SELECT ?label (COUNT(?m) AS ?n) WHERE { ?m nkg:refersTo ?e . ?e skos:prefLabel ?label . FILTER(?label = "Tomas Vrell"@en) } GROUP BY ?label');
    expect(r).toEqual({ type: 'select', variables: ['label', 'n'], bindings: [{ label: { type: 'literal', value: 'Tomas Vrell', language: 'en' }, n: { type: 'literal', value: '5', datatype: 'http://www.w3.org/2001/XMLSchema#integer', native: 5 } }] });
    expect(kg.sparql('SELECT ?x WHERE { ?x nkg:warned <urn:nobody> }')).toEqual({ type: 'select', variables: ['x'], bindings: [] });
  });

  test('the named graphs are queried as one union', () => {
    const r = kg.sparql('SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }');
    expect(r.type === 'select' && r.bindings[0].n.value).toBe('3');
  });

  test('ASK and CONSTRUCT', () => {
    expect(kg.sparql('ASK { ?a nkg:warned ?b }')).toEqual({ type: 'ask', boolean: true });
    expect(kg.sparql('ASK { ?a nkg:killed ?b }')).toEqual({ type: 'ask', boolean: false });
    const g = kg.sparql('CONSTRUCT { ?a nkg:warned ?b } WHERE { ?a nkg:warned ?b }');
    expect(g.type).toBe('graph');
    expect(g.type === 'graph' && g.triples).toBe(1);
    expect(g.type === 'graph' && g.turtle).toContain(`<${ID}place/norway> <https://newskg.org/ontology#warned> <${ID}place/sweden>`);
  });

  test.each([
    ['an update', 'INSERT DATA { <urn:a> <urn:b> <urn:c> }', /^newskg\/query: updates are refused: this graph is read-only$/],
    ['an unknown prefix', 'SELECT ?x WHERE { ?x foo:bar ?y }', /^newskg\/query: unknown prefix "foo:"/],
    ['a syntax error', 'SELECT ?x WHERE {\n ?x ', /^newskg\/query: the query does not parse or cannot run: .*line 2/],
  ])('%s is a QueryError', (_what, query, message) => {
    expect(() => kg.sparql(query)).toThrow(QueryError);
    expect(() => kg.sparql(query)).toThrow(message);
  });

  test('serialise: the standard result formats', () => {
    expect(kg.serialise('SELECT ?who WHERE { ?who nkg:warned ?whom }', 'text/csv').trim().split(/\r?\n/)).toEqual(['who', `${ID}place/norway`]);
    expect(JSON.parse(kg.serialise('ASK { ?a nkg:warned ?b }', 'application/sparql-results+json'))).toMatchObject({ boolean: true });
    expect(() => kg.serialise('DELETE WHERE { ?a ?b ?c }', 'text/csv')).toThrow(QueryError);
  });
});

describe('withPrefixes', () => {
  test('puts the ontology prefixes in front of a query', () => {
    const q = 'SELECT ?x WHERE { ?x a nkg:Person }';
    expect(withPrefixes(q)).toBe(`${QUERY_PREFIXES}\n${q}`);
    expect(QUERY_PREFIXES.split('\n')).toContain('PREFIX nkg: <https://newskg.org/ontology#>');
  });

  test('accepts prefixes the query declares, and prefix-like text inside IRIs, strings and comments', () => {
    expect(() => withPrefixes('PREFIX ex: <https://example.org/> SELECT ?x WHERE { ?x ex:p "foo:bar" } # baz:qux')).not.toThrow();
    expect(() => withPrefixes('SELECT ?x WHERE { ?x <urn:foo:bar> ?y }')).not.toThrow();
  });

  test.each([
    ['INSERT DATA { <urn:a> <urn:b> <urn:c> }', /updates are refused/],
    ['DELETE WHERE { ?a ?b ?c }', /updates are refused/],
    ['PREFIX nkg: <x:> CLEAR ALL', /updates are refused/],
    ['SELECT ?x WHERE { ?x foo:bar ?y . ?y baz:q ?z }', /unknown prefix "foo:", "baz:": declare it with PREFIX, or use one of nkg: schema:/],
  ])('refuses %j', (query, message) => {
    expect(() => withPrefixes(query)).toThrow(QueryError);
    expect(() => withPrefixes(query)).toThrow(message);
  });

  test("userPosition counts lines as the user wrote them", () => {
    const lines = QUERY_PREFIXES.split('\n').length;
    expect(userPosition(`error at ${lines + 3}:7`)).toBe('error at line 3, column 7');
    expect(userPosition('error at 1:2')).toBe('error at line 1, column 2');
  });
});

describe('load', () => {
  test('a build folder with graph.json answers as the graph built in memory', () => {
    expect(loaded.entities()).toEqual(kg.entities());
    expect(loaded.relations()).toEqual(kg.relations());
    expect(loaded.events()).toEqual(kg.events());
    expect(loaded.sparql('ASK { ?a nkg:warned ?b }')).toEqual({ type: 'ask', boolean: true });
  });

  test('from Turtle alone, the graph is read back from the RDF: classes, aliases, mentions, relations, events', () => {
    expect(fromTurtle.entity('Vrell')).toEqual(kg.entity('Tomas Vrell'));
    expect(fromTurtle.entity('Halvard Front').class).toBe('ArmedGroup');
    expect(fromTurtle.entity('Bergen').class).toBe('City');
    expect(fromTurtle.relations({ predicate: 'warned' }).map((r) => `${r.subject.label} ${r.object.label}`)).toEqual(['Norway Sweden']);
    expect(fromTurtle.relations({ predicate: 'leads' }).map((r) => r.subject.label).sort()).toEqual(['Ilse Quarnby', 'Tomas Vrell']);
    const [bergen] = fromTurtle.events({ place: 'Bergen' });
    expect(bergen).toMatchObject({ label: 'attack in Bergen, 2021-03-12', eventTypes: ['attack'], earliest: '2021-03-12', killed: 3 });
    expect(fromTurtle.paths('Tomas Vrell', 'Bergen').map((p) => p.predicates)).toEqual([['leads', 'attacked']]);
  });

  test('one RDF file can be loaded by itself', async () => {
    const one = await KnowledgeGraph.load(join(dir, 'built', 'graph.trig'));
    expect(one.entity('Quarnby').label).toBe('Ilse Quarnby');
  });

  test.each([
    ['a missing path', (d: string) => join(d, 'nowhere'), /nowhere: no such file or folder$/],
    ['a folder with no graph', (d: string) => (mkdirSync(join(d, 'empty')), join(d, 'empty')), /empty: no graph\.trig, graph\.nt, graph\.ttl or graph\.json$/],
    ['a broken graph.json', (d: string) => (mkdirSync(join(d, 'broken')), writeFileSync(join(d, 'broken', 'graph.json'), '{"nodes": ['), join(d, 'broken')), /graph\.json: not a graph/],
    ['broken Turtle', (d: string) => (mkdirSync(join(d, 'badttl')), writeFileSync(join(d, 'badttl', 'graph.ttl'), '<a> <b> .'), join(d, 'badttl')), /graph\.ttl: /],
  ])('%s is a one-line NewskgError', async (_what, make, message) => {
    const err = await KnowledgeGraph.load(make(dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewskgError);
    expect((err as Error).message).toMatch(/^newskg\/query: /);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('build of nothing buildable is an InputError', async () => {
    await expect(KnowledgeGraph.build([], { workers: 0 })).rejects.toThrow(/^newskg\/ingest: nothing could be built$/);
  });
});
