/** CoNLL-U reading: words and basic trees; multi-word ranges and empty nodes skipped; a bad line named. */
import { describe, expect, test } from 'vitest';
import { parseConllu } from '../../src/nlp/conllu.js';

const row = (id: string, form: string, lemma: string, upos: string, xpos: string, head: string, rel: string) => [id, form, lemma, upos, xpos, '_', head, rel, '_', '_'].join('\t');

const TEXT = [
  '# newdoc id = GUM_news_made_up',
  '# sent_id = s1',
  '# text = Ada didn\'t leave.',
  row('1', 'Ada', 'Ada', 'PROPN', 'NNP', '3', 'nsubj'),
  ['2-3', "didn't", '_', '_', '_', '_', '_', '_', '_', '_'].join('\t'),
  row('2', 'did', 'do', 'AUX', 'VBD', '4', 'aux'),
  row('3', "n't", 'not', 'PART', 'RB', '4', 'advmod'),
  row('4', 'leave', 'leave', 'VERB', 'VB', '0', 'root'),
  ['4.1', 'x', '_', '_', '_', '_', '_', '_', '_', '_'].join('\t'),
  row('5', '.', '.', 'PUNCT', '.', '4', 'punct'),
  '',
  '# sent_id = s2',
  row('1', 'Go', 'go', 'VERB', 'VB', '0', 'root'),
  '',
].join('\n');

describe('parseConllu', () => {
  test('reads words, lemmas, tags and the basic tree, skipping ranges and empty nodes', () => {
    const [a, b] = parseConllu(TEXT);
    expect(a).toMatchObject({ docId: 'GUM_news_made_up', sentId: 's1', text: "Ada didn't leave.", words: ['Ada', 'did', "n't", 'leave', '.'], lemmas: ['Ada', 'do', 'not', 'leave', '.'], heads: [3, 4, 4, 0, 4], deprels: ['nsubj', 'aux', 'advmod', 'root', 'punct'] });
    expect(a.xpos).toEqual(['NNP', 'VBD', 'RB', 'VB', '.']);
    expect(b).toMatchObject({ docId: 'GUM_news_made_up', sentId: 's2', words: ['Go'], heads: [0] });
  });

  test.each([
    ['too few columns', '1\tAda\tAda', /x.conllu:1: expected 10 tab-separated columns, found 3/],
    ['a head that is not a number', row('1', 'Ada', 'Ada', 'PROPN', 'NNP', 'x', 'root'), /x.conllu:1: bad ID or HEAD/],
  ])('a line with %s is an error naming the file and line', (_name, text, message) => {
    expect(() => parseConllu(text, 'x.conllu')).toThrow(message);
  });

  test('a file without a final blank line still gives its last sentence', () => {
    expect(parseConllu(row('1', 'Go', 'go', 'VERB', 'VB', '0', 'root'))).toHaveLength(1);
  });
});
