/**
 * Sentence splitter over tokens. News text here has one paragraph per line and embedded social
 * posts (and their "— Name (@handle) date" signatures) on lines of their own, so a line break
 * always ends a sentence. Within a line, a sentence ends at . ! ? … (plus closing quotes and
 * brackets) when the next token can start a sentence. After an abbreviation (U.S., Inc.) it ends
 * only before a word that typically starts sentences; after a title or an initial (Dr., W.) never.
 */
import type { Sentence, Token } from '../types.js';
import { ABBREVIATIONS, TITLE_ABBREVIATIONS } from './tokenize.js';

const TERMINAL = new Set(['.', '!', '?', '...', '…', '?!', '!?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '}', '»']);

/** Words that, capitalised after an abbreviation such as "U.S.", signal a new sentence. */
const SENTENCE_STARTERS = new Set(
  'the a an he she it they we i you his her its their our this that these those there but and or so yet however meanwhile in on at after before when while if as for by since despite although'.split(' '),
);

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

function startsLower(s: string): boolean {
  const ch = s[0];
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isAbbreviationToken(t: string): boolean {
  if (t.length < 2 || t[t.length - 1] !== '.') return false;
  const word = t.slice(0, -1).toLowerCase();
  return ABBREVIATIONS.has(word) || /^[a-z](?:\.[a-z])+$/.test(word) || /^\p{Lu}$/u.test(t.slice(0, -1));
}

function isTitleOrInitial(t: string): boolean {
  const word = t.slice(0, -1);
  return TITLE_ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  const n = tokens.length;
  let first = 0;
  const close = (last: number) => {
    sentences.push({ start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < n; i++) {
    if (i + 1 === n) {
      close(i);
      break;
    }
    const next = tokens[i + 1];
    if (hasLineBreak(text, tokens[i].end, next.start)) {
      close(i);
      continue;
    }
    const t = tokens[i].text;
    if (TERMINAL.has(t)) {
      // Keep closing quotes and brackets with the sentence they close.
      let last = i;
      while (last + 1 < n && CLOSERS.has(tokens[last + 1].text) && !hasLineBreak(text, tokens[last].end, tokens[last + 1].start)) last++;
      if (last + 1 === n) continue;
      const after = tokens[last + 1];
      if (hasLineBreak(text, tokens[last].end, after.start)) {
        // last > i here (else the line-break rule fired); it closes at `last` next iteration.
        i = last - 1;
        continue;
      }
      if (!startsLower(after.text) && !/^[,;:)\]}%]/.test(after.text)) {
        close(last);
        i = last;
      }
      continue;
    }
    if (isAbbreviationToken(t) && !isTitleOrInitial(t)) {
      if (SENTENCE_STARTERS.has(next.text.toLowerCase()) && !startsLower(next.text)) close(i);
    }
  }
  return sentences;
}
