/**
 * `newskg train`: gathers the training data and resources, trains, and writes the model file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewskgError } from '../errors.js';
import { WordClusters, induceClusters, readUnlabelledCorpora } from './clusters.js';
import { normaliseEntityTag, readConllFile } from './conll.js';
import { buildGazetteer } from './gazetteer.js';
import { writeModelFile } from './model-file.js';
import { DEFAULT_TRAIN_SETTINGS, trainModels, type TrainSettings } from './train.js';
import { udFiles } from './build-parser.js';

export interface BuildModelOptions {
  /** Folder holding conll2003/ and the unlabelled corpora (default ../shared/data). */
  dataDir: string;
  out: string;
  /** Precomputed clusters (as written by WordClusters.toBytes) instead of inducing them again. */
  clustersFile?: string;
  /** Skip the gazetteer or clusters (for ablations). */
  noGazetteer?: boolean;
  noClusters?: boolean;
  settings?: Partial<TrainSettings>;
  /** Further NER training files in CoNLL/WNUT format (e.g. wnut17/wnut17train.conll, CC BY 4.0). */
  extraNer?: string[];
  /**
   * Where the POS tagger learns: CoNLL-2003's automatic POS column (default: the shipped model) or
   * the UD treebanks' gold tags (an experiment: far better on UD text, neutral on CoNLL NER, but it
   * misreads news noun compounds such as "Red Hand attacks on Friday" as verbs; see the README).
   */
  posFrom?: 'ud' | 'conll' | 'ud+conll';
  log: (msg: string) => void;
}

async function readExtraNer(paths: string[]) {
  const docs = (await Promise.all(paths.map((p) => readConllFile(p)))).flat();
  for (const d of docs)
    for (const s of d.sentences)
      s.ner = s.ner.map(normaliseEntityTag);
  return docs;
}

export async function buildModel(opts: BuildModelOptions) {
  const { log } = opts;
  const trainFile = join(opts.dataDir, 'conll2003', 'train.txt');
  const devFile = join(opts.dataDir, 'conll2003', 'dev.txt');
  if (!existsSync(trainFile)) throw new NewskgError('nlp', `training data not found: ${trainFile} (pass --data DIR)`);
  const settings = { ...DEFAULT_TRAIN_SETTINGS, ...opts.settings };
  const t0 = performance.now();
  const trainDocs = await readConllFile(trainFile);
  const devDocs = existsSync(devFile) ? await readConllFile(devFile) : [];

  const gazetteer = opts.noGazetteer ? undefined : buildGazetteer();
  if (gazetteer) log(`gazetteer: ${JSON.stringify(gazetteer.stats())}`);
  let clusters: WordClusters | undefined;
  if (!opts.noClusters) {
    if (opts.clustersFile) {
      clusters = WordClusters.fromBytes(readFileSync(opts.clustersFile));
      log(`clusters: ${clusters.size()} words from ${opts.clustersFile}`);
    } else {
      const sentences = readUnlabelledCorpora(opts.dataDir);
      log(`clusters: inducing from ${sentences.length} unlabelled sentences`);
      clusters = induceClusters(sentences, { onProgress: log });
      log(`clusters: ${clusters.size()} words`);
    }
  }

  const extraDocs = opts.extraNer ? await readExtraNer(opts.extraNer) : [];
  const posFrom = opts.posFrom ?? 'conll';
  const ud = posFrom !== 'conll' ? udFiles(opts.dataDir) : undefined;
  const posData = ud ? { train: ud.train, dev: ud.devEwt, withConll: posFrom === 'ud+conll' } : undefined;
  const trained = trainModels(trainDocs, devDocs, { gazetteer, clusters }, settings, log, extraDocs, posData);
  const info: Record<string, unknown> = {
    trainedAt: new Date().toISOString(),
    trainingData:
      posFrom !== 'conll'
        ? `POS: UD English EWT train and GUM train news/interview/bio/voyage (gold Penn tags)${posFrom === 'ud+conll' ? ' and CoNLL-2003 train.txt\'s POS column' : ''}; chunks and NER: CoNLL-2003 English train.txt (Reuters RCV1; no corpus is distributed with newskg)`
        : 'CoNLL-2003 English train.txt (Reuters RCV1; the corpus itself is not distributed with newskg)',
    settings,
    gazetteer: gazetteer ? gazetteer.stats() : null,
    clusters: clusters ? clusters.size() : null,
    trainSeconds: Math.round((performance.now() - t0) / 1000),
  };
  if (trained.dev) {
    info.dev = {
      posAccuracy: trained.dev.posAccuracy,
      chunkAccuracy: trained.dev.chunkAccuracy,
      nerF1: trained.dev.ner.overall.f1,
      nerPerType: trained.dev.ner.perType,
    };
  }
  const bytes = writeModelFile(opts.out, {
    pos: trained.pos,
    chunk: trained.chunk,
    ner: trained.ner,
    gazetteer: gazetteer?.toBytes(),
    clusters: clusters?.toBytes(),
    info,
  });
  log(`wrote ${opts.out} (${(bytes / 1e6).toFixed(1)} MB) in ${info.trainSeconds} s`);
  return { trained, info, bytes };
}
