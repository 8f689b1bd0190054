import { describe, expect, test } from 'vitest';
import { NewskgError } from '../../src/errors.js';
import { conlleval, formatConllevalReport, posAccuracy } from '../../src/nlp/conlleval.js';

describe('conlleval', () => {
  test('hand-computed example', () => {
    const r = conlleval([
      // gold: PER(0-2), LOC(3); predicted: PER(0-1) wrong boundary, LOC(3) right, ORG(4) spurious
      { gold: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'], pred: ['B-PER', 'O', 'O', 'B-LOC', 'B-ORG'] },
      // gold MISC at the sentence end, predicted exactly
      { gold: ['O', 'B-MISC', 'I-MISC'], pred: ['O', 'B-MISC', 'I-MISC'] },
    ]);
    expect(r.tokens).toBe(8);
    expect(r.phrasesGold).toBe(3);
    expect(r.phrasesPred).toBe(4);
    expect(r.correctPhrases).toBe(2);
    expect(r.overall.precision).toBeCloseTo(50);
    expect(r.overall.recall).toBeCloseTo(66.6667, 3);
    expect(r.overall.f1).toBeCloseTo(57.1429, 3);
    expect(r.accuracy).toBeCloseTo((100 * 6) / 8);
    expect(r.perType.PER).toMatchObject({ gold: 1, pred: 1, correct: 0 });
    expect(r.perType.ORG).toMatchObject({ gold: 0, pred: 1, correct: 0, precision: 0 });
  });
  test('IOB1 input: an I- tag after O starts a chunk, a type change ends one', () => {
    const r = conlleval([{ gold: ['I-PER', 'I-PER', 'I-LOC'], pred: ['I-PER', 'I-PER', 'I-ORG'] }]);
    expect(r.phrasesGold).toBe(2);
    expect(r.correctPhrases).toBe(1);
  });
  test('adjacent chunks of the same type separated by B-', () => {
    const r = conlleval([{ gold: ['B-LOC', 'B-LOC'], pred: ['B-LOC', 'I-LOC'] }]);
    expect(r.phrasesGold).toBe(2);
    expect(r.phrasesPred).toBe(1);
    expect(r.correctPhrases).toBe(0);
  });
  test('a chunk that does not end where the gold one ends is wrong', () => {
    const r = conlleval([{ gold: ['B-PER', 'I-PER', 'O'], pred: ['B-PER', 'I-PER', 'I-PER'] }]);
    expect(r.correctPhrases).toBe(0);
  });
  test('report layout', () => {
    const r = conlleval([{ gold: ['B-PER', 'O'], pred: ['B-PER', 'O'] }]);
    expect(formatConllevalReport(r)).toBe(
      'processed 2 tokens with 1 phrases; found: 1 phrases; correct: 1.\n' +
        'accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n' +
        '              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n',
    );
  });
});

describe('conlleval chunk rules', () => {
  test.each([
    ['an I- after O starts a chunk', [['O', 'I-PER', 'I-PER']], 1],
    ['B- after I- of the same type starts another', [['B-PER', 'I-PER', 'B-PER']], 2],
    ['a type change inside I- tags starts another', [['I-PER', 'I-ORG']], 2],
    ['IOBES: B- … E- is one chunk', [['B-PER', 'E-PER', 'O']], 1],
    ['IOBES: E- then E- are two chunks', [['E-LOC', 'E-LOC']], 2],
    ['[ and ] chunks have length 1', [['[-LOC', '[-LOC', ']-LOC']], 3],
    ['a sentence boundary ends a chunk', [['B-PER'], ['I-PER']], 2],
    ['the same tags in one sentence are one chunk', [['B-PER', 'I-PER']], 1],
    ['no chunks', [['O', 'O']], 0],
  ])('%s', (_, sentences, phrases) => {
    const r = conlleval(sentences.map((tags) => ({ gold: tags, pred: tags })));
    expect(r.phrasesGold).toBe(phrases);
    expect(r.phrasesPred).toBe(phrases);
    expect(r.correctPhrases).toBe(phrases);
    expect(r.accuracy).toBe(100);
  });

  test('per-type scores, types sorted; a predicted-only type has recall 0 and no gold', () => {
    const r = conlleval([
      { gold: ['B-PER', 'O', 'B-LOC', 'I-LOC'], pred: ['B-PER', 'O', 'B-LOC', 'O'] },
      { gold: ['B-LOC', 'O'], pred: ['B-LOC', 'B-MISC'] },
    ]);
    expect(Object.keys(r.perType)).toEqual(['LOC', 'MISC', 'PER']);
    expect(r.perType.LOC).toEqual({ gold: 2, pred: 2, correct: 1, precision: 50, recall: 50, f1: 50 });
    expect(r.perType.MISC).toEqual({ gold: 0, pred: 1, correct: 0, precision: 0, recall: 0, f1: 0 });
    expect(r.perType.PER).toEqual({ gold: 1, pred: 1, correct: 1, precision: 100, recall: 100, f1: 100 });
    expect(r.tokens).toBe(6);
    expect(r.accuracy).toBeCloseTo((100 * 4) / 6);
  });

  test('a wrong type on the right span is not correct, and the token is not accurate', () => {
    const r = conlleval([{ gold: ['B-PER', 'I-PER'], pred: ['B-ORG', 'I-ORG'] }]);
    expect(r).toMatchObject({ phrasesGold: 1, phrasesPred: 1, correctPhrases: 0, accuracy: 0 });
  });

  test('no sentences: zero counts and scores, no types', () => {
    expect(conlleval([])).toEqual({
      tokens: 0,
      phrasesGold: 0,
      phrasesPred: 0,
      correctPhrases: 0,
      accuracy: 0,
      overall: { precision: 0, recall: 0, f1: 0 },
      perType: {},
    });
  });

  test('gold and predicted tags of different lengths are a NewskgError of the eval stage', () => {
    const run = () => conlleval([{ gold: ['O'], pred: ['O'] }, { gold: ['B-PER', 'O'], pred: ['B-PER'] }]);
    expect(run).toThrow(NewskgError);
    expect(run).toThrow('newskg/eval: sentence has 2 gold tags but 1 predicted');
  });
});

describe('formatConllevalReport', () => {
  test('no tokens: only the first line', () => {
    expect(formatConllevalReport(conlleval([]))).toBe('processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n');
  });
  test('several types, in order, with padded percentages and predicted counts', () => {
    const r = conlleval([{ gold: ['B-LOC', 'O', 'B-ORGANISATION', 'O'], pred: ['B-LOC', 'B-LOC', 'O', 'O'] }]);
    expect(formatConllevalReport(r)).toBe(
      'processed 4 tokens with 2 phrases; found: 2 phrases; correct: 1.\n' +
        'accuracy:  50.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00\n' +
        '              LOC: precision:  50.00%; recall: 100.00%; FB1:  66.67  2\n' +
        '     ORGANISATION: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n',
    );
  });
});

describe('posAccuracy', () => {
  test.each([
    [[['NN', 'VB'], ['DT']], [['NN', 'NN'], ['DT']], 2 / 3],
    [[['NN']], [['NN']], 1],
    [[['NN']], [['VB']], 0],
    [[], [], 0],
    [[[]], [[]], 0],
  ])('%j vs %j → %d', (gold, pred, acc) => {
    expect(posAccuracy(gold, pred)).toBeCloseTo(acc, 10);
  });
});
