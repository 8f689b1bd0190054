/** The nlp stage: text → Doc (tokens, sentences, POS, chunks, named-entity mentions, lemmas, dependency trees). */
export { analyze, loadModel, loadParser, MAX_TEXT_LENGTH, type AnalyzeOptions, type LoadedModel, type LoadedParser } from './pipeline.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { evaluateConll, type EvalReport } from './evaluate.js';
export { buildModel, type BuildModelOptions } from './build-model.js';
export { buildParser, type BuildParserOptions } from './build-parser.js';
export { defaultModelPath, defaultParserModelPath, defaultRelationModelPath, readLinearModelFile, writeLinearModelFile } from './model-file.js';
export { LinearModel, PerceptronTrainer } from './linear.js';
export { hashString, mulberry32 } from './hash.js';
export { formatConllevalReport } from './conlleval.js';
export { parseConllu, readConlluFile, type ConlluSentence } from './conllu.js';
export { formatUdReport, scoreUd, toConllu, type UdScores } from './evaluate-ud.js';
export { analyzeWords, docToConllu, evaluateUd, type UdReport } from './ud.js';
