/**
 * Coreference metrics (resolve/coref-metrics.ts) on the worked example of Pradhan et al. 2014
 * ("Scoring coreference partitions of predicted mentions"), whose figures are published, and the
 * assignment solver against brute force.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CorefTally, hungarian } from '../../src/resolve/coref-metrics.js';

describe('coreference metrics', () => {
  // Key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
  const key = [['a', 'b', 'c'], ['d', 'e', 'f', 'g']];
  const response = [['a', 'b'], ['c', 'd'], ['f', 'g', 'h', 'i']];
  const tally = new CorefTally();
  tally.add(key, response);
  const s = tally.scores();

  test('MUC: recall 2/5, precision 2/5', () => {
    expect(s.muc.recall).toBeCloseTo(40, 6);
    expect(s.muc.precision).toBeCloseTo(40, 6);
  });
  test('B³: recall 0.4167, precision 0.5', () => {
    expect(s.b3.recall).toBeCloseTo((100 * (5 / 3 + 5 / 4)) / 7, 6);
    expect(s.b3.precision).toBeCloseTo(50, 6);
  });
  test('CEAF-e: recall 0.65, precision 0.4333', () => {
    expect(s.ceafe.recall).toBeCloseTo(65, 6);
    expect(s.ceafe.precision).toBeCloseTo(130 / 3, 6);
  });
  test('the CoNLL score is the mean of the three F1s; pairwise counts coreferent pairs', () => {
    expect(s.conll).toBeCloseTo((s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3, 9);
    // Pairs: key 3 + 6 = 9, response 1 + 1 + 6 = 8, common (a,b) and (f,g) = 2.
    expect(s.pairwise.recall).toBeCloseTo((100 * 2) / 9, 6);
    expect(s.pairwise.precision).toBeCloseTo((100 * 2) / 8, 6);
  });
  test('identical partitions score 100 everywhere', () => {
    const t = new CorefTally();
    t.add(key, key);
    const same = t.scores();
    for (const m of [same.muc, same.b3, same.ceafe, same.pairwise]) expect(m.f1).toBeCloseTo(100, 9);
  });
});

describe('hungarian', () => {
  const permutations = (n: number): number[][] => (n === 0 ? [[]] : permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)])));
  test('finds the minimum-cost assignment (property, against brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (rows) => {
        const cost = rows.map((r) => Float64Array.from(r));
        const a = hungarian(cost);
        const total = (p: ArrayLike<number>) => cost.reduce((s, r, i) => s + r[p[i]], 0);
        expect(new Set(a).size).toBe(cost.length);
        expect(total(a)).toBe(Math.min(...permutations(cost.length).map(total)));
      }),
    );
  });
});
