/**
 * `newskg train` (parser part): the dependency parser and the lemmatiser from the UD English
 * treebanks in ../shared/data/ud_english (EWT, and GUM's news, interview, bio and voyage
 * documents: the genres whose licences let a trained model ship), written as one model file.
 * The parser learns on the tags the shipped tagger gives, since those are what it reads later.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NewskgError } from '../errors.js';
import { readConlluFile, type ConlluSentence } from './conllu.js';
import { evaluateLemmas, trainLemmatizer } from './lemmatizer.js';
import { writeParserModelFile } from './model-file.js';
import { loadModel } from './pipeline.js';
import { DEFAULT_PARSER_SETTINGS, trainParser, withPredictedTags, type ParserTrainSettings } from './train-parser.js';

/** GUM documents a shipped model may learn from (see ud_english/SOURCE.md). */
export const SHIPPABLE_GUM = /^GUM_(news|interview|bio|voyage)_/;

export interface BuildParserOptions {
  /** Folder holding ud_english/ (default ../shared/data). */
  dataDir: string;
  out: string;
  /** The tagger whose tags the parser learns to read; default the shipped model. */
  taggerModel?: string;
  settings?: Partial<ParserTrainSettings>;
  log: (msg: string) => void;
}

export function udFiles(dataDir: string): { train: ConlluSentence[]; devEwt: ConlluSentence[]; devGum: ConlluSentence[] } {
  const dir = join(dataDir, 'ud_english');
  const file = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new NewskgError('nlp', `training data not found: ${path} (pass --data DIR)`);
    return readConlluFile(path);
  };
  const gum = file('en_gum-ud-train.conllu').filter((s) => SHIPPABLE_GUM.test(s.docId ?? ''));
  return { train: [...file('en_ewt-ud-train.conllu'), ...gum], devEwt: file('en_ewt-ud-dev.conllu'), devGum: file('en_gum-ud-dev.conllu') };
}

/** The shipped tagger's Penn tags for sentences of words. */
export function taggerTags(modelPath?: string): (words: string[][]) => string[][] {
  const { tagger } = loadModel(modelPath);
  const labels = tagger.models.pos.labels;
  return (words) => tagger.tagDocument(words).map((t) => Array.from(t.pos, (p) => labels[p]));
}

export function buildParser(opts: BuildParserOptions) {
  const { log } = opts;
  const t0 = performance.now();
  const { train, devEwt, devGum } = udFiles(opts.dataDir);
  const tag = taggerTags(opts.taggerModel);
  const settings = { ...DEFAULT_PARSER_SETTINGS, ...opts.settings };
  log(`parser: ${train.length} training sentences (${train.reduce((n, s) => n + s.words.length, 0)} words), dev: EWT ${devEwt.length}, GUM ${devGum.length}`);
  const trained = trainParser(withPredictedTags(train, tag), withPredictedTags(devEwt, tag), settings, log);
  const lemmatizer = trainLemmatizer(train);
  const lemmaDev = evaluateLemmas(lemmatizer, devEwt);
  log(`lemmatiser: EWT dev accuracy (gold tags) ${(100 * lemmaDev.accuracy).toFixed(2)}%`);
  const info: Record<string, unknown> = {
    trainingData: 'UD English EWT train (CC BY-SA 4.0) and the news, interview, bio and voyage documents of UD English GUM train (CC BY 2.5 / CC BY-SA); the treebanks are not distributed with newskg',
    settings,
    dev: trained.dev.at(-1),
    lemmaDevAccuracy: lemmaDev.accuracy,
    trainSeconds: Math.round((performance.now() - t0) / 1000),
  };
  const bytes = writeParserModelFile(opts.out, { ...trained.models, lemmas: lemmatizer.toBytes(), info });
  log(`wrote ${opts.out} (${(bytes / 1e6).toFixed(1)} MB) in ${info.trainSeconds} s`);
  return { trained, info, bytes };
}
