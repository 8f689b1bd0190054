import { describe, expect, test } from 'vitest';
import { FeatureTable, hashString, mix } from '../../src/nlp/hash.js';
import { PerceptronTrainer } from '../../src/nlp/linear.js';

describe('FeatureTable', () => {
  test('maps keys to rows, grows, and reports absent keys', () => {
    const t = new FeatureTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => mix(7, i));
    keys.forEach((k) => t.getOrAdd(k));
    expect(t.count).toBe(5000);
    keys.forEach((k, i) => expect(t.get(k)).toBe(i));
    expect(t.get(mix(8, 1))).toBe(-1);
  });
  test('mix never yields the empty-slot key 0', () => {
    for (let i = 0; i < 10000; i++) expect(mix(i, -i)).not.toBe(0);
  });
  test('hashString is stable', () => {
    expect(hashString('France')).toBe(hashString('France'));
    expect(hashString('France')).not.toBe(hashString('france'));
  });
});

describe('PerceptronTrainer', () => {
  // A separable toy problem with a shared bias feature: A → label 0, B → label 1.
  const bias = mix(1, 0);
  const A = Int32Array.of(bias, mix(1, 1));
  const B = Int32Array.of(bias, mix(1, 2));
  test('learns a separable problem and freezes to equivalent int16 weights', () => {
    const t = new PerceptronTrainer(['x', 'y']);
    const rows = new Int32Array(2);
    const scores = new Float64Array(2);
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const [ids, gold] of [[A, 0], [B, 1]] as const) {
        t.rowsFor(ids, 2, rows);
        t.count(rows, 2);
        t.score(rows, 2, scores);
        const guess = scores[1] >= scores[0] ? 1 : 0; // ties go to y, so both classes get updates
        if (guess !== gold) {
          t.update(rows, 2, gold, 1);
          t.update(rows, 2, guess, -1);
        }
        t.tick();
      }
    }
    const model = t.freeze();
    const out = new Float64Array(2);
    model.score(A, 2, out);
    expect(out[0]).toBeGreaterThan(out[1]);
    model.score(B, 2, out);
    expect(out[1]).toBeGreaterThan(out[0]);
    // Unknown features contribute nothing.
    model.score(Int32Array.of(mix(9, 9)), 1, out);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
