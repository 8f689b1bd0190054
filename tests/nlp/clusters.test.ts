import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
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

describe('a corrupt clusters section', () => {
  const clusters = induceClusters(corpus(), { granularities: [2, 4], minCount: 2, contextWords: 20 });
  const bytes = clusters.toBytes();
  const flipped = (at: number) => {
    const copy = bytes.slice();
    copy[at] ^= 0xff;
    return copy;
  };
  const withHeader = (header: unknown) => {
    const json = new TextEncoder().encode(JSON.stringify(header));
    const out = new Uint8Array(8 + json.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, new DataView(bytes.buffer).getUint32(0, true), true);
    dv.setUint32(4, json.length, true);
    out.set(json, 8);
    return out;
  };
  const grown = new Uint8Array(bytes.length + 2);
  grown.set(bytes);

  test('a good section round-trips from an unaligned view (as a pooled Buffer can be)', () => {
    const big = new Uint8Array(bytes.length + 1);
    big.set(bytes, 1);
    const copy = WordClusters.fromBytes(big.subarray(1));
    for (const w of ['Monday', 'Lisbon', 'the']) expect(copy.path(w)).toBe(clusters.path(w));
    expect(copy.ids.byteOffset).toBe(0);
  });

  test.each<[string, Uint8Array, RegExp]>([
    ['flipped magic', flipped(0), /\(bad magic/],
    ['bytes cut off the end', bytes.subarray(0, bytes.length - 3), /\(size mismatch/],
    ['bytes added at the end', grown, /\(size mismatch/],
    ['cut inside the fixed header', bytes.subarray(0, 6), /\(too short/],
    ['cut inside the word list', bytes.subarray(0, 30), /\(truncated/],
    ['a broken word list', flipped(8), /\(bad header/],
    ['a header without words', withHeader({ granularities: [2] }), /\(bad header/],
    ['a header that is null', withHeader(null), /\(bad header/],
    ['zeros', new Uint8Array(10), /\(bad magic/],
  ])('%s is a ModelError', (_, corrupt, why) => {
    let err: unknown;
    try {
      WordClusters.fromBytes(corrupt);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).name).toBe('ModelError');
    expect((err as Error).message).toMatch(/^newskg\/nlp: corrupt clusters section \(/);
    expect((err as Error).message).toMatch(why);
  });
});
