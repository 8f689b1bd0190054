import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NewskgError } from '../../src/errors.js';
import { buildModel } from '../../src/nlp/build-model.js';
import { WordClusters } from '../../src/nlp/clusters.js';
import { DOCUMENT_START } from '../../src/nlp/conll.js';
import { readModelFile } from '../../src/nlp/model-file.js';
import { taggerFromBundle } from '../../src/nlp/pipeline.js';

const TINY = { folds: 2, posEpochs: 2, chunkEpochs: 2, nerEpochs: 3, minCount: 1, titleCaseFraction: 0 };

/** A made-up CoNLL-2003-style file: documents of "name verb city ." sentences. */
function conll(docs: string[][]): string {
  return docs
    .map((sentences) => {
      const body = sentences.map((s) => {
        const [who, verb, where] = s.split(' ');
        return `${who} NNP I-NP I-PER\n${verb} VBD I-VP O\n${where} NNP I-NP I-LOC\n. . O O\n`;
      });
      return `${DOCUMENT_START} -X- -X- O\n\n${body.join('\n')}`;
    })
    .join('\n');
}

/** A data folder holding conll2003/train.txt (and dev.txt when asked). */
function dataDir(withDev: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'newskg-data-'));
  mkdirSync(join(dir, 'conll2003'));
  writeFileSync(
    join(dir, 'conll2003', 'train.txt'),
    conll([
      ['Maria visited Paris', 'John left Berlin'],
      ['Anna visited Rome', 'Maria left Rome'],
      ['John visited Berlin', 'Anna left Paris'],
      ['Maria visited Berlin', 'John left Rome'],
    ]),
  );
  if (withDev) writeFileSync(join(dir, 'conll2003', 'dev.txt'), conll([['Anna visited Berlin', 'John left Paris']]));
  return dir;
}

describe('buildModel', () => {
  test('a data folder without conll2003/train.txt is a clear error naming the file and --data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-nodata-'));
    const run = buildModel({ dataDir: dir, out: join(dir, 'm.model'), log: () => {} });
    await expect(run).rejects.toThrow(NewskgError);
    await expect(buildModel({ dataDir: dir, out: join(dir, 'm.model'), log: () => {} })).rejects.toThrow(
      `newskg/nlp: training data not found: ${join(dir, 'conll2003', 'train.txt')} (pass --data DIR)`,
    );
  });

  test('trains on a tiny made-up set and writes a model file the tagger loads', async () => {
    const dir = dataDir(true);
    const out = join(dir, 'tiny.model');
    const log: string[] = [];
    const { info, bytes } = await buildModel({ dataDir: dir, out, noGazetteer: true, noClusters: true, settings: TINY, withDev: true, log: (m) => log.push(m) });
    expect(log[0]).toBe('training on 8 sentences (32 tokens), 2-fold jackknifing');
    expect(log.at(-1)).toMatch(/^wrote .*tiny\.model \(\d+\.\d MB\) in \d+ s$/);
    expect(info).toMatchObject({ gazetteer: null, clusters: null, settings: { folds: 2, nerEpochs: 3, nerScheme: 'bilou' }, dev: { posAccuracy: 1, chunkAccuracy: 1, nerF1: 100 } });
    expect(info.trainingData).toMatch(/^CoNLL-2003 English train\.txt and dev\.txt/);
    // Scored on dev after training on train alone, then trained again on both for the file written.
    expect(info.trainedOnDev).toBe(true);
    expect(log).toContain('training again on train + dev for the written model');
    expect(log).toContain('training on 10 sentences (40 tokens), 2-fold jackknifing');
    const bundle = readModelFile(out);
    expect(bytes).toBeGreaterThan(0);
    expect(bundle.info).toEqual(JSON.parse(JSON.stringify(info)));
    expect(bundle.gazetteer).toBeUndefined();
    expect(bundle.clusters).toBeUndefined();
    const [tags] = taggerFromBundle(bundle).tagDocument([['Anna', 'visited', 'Rome', '.']]);
    expect(Array.from(tags.ner, (l) => bundle.ner.labels[l])).toEqual(['U-PER', 'O', 'U-LOC', 'O']);
  });

  test('by default the model written is the one trained on train alone, the one dev scored', async () => {
    const dir = dataDir(true);
    const log: string[] = [];
    const { info, trained } = await buildModel({ dataDir: dir, out: join(dir, 'm.model'), noGazetteer: true, noClusters: true, settings: TINY, log: (m) => log.push(m) });
    expect(info.trainedOnDev).toBe(false);
    expect(info.trainingData).toBe('CoNLL-2003 English train.txt (Reuters RCV1; the corpus itself is not distributed with newskg)');
    expect(log.filter((m) => m.startsWith('training on '))).toEqual(['training on 8 sentences (32 tokens), 2-fold jackknifing']);
    expect(trained.dev?.ner.overall.f1).toBe(100);
  });

  test('without dev.txt there are no dev scores', async () => {
    const dir = dataDir(false);
    const { info, trained } = await buildModel({ dataDir: dir, out: join(dir, 'm.model'), noGazetteer: true, noClusters: true, settings: TINY, log: () => {} });
    expect(info.dev).toBeUndefined();
    expect(trained.dev).toBeNull();
  });

  test('clusters: induced from the data folder, or read from a file', async () => {
    const dir = dataDir(false);
    const log: string[] = [];
    const { info } = await buildModel({ dataDir: dir, out: join(dir, 'a.model'), noGazetteer: true, settings: TINY, log: (m) => log.push(m) });
    expect(log).toContain('clusters: inducing from 8 unlabelled sentences');
    expect(readModelFile(join(dir, 'a.model')).clusters).toBeDefined();
    const clustersFile = join(dir, 'clusters.bin');
    writeFileSync(clustersFile, new WordClusters(['Paris', 'Rome'], Uint16Array.of(1, 2), [32]).toBytes());
    const fromFile: string[] = [];
    const r = await buildModel({ dataDir: dir, out: join(dir, 'b.model'), noGazetteer: true, clustersFile, settings: TINY, log: (m) => fromFile.push(m) });
    expect(fromFile).toContain(`clusters: 2 words from ${clustersFile}`);
    expect(r.info.clusters).toBe(2);
    // The words seen at least 3 times: ".", visited, left, Maria, John, Rome, Berlin.
    expect(info.clusters).toBe(7);
    expect(log).toContain('clusters: 7 words');
  });

  test('extra NER files are read with their tags mapped onto PER/ORG/LOC/MISC', async () => {
    const dir = dataDir(false);
    const extra = join(dir, 'extra.conll');
    writeFileSync(extra, 'Zed\tB-person\nvisited\tO\nOslo\tB-location\n.\tO\n');
    const log: string[] = [];
    const { trained } = await buildModel({ dataDir: dir, out: join(dir, 'm.model'), noGazetteer: true, noClusters: true, extraNer: [extra], settings: TINY, log: (m) => log.push(m) });
    expect(log).toContain('ner: 1 extra sentences (other annotated sets, Title Case copies)');
    // No new labels: person and location became PER and LOC.
    expect(trained.ner.labels).toEqual(['O', 'U-LOC', 'U-PER']);
  });
});
