/** The pipeline: the build (stages in order on worker threads, atomic outputs), and the evaluators that run articles through it. */
export { FORMATS, build, type BuildOptions, type BuildResult, type OutputFormat } from './build.js';
export { places, processArticle } from './article.js';
export { processAll, stopWorkers, type ArticleOutcome, type PoolOptions } from './pool.js';
export { evaluateCoref, evaluateFacts, type CorefReport } from './evaluate.js';
export type { CorefScores } from '../resolve/index.js';
export { evaluateGum, factsFiles, prf, totalOf, type FactsReport, type GumReport, type Score, type Tally } from '../extract/index.js';
export type { IngestProblem } from '../ingest/index.js';
export { DEFAULT_BASE } from '../rdf/index.js';
