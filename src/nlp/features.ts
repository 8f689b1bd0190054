/**
 * Feature extraction for the POS, chunk and NER taggers.
 *
 * Every string property of a token (word, lowercase, shape, affixes, gazetteer and cluster
 * membership) is hashed once per sentence; a feature is then an integer mix of a template id
 * with one or two of those hashes. No feature strings are built, which keeps tagging fast.
 *
 * FEATURE_SIGNATURE names every template; a model records the signature it was trained with
 * and refuses to load under code that computes other features.
 */
import { hashString, mix, mix3 } from './hash.js';

/** What the feature code needs from a gazetteer (see gazetteer.ts). */
export interface GazetteerLike {
  /** Per-token match bits from hashString(lowercase form) of each token. */
  matchHashes(hashes: Int32Array, n: number, out?: Uint32Array): Uint32Array;
  /** Category index of ordinary English words. */
  readonly wordCategory: number;
}

/** What the feature code needs from word clusters (see clusters.ts). */
export interface ClustersLike {
  prefixIds(word: string, lower: string, out: Int32Array, offset: number): number;
}

/** Bump the version whenever a template below changes meaning. */
export const FEATURE_VERSION = 6;

const TEMPLATE_NAMES = [
  'bias', 'w', 'l', 'capsline-l', 'l-1', 'l+1', 'l-2', 'l+2', 'l-1.l', 'l.l+1',
  'p1', 'p2', 'p3', 's1', 's2', 's3', 's4', 'shape', 'shape-1', 'shape+1',
  'short', 'flags', 'flags.first', 's3-1', 's3+1',
  'pos', 'pos-1', 'pos+1', 'pos-2', 'pos+2', 'pos-1.pos', 'pos.pos+1',
  'chunk', 'chunk-1.chunk', 'chunk.chunk+1',
  't-1', 't-2.t-1', 't-1.l', 't-1.pos', 't-1.pos+1',
  'gaz-1', 'gaz+1', 'gaz.shape', 'cl', 'cl-1', 'cl+1', 'doc', 'doc.shape',
] as const;
type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const FEATURE_SIGNATURE = `newskg-features/v${FEATURE_VERSION}:${TEMPLATE_NAMES.join(',')}`;

/**
 * Further POS context templates, used by the parser's POS model only (its file's signature names
 * them): +0.1 to +0.2 EWT dev accuracy. The tagger model's POS, which the NER was trained on, keeps the
 * templates above; with these its NER typed names in odd contexts worse (Barack Obama as ORG).
 */
const EXTENDED_POS_TEMPLATES = ['cl@', 'shape@', 'l-1.l', 'l.l+1', 't-1.s3', 't-1.l+1', 't-2.t-1.l'] as const;
export const EXTENDED_POS_SIGNATURE = `pos+${EXTENDED_POS_TEMPLATES.join(',')}`;
const X = Object.fromEntries(EXTENDED_POS_TEMPLATES.map((n) => [n, hashString(`pos+${n}`)])) as Record<(typeof EXTENDED_POS_TEMPLATES)[number], number>;

const T = Object.fromEntries(TEMPLATE_NAMES.map((n) => [n, hashString(n)])) as Record<TemplateName, number>;

// Token flag bits.
const F_INITCAP = 1;
const F_ALLCAPS = 2;
const F_HASDIGIT = 4;
const F_ALLDIGIT = 8;
const F_HYPHEN = 16;
const F_PERIOD = 32;
const F_PUNCT = 64;
const F_LOWER = 128;
const F_FIRST = 256;
const F_CAPSLINE = 512;
const F_URL = 1024;

const BOUNDARY = hashString('<s>');
const BOUNDARY_END = hashString('</s>');

function charClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // 'X'
  if (c >= 97 && c <= 122) return 120; // 'x'
  if (c >= 48 && c <= 57) return 100; // 'd'
  if (c > 127) {
    const s = String.fromCharCode(c);
    const up = s.toUpperCase();
    const lo = s.toLowerCase();
    if (up !== lo) return s === up ? 88 : 120;
  }
  return c;
}

/** Cluster ids per token at most (one per granularity in clusters.ts). */
const MAX_CLUSTER_IDS = 4;

// Layout of a word's attributes (see wordAttributes).
const A_W = 0;
const A_L = 1;
const A_SHAPE = 2;
const A_SHORT = 3;
const A_FLAGS = 4;
const A_LINE = 5;
const A_PRE = 6;
const A_SUF = 10;
const A_CLN = 14;
const A_CL = 15;
export const WORD_ATTRIBUTES = A_CL + MAX_CLUSTER_IDS;

/**
 * What the features need from a word on its own, whatever its sentence: hashes of the form and
 * lowercase form, shape hashes, flags (all but sentence-initial and line flags), affix hashes,
 * cluster ids, and how it counts towards an all-capitals line (0 no letters, 1 has lowercase, 2 capitals).
 */
export function wordAttributes(word: string, clusters: ClustersLike | undefined, out: Int32Array = new Int32Array(WORD_ATTRIBUTES)): Int32Array {
  const lw = word.toLowerCase();
  out[A_W] = hashString(word);
  out[A_L] = hashString(lw);
  // Shape: character classes, runs capped at 2 (long) and at 1 (short).
  let hLong = 0x811c9dc5;
  let hShort = 0x811c9dc5;
  let prev = -1;
  let run = 0;
  let upper = 0;
  let lowerCount = 0;
  let digits = 0;
  let hyphen = false;
  let period = false;
  let letters = 0;
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    const k = charClass(c);
    if (k === 88) upper++;
    else if (k === 120) lowerCount++;
    else if (k === 100) digits++;
    else if (c === 45) hyphen = true;
    else if (c === 46) period = true;
    if (k === 88 || k === 120) letters++;
    if (k === prev) run++;
    else run = 1;
    if (run <= 2) hLong = Math.imul(hLong ^ k, 0x01000193);
    if (run === 1) hShort = Math.imul(hShort ^ k, 0x01000193);
    prev = k;
  }
  out[A_SHAPE] = hLong | 0;
  out[A_SHORT] = hShort | 0;
  let f = 0;
  if (upper > 0 && charClass(word.charCodeAt(0)) === 88) f |= F_INITCAP;
  if (upper > 1 && lowerCount === 0) f |= F_ALLCAPS;
  if (digits > 0) f |= F_HASDIGIT;
  if (digits === word.length) f |= F_ALLDIGIT;
  if (hyphen) f |= F_HYPHEN;
  if (period) f |= F_PERIOD;
  if (letters === 0 && digits === 0) f |= F_PUNCT;
  if (upper === 0 && lowerCount > 0) f |= F_LOWER;
  if (word.length > 4 && (word.startsWith('http') || word.startsWith('www.') || word.includes('.com/'))) f |= F_URL;
  out[A_FLAGS] = f;
  out[A_LINE] = letters >= 2 ? (lowerCount === 0 ? 2 : 1) : 0;
  // Affixes of the lowercase form; hashes of prefix lengths 1..4 and suffix lengths 1..4.
  let hp = 0x811c9dc5;
  const len = lw.length;
  for (let j = 0; j < 4; j++) {
    if (j < len) hp = Math.imul(hp ^ lw.charCodeAt(j), 0x01000193);
    out[A_PRE + j] = j < len ? hp | 0 : 0;
  }
  let hs = 0x811c9dc5;
  for (let j = 0; j < 4; j++) {
    if (j < len) hs = Math.imul(hs ^ lw.charCodeAt(len - 1 - j), 0x01000193);
    out[A_SUF + j] = j < len ? hs | 0 : 0;
  }
  out[A_CLN] = clusters ? clusters.prefixIds(word, lw, out, A_CL) : 0;
  return out;
}

/**
 * Per-sentence token attributes, computed once and shared by all three taggers.
 * Buffers are reused across sentences to avoid allocation in the hot path.
 */
export class SentenceContext {
  n = 0;
  words: string[] = [];
  w = new Int32Array(64);
  l = new Int32Array(64);
  shape = new Int32Array(64);
  short = new Int32Array(64);
  flags = new Int32Array(64);
  pre = new Int32Array(64 * 4);
  suf = new Int32Array(64 * 4);
  gaz = new Uint32Array(64);
  cl = new Int32Array(64 * MAX_CLUSTER_IDS);
  clN = new Int32Array(64);

  /** Match bit of the gazetteer's ordinary-English-words list. */
  private readonly wordBit: number;
  private readonly scratch = new Int32Array(WORD_ATTRIBUTES);

  constructor(
    private readonly gazetteer?: GazetteerLike,
    private readonly clusters?: ClustersLike,
  ) {
    this.wordBit = gazetteer ? 1 << (2 * gazetteer.wordCategory) : 0;
  }

  private ensure(n: number): void {
    if (this.w.length >= n) return;
    let size = this.w.length;
    while (size < n) size *= 2;
    this.w = new Int32Array(size);
    this.l = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.short = new Int32Array(size);
    this.flags = new Int32Array(size);
    this.pre = new Int32Array(size * 4);
    this.suf = new Int32Array(size * 4);
    this.gaz = new Uint32Array(size);
    this.cl = new Int32Array(size * MAX_CLUSTER_IDS);
    this.clN = new Int32Array(size);
  }

  /**
   * Sets the sentence. `cached`, when given, holds each word's attributes as computed by
   * wordAttributes (the tagger keeps them per word form), which saves hashing the same words again.
   */
  set(words: readonly string[], cached?: readonly Int32Array[]): void {
    const n = words.length;
    this.ensure(n);
    this.n = n;
    this.words = words as string[];
    let alpha = 0;
    let caps = 0;
    for (let i = 0; i < n; i++) {
      let a: Int32Array;
      if (cached) a = cached[i];
      else {
        a = this.scratch;
        wordAttributes(words[i], this.clusters, a);
      }
      this.w[i] = a[A_W];
      this.l[i] = a[A_L];
      this.shape[i] = a[A_SHAPE];
      this.short[i] = a[A_SHORT];
      this.flags[i] = i === 0 ? a[A_FLAGS] | F_FIRST : a[A_FLAGS];
      for (let j = 0; j < 4; j++) {
        this.pre[i * 4 + j] = a[A_PRE + j];
        this.suf[i * 4 + j] = a[A_SUF + j];
      }
      const clN = a[A_CLN];
      this.clN[i] = clN;
      for (let j = 0; j < clN; j++) this.cl[i * MAX_CLUSTER_IDS + j] = a[A_CL + j];
      const line = a[A_LINE];
      if (line) {
        alpha++;
        if (line === 2) caps++;
      }
    }
    // A headline or dateline in capitals: casing says nothing there, so the models see it as a context flag.
    if (alpha >= 2 && caps === alpha) for (let i = 0; i < n; i++) this.flags[i] |= F_CAPSLINE;
    // Sentence-initial also after an opening quote or bracket.
    if (n > 1 && this.flags[0] & F_PUNCT) this.flags[1] |= F_FIRST;
    if (this.gazetteer) {
      const g = this.gazetteer.matchHashes(this.l, n, this.gaz.length >= n ? this.gaz : undefined);
      if (g !== this.gaz) this.gaz.set(g.subarray(0, n));
      // A headline in Title Case says as little through casing as one in capitals: when nearly
      // every ordinary dictionary word of the line is capitalised, flag it the same way.
      if (!(this.flags[0] & F_CAPSLINE)) {
        let common = 0;
        let capitalised = 0;
        for (let i = 1; i < n; i++) {
          if (!(this.gaz[i] & this.wordBit) || words[i].length < 2) continue;
          common++;
          if (this.flags[i] & F_INITCAP) capitalised++;
        }
        if (common >= 3 && capitalised >= 0.8 * common) for (let i = 0; i < n; i++) this.flags[i] |= F_CAPSLINE;
      }
    } else {
      this.gaz.fill(0, 0, n);
    }
  }
}

/** Feature buffer with a cursor. */
export class FeatureBuffer {
  ids = new Int32Array(256);
  n = 0;
  reset(): void {
    this.n = 0;
  }
  cleared(): this {
    this.n = 0;
    return this;
  }
  push(id: number): void {
    if (this.n === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.n++] = id;
  }
}

/** Hash of the lowercase word at i, or a boundary marker outside the sentence. */
function wordAt(ctx: SentenceContext, i: number): number {
  return i < 0 ? BOUNDARY : i >= ctx.n ? BOUNDARY_END : ctx.l[i];
}
function shapeAt(ctx: SentenceContext, i: number): number {
  return i < 0 ? BOUNDARY : i >= ctx.n ? BOUNDARY_END : ctx.shape[i];
}
/** Tag id at i, or -1 / -2 before the start / after the end (the same markers the tagger uses). */
function tagAt(tags: Int32Array, n: number, i: number): number {
  return i < 0 ? -1 : i >= n ? -2 : tags[i];
}

/**
 * POS features for token i given the two previous predicted tags (Honnibal-style greedy tagger,
 * plus shape and flags). Split in two so the tagger can cache the word-only part per word.
 */
export function posFeatures(ctx: SentenceContext, i: number, t1: number, t2: number, out: FeatureBuffer, extended = false): void {
  posWordFeatures(ctx, i, out);
  posContextFeatures(ctx, i, t1, t2, out, extended);
}

/**
 * The POS features that depend only on the token itself, its line being in capitals and its
 * being sentence-initial (see wordVariant).
 */
export function posWordFeatures(ctx: SentenceContext, i: number, out: FeatureBuffer): void {
  out.reset();
  const capsline = ctx.flags[i] & F_CAPSLINE;
  out.push(mix(T.bias, 0));
  out.push(mix(T.l, ctx.l[i]));
  if (!capsline) out.push(mix(T.w, ctx.w[i]));
  else out.push(mix(T['capsline-l'], ctx.l[i]));
  out.push(mix(T.p1, ctx.pre[i * 4]));
  out.push(mix(T.s1, ctx.suf[i * 4]));
  out.push(mix(T.s2, ctx.suf[i * 4 + 1]));
  out.push(mix(T.s3, ctx.suf[i * 4 + 2]));
  out.push(mix(T.s4, ctx.suf[i * 4 + 3]));
  out.push(mix(T.p2, ctx.pre[i * 4 + 1]));
  out.push(mix(T.p3, ctx.pre[i * 4 + 2]));
  out.push(mix(T.shape, ctx.shape[i]));
  out.push(mix(T.flags, ctx.flags[i] & ~F_CAPSLINE));
  if (ctx.clN[i] > 0) out.push(mix(T.cl, ctx.cl[i * MAX_CLUSTER_IDS + Math.min(1, ctx.clN[i] - 1)]));
}

/** The POS features of token i that depend on its neighbours and the previous tags (and, extended, the parser POS model's further ones); appends. */
export function posContextFeatures(ctx: SentenceContext, i: number, t1: number, t2: number, out: FeatureBuffer, extended = false): void {
  for (const offset of NEIGHBOUR_OFFSETS) posNeighbourFeatures(ctx, i, offset, out);
  posPairFeatures(ctx, i, t1, t2, out);
  if (extended) extendedPosFeatures(ctx, i, t1, t2, out);
}

/** The EXTENDED_POS_TEMPLATES: the neighbours' clusters and shapes, word bigrams, the previous tags with the word's ending and the next word; appends. */
export function extendedPosFeatures(ctx: SentenceContext, i: number, t1: number, t2: number, out: FeatureBuffer): void {
  for (const offset of NEIGHBOUR_OFFSETS) {
    const j = i + offset;
    if (j >= 0 && j < ctx.n && ctx.clN[j] > 0) out.push(mix3(X['cl@'], offset, ctx.cl[j * MAX_CLUSTER_IDS + Math.min(1, ctx.clN[j] - 1)]));
    out.push(mix3(X['shape@'], offset, shapeAt(ctx, j)));
  }
  out.push(mix3(X['l-1.l'], wordAt(ctx, i - 1), ctx.l[i]));
  out.push(mix3(X['l.l+1'], ctx.l[i], wordAt(ctx, i + 1)));
  out.push(mix3(X['t-1.s3'], t1, ctx.suf[i * 4 + 2]));
  out.push(mix3(X['t-1.l+1'], t1, wordAt(ctx, i + 1)));
  out.push(mix3(X['t-2.t-1.l'], mix(t2, t1), ctx.l[i]));
}

/** Offsets of the neighbours whose features depend on the neighbour's word alone. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/**
 * The POS features of token i that look at the word at i+offset alone (its lowercase form and,
 * for adjacent words, its suffix): cacheable per neighbouring word; appends.
 */
export function posNeighbourFeatures(ctx: SentenceContext, i: number, offset: number, out: FeatureBuffer): void {
  const j = i + offset;
  if (offset === -1) {
    out.push(mix(T['l-1'], wordAt(ctx, j)));
    if (j >= 0) out.push(mix(T['s3-1'], ctx.suf[j * 4 + 2]));
  } else if (offset === 1) {
    out.push(mix(T['l+1'], wordAt(ctx, j)));
    if (j < ctx.n) out.push(mix(T['s3+1'], ctx.suf[j * 4 + 2]));
  } else if (offset === -2) {
    out.push(mix(T['l-2'], wordAt(ctx, j)));
  } else {
    out.push(mix(T['l+2'], wordAt(ctx, j)));
  }
}

/** The POS features that combine token i with the previous tags; appends. */
export function posPairFeatures(ctx: SentenceContext, i: number, t1: number, t2: number, out: FeatureBuffer): void {
  out.push(mix(T['t-1'], t1));
  out.push(mix(T['t-2.t-1'], mix(t2, t1)));
  out.push(mix3(T['t-1.l'], t1, ctx.l[i]));
}

/**
 * Which cached variant of a word's scores applies at token i: the word-only features differ
 * only by the capitals-line and sentence-initial flags.
 */
export function wordVariant(ctx: SentenceContext, i: number): number {
  const f = ctx.flags[i];
  return (f & F_CAPSLINE ? 2 : 0) | (f & F_FIRST ? 1 : 0);
}

/** Chunk features for token i given POS tag ids and the previous chunk tag. */
export function chunkFeatures(ctx: SentenceContext, i: number, pos: Int32Array, c1: number, out: FeatureBuffer): void {
  out.reset();
  const n = ctx.n;
  chunkTagFeatures(tagAt(pos, n, i - 1), tagAt(pos, n, i), tagAt(pos, n, i + 1), c1, out);
  chunkWordFeatures(ctx, i, pos, out);
}

/**
 * The chunk features that depend only on the POS trigram around the token and the previous
 * chunk tag, so the tagger can cache their scores by those four small integers; appends.
 */
export function chunkTagFeatures(pm1: number, p: number, pp1: number, c1: number, out: FeatureBuffer): void {
  out.push(mix(T.bias, 0));
  out.push(mix(T.pos, p));
  out.push(mix(T['pos-1'], pm1));
  out.push(mix(T['pos+1'], pp1));
  out.push(mix3(T['pos-1.pos'], pm1, p));
  out.push(mix3(T['pos.pos+1'], p, pp1));
  out.push(mix(T['t-1'], c1));
  out.push(mix3(T['t-1.pos'], c1, p));
  out.push(mix3(T['t-1.pos+1'], c1, pp1));
}

/** The other chunk features (words and the wider POS window); appends. */
export function chunkWordFeatures(ctx: SentenceContext, i: number, pos: Int32Array, out: FeatureBuffer): void {
  const n = ctx.n;
  out.push(mix(T.l, ctx.l[i]));
  out.push(mix(T['pos-2'], tagAt(pos, n, i - 2)));
  out.push(mix(T['pos+2'], tagAt(pos, n, i + 2)));
}

/** NER emission features for token i (labels are decoded by Viterbi, so no tag history here). */
export function nerFeatures(ctx: SentenceContext, i: number, pos: Int32Array, chunk: Int32Array, out: FeatureBuffer): void {
  nerWordFeatures(ctx, i, out);
  nerContextFeatures(ctx, i, pos, chunk, out);
}

/** The NER features that depend only on the token itself and its wordVariant. */
export function nerWordFeatures(ctx: SentenceContext, i: number, out: FeatureBuffer): void {
  out.reset();
  const f = ctx.flags[i];
  const capsline = f & F_CAPSLINE;
  out.push(mix(T.bias, 0));
  out.push(mix(T.l, ctx.l[i]));
  if (!capsline) out.push(mix(T.w, ctx.w[i]));
  else out.push(mix(T['capsline-l'], ctx.l[i]));
  for (let j = 0; j < 4; j++) {
    const pre = ctx.pre[i * 4 + j];
    if (pre !== 0) out.push(mix3(T.p1, j, pre));
    const suf = ctx.suf[i * 4 + j];
    if (suf !== 0) out.push(mix3(T.s1, j, suf));
  }
  out.push(mix(T.shape, capsline ? -7 : ctx.shape[i]));
  out.push(mix(T.short, capsline ? -7 : ctx.short[i]));
  out.push(mix(T.flags, f));
  out.push(mix3(T['flags.first'], f & (F_INITCAP | F_ALLCAPS | F_CAPSLINE), f & F_FIRST));
  const base = i * MAX_CLUSTER_IDS;
  for (let j = 0; j < ctx.clN[i]; j++) out.push(mix3(T.cl, j, ctx.cl[base + j]));
}

/** The NER features of token i that depend on its neighbours, tags and gazetteer matches; appends. */
export function nerContextFeatures(ctx: SentenceContext, i: number, pos: Int32Array, chunk: Int32Array, out: FeatureBuffer): void {
  const n = ctx.n;
  nerTagFeatures(tagAt(pos, n, i - 1), tagAt(pos, n, i), tagAt(pos, n, i + 1), tagAt(chunk, n, i - 1), tagAt(chunk, n, i), tagAt(chunk, n, i + 1), out);
  nerLexicalFeatures(ctx, i, out);
}

/** The NER features that depend only on the POS and chunk trigrams around the token; appends. */
export function nerTagFeatures(pm1: number, p: number, pp1: number, cm1: number, c: number, cp1: number, out: FeatureBuffer): void {
  nerPosFeatures(pm1, p, pp1, out);
  nerChunkFeatures(cm1, c, cp1, out);
}

/** The NER features of the POS trigram around the token; appends. */
export function nerPosFeatures(pm1: number, p: number, pp1: number, out: FeatureBuffer): void {
  out.push(mix(T.pos, p));
  out.push(mix(T['pos-1'], pm1));
  out.push(mix(T['pos+1'], pp1));
  out.push(mix3(T['pos-1.pos'], pm1, p));
  out.push(mix3(T['pos.pos+1'], p, pp1));
}

/** The NER features of the chunk trigram around the token; appends. */
export function nerChunkFeatures(cm1: number, c: number, cp1: number, out: FeatureBuffer): void {
  out.push(mix(T.chunk, c));
  out.push(mix3(T['chunk-1.chunk'], cm1, c));
  out.push(mix3(T['chunk.chunk+1'], c, cp1));
}

/** The NER context features from neighbouring words, shapes, gazetteer matches and clusters; appends. */
export function nerLexicalFeatures(ctx: SentenceContext, i: number, out: FeatureBuffer): void {
  nerNeighbourFeatures(ctx, i, -1, out);
  nerNeighbourFeatures(ctx, i, 1, out);
  nerPairFeatures(ctx, i, out);
}

/**
 * The NER features of token i that look at the adjacent word at i+offset (±1) alone: its
 * lowercase form, shape and coarse cluster; appends.
 */
export function nerNeighbourFeatures(ctx: SentenceContext, i: number, offset: number, out: FeatureBuffer): void {
  const j = i + offset;
  const capsline = ctx.flags[i] & F_CAPSLINE;
  if (offset === -1) {
    out.push(mix(T['l-1'], wordAt(ctx, j)));
    out.push(mix(T['shape-1'], capsline ? -7 : shapeAt(ctx, j)));
    if (j >= 0 && ctx.clN[j] > 1) out.push(mix(T['cl-1'], ctx.cl[j * MAX_CLUSTER_IDS + 1]));
  } else if (offset === 1) {
    out.push(mix(T['l+1'], wordAt(ctx, j)));
    out.push(mix(T['shape+1'], capsline ? -7 : shapeAt(ctx, j)));
    if (j < ctx.n && ctx.clN[j] > 1) out.push(mix(T['cl+1'], ctx.cl[j * MAX_CLUSTER_IDS + 1]));
  }
}

/** The NER features that combine token i with its neighbours, and the gazetteer matches; appends. */
export function nerPairFeatures(ctx: SentenceContext, i: number, out: FeatureBuffer): void {
  const n = ctx.n;
  const f = ctx.flags[i];
  out.push(mix3(T['l-1.l'], wordAt(ctx, i - 1), ctx.l[i]));
  out.push(mix3(T['l.l+1'], ctx.l[i], wordAt(ctx, i + 1)));
  // Gazetteer bits with the casing pattern (a capitalised word in a list of cities is strong evidence).
  let g = ctx.gaz[i];
  const caseKey = f & (F_INITCAP | F_ALLCAPS | F_LOWER | F_CAPSLINE);
  while (g !== 0) {
    const bit = 31 - Math.clz32(g);
    g &= ~(1 << bit);
    out.push(mix3(T['gaz.shape'], bit, caseKey));
  }
  if (i > 0) for (let gm = ctx.gaz[i - 1]; gm !== 0; ) {
    const bit = 31 - Math.clz32(gm);
    gm &= ~(1 << bit);
    out.push(mix(T['gaz-1'], bit));
  }
  if (i + 1 < n) for (let gp = ctx.gaz[i + 1]; gp !== 0; ) {
    const bit = 31 - Math.clz32(gp);
    gp &= ~(1 << bit);
    out.push(mix(T['gaz+1'], bit));
  }
}

/** Whether token i looks like a URL. */
export function isUrlToken(ctx: SentenceContext, i: number): boolean {
  return (ctx.flags[i] & F_URL) !== 0;
}

/** Casing pattern of a token, the key the document features are conjoined with. */
export function casingOf(ctx: SentenceContext, i: number): number {
  return ctx.flags[i] & (F_INITCAP | F_ALLCAPS | F_LOWER | F_CAPSLINE);
}

/**
 * Second-pass NER features: the document evidence code (see tagger.ts documentEvidence) alone
 * and with the token's casing. Appended to the first-pass features, which are reused.
 */
export function appendDocFeatures(code: number, casing: number, out: FeatureBuffer): void {
  // Nothing for tokens without evidence, so sentences without any keep their first-pass labels.
  if (code === 0) return;
  out.push(mix(T.doc, code));
  out.push(mix3(T['doc.shape'], code, casing));
}
