/**
 * CoNLL-U (Universal Dependencies): the basic tree of each sentence. Multi-word token ranges
 * ("3-4 don't") and empty nodes ("8.1") are skipped: the words and their basic heads are what
 * the parser, the lemmatiser and the POS tagger learn from and are scored on.
 */
import { readFileSync } from 'node:fs';
import { NewskgError } from '../errors.js';

/** One sentence of a CoNLL-U file; arrays run over the words, `heads` are 1-based (0: the root). */
export interface ConlluSentence {
  /** The `# newdoc id` of the document it is in, when the file gives one. */
  docId?: string;
  sentId?: string;
  text?: string;
  words: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

/** Parses CoNLL-U text; a malformed line is an error naming the source and line. */
export function parseConllu(content: string, source = 'conllu'): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let docId: string | undefined;
  let current: ConlluSentence | undefined;
  const fresh = (): ConlluSentence => ({ docId, words: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [] });
  const lines = content.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') {
      if (current?.words.length) out.push(current);
      current = undefined;
      continue;
    }
    if (line.startsWith('#')) {
      const doc = /^# newdoc id = (.*)$/.exec(line);
      if (doc) docId = doc[1].trim();
      current ??= fresh();
      if (doc) current.docId = docId;
      const sent = /^# sent_id = (.*)$/.exec(line);
      if (sent) current.sentId = sent[1].trim();
      const text = /^# text = (.*)$/.exec(line);
      if (text) current.text = text[1];
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new NewskgError('nlp', `${source}:${n + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (/^\d+[-.]\d+$/.test(cols[0])) continue;
    current ??= fresh();
    const head = Number(cols[6]);
    if (!/^\d+$/.test(cols[0]) || !Number.isInteger(head)) throw new NewskgError('nlp', `${source}:${n + 1}: bad ID or HEAD`);
    current.words.push(cols[1]);
    current.lemmas.push(cols[2]);
    current.upos.push(cols[3]);
    current.xpos.push(cols[4]);
    current.heads.push(head);
    current.deprels.push(cols[7]);
  }
  if (current?.words.length) out.push(current);
  return out;
}

export function readConlluFile(path: string): ConlluSentence[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new NewskgError('nlp', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseConllu(content, path);
}
