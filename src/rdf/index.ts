/** The rdf stage: resolved entities and articles → quads → Turtle, TriG, N-Triples, JSON-LD. */
export { buildQuads, articleIri, isValidBase } from './quads.js';
export { toJsonLd, toNTriples, toTriG, toTurtle, writeJsonLd, writeNTriples, writeTriG, writeTurtle, type TextSink } from './serialize.js';
export { DEFAULT_BASE, EVENT_CLASS, PREFIXES } from './vocab.js';
