/**
 * The tagging pipeline over tokenized sentences: greedy POS, greedy chunks, then NER in two
 * passes over the document (the second pass sees what the first found for the same word
 * elsewhere in the document), each NER pass decoded by Viterbi under BILOU constraints.
 */
import { ENTITY_TYPES } from '../types.js';
import { Viterbi, bilouConstraints, splitLabel } from './decode.js';
import { FeatureBuffer, SentenceContext, appendDocFeatures, casingOf, chunkFeatures, nerFeatures, posFeatures, type ClustersLike, type GazetteerLike } from './features.js';
import type { LinearModel } from './linear.js';

export interface TaggerModels {
  pos: LinearModel;
  chunk: LinearModel;
  /** First NER pass: sentence-local features. */
  ner: LinearModel;
  /** Second NER pass: adds document-level evidence from the first. */
  nerDoc: LinearModel;
  gazetteer?: GazetteerLike;
  clusters?: ClustersLike;
}

export interface SentenceTags {
  pos: Int32Array;
  chunk: Int32Array;
  /** BILOU label ids of the NER model. */
  ner: Int32Array;
  /** Per token: the decided label's emission score minus the best other label's (≥ 0 mostly). */
  margin: Float64Array;
}

/** Entity type index per token (0 = none, 1.. = ENTITY_TYPES index + 1) from BILOU label ids. */
export function typeIndexOfLabels(labels: readonly string[]): Int8Array {
  return Int8Array.from(labels, (l) => {
    const { type } = splitLabel(l);
    return type ? ENTITY_TYPES.indexOf(type as never) + 1 : 0;
  });
}

function hasUpper(word: string): boolean {
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    if (c >= 65 && c <= 90) return true;
    if (c > 127 && word[j] !== word[j].toLowerCase()) return true;
  }
  return false;
}

/**
 * Document evidence for the second NER pass: for each capitalised token, which entity type the
 * same word (case-insensitively, other capitalised occurrences only) received most often in
 * the first pass, and how consistently. 0 = no other occurrence.
 */
export function documentEvidence(words: readonly (readonly string[])[], types: readonly ArrayLike<number>[]): Int32Array[] {
  const counts = new Map<string, Int32Array>();
  for (let s = 0; s < words.length; s++) {
    const ws = words[s];
    for (let i = 0; i < ws.length; i++) {
      if (!hasUpper(ws[i])) continue;
      const key = ws[i].toLowerCase();
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Int32Array(ENTITY_TYPES.length + 1)));
      c[types[s][i]]++;
    }
  }
  return words.map((ws, s) => {
    const out = new Int32Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      if (!hasUpper(ws[i])) continue;
      const c = counts.get(ws[i].toLowerCase())!;
      const own = types[s][i];
      let total = 0;
      let best = 0;
      let bestCount = 0;
      for (let t = 0; t < c.length; t++) {
        const n = c[t] - (t === own ? 1 : 0);
        total += n;
        if (t > 0 && n > bestCount) {
          bestCount = n;
          best = t;
        }
      }
      if (total === 0) continue;
      if (best === 0) {
        out[i] = 99;
        continue;
      }
      const frac = bestCount / total;
      out[i] = 1 + (best - 1) * 3 + (frac < 0.34 ? 0 : frac < 0.67 ? 1 : 2);
    }
    return out;
  });
}

/** Sentence-level NER scorer shared by training-time evaluation and the runtime tagger. */
export class NerDecoder {
  readonly viterbi: Viterbi;
  private emissions = new Float64Array(0);

  constructor(readonly labels: readonly string[]) {
    const { allowed, startOk, endOk } = bilouConstraints(labels);
    this.viterbi = new Viterbi(labels.length, allowed, startOk, endOk);
  }

  /** Emission buffer of at least n × L. */
  buffer(n: number): Float64Array {
    const need = n * this.labels.length;
    if (this.emissions.length < need) this.emissions = new Float64Array(need * 2);
    return this.emissions;
  }
}

export class Tagger {
  private readonly ctx: SentenceContext;
  private readonly buf = new FeatureBuffer();
  private readonly posScores: Float64Array;
  private readonly chunkScores: Float64Array;
  private readonly decoder: NerDecoder;
  private idStore = new Int32Array(0);
  readonly nerTypes: Int8Array;

  constructor(readonly models: TaggerModels) {
    this.ctx = new SentenceContext(models.gazetteer, models.clusters);
    this.posScores = new Float64Array(models.pos.nLabels);
    this.chunkScores = new Float64Array(models.chunk.nLabels);
    this.decoder = new NerDecoder(models.ner.labels);
    this.nerTypes = typeIndexOfLabels(models.ner.labels);
  }

  private tagPos(out: Int32Array): void {
    const ctx = this.ctx;
    const model = this.models.pos;
    const scores = this.posScores;
    for (let i = 0; i < ctx.n; i++) {
      posFeatures(ctx, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, this.buf);
      model.score(this.buf.ids, this.buf.n, scores);
      out[i] = argmax(scores);
    }
  }

  private tagChunks(pos: Int32Array, out: Int32Array): void {
    const ctx = this.ctx;
    const model = this.models.chunk;
    const scores = this.chunkScores;
    for (let i = 0; i < ctx.n; i++) {
      chunkFeatures(ctx, i, pos, i > 0 ? out[i - 1] : -1, this.buf);
      model.score(this.buf.ids, this.buf.n, scores);
      out[i] = argmax(scores);
    }
  }

  /** Decodes NER emissions already in the decoder's buffer; fills labels and margins. */
  private decodeNer(model: LinearModel, n: number, em: Float64Array, out: Int32Array, margin: Float64Array): void {
    const L = model.nLabels;
    this.decoder.viterbi.decode(em, n, model.transitions!, model.start!, out);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const chosen = em[base + out[i]];
      let other = -Infinity;
      for (let k = 0; k < L; k++) if (k !== out[i] && em[base + k] > other) other = em[base + k];
      margin[i] = chosen - other;
    }
  }

  /**
   * Tags the sentences of one document. The first NER pass's features are kept and reused by
   * the second pass, which only appends the document evidence.
   */
  tagDocument(sentences: readonly (readonly string[])[]): SentenceTags[] {
    const result: SentenceTags[] = sentences.map((words) => {
      const n = words.length;
      return { pos: new Int32Array(n), chunk: new Int32Array(n), ner: new Int32Array(n), margin: new Float64Array(n) };
    });
    const { ner, nerDoc } = this.models;
    const L = ner.nLabels;
    let total = 0;
    for (const s of sentences) total += s.length;
    // Flat per-document store of first-pass feature ids: offsets[t]..offsets[t+1] for token t.
    const offsets = new Int32Array(total + 1);
    const casing = new Int32Array(total);
    let ids = this.idStore.length >= total * 48 ? this.idStore : (this.idStore = new Int32Array(total * 64));
    const firstPassTypes: Int8Array[] = [];
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      const r = result[s];
      const n = sentences[s].length;
      this.ctx.set(sentences[s]);
      this.tagPos(r.pos);
      this.tagChunks(r.pos, r.chunk);
      const em = this.decoder.buffer(n);
      for (let i = 0; i < n; i++, t++) {
        nerFeatures(this.ctx, i, r.pos, r.chunk, this.buf);
        ner.score(this.buf.ids, this.buf.n, em, i * L);
        if (ids.length < offsets[t] + this.buf.n) {
          const grown = new Int32Array((offsets[t] + this.buf.n) * 2);
          grown.set(ids.subarray(0, offsets[t]));
          ids = this.idStore = grown;
        }
        ids.set(this.buf.ids.subarray(0, this.buf.n), offsets[t]);
        offsets[t + 1] = offsets[t] + this.buf.n;
        casing[t] = casingOf(this.ctx, i);
      }
      this.decodeNer(ner, n, em, r.ner, r.margin);
      firstPassTypes.push(Int8Array.from(r.ner, (l) => this.nerTypes[l]));
    }
    const evidence = documentEvidence(sentences, firstPassTypes);
    t = 0;
    for (let s = 0; s < sentences.length; s++) {
      const r = result[s];
      const n = sentences[s].length;
      const em = this.decoder.buffer(n);
      for (let i = 0; i < n; i++, t++) {
        const buf = this.buf;
        buf.reset();
        for (let j = offsets[t]; j < offsets[t + 1]; j++) buf.push(ids[j]);
        appendDocFeatures(evidence[s][i], casing[t], buf);
        nerDoc.score(buf.ids, buf.n, em, i * L);
      }
      this.decodeNer(nerDoc, n, em, r.ner, r.margin);
    }
    return result;
  }
}

export function argmax(scores: Float64Array, n = scores.length): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (scores[k] > scores[best]) best = k;
  return best;
}
