/** The arc-hybrid parser: every input gets one well-formed tree in 2n transitions, whatever the model scores. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FeatureTable, mulberry32 } from '../../src/nlp/hash.js';
import { LinearModel } from '../../src/nlp/linear.js';
import { ModelError } from '../../src/errors.js';
import { DependencyParser, LEFT, PackedTransitionWeights, ParseState, RIGHT, SHIFT } from '../../src/nlp/parser.js';

/** A model whose every feature has random weights: the parser must still build a tree. */
function randomModel(labels: string[], seed: number): LinearModel {
  const rand = mulberry32(seed);
  const table = new FeatureTable(16);
  // No rows: every feature is unknown, so scores are all zero; the tie-breaks and validity decide.
  const weights = new Int16Array(0);
  void rand;
  return new LinearModel(labels, table, weights, 1);
}

/** A parser that ranks transitions by a seeded random number each step, through a model stub. */
class RandomParser extends DependencyParser {
  private readonly rand: () => number;

  constructor(seed: number) {
    const rand = mulberry32(seed);
    const transitions = randomModel(['shift', 'left', 'right'], seed);
    const relations = randomModel(['root', 'nsubj', 'obj', 'det'], seed + 1);
    relations.score = (_ids, _n, out) => {
      for (let k = 0; k < out.length; k++) out[k] = rand();
    };
    super({ transitions, relations });
    this.rand = rand;
  }

  protected override scoreTransitions(_ids: Int32Array, _n: number, out: Float64Array): void {
    for (let k = 0; k < 3; k++) out[k] = this.rand();
  }
}

/** Whether heads (1-based, 0 = root) form one tree: a single root dependent, every word reaching it without a cycle. */
function isTree(heads: number[]): boolean {
  if (heads.filter((h) => h === 0).length !== 1) return false;
  for (let i = 1; i <= heads.length; i++) {
    let k = i;
    for (let steps = 0; k !== 0; steps++) {
      if (steps > heads.length) return false;
      const h = heads[k - 1];
      if (!Number.isInteger(h) || h < 0 || h > heads.length || h === k) return false;
      k = h;
    }
  }
  return true;
}

describe('ParseState', () => {
  test('the root takes its dependent only once the buffer is empty, and is never a dependent', () => {
    const st = new ParseState(2);
    expect([st.canShift(), st.canLeft(), st.canRight()]).toEqual([true, false, false]);
    st.apply(SHIFT, 0);
    expect([st.canShift(), st.canLeft(), st.canRight()]).toEqual([true, true, false]);
    st.apply(LEFT, 1); // word 1 ← word 2
    expect(st.heads[1]).toBe(2);
    st.apply(SHIFT, 0);
    expect(st.canShift()).toBe(false);
    expect(st.canRight()).toBe(true);
    st.apply(RIGHT, 0);
    expect(st.heads[2]).toBe(0);
    expect(st.done).toBe(true);
    expect(st.steps).toBe(4);
  });

  test('keeps the outermost children and the valency of each head', () => {
    const st = new ParseState(4);
    st.apply(SHIFT, 0);
    st.apply(SHIFT, 0);
    st.apply(SHIFT, 0);
    st.apply(LEFT, 2); // 3 ← 4
    st.apply(LEFT, 2); // 2 ← 4
    expect([st.lc1[4], st.lc2[4], st.nLeft[4]]).toEqual([2, 3, 2]);
    st.apply(LEFT, 2); // 1 ← 4
    expect([st.lc1[4], st.lc2[4], st.nLeft[4]]).toEqual([1, 2, 3]);
  });
});

describe('DependencyParser', () => {
  test.each([
    ['one word', ['Hello']],
    ['a headline in capitals', 'POLICE ARREST MAN IN VARN'.split(' ')],
    ['a list of names', 'Ada , Kel , Brenn and Osk'.split(' ')],
    ['a table of numbers', '1 2 3 4 5 6 7 8 9 10'.split(' ')],
  ])('%s gets one tree', (_name, words) => {
    for (let seed = 1; seed <= 20; seed++) {
      const { heads, deprels, steps } = new RandomParser(seed).parse({ words, pos: words.map(() => 'NN') });
      expect(isTree(heads)).toBe(true);
      expect(steps).toBe(2 * words.length);
      // The root's dependent is "root", and no other word is.
      heads.forEach((h, i) => expect(deprels[i] === 'root').toBe(h === 0));
    }
  });

  test('any sentence gets one tree in exactly 2n transitions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 1e6 }), (words, seed) => {
        const { heads, steps } = new RandomParser(seed).parse({ words, pos: words.map(() => 'NN') });
        return isTree(heads) && steps === 2 * words.length;
      }),
      { numRuns: 200 },
    );
  });

  test('a sentence of 5,000 words is parsed in 10,000 transitions', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i % 50}`);
    const { heads, steps } = new RandomParser(3).parse({ words, pos: words.map(() => 'NN') });
    expect(isTree(heads)).toBe(true);
    expect(steps).toBe(10_000);
  });
});

export { isTree };

describe('PackedTransitionWeights', () => {
  test('scores every feature set exactly as the transition model does, unknown features included (property)', () => {
    const rand = mulberry32(5);
    const table = new FeatureTable(16);
    const keys: number[] = [];
    // Enough keys that the table probes past collisions.
    for (let r = 0; r < 3000; r++) {
      const key = ((rand() * 2 ** 32) | 0) || 1;
      if (table.get(key) >= 0) continue;
      table.set(key, keys.length);
      keys.push(key);
    }
    const weights = Int16Array.from({ length: keys.length * 3 }, () => Math.round((rand() - 0.5) * 60000));
    const model = new LinearModel(['shift', 'left', 'right'], table, weights, 0.001);
    const packed = new PackedTransitionWeights(model);
    // Feature ids are never 0 (mix() avoids it: 0 marks an empty slot).
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...keys), fc.integer().filter((k) => k !== 0)), { maxLength: 80 }), (ids) => {
        const a = new Float64Array(3);
        const b = new Float64Array(3);
        model.score(Int32Array.from(ids), ids.length, a);
        packed.score(Int32Array.from(ids), ids.length, b);
        expect(Array.from(b)).toEqual(Array.from(a));
      }),
    );
  });

  test('a transition model without exactly three labels is a ModelError', () => {
    expect(() => new PackedTransitionWeights(new LinearModel(['shift', 'left'], new FeatureTable(16), new Int16Array(0), 1))).toThrow(ModelError);
  });
});
