/** The RDF vocabulary: every term declared by the ontology, every family, role and event type mapped once, the maps inverted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import { describe, expect, test } from 'vitest';
import {
  CO_MENTION_FAMILY,
  CO_MENTION_PREDICATE,
  DEFAULT_BASE,
  EDGE_FAMILY_OF_PREDICATE,
  ENTITY_CLASS_TERMS,
  EVENT_CATEGORY_CLASS,
  EVENT_CLASS,
  EVENT_ROLE_PROPERTY,
  EVENT_TYPE_OF_CLASS,
  NKG,
  PREFIXES,
  RELATION_PROPERTY,
  SEM,
  geonames,
  localName,
} from '../../src/rdf/vocab.js';
import { isValidBase } from '../../src/rdf/quads.js';
import { EVENT_ROLES, EVENT_TYPES, RELATION_FAMILIES, type EntityClass } from '../../src/types.js';

const root = new URL('../../', import.meta.url).pathname;
const ontology = new Store(new Parser({ format: 'text/turtle' }).parse(readFileSync(join(root, 'ontology', 'newskg.ttl'), 'utf8')));
const RDF_TYPE = `${PREFIXES.rdf}type`;
const OWL = PREFIXES.owl;
const typesOf = (iri: string) => ontology.getObjects(iri, RDF_TYPE, null).map((o) => o.value);
const superClassesOf = (iri: string) => ontology.getObjects(iri, `${PREFIXES.rdfs}subClassOf`, null).map((o) => o.value);

describe('the ontology declares every term', () => {
  const terms = Object.entries(NKG);

  test('there are NKG terms, each in the nkg namespace under its own name', () => {
    expect(terms.length).toBeGreaterThan(75);
    for (const [name, term] of terms) expect(term.value).toBe(`${PREFIXES.nkg}${name}`);
  });

  test.each(terms.map(([name, term]) => [name, term.value]))('nkg:%s is declared as a class or a property with a label', (_name, iri) => {
    const declared = typesOf(iri).filter((t) => [`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`].includes(t));
    expect(declared, `${iri} has no owl:Class / owl:…Property declaration`).toHaveLength(1);
    expect(ontology.getObjects(iri, `${PREFIXES.rdfs}label`, null).length).toBeGreaterThan(0);
  });

  test('classes start upper-case, properties lower-case', () => {
    for (const [name, term] of terms) expect(typesOf(term.value).includes(`${OWL}Class`), name).toBe(/^[A-Z]/.test(name));
  });

  test.each(Object.entries(EVENT_CLASS))('the class of %s events is a subclass of nkg:Event', (_type, cls) => {
    expect(typesOf(cls.value)).toContain(`${OWL}Class`);
    expect(superClassesOf(cls.value)).toContain(NKG.Event.value);
  });

  test.each(Object.entries(RELATION_PROPERTY))('the property of %s is an object property', (_family, p) => {
    expect(typesOf(p.value)).toEqual([`${OWL}ObjectProperty`]);
  });
});

describe('the mappings cover the types of src/types.ts', () => {
  test('RELATION_PROPERTY has one distinct property per RelationFamily', () => {
    expect(Object.keys(RELATION_PROPERTY).sort()).toEqual([...RELATION_FAMILIES].sort());
    expect(new Set(Object.values(RELATION_PROPERTY).map((p) => p.value)).size).toBe(RELATION_FAMILIES.length);
  });

  test('EVENT_ROLE_PROPERTY has one distinct property per EventRole', () => {
    expect(Object.keys(EVENT_ROLE_PROPERTY).sort()).toEqual([...EVENT_ROLES].sort());
    expect(Object.fromEntries(Object.entries(EVENT_ROLE_PROPERTY).map(([r, p]) => [r, p.value]))).toEqual({
      place: SEM.hasPlace.value,
      actor: SEM.hasActor.value,
      target: NKG.hasTarget.value,
      recipient: NKG.hasRecipient.value,
      destination: NKG.hasDestination.value,
      origin: NKG.hasOrigin.value,
      topic: NKG.hasTopic.value,
    });
  });

  test('EVENT_CLASS has one distinct class per EventType, and every ACE type its class', () => {
    expect(new Set(Object.values(EVENT_CLASS).map((c) => c.value)).size).toBe(EVENT_TYPES.length);
    expect(EVENT_CLASS['transfer-ownership'].value).toBe(`${PREFIXES.nkg}TransferOwnership`);
    expect(EVENT_CLASS.statement.value).toBe(`${PREFIXES.nkg}PublicStatement`);
    expect(Object.values(EVENT_CATEGORY_CLASS).map((c) => c.value)).toContain(`${PREFIXES.nkg}JusticeEvent`);
  });

  test('EVENT_CLASS has one distinct class per EventType', () => {
    expect(Object.keys(EVENT_CLASS).sort()).toEqual([...EVENT_TYPES].sort());
    expect(new Set(Object.values(EVENT_CLASS).map((c) => c.value)).size).toBe(EVENT_TYPES.length);
  });

  test.each<[string, string]>([
    ['warn', 'warned'],
    ['say', 'spokeTo'],
    ['located', 'locatedIn'],
    ['member', 'memberOf'],
    ['train', 'trainedIn'],
    ['suspect', 'suspectIn'],
  ])('the %s family is written nkg:%s', (family, local) => {
    expect(RELATION_PROPERTY[family as keyof typeof RELATION_PROPERTY].value).toBe(`${PREFIXES.nkg}${local}`);
  });

  test.each<[string, string]>([
    ['attack', 'Attack'],
    ['military-strike', 'MilitaryStrike'],
    ['manhunt', 'Manhunt'],
  ])('%s events are nkg:%s', (type, local) => {
    expect(EVENT_CLASS[type as keyof typeof EVENT_CLASS].value).toBe(`${PREFIXES.nkg}${local}`);
  });

  test.each<[EntityClass, string[]]>([
    ['Person', ['Person']],
    ['Company', ['Organization', 'Company']],
    ['Country', ['Place', 'Country']],
    ['Other', []],
  ])('an entity of class %s is typed %j', (cls, locals) => {
    expect(ENTITY_CLASS_TERMS[cls].map((t) => localName(t.value))).toEqual(locals);
  });

  test('every entity class but Other is typed with its own class, declared by the ontology', () => {
    for (const [cls, ts] of Object.entries(ENTITY_CLASS_TERMS)) {
      if (cls === 'Other') continue;
      expect(ts.map((t) => t.value), cls).toContain(`${PREFIXES.nkg}${cls}`);
      for (const t of ts) expect(typesOf(t.value), t.value).toContain(`${OWL}Class`);
    }
  });
});

describe('the inverse maps', () => {
  test('EDGE_FAMILY_OF_PREDICATE gives back every relation family and event role, and nothing else', () => {
    for (const [family, p] of Object.entries(RELATION_PROPERTY)) expect(EDGE_FAMILY_OF_PREDICATE.get(localName(p.value))).toBe(family);
    for (const [role, p] of Object.entries(EVENT_ROLE_PROPERTY)) expect(EDGE_FAMILY_OF_PREDICATE.get(localName(p.value))).toBe(role);
    expect(EDGE_FAMILY_OF_PREDICATE.size).toBe(RELATION_FAMILIES.length + EVENT_ROLES.length);
    expect(EDGE_FAMILY_OF_PREDICATE.get('hasPlace')).toBe('place');
    expect(EDGE_FAMILY_OF_PREDICATE.get('coMentionedWith')).toBeUndefined();
  });

  test('EVENT_TYPE_OF_CLASS gives back every event type by its class name', () => {
    for (const [type, c] of Object.entries(EVENT_CLASS)) expect(EVENT_TYPE_OF_CLASS.get(localName(c.value))).toBe(type);
    expect(EVENT_TYPE_OF_CLASS.size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPE_OF_CLASS.get('MilitaryStrike')).toBe('military-strike');
    expect(EVENT_TYPE_OF_CLASS.get('Event')).toBeUndefined();
  });

  test('the co-mention edge: family "co-mention", predicate coMentionedWith', () => {
    expect([CO_MENTION_FAMILY, CO_MENTION_PREDICATE]).toEqual(['co-mention', 'coMentionedWith']);
  });
});

describe('localName and the other helpers', () => {
  test.each([
    ['https://newskg.org/ontology#warned', 'warned'],
    ['http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace', 'hasPlace'],
    ['https://schema.org/NewsArticle', 'NewsArticle'],
    ['warned', 'warned'],
    ['https://example.org/a#b/c', 'c'],
    ['https://example.org/a/b#c', 'c'],
    ['https://example.org/', ''],
  ])('localName(%j) is %j', (iri, local) => {
    expect(localName(iri)).toBe(local);
  });

  test('GeoNames IRIs, and a default base that is a valid base', () => {
    expect(geonames(2988507).value).toBe('https://sws.geonames.org/2988507/');
    expect(isValidBase(DEFAULT_BASE)).toBe(true);
  });

  test('each prefix is an absolute namespace ending in / or #', () => {
    for (const [p, iri] of Object.entries(PREFIXES)) expect(iri, p).toMatch(/^https?:\/\/[^\s]+[/#]$/);
  });
});
