/**
 * Word clusters induced from unlabelled text, used as NER features so that rare words borrow
 * strength from frequent words that occur in the same contexts (Ratinov & Roth 2009 used Brown
 * clusters the same way).
 *
 * Induction: each word with enough occurrences is described by the distribution of the words
 * to its left and right (among the most frequent context words); spherical k-means groups these
 * profiles at several granularities (coarse to fine), and a word's "path" is its cluster id at
 * each granularity. Coarse ids play the role of Brown path prefixes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll } from './conll.js';
import { hashString, mix, mulberry32 } from './hash.js';
import { SectionReader } from './section-reader.js';
import { tokenize } from './tokenize.js';

const MAGIC = 0x434c5331; // "CLS1"

export interface ClusterOptions {
  /** Cluster counts, coarse to fine. */
  granularities?: number[];
  /** Words rarer than this are not clustered. */
  minCount?: number;
  /** Number of frequent context words that make up a profile, per side. */
  contextWords?: number;
  iterations?: number;
  onProgress?: (msg: string) => void;
}

export class WordClusters {
  private readonly index = new Map<string, number>();

  constructor(
    readonly words: string[],
    /** words.length × granularities.length cluster ids. */
    readonly ids: Uint16Array,
    readonly granularities: number[],
  ) {
    words.forEach((w, i) => this.index.set(w, i));
  }

  size(): number {
    return this.words.length;
  }

  /** Cluster ids of a word, coarse to fine, as "g:id" strings; '' when unknown. */
  path(word: string): string {
    const i = this.index.get(word) ?? this.index.get(word.toLowerCase());
    if (i === undefined) return '';
    const G = this.granularities.length;
    return Array.from(this.ids.subarray(i * G, i * G + G)).join('/');
  }

  /** Writes one feature id per granularity for a word (or its lowercase form) into out[offset…]; returns the count (0 when unknown). */
  prefixIds(word: string, lower: string, out: Int32Array, offset: number): number {
    let i = this.index.get(word);
    if (i === undefined && lower !== word) i = this.index.get(lower);
    if (i === undefined) return 0;
    const G = this.granularities.length;
    for (let g = 0; g < G; g++) out[offset + g] = mix(this.granularities[g], this.ids[i * G + g]);
    return G;
  }

  toBytes(): Uint8Array {
    const header = new TextEncoder().encode(JSON.stringify({ granularities: this.granularities, words: this.words }));
    const pad = (2 - (header.length % 2)) % 2;
    const out = new Uint8Array(8 + header.length + pad + this.ids.byteLength);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, header.length, true);
    out.set(header, 8);
    out.set(new Uint8Array(this.ids.buffer, this.ids.byteOffset, this.ids.byteLength), 8 + header.length + pad);
    return out;
  }

  static fromBytes(bytes: Uint8Array): WordClusters {
    const r = new SectionReader('clusters', bytes).atLeast(8).magic(MAGIC);
    const header = r.json<{ granularities: number[]; words: string[] }>(r.u32());
    if (!header || !Array.isArray(header.words) || !Array.isArray(header.granularities)) throw r.fail('bad header: no words or granularities');
    const n = header.words.length * header.granularities.length;
    r.align(2).expectRemaining(n * 2);
    const ids = r.u16Array(n);
    r.expectEnd();
    return new WordClusters(header.words, ids, header.granularities);
  }
}

/** Induces clusters from tokenized sentences. Deterministic for the same input. */
export function induceClusters(sentences: Iterable<string[]>, opts: ClusterOptions = {}): WordClusters {
  const granularities = opts.granularities ?? [32, 128, 512];
  const minCount = opts.minCount ?? 3;
  const contextWords = opts.contextWords ?? 400;
  const iterations = opts.iterations ?? 12;
  const log = opts.onProgress ?? (() => {});
  const sents = [...sentences];

  const counts = new Map<string, number>();
  for (const s of sents) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= minCount).map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  // Context features: the most frequent words (lowercased) on the left and on the right.
  const ctxIndex = new Map<string, number>();
  for (const [w] of byFreq) {
    const lw = w.toLowerCase();
    if (!ctxIndex.has(lw)) ctxIndex.set(lw, ctxIndex.size);
    if (ctxIndex.size >= contextWords) break;
  }
  const D = 2 * contextWords + 2;
  const V = vocab.length;
  // Sparse co-occurrence profiles: one Map per word, dimension → count.
  const profiles: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const v = vIndex.get(s[i]);
      if (v === undefined) continue;
      const left = i > 0 ? (ctxIndex.get(s[i - 1].toLowerCase()) ?? contextWords) : contextWords;
      const right = i + 1 < s.length ? (ctxIndex.get(s[i + 1].toLowerCase()) ?? contextWords) : contextWords;
      const p = profiles[v];
      p.set(left, (p.get(left) ?? 0) + 1);
      p.set(contextWords + 1 + right, (p.get(contextWords + 1 + right) ?? 0) + 1);
    }
  }
  // PPMI-like weighting (log-scaled counts), then L2 normalisation: cosine geometry.
  const dims: Int32Array[] = [];
  const vals: Float32Array[] = [];
  for (let v = 0; v < V; v++) {
    const entries = [...profiles[v].entries()].sort((a, b) => a[0] - b[0]);
    const d = Int32Array.from(entries, (e) => e[0]);
    const x = Float32Array.from(entries, (e) => Math.log1p(e[1]));
    let norm = 0;
    for (const y of x) norm += y * y;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < x.length; j++) x[j] /= norm;
    dims.push(d);
    vals.push(x);
  }
  log(`clusters: ${V} words (count ≥ ${minCount}) from ${sents.length} sentences, ${D} context dimensions`);

  const G = granularities.length;
  const ids = new Uint16Array(V * G);
  granularities.forEach((K, g) => {
    const k = Math.min(K, V);
    const rand = mulberry32(hashString(`clusters-${K}`));
    // Seed with frequent words spread through the vocabulary.
    const centroids = new Float32Array(k * D);
    for (let c = 0; c < k; c++) {
      const v = Math.floor(rand() * Math.min(V, k * 8));
      for (let j = 0; j < dims[v].length; j++) centroids[c * D + dims[v][j]] = vals[v][j];
    }
    const assign = new Int32Array(V).fill(-1);
    for (let it = 0; it < iterations; it++) {
      let moved = 0;
      for (let v = 0; v < V; v++) {
        const d = dims[v];
        const x = vals[v];
        let best = 0;
        let bestScore = -Infinity;
        for (let c = 0; c < k; c++) {
          const base = c * D;
          let s = 0;
          for (let j = 0; j < d.length; j++) s += centroids[base + d[j]] * x[j];
          if (s > bestScore) {
            bestScore = s;
            best = c;
          }
        }
        if (assign[v] !== best) moved++;
        assign[v] = best;
      }
      centroids.fill(0);
      for (let v = 0; v < V; v++) {
        const base = assign[v] * D;
        for (let j = 0; j < dims[v].length; j++) centroids[base + dims[v][j]] += vals[v][j];
      }
      for (let c = 0; c < k; c++) {
        let norm = 0;
        for (let j = 0; j < D; j++) norm += centroids[c * D + j] ** 2;
        norm = Math.sqrt(norm) || 1;
        for (let j = 0; j < D; j++) centroids[c * D + j] /= norm;
      }
      if (moved === 0) break;
    }
    for (let v = 0; v < V; v++) ids[v * G + g] = assign[v];
    log(`clusters: ${k} clusters done`);
  });
  return new WordClusters(vocab, ids, granularities);
}

/**
 * Unlabelled sentences from the shared data folder: CoNLL-2003 train (tokens only; never
 * dev.txt, which is for tuning), Wikinews, WNUT-17 train and the GUM Wikinews texts. GMB is
 * left out (licence unconfirmed). Missing parts are skipped.
 */
export function readUnlabelledCorpora(dataDir: string): string[][] {
  const out: string[][] = [];
  const columnFile = (path: string) => {
    if (!existsSync(path)) return;
    for (const doc of parseConll(readFileSync(path, 'utf8'), path)) for (const sentence of doc.sentences) out.push(sentence.words);
  };
  const textFolder = (dir: string, skipLines: number) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const lines = readFileSync(join(dir, f), 'utf8').split(/\r?\n/).slice(skipLines);
      for (const line of lines) {
        const toks = tokenize(line).map((t) => t.text);
        if (toks.length) out.push(toks);
      }
    }
  };
  columnFile(join(dataDir, 'conll2003', 'train.txt'));
  columnFile(join(dataDir, 'wnut17', 'wnut17train.conll'));
  textFolder(join(dataDir, 'wikinews'), 2);
  textFolder(join(dataDir, 'gum_wikinews', 'text'), 3);
  return out;
}
