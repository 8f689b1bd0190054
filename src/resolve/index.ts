/** The resolve stage: typed mentions → entities with stable IRIs, merged inside and across articles. */
export { mergeEntities, resolveArticle, type CoMention, type Entity, type MentionRef, type ResolvedArticle } from './entities.js';
export { mintIri, normaliseName, slug } from './iri.js';
export { mergeEvents, unifyEvents, type EventNode, type Evidence, type ResolvedEvent, type ResolvedPost, type ResolvedRelation, type ResolvedSource } from './facts.js';
export type { EntityClass } from '../extract/index.js';
export { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion, type City, type Country, type Region } from './places.js';
