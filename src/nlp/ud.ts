/**
 * The analyser in Universal Dependencies terms: sentences already split into words are tagged,
 * lemmatised and parsed (as `newskg eval --ud` needs, on a treebank's gold words), a Doc is
 * written as CoNLL-U (`newskg tag --conllu`), and a CoNLL-U file is scored.
 */
import { NewskgError } from '../errors.js';
import type { Doc } from '../types.js';
import { readConlluFile } from './conllu.js';
import { scoreUd, toConllu, type ConlluOutputSentence, type UdPrediction, type UdScores } from './evaluate-ud.js';
import { analyze, loadParser, type AnalyzeOptions } from './pipeline.js';
import { toUpos } from './upos.js';

/** Tags, lemmas and trees for sentences given as words (heads 1-based in each sentence, 0: root). */
export function analyzeWords(sentences: readonly (readonly string[])[], opts: AnalyzeOptions = {}): UdPrediction[] {
  const { parser, lemmatizer, tagPos } = loadParser(opts.parserModelPath, opts.modelPath);
  const out: UdPrediction[] = [];
  for (let i = 0; i < sentences.length; i += 64) {
    const slice = sentences.slice(i, i + 64);
    const tags = tagPos(slice);
    slice.forEach((words, k) => {
      const xpos = tags[k];
      const { heads, deprels } = parser.parse({ words, pos: xpos });
      out.push({ heads, deprels, xpos, lemmas: lemmatizer.lemmatize(words, xpos), upos: xpos.map((p, j) => toUpos(p, words[j])) });
    });
  }
  return out;
}

/** A Doc as CoNLL-U, one block per sentence; MISC keeps each word's character offsets into the text. */
export function docToConllu(doc: Doc, id = 'doc'): string {
  const sentences: ConlluOutputSentence[] = doc.sentences.map((s, si) => {
    const range = Array.from({ length: s.tokenEnd - s.tokenStart }, (_, k) => s.tokenStart + k);
    return {
      sentId: `${id}-${si + 1}`,
      text: doc.text.slice(s.start, s.end),
      words: range.map((t) => doc.tokens[t].text),
      lemmas: range.map((t) => doc.lemmas[t]),
      upos: range.map((t) => toUpos(doc.pos[t], doc.tokens[t].text)),
      xpos: range.map((t) => doc.pos[t]),
      heads: range.map((t) => (doc.heads[t] < 0 ? 0 : doc.heads[t] - s.tokenStart + 1)),
      deprels: range.map((t) => doc.deprels[t]),
      misc: range.map((t) => `TokenRange=${doc.tokens[t].start}:${doc.tokens[t].end}`),
    };
  });
  return toConllu(sentences);
}

export interface UdReport {
  file: string;
  sentences: number;
  scores: UdScores;
  /** The parser alone, and the whole analyze() on the sentences' text joined by spaces (medians of 3 passes). */
  parserTokensPerSecond: number;
  analyzeTokensPerSecond: number;
}

/** Scores the analyser against a CoNLL-U file's gold words (or the documents whose ids match `docs`), with the parser's and the whole analyser's speed. */
export function evaluateUd(file: string, opts: AnalyzeOptions & { docs?: RegExp } = {}): UdReport {
  const gold = readConlluFile(file).filter((s) => !opts.docs || opts.docs.test(s.docId ?? ''));
  if (gold.length === 0) throw new NewskgError('eval', `${file}: no sentences${opts.docs ? ` in documents matching ${opts.docs}` : ''}`);
  const predicted = analyzeWords(gold.map((s) => s.words), opts);
  const scores = scoreUd(gold, predicted);
  const { parser } = loadParser(opts.parserModelPath, opts.modelPath);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rate = (run: () => void) => {
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    return scores.words / (median(times) / 1000);
  };
  const parserTokensPerSecond = rate(() => gold.forEach((s, i) => parser.parse({ words: s.words, pos: predicted[i].xpos })));
  const text = gold.map((s) => s.words.join(' ')).join('\n');
  const analyzeTokensPerSecond = rate(() => analyze(text, opts));
  return { file, sentences: gold.length, scores, parserTokensPerSecond, analyzeTokensPerSecond };
}
