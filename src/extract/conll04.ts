/**
 * CoNLL04 in SpERT's JSON (tokens, BILOU entity tags, relations between entity indices): the
 * sentences as text with the gold entities' character spans and relations, read from `../shared/data/conll04`.
 */
import { readFileSync } from 'node:fs';
import { NewskgError } from '../errors.js';
import type { RelationArgType, RelationLabel } from './relation-model.js';

export interface GoldEntity {
  start: number;
  end: number;
  type: RelationArgType | 'Other';
}

export interface GoldSentence {
  text: string;
  entities: GoldEntity[];
  relations: { head: number; tail: number; type: Exclude<RelationLabel, 'None'> }[];
}

interface SpertSentence {
  tokens: string[];
  tags: string[];
  relations: { head: number; tail: number; type: string }[];
}

const TYPES: Record<string, GoldEntity['type']> = { Peop: 'Peop', Org: 'Org', Loc: 'Loc', Other: 'Other' };
const LABELS = new Set(['Work_For', 'Live_In', 'OrgBased_In', 'Located_In', 'Kill']);

/** The sentences of a CoNLL04 file, their tokens joined by spaces. */
export function readConll04(path: string): GoldSentence[] {
  let raw: SpertSentence[];
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as SpertSentence[];
  } catch (err) {
    throw new NewskgError('extract', `${path}: not a CoNLL04 JSON file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!Array.isArray(raw)) throw new NewskgError('extract', `${path}: not a CoNLL04 JSON file (expected an array of sentences)`);
  return raw.map((s, k) => {
    if (!Array.isArray(s.tokens) || !Array.isArray(s.tags) || s.tokens.length !== s.tags.length) throw new NewskgError('extract', `${path}: sentence ${k} has no tokens and tags of one length`);
    const starts: number[] = [];
    let text = '';
    for (const t of s.tokens) {
      if (text) text += ' ';
      starts.push(text.length);
      text += t;
    }
    const entities: GoldEntity[] = [];
    let open: { start: number; type: string } | undefined;
    s.tags.forEach((tag, i) => {
      const [prefix, type] = tag.split('-');
      const end = starts[i] + s.tokens[i].length;
      if (prefix === 'U') entities.push({ start: starts[i], end, type: TYPES[type] ?? 'Other' });
      else if (prefix === 'B') open = { start: starts[i], type };
      else if (prefix === 'L' && open) {
        entities.push({ start: open.start, end, type: TYPES[open.type] ?? 'Other' });
        open = undefined;
      }
    });
    const relations = (s.relations ?? []).filter((r) => LABELS.has(r.type) && entities[r.head] && entities[r.tail]) as GoldSentence['relations'];
    return { text, entities, relations };
  });
}
