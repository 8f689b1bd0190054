/** The extract stage: typed entity mentions, events, relations, cited sources and embedded posts from a Doc. */
export { typeMentions, type PlaceLookup } from './typing.js';
export { evaluateGum, gumDocuments, namedPart, readGumDocument, type GumMention, type GumReport, type Score } from './evaluate.js';
export { factsFiles, prf, readFactsFile, scoreFacts, totalOf, type FactsReport, type GoldFile, type SlotTally, type Tally } from './evaluate-facts.js';
export { extractFacts } from './facts.js';
export { VIOLENT, wordSet } from './lexicon.js';
export { findTimes, type TimeSpan } from './dates.js';
export { normaliseName } from './names.js';
export { loadRelationModel, writeRelationModel, type RelationModel } from './relation-model.js';
export { evaluateRelations, trainRelationModel, type RelationsReport, type RelationScore } from './train-relations.js';
export { spanHead } from './sentence-view.js';
