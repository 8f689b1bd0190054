import { describe, expect, test } from 'vitest';
import { factualityBetween } from '../../src/extract/factuality.js';
import { analyze } from '../../src/nlp/index.js';

/** The factuality of the fact between the words `a` and `b` of a one-sentence text. */
function between(text: string, a: string, b: string) {
  const doc = analyze(text);
  const at = (w: string) => doc.tokens.findIndex((t) => t.text === w);
  return factualityBetween(doc, 0, at(a), at(b));
}

describe('whether the text asserts a fact', () => {
  test.each([
    ['Norway warned Sweden of storms.', 'Norway', 'Sweden', undefined],
    ['Officials said Norway warned Sweden of storms.', 'Norway', 'Sweden', undefined],
    ['Did Norway ever support Sweden?', 'Norway', 'Sweden', 'question'],
    ['Norway did not warn Sweden of the storms.', 'Norway', 'Sweden', 'negated'],
    ['Norway never warned Sweden.', 'Norway', 'Sweden', 'negated'],
    ['Norway denied that it had warned Sweden.', 'it', 'Sweden', 'negated'],
    ['Bowen, who unlike Greco works for Drennow, spoke.', 'Greco', 'Drennow', 'negated'],
    ['Norway may attack Sweden next year.', 'Norway', 'Sweden', 'hypothetical'],
    ['Norway plans to buy Drennow.', 'Norway', 'Drennow', 'hypothetical'],
    ['If Norway attacks Sweden, prices will rise.', 'Norway', 'Sweden', 'hypothetical'],
    // what governs a clause the fact's clause only modifies says nothing of it
    ['After Norway warned Sweden, prices may rise.', 'Norway', 'Sweden', undefined],
    // a noun phrase's fact is taken for granted by the clause around it
    ['Protests are not reported in Mosul, Iraq.', 'Mosul', 'Iraq', undefined],
  ])('%s (%s, %s) → %s', (text, a, b, expected) => {
    expect(between(text, a, b)).toBe(expected);
  });
});
