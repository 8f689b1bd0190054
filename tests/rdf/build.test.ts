import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store, type Quad } from 'n3';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { parse as parseTurtleIndependently } from '@frogcat/ttl2jsonld';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, test } from 'vitest';
import { FORMATS, build, type BuildResult } from '../../src/pipeline/index.js';
import { PREFIXES } from '../../src/rdf/index.js';

const root = new URL('../../', import.meta.url).pathname;
const seed = join(root, 'seeds', '000_93913eae600d5a9a.txt');
const other = join(root, 'seeds', 'wikinews_2019-10-05_four_stabbed_to_death_at_paris_police_headquarters.txt');
const NKG = PREFIXES.nkg;
const SKOS = PREFIXES.skos;
const RDF_TYPE = `${PREFIXES.rdf}type`;
const BASE = 'https://newskg.org/id/';

let out: string;
let result: BuildResult;
let store: Store;

const parse = (text: string, format: string): Quad[] => new Parser({ format }).parse(text);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'newskg-build-'));
  result = await build({ paths: [seed, other], out, base: BASE, formats: FORMATS, collect: true });
  store = new Store(parse(readFileSync(join(out, 'graph.ttl'), 'utf8'), 'text/turtle'));
});

const entity = (cls: string, slug: string) => `${BASE}${cls}/${slug}`;
const objects = (s: string, p: string) => store.getObjects(s, p, null).map((o) => o.value).sort();

describe('the seed article as RDF', () => {
  test.each([
    ['organization', 'islamic-state', 'ArmedGroup'],
    ['organization', 'times-of-israel', 'NewsMediaOrganization'],
    ['organization', 'associated-press', 'NewsMediaOrganization'],
    ['organization', 'washington-post', 'NewsMediaOrganization'],
    ['organization', 'charlie-hebdo', 'NewsMediaOrganization'],
    ['organization', 'channel-4-news', 'NewsMediaOrganization'],
    ['person', 'bernard-bajolet', 'Person'],
    ['person', 'abdeslam-salah', 'Person'],
    ['person', 'abu-bakr-al-baghdadi', 'Person'],
    ['place', 'france', 'Country'],
    ['place', 'iraq', 'Country'],
    ['place', 'syria', 'Country'],
    ['place', 'united-states', 'Country'],
    ['place', 'paris', 'City'],
    ['place', 'raqqa', 'City'],
    ['organization', 'al-qaeda', 'ArmedGroup'],
    ['event', 'paris-attacks', 'Event'],
    ['event', 'charlie-hebdo-massacre', 'Event'],
  ])('%s/%s is a nkg:%s', (cls, slug, type) => {
    expect(objects(entity(cls, slug), RDF_TYPE)).toContain(`${NKG}${type}`);
  });

  test('the entities of the seed article are exactly its people, bodies, places and named events', () => {
    const art = `${BASE}article/${result.resolved!.find((r) => r.article.origin === seed)!.article.id}`;
    const fromSeed = store
      .getSubjects(`${PREFIXES.prov}wasDerivedFrom`, art, null)
      .map((s) => s.value.slice(BASE.length))
      .filter((s) => !s.startsWith('statement/') && !/^event\/[0-9a-f]{16}-\d+$/.test(s))
      .sort();
    // A person known by one name ("Hagrid", a post's author) is the article's own: its IRI carries the article id.
    const hagrid = `person/hagrid-${art.slice(-16, -8)}`;
    expect(fromSeed).toEqual(
      [
        'event/charlie-hebdo-massacre', 'event/paris-attacks',
        'organization/al-qaeda', 'organization/associated-press', 'organization/channel-4-news', 'organization/charlie-hebdo',
        'organization/france-counterintelligence', 'organization/france-intelligence', 'organization/france-police', 'organization/france-spy-agency',
        'organization/getty-images', 'organization/iraq-intelligence', 'organization/islamic-state', 'organization/times-of-israel', 'organization/washington-post',
        'person/abdeslam-salah', 'person/abu-bakr-al-baghdadi', 'person/bernard-bajolet', 'person/christopher-furlong', hagrid, 'person/w-patrick-wilson',
        'place/france', 'place/iran', 'place/iraq', 'place/paris', 'place/raqqa', 'place/russia', 'place/syria', 'place/united-states', 'place/yemen',
      ].sort(),
    );
    expect(store.getQuads(entity('person', 'al-qaeda'), null, null, null)).toHaveLength(0);
  });

  test('cities lie in their countries', () => {
    expect(objects(entity('place', 'raqqa'), `${NKG}containedInPlace`)).toEqual([entity('place', 'syria')]);
    expect(objects(entity('place', 'paris'), `${NKG}containedInPlace`)).toEqual([entity('place', 'france')]);
  });

  test('aliases are merged into one node', () => {
    expect(objects(entity('organization', 'islamic-state'), `${SKOS}altLabel`)).toContain('ISIS');
    expect(objects(entity('place', 'france'), `${SKOS}altLabel`)).toContain('French');
    expect(objects(entity('place', 'united-states'), `${SKOS}altLabel`)).toContain('U.S.');
    expect(store.getQuads(entity('organization', 'isis'), null, null, null)).toHaveLength(0);
    expect(objects(entity('organization', 'channel-4-news'), `${NKG}handle`)).toEqual(['@Channel4News']);
  });

  test("demonyms and possessives make agencies of their country: French police, France's spy agency", () => {
    for (const slug of ['france-police', 'france-spy-agency', 'iraq-intelligence']) {
      const agency = entity('organization', slug);
      expect(objects(agency, RDF_TYPE)).toContain(`${NKG}GovernmentOrganization`);
      expect(objects(agency, `${NKG}country`)).toEqual([entity('place', slug.split('-')[0])]);
    }
    expect(objects(entity('organization', 'iraq-intelligence'), `${SKOS}altLabel`).length + 1).toBe(2);
  });

  test('Paris is linked to GeoNames with coordinates; both articles share its node', () => {
    const paris = entity('place', 'paris');
    expect(objects(paris, `${PREFIXES.owl}sameAs`)).toEqual(['https://sws.geonames.org/2988507/']);
    expect(Number(objects(paris, `${PREFIXES.geo}lat`)[0])).toBeCloseTo(48.85, 1);
    expect(objects(paris, `${PREFIXES.prov}wasDerivedFrom`)).toHaveLength(2);
  });

  test("every mention is a span of its article's text (schema:articleBody) inside one sentence", () => {
    const text = readFileSync(seed, 'utf8');
    const seedResolved = result.resolved!.find((r) => r.article.origin === seed)!;
    const art = `${BASE}article/${seedResolved.article.id}`;
    const [body] = objects(art, 'https://schema.org/articleBody');
    expect(body).toBe(seedResolved.article.text);
    const mentions = store.getSubjects(`${NKG}refersTo`, null, null).filter((m) => m.value.startsWith(`${art}#char=`));
    expect(mentions.length).toBeGreaterThan(40);
    const names = new Set(store.getObjects(null, `${SKOS}prefLabel`, null).map((o) => o.value));
    let named = 0;
    for (const m of mentions) {
      const [begin, end] = /#char=(\d+),(\d+)$/.exec(m.value)!.slice(1).map(Number);
      expect(seedResolved.sentences.some((s) => s.start <= begin && end <= s.end), m.value).toBe(true);
      expect(body.slice(begin, end)).toBe(text.slice(begin, end));
      if (names.has(body.slice(begin, end))) named++;
    }
    // Most mentions are names, exactly as the entity is labelled.
    expect(named).toBeGreaterThan(mentions.length / 2);
  });

  test('no node is a date, a pronoun or a headline fragment', () => {
    const labels = store.getObjects(null, `${SKOS}prefLabel`, null).map((o) => o.value);
    for (const l of labels) expect(l).not.toMatch(/^(January|November|\d{4}|It|They|We|He|She|Season Of Frivolity.*)$/);
  });

  test('the article is a schema:NewsArticle with an inferred xsd:date', () => {
    const art = `${BASE}article/${result.resolved![0].article.id}`;
    expect(objects(art, RDF_TYPE)).toEqual(['https://schema.org/NewsArticle']);
    const date = store.getObjects(art, 'https://schema.org/datePublished', null)[0];
    expect(date.value).toBe('2015-11-16');
    expect((date as { datatype: { value: string } }).datatype.value).toBe(`${PREFIXES.xsd}date`);
  });
});

describe('every output parses and conforms', () => {
  test('TriG has a named graph per article; N-Triples and JSON-LD hold the same triples as Turtle', () => {
    const trig = parse(readFileSync(join(out, 'graph.trig'), 'utf8'), 'application/trig');
    const graphs = new Set(trig.filter((q) => q.graph.termType === 'NamedNode').map((q) => q.graph.value));
    expect(graphs.size).toBe(2);
    const nt = parse(readFileSync(join(out, 'graph.nt'), 'utf8'), 'application/n-triples');
    expect(nt.length).toBe(store.size);
    const jsonld = JSON.parse(readFileSync(join(out, 'graph.jsonld'), 'utf8')) as { '@graph': Record<string, unknown>[] };
    let count = 0;
    for (const node of jsonld['@graph']) for (const [k, v] of Object.entries(node)) if (k !== '@id') count += (v as unknown[]).length;
    expect(count).toBe(store.size);
  });

  test('independent parsers read the output: a PEG Turtle parser and the jsonld processor', async () => {
    const fromPeg = parseTurtleIndependently(readFileSync(join(out, 'graph.ttl'), 'utf8')) as { '@graph'?: unknown[] };
    expect(fromPeg['@graph']?.length).toBeGreaterThan(100);
    const doc = JSON.parse(readFileSync(join(out, 'graph.jsonld'), 'utf8'));
    const nquads = (await jsonld.toRDF(doc, { format: 'application/n-quads' })) as string;
    expect(nquads.trim().split('\n')).toHaveLength(store.size);
  });

  test('graph.json, GEXF and GraphML describe the same nodes', () => {
    const json = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as { nodes: { key: string; attributes: { x: number; label: string } }[] };
    const nodes = new Set([...result.entities.map((e) => e.iri), ...result.events.map((e) => e.iri)]);
    expect(json.nodes.length).toBe(nodes.size);
    expect(json.nodes.every((n) => Number.isFinite(n.attributes.x))).toBe(true);
    expect((readFileSync(join(out, 'graph.gexf'), 'utf8').match(/<node /g) ?? []).length).toBe(nodes.size);
    expect((readFileSync(join(out, 'graph.graphml'), 'utf8').match(/<node /g) ?? []).length).toBe(nodes.size);
  });

  test('the output validates against ontology/shapes.ttl (rdf-validate-shacl)', async () => {
    const shapes = rdf.dataset(parse(readFileSync(join(root, 'ontology', 'shapes.ttl'), 'utf8'), 'text/turtle'));
    const data = rdf.dataset(parse(readFileSync(join(out, 'graph.ttl'), 'utf8'), 'text/turtle'));
    const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
    expect(report.results.map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.message.map((m) => m.value).join(' ')}`)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  test('the shapes reject broken output (a mention IRI that is no span of an article, an unknown sieve, a statement with a confidence of 2)', async () => {
    const shapes = rdf.dataset(parse(readFileSync(join(root, 'ontology', 'shapes.ttl'), 'utf8'), 'text/turtle'));
    const broken = `@prefix nkg: <${NKG}> . @prefix xsd: <${PREFIXES.xsd}> . @prefix rdf: <${PREFIXES.rdf}> .
      <${BASE}mention/x/0-4> nkg:refersTo <${BASE}place/oslo> .
      <${BASE}article/x#char=0,4> nkg:refersTo <${BASE}place/oslo> ; nkg:linkedBy "guess" .
      <${BASE}statement/1> a nkg:Statement ; rdf:subject <${BASE}place/oslo> ; rdf:predicate nkg:locatedIn ; rdf:object <${BASE}place/norway> ;
        nkg:sentence <${BASE}sentence/x/0> ; nkg:confidence "2"^^xsd:decimal ; nkg:extractedBy "test" .
      <${BASE}sentence/x/0> nkg:inArticle <${BASE}article/x> ; nkg:anchorOf "Oslo is in Norway." ; nkg:beginIndex 0 ; nkg:endIndex 18 .`;
    const report = await new SHACLValidator(shapes, { factory: rdf }).validate(rdf.dataset(parse(broken, 'text/turtle')));
    expect(report.conforms).toBe(false);
    // The sentence's article is no schema:NewsArticle here, so it fails too (its own shape, and the statement's nkg:sentence).
    expect([...new Set(report.results.map((r) => r.path?.value ?? `${r.focusNode?.value} ${r.sourceConstraintComponent?.value}`))].sort()).toEqual([
      `${BASE}mention/x/0-4 ${PREFIXES.sh}PatternConstraintComponent`,
      `${NKG}confidence`,
      `${NKG}inArticle`,
      `${NKG}linkedBy`,
      `${NKG}sentence`,
    ]);
  });

  test('the ontology declares, labels and comments every class and property the output uses', () => {
    const onto = new Store(parse(readFileSync(join(root, 'ontology', 'newskg.ttl'), 'utf8'), 'text/turtle'));
    const used = new Set<string>();
    for (const q of store.getQuads(null, null, null, null)) {
      used.add(q.predicate.value);
      if (q.predicate.value === RDF_TYPE) used.add(q.object.value);
    }
    const external = [PREFIXES.rdf, PREFIXES.rdfs, PREFIXES.owl];
    for (const term of used) {
      if (external.some((ns) => term.startsWith(ns))) continue;
      expect(onto.getObjects(term, `${PREFIXES.rdfs}label`, null), term).not.toHaveLength(0);
      expect(onto.getObjects(term, `${PREFIXES.rdfs}comment`, null), term).not.toHaveLength(0);
    }
  });

  test('separate builds merge by plain union into the graph one build of both articles gives', async () => {
    const triples = async (paths: string[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'newskg-union-'));
      await build({ paths, out: dir, base: BASE, formats: ['nt'] });
      return readFileSync(join(dir, 'graph.nt'), 'utf8').trim().split('\n');
    };
    const union = new Set([...(await triples([seed])), ...(await triples([other]))]);
    const together = new Set(await triples([seed, other]));
    expect([...union].filter((t) => !together.has(t))).toEqual([]);
    expect([...together].filter((t) => !union.has(t))).toEqual([]);
  });

  test('a bad base IRI is refused before any work', async () => {
    await expect(build({ paths: [seed], out, base: 'not an iri' })).rejects.toThrow(/base IRI/);
  });
});
