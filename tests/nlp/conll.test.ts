import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DOCUMENT_START, bilouToBio, bioToBilou, iob1ToBio, normaliseEntityTag, parseConll, spansFromBio } from '../../src/nlp/conll.js';
import { conlleval, formatConllevalReport } from '../../src/nlp/conlleval.js';

// Made-up sentences in the CoNLL-2003 layout (never text from the corpus itself).
// The fixture writes the document-start token as DOCUMENT-START (see DOCUMENT_START in src/nlp/conll.ts).
const FOUR_COLUMNS = readFileSync(new URL('../fixtures/conll/four-columns.conll', import.meta.url), 'utf8').replaceAll('DOCUMENT-START', DOCUMENT_START);

describe('parseConll', () => {
  test('reads four-column files with documents and sentences', () => {
    const docs = parseConll(FOUR_COLUMNS);
    expect(docs).toHaveLength(2);
    expect(docs[0].sentences).toHaveLength(2);
    expect(docs[0].sentences[0]).toEqual({
      words: ['Alma', 'Ruiz', 'visited', 'Lisbon', '.'],
      pos: ['NNP', 'NNP', 'VBD', 'NNP', '.'],
      chunk: ['I-NP', 'I-NP', 'I-VP', 'I-NP', 'O'],
      ner: ['I-PER', 'I-PER', 'O', 'I-LOC', 'O'],
    });
    expect(docs[1].sentences[0].words).toEqual(['Quietly']);
  });
  test('reads two-column files with TAB-only separators and CRLF', () => {
    const docs = parseConll('Hi\tO\r\nZed\tB-person\r\n\t\r\nin\tO\r\nOslo\tB-location');
    expect(docs).toHaveLength(1);
    expect(docs[0].sentences.map((s) => s.ner)).toEqual([['O', 'B-person'], ['O', 'B-location']]);
    expect(docs[0].sentences[0].pos).toBeUndefined();
  });
  test('reports malformed lines with their number', () => {
    expect(() => parseConll('a NN O\nb NN\n', 'f.txt')).toThrow('f.txt:2: expected 3 columns, found 2');
    expect(() => parseConll('lonely\n', 'g.txt')).toThrow(/g\.txt:1/);
  });
});

describe('tag schemes', () => {
  test.each([
    [['I-PER', 'I-PER', 'O', 'I-LOC'], ['B-PER', 'I-PER', 'O', 'B-LOC']],
    [['I-PER', 'B-PER', 'I-PER'], ['B-PER', 'B-PER', 'I-PER']],
    [['I-ORG', 'I-LOC'], ['B-ORG', 'B-LOC']],
    [['B-MISC', 'I-MISC'], ['B-MISC', 'I-MISC']],
    [['O', 'I-MISC'], ['O', 'B-MISC']],
  ])('IOB1 %j → BIO %j', (iob1, bio) => {
    expect(iob1ToBio(iob1)).toEqual(bio);
  });
  test('BIO ↔ BILOU round trip', () => {
    const bio = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'O', 'B-ORG'];
    const bilou = bioToBilou(bio);
    expect(bilou).toEqual(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'B-LOC', 'L-LOC', 'O', 'U-ORG']);
    expect(bilouToBio(bilou)).toEqual(bio);
  });
  test('other schemes map onto PER/ORG/LOC/MISC', () => {
    expect(['B-person', 'I-corporation', 'B-group', 'B-location', 'I-creative-work', 'B-tim', 'O'].map(normaliseEntityTag)).toEqual([
      'B-PER',
      'I-ORG',
      'B-ORG',
      'B-LOC',
      'I-MISC',
      'B-tim',
      'O',
    ]);
  });
  test('spans, tolerating an I- after O', () => {
    expect(spansFromBio(['I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 5 },
    ]);
  });
});

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
