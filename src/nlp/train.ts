/**
 * Training: reproduces the shipped model from the CoNLL-2003 training set (never committed)
 * plus the gazetteer and word-cluster resources. POS and chunk taggers are greedy averaged
 * perceptrons; the two NER passes are structured perceptrons decoded by Viterbi. Inputs to
 * later taggers (POS for chunks, POS+chunks for NER, first-pass NER for the document pass)
 * are jackknifed so that training sees the same kind of noise as tagging does.
 */
import { ENTITY_TYPES } from '../types.js';
import { bioToBilou, iob1ToBio, type ConllDocument } from './conll.js';
import { conlleval, type ConllevalResult } from './conlleval.js';
import { FeatureBuffer, SentenceContext, appendDocFeatures, casingOf, chunkFeatures, nerFeatures, posFeatures, type ClustersLike, type GazetteerLike } from './features.js';
import { LinearModel, PerceptronTrainer } from './linear.js';
import { NerDecoder, argmax, documentEvidence, typeIndexOfLabels } from './tagger.js';
import { bilouToBio } from './conll.js';

export interface TrainSettings {
  folds: number;
  posEpochs: number;
  chunkEpochs: number;
  nerEpochs: number;
  /** Features seen fewer times than this in training are dropped from the shipped model. */
  minCount: number;
  seed: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  folds: 4,
  posEpochs: 6,
  chunkEpochs: 5,
  nerEpochs: 12,
  minCount: 1,
  seed: 1,
};

/** One sentence of training data with label ids. */
interface Example {
  doc: number;
  words: string[];
  pos: Int32Array;
  chunk: Int32Array;
  ner: Int32Array;
}

export interface TrainedModels {
  pos: LinearModel;
  chunk: LinearModel;
  ner: LinearModel;
  nerDoc: LinearModel;
  dev: { posAccuracy: number; chunkAccuracy: number; ner: ConllevalResult } | null;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Label lists and id conversion. */
class LabelSet {
  readonly ids = new Map<string, number>();
  constructor(readonly labels: string[]) {
    labels.forEach((l, i) => this.ids.set(l, i));
  }
  static from(values: Iterable<string>, first?: string): LabelSet {
    const set = new Set(values);
    if (first) set.delete(first);
    const sorted = [...set].sort();
    return new LabelSet(first ? [first, ...sorted] : sorted);
  }
  encode(tags: readonly string[]): Int32Array {
    return Int32Array.from(tags, (t) => this.ids.get(t) ?? 0);
  }
}

export function toExamples(docs: ConllDocument[], sets?: { pos: LabelSet; chunk: LabelSet; ner: LabelSet }) {
  const raw = docs.flatMap((d, di) =>
    d.sentences.map((s) => ({
      doc: di,
      words: s.words,
      pos: s.pos ?? s.words.map(() => 'NN'),
      chunk: iob1ToBio(s.chunk ?? s.words.map(() => 'O')),
      ner: bioToBilou(iob1ToBio(s.ner)),
    })),
  );
  const labelSets = sets ?? {
    pos: LabelSet.from(raw.flatMap((r) => r.pos)),
    chunk: LabelSet.from(raw.flatMap((r) => r.chunk), 'O'),
    ner: LabelSet.from(raw.flatMap((r) => r.ner), 'O'),
  };
  const examples: Example[] = raw.map((r) => ({
    doc: r.doc,
    words: r.words,
    pos: labelSets.pos.encode(r.pos),
    chunk: labelSets.chunk.encode(r.chunk),
    ner: labelSets.ner.encode(r.ner),
  }));
  return { examples, labelSets };
}

export class Trainer {
  private readonly ctx: SentenceContext;
  private readonly buf = new FeatureBuffer();
  private rows = new Int32Array(1024);

  constructor(
    readonly settings: TrainSettings,
    readonly resources: { gazetteer?: GazetteerLike; clusters?: ClustersLike },
    readonly log: (msg: string) => void,
  ) {
    this.ctx = new SentenceContext(resources.gazetteer, resources.clusters);
  }

  private rowsOf(t: PerceptronTrainer, add: boolean): { rows: Int32Array; n: number } {
    if (this.rows.length < this.buf.n) this.rows = new Int32Array(this.buf.n * 2);
    const n = add ? t.rowsFor(this.buf.ids, this.buf.n, this.rows) : t.knownRows(this.buf.ids, this.buf.n, this.rows);
    return { rows: this.rows, n };
  }

  /** Greedy POS training; returns the frozen model. */
  trainPos(labels: readonly string[], data: Example[], dev: Example[] | null, name: string): LinearModel {
    const t = new PerceptronTrainer(labels);
    const rand = mulberry32(this.settings.seed);
    const scores = new Float64Array(labels.length);
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.posEpochs; epoch++) {
      let correct = 0;
      let total = 0;
      for (const ex of shuffled(data, rand)) {
        this.ctx.set(ex.words);
        if (pred.length < ex.words.length) pred = new Int32Array(ex.words.length * 2);
        for (let i = 0; i < ex.words.length; i++) {
          // Train on the model's own history, as it will be at tagging time.
          posFeatures(this.ctx, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, this.buf);
          const { rows, n } = this.rowsOf(t, true);
          if (epoch === 1) t.count(rows, n);
          t.score(rows, n, scores);
          const guess = argmax(scores);
          const gold = ex.pos[i];
          if (guess !== gold) {
            t.update(rows, n, gold, 1);
            t.update(rows, n, guess, -1);
          } else correct++;
          total++;
          t.tick();
          pred[i] = guess;
        }
      }
      let devMsg = '';
      if (dev) {
        const model = t.snapshot();
        devMsg = `, dev accuracy ${(100 * this.posAccuracy(model, dev)).toFixed(2)}%`;
      }
      this.log(`${name} epoch ${epoch}: train accuracy ${((100 * correct) / total).toFixed(2)}%${devMsg}`);
    }
    return t.freeze({ minCount: this.settings.minCount });
  }

  tagPos(model: LinearModel, words: readonly string[]): Int32Array {
    this.ctx.set(words);
    const out = new Int32Array(words.length);
    const scores = new Float64Array(model.nLabels);
    for (let i = 0; i < words.length; i++) {
      posFeatures(this.ctx, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, this.buf);
      model.score(this.buf.ids, this.buf.n, scores);
      out[i] = argmax(scores);
    }
    return out;
  }

  posAccuracy(model: LinearModel, data: Example[]): number {
    let correct = 0;
    let total = 0;
    for (const ex of data) {
      const pred = this.tagPos(model, ex.words);
      for (let i = 0; i < pred.length; i++) if (pred[i] === ex.pos[i]) correct++;
      total += pred.length;
    }
    return correct / Math.max(1, total);
  }

  /** Greedy chunk training over the given POS ids per example. */
  trainChunk(labels: readonly string[], data: Example[], pos: Map<Example, Int32Array>, dev: Example[] | null, devPos: Map<Example, Int32Array> | null, name: string): LinearModel {
    const t = new PerceptronTrainer(labels);
    const rand = mulberry32(this.settings.seed + 1);
    const scores = new Float64Array(labels.length);
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.chunkEpochs; epoch++) {
      for (const ex of shuffled(data, rand)) {
        this.ctx.set(ex.words);
        if (pred.length < ex.words.length) pred = new Int32Array(ex.words.length * 2);
        const p = pos.get(ex)!;
        for (let i = 0; i < ex.words.length; i++) {
          chunkFeatures(this.ctx, i, p, i > 0 ? pred[i - 1] : -1, this.buf);
          const { rows, n } = this.rowsOf(t, true);
          if (epoch === 1) t.count(rows, n);
          t.score(rows, n, scores);
          const guess = argmax(scores);
          const gold = ex.chunk[i];
          if (guess !== gold) {
            t.update(rows, n, gold, 1);
            t.update(rows, n, guess, -1);
          }
          t.tick();
          pred[i] = guess;
        }
      }
      if (dev && devPos) {
        const model = t.snapshot();
        let correct = 0;
        let total = 0;
        for (const ex of dev) {
          const c = this.tagChunk(model, ex.words, devPos.get(ex)!);
          for (let i = 0; i < c.length; i++) if (c[i] === ex.chunk[i]) correct++;
          total += c.length;
        }
        this.log(`${name} epoch ${epoch}: dev accuracy ${((100 * correct) / total).toFixed(2)}%`);
      }
    }
    return t.freeze({ minCount: this.settings.minCount });
  }

  tagChunk(model: LinearModel, words: readonly string[], pos: Int32Array): Int32Array {
    this.ctx.set(words);
    const out = new Int32Array(words.length);
    const scores = new Float64Array(model.nLabels);
    for (let i = 0; i < words.length; i++) {
      chunkFeatures(this.ctx, i, pos, i > 0 ? out[i - 1] : -1, this.buf);
      model.score(this.buf.ids, this.buf.n, scores);
      out[i] = argmax(scores);
    }
    return out;
  }

  /** Feature ids of every token of an example for NER (constant across epochs: no tag history). */
  private nerFeatureIds(ex: Example, pos: Int32Array, chunk: Int32Array, doc: Int32Array | null): { ids: Int32Array; offsets: Int32Array } {
    this.ctx.set(ex.words);
    const parts: Int32Array[] = [];
    const offsets = new Int32Array(ex.words.length + 1);
    let total = 0;
    for (let i = 0; i < ex.words.length; i++) {
      nerFeatures(this.ctx, i, pos, chunk, this.buf);
      if (doc) appendDocFeatures(doc[i], casingOf(this.ctx, i), this.buf);
      parts.push(this.buf.ids.slice(0, this.buf.n));
      total += this.buf.n;
      offsets[i + 1] = total;
    }
    const ids = new Int32Array(total);
    parts.forEach((p, i) => ids.set(p, offsets[i]));
    return { ids, offsets };
  }

  /** Structured perceptron NER training with Viterbi decoding. */
  trainNer(
    labels: readonly string[],
    data: Example[],
    inputs: Map<Example, { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }>,
    dev: Example[] | null,
    devInputs: Map<Example, { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }> | null,
    name: string,
  ): LinearModel {
    const t = new PerceptronTrainer(labels);
    const L = labels.length;
    const decoder = new NerDecoder(labels);
    const rand = mulberry32(this.settings.seed + 2);
    // Precompute feature rows once: NER features do not depend on NER predictions.
    const cached = new Map<Example, { rows: Int32Array; offsets: Int32Array }>();
    for (const ex of data) {
      const input = inputs.get(ex)!;
      const { ids, offsets } = this.nerFeatureIds(ex, input.pos, input.chunk, input.doc);
      const rows = new Int32Array(ids.length);
      t.rowsFor(ids, ids.length, rows);
      t.count(rows, rows.length);
      cached.set(ex, { rows, offsets });
    }
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.nerEpochs; epoch++) {
      let errors = 0;
      for (const ex of shuffled(data, rand)) {
        const { rows, offsets } = cached.get(ex)!;
        const n = ex.words.length;
        if (pred.length < n) pred = new Int32Array(n * 2);
        const em = decoder.buffer(n);
        for (let i = 0; i < n; i++) {
          const sub = rows.subarray(offsets[i], offsets[i + 1]);
          t.score(sub, sub.length, em, i * L);
        }
        decoder.viterbi.decode(em, n, t.trans, t.startW, pred);
        let wrong = false;
        for (let i = 0; i < n; i++) {
          const g = ex.ner[i];
          const p = pred[i];
          if (g !== p) {
            wrong = true;
            const sub = rows.subarray(offsets[i], offsets[i + 1]);
            t.update(sub, sub.length, g, 1);
            t.update(sub, sub.length, p, -1);
          }
          const gPrev = i > 0 ? ex.ner[i - 1] : -1;
          const pPrev = i > 0 ? pred[i - 1] : -1;
          if (g !== p || gPrev !== pPrev) {
            t.updateTransition(gPrev, g, 1);
            t.updateTransition(pPrev, p, -1);
          }
        }
        if (wrong) errors++;
        t.tick();
      }
      let devMsg = '';
      if (dev && devInputs && (epoch === this.settings.nerEpochs || epoch % 2 === 0)) {
        const r = this.evalNer(t.snapshot(true), dev, devInputs);
        devMsg = `, dev F1 ${r.overall.f1.toFixed(2)} (P ${r.overall.precision.toFixed(2)}, R ${r.overall.recall.toFixed(2)})`;
      }
      this.log(`${name} epoch ${epoch}: ${errors} sentences with errors${devMsg}`);
    }
    return t.freeze({ minCount: this.settings.minCount, withTransitions: true });
  }

  tagNer(model: LinearModel, ex: Example, input: { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }, decoder: NerDecoder): Int32Array {
    this.ctx.set(ex.words);
    const n = ex.words.length;
    const L = model.nLabels;
    const em = decoder.buffer(n);
    for (let i = 0; i < n; i++) {
      nerFeatures(this.ctx, i, input.pos, input.chunk, this.buf);
      if (input.doc) appendDocFeatures(input.doc[i], casingOf(this.ctx, i), this.buf);
      model.score(this.buf.ids, this.buf.n, em, i * L);
    }
    const out = new Int32Array(n);
    decoder.viterbi.decode(em, n, model.transitions!, model.start!, out);
    return out;
  }

  evalNer(model: LinearModel, data: Example[], inputs: Map<Example, { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }>): ConllevalResult {
    const decoder = new NerDecoder(model.labels);
    const sentences = data.map((ex) => {
      const pred = this.tagNer(model, ex, inputs.get(ex)!, decoder);
      return {
        gold: bilouToBio(Array.from(ex.ner, (l) => model.labels[l])),
        pred: bilouToBio(Array.from(pred, (l) => model.labels[l])),
      };
    });
    return conlleval(sentences);
  }
}

function folds<T extends { doc: number }>(data: T[], k: number): T[][] {
  const out: T[][] = Array.from({ length: k }, () => []);
  for (const ex of data) out[ex.doc % k].push(ex);
  return out;
}

/** Trains all four models. `dev` may be empty (no scores are printed then). */
export function trainModels(
  trainDocs: ConllDocument[],
  devDocs: ConllDocument[],
  resources: { gazetteer?: GazetteerLike; clusters?: ClustersLike },
  settings: TrainSettings,
  log: (msg: string) => void,
): TrainedModels {
  const { examples: train, labelSets } = toExamples(trainDocs);
  const { examples: dev } = toExamples(devDocs, labelSets);
  const hasDev = dev.length > 0;
  const trainer = new Trainer(settings, resources, log);
  const k = settings.folds;
  const parts = folds(train, k);
  log(`training on ${train.length} sentences (${train.reduce((s, e) => s + e.words.length, 0)} tokens), ${k}-fold jackknifing`);

  // 1. Jackknifed POS and chunks for the training set.
  const jPos = new Map<Example, Int32Array>();
  const jChunk = new Map<Example, Int32Array>();
  const goldPos = new Map<Example, Int32Array>(train.map((e) => [e, e.pos]));
  for (let f = 0; f < k; f++) {
    const rest = parts.filter((_, j) => j !== f).flat();
    const pos = trainer.trainPos(labelSets.pos.labels, rest, null, `pos fold ${f + 1}/${k}`);
    for (const ex of parts[f]) jPos.set(ex, trainer.tagPos(pos, ex.words));
    const chunk = trainer.trainChunk(labelSets.chunk.labels, rest, goldPos, null, null, `chunk fold ${f + 1}/${k}`);
    for (const ex of parts[f]) jChunk.set(ex, trainer.tagChunk(chunk, ex.words, jPos.get(ex)!));
  }

  // 2. Final POS and chunk models.
  const pos = trainer.trainPos(labelSets.pos.labels, train, hasDev ? dev : null, 'pos');
  const devPos = new Map<Example, Int32Array>(dev.map((e) => [e, trainer.tagPos(pos, e.words)]));
  const chunk = trainer.trainChunk(labelSets.chunk.labels, train, jPos, hasDev ? dev : null, devPos, 'chunk');
  const devChunk = new Map<Example, Int32Array>(dev.map((e) => [e, trainer.tagChunk(chunk, e.words, devPos.get(e)!)]));

  // 3. First NER pass: jackknifed predictions for the document pass, then the final model.
  const nerLabels = labelSets.ner.labels;
  const types = typeIndexOfLabels(nerLabels);
  const inputs = new Map(train.map((e) => [e, { pos: jPos.get(e)!, chunk: jChunk.get(e)!, doc: null as Int32Array | null }]));
  const devInputs = new Map(dev.map((e) => [e, { pos: devPos.get(e)!, chunk: devChunk.get(e)!, doc: null as Int32Array | null }]));
  const firstPass = new Map<Example, Int8Array>();
  for (let f = 0; f < k; f++) {
    const rest = parts.filter((_, j) => j !== f).flat();
    const ner = trainer.trainNer(nerLabels, rest, inputs, null, null, `ner fold ${f + 1}/${k}`);
    const decoder = new NerDecoder(nerLabels);
    for (const ex of parts[f]) firstPass.set(ex, Int8Array.from(trainer.tagNer(ner, ex, inputs.get(ex)!, decoder), (l) => types[l]));
  }
  const ner = trainer.trainNer(nerLabels, train, inputs, hasDev ? dev : null, hasDev ? devInputs : null, 'ner');

  // 4. Document evidence from the first pass, per document, then the second-pass model.
  const attachEvidence = (data: Example[], typesOf: (e: Example) => Int8Array, target: Map<Example, { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }>) => {
    const byDoc = new Map<number, Example[]>();
    for (const ex of data) {
      let list = byDoc.get(ex.doc);
      if (!list) byDoc.set(ex.doc, (list = []));
      list.push(ex);
    }
    const out = new Map<Example, { pos: Int32Array; chunk: Int32Array; doc: Int32Array | null }>();
    for (const list of byDoc.values()) {
      const evidence = documentEvidence(list.map((e) => e.words), list.map(typesOf));
      list.forEach((e, i) => out.set(e, { ...target.get(e)!, doc: evidence[i] }));
    }
    return out;
  };
  const docInputs = attachEvidence(train, (e) => firstPass.get(e)!, inputs);
  const decoder = new NerDecoder(nerLabels);
  const devDocInputs = attachEvidence(dev, (e) => Int8Array.from(trainer.tagNer(ner, e, devInputs.get(e)!, decoder), (l) => types[l]), devInputs);
  const nerDoc = trainer.trainNer(nerLabels, train, docInputs, hasDev ? dev : null, hasDev ? devDocInputs : null, 'ner-doc');

  let devScores: TrainedModels['dev'] = null;
  if (hasDev) {
    let correct = 0;
    let total = 0;
    let cCorrect = 0;
    for (const ex of dev) {
      const p = devPos.get(ex)!;
      const c = devChunk.get(ex)!;
      for (let i = 0; i < p.length; i++) {
        if (p[i] === ex.pos[i]) correct++;
        if (c[i] === ex.chunk[i]) cCorrect++;
      }
      total += p.length;
    }
    devScores = { posAccuracy: correct / total, chunkAccuracy: cCorrect / total, ner: trainer.evalNer(nerDoc, dev, devDocInputs) };
  }
  return { pos, chunk, ner, nerDoc, dev: devScores };
}

export { ENTITY_TYPES };
