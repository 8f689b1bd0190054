import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  test.each([
    ['France’s spy agency', ['France', '’s', 'spy', 'agency']],
    ["France's spy agency", ['France', "'s", 'spy', 'agency']],
    ["They don't know", ['They', 'do', "n't", 'know']],
    ['they’re here', ['they', '’re', 'here']],
    ['it’s knees', ['it', '’s', 'knees']],
    ["the officials' claims", ['the', 'officials', "'", 'claims']],
    ["Conan O'Brien said", ['Conan', "O'Brien", 'said']],
    ['the attacks.', ['the', 'attacks', '.']],
    ['the U.S. no-fly list', ['the', 'U.S.', 'no-fly', 'list']],
    ['Dr. Smith and Mr. Jones met on Jan. 5', ['Dr.', 'Smith', 'and', 'Mr.', 'Jones', 'met', 'on', 'Jan.', '5']],
    ['George W. Bush', ['George', 'W.', 'Bush']],
    ['at 10:30 a.m. on 11/16/2015', ['at', '10:30', 'a.m.', 'on', '11/16/2015']],
    ['cost $5,000.50 or 50%', ['cost', '$', '5,000.50', 'or', '50', '%']],
    ['on 1996-08-22 the 8th', ['on', '1996-08-22', 'the', '8th']],
    ['Abu Bakr al-Baghdadi', ['Abu', 'Bakr', 'al-Baghdadi']],
    ['ISIS-backed extremists', ['ISIS-backed', 'extremists']],
    ['by @Jamie_Weinstein https://t.co/8Txc3YKCjd', ['by', '@Jamie_Weinstein', 'https://t.co/8Txc3YKCjd']],
    ['see pic.twitter.com/p1iTw1rjU4.', ['see', 'pic.twitter.com/p1iTw1rjU4', '.']],
    ['#JeSuisCharlie #NotAfraid', ['#JeSuisCharlie', '#NotAfraid']],
    ['mail news@example.org now', ['mail', 'news@example.org', 'now']],
    ['Raqqa, Syria — ISIS headquarters', ['Raqqa', ',', 'Syria', '—', 'ISIS', 'headquarters']],
    ['wait... what', ['wait', '...', 'what']],
    ['yes -- no', ['yes', '--', 'no']],
    ['“all the time”', ['“', 'all', 'the', 'time', '”']],
    ['PARIS (Reuters) - Police', ['PARIS', '(', 'Reuters', ')', '-', 'Police']],
    ['AT&T shares', ['AT&T', 'shares']],
    ['Zürich and Ελλάδα', ['Zürich', 'and', 'Ελλάδα']],
    ['fire 🔥 now', ['fire', '🔥', 'now']],
  ])('%s', (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  test('empty and whitespace-only input give no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0 ')).toEqual([]);
  });
});

/** Checks the invariants that every consumer relies on. */
function checkInvariants(s: string): void {
  const tokens = tokenize(s);
  let last = 0;
  let covered = 0;
  for (const t of tokens) {
    expect(t.text).toBe(s.slice(t.start, t.end));
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(/\s/u.test(t.text)).toBe(false);
    last = t.end;
    covered += t.end - t.start;
  }
  // Every non-whitespace character is inside some token.
  expect(covered).toBe(s.replace(/[\s\u200b\ufeff]/gu, '').length);
  const sentences = splitSentences(s, tokens);
  let next = 0;
  for (const sent of sentences) {
    expect(sent.tokenStart).toBe(next);
    expect(sent.tokenEnd).toBeGreaterThan(sent.tokenStart);
    expect(sent.start).toBe(tokens[sent.tokenStart].start);
    expect(sent.end).toBe(tokens[sent.tokenEnd - 1].end);
    next = sent.tokenEnd;
  }
  expect(next).toBe(tokens.length);
}

describe('offset invariants (property tests)', () => {
  const newsChars = fc.constantFrom(
    ...'aZ9 .,;:!?\'"’‘“”—–-@#/()[]$%&…\n\t\u00a0'.split(''),
    'U.S.', 'Dr.', "n't", '’s', 'https://t.co/x', 'al-', '1,000', '🔥', 'é', '\u0301',
  );
  test('random Unicode (code units, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkInvariants), { numRuns: 500 });
  });
  test('random graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), checkInvariants), { numRuns: 300 });
  });
  test('news-like text', () => {
    fc.assert(fc.property(fc.array(newsChars, { maxLength: 150 }).map((a) => a.join('')), checkInvariants), { numRuns: 1000 });
  });
});

describe('the seed article', () => {
  const text = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');
  const tokens = tokenize(text);
  const ws = tokens.map((t) => t.text);
  test('keeps names, handles and URLs whole and splits possessives', () => {
    expect(ws).toContain('al-Baghdadi');
    expect(ws).toContain('@DUhockeyFan');
    expect(ws).toContain('U.S.');
    expect(ws).toContain('https://t.co/8Txc3YKCjd');
    const i = ws.indexOf('Iraq', 10);
    expect(ws.slice(ws.lastIndexOf('Iraq'), ws.lastIndexOf('Iraq') + 2)).toEqual(['Iraq', '’s']);
    expect(i).toBeGreaterThan(0);
  });
  test('holds the invariants', () => checkInvariants(text));
  test('a 20 MB text tokenizes in reasonable time', () => {
    const big = text.repeat(Math.ceil(20e6 / text.length));
    const t0 = performance.now();
    const toks = tokenize(big);
    splitSentences(big, toks);
    expect(toks.length).toBeGreaterThan(1e6);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
