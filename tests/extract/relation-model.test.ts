import { describe, expect, test } from 'vitest';
import { allowedRelation, argTypeOf, candidatePairs, pairFeatures, relationArgs, type RelationArg } from '../../src/extract/relation-model.js';
import { analyze } from '../../src/nlp/index.js';

const noDemonyms = () => false;

describe('relation candidates and features', () => {
  test('each pair of argument types allows one relation, in one direction', () => {
    expect(allowedRelation('Peop', 'Org')).toBe('Work_For');
    expect(allowedRelation('Org', 'Peop')).toBeUndefined();
    expect(allowedRelation('Loc', 'Loc')).toBe('Located_In');
    expect(argTypeOf({ class: 'Court', text: 'Velmora High Court' }, noDemonyms)).toBe('Org');
    expect(argTypeOf({ class: 'Other', text: 'Velmoran' }, (w) => w === 'Velmoran')).toBe('Loc');
    expect(argTypeOf({ class: 'Movie', text: 'Dust' }, noDemonyms)).toBeUndefined();
    expect(relationArgs([{ class: 'Person', text: 'Ana', tokenStart: 0, tokenEnd: 1 }, { class: 'Other', text: 'Nord-backed', tokenStart: 2, tokenEnd: 3 }], noDemonyms).args).toEqual([{ tokenStart: 0, tokenEnd: 1, type: 'Peop' }]);
  });

  test('a sentence of 200 names gives a linear number of candidate pairs', () => {
    const args: RelationArg[] = Array.from({ length: 200 }, (_, i) => ({ tokenStart: 2 * i, tokenEnd: 2 * i + 1, type: i % 2 ? 'Loc' : 'Peop' }));
    const pairs = candidatePairs(args);
    expect(pairs.length).toBeLessThanOrEqual(200 * 4 * 2);
    expect(pairs.every((p) => allowedRelation(args[p.head].type, args[p.tail].type) === p.label)).toBe(true);
  });

  test('the features of a pair read the path between the names, and differ by direction', () => {
    const doc = analyze('Tomas Brel works for Drennow Corp. in Velmora.');
    const a: RelationArg = { tokenStart: 0, tokenEnd: 2, type: 'Peop' };
    const b: RelationArg = { tokenStart: 4, tokenEnd: 6, type: 'Org' };
    const ab = pairFeatures(doc, a, b, 0);
    const ba = pairFeatures(doc, b, a, 0);
    expect(ab.length).toBeGreaterThan(10);
    expect(ab.every((id) => id !== 0)).toBe(true);
    expect([...ab].sort()).not.toEqual([...ba].sort());
  });
});
