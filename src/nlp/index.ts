/** The nlp stage: text → Doc (tokens, sentences, POS, chunks, named-entity mentions). */
export { analyze, loadModel, MAX_TEXT_LENGTH, type AnalyzeOptions, type LoadedModel } from './pipeline.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { evaluateConll, type EvalReport } from './evaluate.js';
export { buildModel, type BuildModelOptions } from './build-model.js';
export { defaultModelPath } from './model-file.js';
export { formatConllevalReport } from './conlleval.js';
