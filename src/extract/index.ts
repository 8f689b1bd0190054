/** The extract stage: typed entity mentions (and, later, relations and events) from a Doc. */
export { CLASS_OF, typeMentions, type EntityClass, type FineType, type PlaceLookup, type TypedMention } from './typing.js';
export { evaluateGum, namedPart, type GumReport, type Score } from './evaluate.js';
