import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ModelError, NewskgError } from '../../src/errors.js';
import { DOCUMENT_START, type ConllDocument } from '../../src/nlp/conll.js';
import { evaluateConll } from '../../src/nlp/evaluate.js';
import { writeModelFile } from '../../src/nlp/model-file.js';
import { DEFAULT_TRAIN_SETTINGS, trainModels } from '../../src/nlp/train.js';

// Made-up sentences in the CoNLL-2003 layout (never text from the corpus itself).
const MADE_UP = new URL('../fixtures/conll/made-up.conll', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'newskg-eval-'));

describe('evaluateConll with the shipped model', () => {
  test('scores the made-up file: counts, conlleval scores, POS accuracy, throughput', async () => {
    const r = await evaluateConll(MADE_UP);
    expect(r).toMatchObject({ file: MADE_UP, documents: 1, sentences: 3, tokens: 25, posAccuracy: 1 });
    expect(r.ner).toMatchObject({ tokens: 25, phrasesGold: 7, phrasesPred: 7, correctPhrases: 7, accuracy: 100 });
    expect(Object.fromEntries(Object.entries(r.ner.perType).map(([t, s]) => [t, s.gold]))).toEqual({ LOC: 4, MISC: 1, ORG: 1, PER: 1 });
    expect(r.tokensPerSecond).toBeGreaterThan(0);
    expect(r.tokensPerSecondFirstPass).toBeGreaterThan(0);
    expect(r.modelLoadMs).toBeGreaterThanOrEqual(0);
  });

  test('documents are counted; IOB1 gold tags are read as IOB1', async () => {
    const file = join(tmp(), 'iob1.conll');
    writeFileSync(
      file,
      `${DOCUMENT_START} -X- -X- O\n\nMaria NNP I-NP I-PER\nLopez NNP I-NP I-PER\nflew VBD I-VP O\nto TO I-PP O\nMadrid NNP I-NP I-LOC\n. . O O\n\n` +
        `${DOCUMENT_START} -X- -X- O\n\nOfficials NNS I-NP O\nin IN I-PP O\nTokyo NNP I-NP I-LOC\nsaid VBD I-VP O\n. . O O\n`,
    );
    const r = await evaluateConll(file);
    expect(r).toMatchObject({ documents: 2, sentences: 2, tokens: 11 });
    // "I-PER I-PER" is one person in IOB1, not two.
    expect(r.ner).toMatchObject({ phrasesGold: 3, correctPhrases: 3 });
    expect(r.ner.perType.PER.gold).toBe(1);
  });

  test('two-column files: no POS accuracy; other schemes\' types map onto the CoNLL ones', async () => {
    const file = join(tmp(), 'wnut.conll');
    writeFileSync(file, 'Maria\tB-person\nLopez\tI-person\nflew\tO\nto\tO\nMadrid\tB-location\n.\tO\n');
    const r = await evaluateConll(file);
    expect(r.posAccuracy).toBeNull();
    expect(Object.keys(r.ner.perType).sort()).toEqual(['LOC', 'PER']);
    expect(r.ner).toMatchObject({ tokens: 6, phrasesGold: 2, correctPhrases: 2 });
  });

  test('a missing CoNLL file is a one-line NewskgError naming it', async () => {
    const missing = join(tmp(), 'nope.conll');
    await expect(evaluateConll(missing)).rejects.toThrow(NewskgError);
    await expect(evaluateConll(missing)).rejects.toThrow(`newskg/nlp: ${missing}: no such file`);
  });
});

describe('evaluateConll with another model', () => {
  test('modelPath selects the model: a tiny PER/LOC model finds no organisation or MISC', async () => {
    const S = (who: string, verb: string, where: string) => ({
      words: [who, verb, where, '.'],
      pos: ['NNP', 'VBD', 'NNP', '.'],
      chunk: ['I-NP', 'I-VP', 'I-NP', 'O'],
      ner: ['I-PER', 'O', 'I-LOC', 'O'],
    });
    const docs: ConllDocument[] = [
      { sentences: [S('Maria', 'visited', 'Paris'), S('John', 'left', 'Berlin')] },
      { sentences: [S('Anna', 'visited', 'Rome'), S('Maria', 'left', 'Rome')] },
    ];
    const settings = { ...DEFAULT_TRAIN_SETTINGS, folds: 2, posEpochs: 2, chunkEpochs: 2, nerEpochs: 3, minCount: 1, titleCaseFraction: 0 };
    const m = trainModels(docs, [], {}, settings, () => {});
    const dir = tmp();
    const modelPath = join(dir, 'tiny.model');
    writeModelFile(modelPath, { pos: m.pos, chunk: m.chunk, ner: m.ner, info: {} });
    const r = await evaluateConll(MADE_UP, { modelPath });
    expect(r.ner.perType.ORG).toMatchObject({ gold: 1, pred: 0, correct: 0 });
    expect(r.ner.perType.MISC).toMatchObject({ gold: 1, pred: 0, correct: 0 });
    expect(r.ner.phrasesGold).toBe(7);
    expect(r.ner.correctPhrases).toBeLessThan(7);
  });

  test('a model path that is no model is a ModelError', async () => {
    await expect(evaluateConll(MADE_UP, { modelPath: join(tmp(), 'missing.model') })).rejects.toThrow(ModelError);
  });
});
