import { beforeAll, describe, expect, test } from 'vitest';
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
