/**
 * Universal Dependencies scoring with gold tokenisation, as the CoNLL 2018 shared task's
 * conll18_ud_eval.py scores it, and CoNLL-U output for what the analyser predicts.
 *
 * With the gold words given, the shared task's precision, recall and F1 are one number, the
 * fraction of words right: UAS (head right), LAS (head right and the universal part of the
 * relation right: "nmod:poss" scores as "nmod"), UPOS, XPOS and lemma. Every word counts,
 * punctuation included. A gold lemma "_" (not annotated) counts any predicted lemma as right, as
 * conll18_ud_eval.py does.
 */
import { NewskgError } from '../errors.js';
import type { ConlluSentence } from './conllu.js';

/** What was predicted for one sentence; the arrays run over the gold words, heads 1-based (0: root). */
export interface UdPrediction {
  heads: number[];
  deprels: string[];
  lemmas: string[];
  xpos: string[];
  upos: string[];
}

/** Fractions (0..1) of `words` words right. */
export interface UdScores {
  words: number;
  uas: number;
  las: number;
  upos: number;
  xpos: number;
  lemma: number;
}

/** "nmod:poss" → "nmod". */
export function universalRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

export function scoreUd(gold: readonly ConlluSentence[], predicted: readonly UdPrediction[]): UdScores {
  if (gold.length !== predicted.length) throw new NewskgError('eval', `${gold.length} gold sentences but ${predicted.length} predicted`);
  let words = 0;
  let uas = 0;
  let las = 0;
  let upos = 0;
  let xpos = 0;
  let lemma = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = predicted[s];
    const n = g.words.length;
    for (const key of ['heads', 'deprels', 'lemmas', 'xpos', 'upos'] as const) {
      if (p[key].length !== n) {
        const name = g.sentId ? `sentence ${g.sentId}` : `sentence ${s + 1}`;
        throw new NewskgError('eval', `${name} has ${n} gold words but ${p[key].length} predicted ${key}`);
      }
    }
    for (let i = 0; i < n; i++) {
      words++;
      if (p.heads[i] === g.heads[i]) {
        uas++;
        if (universalRelation(p.deprels[i]) === universalRelation(g.deprels[i])) las++;
      }
      if (p.upos[i] === g.upos[i]) upos++;
      if (p.xpos[i] === g.xpos[i]) xpos++;
      if (g.lemmas[i] === '_' || p.lemmas[i] === g.lemmas[i]) lemma++;
    }
  }
  const frac = (k: number) => (words === 0 ? 0 : k / words);
  return { words, uas: frac(uas), las: frac(las), upos: frac(upos), xpos: frac(xpos), lemma: frac(lemma) };
}

/** A few lines: `UAS 87.12%`, `LAS …`, `UPOS …`, `XPOS …`, `lemma …`, `words N`, and the speeds when given. */
export function formatUdReport(scores: UdScores, extra: { parserTokensPerSecond?: number; analyzeTokensPerSecond?: number } = {}): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const lines = [
    `UAS   ${pct(scores.uas)}`,
    `LAS   ${pct(scores.las)}`,
    `UPOS  ${pct(scores.upos)}`,
    `XPOS  ${pct(scores.xpos)}`,
    `lemma ${pct(scores.lemma)}`,
    `words ${scores.words}`,
  ];
  const rate = (x: number) => Math.round(x).toLocaleString('en-US');
  if (extra.parserTokensPerSecond !== undefined) lines.push(`parser  ${rate(extra.parserTokensPerSecond)} tokens/s`);
  if (extra.analyzeTokensPerSecond !== undefined) lines.push(`analyze ${rate(extra.analyzeTokensPerSecond)} tokens/s`);
  return lines.join('\n') + '\n';
}

/** One sentence to write as CoNLL-U; arrays run over the words, heads 1-based (0: the root). */
export type ConlluOutputSentence = Omit<ConlluSentence, 'docId'> & { misc?: string[] };

/**
 * Line breaks and tabs of every kind a CoNLL-U reader might split on (JavaScript's line
 * terminators and Python's str.splitlines set).
 */
const BREAKS = /[\t\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/g;
/** Any whitespace (including the breaks above). */
const WHITESPACE = /[\s\u001c-\u001e\u0085]/gu;

/** A column value: whitespace becomes U+00A0 (so "10 000" stays one column), empty becomes "_". */
function field(value: string | undefined): string {
  if (value === undefined || value === '') return '_';
  return value.replace(WHITESPACE, '\u00a0');
}

/** A comment value: on one line. */
function commentValue(value: string): string {
  return value.replace(BREAKS, ' ');
}

/**
 * CoNLL-U text for the sentences: `# sent_id` and `# text` comments when given, ten columns
 * (FEATS and DEPS `_`, MISC from `misc` or `_`), a blank line after each sentence. No column is
 * ever empty or holds whitespace that would break the line. A sentence without words is left
 * out (CoNLL-U has no empty sentences).
 */
export function toConllu(sentences: readonly ConlluOutputSentence[]): string {
  const out: string[] = [];
  sentences.forEach((s, index) => {
    const n = s.words.length;
    const arrays: [string, readonly unknown[] | undefined][] = [
      ['lemmas', s.lemmas],
      ['upos', s.upos],
      ['xpos', s.xpos],
      ['heads', s.heads],
      ['deprels', s.deprels],
      ['misc', s.misc],
    ];
    for (const [key, arr] of arrays) {
      if (arr !== undefined && arr.length !== n) throw new NewskgError('nlp', `toConllu: sentence ${index + 1} has ${n} words but ${arr.length} ${key}`);
    }
    if (n === 0) return;
    const sentId = s.sentId === undefined ? '' : commentValue(s.sentId).trim();
    if (sentId !== '') out.push(`# sent_id = ${sentId}`);
    if (s.text !== undefined) out.push(`# text = ${commentValue(s.text)}`);
    for (let i = 0; i < n; i++) {
      const head = s.heads[i];
      if (!Number.isInteger(head) || head < 0 || head > n) throw new NewskgError('nlp', `toConllu: sentence ${index + 1}, word ${i + 1}: head ${head} is not 0..${n}`);
      out.push(
        [
          String(i + 1),
          field(s.words[i]),
          field(s.lemmas[i]),
          field(s.upos[i]),
          field(s.xpos[i]),
          '_',
          String(head),
          field(s.deprels[i]),
          '_',
          field(s.misc?.[i]),
        ].join('\t'),
      );
    }
    out.push('');
  });
  return out.length ? out.join('\n') + '\n' : '';
}
