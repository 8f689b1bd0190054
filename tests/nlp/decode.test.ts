import { describe, expect, test } from 'vitest';
import { Viterbi, labelConstraints } from '../../src/nlp/decode.js';

const labels = ['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC'];
const id = (l: string) => labels.indexOf(l);

describe('labelConstraints (BILOU)', () => {
  const { allowed, startOk, endOk } = labelConstraints(labels);
  const ok = (a: string, b: string) => allowed[id(a) * labels.length + id(b)] === 1;
  test.each([
    ['O', 'B-PER', true],
    ['O', 'U-LOC', true],
    ['O', 'I-PER', false],
    ['O', 'L-PER', false],
    ['B-PER', 'I-PER', true],
    ['B-PER', 'L-PER', true],
    ['B-PER', 'L-LOC', false],
    ['B-PER', 'O', false],
    ['I-PER', 'L-PER', true],
    ['L-PER', 'B-LOC', true],
    ['U-PER', 'U-PER', true],
    ['U-PER', 'I-PER', false],
  ])('%s → %s allowed: %s', (a, b, expected) => {
    expect(ok(a, b)).toBe(expected);
  });
  test('sequences start with O, B or U and end with O, L or U', () => {
    expect(labels.filter((_, i) => startOk[i])).toEqual(['O', 'B-PER', 'U-PER', 'B-LOC', 'U-LOC']);
    expect(labels.filter((_, i) => endOk[i])).toEqual(['O', 'L-PER', 'U-PER', 'L-LOC', 'U-LOC']);
  });
});

describe('Viterbi', () => {
  const L = labels.length;
  const { allowed, startOk, endOk } = labelConstraints(labels);
  const viterbi = new Viterbi(L, allowed, startOk, endOk);
  const zeros = new Float64Array(L * L);
  const start = new Float64Array(L);

  function emissions(rows: Record<string, number>[]): Float64Array {
    const em = new Float64Array(rows.length * L);
    rows.forEach((r, i) => {
      for (const [l, v] of Object.entries(r)) em[i * L + id(l)] = v;
    });
    return em;
  }

  test('picks the best well-formed sequence even when the greedy choice is ill-formed', () => {
    // Greedy would say I-PER I-PER (ill-formed); the best legal path is B-PER L-PER.
    const em = emissions([{ 'I-PER': 5, 'B-PER': 4 }, { 'I-PER': 5, 'L-PER': 4 }]);
    const out = new Int32Array(2);
    viterbi.decode(em, 2, zeros, start, out);
    expect(Array.from(out, (k) => labels[k])).toEqual(['B-PER', 'L-PER']);
  });

  test('transition scores change the decision', () => {
    const em = emissions([{ 'U-PER': 1, O: 0.9 }, { 'U-PER': 1, O: 0.9 }]);
    const trans = new Float64Array(L * L);
    trans[id('U-PER') * L + id('U-PER')] = -5;
    const out = new Int32Array(2);
    viterbi.decode(em, 2, trans, start, out);
    expect(Array.from(out, (k) => labels[k])).not.toEqual(['U-PER', 'U-PER']);
  });

  test('a single token and an empty sentence', () => {
    const out = new Int32Array(1);
    viterbi.decode(emissions([{ 'B-LOC': 9, 'U-LOC': 2 }]), 1, zeros, start, out);
    expect(labels[out[0]]).toBe('U-LOC');
    expect(() => viterbi.decode(new Float64Array(0), 0, zeros, start, new Int32Array(0))).not.toThrow();
  });
});

describe('labelConstraints (BIO)', () => {
  const bio = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
  const { allowed, startOk, endOk } = labelConstraints(bio);
  const ok = (a: string, b: string) => allowed[bio.indexOf(a) * bio.length + bio.indexOf(b)] === 1;
  test('I-x only continues B-x or I-x', () => {
    expect(ok('B-PER', 'I-PER')).toBe(true);
    expect(ok('I-PER', 'I-PER')).toBe(true);
    expect(ok('O', 'I-PER')).toBe(false);
    expect(ok('B-LOC', 'I-PER')).toBe(false);
    expect(ok('I-PER', 'B-PER')).toBe(true);
    expect(ok('B-PER', 'O')).toBe(true);
    expect(bio.filter((_, i) => startOk[i])).toEqual(['O', 'B-PER', 'B-LOC']);
    expect(bio.filter((_, i) => endOk[i])).toEqual(bio);
  });
});
