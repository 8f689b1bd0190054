/** The extract stage: typed entity mentions, events, relations, cited sources and embedded posts from a Doc. */
export { CLASS_OF, typeMentions, type EntityClass, type FineType, type PlaceLookup, type TypedMention } from './typing.js';
export { evaluateGum, namedPart, type GumReport, type Score } from './evaluate.js';
export { extractFacts, type Facts, type PostMentions } from './facts.js';
export type { ExtractedEvent, EventArgument, CountArgument, TimeArgument, FactEvidence } from './events.js';
export type { ExtractedRelation, SourceCitation } from './relations.js';
export type { SocialPost } from './posts.js';
export { RELATION_FAMILIES, RELATION_PROPERTY, EVENT_TYPES, VIOLENT, type RelationFamily, type EventType } from './lexicon.js';
export { findTimes, type TimeSpan } from './dates.js';
