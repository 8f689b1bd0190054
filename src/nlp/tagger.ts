/**
 * The tagging pipeline over tokenized sentences: greedy POS, greedy chunks, then NER in two
 * passes over the document (the second pass sees what the first found for the same word
 * elsewhere in the document), each NER pass decoded by Viterbi under BIO (or BILOU) constraints.
 */
import { ENTITY_TAGS } from '../types.js';
import { Viterbi, labelConstraints, splitLabel } from './decode.js';
import {
  FeatureBuffer,
  SentenceContext,
  appendDocFeatures,
  casingOf,
  isUrlToken,
  chunkTagFeatures,
  chunkWordFeatures,
  nerChunkFeatures,
  nerLexicalFeatures,
  nerPosFeatures,
  nerWordFeatures,
  posContextFeatures,
  posWordFeatures,
  wordAttributes,
  wordVariant,
  type ClustersLike,
  type GazetteerLike,
} from './features.js';
import { argmaxOf, candidatesFor, type LinearModel } from './linear.js';

export interface TaggerModels {
  pos: LinearModel;
  chunk: LinearModel;
  /** NER for both passes; the second adds document-evidence features (see tagDocument). */
  ner: LinearModel;
  gazetteer?: GazetteerLike;
  clusters?: ClustersLike;
  /** The POS model reads the extended context templates (the parser's POS model does). */
  extendedPos?: boolean;
}

export interface SentenceTags {
  pos: Int32Array;
  chunk: Int32Array;
  /** NER label ids (BIO or BILOU, as the model was trained). */
  ner: Int32Array;
  /** Per token: the decided label's emission score minus the best other label's (≥ 0 mostly). */
  margin: Float64Array;
}

/** Entity type index per label (0 = none, 1.. = ENTITY_TAGS index + 1). */
export function typeIndexOfLabels(labels: readonly string[]): Int8Array {
  return Int8Array.from(labels, (l) => {
    const { type } = splitLabel(l);
    return type ? ENTITY_TAGS.indexOf(type as never) + 1 : 0;
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
      if (!c) counts.set(key, (c = new Int32Array(ENTITY_TAGS.length + 1)));
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
    const { allowed, startOk, endOk } = labelConstraints(labels);
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
  private emStore = new Float64Array(0);
  // Per word form: POS candidates and the scores of the word-only features (most tokens are frequent words).
  private readonly words = new WordCache();
  private entries: WordEntry[] = [];
  private attrs: Int32Array[] = [];
  private readonly chunkCache = new Map<number, Float64Array>();
  private readonly nerPosCache = new Map<number, Float64Array>();
  private readonly nerChunkCache = new Map<number, Float64Array>();
  private readonly extra: Float64Array;
  /** Index of the O label. */
  private readonly outside: number;
  /** Candidate chunk labels per POS tag id. */
  private readonly chunkCands: Int32Array[];
  readonly nerTypes: Int8Array;

  constructor(readonly models: TaggerModels) {
    this.ctx = new SentenceContext(models.gazetteer, models.clusters);
    this.posScores = new Float64Array(models.pos.nLabels);
    this.chunkScores = new Float64Array(models.chunk.nLabels);
    this.decoder = new NerDecoder(models.ner.labels);
    this.extra = new Float64Array(models.ner.nLabels);
    this.outside = models.ner.labels.indexOf('O');
    this.chunkCands = models.pos.labels.map((_, id) => candidatesFor(models.chunk.candidates!, String(id)));
    this.nerTypes = typeIndexOfLabels(models.ner.labels);
  }

  /**
   * Fills the word cache for the given word forms (the frequent training words, at load time),
   * so that the first article tagged does not pay for them.
   */
  prewarm(words: readonly string[]): void {
    for (let at = 0; at < words.length; at += 64) {
      this.setSentence(words.slice(at, at + 64));
      for (let i = 0; i < this.ctx.n; i++) {
        this.words.posScores(this.entries[i], this.ctx, i, this.buf, this.models.pos);
        this.words.nerScores(this.entries[i], this.ctx, i, this.buf, this.models.ner);
      }
    }
  }

  /** The POS tags alone, sentence by sentence (label ids of the POS model). */
  tagPosOnly(sentences: readonly (readonly string[])[]): Int32Array[] {
    return sentences.map((words) => {
      this.setSentence(words);
      const out = new Int32Array(words.length);
      this.tagPos(out);
      return out;
    });
  }

  /** Looks up every word's cache entry, then sets the sentence context from their cached attributes. */
  private setSentence(words: readonly string[]): void {
    const n = words.length;
    if (this.entries.length < n) {
      this.entries = new Array(n * 2);
      this.attrs = new Array(n * 2);
    }
    for (let i = 0; i < n; i++) {
      const e = this.words.entry(words[i], this.models.pos, this.models.clusters);
      this.entries[i] = e;
      this.attrs[i] = e.attrs;
    }
    this.ctx.set(words, this.attrs);
  }

  private tagPos(out: Int32Array): void {
    const ctx = this.ctx;
    const n = ctx.n;
    const model = this.models.pos;
    const scores = this.posScores;
    const words = this.words;
    for (let i = 0; i < n; i++) {
      const entry = this.entries[i];
      const cands = entry.posCandidates;
      if (cands.length === 1) {
        out[i] = cands[0];
        continue;
      }
      const word = words.posScores(entry, ctx, i, this.buf, model);
      posContextFeatures(ctx, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, this.buf.cleared(), this.models.extendedPos === true);
      model.scoreLabels(this.buf.ids, this.buf.n, cands, scores);
      for (let k = 0; k < cands.length; k++) scores[cands[k]] += word[cands[k]];
      out[i] = argmaxOf(scores, cands);
    }
  }

  private tagChunks(pos: Int32Array, out: Int32Array): void {
    const ctx = this.ctx;
    const n = ctx.n;
    const model = this.models.chunk;
    const scores = this.chunkScores;
    const L = model.nLabels;
    for (let i = 0; i < n; i++) {
      const pm1 = i > 0 ? pos[i - 1] : -1;
      const pp1 = i + 1 < n ? pos[i + 1] : -2;
      const c1 = i > 0 ? out[i - 1] : -1;
      // Tag ids are small (≥ -2), so the four of them make an exact numeric cache key.
      const key = (((pm1 + 2) * 64 + pos[i] + 2) * 64 + pp1 + 2) * 64 + c1 + 2;
      let tagScores = this.chunkCache.get(key);
      if (!tagScores) {
        chunkTagFeatures(pm1, pos[i], pp1, c1, this.buf.cleared());
        tagScores = new Float64Array(L);
        model.score(this.buf.ids, this.buf.n, tagScores);
        if (this.chunkCache.size >= 200_000) this.chunkCache.clear();
        this.chunkCache.set(key, tagScores);
      }
      const cands = this.chunkCands[pos[i]];
      chunkWordFeatures(ctx, i, pos, this.buf.cleared());
      model.scoreLabels(this.buf.ids, this.buf.n, cands, scores);
      for (let c = 0; c < cands.length; c++) scores[cands[c]] += tagScores[cands[c]];
      out[i] = argmaxOf(scores, cands);
    }
  }

  /** NER scores of the POS- and chunk-trigram features at token i, cached by the trigrams. */
  private nerTagScores(pos: Int32Array, chunk: Int32Array, i: number, n: number, out: Float64Array): void {
    const model = this.models.ner;
    const L = model.nLabels;
    // Tag ids are small, so each trigram is an exact small-integer key (fast Map look-ups).
    const pm1 = i > 0 ? pos[i - 1] : -1;
    const pp1 = i + 1 < n ? pos[i + 1] : -2;
    const posKey = ((pm1 + 2) * 64 + pos[i] + 2) * 64 + pp1 + 2;
    let a = this.nerPosCache.get(posKey);
    if (!a) {
      nerPosFeatures(pm1, pos[i], pp1, this.buf.cleared());
      a = new Float64Array(L);
      model.score(this.buf.ids, this.buf.n, a);
      this.nerPosCache.set(posKey, a);
    }
    const cm1 = i > 0 ? chunk[i - 1] : -1;
    const cp1 = i + 1 < n ? chunk[i + 1] : -2;
    const chunkKey = ((cm1 + 2) * 64 + chunk[i] + 2) * 64 + cp1 + 2;
    let b = this.nerChunkCache.get(chunkKey);
    if (!b) {
      nerChunkFeatures(cm1, chunk[i], cp1, this.buf.cleared());
      b = new Float64Array(L);
      model.score(this.buf.ids, this.buf.n, b);
      this.nerChunkCache.set(chunkKey, b);
    }
    for (let k = 0; k < L; k++) out[k] = a[k] + b[k];
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
   * Tags the sentences of one document. The NER model serves both passes: the second pass adds
   * the weights of the document-evidence features to the first pass's emission scores and
   * decodes again, so it costs two feature look-ups per token, not a second full scoring.
   */
  tagDocument(sentences: readonly (readonly string[])[]): SentenceTags[] {
    const result: SentenceTags[] = sentences.map((words) => {
      const n = words.length;
      return { pos: new Int32Array(n), chunk: new Int32Array(n), ner: new Int32Array(n), margin: new Float64Array(n) };
    });
    const ner = this.models.ner;
    const L = ner.nLabels;
    let total = 0;
    for (const s of sentences) total += s.length;
    // First-pass emissions for the whole document, and each token's casing for the evidence features.
    if (this.emStore.length < total * L) this.emStore = new Float64Array(total * L * 2);
    const emStore = this.emStore;
    const casing = new Int32Array(total);
    const firstPassTypes: Int8Array[] = [];
    const tags = this.extra;
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      const r = result[s];
      const n = sentences[s].length;
      this.setSentence(sentences[s]);
      this.tagPos(r.pos);
      this.tagChunks(r.pos, r.chunk);
      const em = emStore.subarray(t * L, (t + n) * L);
      for (let i = 0; i < n; i++) {
        const word = this.words.nerScores(this.entries[i], this.ctx, i, this.buf, ner);
        this.nerTagScores(r.pos, r.chunk, i, n, tags);
        nerLexicalFeatures(this.ctx, i, this.buf.cleared());
        ner.score(this.buf.ids, this.buf.n, em, i * L);
        for (let k = 0; k < L; k++) em[i * L + k] += word[k] + tags[k];
        casing[t + i] = casingOf(this.ctx, i);
        // @handles, #hashtags and URLs name accounts, topics and pages, never entities themselves.
        if (isNotName(this.ctx, i)) for (let k = 0; k < L; k++) if (k !== this.outside) em[i * L + k] = -1e9;
      }
      this.decodeNer(ner, n, em, r.ner, r.margin);
      firstPassTypes.push(Int8Array.from(r.ner, (l) => this.nerTypes[l]));
      t += n;
    }
    const evidence = documentEvidence(sentences, firstPassTypes);
    const extra = this.extra;
    t = 0;
    for (let s = 0; s < sentences.length; s++) {
      const r = result[s];
      const n = sentences[s].length;
      const em = emStore.subarray(t * L, (t + n) * L);
      // Without evidence the second pass adds nothing: keep the first pass's labels.
      if (evidence[s].every((code) => code === 0)) {
        t += n;
        continue;
      }
      for (let i = 0; i < n; i++) {
        appendDocFeatures(evidence[s][i], casing[t + i], this.buf.cleared());
        ner.score(this.buf.ids, this.buf.n, extra);
        for (let k = 0; k < L; k++) em[i * L + k] += extra[k];
      }
      this.decodeNer(ner, n, em, r.ner, r.margin);
      t += n;
    }
    return result;
  }
}

/** The cached scores of a word's word-only features for the variant at token i, computed on first use. */
function wordScores(
  slots: (Float64Array | undefined)[],
  features: (ctx: SentenceContext, i: number, out: FeatureBuffer) => void,
  ctx: SentenceContext,
  i: number,
  buf: FeatureBuffer,
  model: LinearModel,
): Float64Array {
  const v = wordVariant(ctx, i);
  let scores = slots[v];
  if (!scores) {
    features(ctx, i, buf);
    scores = slots[v] = new Float64Array(model.nLabels);
    model.score(buf.ids, buf.n, scores);
  }
  return scores;
}

/** What the tagger keeps per word form. */
interface WordEntry {
  posCandidates: Int32Array;
  /** The word's sentence-independent feature attributes (see wordAttributes). */
  attrs: Int32Array;
  /** Scores of the word-only features per wordVariant, filled on first use. */
  pos: (Float64Array | undefined)[];
  ner: (Float64Array | undefined)[];
}

function newEntry(posCandidates: Int32Array, attrs: Int32Array): WordEntry {
  return { posCandidates, attrs, pos: [undefined, undefined, undefined, undefined], ner: [undefined, undefined, undefined, undefined] };
}

/**
 * Per word form: POS candidates and the summed weights of the features that depend on the word
 * alone (per wordVariant). Bounded: cleared when it grows past `limit` words.
 */
class WordCache {
  private readonly map = new Map<string, WordEntry>();

  constructor(private readonly limit = 100_000) {}

  entry(word: string, pos: LinearModel, clusters: ClustersLike | undefined): WordEntry {
    let e = this.map.get(word);
    if (!e) {
      if (this.map.size >= this.limit) this.map.clear();
      e = newEntry(candidatesFor(pos.candidates!, word), wordAttributes(word, clusters));
      this.map.set(word, e);
    }
    return e;
  }

  posScores(e: WordEntry, ctx: SentenceContext, i: number, buf: FeatureBuffer, model: LinearModel): Float64Array {
    return wordScores(e.pos, posWordFeatures, ctx, i, buf, model);
  }

  nerScores(e: WordEntry, ctx: SentenceContext, i: number, buf: FeatureBuffer, model: LinearModel): Float64Array {
    return wordScores(e.ner, nerWordFeatures, ctx, i, buf, model);
  }
}

function isNotName(ctx: SentenceContext, i: number): boolean {
  const c = ctx.words[i].charCodeAt(0);
  return ((c === 64 || c === 35) && ctx.words[i].length > 1) || isUrlToken(ctx, i);
}

export function argmax(scores: Float64Array, n = scores.length): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (scores[k] > scores[best]) best = k;
  return best;
}
