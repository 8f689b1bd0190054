/**
 * `newskg train` (parser part): the dependency parser and the lemmatiser from the UD English
 * treebanks in ../shared/data/ud_english (EWT, and GUM's news, interview, bio and voyage
 * documents: the genres whose licences let a trained model ship), written as one model file.
 * The parser's own POS tagger learns from the treebanks' gold tags and CoNLL-2003's POS column
 * (news), over the tagger model's gazetteer and clusters; the parser learns on the tags it gives
 * (jackknifed on the treebank's training sentences), since those are what it reads later.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NewskgError } from '../errors.js';
import { readConllFile } from './conll.js';
import { readConlluFile, type ConlluSentence } from './conllu.js';
import type { LinearModel } from './linear.js';
import { evaluateLemmas, trainLemmatizer } from './lemmatizer.js';
import { writeParserModelFile } from './model-file.js';
import { loadModel } from './pipeline.js';
import { Tagger } from './tagger.js';
import { DEFAULT_TRAIN_SETTINGS, Trainer, pennOfConll, type PosSentence } from './train.js';
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

/** Penn tags for sentences of words from a parser POS model over the tagger model's resources (default: the tagger model's own POS). */
export function taggerTags(modelPath?: string, pos?: LinearModel): (words: string[][]) => string[][] {
  const { tagger } = loadModel(modelPath);
  const posTagger = pos ? new Tagger({ ...tagger.models, pos, extendedPos: true }) : tagger;
  const labels = posTagger.models.pos.labels;
  return (words) => posTagger.tagPosOnly(words).map((t) => Array.from(t, (p) => labels[p]));
}

const FOLDS = 4;
const PARSER_POS_MIN_COUNT = 3;

/** The parser's POS model on gold treebank tags and CoNLL-2003's POS column, and jackknifed tags for the treebank's training sentences. */
async function trainParserPos(dataDir: string, train: ConlluSentence[], dev: ConlluSentence[], taggerModel: string | undefined, log: (msg: string) => void) {
  const conllFile = join(dataDir, 'conll2003', 'train.txt');
  if (!existsSync(conllFile)) throw new NewskgError('nlp', `training data not found: ${conllFile} (pass --data DIR)`);
  const news: PosSentence[] = (await readConllFile(conllFile)).flatMap((d) => d.sentences.map((s) => ({ words: s.words, xpos: pennOfConll(s.pos ?? s.words.map(() => 'NN')) })));
  const { tagger } = loadModel(taggerModel);
  // Features seen fewer than three times are dropped: the POS rows hold a weight for every tag, and
  // the file stays under 30 MB.
  const trainer = new Trainer({ ...DEFAULT_TRAIN_SETTINGS, minCount: PARSER_POS_MIN_COUNT, extendedPos: true }, { gazetteer: tagger.models.gazetteer, clusters: tagger.models.clusters }, log);
  const gold = (ss: readonly PosSentence[]) => ss.map((s) => ({ words: [...s.words], xpos: [...s.xpos] }));
  const labels = [...new Set([...train.flatMap((s) => s.xpos), ...news.flatMap((s) => s.xpos)])].sort();
  const ids = new Map(labels.map((l, i) => [l, i]));
  const examples = (ss: readonly PosSentence[]) => ss.map((s, i) => ({ doc: i, words: [...s.words], pos: Int32Array.from(s.xpos, (p) => ids.get(p) ?? 0), chunk: new Int32Array(s.words.length), ner: new Int32Array(s.words.length) }));
  const treebank = gold(train);
  const jackknifed: string[][] = new Array(train.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = trainer.trainPos(labels, examples([...treebank.filter((_, i) => i % FOLDS !== f), ...news]), null, `parser pos fold ${f + 1}/${FOLDS}`);
    const tag = taggerTags(taggerModel, model);
    const held = train.flatMap((s, i) => (i % FOLDS === f ? [i] : []));
    const tags = tag(held.map((i) => train[i].words));
    held.forEach((i, k) => (jackknifed[i] = tags[k]));
  }
  const pos = trainer.trainPos(labels, examples([...treebank, ...news]), examples(gold(dev)), 'parser pos');
  return { pos, jackknifed };
}

export async function buildParser(opts: BuildParserOptions) {
  const { log } = opts;
  const t0 = performance.now();
  const { train, devEwt, devGum } = udFiles(opts.dataDir);
  const { pos, jackknifed } = await trainParserPos(opts.dataDir, train, devEwt, opts.taggerModel, log);
  const tag = taggerTags(opts.taggerModel, pos);
  const settings = { ...DEFAULT_PARSER_SETTINGS, ...opts.settings };
  log(`parser: ${train.length} training sentences (${train.reduce((n, s) => n + s.words.length, 0)} words), dev: EWT ${devEwt.length}, GUM ${devGum.length}`);
  const trainSet = train.map((s, i) => ({ words: s.words, pos: jackknifed[i], heads: s.heads, deprels: s.deprels }));
  const trained = trainParser(trainSet, withPredictedTags(devEwt, tag), settings, log);
  const lemmatizer = trainLemmatizer(train);
  const lemmaDev = evaluateLemmas(lemmatizer, devEwt);
  log(`lemmatiser: EWT dev accuracy (gold tags) ${(100 * lemmaDev.accuracy).toFixed(2)}%`);
  const info: Record<string, unknown> = {
    trainingData: 'UD English EWT train (CC BY-SA 4.0) and the news, interview, bio and voyage documents of UD English GUM train (CC BY 2.5 / CC BY-SA); POS also from CoNLL-2003 train.txt\'s POS column; no corpus is distributed with newskg',
    settings,
    dev: trained.dev.at(-1),
    lemmaDevAccuracy: lemmaDev.accuracy,
    trainSeconds: Math.round((performance.now() - t0) / 1000),
  };
  const bytes = writeParserModelFile(opts.out, { ...trained.models, pos, lemmas: lemmatizer.toBytes(), info });
  log(`wrote ${opts.out} (${(bytes / 1e6).toFixed(1)} MB) in ${info.trainSeconds} s`);
  return { trained, info, bytes };
}
