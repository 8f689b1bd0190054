/** normaliseName (extract/names.ts): the one normalisation IRIs, merging, scoring and look-ups share. */
import { describe, expect, test } from 'vitest';
import { normaliseName } from '../../src/extract/names.js';

describe('normaliseName', () => {
  test.each([
    // moved from resolve/entities.test.ts
    ['The  Times’s', 'times'],
    ['Gdańsk', 'gdansk'],
    // case, a leading "the", possessives
    ['THE TIMES', 'times'],
    ['the Red Hand', 'red hand'],
    ["Red Hand's", 'red hand'],
    ['Red Hand’s', 'red hand'],
    // a possessive only at the end, "the" only as a word
    ['Red Hand’s office', 'red hand’s office'],
    ['Theodore Vance', 'theodore vance'],
    ['The', 'the'],
    // accents folded, compatibility forms folded
    ['São Tomé', 'sao tome'],
    ['Ｖｅｌｍｏｒａ', 'velmora'],
    ['İlkay', 'ilkay'],
    // whitespace collapsed and trimmed
    ['  Velmora \t Police\n', 'velmora police'],
    ['', ''],
  ])('%j → %j', (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised);
  });

  test('is idempotent', () => {
    for (const name of ['The  Times’s', 'São Tomé', '  Velmora \t Police\n', 'Ærø']) expect(normaliseName(normaliseName(name))).toBe(normaliseName(name));
  });
});
