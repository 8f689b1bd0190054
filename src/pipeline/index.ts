/** The pipeline: the build (stages in order on worker threads, atomic outputs), and the evaluators that run articles through it. */
export { DEFAULT_FORMATS, DEFAULT_MAX_ARTICLE_BYTES, FORMATS, build, type BuildOptions, type BuildResult, type OutputFormat } from './build.js';
export { ARTICLE_STORE, findStoredArticle } from './article-store.js';
export { places, processArticle } from './article.js';
export { processAll, processEach, stopWorkers, type ArticleOutcome, type PoolOptions } from './pool.js';
export { evaluateCoref, evaluateFacts, type CorefReport } from './evaluate.js';
export type { CorefScores } from '../resolve/index.js';
export { evaluateGum, evaluateRelations, factsFiles, loadRelationModel, prf, totalOf, trainRelationModel, writeRelationModel, type FactsReport, type GumReport, type RelationScore, type RelationsReport, type Score, type Tally } from '../extract/index.js';
export type { IngestProblem } from '../ingest/index.js';
export { DEFAULT_BASE } from '../rdf/index.js';
export { push, type PushOptions, type PushResult } from './push.js';
export { buildBounded, type BuildSummary } from './bounded-build.js';
