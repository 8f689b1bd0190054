import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DOCUMENT_START, bilouToBio, bioToBilou, iob1ToBio, normaliseEntityTag, parseConll, spansFromBio } from '../../src/nlp/conll.js';

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
