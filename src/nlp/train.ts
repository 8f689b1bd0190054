/**
 * Training: reproduces the shipped model from the CoNLL-2003 training set (never committed)
 * plus the gazetteer and word-cluster resources. POS and chunk taggers are greedy averaged
 * perceptrons; NER is one structured perceptron, decoded by Viterbi, for both passes. Inputs to
 * later taggers (POS for chunks, POS+chunks for NER, first-pass NER for the document pass)
 * are jackknifed so that training sees the same kind of noise as tagging does.
 */
import { bilouToBio, bioToBilou, iob1ToBio, type ConllDocument } from './conll.js';
import { conlleval, type ConllevalResult } from './conlleval.js';
import { FeatureBuffer, SentenceContext, appendDocFeatures, casingOf, chunkFeatures, nerFeatures, posFeatures, type ClustersLike, type GazetteerLike } from './features.js';
import { LinearModel, PerceptronTrainer, argmaxOf, candidatesFor, type Candidates } from './linear.js';
import { mulberry32 } from './hash.js';
import { NerDecoder, documentEvidence, typeIndexOfLabels } from './tagger.js';

export interface TrainSettings {
  folds: number;
  posEpochs: number;
  chunkEpochs: number;
  nerEpochs: number;
  /** Features seen fewer times than this in training are dropped from the shipped model. */
  minCount: number;
  seed: number;
  /** Fraction of training sentences also seen in Title Case by the NER model. */
  titleCaseFraction: number;
  /**
   * NER label scheme. BILOU (17 labels) scored 91.72 dev F1 against BIO's 91.59 and kept
   * multi-word names such as "Abu Bakr al-Baghdadi" whole on the seed article; its speed was
   * the same within this machine's noise.
   */
  nerScheme: 'bio' | 'bilou';
  /** The POS model learns the extended context templates (the parser's POS model; see features.ts). */
  extendedPos?: boolean;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  folds: 4,
  posEpochs: 8,
  chunkEpochs: 5,
  nerEpochs: 12,
  minCount: 2,
  seed: 1,
  titleCaseFraction: 0.05,
  nerScheme: 'bilou',
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
  /** NER for both passes: the second adds document-evidence features to the first's scores. */
  ner: LinearModel;
  dev: { posAccuracy: number; chunkAccuracy: number; ner: ConllevalResult } | null;
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

export function toExamples(docs: ConllDocument[], scheme: 'bio' | 'bilou', sets?: { pos: LabelSet; chunk: LabelSet; ner: LabelSet }) {
  const raw = docs.flatMap((d, di) =>
    d.sentences.map((s) => ({
      doc: di,
      words: s.words,
      pos: s.pos ?? s.words.map(() => 'NN'),
      chunk: iob1ToBio(s.chunk ?? s.words.map(() => 'O')),
      ner: scheme === 'bilou' ? bioToBilou(iob1ToBio(s.ner)) : iob1ToBio(s.ner),
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

  /** Greedy POS training over each word's candidate tags; returns the frozen model. */
  trainPos(labels: readonly string[], data: Example[], dev: Example[] | null, name: string): LinearModel {
    const t = new PerceptronTrainer(labels);
    const rand = mulberry32(this.settings.seed);
    const scores = new Float64Array(labels.length);
    const candidates = posCandidates(data, labels.length);
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.posEpochs; epoch++) {
      let correct = 0;
      let total = 0;
      for (const ex of shuffled(data, rand)) {
        this.ctx.set(ex.words);
        if (pred.length < ex.words.length) pred = new Int32Array(ex.words.length * 2);
        for (let i = 0; i < ex.words.length; i++) {
          const cands = candidatesFor(candidates, ex.words[i]);
          if (cands.length === 1) {
            pred[i] = cands[0];
            continue;
          }
          // Train on the model's own history, as it will be at tagging time.
          posFeatures(this.ctx, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, this.buf, this.settings.extendedPos === true);
          const { rows, n } = this.rowsOf(t, true);
          if (epoch === 1) t.count(rows, n);
          t.scoreLabels(rows, n, cands, scores);
          const guess = argmaxOf(scores, cands);
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
        model.candidates = candidates;
        devMsg = `, dev accuracy ${(100 * this.posAccuracy(model, dev)).toFixed(2)}%`;
      }
      this.log(`${name} epoch ${epoch}: train accuracy ${((100 * correct) / total).toFixed(2)}% (of scored tokens)${devMsg}`);
    }
    const model = t.freeze({ minCount: this.settings.minCount });
    model.candidates = candidates;
    return model;
  }

  tagPos(model: LinearModel, words: readonly string[]): Int32Array {
    this.ctx.set(words);
    const out = new Int32Array(words.length);
    const scores = new Float64Array(model.nLabels);
    for (let i = 0; i < words.length; i++) {
      const cands = candidatesFor(model.candidates!, words[i]);
      if (cands.length === 1) {
        out[i] = cands[0];
        continue;
      }
      posFeatures(this.ctx, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, this.buf, this.settings.extendedPos === true);
      model.scoreLabels(this.buf.ids, this.buf.n, cands, scores);
      out[i] = argmaxOf(scores, cands);
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

  /** Greedy chunk training over the given POS ids per example, scoring each POS tag's candidate chunk labels. */
  trainChunk(labels: readonly string[], data: Example[], pos: Map<Example, Int32Array>, dev: Example[] | null, devPos: Map<Example, Int32Array> | null, name: string): LinearModel {
    const t = new PerceptronTrainer(labels);
    const rand = mulberry32(this.settings.seed + 1);
    const scores = new Float64Array(labels.length);
    const candidates = chunkCandidates(data, labels.length);
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.chunkEpochs; epoch++) {
      for (const ex of shuffled(data, rand)) {
        this.ctx.set(ex.words);
        if (pred.length < ex.words.length) pred = new Int32Array(ex.words.length * 2);
        const p = pos.get(ex)!;
        for (let i = 0; i < ex.words.length; i++) {
          const cands = candidatesFor(candidates, String(p[i]));
          chunkFeatures(this.ctx, i, p, i > 0 ? pred[i - 1] : -1, this.buf);
          const { rows, n } = this.rowsOf(t, true);
          if (epoch === 1) t.count(rows, n);
          t.scoreLabels(rows, n, cands, scores);
          const guess = argmaxOf(scores, cands);
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
        model.candidates = candidates;
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
    const model = t.freeze({ minCount: this.settings.minCount });
    model.candidates = candidates;
    return model;
  }

  tagChunk(model: LinearModel, words: readonly string[], pos: Int32Array): Int32Array {
    this.ctx.set(words);
    const out = new Int32Array(words.length);
    const scores = new Float64Array(model.nLabels);
    for (let i = 0; i < words.length; i++) {
      const cands = candidatesFor(model.candidates!, String(pos[i]));
      chunkFeatures(this.ctx, i, pos, i > 0 ? out[i - 1] : -1, this.buf);
      model.scoreLabels(this.buf.ids, this.buf.n, cands, scores);
      out[i] = argmaxOf(scores, cands);
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

  /**
   * Structured perceptron NER training with Viterbi decoding over items; an item is a sentence
   * with its (predicted) POS and chunks and, for the document pass, its document evidence.
   * `dev`, when given, is scored between epochs with the two-pass procedure used at tagging time.
   */
  trainNer(labels: readonly string[], items: NerItem[], dev: NerItem[] | null, name: string): LinearModel {
    const t = new PerceptronTrainer(labels);
    const L = labels.length;
    const decoder = new NerDecoder(labels);
    const rand = mulberry32(this.settings.seed + 2);
    // Precompute feature rows once: NER features do not depend on NER predictions.
    const cached = items.map((item) => {
      const { ids, offsets } = this.nerFeatureIds(item.ex, item.pos, item.chunk, item.doc);
      const rows = new Int32Array(ids.length);
      t.rowsFor(ids, ids.length, rows);
      t.count(rows, rows.length);
      return { ex: item.ex, rows, offsets };
    });
    let pred = new Int32Array(512);
    for (let epoch = 1; epoch <= this.settings.nerEpochs; epoch++) {
      let errors = 0;
      for (const { ex, rows, offsets } of shuffled(cached, rand)) {
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
      if (dev && (epoch === this.settings.nerEpochs || epoch % 2 === 0)) {
        const r = this.evalNer(t.snapshot(true), dev);
        devMsg = `, dev F1 ${r.overall.f1.toFixed(2)} (P ${r.overall.precision.toFixed(2)}, R ${r.overall.recall.toFixed(2)})`;
      }
      this.log(`${name} epoch ${epoch}: ${errors} sentences with errors${devMsg}`);
    }
    return t.freeze({ minCount: this.settings.minCount, withTransitions: true });
  }

  tagNer(model: LinearModel, item: NerItem, decoder: NerDecoder): Int32Array {
    const { ex } = item;
    this.ctx.set(ex.words);
    const n = ex.words.length;
    const L = model.nLabels;
    const em = decoder.buffer(n);
    for (let i = 0; i < n; i++) {
      nerFeatures(this.ctx, i, item.pos, item.chunk, this.buf);
      if (item.doc) appendDocFeatures(item.doc[i], casingOf(this.ctx, i), this.buf);
      model.score(this.buf.ids, this.buf.n, em, i * L);
    }
    const out = new Int32Array(n);
    decoder.viterbi.decode(em, n, model.transitions!, model.start!, out);
    return out;
  }

  /** Items with document evidence computed, per document, from the given entity types. */
  withEvidence(items: NerItem[], typesOf: (item: NerItem) => Int8Array): NerItem[] {
    const byDoc = new Map<number, NerItem[]>();
    for (const item of items) {
      let list = byDoc.get(item.ex.doc);
      if (!list) byDoc.set(item.ex.doc, (list = []));
      list.push(item);
    }
    const out: NerItem[] = [];
    for (const list of byDoc.values()) {
      const evidence = documentEvidence(list.map((e) => e.ex.words), list.map(typesOf));
      list.forEach((item, i) => out.push({ ...item, doc: evidence[i] }));
    }
    return out;
  }

  /** Two-pass NER evaluation (first pass, document evidence, second pass) as at tagging time. */
  evalNer(model: LinearModel, items: NerItem[]): ConllevalResult {
    const decoder = new NerDecoder(model.labels);
    const types = typeIndexOfLabels(model.labels);
    const base = items.map((item) => ({ ...item, doc: null }));
    const first = new Map(base.map((item) => [item.ex, Int8Array.from(this.tagNer(model, item, decoder), (l) => types[l])]));
    const second = this.withEvidence(base, (item) => first.get(item.ex)!);
    return conlleval(
      second.map((item) => ({
        gold: bilouToBio(Array.from(item.ex.ner, (l) => model.labels[l])),
        pred: bilouToBio(Array.from(this.tagNer(model, item, decoder), (l) => model.labels[l])),
      })),
    );
  }
}

/** A sentence as NER input. */
interface NerItem {
  ex: Example;
  pos: Int32Array;
  chunk: Int32Array;
  doc: Int32Array | null;
}

/** Label counts per key, with keys in a deterministic order. */
function countLabels(data: Example[], key: (ex: Example, i: number) => string, label: (ex: Example, i: number) => number) {
  const counts = new Map<string, Map<number, number>>();
  for (const ex of data) {
    for (let i = 0; i < ex.words.length; i++) {
      const k = key(ex, i);
      let c = counts.get(k);
      if (!c) counts.set(k, (c = new Map()));
      const l = label(ex, i);
      c.set(l, (c.get(l) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * POS candidates: a frequent word (≥ 20 occurrences) may take the tags it has at least 1% of
 * the time (one tag: tagged by look-up); a less frequent one its seen tags plus the open-class
 * tags; an unseen one the open-class tags (those of words seen at most twice).
 */
function posCandidates(data: Example[], nLabels: number): Candidates {
  const perWord = countLabels(data, (ex, i) => ex.words[i], (ex, i) => ex.pos[i]);
  const rare = new Map<number, number>();
  let rareTotal = 0;
  for (const [, c] of perWord) {
    let total = 0;
    for (const n of c.values()) total += n;
    if (total > 2) continue;
    for (const [tag, n] of c) {
      rare.set(tag, (rare.get(tag) ?? 0) + n);
      rareTotal += n;
    }
  }
  const open = [...rare.entries()].filter(([, n]) => n / rareTotal >= 0.002).map(([t]) => t).sort((a, b) => a - b);
  const fallback = open.length > 0 ? Int32Array.from(open) : Int32Array.from({ length: nLabels }, (_, i) => i);
  const byKey = new Map<string, Int32Array>();
  for (const [word, c] of perWord) {
    let total = 0;
    for (const n of c.values()) total += n;
    if (total >= 20) {
      byKey.set(word, Int32Array.from([...c.entries()].filter(([, n]) => n / total >= 0.01).map(([t]) => t).sort((a, b) => a - b)));
    } else if (total >= 3) {
      byKey.set(word, Int32Array.from(new Set([...c.keys(), ...open])).sort());
    }
  }
  return { byKey, fallback };
}

/** Chunk candidates per POS tag id: the chunk labels it has at least 0.1% of the time. */
function chunkCandidates(data: Example[], nLabels: number): Candidates {
  const byKey = new Map<string, Int32Array>();
  for (const [tag, c] of countLabels(data, (ex, i) => String(ex.pos[i]), (ex, i) => ex.chunk[i])) {
    let total = 0;
    for (const n of c.values()) total += n;
    byKey.set(tag, Int32Array.from([...c.entries()].filter(([, n]) => n / total >= 0.001).map(([t]) => t)).sort());
  }
  return { byKey, fallback: Int32Array.from({ length: nLabels }, (_, i) => i) };
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
  /** Further NER-annotated documents (types already mapped to PER/ORG/LOC/MISC), used for NER only. */
  extraDocs: ConllDocument[] = [],
  /**
   * Sentences with gold Penn tags (the UD treebanks) to train the POS tagger on, instead of
   * CoNLL-2003's automatic POS column; the chunker and NER then learn on the tags it gives.
   */
  posData?: { train: PosSentence[]; dev: PosSentence[]; withConll?: boolean },
): TrainedModels {
  if (posData) return trainOnGoldPos(trainDocs, devDocs, resources, settings, log, extraDocs, posData);
  const { examples: train, labelSets } = toExamples(trainDocs, settings.nerScheme);
  const { examples: dev } = toExamples(devDocs, settings.nerScheme, labelSets);
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

  // 3–4. NER on those tags.
  const { ner, devItems } = trainNer(trainer, { settings, log, labelSets, extraDocs }, { train, dev, parts }, { pos: jPos, chunk: jChunk }, { pos: devPos, chunk: devChunk }, pos, chunk);
  let devScores: TrainedModels['dev'] = null;
  if (hasDev) {
    const agree = tagAgreement(dev, devPos, devChunk);
    devScores = { posAccuracy: agree.pos, chunkAccuracy: agree.chunk, ner: trainer.evalNer(ner, devItems) };
  }
  return { pos, chunk, ner, dev: devScores };
}

/**
 * Steps 3 and 4 of training: jackknifed first-pass NER predictions give the training set realistic
 * document evidence; then one NER model for both passes, each sentence seen without document
 * evidence (the first pass) and with it (the second), so the second pass only adds the evidence's
 * weights. Extra first-pass-only items: other annotated sets, and Title Case copies of some
 * training sentences so that headlines set in Title Case do not read as strings of names.
 */
function trainNer(
  trainer: Trainer,
  run: { settings: TrainSettings; log: (msg: string) => void; labelSets: { pos: LabelSet; chunk: LabelSet; ner: LabelSet }; extraDocs: ConllDocument[] },
  data: { train: Example[]; dev: Example[]; parts: Example[][] },
  trainTags: { pos: Map<Example, Int32Array>; chunk: Map<Example, Int32Array> },
  devTags: { pos: Map<Example, Int32Array>; chunk: Map<Example, Int32Array> },
  pos: LinearModel,
  chunk: LinearModel,
): { ner: LinearModel; devItems: NerItem[] } {
  const { settings, labelSets } = run;
  const { train, dev, parts } = data;
  const nerLabels = labelSets.ner.labels;
  const types = typeIndexOfLabels(nerLabels);
  const items: NerItem[] = train.map((ex) => ({ ex, pos: trainTags.pos.get(ex)!, chunk: trainTags.chunk.get(ex)!, doc: null }));
  const devItems: NerItem[] = dev.map((ex) => ({ ex, pos: devTags.pos.get(ex)!, chunk: devTags.chunk.get(ex)!, doc: null }));
  const firstPass = new Map<Example, Int8Array>();
  for (let f = 0; f < parts.length; f++) {
    const inFold = new Set(parts[f]);
    const model = trainer.trainNer(nerLabels, items.filter((it) => !inFold.has(it.ex)), null, `ner fold ${f + 1}/${parts.length}`);
    const decoder = new NerDecoder(nerLabels);
    for (const it of items) if (inFold.has(it.ex)) firstPass.set(it.ex, Int8Array.from(trainer.tagNer(model, it, decoder), (l) => types[l]));
  }
  const docItems = trainer.withEvidence(items, (it) => firstPass.get(it.ex)!);
  const extra: NerItem[] = [];
  const tagged = (ex: Example): NerItem => {
    const p = trainer.tagPos(pos, ex.words);
    return { ex, pos: p, chunk: trainer.tagChunk(chunk, ex.words, p), doc: null };
  };
  for (const ex of toExamples(run.extraDocs, settings.nerScheme, labelSets).examples) extra.push(tagged(ex));
  const rand = mulberry32(settings.seed + 3);
  for (const ex of train) {
    if (rand() >= settings.titleCaseFraction) continue;
    const words = ex.words.map((w) => (/^\p{Ll}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w));
    extra.push(tagged({ ...ex, words }));
  }
  if (extra.length) run.log(`ner: ${extra.length} extra sentences (other annotated sets, Title Case copies)`);
  const ner = trainer.trainNer(nerLabels, [...items, ...docItems, ...extra], dev.length ? devItems : null, 'ner');
  return { ner, devItems };
}

/** How often the predicted POS and chunk tags of the dev sentences agree with their annotated ones. */
function tagAgreement(dev: Example[], pos: Map<Example, Int32Array>, chunk: Map<Example, Int32Array>): { pos: number; chunk: number } {
  let p = 0;
  let c = 0;
  let total = 0;
  for (const ex of dev) {
    const ps = pos.get(ex)!;
    const cs = chunk.get(ex)!;
    for (let i = 0; i < ps.length; i++) {
      if (ps[i] === ex.pos[i]) p++;
      if (cs[i] === ex.chunk[i]) c++;
    }
    total += ps.length;
  }
  return { pos: p / total, chunk: c / total };
}

/** A sentence with gold Penn tags. */
export interface PosSentence {
  words: readonly string[];
  xpos: readonly string[];
}

/**
 * POS from gold tags (UD), then the chunker and NER on CoNLL-2003 with the tags that tagger
 * gives: it never saw CoNLL, so its tags there are what it gives on any news, and no
 * jackknifing is needed for them. Chunks and first-pass NER are jackknifed as before.
 */
function trainOnGoldPos(
  trainDocs: ConllDocument[],
  devDocs: ConllDocument[],
  resources: { gazetteer?: GazetteerLike; clusters?: ClustersLike },
  settings: TrainSettings,
  log: (msg: string) => void,
  extraDocs: ConllDocument[],
  posData: { train: PosSentence[]; dev: PosSentence[]; withConll?: boolean },
): TrainedModels {
  // CoNLL's own POS column in the treebanks' conventions: training data (withConll) and the agreement printed at the end.
  const inPenn = (docs: ConllDocument[]) => docs.map((d) => ({ ...d, sentences: d.sentences.map((s) => ({ ...s, pos: pennOfConll(s.pos ?? s.words.map(() => 'NN')) })) }));
  const posLabels = LabelSet.from([...posData.train.flatMap((s) => s.xpos), ...(posData.withConll ? inPenn(trainDocs).flatMap((d) => d.sentences.flatMap((s) => s.pos)) : [])]);
  const conll = toExamples(trainDocs, settings.nerScheme);
  const labelSets = { pos: posLabels, chunk: conll.labelSets.chunk, ner: conll.labelSets.ner };
  const { examples: train } = toExamples(inPenn(trainDocs), settings.nerScheme, labelSets);
  const { examples: dev } = toExamples(inPenn(devDocs), settings.nerScheme, labelSets);
  const asExamples = (ss: PosSentence[]): Example[] => ss.map((s, i) => ({ doc: i, words: [...s.words], pos: posLabels.encode(s.xpos), chunk: new Int32Array(s.words.length), ner: new Int32Array(s.words.length) }));
  const hasDev = dev.length > 0;
  const trainer = new Trainer(settings, resources, log);
  log(`pos: ${posData.train.length} sentences with gold tags; then ${train.length} CoNLL sentences for chunks and NER`);
  const gold = asExamples(posData.train);
  const k = settings.folds;
  const parts = folds(train, k);
  // With CoNLL's own POS column among the training data, its sentences get jackknifed tags.
  const tagged = new Map<Example, Int32Array>();
  if (posData.withConll) {
    for (let f = 0; f < k; f++) {
      const fold = trainer.trainPos(posLabels.labels, [...gold, ...parts.filter((_, j) => j !== f).flat()], null, `pos fold ${f + 1}/${k}`);
      for (const ex of parts[f]) tagged.set(ex, trainer.tagPos(fold, ex.words));
    }
  }
  const pos = trainer.trainPos(posLabels.labels, posData.withConll ? [...gold, ...train] : gold, posData.dev.length ? asExamples(posData.dev) : null, 'pos');
  for (const e of [...train, ...dev]) if (!tagged.has(e)) tagged.set(e, trainer.tagPos(pos, e.words));
  const jChunk = new Map<Example, Int32Array>();
  for (let f = 0; f < k; f++) {
    const rest = parts.filter((_, j) => j !== f).flat();
    const chunk = trainer.trainChunk(labelSets.chunk.labels, rest, tagged, null, null, `chunk fold ${f + 1}/${k}`);
    for (const ex of parts[f]) jChunk.set(ex, trainer.tagChunk(chunk, ex.words, tagged.get(ex)!));
  }
  const chunk = trainer.trainChunk(labelSets.chunk.labels, train, tagged, hasDev ? dev : null, tagged, 'chunk');
  const devChunk = new Map<Example, Int32Array>(dev.map((e) => [e, trainer.tagChunk(chunk, e.words, tagged.get(e)!)]));
  const { ner, devItems } = trainNer(trainer, { settings, log, labelSets, extraDocs }, { train, dev, parts }, { pos: tagged, chunk: jChunk }, { pos: tagged, chunk: devChunk }, pos, chunk);
  let devScores: TrainedModels['dev'] = null;
  if (hasDev) {
    const agree = tagAgreement(dev, tagged, devChunk);
    const goldDev = posData.dev.length ? trainer.posAccuracy(pos, asExamples(posData.dev)) : agree.pos;
    log(`pos: ${(100 * goldDev).toFixed(2)}% on the gold-tagged dev sentences; ${(100 * agree.pos).toFixed(2)}% agreement with CoNLL dev's automatic POS column`);
    devScores = { posAccuracy: goldDev, chunkAccuracy: agree.chunk, ner: trainer.evalNer(ner, devItems) };
  }
  return { pos, chunk, ner, dev: devScores };
}

/** CoNLL-2003's POS column in the treebanks' Penn conventions: brackets as -LRB-/-RRB-, quotes opening and closing. */
export function pennOfConll(tags: readonly string[]): string[] {
  let open = true;
  return tags.map((t) => {
    if (t === '(') return '-LRB-';
    if (t === ')') return '-RRB-';
    if (t === 'NN|SYM') return 'NN';
    if (t === '"') {
      const q = open ? '``' : "''";
      open = !open;
      return q;
    }
    return t;
  });
}
