import { describe, expect, test } from 'vitest';
import { NewskgError } from '../../src/errors.js';
import { parseConllu, type ConlluSentence } from '../../src/nlp/conllu.js';
import { formatUdReport, scoreUd, toConllu, type UdPrediction } from '../../src/nlp/evaluate-ud.js';

// Made-up sentences, not treebank data.
const gold: ConlluSentence[] = [
  {
    sentId: 'a',
    words: ['Otters', 'sleep', 'on', 'the', 'bank', '.'],
    lemmas: ['otter', 'sleep', 'on', 'the', 'bank', '.'],
    upos: ['NOUN', 'VERB', 'ADP', 'DET', 'NOUN', 'PUNCT'],
    xpos: ['NNS', 'VBP', 'IN', 'DT', 'NN', '.'],
    heads: [2, 0, 5, 5, 2, 2],
    deprels: ['nsubj', 'root', 'case', 'det', 'obl', 'punct'],
  },
  {
    sentId: 'b',
    words: ['Mia', "'s", 'kite', 'flew', '!'],
    lemmas: ['Mia', "'s", 'kite', 'fly', '_'],
    upos: ['PROPN', 'PART', 'NOUN', 'VERB', 'PUNCT'],
    xpos: ['NNP', 'POS', 'NN', 'VBD', '.'],
    heads: [3, 1, 4, 0, 4],
    deprels: ['nmod:poss', 'case', 'nsubj', 'root', 'punct'],
  },
];

const copy = (s: ConlluSentence): UdPrediction => ({
  heads: [...s.heads],
  deprels: [...s.deprels],
  lemmas: [...s.lemmas],
  xpos: [...s.xpos],
  upos: [...s.upos],
});

describe('scoreUd', () => {
  test('a perfect prediction scores 1 everywhere', () => {
    expect(scoreUd(gold, gold.map(copy))).toEqual({ words: 11, uas: 1, las: 1, upos: 1, xpos: 1, lemma: 1 });
  });

  test('subtypes are ignored for LAS, a wrong head makes LAS wrong too, punctuation counts', () => {
    const p = gold.map(copy);
    p[1].deprels[0] = 'nmod'; // gold nmod:poss: right for LAS
    p[0].deprels[4] = 'obl:tmod'; // gold obl: right for LAS
    p[0].heads[2] = 2; // head wrong, relation right: UAS and LAS wrong
    p[0].heads[5] = 5; // punctuation head wrong: counts
    p[1].deprels[1] = 'det'; // head right, relation wrong: LAS wrong only
    const r = scoreUd(gold, p);
    expect(r.words).toBe(11);
    expect(r.uas).toBeCloseTo(9 / 11);
    expect(r.las).toBeCloseTo(8 / 11);
  });

  test('a different subtype is still the same universal relation, a different relation is not', () => {
    const p = gold.map(copy);
    p[1].deprels[0] = 'nmod:tmod';
    expect(scoreUd(gold, p).las).toBe(1);
    p[1].deprels[0] = 'amod:poss';
    expect(scoreUd(gold, p).las).toBeCloseTo(10 / 11);
  });

  test('tags and lemmas are scored on their own; a gold lemma "_" accepts any lemma', () => {
    const p = gold.map(copy);
    p[0].upos[1] = 'AUX';
    p[0].xpos[1] = 'VB';
    p[0].xpos[4] = 'NNS';
    p[0].lemmas[0] = 'Otters'; // exact match only
    p[1].lemmas[4] = '!'; // gold "_"
    const r = scoreUd(gold, p);
    expect(r).toMatchObject({ uas: 1, las: 1 });
    expect(r.upos).toBeCloseTo(10 / 11);
    expect(r.xpos).toBeCloseTo(9 / 11);
    expect(r.lemma).toBeCloseTo(10 / 11);
  });

  test('mismatched sentence or word counts are errors; nothing to score is 0', () => {
    expect(() => scoreUd(gold, [copy(gold[0])])).toThrow(NewskgError);
    const p = gold.map(copy);
    p[1].heads.pop();
    expect(() => scoreUd(gold, p)).toThrow(/sentence b has 5 gold words but 4 predicted heads/);
    expect(scoreUd([], [])).toEqual({ words: 0, uas: 0, las: 0, upos: 0, xpos: 0, lemma: 0 });
  });
});

describe('formatUdReport', () => {
  test('percentages, word count, and the speeds only when given', () => {
    const scores = { words: 1234, uas: 0.87125, las: 0.843, upos: 0.9, xpos: 0.95555, lemma: 1 };
    const report = formatUdReport(scores);
    expect(report).toMatch(/^UAS\s+87\.13%$/m);
    expect(report).toMatch(/^LAS\s+84\.30%$/m);
    expect(report).toMatch(/^UPOS\s+90\.00%$/m);
    expect(report).toMatch(/^XPOS\s+95\.56%$/m);
    expect(report).toMatch(/^lemma\s+100\.00%$/m);
    expect(report).toMatch(/^words\s+1234$/m);
    expect(report).not.toMatch(/tokens\/s/);
    const withRates = formatUdReport(scores, { parserTokensPerSecond: 12345.6, analyzeTokensPerSecond: 2000 });
    expect(withRates).toMatch(/^parser\s+12,346 tokens\/s$/m);
    expect(withRates).toMatch(/^analyze\s+2,000 tokens\/s$/m);
    expect(formatUdReport(scores, { analyzeTokensPerSecond: 5 })).not.toMatch(/parser/);
  });
});

describe('toConllu', () => {
  const plain = {
    sentId: 's1',
    text: 'Otters sleep.',
    words: ['Otters', 'sleep', '.'],
    lemmas: ['otter', 'sleep', '.'],
    upos: ['NOUN', 'VERB', 'PUNCT'],
    xpos: ['NNS', 'VBP', '.'],
    heads: [2, 0, 2],
    deprels: ['nsubj', 'root', 'punct'],
  };

  test('comments, ten columns, FEATS/DEPS/MISC "_", a blank line after each sentence', () => {
    const out = toConllu([plain, { ...plain, sentId: undefined, text: undefined, misc: ['_', 'SpaceAfter=No', ''] }]);
    expect(out).toBe(
      [
        '# sent_id = s1',
        '# text = Otters sleep.',
        '1\tOtters\totter\tNOUN\tNNS\t_\t2\tnsubj\t_\t_',
        '2\tsleep\tsleep\tVERB\tVBP\t_\t0\troot\t_\t_',
        '3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
        '',
        '1\tOtters\totter\tNOUN\tNNS\t_\t2\tnsubj\t_\t_',
        '2\tsleep\tsleep\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No',
        '3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
        '',
        '',
      ].join('\n'),
    );
  });

  test('hostile words round-trip through parseConllu without breaking the columns', () => {
    const words = ['tab\there', 'new\nline', '10 000', '', '#hashtag', '# text = x', 'cr\r\nlf', '  ', 'u\u2028v', 'nb\u00a0sp'];
    const n = words.length;
    const sentence = {
      sentId: 'evil\nid',
      text: 'line one\nline two\tand\r\nthree',
      words,
      lemmas: words.map((w) => w.toUpperCase()),
      upos: words.map(() => 'X'),
      xpos: words.map(() => ''),
      heads: words.map((_, i) => (i === 0 ? 0 : 1)),
      deprels: words.map((_, i) => (i === 0 ? 'root' : i % 2 ? 'dep' : 'nmod:poss')),
      misc: words.map((_, i) => (i === 1 ? 'A=b c' : '')),
    };
    const out = toConllu([sentence, plain]);
    for (const line of out.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
      const cols = line.split('\t');
      expect(cols).toHaveLength(10);
      for (const c of cols) expect(c).not.toBe('');
      for (const c of cols) expect(c).not.toMatch(/[\t\n\r\v\f\u0085\u2028\u2029 ]/);
    }
    const back = parseConllu(out);
    expect(back).toHaveLength(2);
    const [s] = back;
    expect(s.sentId).toBe('evil id');
    expect(s.text).toBe('line one line two and  three');
    expect(s.words).toEqual(['tab\u00a0here', 'new\u00a0line', '10\u00a0000', '_', '#hashtag', '#\u00a0text\u00a0=\u00a0x', 'cr\u00a0\u00a0lf', '\u00a0\u00a0', 'u\u00a0v', 'nb\u00a0sp']);
    expect(s.heads).toEqual(sentence.heads);
    expect(s.deprels).toEqual(sentence.deprels);
    expect(s.xpos).toEqual(words.map(() => '_'));
    expect(back[1]).toMatchObject({ sentId: 's1', text: 'Otters sleep.', words: plain.words, heads: plain.heads, deprels: plain.deprels });
    // the hostile MISC survives as one column
    expect(out.split('\n').find((l) => l.startsWith('2\t'))?.split('\t')[9]).toBe('A=b\u00a0c');
  });

  test('ordinary words round-trip unchanged, with lemmas and tags', () => {
    const [s] = parseConllu(toConllu([plain]));
    expect(s).toMatchObject({ words: plain.words, lemmas: plain.lemmas, upos: plain.upos, xpos: plain.xpos, heads: plain.heads, deprels: plain.deprels });
  });

  test('bad input is an error; sentences without words are left out', () => {
    expect(() => toConllu([{ ...plain, heads: [2, 0] }])).toThrow(/3 words but 2 heads/);
    expect(() => toConllu([{ ...plain, heads: [2, 0, 4] }])).toThrow(NewskgError);
    expect(() => toConllu([{ ...plain, heads: [2, 0, -1] }])).toThrow(NewskgError);
    const empty = { words: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [], sentId: 'e', text: '' };
    expect(toConllu([empty])).toBe('');
    expect(parseConllu(toConllu([empty, plain, empty]))).toHaveLength(1);
  });
});
