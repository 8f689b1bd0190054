/** The rdf stage: resolved entities and articles → quads → Turtle, TriG, N-Triples, N-Quads, JSON-LD. */
export type { Quad } from 'n3';
export { RdfBuilder, buildQuads, articleIri, isValidBase } from './quads.js';
export { openQuadStream, toJsonLd, toNQuads, toNTriples, toTriG, toTurtle, writeJsonLd, writeNQuads, writeNTriples, writeTriG, writeTurtle, type QuadStream, type RdfFormat, type TextSink } from './serialize.js';
export {
  CO_MENTION_FAMILY,
  CO_MENTION_PREDICATE,
  DEFAULT_BASE,
  EDGE_FAMILY_OF_PREDICATE,
  ENTITY_CLASS_TERMS,
  EVENT_CLASS,
  EVENT_ROLE_PROPERTY,
  EVENT_TYPE_OF_CLASS,
  NKG,
  PREFIXES,
  RELATION_PROPERTY,
  localName,
} from './vocab.js';
export { StoreClient, type StoreCredentials, type StoreRequestOptions } from './store-http.js';
export { countTurtleTriples, graphsOfTriG } from './parse.js';
export { QUERY_INDEX_FILE, QueryIndex, openQueryIndex, type QueryIndexFooter } from './query-index.js';
