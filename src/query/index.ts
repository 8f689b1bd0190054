/** The query stage: the KnowledgeGraph API and SPARQL over a built or loaded graph. */
export { KnowledgeGraph, QUERY_PREFIXES, userPosition, withPrefixes, type EntityInfo, type EventInfo, type RelationEvidence, type RelationInfo, type SparqlResult, type TermValue } from './knowledge-graph.js';
export { NotFoundError, QueryError } from '../errors.js';
export { queryForm, type QueryForm } from './sparql-text.js';
export { SparqlEndpoint } from './remote.js';
export { ArticleReader, articleSpans, articleView } from './articles.js';
