/**
 * Coreference scores as the CoNLL-2011/2012 tasks report them: MUC (links), B³ (mentions) and
 * CEAF-e (entities, aligned one-to-one), their mean, and pairwise precision and recall over
 * coreferent mention pairs. A chain is a list of mention keys; keys absent from the other side
 * are simply unmatched (system mentions the gold does not have cost precision, and the reverse recall).
 */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorefScores {
  muc: Prf;
  b3: Prf;
  ceafe: Prf;
  /** The mean of the three F1s (the CoNLL-2012 score). */
  conll: number;
  pairwise: Prf;
}

/** Running numerators and denominators, so documents add up before the ratios are taken. */
export class CorefTally {
  private readonly sums = { muc: [0, 0, 0, 0], b3: [0, 0, 0, 0], ceafe: [0, 0, 0, 0], pairwise: [0, 0, 0, 0] };

  /** Adds one document's gold (key) and system (response) chains. */
  add(key: readonly (readonly string[])[], response: readonly (readonly string[])[]): void {
    add(this.sums.muc, muc(key, response), muc(response, key));
    add(this.sums.b3, b3(key, response), b3(response, key));
    const phi = ceafe(key, response);
    add(this.sums.ceafe, [phi, key.length], [phi, response.length]);
    const common = pairs(key, response);
    add(this.sums.pairwise, [common, pairCount(key)], [common, pairCount(response)]);
  }

  scores(): CorefScores {
    const s = this.sums;
    const muc = prf(s.muc);
    const b3 = prf(s.b3);
    const ceafe = prf(s.ceafe);
    return { muc, b3, ceafe, conll: (muc.f1 + b3.f1 + ceafe.f1) / 3, pairwise: prf(s.pairwise) };
  }
}

/** [recall numerator, recall denominator, precision numerator, precision denominator]. */
function add(sum: number[], recall: [number, number], precision: [number, number]): void {
  sum[0] += recall[0];
  sum[1] += recall[1];
  sum[2] += precision[0];
  sum[3] += precision[1];
}

function prf([rn, rd, pn, pd]: number[]): Prf {
  const recall = rd ? (100 * rn) / rd : 0;
  const precision = pd ? (100 * pn) / pd : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function chainOf(chains: readonly (readonly string[])[]): Map<string, number> {
  const of = new Map<string, number>();
  chains.forEach((c, i) => c.forEach((m) => of.set(m, i)));
  return of;
}

/** How many of a chain's mentions each chain of the other side holds (by its index in `of`). */
function overlaps(chain: readonly string[], of: ReadonlyMap<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of chain) {
    const r = of.get(m);
    if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return counts;
}

/** MUC recall of `key` against `response` (swap them for precision): links kept over links needed (Vilain et al. 1995). */
export function muc(key: readonly (readonly string[])[], response: readonly (readonly string[])[]): [number, number] {
  const of = chainOf(response);
  let num = 0;
  let den = 0;
  for (const chain of key) {
    if (chain.length < 2) continue;
    const parts = new Set<string>();
    for (const m of chain) {
      const r = of.get(m);
      parts.add(r === undefined ? `alone:${m}` : `chain:${r}`);
    }
    num += chain.length - parts.size;
    den += chain.length - 1;
  }
  return [num, den];
}

/** B³ recall of `key` against `response` (swap them for precision), summed over the key's mentions (Bagga & Baldwin 1998). */
export function b3(key: readonly (readonly string[])[], response: readonly (readonly string[])[]): [number, number] {
  const of = chainOf(response);
  let num = 0;
  let den = 0;
  for (const chain of key) {
    for (const k of overlaps(chain, of).values()) num += (k * k) / chain.length;
    den += chain.length;
  }
  return [num, den];
}

/**
 * CEAF-e similarity: the best one-to-one alignment of key and response chains under
 * φ4(K, R) = 2|K ∩ R| / (|K| + |R|) (Luo 2005), found with the Hungarian method over the chains
 * that share a mention (the others score 0 whatever they are paired with).
 */
export function ceafe(key: readonly (readonly string[])[], response: readonly (readonly string[])[]): number {
  const of = chainOf(response);
  const edges: { k: number; r: number; phi: number }[] = [];
  key.forEach((chain, k) => {
    for (const [r, n] of overlaps(chain, of)) edges.push({ k, r, phi: (2 * n) / (chain.length + response[r].length) });
  });
  if (edges.length === 0) return 0;
  // Only chains with an edge matter; components are small, so a dense assignment per document is cheap.
  const ks = [...new Set(edges.map((e) => e.k))];
  const rs = [...new Set(edges.map((e) => e.r))];
  const ki = new Map(ks.map((k, i) => [k, i]));
  const ri = new Map(rs.map((r, i) => [r, i]));
  const n = Math.max(ks.length, rs.length);
  const cost = Array.from({ length: n }, () => new Float64Array(n));
  for (const e of edges) cost[ki.get(e.k)!][ri.get(e.r)!] = -e.phi;
  const assignment = hungarian(cost);
  let total = 0;
  for (let i = 0; i < n; i++) total -= cost[i][assignment[i]];
  return total;
}

/** Minimum-cost assignment of a square matrix (Kuhn–Munkres, O(n³)): row i → column result[i]. */
export function hungarian(cost: readonly Float64Array[]): Int32Array {
  const n = cost.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const result = new Int32Array(n);
  for (let j = 1; j <= n; j++) result[p[j] - 1] = j - 1;
  return result;
}

function pairCount(chains: readonly (readonly string[])[]): number {
  return chains.reduce((s, c) => s + (c.length * (c.length - 1)) / 2, 0);
}

/** Coreferent pairs both sides agree on. */
function pairs(key: readonly (readonly string[])[], response: readonly (readonly string[])[]): number {
  const of = chainOf(response);
  let common = 0;
  for (const chain of key) {
    for (const k of overlaps(chain, of).values()) common += (k * (k - 1)) / 2;
  }
  return common;
}
