/** The analyser in UD terms: CoNLL-U of a Doc, parsing pre-split words, and scoring a CoNLL-U file. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConllu } from '../../src/nlp/conllu.js';
import { analyze } from '../../src/nlp/pipeline.js';
import { analyzeWords, docToConllu, evaluateUd } from '../../src/nlp/ud.js';

const seed = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');

describe('docToConllu', () => {
  const doc = analyze(seed);
  const sentences = parseConllu(docToConllu(doc, 'seed'));

  test('writes every sentence and token of the Doc, with offsets in MISC', () => {
    expect(sentences).toHaveLength(doc.sentences.length);
    expect(sentences.flatMap((s) => s.words)).toEqual(doc.tokens.map((t) => t.text));
    const text = docToConllu(doc, 'seed');
    expect(text).toContain(`TokenRange=${doc.tokens[0].start}:${doc.tokens[0].end}`);
    expect(text.split('\n').filter((l) => /^\d/.test(l)).every((l) => l.split('\t').length === 10 && l.split('\t').every((c) => c.length > 0))).toBe(true);
  });

  test('"Iraq warned France of planned attacks": Iraq is the nsubj of warned, France its obj', () => {
    const s = sentences.find((x) => x.words.slice(0, 3).join(' ') === 'Iraq warned France')!;
    expect(s).toBeDefined();
    const warned = s.words.indexOf('warned') + 1;
    expect(s.heads[0]).toBe(warned);
    expect(s.deprels[0]).toBe('nsubj');
    expect(s.heads[2]).toBe(warned);
    expect(s.deprels[2]).toBe('obj');
    expect(s.lemmas[1]).toBe('warn');
    expect(s.upos[0]).toBe('PROPN');
  });
});

describe('analyzeWords and evaluateUd', () => {
  test('tags, lemmatises and parses words as given', () => {
    const [p] = analyzeWords([['The', 'ministers', 'were', 'warned', '.']]);
    expect(p.lemmas).toEqual(['the', 'minister', 'be', 'warn', '.']);
    expect(p.heads.filter((h) => h === 0)).toHaveLength(1);
    expect(p.deprels[p.heads.indexOf(0)]).toBe('root');
  });

  test('scores a made-up CoNLL-U file and reports speeds', () => {
    const row = (id: number, form: string, lemma: string, upos: string, xpos: string, head: number, rel: string) => [id, form, lemma, upos, xpos, '_', head, rel, '_', '_'].join('\t');
    const file = join(mkdtempSync(join(tmpdir(), 'newskg-ud-')), 'made-up.conllu');
    writeFileSync(file, [row(1, 'Ada', 'Ada', 'PROPN', 'NNP', 2, 'nsubj'), row(2, 'warned', 'warn', 'VERB', 'VBD', 0, 'root'), row(3, 'Kel', 'Kel', 'PROPN', 'NNP', 2, 'obj'), row(4, '.', '.', 'PUNCT', '.', 2, 'punct'), '', ''].join('\n'));
    const report = evaluateUd(file);
    expect(report.sentences).toBe(1);
    expect(report.scores.words).toBe(4);
    expect(report.scores.uas).toBeGreaterThanOrEqual(0.75);
    expect(report.scores.lemma).toBe(1);
    expect(report.parserTokensPerSecond).toBeGreaterThan(0);
    expect(report.analyzeTokensPerSecond).toBeGreaterThan(0);
  });
});
