/**
 * Linear models over hashed features: the averaged perceptron used for training, and the
 * compact runtime model (int16 weights) it is frozen into.
 */
import { FeatureTable } from './hash.js';

/**
 * The labels a key may take: for POS a word form's tags in training (a single tag means the
 * word is tagged by look-up), for chunks a POS tag's chunk labels. Unlisted keys get `fallback`.
 * Scoring only these labels is most of the taggers' speed, and it rules out absurd tags.
 */
export interface Candidates {
  byKey: Map<string, Int32Array>;
  fallback: Int32Array;
}

export function candidatesFor(c: Candidates, key: string): Int32Array {
  return c.byKey.get(key) ?? c.fallback;
}

/** Best label among candidates. */
export function argmaxOf(scores: Float64Array, labels: Int32Array): number {
  let best = labels[0];
  for (let c = 1; c < labels.length; c++) if (scores[labels[c]] > scores[best]) best = labels[c];
  return best;
}

/** A frozen linear classifier: feature id → row of int16 weights, one per label. */
export class LinearModel {
  readonly nLabels: number;

  constructor(
    readonly labels: readonly string[],
    readonly table: FeatureTable,
    /** nRows × nLabels, scaled by `scale`. */
    readonly weights: Int16Array,
    readonly scale: number,
    /** Optional first-order transitions (prev × cur) and start scores, in real units; used by Viterbi. */
    readonly transitions?: Float32Array,
    readonly start?: Float32Array,
    /** Which labels each key may take (see Candidates); only those are scored. */
    public candidates?: Candidates,
  ) {
    this.nLabels = labels.length;
  }

  /** Adds the weights of the given labels only, into out[label]. */
  scoreLabels(ids: Int32Array, n: number, labels: Int32Array, out: Float64Array): void {
    const L = this.nLabels;
    const w = this.weights;
    const table = this.table;
    const m = labels.length;
    for (let c = 0; c < m; c++) out[labels[c]] = 0;
    for (let j = 0; j < n; j++) {
      const row = table.get(ids[j]);
      if (row < 0) continue;
      const base = row * L;
      for (let c = 0; c < m; c++) out[labels[c]] += w[base + labels[c]];
    }
    const s = this.scale;
    for (let c = 0; c < m; c++) out[labels[c]] *= s;
  }

  /** Writes the label scores of a feature set into out[offset .. offset+nLabels). */
  score(ids: Int32Array, n: number, out: Float64Array, offset = 0): void {
    const L = this.nLabels;
    const w = this.weights;
    const table = this.table;
    for (let k = 0; k < L; k++) out[offset + k] = 0;
    for (let j = 0; j < n; j++) {
      const row = table.get(ids[j]);
      if (row < 0) continue;
      const base = row * L;
      for (let k = 0; k < L; k++) out[offset + k] += w[base + k];
    }
    const s = this.scale;
    for (let k = 0; k < L; k++) out[offset + k] *= s;
  }

  get rows(): number {
    return this.table.count;
  }
}

/**
 * Averaged perceptron (Collins 2002) with the "w − u/c" trick for exact averaging without
 * per-step copies. Rows are added on first sight of a feature.
 */
export class PerceptronTrainer {
  readonly nLabels: number;
  readonly table = new FeatureTable(1 << 16);
  private w: Float64Array;
  private u: Float64Array;
  /** Number of times each feature was seen in gold contexts, for pruning. */
  private seen: Int32Array;
  trans: Float64Array;
  private transU: Float64Array;
  startW: Float64Array;
  private startU: Float64Array;
  /** Update clock. */
  c = 1;

  constructor(readonly labels: readonly string[]) {
    const L = labels.length;
    this.nLabels = L;
    this.w = new Float64Array(L * 4096);
    this.u = new Float64Array(L * 4096);
    this.seen = new Int32Array(4096);
    this.trans = new Float64Array(L * L);
    this.transU = new Float64Array(L * L);
    this.startW = new Float64Array(L);
    this.startU = new Float64Array(L);
  }

  /** Rows for feature ids, adding unseen ones. Writes into rows and returns the count. */
  rowsFor(ids: Int32Array, n: number, rows: Int32Array): number {
    for (let j = 0; j < n; j++) {
      const row = this.table.getOrAdd(ids[j]);
      if (row >= this.seen.length) this.grow(row + 1);
      rows[j] = row;
    }
    return n;
  }

  /** Rows for feature ids without adding any (unseen ones are dropped); returns the count. */
  knownRows(ids: Int32Array, n: number, rows: Int32Array): number {
    let m = 0;
    for (let j = 0; j < n; j++) {
      const row = this.table.get(ids[j]);
      if (row >= 0) rows[m++] = row;
    }
    return m;
  }

  private grow(need: number): void {
    let size = this.seen.length;
    while (size < need) size *= 2;
    const L = this.nLabels;
    const w = new Float64Array(size * L);
    w.set(this.w);
    this.w = w;
    const u = new Float64Array(size * L);
    u.set(this.u);
    this.u = u;
    const seen = new Int32Array(size);
    seen.set(this.seen);
    this.seen = seen;
  }

  score(rows: Int32Array, n: number, out: Float64Array, offset = 0): void {
    const L = this.nLabels;
    const w = this.w;
    for (let k = 0; k < L; k++) out[offset + k] = 0;
    for (let j = 0; j < n; j++) {
      const base = rows[j] * L;
      for (let k = 0; k < L; k++) out[offset + k] += w[base + k];
    }
  }

  scoreLabels(rows: Int32Array, n: number, labels: Int32Array, out: Float64Array): void {
    const L = this.nLabels;
    const w = this.w;
    const m = labels.length;
    for (let c = 0; c < m; c++) out[labels[c]] = 0;
    for (let j = 0; j < n; j++) {
      const base = rows[j] * L;
      for (let c = 0; c < m; c++) out[labels[c]] += w[base + labels[c]];
    }
  }

  /** Adds delta to the weights of label for every row. */
  update(rows: Int32Array, n: number, label: number, delta: number): void {
    const L = this.nLabels;
    const cd = this.c * delta;
    for (let j = 0; j < n; j++) {
      const idx = rows[j] * L + label;
      this.w[idx] += delta;
      this.u[idx] += cd;
    }
  }

  /** Marks rows as seen in a gold context (for pruning rare features). */
  count(rows: Int32Array, n: number): void {
    for (let j = 0; j < n; j++) this.seen[rows[j]]++;
  }

  updateTransition(prev: number, cur: number, delta: number): void {
    if (prev < 0) {
      this.startW[cur] += delta;
      this.startU[cur] += this.c * delta;
    } else {
      const idx = prev * this.nLabels + cur;
      this.trans[idx] += delta;
      this.transU[idx] += this.c * delta;
    }
  }

  tick(): void {
    this.c++;
  }

  /** Averaged transition weights, for evaluation during training and for the frozen model. */
  averagedTransitions(): { trans: Float32Array; start: Float32Array } {
    const trans = new Float32Array(this.trans.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.trans[i] - this.transU[i] / this.c;
    const start = new Float32Array(this.startW.length);
    for (let i = 0; i < start.length; i++) start[i] = this.startW[i] - this.startU[i] / this.c;
    return { trans, start };
  }

  /**
   * Freezes the averaged weights into a LinearModel, dropping features seen fewer than
   * `minCount` times in gold contexts and rows whose weights all round to zero.
   */
  freeze(opts: { minCount?: number; withTransitions?: boolean } = {}): LinearModel {
    const minCount = opts.minCount ?? 1;
    const L = this.nLabels;
    const c = this.c;
    const nRows = this.table.count;
    const avg = new Float32Array(nRows * L);
    let maxAbs = 0;
    for (let r = 0; r < nRows; r++) {
      if (this.seen[r] < minCount) continue;
      for (let k = 0; k < L; k++) {
        const v = this.w[r * L + k] - this.u[r * L + k] / c;
        avg[r * L + k] = v;
        if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
      }
    }
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keep: Array<[number, number]> = [];
    for (const [key, row] of this.table.entries()) {
      if (this.seen[row] < minCount) continue;
      let nonzero = false;
      for (let k = 0; k < L && !nonzero; k++) if (Math.round(avg[row * L + k] / scale) !== 0) nonzero = true;
      if (nonzero) keep.push([key, row]);
    }
    keep.sort((a, b) => a[0] - b[0]);
    const table = new FeatureTable(keep.length);
    const weights = new Int16Array(keep.length * L);
    keep.forEach(([key, row], newRow) => {
      table.set(key, newRow);
      for (let k = 0; k < L; k++) weights[newRow * L + k] = Math.round(avg[row * L + k] / scale);
    });
    if (!opts.withTransitions) return new LinearModel(this.labels, table, weights, scale);
    const { trans, start } = this.averagedTransitions();
    return new LinearModel(this.labels, table, weights, scale, trans, start);
  }

  /** The current averaged model, unpruned (for dev scores between epochs). */
  snapshot(withTransitions = false): LinearModel {
    return this.freeze({ minCount: 0, withTransitions });
  }
}
