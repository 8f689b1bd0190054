import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/random.js';

describe('mulberry32', () => {
  it('gives the same numbers for the same seed, others for another, all in [0, 1)', () => {
    const take = (seed: number) => {
      const r = mulberry32(seed);
      return Array.from({ length: 1000 }, () => r());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(8)).not.toEqual(take(7));
    for (const x of take(7)) expect(x >= 0 && x < 1).toBe(true);
    // Spread, not stuck: the mean of 1,000 draws is near a half.
    const mean = take(7).reduce((a, b) => a + b, 0) / 1000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
