import { describe, expect, test } from 'vitest';
import { mix } from '../../src/nlp/hash.js';
import { PerceptronTrainer } from '../../src/nlp/linear.js';

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
