/**
 * Family ties and ownership read from the parse, through the real pipeline on made-up sentences
 * (names no seed uses).
 */
import { describe, expect, test } from 'vitest';
import { processArticle } from '../../src/pipeline/article.js';
import type { ResolvedArticle } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const read = (text: string): ResolvedArticle => processArticle({ id: 'a0', text, origin: 'test', published: '2021-03-15' }, BASE);
const stated = (text: string, family: string) =>
  read(text)
    .relations.filter((r) => r.family === family && !r.evidence.factuality)
    .map((r) => `${r.subject.slice(BASE.length)} ${r.role ?? ''} ${r.object.slice(BASE.length)}`);

describe('family ties', () => {
  test('a possessive kinship noun with the relative in apposition', () => {
    expect(stated("Marco Teixeira's wife Helena Teixeira spoke to reporters.", 'family')).toEqual(['person/helena-teixeira wife person/marco-teixeira']);
  });

  test('"the son of X" in apposition, and a copula', () => {
    expect(stated('Paulo Ventura, the son of Rui Ventura, resigned on Monday.', 'family')).toEqual(['person/paulo-ventura son person/rui-ventura']);
    expect(stated('Ana Korsgaard is the daughter of Erik Korsgaard.', 'family')).toEqual(['person/ana-korsgaard daughter person/erik-korsgaard']);
  });

  test('"his wife X" reaches the man "his" refers to', () => {
    expect(stated('Marco Teixeira and his wife Helena Teixeira voted in Lisbon.', 'family')).toEqual(['person/helena-teixeira wife person/marco-teixeira']);
  });

  test('a kinship noun between a person and a body, or with no second person, states nothing', () => {
    expect(stated('Marco Teixeira, the father of three, resigned.', 'family')).toEqual([]);
    expect(stated("Velmora Holdings' parent Tarsk Media grew.", 'family')).toEqual([]);
  });
});

describe('ownership', () => {
  test('"X owns Y" and "Y, owned by X"', () => {
    expect(stated('Velmora Holdings owns Tarsk Media.', 'own')).toEqual(['organization/velmora-holdings owner organization/tarsk-media']);
    expect(stated('Tarsk Media, owned by Velmora Holdings, closed two newspapers.', 'own')).toEqual(['organization/velmora-holdings owner organization/tarsk-media']);
  });

  test('"Y, a subsidiary of X" says X owns Y', () => {
    expect(stated('Tarsk Media, a subsidiary of Velmora Holdings, closed two newspapers.', 'own')).toEqual(['organization/velmora-holdings subsidiary organization/tarsk-media']);
  });

  test('a negated or planned ownership is no direct fact', () => {
    expect(stated('Velmora Holdings does not own Tarsk Media.', 'own')).toEqual([]);
  });
});
