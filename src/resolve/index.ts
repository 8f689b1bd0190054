/** The resolve stage: typed mentions → entities with stable IRIs, merged inside and across articles. */
export { EntityIndex, mergeEntities, resolveArticle } from './entities.js';
export { byIri, mintIri, slug } from './iri.js';
export { normaliseName } from '../extract/index.js';
export { EventIndex, NamedEvents, mergeEvents, unifyEvents } from './facts.js';
export { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion, type City, type Country, type Region } from './places.js';
export { corefer, withCoreference } from './coreference.js';
export { CorefTally, type CorefScores, type Prf } from './coref-metrics.js';
