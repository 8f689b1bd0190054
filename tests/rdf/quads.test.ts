/** buildQuads on small hand-made resolved articles: what each entity, sentence, mention, relation and event becomes (and that co-mentions stay out). */
import { DataFactory, Store } from 'n3';
import { describe, expect, test } from 'vitest';
import { articleIri, buildQuads, isValidBase } from '../../src/rdf/quads.js';
import { PREFIXES } from '../../src/rdf/vocab.js';
import type { ArticleEvidence, Entity, EntityClass, EntityNode, ResolvedArticle, ResolvedEvent } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const NKG = PREFIXES.nkg;
const RDF_TYPE = `${PREFIXES.rdf}type`;
const XSD = PREFIXES.xsd;

const TEXT_1 = 'Mayor Alba Quennell warned the Varnholt Police on Monday. A bomb went off in Tarsk.';
const TEXT_2 = 'Alba Quennell warned the Varnholt Police again.';

const mention = (articleId: string, text: string, word: string, sentenceIndex = 0, confidence = 0.9) => {
  const start = text.indexOf(word);
  return { articleId, start, end: start + word.length, sentenceIndex, text: word, confidence };
};

function entity(iri: string, cls: EntityClass, label: string, extra: Partial<Entity> = {}): Entity {
  return { iri, category: cls === 'Person' ? 'person' : cls === 'Event' ? 'event' : cls.endsWith('Organization') ? 'organization' : 'place', class: cls, label, aliases: [], handles: [], mentions: [], ...extra };
}

const ALBA = `${BASE}person/alba-quennell`;
const POLICE = `${BASE}organization/varnholt-police`;
const TARSK = `${BASE}place/tarsk`;
const UNNAMED = `${BASE}event/a1-1`;
const NAMED = `${BASE}event/tarsk-bombing`;

const evidence = (articleId: string, text: string, sentence: string, fact: string, rule: string, confidence = 0.7): ArticleEvidence => {
  const sentenceStart = text.indexOf(sentence);
  const start = text.indexOf(fact);
  return { articleId, sentenceIndex: text.slice(0, sentenceStart).split('. ').length - 1, sentenceText: sentence, sentenceStart, sentenceEnd: sentenceStart + sentence.length, start, end: start + fact.length, confidence, rule };
};

const emptyEvent = (iri: string, label: string, eventType: ResolvedEvent['eventType'], isNamed: boolean): ResolvedEvent => ({ iri, eventType, label, isNamed, mentions: [], places: [], actors: [], targets: [], recipients: [], destinations: [], origins: [], topics: [], times: [], killed: [], injured: [], amounts: [] });

/** The build's view of an entity: its mentions counted, the articles that name them listed. */
const node = ({ mentions, ...e }: Entity): EntityNode => ({ ...e, mentionCount: mentions.length, articles: [...new Set(mentions.map((m) => m.articleId))] });

/** An article's own view of a merged entity: its mentions in that article only (as resolveArticle gives it). */
const only = (e: Entity, articleId: string): Entity => ({ ...e, mentions: e.mentions.filter((m) => m.articleId === articleId) });

/** Two articles stating the same warning; the first also reports an unnamed attack in Tarsk and names the "Tarsk bombing". */
function fixture(): { resolved: ResolvedArticle[]; entities: EntityNode[] } {
  const s1 = 'Mayor Alba Quennell warned the Varnholt Police on Monday.';
  const s2 = 'A bomb went off in Tarsk.';
  const warn1 = evidence('a1', TEXT_1, s1, 'Alba Quennell warned the Varnholt Police', 'subject + "warned" + object', 0.7123);
  const warn2 = evidence('a2', TEXT_2, TEXT_2, 'Alba Quennell warned the Varnholt Police', 'subject + "warned" + object', 0.6);
  const alba = entity(ALBA, 'Person', 'Alba Quennell', { aliases: ['Quennell', 'Mayor Quennell'], mentions: [mention('a1', TEXT_1, 'Alba Quennell'), mention('a2', TEXT_2, 'Alba Quennell')] });
  const police = entity(POLICE, 'GovernmentOrganization', 'Varnholt Police', { mentions: [mention('a1', TEXT_1, 'Varnholt Police'), mention('a2', TEXT_2, 'Varnholt Police')] });
  const tarsk = entity(TARSK, 'City', 'Tarsk', { geonamesId: 4242, lat: 12.5, lon: -3.25, mentions: [mention('a1', TEXT_1, 'Tarsk', 1)] });
  const named = entity(NAMED, 'Event', 'Tarsk bombing', { mentions: [] });
  const bomb = TEXT_1.indexOf('bomb');
  const unnamedEvent: ResolvedEvent = {
    ...emptyEvent(UNNAMED, 'attack, 2021-03-15', 'attack', false),
    mentions: [{ start: bomb, end: bomb + 4, text: 'bomb', sentenceIndex: 1 }],
    places: [{ iri: TARSK, evidence: evidence('a1', TEXT_1, s2, 'went off in Tarsk', 'event in place') }],
    times: [{ earliest: '2021-03-15', latest: '2021-03-15', text: 'Monday', evidence: evidence('a1', TEXT_1, s1, 'on Monday', 'nearest time expression', 0.5) }],
    killed: [{ value: 3, atLeast: true, evidence: evidence('a1', TEXT_1, s2, 'A bomb', 'count', 0.5) }],
  };
  const namedEvent: ResolvedEvent = { ...emptyEvent(NAMED, 'Tarsk bombing', 'bombing', true), sameAs: `${BASE}event/key-123` };
  const a1: ResolvedArticle = {
    article: { id: 'a1', text: TEXT_1, origin: '<a1>', title: 'Warning in Varnholt', published: '2021-03-16', url: 'https://news.example/a1?x=1&y=2' },
    sentences: [
      { start: 0, end: s1.length },
      { start: TEXT_1.indexOf(s2), end: TEXT_1.length },
    ],
    entities: [alba, police, tarsk].map((e) => only(e, 'a1')),
    coMentions: [{ a: ALBA, b: TARSK, articleId: 'a1', sentenceIndex: 0, sentenceText: s1, start: 0, end: s1.length }],
    relations: [{ family: 'warn', subject: ALBA, object: POLICE, evidence: warn1 }],
    events: [unnamedEvent, namedEvent],
    sources: [],
    posts: [],
  };
  const a2: ResolvedArticle = {
    article: { id: 'a2', text: TEXT_2, origin: '<a2>', published: '2021-03-17T10:00:00Z' },
    sentences: [{ start: 0, end: TEXT_2.length }],
    entities: [alba, police].map((e) => only(e, 'a2')),
    coMentions: [],
    relations: [{ family: 'warn', subject: ALBA, object: POLICE, role: 'mayor', evidence: warn2 }],
    events: [],
    sources: [],
    posts: [],
  };
  return { resolved: [a1, a2], entities: [alba, police, tarsk, named].map(node) };
}

const { resolved, entities } = fixture();
const quads = buildQuads(resolved, entities, BASE);
const store = new Store(quads);
const G1 = articleIri(BASE, 'a1').value;
const G2 = articleIri(BASE, 'a2').value;
/** Quads in graph `g`: null for any graph, DEFAULT for the default graph. */
const DEFAULT = '';
const inGraph = (g: string | null, s: string | null, p: string | null, o: string | null = null) => store.getQuads(s, p, o, g === DEFAULT ? DataFactory.defaultGraph() : g);
const objects = (s: string, p: string, g: string | null = null) => inGraph(g, s, p).map((q) => q.object.value).sort();
/** The statements of one fact (subject, predicate, object), in any graph. */
const statementsOf = (s: string, p: string, o: string) =>
  store.getSubjects(`${PREFIXES.rdf}subject`, s, null).filter((st) => store.getQuads(st, `${PREFIXES.rdf}predicate`, p, null).length > 0 && store.getQuads(st, `${PREFIXES.rdf}object`, o, null).length > 0);

describe('entities', () => {
  // Each class is typed with itself and the classes above it; 'Other' names no entity and gets no class.
  test.each<[EntityClass, string[]]>([
    ['Person', ['Person']],
    ['Organization', ['Organization']],
    ['GovernmentOrganization', ['GovernmentOrganization', 'Organization']],
    ['NewsMediaOrganization', ['NewsMediaOrganization', 'Organization']],
    ['ArmedGroup', ['ArmedGroup', 'Organization']],
    ['Company', ['Company', 'Organization']],
    ['Place', ['Place']],
    ['Country', ['Country', 'Place']],
    ['Region', ['Place', 'Region']],
    ['City', ['City', 'Place']],
    ['Event', ['Event']],
    ['Other', []],
  ])('an entity of class %s is typed %j', (cls, expected) => {
    const iri = `${BASE}x/${cls.toLowerCase()}`;
    const qs = buildQuads([], [node(entity(iri, cls, 'Zorvan'))], BASE, []);
    expect(qs.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.object.value.slice(NKG.length)).sort()).toEqual(expected);
  });

  test('labels: one skos:prefLabel (a sub-property of rdfs:label, so no rdfs:label beside it) and one skos:altLabel per alias, in English, all in the default graph', () => {
    expect(inGraph(DEFAULT, ALBA, `${PREFIXES.rdfs}label`)).toEqual([]);
    const pref = inGraph(DEFAULT, ALBA, `${PREFIXES.skos}prefLabel`);
    expect(pref.map((q) => [q.object.value, (q.object as { language: string }).language])).toEqual([['Alba Quennell', 'en']]);
    const alt = inGraph(DEFAULT, ALBA, `${PREFIXES.skos}altLabel`);
    expect(alt.map((q) => [q.object.value, (q.object as { language: string }).language]).sort()).toEqual([['Mayor Quennell', 'en'], ['Quennell', 'en']]);
  });

  test('an entity is derived from each article that mentions it, once each', () => {
    expect(objects(ALBA, `${PREFIXES.prov}wasDerivedFrom`)).toEqual([G1, G2]);
    expect(objects(TARSK, `${PREFIXES.prov}wasDerivedFrom`)).toEqual([G1]);
  });

  test('a place with a GeoNames id and coordinates is linked and located', () => {
    expect(objects(TARSK, `${PREFIXES.owl}sameAs`)).toEqual(['https://sws.geonames.org/4242/']);
    const lat = inGraph(DEFAULT, TARSK, `${PREFIXES.geo}lat`)[0].object as { value: string; datatype: { value: string } };
    expect([lat.value, lat.datatype.value]).toEqual(['12.5', `${XSD}decimal`]);
    expect(objects(TARSK, `${PREFIXES.geo}long`)).toEqual(['-3.25']);
  });

  test("each mention is in its article graph: its IRI is the article's with the offsets as fragment, and it points to its entity only", () => {
    const mentions = store.getSubjects(`${NKG}refersTo`, ALBA, G1);
    expect(mentions.map((m) => m.value)).toEqual([`${G1}#char=6,19`]);
    const m = mentions[0].value;
    const [, begin, end] = /#char=(\d+),(\d+)$/.exec(m)!.map(Number);
    expect(objects(G1, 'https://schema.org/articleBody', G1)[0].slice(begin, end)).toBe('Alba Quennell');
    expect(store.getQuads(m, null, null, null).map((q) => q.predicate.value)).toEqual([`${NKG}refersTo`]);
  });

  test("the article's text is in its graph once, as schema:articleBody, and every offset counts into it", () => {
    expect(objects(G1, 'https://schema.org/articleBody', G1)).toEqual([TEXT_1]);
    expect(store.getQuads(null, 'https://schema.org/articleBody', null, null)).toHaveLength(2);
  });

  test("a sentence is a node of its article's graph with its offsets and its text, written once however much points to it", () => {
    const sentence = `${BASE}sentence/a1/0`;
    expect(objects(sentence, `${NKG}inArticle`, G1)).toEqual([G1]);
    const [begin, end] = [objects(sentence, `${NKG}beginIndex`, G1), objects(sentence, `${NKG}endIndex`, G1)].map((v) => Number(v[0]));
    expect(objects(sentence, `${NKG}anchorOf`, G1)).toEqual([TEXT_1.slice(begin, end)]);
    expect(TEXT_1.slice(begin, end)).toBe('Mayor Alba Quennell warned the Varnholt Police on Monday.');
    expect(store.getQuads(null, `${NKG}anchorOf`, null, null).filter((q) => q.object.value === TEXT_1.slice(begin, end))).toHaveLength(1);
    // The statements of that sentence all point to it; mentions do not (their offsets place them).
    const pointing = store.getSubjects(`${NKG}sentence`, sentence, G1);
    expect(pointing.length).toBeGreaterThanOrEqual(2);
    expect(pointing.every((s) => s.value.startsWith(`${BASE}statement/`))).toBe(true);
  });

  test('a sentence that only names things is no node: its mentions stay, with their offsets', () => {
    const a2 = resolved.find((r) => r.article.id === 'a2')!;
    const mentionsOnly = new Store(buildQuads([{ ...a2, relations: [] }], entities, BASE, []));
    expect(mentionsOnly.getQuads(null, `${NKG}anchorOf`, null, null)).toEqual([]);
    expect(mentionsOnly.getQuads(null, `${NKG}sentence`, null, null)).toEqual([]);
    expect(mentionsOnly.getSubjects(`${NKG}refersTo`, ALBA, G2).map((m) => m.value)).toEqual([`${G2}#char=0,13`]);
  });
});

describe('relations', () => {
  const WARNED = `${NKG}warned`;

  test('the direct triple is in the default graph once, though two articles state it', () => {
    expect(store.getQuads(ALBA, WARNED, POLICE, null).map((q) => q.graph.termType)).toEqual(['DefaultGraph']);
  });

  test("each article's statement is in that article's graph, with the sentence, the fact's offsets, confidence and rule", () => {
    const sts = store.getSubjects(`${PREFIXES.rdf}predicate`, WARNED, null);
    expect(sts).toHaveLength(2);
    const st1 = sts.find((s) => store.getQuads(s, null, null, G1).length > 0)!.value;
    const v = (p: string) => objects(st1, p, G1);
    expect(v(RDF_TYPE)).toEqual([`${NKG}Statement`]);
    expect([v(`${PREFIXES.rdf}subject`), v(`${PREFIXES.rdf}object`)]).toEqual([[ALBA], [POLICE]]);
    expect(v(`${NKG}sentence`)).toEqual([`${BASE}sentence/a1/0`]);
    expect(objects(`${BASE}sentence/a1/0`, `${NKG}anchorOf`, G1)).toEqual(['Mayor Alba Quennell warned the Varnholt Police on Monday.']);
    const [from, to] = [Number(v(`${NKG}beginIndex`)[0]), Number(v(`${NKG}endIndex`)[0])];
    expect(TEXT_1.slice(from, to)).toBe('Alba Quennell warned the Varnholt Police');
    // Confidence rounded to three decimals, as xsd:decimal.
    expect(v(`${NKG}confidence`)).toEqual(['0.712']);
    expect(v(`${NKG}extractedBy`)).toEqual(['subject + "warned" + object']);
    expect(v(`${NKG}role`)).toEqual([]);
    // The second article's statement carries its role.
    const st2 = sts.find((s) => s.value !== st1)!.value;
    expect(objects(st2, `${NKG}role`, G2)).toEqual(['mayor']);
    expect(objects(st2, `${NKG}sentence`, G2)).toEqual([`${BASE}sentence/a2/0`]);
  });

  test('no triple occurs twice, in any graph or across graphs', () => {
    const triples = quads.map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`);
    expect(new Set(triples).size).toBe(triples.length);
    expect(quads.length).toBeGreaterThan(50);
  });

  test('a co-mention is no fact: neither a triple nor a statement in the RDF (graph.json counts it)', () => {
    expect(store.getQuads(null, `${NKG}coMentionedWith`, null, null)).toEqual([]);
    expect(store.getSubjects(`${PREFIXES.rdf}predicate`, `${NKG}coMentionedWith`, null)).toEqual([]);
  });
});

describe('events', () => {
  test('an unnamed event is described here: nkg:Event and its type class, labels, the article it comes from', () => {
    // The ACE type above the kind comes with it, so a query for every conflict needs no reasoner.
    expect(objects(UNNAMED, RDF_TYPE, null)).toEqual([`${NKG}Attack`, `${NKG}ConflictEvent`, `${NKG}Event`]);
    expect(objects(UNNAMED, `${PREFIXES.skos}prefLabel`)).toEqual(['attack, 2021-03-15']);
    expect(objects(UNNAMED, `${PREFIXES.rdfs}label`)).toEqual([]);
    expect(objects(UNNAMED, `${PREFIXES.prov}wasDerivedFrom`)).toEqual([G1]);
  });

  test('a named event is an entity already: it gains its type class and sameAs, not a second label', () => {
    expect(objects(NAMED, RDF_TYPE)).toEqual([`${NKG}Bombing`, `${NKG}ConflictEvent`, `${NKG}Event`]);
    expect(objects(NAMED, `${PREFIXES.skos}prefLabel`)).toEqual(['Tarsk bombing']);
    expect(objects(NAMED, `${PREFIXES.owl}sameAs`)).toEqual([`${BASE}event/key-123`]);
  });

  test("an event's place, time and death count are direct triples with statements", () => {
    expect(objects(UNNAMED, `${PREFIXES.sem}hasPlace`, DEFAULT)).toEqual([TARSK]);
    expect(objects(UNNAMED, `${PREFIXES.sem}hasEarliestBeginTimeStamp`, DEFAULT)).toEqual(['2021-03-15']);
    const death = inGraph(DEFAULT, UNNAMED, `${NKG}deathCount`)[0].object as { value: string; datatype: { value: string } };
    expect([death.value, death.datatype.value]).toEqual(['3', `${XSD}integer`]);
    const [countSt] = store.getSubjects(`${PREFIXES.rdf}predicate`, `${NKG}deathCount`, G1);
    expect(objects(countSt.value, `${NKG}lowerBound`, G1)).toEqual(['true']);
    const [timeSt] = store.getSubjects(`${PREFIXES.rdf}predicate`, `${PREFIXES.sem}hasEarliestBeginTimeStamp`, G1);
    expect(objects(timeSt.value, `${NKG}timeExpression`, G1)).toEqual(['Monday']);
    // The trigger word is a mention of the event.
    expect(store.getSubjects(`${NKG}refersTo`, UNNAMED, G1).map((m) => m.value)).toEqual([`${G1}#char=60,64`]);
  });
});

describe('articles', () => {
  test('an article is a schema:NewsArticle in its own graph; a date is xsd:date, a timestamp xsd:dateTime, a URL xsd:anyURI', () => {
    expect(objects(G1, RDF_TYPE, G1)).toEqual(['https://schema.org/NewsArticle']);
    expect(objects(G1, 'https://schema.org/headline', G1)).toEqual(['Warning in Varnholt']);
    const date = (g: string) => (inGraph(g, g, 'https://schema.org/datePublished')[0].object as { datatype: { value: string } }).datatype.value;
    expect([date(G1), date(G2)]).toEqual([`${XSD}date`, `${XSD}dateTime`]);
    const url = inGraph(G1, G1, 'https://schema.org/url')[0].object as { value: string; datatype: { value: string } };
    expect([url.value, url.datatype.value]).toEqual(['https://news.example/a1?x=1&y=2', `${XSD}anyURI`]);
    expect(objects(G2, 'https://schema.org/headline', G2)).toEqual([]);
  });
});

describe('isValidBase', () => {
  test.each([
    ['https://newskg.org/id/', true],
    ['https://example.org/kg#', true],
    ['urn:x-newskg:', false],
    ['urn:x-newskg/', true],
    ['https://example.org/kg', false],
    ['example.org/kg/', false],
    ['/relative/', false],
    ['', false],
    ['https://example.org/a b/', false],
    ['https://example.org/<x>/', false],
    ['https://example.org/"q"/', false],
    ['https://example.org/{x}/', false],
    ['https://example.org/a|b/', false],
    ['https://example.org/a\\b/', false],
    ['1http://example.org/', false],
  ])('%j → %s', (base, valid) => {
    expect(isValidBase(base)).toBe(valid);
  });
});

describe('facts the article does not assert', () => {
  test('a negated relation is a statement marked with its factuality, with no direct triple', () => {
    const { resolved: [a1], entities: ents } = fixture();
    const denied = { ...a1.relations[0], family: 'attack' as const, evidence: { ...a1.relations[0].evidence, factuality: 'negated' as const } };
    const s = new Store(buildQuads([{ ...a1, relations: [a1.relations[0], denied] }], ents, BASE));
    const attacked = `${NKG}attacked`;
    expect(s.getQuads(ALBA, attacked, POLICE, DataFactory.defaultGraph())).toHaveLength(0);
    const st = s.getSubjects(`${PREFIXES.rdf}predicate`, attacked, null);
    expect(st).toHaveLength(1);
    expect(s.getObjects(st[0], `${NKG}factuality`, null).map((o) => o.value)).toEqual(['negated']);
    // The asserted warning keeps its triple.
    expect(s.getQuads(ALBA, `${NKG}warned`, POLICE, DataFactory.defaultGraph())).toHaveLength(1);
  });
});
