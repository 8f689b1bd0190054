/** The resolve stage: typed mentions → entities with stable IRIs, merged inside and across articles. */
export { mergeEntities, mintIri, normaliseName, resolveArticle, slug, type CoMention, type Entity, type MentionRef, type ResolvedArticle } from './entities.js';
export type { EntityClass } from '../extract/index.js';
export { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion, type City, type Country, type Region } from './places.js';
