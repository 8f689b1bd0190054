import { describe, expect, test } from 'vitest';
import { InputError, ModelError, NewskgError, NotFoundError, QueryError, WorkerError } from '../src/errors.js';

const cause = new Error('underlying');

describe('error classes', () => {
  test.each([
    ['NewskgError', new NewskgError('build', 'it broke', { cause }), 'newskg/build: it broke', cause],
    ['ModelError', new ModelError('bad section', { cause }), 'newskg/nlp: bad section', cause],
    ['InputError', new InputError('not UTF-8', { cause }), 'newskg/ingest: not UTF-8', cause],
    ['NotFoundError', new NotFoundError('Pariss', []), 'newskg/query: no entity named "Pariss"', undefined],
    ['QueryError', new QueryError('does not parse'), 'newskg/query: does not parse', undefined],
    ['WorkerError', new WorkerError('pipeline', 'worker stopped', { cause }), 'newskg/pipeline: worker stopped', cause],
  ] as const)('%s: stable name, stage-prefixed message, cause kept', (name, err, message, expectedCause) => {
    expect(err.name).toBe(name);
    expect(err.message).toBe(message);
    expect(String(err)).toBe(`${name}: ${message}`);
    expect(err).toBeInstanceOf(NewskgError);
    expect(err).toBeInstanceOf(Error);
    expect(err.cause).toBe(expectedCause);
    expect(err.stack).toContain(message);
  });

  test('without options there is no cause', () => {
    for (const err of [new NewskgError('x', 'm'), new ModelError('m'), new InputError('m'), new WorkerError('x', 'm')]) expect('cause' in err).toBe(false);
  });

  test('subclasses are told apart by instanceof', () => {
    expect(new ModelError('m')).not.toBeInstanceOf(InputError);
    expect(new QueryError('m')).not.toBeInstanceOf(NotFoundError);
    expect(new NewskgError('nlp', 'm')).not.toBeInstanceOf(ModelError);
  });
});

describe('NotFoundError', () => {
  test.each([
    [[], 'newskg/query: no entity named "Pariss"'],
    [['Paris'], 'newskg/query: no entity named "Pariss"; did you mean "Paris"?'],
    [['Paris', 'Parisa "P"'], 'newskg/query: no entity named "Pariss"; did you mean "Paris", "Parisa \\"P\\""?'],
  ])('suggestions %j are in the message', (suggestions, message) => {
    const err = new NotFoundError('Pariss', suggestions);
    expect(err.message).toBe(message);
    expect(err.what).toBe('Pariss');
    expect(err.suggestions).toEqual(suggestions);
  });
});
