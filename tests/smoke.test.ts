import { expect, test } from 'vitest';
import { NewskgError } from '../src/errors.js';
test('errors name their stage', () => {
  expect(new NewskgError('nlp', 'x').message).toBe('newskg/nlp: x');
});
