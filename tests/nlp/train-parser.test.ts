/** Training the parser: the dynamic oracle's costs, and learning a made-up treebank. */
import { describe, expect, test } from 'vitest';
import { LEFT, ParseState, RIGHT, SHIFT } from '../../src/nlp/parser.js';
import { DEFAULT_PARSER_SETTINGS, attachmentScores, relationLabels, trainParser, transitionCosts, type ParserSentence } from '../../src/nlp/train-parser.js';
import { DependencyParser } from '../../src/nlp/parser.js';

/** Follows the zero-cost transition (shift first on ties) and returns the heads it builds. */
function followOracle(gold: number[]): number[] {
  const st = new ParseState(gold.length);
  const costs = new Int32Array(3);
  while (!st.done) {
    transitionCosts(st, gold, costs);
    const t = [LEFT, RIGHT, SHIFT].find((x) => st.can(x) && costs[x] === 0) ?? [SHIFT, LEFT, RIGHT].find((x) => st.can(x))!;
    st.apply(t, 1);
  }
  return Array.from(st.heads.slice(1));
}

// Made-up sentences: "Ada saw Kel", "the dog barked loudly", "Ada gave Kel a book".
const S = (words: string, pos: string, heads: number[], deprels: string): ParserSentence => ({ words: words.split(' '), pos: pos.split(' '), heads, deprels: deprels.split(' ') });
const TREEBANK = [
  S('Ada saw Kel', 'NNP VBD NNP', [2, 0, 2], 'nsubj root obj'),
  S('the dog barked loudly', 'DT NN VBD RB', [2, 3, 0, 3], 'det nsubj root advmod'),
  S('Ada gave Kel a book', 'NNP VBD NNP DT NN', [2, 0, 2, 5, 2], 'nsubj root iobj det obj'),
  S('Kel saw the dog', 'NNP VBD DT NN', [2, 0, 4, 2], 'nsubj root det obj'),
  S('the book fell', 'DT NN VBD', [2, 3, 0], 'det nsubj root'),
];

describe('transitionCosts', () => {
  test.each([
    ['a chain', [2, 0, 2]],
    ['heads to the right', [2, 3, 0, 3]],
    ['a ditransitive', [2, 0, 2, 5, 2]],
    ['a long right branch', [0, 1, 2, 3, 4, 5]],
    ['a long left branch', [2, 3, 4, 5, 6, 0]],
  ])('following zero-cost transitions rebuilds %s exactly', (_name, gold) => {
    expect(followOracle(gold)).toEqual(gold);
  });

  test('a shift that strands a dependent of the front, and the front\'s own head below it, costs both arcs', () => {
    // Word 1's head is word 2, and word 2's is the root: shifting 2 over 1 loses 1 ← 2, and 2 can
    // no longer reach the root, which lies under 1.
    const st = new ParseState(3);
    st.apply(SHIFT, 0);
    const costs = new Int32Array(3);
    transitionCosts(st, [2, 0, 2], costs);
    expect(costs[LEFT]).toBe(0);
    expect(costs[SHIFT]).toBe(2);
    expect(costs[RIGHT]).toBe(1 << 20); // the root takes its dependent only at the end
  });
});

describe('trainParser', () => {
  test('learns a made-up treebank it can then parse exactly', () => {
    const { models, dev } = trainParser(TREEBANK, TREEBANK, { ...DEFAULT_PARSER_SETTINGS, epochs: 15, minFeatureCount: 0, minRelationFeatureCount: 0, minRelationCount: 1 });
    const scores = attachmentScores(new DependencyParser(models), TREEBANK);
    expect(scores).toEqual({ uas: 1, las: 1 });
    expect(dev).toHaveLength(15);
  });

  test('rare relation subtypes are written as their universal part; "root" comes first', () => {
    const { labels, map } = relationLabels([S('a b', 'DT NN', [2, 0], 'det:rare root'), S('c d', 'DT NN', [2, 0], 'det root')], 2);
    expect(labels[0]).toBe('root');
    expect(map('det:rare')).toBe('det');
    expect(labels).toEqual(['root', 'det']);
  });

  test('is deterministic', () => {
    const a = trainParser(TREEBANK, [], { ...DEFAULT_PARSER_SETTINGS, epochs: 3, minFeatureCount: 0, minRelationFeatureCount: 0 });
    const b = trainParser(TREEBANK, [], { ...DEFAULT_PARSER_SETTINGS, epochs: 3, minFeatureCount: 0, minRelationFeatureCount: 0 });
    expect(Array.from(a.models.transitions.weights)).toEqual(Array.from(b.models.transitions.weights));
  });
});
