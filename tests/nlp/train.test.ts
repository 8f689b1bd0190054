import { describe, expect, test } from 'vitest';
import type { ConllDocument } from '../../src/nlp/conll.js';
import { Tagger } from '../../src/nlp/tagger.js';
import { DEFAULT_TRAIN_SETTINGS, toExamples, trainModels, type TrainSettings } from '../../src/nlp/train.js';

/** "Word/POS/chunk/NER …" as a CoNLL sentence. */
const S = (line: string) => {
  const cols = line.split(' ').map((t) => t.split('/'));
  return { words: cols.map((c) => c[0]), pos: cols.map((c) => c[1]), chunk: cols.map((c) => c[2]), ner: cols.map((c) => c[3]) };
};
// Made-up, trivially separable: names are PER, cities LOC.
const sentence = (who: string, verb: string, where: string) => S(`${who}/NNP/I-NP/I-PER ${verb}/VBD/I-VP/O ${where}/NNP/I-NP/I-LOC ././O/O`);
const TRAIN: ConllDocument[] = [
  { sentences: [sentence('Maria', 'visited', 'Paris'), sentence('John', 'left', 'Berlin')] },
  { sentences: [sentence('Anna', 'visited', 'Rome'), sentence('Maria', 'left', 'Rome')] },
  { sentences: [sentence('John', 'visited', 'Berlin'), sentence('Anna', 'left', 'Paris')] },
  { sentences: [sentence('Maria', 'visited', 'Berlin'), sentence('John', 'left', 'Rome')] },
];
const DEV: ConllDocument[] = [{ sentences: [sentence('Anna', 'visited', 'Berlin'), sentence('John', 'left', 'Paris')] }];
const TINY: TrainSettings = { ...DEFAULT_TRAIN_SETTINGS, folds: 2, posEpochs: 3, chunkEpochs: 3, nerEpochs: 4, minCount: 1, titleCaseFraction: 0 };

function train(settings: Partial<TrainSettings> = {}, dev: ConllDocument[] = [], extra: ConllDocument[] = []) {
  const log: string[] = [];
  const models = trainModels(TRAIN, dev, {}, { ...TINY, ...settings }, (m) => log.push(m), extra);
  return { models, log };
}

describe('toExamples', () => {
  test('label sets: POS sorted, O first for chunks and NER; IOB1 becomes BIO or BILOU', () => {
    const docs: ConllDocument[] = [{ sentences: [S('New/NNP/I-NP/I-LOC York/NNP/I-NP/I-LOC is/VBZ/I-VP/O big/JJ/I-ADJP/O')] }, { sentences: [S('Ann/NNP/I-NP/I-PER ././O/O')] }];
    const bilou = toExamples(docs, 'bilou');
    expect(bilou.labelSets.pos.labels).toEqual(['.', 'JJ', 'NNP', 'VBZ']);
    expect(bilou.labelSets.chunk.labels).toEqual(['O', 'B-ADJP', 'B-NP', 'B-VP', 'I-NP']);
    expect(bilou.labelSets.ner.labels).toEqual(['O', 'B-LOC', 'L-LOC', 'U-PER']);
    const [first, second] = bilou.examples;
    expect(first.doc).toBe(0);
    expect(second.doc).toBe(1);
    expect(Array.from(first.ner, (i) => bilou.labelSets.ner.labels[i])).toEqual(['B-LOC', 'L-LOC', 'O', 'O']);
    expect(Array.from(first.chunk, (i) => bilou.labelSets.chunk.labels[i])).toEqual(['B-NP', 'I-NP', 'B-VP', 'B-ADJP']);
    expect(toExamples(docs, 'bio').labelSets.ner.labels).toEqual(['O', 'B-LOC', 'B-PER', 'I-LOC']);
  });
  test('missing POS and chunk columns become NN and O; given label sets encode unseen labels as 0', () => {
    const { labelSets } = toExamples([{ sentences: [S('Ann/NNP/I-NP/I-PER')] }], 'bio');
    const { examples } = toExamples([{ sentences: [{ words: ['Oslo', 'now'], ner: ['I-LOC', 'O'] }] }], 'bio', labelSets);
    expect(Array.from(examples[0].pos)).toEqual([0, 0]);
    expect(Array.from(examples[0].ner)).toEqual([0, 0]);
    const own = toExamples([{ sentences: [{ words: ['Oslo'], ner: ['I-LOC'] }] }], 'bio');
    expect(own.labelSets.pos.labels).toEqual(['NN']);
    expect(own.labelSets.chunk.labels).toEqual(['O']);
  });
});

describe('trainModels', () => {
  test('with gold-tagged sentences, the POS tagger learns their tag set and chunks and NER learn on its tags', () => {
    const log: string[] = [];
    // The gold tags call the verbs VBN here, unlike the CoNLL column: the tagger must follow the gold data.
    const goldPos = { train: TRAIN.flatMap((d) => d.sentences.map((s) => ({ words: s.words, xpos: ['NNP', 'VBN', 'NNP', '.'] }))), dev: [] };
    const models = trainModels(TRAIN, TRAIN, {}, TINY, (m) => log.push(m), [], goldPos);
    const tagger = new Tagger({ pos: models.pos, chunk: models.chunk, ner: models.ner });
    const [s] = tagger.tagDocument([['Anna', 'visited', 'Berlin', '.']]);
    expect(Array.from(s.pos, (i) => models.pos.labels[i])).toEqual(['NNP', 'VBN', 'NNP', '.']);
    expect(Array.from(s.ner, (i) => models.ner.labels[i])).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
    expect(log.some((l) => /agreement with CoNLL dev's automatic POS column/.test(l))).toBe(true);
    expect(models.dev?.ner.overall.f1).toBe(100);
  });

  test('gold-tagged sentences and CoNLL\'s own POS column together: CoNLL sentences get jackknifed tags', () => {
    const log: string[] = [];
    const goldPos = { train: [{ words: ['Kel', 'saw', 'Rome', '.'], xpos: ['NNP', 'VBD', 'NNP', '.'] }], dev: [], withConll: true };
    const models = trainModels(TRAIN, [], {}, TINY, (m) => log.push(m), [], goldPos);
    expect(log.filter((l) => /^pos fold \d\/2 epoch/.test(l)).length).toBeGreaterThan(0);
    const tagger = new Tagger({ pos: models.pos, chunk: models.chunk, ner: models.ner });
    const [s] = tagger.tagDocument([['John', 'visited', 'Paris', '.']]);
    expect(Array.from(s.pos, (i) => models.pos.labels[i])).toEqual(['NNP', 'VBD', 'NNP', '.']);
  });

  test('learns a trivially separable tagging: the training sentences come back as annotated', () => {
    const { models } = train();
    const tagger = new Tagger({ pos: models.pos, chunk: models.chunk, ner: models.ner });
    const words = TRAIN.map((d) => d.sentences.map((s) => s.words));
    for (const doc of words) {
      for (const s of tagger.tagDocument(doc)) {
        expect(Array.from(s.pos, (i) => models.pos.labels[i])).toEqual(['NNP', 'VBD', 'NNP', '.']);
        expect(Array.from(s.chunk, (i) => models.chunk.labels[i])).toEqual(['B-NP', 'B-VP', 'B-NP', 'O']);
        expect(Array.from(s.ner, (i) => models.ner.labels[i])).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
      }
    }
    expect(models.ner.transitions).toBeDefined();
    expect(models.pos.candidates).toBeDefined();
    expect(models.dev).toBeNull();
  });

  test('with a dev set: per-epoch dev scores are logged and the dev scores are kept', () => {
    const { models, log } = train({}, DEV);
    expect(log[0]).toBe('training on 8 sentences (32 tokens), 2-fold jackknifing');
    expect(log).toContain('pos epoch 3: train accuracy 100.00% (of scored tokens), dev accuracy 100.00%');
    expect(log).toContain('ner epoch 4: 0 sentences with errors, dev F1 100.00 (P 100.00, R 100.00)');
    expect(log.filter((l) => /^ner fold \d\/2 epoch 1:/.test(l))).toHaveLength(2);
    expect(models.dev).toMatchObject({ posAccuracy: 1, chunkAccuracy: 1, ner: { tokens: 8, phrasesGold: 4, correctPhrases: 4 } });
  });

  test('the BIO scheme gives BIO labels', () => {
    expect(train({ nerScheme: 'bio' }).models.ner.labels).toEqual(['O', 'B-LOC', 'B-PER']);
  });

  test('the same settings give the same weights; another seed may not, but still learns', () => {
    const a = train().models;
    const b = train().models;
    expect(Array.from(b.ner.weights)).toEqual(Array.from(a.ner.weights));
    expect(Array.from(b.pos.weights)).toEqual(Array.from(a.pos.weights));
    const c = train({ seed: 7 }, DEV).models;
    expect(c.dev!.ner.overall.f1).toBe(100);
  });

  test('extra NER documents and Title Case copies are first-pass-only extra sentences', () => {
    const extra: ConllDocument[] = [{ sentences: [{ words: ['Zed', 'visited', 'Oslo', '.'], ner: ['B-PER', 'O', 'B-LOC', 'O'] }] }];
    expect(train({}, [], extra).log).toContain('ner: 1 extra sentences (other annotated sets, Title Case copies)');
    expect(train({ titleCaseFraction: 1 }).log).toContain('ner: 8 extra sentences (other annotated sets, Title Case copies)');
    expect(train().log.some((l) => l.startsWith('ner: '))).toBe(false);
  });

  test('features seen fewer than minCount times are dropped from the frozen models', () => {
    const all = train({ minCount: 1 }).models;
    const pruned = train({ minCount: 5 }).models;
    expect(pruned.ner.rows).toBeGreaterThan(0);
    expect(pruned.ner.rows).toBeLessThan(all.ner.rows);
  });
});

