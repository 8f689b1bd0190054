import { describe, expect, test } from 'vitest';
import { WordClusters, induceClusters } from '../../src/nlp/clusters.js';

/** A tiny grammar: days occur in one kind of context, cities in another. */
function corpus(): string[][] {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const cities = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi'];
  const out: string[][] = [];
  for (let r = 0; r < 40; r++) {
    for (const d of days) out.push(['the', 'meeting', 'is', 'on', d, 'morning', '.']);
    for (const c of cities) out.push(['she', 'flew', 'to', c, 'from', 'home', '.']);
  }
  return out;
}

describe('word clusters', () => {
  const clusters = induceClusters(corpus(), { granularities: [2, 4], minCount: 2, contextWords: 20 });
  test('words of the same distributional class share clusters', () => {
    expect(clusters.path('Monday')).toBe(clusters.path('Friday'));
    expect(clusters.path('Lisbon')).toBe(clusters.path('Hanoi'));
    expect(clusters.path('Monday')).not.toBe(clusters.path('Lisbon'));
  });
  test('is deterministic and round-trips through bytes', () => {
    const again = induceClusters(corpus(), { granularities: [2, 4], minCount: 2, contextWords: 20 });
    expect(again.path('Oslo')).toBe(clusters.path('Oslo'));
    const copy = WordClusters.fromBytes(clusters.toBytes());
    expect(copy.path('Tuesday')).toBe(clusters.path('Tuesday'));
    expect(copy.size()).toBe(clusters.size());
    expect(() => WordClusters.fromBytes(new Uint8Array(10))).toThrow(/corrupt clusters/);
  });
  test('unknown words have no path and no feature ids', () => {
    expect(clusters.path('Zanzibar')).toBe('');
    expect(clusters.prefixIds('Zanzibar', 'zanzibar', new Int32Array(4), 0)).toBe(0);
    expect(clusters.prefixIds('Lima', 'lima', new Int32Array(4), 0)).toBe(2);
  });
});
