/** The query stage: the KnowledgeGraph API and SPARQL over a built or loaded graph. */
export { KnowledgeGraph, NotFoundError, QueryError, QUERY_PREFIXES, userPosition, withPrefixes, type EntityInfo, type EventInfo, type Evidence, type RelationInfo, type SparqlResult, type TermValue } from './knowledge-graph.js';
export { queryForm, type QueryForm } from './sparql-text.js';
