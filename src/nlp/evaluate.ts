/**
 * Evaluation of the tagger on a CoNLL file: entity scores exactly as conlleval computes them,
 * POS accuracy when the file has a POS column, and tagging throughput.
 */
import { labelParts } from './decode.js';
import { iob1ToBio, normaliseEntityTag, readConllFile } from './conll.js';
import { conlleval, type ConllevalResult } from './conlleval.js';
import { loadModel } from './pipeline.js';

export interface EvalReport {
  file: string;
  documents: number;
  sentences: number;
  tokens: number;
  ner: ConllevalResult;
  /** Fraction of tokens whose predicted POS equals the file's, or null without a POS column. */
  posAccuracy: number | null;
  /**
   * Tagging throughput (POS, chunks, two NER passes) on the file's tokens in steady state: a
   * second pass over the file, with the JIT and the per-word caches warm.
   */
  tokensPerSecond: number;
  /** The same on the first pass, which also pays for JIT compilation and filling the caches. */
  tokensPerSecondFirstPass: number;
  modelLoadMs: number;
}

export async function evaluateConll(file: string, opts: { modelPath?: string } = {}): Promise<EvalReport> {
  const docs = await readConllFile(file);
  const model = loadModel(opts.modelPath);
  const tagger = model.tagger;
  const parts = labelParts(tagger.models.ner.labels);
  const posLabels = tagger.models.pos.labels;
  let tokens = 0;
  let posCorrect = 0;
  let posTotal = 0;
  let sentences = 0;
  const scored: { gold: string[]; pred: string[] }[] = [];
  let taggingMs = 0;
  const allWords = docs.map((doc) => doc.sentences.map((s) => s.words));
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    const t0 = performance.now();
    const tags = tagger.tagDocument(allWords[d]);
    taggingMs += performance.now() - t0;
    doc.sentences.forEach((s, i) => {
      sentences++;
      tokens += s.words.length;
      const pred = Array.from(tags[i].ner, (l) => parts[l].bio);
      scored.push({ gold: iob1ToBio(s.ner.map(normaliseEntityTag)), pred });
      if (s.pos) {
        for (let j = 0; j < s.pos.length; j++) if (posLabels[tags[i].pos[j]] === s.pos[j]) posCorrect++;
        posTotal += s.pos.length;
      }
    });
  }
  const t0 = performance.now();
  for (const words of allWords) tagger.tagDocument(words);
  const steadyMs = performance.now() - t0;
  return {
    file,
    documents: docs.length,
    sentences,
    tokens,
    ner: conlleval(scored),
    posAccuracy: posTotal > 0 ? posCorrect / posTotal : null,
    tokensPerSecond: steadyMs > 0 ? (tokens / steadyMs) * 1000 : 0,
    tokensPerSecondFirstPass: taggingMs > 0 ? (tokens / taggingMs) * 1000 : 0,
    modelLoadMs: model.loadMs,
  };
}
