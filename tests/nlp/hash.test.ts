import { describe, expect, test } from 'vitest';
import { FeatureTable, hashString, mix, mix3, mulberry32 } from '../../src/nlp/hash.js';

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

  test.each([
    [4, 1023],
    [512, 1023],
    [1000, 2047],
    [1025, 4095],
  ])('capacity %i gives %i + 1 slots (at most half full)', (capacity, mask) => {
    expect(new FeatureTable(capacity).mask).toBe(mask);
  });
  test('getOrAdd returns the existing row; set overwrites a row or inserts a key', () => {
    const t = new FeatureTable();
    expect(t.getOrAdd(11)).toBe(0);
    expect(t.getOrAdd(22)).toBe(1);
    expect(t.getOrAdd(11)).toBe(0);
    t.set(22, 7);
    t.set(33, 9);
    expect([t.get(11), t.get(22), t.get(33), t.count]).toEqual([0, 7, 9, 3]);
  });
  test('grows once more than half full and keeps every row', () => {
    const t = new FeatureTable(4);
    for (let k = 1; k <= 512; k++) t.set(k, k * 10);
    expect(t.mask).toBe(1023);
    t.set(513, 5130);
    expect(t.mask).toBe(2047);
    for (let k = 1; k <= 513; k++) expect(t.get(k)).toBe(k * 10);
  });
  test('colliding keys (same slot) are probed past each other, negative keys included', () => {
    const t = new FeatureTable();
    // Keys that differ only above the mask land in the same first slot.
    const keys = [5, 5 + 1024, 5 + 2048, -1024 + 5, -1];
    keys.forEach((k, i) => t.set(k, i));
    keys.forEach((k, i) => expect(t.get(k)).toBe(i));
    expect(t.get(5 + 4096)).toBe(-1);
  });
  test('entries lists every (key, row) pair', () => {
    const t = new FeatureTable();
    [100, -200, 300].forEach((k) => t.getOrAdd(k));
    expect([...t.entries()].sort((a, b) => a[1] - b[1])).toEqual([
      [100, 0],
      [-200, 1],
      [300, 2],
    ]);
  });
});

describe('hashing', () => {
  test.each([
    ['', 0x811c9dc5 | 0],
    ['a', 0xe40c292c | 0],
    ['foobar', 0xbf9cf968 | 0],
  ])('hashString(%j) is FNV-1a as a signed 32-bit integer', (s, h) => {
    expect(hashString(s)).toBe(h);
  });
  test('hashString hashes UTF-16 code units, so different scripts and astral characters differ', () => {
    const hs = ['Zürich', 'Zurich', 'Ελλάδα', '🔥', '\uD83D'].map(hashString);
    expect(new Set(hs).size).toBe(5);
    for (const h of hs) expect(h | 0).toBe(h);
  });
  test('mix is order-sensitive, 32-bit and deterministic; mix3 chains it', () => {
    expect(mix(1, 2)).toBe(383447120);
    expect(mix(2, 1)).toBe(1097893004);
    expect(mix(0, 0)).toBe(-164248368);
    expect(mix3(1, 2, 3)).toBe(mix(mix(1, 2), 3));
    expect(mix3(1, 2, 3)).not.toBe(mix3(1, 3, 2));
  });
});

describe('mulberry32', () => {
  test('the same seed gives the same sequence, in [0, 1)', () => {
    const a = mulberry32(1);
    expect([a(), a(), a()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const b = mulberry32(1);
    expect(b()).toBe(0.6270739405881613);
    const c = mulberry32(123);
    for (let i = 0; i < 1000; i++) {
      const x = c();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
  test('different seeds give different sequences; seeds are taken as unsigned 32-bit', () => {
    expect(mulberry32(2)()).not.toBe(mulberry32(1)());
    expect(mulberry32(-1)()).toBe(mulberry32(0xffffffff)());
  });
});
