/**
 * Text → Doc: tokenize, split sentences, tag POS, chunks and entities with the shipped model.
 * The model is loaded lazily, once per process.
 */
import { NewskgError } from '../errors.js';
import type { Doc, EntityTag, Mention } from '../types.js';
import { labelParts } from './decode.js';
import { Gazetteer } from './gazetteer.js';
import { WordClusters } from './clusters.js';
import { Lemmatizer } from './lemmatizer.js';
import { defaultModelPath, defaultParserModelPath, readModelFile, readParserModelFile, type ModelBundle } from './model-file.js';
import { DependencyParser } from './parser.js';
import { splitSentences } from './sentences.js';
import { Tagger } from './tagger.js';
import { tokenize } from './tokenize.js';

export interface LoadedModel {
  tagger: Tagger;
  /** The gazetteer shipped in the model (countries, cities, names, companies, words). */
  gazetteer?: Gazetteer;
  info: Record<string, unknown>;
  path: string;
  loadMs: number;
}

const cache = new Map<string, LoadedModel>();

/** Builds a tagger from a parsed model bundle. */
export function taggerFromBundle(bundle: ModelBundle, gazetteer = bundle.gazetteer ? Gazetteer.fromBytes(bundle.gazetteer) : undefined): Tagger {
  return new Tagger({
    pos: bundle.pos,
    chunk: bundle.chunk,
    ner: bundle.ner,
    gazetteer,
    clusters: bundle.clusters ? WordClusters.fromBytes(bundle.clusters) : undefined,
  });
}

/** The model at `path` (default: the shipped one), loaded on first use and kept for the process. */
export function loadModel(path: string = defaultModelPath()): LoadedModel {
  const hit = cache.get(path);
  if (hit) return hit;
  const t0 = performance.now();
  const bundle = readModelFile(path);
  const gazetteer = bundle.gazetteer ? Gazetteer.fromBytes(bundle.gazetteer) : undefined;
  const tagger = taggerFromBundle(bundle, gazetteer);
  // The words frequent in training are most of any news text: cache their scores now.
  if (bundle.pos.candidates) tagger.prewarm([...bundle.pos.candidates.byKey.keys()]);
  const loaded = { tagger, gazetteer, info: bundle.info, path, loadMs: performance.now() - t0 };
  cache.set(path, loaded);
  return loaded;
}

/** The dependency parser and the lemmatiser of a parser model file. */
export interface LoadedParser {
  parser: DependencyParser;
  lemmatizer: Lemmatizer;
  /** The POS tags the parser reads (and the Doc carries): its own tagger's, else the tagger model's. */
  tagPos: (sentences: readonly (readonly string[])[]) => string[][];
  info: Record<string, unknown>;
  path: string;
  loadMs: number;
}

const parsers = new Map<string, LoadedParser>();

/** The parser model at `path` (default: the shipped one), loaded on first use and kept for the process. */
export function loadParser(path: string = defaultParserModelPath(), taggerPath?: string): LoadedParser {
  const key = `${path}\u0000${taggerPath ?? ''}`;
  const hit = parsers.get(key);
  if (hit) return hit;
  const { tagger } = loadModel(taggerPath);
  const t0 = performance.now();
  const bundle = readParserModelFile(path);
  if (!bundle.lemmas) throw new NewskgError('nlp', `${path} has no lemmatiser section`);
  // The parser's own POS model reads words with the tagger model's gazetteer and clusters.
  const posTagger = bundle.pos ? new Tagger({ ...tagger.models, pos: bundle.pos, extendedPos: true }) : tagger;
  const labels = posTagger.models.pos.labels;
  const tagPos = (sentences: readonly (readonly string[])[]) => posTagger.tagPosOnly(sentences).map((ids) => Array.from(ids, (p) => labels[p]));
  const loaded = { parser: new DependencyParser(bundle), lemmatizer: Lemmatizer.fromBytes(bundle.lemmas, path), tagPos, info: bundle.info, path, loadMs: performance.now() - t0 };
  parsers.set(key, loaded);
  return loaded;
}

/** Largest text analysed in one call; larger inputs are refused with a clear error rather than exhausting memory. */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;

export interface AnalyzeOptions {
  modelPath?: string;
  /** The parser and lemmatiser's model file; default: the shipped one. */
  parserModelPath?: string;
}

/** Analyses one article's text. Offsets in the result are into `text`. */
export function analyze(text: string, opts: AnalyzeOptions = {}): Doc {
  if (typeof text !== 'string') throw new NewskgError('nlp', 'analyze() expects a string');
  if (text.length > MAX_TEXT_LENGTH) throw new NewskgError('nlp', `text of ${text.length} characters exceeds the ${MAX_TEXT_LENGTH}-character limit`);
  const { tagger } = loadModel(opts.modelPath);
  const { parser, lemmatizer, tagPos } = loadParser(opts.parserModelPath, opts.modelPath);
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const words = sentences.map((s) => {
    const ws = new Array<string>(s.tokenEnd - s.tokenStart);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) ws[i - s.tokenStart] = tokens[i].text;
    return ws;
  });
  const tags = tagger.tagDocument(words);
  // The Doc's tags are the parser's tagger's (gold-trained); the NER reads the tags it was trained on.
  const sentenceTags = tagPos(words);
  const { chunk: chunkModel, ner: nerModel } = tagger.models;
  const nerLabels = labelParts(nerModel.labels);
  const n = tokens.length;
  const pos = new Array<string>(n);
  const chunks = new Array<string>(n);
  const ner = new Array<string>(n);
  const lemmas = new Array<string>(n);
  const heads = new Array<number>(n);
  const deprels = new Array<string>(n);
  const mentions: Mention[] = [];
  sentences.forEach((s, si) => {
    const t = tags[si];
    const n = t.pos.length;
    let open = -1;
    let openType = '';
    let marginSum = 0;
    for (let i = 0; i < n; i++) {
      const ti = s.tokenStart + i;
      pos[ti] = sentenceTags[si][i];
      chunks[ti] = chunkModel.labels[t.chunk[i]];
      const { prefix, type, bio } = nerLabels[t.ner[i]];
      ner[ti] = bio;
      if (prefix === 'B' || prefix === 'U') {
        open = ti;
        openType = type;
        marginSum = 0;
      }
      if (open < 0) continue;
      marginSum += t.margin[i];
      // A mention ends where the next label does not continue it (BIO and BILOU alike).
      const next = i + 1 < n ? nerLabels[t.ner[i + 1]] : null;
      if (next && (next.prefix === 'I' || next.prefix === 'L') && next.type === openType) continue;
      const len = ti - open + 1;
      const start = tokens[open].start;
      const end = tokens[ti].end;
      mentions.push({
        tag: openType as EntityTag,
        text: text.slice(start, end),
        start,
        end,
        tokenStart: open,
        tokenEnd: ti + 1,
        sentenceIndex: si,
        // Squash the mean Viterbi margin into (0, 1); perceptron scores are not probabilities.
        score: Math.max(0.001, Math.round((1 / (1 + Math.exp(-marginSum / len / 4))) * 1000) / 1000),
      });
      open = -1;
    }
    // The sentence's tree, its heads as token indices into the whole Doc (-1: the sentence's root).
    const sentencePos = sentenceTags[si];
    const tree = parser.parse({ words: words[si], pos: sentencePos });
    const sentenceLemmas = lemmatizer.lemmatize(words[si], sentencePos);
    for (let i = 0; i < n; i++) {
      const ti = s.tokenStart + i;
      heads[ti] = tree.heads[i] === 0 ? -1 : s.tokenStart + tree.heads[i] - 1;
      deprels[ti] = tree.deprels[i];
      lemmas[ti] = sentenceLemmas[i];
    }
  });
  return { text, tokens, sentences, pos, chunks, ner, lemmas, heads, deprels, mentions };
}
