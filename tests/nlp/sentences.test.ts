import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { Token } from '../../src/types.js';

const sentencesOf = (s: string) => {
  const tokens = tokenize(s);
  return splitSentences(s, tokens).map((x) => s.slice(x.start, x.end));
};

describe('sentences', () => {
  test.each([
    ['He left. She stayed.', ['He left.', 'She stayed.']],
    ['“Do not approach.” Police said so.', ['“Do not approach.”', 'Police said so.']],
    ['Dr. Smith met Mr. Jones at 5 p.m. today.', ['Dr. Smith met Mr. Jones at 5 p.m. today.']],
    ['It was bought by Acme Inc. The deal closed.', ['It was bought by Acme Inc.', 'The deal closed.']],
    ['on the U.S. list and the U.K. one.', ['on the U.S. list and the U.K. one.']],
    ['Why? Nobody knows!', ['Why?', 'Nobody knows!']],
    ['first line\nsecond line', ['first line', 'second line']],
    ['a tweet pic.twitter.com/x\n— Someone (@someone) November 16, 2015', ['a tweet pic.twitter.com/x', '— Someone (@someone) November 16, 2015']],
    ['He said 3.5 percent. Then he left.', ['He said 3.5 percent.', 'Then he left.']],
    // Within a line: a lowercase word, or punctuation, after the terminal continues the sentence.
    ['It rose by 5 p.m. and fell.', ['It rose by 5 p.m. and fell.']],
    ['“Stop!” he shouted. Nobody did.', ['“Stop!” he shouted.', 'Nobody did.']],
    ['Is it? , no', ['Is it? , no']],
    ['Wait... Then go.', ['Wait...', 'Then go.']],
    ['He (finally.) Left.', ['He (finally.)', 'Left.']],
    // After a title or an initial, never a break; after another abbreviation, only before a sentence starter.
    ['George W. Bush spoke.', ['George W. Bush spoke.']],
    ['Ask Dr. The Expert.', ['Ask Dr. The Expert.']],
    ['Sales rose at Acme Inc. Analysts cheered.', ['Sales rose at Acme Inc. Analysts cheered.']],
    ['They moved to the U.S. However, it failed.', ['They moved to the U.S.', 'However, it failed.']],
    ['They moved to the U.S. the next day.', ['They moved to the U.S. the next day.']],
    // Every line break ends a sentence, also inside one and with CRLF or U+2028.
    ['one two\r\nthree', ['one two', 'three']],
    ['one two\u2028three', ['one two', 'three']],
    ['He left.\n” She said', ['He left.', '” She said']],
    ['End of text without a stop', ['End of text without a stop']],
  ])('%s', (input, expected) => {
    expect(sentencesOf(input)).toEqual(expected);
  });
});

describe('the seed article', () => {
  const text = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');
  const tokens = tokenize(text);
  test('every tweet signature line is a sentence of its own', () => {
    const sentences = splitSentences(text, tokens).map((s) => text.slice(s.start, s.end));
    const signatures = sentences.filter((s) => s.startsWith('—'));
    expect(signatures).toEqual([
      '— W Patrick Wilson (@DUhockeyFan) November 16, 2015',
      '— Channel 4 News (@Channel4News) November 15, 2015',
    ]);
  });
});

describe('splitSentences', () => {
  test('no tokens give no sentences', () => {
    expect(splitSentences('', [])).toEqual([]);
    expect(splitSentences('  \n ', [])).toEqual([]);
  });
  test('sentences carry character and token offsets', () => {
    const text = 'He left. She stayed.';
    expect(splitSentences(text, tokenize(text))).toEqual([
      { start: 0, end: 8, tokenStart: 0, tokenEnd: 3 },
      { start: 9, end: 20, tokenStart: 3, tokenEnd: 6 },
    ]);
  });
  test('closing quotes and brackets on the next line are not pulled into the sentence', () => {
    // Hand-made tokens: the line break sits between the stop and the closing quote.
    const text = 'Go.\n" Then';
    const tokens: Token[] = [
      { text: 'Go', start: 0, end: 2 },
      { text: '.', start: 2, end: 3 },
      { text: '"', start: 4, end: 5 },
      { text: 'Then', start: 6, end: 10 },
    ];
    expect(splitSentences(text, tokens).map((s) => [s.tokenStart, s.tokenEnd])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});
