import { describe, expect, test } from 'vitest';
import type { ConllDocument } from '../../src/nlp/conll.js';
import { NerDecoder, Tagger, argmax, documentEvidence, typeIndexOfLabels } from '../../src/nlp/tagger.js';
import { DEFAULT_TRAIN_SETTINGS, trainModels } from '../../src/nlp/train.js';

/** "Word/POS/chunk/NER …" as a CoNLL sentence. */
const S = (line: string) => {
  const cols = line.split(' ').map((t) => t.split('/'));
  return { words: cols.map((c) => c[0]), pos: cols.map((c) => c[1]), chunk: cols.map((c) => c[2]), ner: cols.map((c) => c[3]) };
};
// Made-up, trivially separable: names are PER, cities LOC.
const DOCS: ConllDocument[] = [
  ['Maria visited Paris', 'John left Berlin'],
  ['Anna visited Rome', 'Maria left Rome'],
  ['John visited Berlin', 'Anna left Paris'],
  ['Maria visited Berlin', 'John left Rome'],
].map((doc) => ({
  sentences: doc.map((s) => {
    const [who, verb, where] = s.split(' ');
    return S(`${who}/NNP/B-NP/B-PER ${verb}/VBD/B-VP/O ${where}/NNP/B-NP/B-LOC ././O/O`);
  }),
}));
const models = trainModels(DOCS, [], {}, { ...DEFAULT_TRAIN_SETTINGS, folds: 2, posEpochs: 3, chunkEpochs: 3, nerEpochs: 4, minCount: 1, titleCaseFraction: 0 }, () => {});
const tagger = new Tagger({ pos: models.pos, chunk: models.chunk, ner: models.ner });
const labelsOf = (labels: readonly string[], ids: Int32Array) => Array.from(ids, (i) => labels[i]);

describe('typeIndexOfLabels', () => {
  test('0 for O and unknown types, else the ENTITY_TAGS index + 1, whatever the prefix', () => {
    expect(Array.from(typeIndexOfLabels(['O', 'B-PER', 'I-ORG', 'U-LOC', 'L-MISC', 'B-DATE']))).toEqual([0, 1, 2, 3, 4, 0]);
  });
});

describe('argmax', () => {
  test.each([
    [[1, 3, 2], undefined, 1],
    [[5, 5, 1], undefined, 0],
    [[1, 2, 9], 2, 1],
    [[-3, -1, -2], undefined, 1],
  ])('argmax(%j, %s) is %i', (scores, n, best) => {
    expect(argmax(Float64Array.from(scores), n)).toBe(best);
  });
});

describe('documentEvidence', () => {
  // Type indices: 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC.
  test('the type other capitalised occurrences of the word got, and how consistently', () => {
    const words = [['Paris', 'is', 'big'], ['PARIS', 'again'], ['paris', 'Solo']];
    const types = [[3, 0, 0], [3, 0], [0, 0]];
    // Paris: the one other capitalised occurrence is LOC, always: 1 + (3 - 1) * 3 + 2.
    expect(documentEvidence(words, types).map((a) => Array.from(a))).toEqual([[9, 0, 0], [9, 0], [0, 0]]);
  });
  test('other occurrences tagged as no entity give 99; a mixed record gives the share band', () => {
    const words = [['Jordan', 'Jordan', 'Jordan', 'Jordan'], ['Apple', 'Apple']];
    const types = [[1, 1, 3, 0], [0, 0]];
    // For a PER occurrence: others are PER, LOC, none → PER in 1 of 3 (band 0); for the LOC and
    // the untagged ones: PER in 2 of 3 (band 1).
    expect(documentEvidence(words, types).map((a) => Array.from(a))).toEqual([[1, 1, 2, 2], [99, 99]]);
  });
  test('an empty document', () => {
    expect(documentEvidence([], [])).toEqual([]);
  });
});

describe('NerDecoder', () => {
  test('the emission buffer holds at least n × labels and is reused', () => {
    const d = new NerDecoder(['O', 'B-PER', 'I-PER']);
    const a = d.buffer(4);
    expect(a.length).toBeGreaterThanOrEqual(12);
    expect(d.buffer(2)).toBe(a);
    expect(d.buffer(100).length).toBeGreaterThanOrEqual(300);
  });
});

describe('Tagger', () => {
  test('tags a document with the tiny model: POS, chunks and entities', () => {
    const [s1, s2] = tagger.tagDocument([
      ['Anna', 'visited', 'Berlin', '.'],
      ['Maria', 'left', 'Paris', '.'],
    ]);
    expect(labelsOf(models.pos.labels, s1.pos)).toEqual(['NNP', 'VBD', 'NNP', '.']);
    expect(labelsOf(models.chunk.labels, s1.chunk)).toEqual(['B-NP', 'B-VP', 'B-NP', 'O']);
    expect(labelsOf(models.ner.labels, s1.ner)).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
    expect(labelsOf(models.ner.labels, s2.ner)).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
    for (const m of s1.margin) expect(m).toBeGreaterThan(0);
  });

  test('handles, hashtags and URLs are never entities', () => {
    // Unknown words in the same places are tagged as names: the rule, not the weights, makes them O.
    const plain = tagger.tagDocument([['Zed', 'visited', 'Oslo', '.']]);
    expect(labelsOf(models.ner.labels, plain[0].ner)).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
    const tagged = tagger.tagDocument([
      ['@Zed', 'visited', 'Paris', '.'],
      ['Anna', 'visited', '#Oslo', '.'],
      ['Anna', 'visited', 'https://t.co/x', '.'],
    ]);
    expect(tagged.map((s) => labelsOf(models.ner.labels, s.ner))).toEqual([
      ['O', 'O', 'U-LOC', 'O'],
      ['U-PER', 'O', 'O', 'O'],
      ['U-PER', 'O', 'O', 'O'],
    ]);
  });

  test('empty documents and sentences', () => {
    expect(tagger.tagDocument([])).toEqual([]);
    const [s] = tagger.tagDocument([[]]);
    expect([s.pos.length, s.chunk.length, s.ner.length, s.margin.length]).toEqual([0, 0, 0, 0]);
  });

  test('prewarming the word cache does not change the tags; tagging is repeatable', () => {
    const doc = [['John', 'visited', 'Rome', '.'], ['Rome', 'left', 'John']];
    const before = tagger.tagDocument(doc).map((s) => Array.from(s.ner));
    const warmed = new Tagger({ pos: models.pos, chunk: models.chunk, ner: models.ner });
    warmed.prewarm(['John', 'Rome', 'visited', 'left', '.']);
    expect(warmed.tagDocument(doc).map((s) => Array.from(s.ner))).toEqual(before);
    expect(tagger.tagDocument(doc).map((s) => Array.from(s.ner))).toEqual(before);
  });

  test('nerTypes maps each NER label to its entity type index', () => {
    expect(Array.from(tagger.nerTypes)).toEqual(Array.from(typeIndexOfLabels(models.ner.labels)));
    expect(models.ner.labels).toEqual(['O', 'U-LOC', 'U-PER']);
  });
});
