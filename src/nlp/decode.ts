/**
 * Decoders: BIO/BILOU label constraints and first-order Viterbi.
 */

/** Parses a BILOU/BIO label into its prefix letter and type ('O' has type ''). */
export function splitLabel(label: string): { prefix: string; type: string } {
  if (label === 'O') return { prefix: 'O', type: '' };
  return { prefix: label[0], type: label.slice(2) };
}

export interface LabelParts {
  prefix: string;
  type: string;
  /** The BIO tag the label maps to (B- for B/U, I- for I/L). */
  bio: string;
}

const partsCache = new WeakMap<readonly string[], LabelParts[]>();

/** A model's labels split once: prefix, type and BIO form. */
export function labelParts(labels: readonly string[]): LabelParts[] {
  let parts = partsCache.get(labels);
  if (!parts) {
    parts = labels.map((l) => {
      const { prefix, type } = splitLabel(l);
      return { prefix, type, bio: prefix === 'O' ? 'O' : `${prefix === 'B' || prefix === 'U' ? 'B' : 'I'}-${type}` };
    });
    partsCache.set(labels, parts);
  }
  return parts;
}

/**
 * Allowed transitions for BIO or BILOU labels (BILOU when any label starts with L- or U-), as a
 * flat prev × cur boolean matrix plus start/end masks.
 * BIO: I-x only after B-x or I-x. BILOU: after O, L-x or U-x comes O, B-y or U-y; after B-x or
 * I-x comes I-x or L-x.
 */
export function labelConstraints(labels: readonly string[]): { allowed: Uint8Array; startOk: Uint8Array; endOk: Uint8Array } {
  const L = labels.length;
  const parts = labels.map(splitLabel);
  const bilou = parts.some((p) => p.prefix === 'L' || p.prefix === 'U');
  const allowed = new Uint8Array(L * L);
  const startOk = new Uint8Array(L);
  const endOk = new Uint8Array(L);
  for (let a = 0; a < L; a++) {
    const pa = parts[a];
    if (!bilou) {
      startOk[a] = pa.prefix === 'I' ? 0 : 1;
      endOk[a] = 1;
      for (let b = 0; b < L; b++) {
        const pb = parts[b];
        allowed[a * L + b] = pb.prefix !== 'I' || ((pa.prefix === 'B' || pa.prefix === 'I') && pa.type === pb.type) ? 1 : 0;
      }
      continue;
    }
    const open = pa.prefix === 'B' || pa.prefix === 'I';
    startOk[a] = pa.prefix === 'O' || pa.prefix === 'B' || pa.prefix === 'U' ? 1 : 0;
    endOk[a] = open ? 0 : 1;
    for (let b = 0; b < L; b++) {
      const pb = parts[b];
      const continues = pb.prefix === 'I' || pb.prefix === 'L';
      allowed[a * L + b] = open ? (continues && pb.type === pa.type ? 1 : 0) : continues ? 0 : 1;
    }
  }
  return { allowed, startOk, endOk };
}

/** Reusable Viterbi buffers. */
export class Viterbi {
  private delta = new Float64Array(0);
  private back = new Int32Array(0);
  /** For each label b, its allowed predecessors: predFrom[predStart[b] .. predStart[b+1]). */
  private readonly predStart: Int32Array;
  private readonly predFrom: Int32Array;

  constructor(
    private readonly L: number,
    allowed: Uint8Array,
    private readonly startOk: Uint8Array,
    private readonly endOk: Uint8Array,
  ) {
    // The constraints rule out many label pairs; visiting only the allowed ones makes decoding cheaper.
    this.predStart = new Int32Array(L + 1);
    const from: number[] = [];
    for (let b = 0; b < L; b++) {
      for (let a = 0; a < L; a++) if (allowed[a * L + b]) from.push(a);
      this.predStart[b + 1] = from.length;
    }
    this.predFrom = Int32Array.from(from);
  }

  /**
   * Best label sequence for emissions (n × L, row-major) under transitions (prev × cur) and
   * start scores; writes labels into out.
   */
  decode(
    emissions: Float64Array,
    n: number,
    trans: ArrayLike<number>,
    start: ArrayLike<number>,
    out: Int32Array,
  ): void {
    const L = this.L;
    if (n === 0) return;
    if (this.delta.length < n * L) {
      this.delta = new Float64Array(n * L * 2);
      this.back = new Int32Array(n * L * 2);
    }
    const delta = this.delta;
    const back = this.back;
    const predStart = this.predStart;
    const predFrom = this.predFrom;
    for (let k = 0; k < L; k++) delta[k] = this.startOk[k] ? emissions[k] + start[k] : -Infinity;
    for (let i = 1; i < n; i++) {
      const cur = i * L;
      const prev = cur - L;
      for (let b = 0; b < L; b++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = predStart[b]; p < predStart[b + 1]; p++) {
          const a = predFrom[p];
          const s = delta[prev + a] + trans[a * L + b];
          if (s > best) {
            best = s;
            arg = a;
          }
        }
        delta[cur + b] = best + emissions[cur + b];
        back[cur + b] = arg;
      }
    }
    const last = (n - 1) * L;
    let best = -Infinity;
    let arg = 0;
    for (let k = 0; k < L; k++) {
      if (!this.endOk[k]) continue;
      if (delta[last + k] > best) {
        best = delta[last + k];
        arg = k;
      }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  }
}
