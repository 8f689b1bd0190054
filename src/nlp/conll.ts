/**
 * CoNLL-format files: CoNLL-2003 (token POS chunk NER, IOB1, a document-start line between documents),
 * two-column token<TAB>tag files (WNUT-17, IOB2) and three-column token POS tag files (GMB).
 * Plus tag-scheme conversions (IOB1 → BIO → BILOU and back).
 */
import { readFile } from 'node:fs/promises';
import { NewskgError } from '../errors.js';

/**
 * The token of CoNLL-2003's document-start lines. Spelled in two parts so that no tracked file
 * holds the marker itself: a search for it finds CoNLL-2003 text committed by mistake.
 */
export const DOCUMENT_START = ['-DOC', 'START-'].join('');

export interface ConllSentence {
  words: string[];
  pos?: string[];
  chunk?: string[];
  ner: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/**
 * Parses CoNLL text. Columns are split on whitespace; the column count is taken from the first
 * token line (4: token POS chunk NER; 3: token POS NER; 2: token NER). Blank or whitespace-only
 * lines end sentences; document-start lines end documents (files without them are one document).
 */
export function parseConll(text: string, source = 'input'): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let columns = 0;
  let sentence: ConllSentence | null = null;
  const endSentence = () => {
    if (sentence && sentence.words.length > 0) doc.sentences.push(sentence);
    sentence = null;
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === DOCUMENT_START) {
      endDocument();
      continue;
    }
    if (columns === 0) {
      columns = cols.length;
      if (columns < 2 || columns > 4) throw new NewskgError('nlp', `${source}:${ln + 1}: expected 2 to 4 columns (token … tag), found ${columns}`);
    }
    if (cols.length !== columns) throw new NewskgError('nlp', `${source}:${ln + 1}: expected ${columns} columns, found ${cols.length}`);
    if (!sentence) sentence = columns === 4 ? { words: [], pos: [], chunk: [], ner: [] } : columns === 3 ? { words: [], pos: [], ner: [] } : { words: [], ner: [] };
    const s: ConllSentence = sentence;
    s.words.push(cols[0]);
    if (columns >= 3) s.pos!.push(cols[1]);
    if (columns === 4) s.chunk!.push(cols[2]);
    s.ner.push(cols[columns - 1]);
  }
  endDocument();
  return docs;
}

export async function readConllFile(path: string): Promise<ConllDocument[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NewskgError('nlp', `${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`, { cause: err });
  }
  return parseConll(text, path);
}

function typeOf(tag: string): string {
  return tag.slice(2);
}

/**
 * IOB1 (an I- tag starts an entity unless it continues one of the same type; B- only separates
 * adjacent same-type entities) → BIO. Also normalises ill-formed BIO (I- after O).
 */
export function iob1ToBio(tags: readonly string[]): string[] {
  const out = new Array<string>(tags.length);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O' || t.length < 3 || t[1] !== '-') {
      out[i] = t === 'O' ? 'O' : t;
      continue;
    }
    const prev = i > 0 ? out[i - 1] : 'O';
    if (t[0] === 'B') out[i] = t;
    else if (prev !== 'O' && prev.length > 2 && typeOf(prev) === typeOf(t)) out[i] = `I-${typeOf(t)}`;
    else out[i] = `B-${typeOf(t)}`;
  }
  return out;
}

/** BIO → BILOU (Begin, Inside, Last, Unit-length, Outside). */
export function bioToBilou(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const type = typeOf(t);
    const next = tags[i + 1];
    const continues = next !== undefined && next === `I-${type}`;
    if (t[0] === 'B') return `${continues ? 'B' : 'U'}-${type}`;
    return `${continues ? 'I' : 'L'}-${type}`;
  });
}

/** BILOU → BIO. */
export function bilouToBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t === 'O' ? t : `${t[0] === 'B' || t[0] === 'U' ? 'B' : 'I'}-${typeOf(t)}`));
}

/** Entity spans [start, end) from BIO tags; an I- that does not continue a same-type span starts one. */
export function spansFromBio(tags: readonly string[]): { type: string; start: number; end: number }[] {
  const spans: { type: string; start: number; end: number }[] = [];
  let open: { type: string; start: number; end: number } | null = null;
  tags.forEach((t, i) => {
    if (t === 'O') {
      open = null;
      return;
    }
    const type = typeOf(t);
    if (t[0] === 'B' || !open || open.type !== type) {
      open = { type, start: i, end: i + 1 };
      spans.push(open);
    } else {
      open.end = i + 1;
    }
  });
  return spans;
}

/** Entity types of other annotation schemes (WNUT-17, GMB) mapped onto the four CoNLL types. */
const TYPE_MAP: Record<string, string> = {
  per: 'PER',
  person: 'PER',
  org: 'ORG',
  organization: 'ORG',
  group: 'ORG',
  corporation: 'ORG',
  loc: 'LOC',
  location: 'LOC',
  geo: 'LOC',
  gpe: 'LOC',
  misc: 'MISC',
  product: 'MISC',
  'creative-work': 'MISC',
};

/** A tag (B-person, I-geo, …) with its type mapped onto PER/ORG/LOC/MISC where one fits. */
export function normaliseEntityTag(tag: string): string {
  if (tag === 'O' || tag[1] !== '-') return tag;
  const type = tag.slice(2);
  return `${tag[0]}-${TYPE_MAP[type.toLowerCase()] ?? type}`;
}
