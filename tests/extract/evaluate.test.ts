import { describe, expect, test } from 'vitest';
import { places } from '../../src/pipeline/index.js';
import { evaluateGum, namedPart } from '../../src/extract/index.js';

describe('GUM scoring', () => {
  test.each([
    ["the Church of Scientology's", { offset: 4, name: 'Church of Scientology' }],
    ['Tom Cruise', { offset: 0, name: 'Tom Cruise' }],
    ['al-Baghdadi', { offset: 0, name: 'al-Baghdadi' }],
    ['hackers', null],
    ['She', null],
    ['the mayor of Berlin', null],
  ])('namedPart(%j)', (text, expected) => {
    expect(namedPart(text)).toEqual(expected);
  });

  test('scores a made-up GUM-format document: only named mentions count', () => {
    const report = evaluateGum(new URL('../fixtures/gum', import.meta.url).pathname, places);
    expect(report.documents).toBe(1);
    expect(report.strict.person.gold).toBe(1);
    expect(report.strict.place.gold).toBe(3);
    expect(report.strict.overall).toMatchObject({ gold: 4, correct: 4, predicted: 4 });
    expect(report.strict.overall.f1).toBeCloseTo(100);
    // A work is scored against GUM's "abstract", outside the overall score.
    expect(report.strict.abstract).toMatchObject({ gold: 1, correct: 1, predicted: 1 });
  });

  test('a folder without GUM data is a clear error', () => {
    expect(() => evaluateGum('/nonexistent', places)).toThrow(/no GUM text\/ folder/);
  });
});
