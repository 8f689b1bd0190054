/**
 * Every IRI the RDF output uses lives here, as typed constants: the namespaces, each term of the
 * ontology (ontology/newskg.ttl declares them all), the class of each entity class and event type,
 * and the property of each relation family and event role. The graph and query stages read
 * predicates through this module too, so the mapping exists once.
 */
import { DataFactory, type NamedNode } from 'n3';
import { classLineage, EVENT_CATEGORIES, EVENT_TYPES, PARENT_CLASS, type EntityClass, type EventCategory, type EventRole, type EventType, type RelationFamily } from '../types.js';

const { namedNode } = DataFactory;

export const PREFIXES = {
  nkg: 'https://newskg.org/ontology#',
  schema: 'https://schema.org/',
  sem: 'http://semanticweb.cs.vu.nl/2009/11/sem/',
  prov: 'http://www.w3.org/ns/prov#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
} as const;

/** The terms of one namespace, each created once (the build uses the same few hundred thousand times). */
function terms<const L extends string>(namespace: string, locals: readonly L[]): Readonly<Record<L, NamedNode>> {
  return Object.fromEntries(locals.map((l) => [l, namedNode(namespace + l)])) as Record<L, NamedNode>;
}

export const NKG = terms(PREFIXES.nkg, [
  // classes
  'Person', 'Organization', 'GovernmentOrganization', 'Court', 'NewsMediaOrganization', 'ArmedGroup', 'Company',
  'PoliticalParty', 'SportsTeam', 'EducationalOrganization', 'Place', 'Country', 'Region', 'City', 'Landform', 'Facility',
  'Event', 'CreativeWork', 'Movie', 'TVSeries', 'MusicAlbum', 'MusicRecording', 'Book', 'VideoGame', 'Product', 'Legislation', 'Mention', 'Sentence', 'Statement', 'SocialMediaPosting',
  'Attack', 'Bombing', 'Shooting', 'Stabbing', 'Killing', 'Death', 'Arrest', 'Warrant', 'Charge', 'Trial', 'Election',
  'Protest', 'Fire', 'Explosion', 'Collapse', 'Disaster', 'Resignation', 'MilitaryStrike', 'Warning', 'Meeting', 'Raid', 'Manhunt',
  'Birth', 'Marriage', 'Divorce', 'Injury', 'Transport', 'TransferOwnership', 'TransferMoney', 'StartOrg', 'MergeOrg', 'Bankruptcy',
  'EndOrg', 'Communication', 'StartPosition', 'EndPosition', 'Nomination', 'Release', 'Lawsuit', 'Conviction', 'Sentencing', 'Fine',
  'Execution', 'Extradition', 'Acquittal', 'Appeal', 'Pardon', 'PublicStatement', 'CompetitionResult', 'FinancialResult', 'Agreement',
  'Investment', 'Occurrence',
  // the ACE 2005 event types above the subtypes, and news's own
  'LifeEvent', 'MovementEvent', 'TransactionEvent', 'BusinessEvent', 'ConflictEvent', 'ContactEvent', 'PersonnelEvent', 'JusticeEvent',
  'CommunicationEvent', 'OutcomeEvent',
  // relations between entities
  'warned', 'ordered', 'trainedIn', 'attacked', 'killed', 'arrested', 'accused', 'charged', 'leads', 'memberOf',
  'locatedIn', 'suspectIn', 'linkedTo', 'met', 'spokeTo', 'succeeded', 'supports', 'opposes', 'worksFor', 'livesIn', 'relativeOf', 'owns', 'coMentionedWith',
  // entities, places, events
  'handle', 'countryCode', 'country', 'containedInPlace', 'hasTarget', 'deathCount', 'injuryCount',
  'hasRecipient', 'hasDestination', 'hasOrigin', 'hasTopic', 'predicateLemma', 'amount', 'reportedBy',
  // articles, mentions, statements, posts
  'datePublishedInferred', 'sourceName', 'citesSource', 'refersTo', 'inArticle', 'anchorOf', 'beginIndex', 'endIndex',
  'sentence', 'confidence', 'extractedBy', 'role', 'timeExpression',
  'lowerBound', 'authorName', 'hashtag', 'linkedBy', 'factuality',
]);
export const SEM = terms(PREFIXES.sem, ['hasPlace', 'hasActor', 'hasEarliestBeginTimeStamp', 'hasLatestEndTimeStamp']);
export const SCHEMA = terms(PREFIXES.schema, ['NewsArticle', 'headline', 'articleBody', 'datePublished', 'url', 'isPartOf', 'text', 'author', 'mentions']);
export const PROV = terms(PREFIXES.prov, ['wasDerivedFrom']);
export const SKOS = terms(PREFIXES.skos, ['prefLabel', 'altLabel']);
export const GEO = terms(PREFIXES.geo, ['lat', 'long']);
export const RDF = terms(PREFIXES.rdf, ['type', 'subject', 'predicate', 'object']);
export const RDFS = terms(PREFIXES.rdfs, ['label']);
export const OWL = terms(PREFIXES.owl, ['sameAs']);
export const XSD = terms(PREFIXES.xsd, ['string', 'integer', 'decimal', 'boolean', 'date', 'dateTime', 'anyURI']);

/** GeoNames feature IRIs. */
export const geonames = (id: number) => namedNode(`https://sws.geonames.org/${id}/`);

/** Default base for minted data IRIs; `newskg build --base` replaces it. */
export const DEFAULT_BASE = 'https://newskg.org/id/';

/** The classes an entity of each class is typed with (its class and the classes above it). */
export const ENTITY_CLASS_TERMS: Readonly<Record<EntityClass, readonly NamedNode[]>> = Object.fromEntries(
  (Object.keys(PARENT_CLASS) as EntityClass[]).map((c) => [c, c === 'Other' ? [] : classLineage(c).map((k) => NKG[k as Exclude<EntityClass, 'Other'>])]),
) as unknown as Record<EntityClass, readonly NamedNode[]>;

/** The class of each event type (a subclass of nkg:Event): its name in PascalCase ("military-strike" → nkg:MilitaryStrike). */
export const EVENT_CLASS: Readonly<Record<EventType, NamedNode>> = Object.fromEntries(
  EVENT_TYPES.map((t) => [t, NKG[(t === 'statement' ? 'PublicStatement' : t.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')) as keyof typeof NKG]]),
) as Record<EventType, NamedNode>;

/** The class of each ACE event type, above its subtypes (Conflict → nkg:ConflictEvent). */
export const EVENT_CATEGORY_CLASS: Readonly<Record<EventCategory, NamedNode>> = Object.fromEntries(EVENT_CATEGORIES.map((c) => [c, NKG[`${c}Event` as keyof typeof NKG]])) as Record<EventCategory, NamedNode>;

/** The property each relation family is written with. */
export const RELATION_PROPERTY: Readonly<Record<RelationFamily, NamedNode>> = {
  warn: NKG.warned,
  order: NKG.ordered,
  train: NKG.trainedIn,
  attack: NKG.attacked,
  kill: NKG.killed,
  arrest: NKG.arrested,
  accuse: NKG.accused,
  charge: NKG.charged,
  lead: NKG.leads,
  member: NKG.memberOf,
  located: NKG.locatedIn,
  suspect: NKG.suspectIn,
  link: NKG.linkedTo,
  meet: NKG.met,
  say: NKG.spokeTo,
  succeed: NKG.succeeded,
  work: NKG.worksFor,
  live: NKG.livesIn,
  family: NKG.relativeOf,
  own: NKG.owns,
  support: NKG.supports,
  oppose: NKG.opposes,
};

/** The property that links an event to the participant in each role. */
export const EVENT_ROLE_PROPERTY: Readonly<Record<EventRole, NamedNode>> = {
  place: SEM.hasPlace,
  actor: SEM.hasActor,
  target: NKG.hasTarget,
  recipient: NKG.hasRecipient,
  destination: NKG.hasDestination,
  origin: NKG.hasOrigin,
  topic: NKG.hasTopic,
};

/** The local name of an IRI ("warned" of nkg:warned): how graph.json and the query API name predicates. */
export const localName = (iri: string): string => iri.replace(/^.*[#/]/, '');

/** What graph.json calls the weak same-sentence edge, as family and predicate. */
export const CO_MENTION_FAMILY = 'co-mention';
export const CO_MENTION_PREDICATE = localName(NKG.coMentionedWith.value);

/** The relation family or event role of each predicate the graph draws as an edge, by local name. */
export const EDGE_FAMILY_OF_PREDICATE: ReadonlyMap<string, RelationFamily | EventRole> = new Map<string, RelationFamily | EventRole>([
  ...Object.entries(RELATION_PROPERTY).map(([family, p]): [string, RelationFamily] => [localName(p.value), family as RelationFamily]),
  ...Object.entries(EVENT_ROLE_PROPERTY).map(([role, p]): [string, EventRole] => [localName(p.value), role as EventRole]),
]);

/** The event type of each event class, by local name ("Attack" → attack). */
export const EVENT_TYPE_OF_CLASS: ReadonlyMap<string, EventType> = new Map(Object.entries(EVENT_CLASS).map(([t, c]) => [localName(c.value), t as EventType]));
