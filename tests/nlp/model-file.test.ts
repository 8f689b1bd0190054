import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { FEATURE_SIGNATURE } from '../../src/nlp/features.js';
import { FeatureTable, mix } from '../../src/nlp/hash.js';
import { LinearModel } from '../../src/nlp/linear.js';
import { parseModel, parseParserModel, serializeModel, serializeParserModel, type ModelBundle } from '../../src/nlp/model-file.js';

function tinyModel(labels: string[], withTransitions = false): LinearModel {
  const table = new FeatureTable(4);
  const weights = new Int16Array(3 * labels.length);
  for (let r = 0; r < 3; r++) {
    table.set(mix(r + 1, 5), r);
    for (let k = 0; k < labels.length; k++) weights[r * labels.length + k] = (r + 1) * (k - 1);
  }
  const L = labels.length;
  return withTransitions
    ? new LinearModel(labels, table, weights, 0.5, Float32Array.from({ length: L * L }, (_, i) => i / 10), Float32Array.from({ length: L }, (_, i) => -i))
    : new LinearModel(labels, table, weights, 0.5);
}

function bundle(): ModelBundle {
  return {
    pos: tinyModel(['DT', 'NN', 'NNP']),
    chunk: tinyModel(['O', 'B-NP', 'I-NP']),
    ner: tinyModel(['O', 'B-PER', 'L-PER', 'U-PER'], true),
    gazetteer: Uint8Array.of(1, 2, 3),
    info: { note: 'test' },
  };
}

describe('model file', () => {
  test('round-trips weights, labels, transitions and resources', () => {
    const original = bundle();
    const parsed = parseModel(serializeModel(original));
    expect(parsed.info).toEqual({ note: 'test' });
    expect(Array.from(parsed.gazetteer!)).toEqual([1, 2, 3]);
    expect(parsed.clusters).toBeUndefined();
    for (const key of ['pos', 'chunk', 'ner'] as const) {
      const a = original[key];
      const b = parsed[key];
      expect(b.labels).toEqual(a.labels);
      expect(b.scale).toBe(a.scale);
      const ids = Int32Array.of(mix(1, 5), mix(3, 5), mix(9, 9));
      const sa = new Float64Array(a.nLabels);
      const sb = new Float64Array(b.nLabels);
      a.score(ids, ids.length, sa);
      b.score(ids, ids.length, sb);
      expect(Array.from(sb)).toEqual(Array.from(sa));
      expect(b.transitions && Array.from(b.transitions)).toEqual(a.transitions && Array.from(a.transitions));
    }
  });

  test('a model trained with other features is a clear error', () => {
    const bytes = serializeModel(bundle());
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf(FEATURE_SIGNATURE);
    expect(at).toBeGreaterThan(0);
    const tampered = bytes.slice();
    tampered[at + FEATURE_SIGNATURE.indexOf('/v') + 2] = '9'.charCodeAt(0);
    expect(() => parseModel(tampered, 'old.model')).toThrow(ModelError);
    expect(() => parseModel(tampered, 'old.model')).toThrow(/old\.model was trained with features .* retrain/);
  });

  test('garbage, truncation and empty input are clear errors', () => {
    expect(() => parseModel(new Uint8Array(0), 'x')).toThrow(/not a newskg model/);
    expect(() => parseModel(new TextEncoder().encode('hello world, not a model'), 'x')).toThrow(/not a newskg model/);
    const bytes = serializeModel(bundle());
    expect(() => parseModel(bytes.subarray(0, bytes.length - 20), 'x')).toThrow(/truncated|inconsistent/);
  });

  test('the parser model file round-trips its two models and the lemmatiser, and is not a tagger model', () => {
    const parser = { transitions: tinyModel(['shift', 'left', 'right']), relations: tinyModel(['root', 'nsubj', 'obj']), pos: tinyModel(['NN', 'VBD']), lemmas: Uint8Array.of(9, 8, 7), info: { note: 'parser' } };
    const bytes = serializeParserModel(parser);
    const back = parseParserModel(bytes, 'p.model');
    expect(back.transitions.labels).toEqual(['shift', 'left', 'right']);
    expect(Array.from(back.relations.weights)).toEqual(Array.from(parser.relations.weights));
    expect(Array.from(back.lemmas!)).toEqual([9, 8, 7]);
    expect(back.pos?.labels).toEqual(['NN', 'VBD']);
    expect(parseParserModel(serializeParserModel({ ...parser, pos: undefined }), 'p.model').pos).toBeUndefined();
    expect(back.info).toEqual({ note: 'parser' });
    // Each file says which features its weights expect: neither loads as the other.
    expect(() => parseModel(bytes, 'p.model')).toThrow(/p\.model was trained with features/);
    expect(() => parseParserModel(serializeModel(bundle()), 't.model')).toThrow(/t\.model was trained with features/);
  });
});
