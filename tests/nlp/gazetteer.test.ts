import { beforeAll, describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { GAZ_CATEGORIES, Gazetteer, buildGazetteer } from '../../src/nlp/gazetteer.js';

const bit = (c: (typeof GAZ_CATEGORIES)[number], cont = false) => 1 << (2 * GAZ_CATEGORIES.indexOf(c) + (cont ? 1 : 0));
const lookupBit = (c: (typeof GAZ_CATEGORIES)[number]) => 1 << GAZ_CATEGORIES.indexOf(c);

describe('gazetteer from the data packages', () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = buildGazetteer();
  });
  test('has countries, demonyms, cities, names, companies and words', () => {
    const s = g.stats();
    for (const c of GAZ_CATEGORIES) expect(s[c]).toBeGreaterThan(100);
    expect(g.lookup('france') & lookupBit('country')).toBeTruthy();
    expect(g.lookup('iraq') & lookupBit('country')).toBeTruthy();
    expect(g.lookup('french') & lookupBit('demonym')).toBeTruthy();
    expect(g.lookup('iraqi') & lookupBit('demonym')).toBeTruthy();
    expect(g.lookup('paris') & lookupBit('city')).toBeTruthy();
    expect(g.lookup('warned') & lookupBit('word')).toBeTruthy();
    expect(g.lookup('qwzxv')).toBe(0);
  });
  test('matches multi-token phrases with begin and continue bits', () => {
    const m = g.match(['in', 'new', 'york', 'city', 'today']);
    expect(m[1] & bit('city')).toBeTruthy();
    expect(m[2] & bit('city', true)).toBeTruthy();
    expect(m[3] & bit('city', true)).toBeTruthy();
    const us = g.match(['the', 'united', 'states', 'said']);
    expect(us[1] & bit('country')).toBeTruthy();
    expect(us[2] & bit('country', true)).toBeTruthy();
    expect(us[3] & bit('country', true)).toBeFalsy();
  });
  test('round-trips through bytes; corrupt bytes are an error', () => {
    const copy = Gazetteer.fromBytes(g.toBytes());
    const sentence = ['iraq', 'warned', 'france', 'of', 'attacks', 'in', 'paris', 'and', 'new', 'york'];
    expect(Array.from(copy.match(sentence))).toEqual(Array.from(g.match(sentence)));
    expect(copy.stats()).toEqual(g.stats());
    const bytes = g.toBytes();
    expect(() => Gazetteer.fromBytes(bytes.subarray(0, bytes.length - 3))).toThrow(/corrupt gazetteer/);
    expect(() => Gazetteer.fromBytes(new Uint8Array(40))).toThrow(/corrupt gazetteer/);
  });
});

describe('a corrupt gazetteer section', () => {
  const small = Gazetteer.empty();
  for (const p of ['France', 'New York City', 'Paris']) small.add(p, p === 'France' ? 'country' : 'city');
  const bytes = small.toBytes();
  const flipped = (at: number) => {
    const copy = bytes.slice();
    copy[at] ^= 0xff;
    return copy;
  };
  const grown = new Uint8Array(bytes.length + 8);
  grown.set(bytes);

  test('a good section round-trips, also from an unaligned view (as a pooled Buffer can be)', () => {
    const big = new Uint8Array(bytes.length + 1);
    big.set(bytes, 1);
    const copy = Gazetteer.fromBytes(big.subarray(1));
    expect(Array.from(copy.match(['in', 'new', 'york', 'city']))).toEqual(Array.from(small.match(['in', 'new', 'york', 'city'])));
    expect(copy.stats()).toEqual(small.stats());
    expect(copy.has('France', 'country')).toBe(true);
  });

  test.each<[string, Uint8Array, RegExp]>([
    ['flipped magic', flipped(0), /\(bad magic/],
    ['bytes cut off the end', bytes.subarray(0, bytes.length - 3), /\(size mismatch/],
    ['one entry cut off', bytes.subarray(0, bytes.length - 8), /\(size mismatch/],
    ['bytes added at the end', grown, /\(size mismatch/],
    ['cut inside the fixed header', bytes.subarray(0, 7), /\(too short/],
    ['cut inside the counts', bytes.subarray(0, 20), /\(truncated/],
    ['a broken counts header', flipped(12), /\(bad header/],
    ['zeros', new Uint8Array(40), /\(bad magic/],
  ])('%s is a ModelError', (_, corrupt, why) => {
    let err: unknown;
    try {
      Gazetteer.fromBytes(corrupt);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).name).toBe('ModelError');
    expect((err as Error).message).toMatch(/^newskg\/nlp: corrupt gazetteer section \(/);
    expect((err as Error).message).toMatch(why);
  });
});
