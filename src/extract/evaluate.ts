/**
 * Typed entity scores against the GUM Wikinews corpus (text/ and mentions/*.jsonl): named
 * mentions of persons, organisations, places and events, strict (same span, same type) and
 * lenient (overlapping spans, same type, one-to-one).
 *
 * GUM annotates every mention, named or not ("hackers", "the attack"); a gold mention counts as
 * named when, without a leading "the" and a trailing "'s", it is a capitalised name (function
 * words allowed inside) and not a pronoun.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NewskgError } from '../errors.js';
import { analyze } from '../nlp/index.js';
import { CATEGORY_OF, type EntityCategory } from '../types.js';
import { typeMentions, type PlaceLookup } from './typing.js';

/**
 * GUM's entity types that newskg scores. The four categories make the overall score; GUM files
 * works and laws under "abstract" and products under "object" (with much else: "Internet",
 * "English"), so those two rows say how often a work, law or product is right, not how many are found.
 */
export type GumType = 'person' | 'organization' | 'place' | 'event' | 'abstract' | 'object';
const GUM_TYPES: GumType[] = ['person', 'organization', 'place', 'event', 'abstract', 'object'];
const OVERALL_TYPES: ReadonlySet<GumType> = new Set(['person', 'organization', 'place', 'event']);
const GUM_TYPE_OF: Readonly<Record<EntityCategory, GumType>> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  event: 'event',
  work: 'abstract',
  legislation: 'abstract',
  product: 'object',
};

interface Span {
  type: GumType;
  start: number;
  end: number;
  text: string;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface GumReport {
  documents: number;
  strict: Record<GumType | 'overall', Score>;
  lenient: Record<GumType | 'overall', Score>;
}

const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', 'de', 'del', 'la', 'le', 'al', 'van', 'von', 'da', 'in', 'on', 'at', '&']);
const PRONOUN = /^(he|she|it|they|we|i|you|him|her|them|us|his|its|their)$/i;

/** The name inside a mention's text ("the Church of Scientology's" → "Church of Scientology"), or null when it is not a name. */
export function namedPart(text: string): { offset: number; name: string } | null {
  let offset = 0;
  let name = text;
  const lead = /^(the|The)\s+/.exec(name);
  if (lead) {
    offset = lead[0].length;
    name = name.slice(lead[0].length);
  }
  name = name.replace(/[’']s$/u, '').replace(/[’']$/u, '');
  if (!name || PRONOUN.test(name)) return null;
  const words = name.split(/\s+/);
  if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || FUNCTION_WORDS.has(w.toLowerCase()) || /^[\p{Lu}]/u.test(w.replace(/^[\p{Ll}]+-/u, '')))) return null;
  if (!/^[\p{Lu}\d]/u.test(words[0]) && !/^\p{Ll}+-\p{Lu}/u.test(words[0])) return null;
  return { offset, name };
}

/** Precision, recall and F1 in percent from the counts. */
export function score(correct: number, gold: number, predicted: number): Score {
  const precision = predicted ? (100 * correct) / predicted : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted, correct };
}

/** A gold mention of GUM: its entity id in the document, its type, its span in the body. */
export interface GumMention {
  eid: number;
  type: string;
  start: number;
  end: number;
  text: string;
}

/** The GUM documents' text files in `dir`/text (news, interview or all). */
export function gumDocuments(dir: string, subset: 'news' | 'interview' | 'all'): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt'));
  } catch (err) {
    throw new NewskgError('extract', `${dir}: no GUM text/ folder (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return (subset === 'all' ? names : names.filter((n) => n.startsWith(`GUM_${subset}_`))).sort();
}

/** One GUM document: its body (offsets count from there) and its gold mentions. */
export function readGumDocument(dir: string, file: string): { body: string; mentions: GumMention[] } {
  const content = readFileSync(join(dir, 'text', file), 'utf8');
  // The body starts after the 3-line header (title, date, blank line).
  let at = 0;
  for (let k = 0; k < 3; k++) at = content.indexOf('\n', at) + 1;
  const mentions: GumMention[] = [];
  for (const line of readFileSync(join(dir, 'mentions', file.replace(/\.txt$/, '.jsonl')), 'utf8').split('\n')) if (line.trim()) mentions.push(JSON.parse(line) as GumMention);
  return { body: content.slice(at), mentions };
}

export function evaluateGum(dir: string, places: PlaceLookup, opts: { subset?: 'news' | 'interview' | 'all' } = {}): GumReport {
  const names = gumDocuments(dir, opts.subset ?? 'news');
  const counts = { strict: new Map<string, [number, number, number]>(), lenient: new Map<string, [number, number, number]>() };
  const bump = (which: 'strict' | 'lenient', type: string, g: number, p: number, c: number) => {
    for (const key of OVERALL_TYPES.has(type as GumType) ? [type, 'overall'] : [type]) {
      const v = counts[which].get(key) ?? [0, 0, 0];
      counts[which].set(key, [v[0] + g, v[1] + p, v[2] + c]);
    }
  };
  for (const file of names.sort()) {
    const { body, mentions } = readGumDocument(dir, file);
    const gold: Span[] = [];
    const seen = new Set<string>();
    for (const m of mentions) {
      if (!GUM_TYPES.includes(m.type as GumType)) continue;
      const named = namedPart(m.text);
      if (!named) continue;
      const start = m.start + named.offset;
      const span = { type: m.type as GumType, start, end: start + named.name.length, text: named.name };
      const key = `${span.type}:${span.start}:${span.end}`;
      if (!seen.has(key)) gold.push(span);
      seen.add(key);
    }
    // A description built on a name ("Matthew Ingram of The Globe and Mail") is not itself a
    // name: drop a gold span that extends a shorter one with "of …", "in …" or a comma. Nested
    // names ("Mexico City" over "Mexico") both stay.
    const names = gold.filter((g) => !gold.some((o) => o !== g && o.start === g.start && o.end < g.end && /^(,| of | in | at | from )/.test(g.text.slice(o.end - g.start))));
    gold.length = 0;
    gold.push(...names);
    const doc = analyze(body);
    const predicted: Span[] = [];
    for (const m of typeMentions(doc, places)) {
      const category = CATEGORY_OF[m.class];
      if (!category) continue;
      const type = GUM_TYPE_OF[category];
      // Scored like the gold spans: without a leading "the" or a trailing "'s".
      const named = namedPart(m.text) ?? { offset: 0, name: m.text.replace(/[’']s$/u, '') };
      predicted.push({ type, start: m.start + named.offset, end: m.start + named.offset + named.name.length, text: named.name });
    }
    for (const type of GUM_TYPES) {
      const g = gold.filter((s) => s.type === type);
      const p = predicted.filter((s) => s.type === type);
      const goldKeys = new Set(g.map((s) => `${s.start}:${s.end}`));
      const strict = new Set(p.filter((s) => goldKeys.has(`${s.start}:${s.end}`)).map((s) => `${s.start}:${s.end}`)).size;
      bump('strict', type, g.length, p.length, strict);
      // Lenient: greedy one-to-one pairing of overlapping spans.
      const used = new Set<Span>();
      let lenient = 0;
      for (const s of p) {
        const hit = g.find((x) => !used.has(x) && x.start < s.end && s.start < x.end);
        if (hit) {
          used.add(hit);
          lenient++;
        }
      }
      bump('lenient', type, g.length, p.length, lenient);
    }
  }
  const toScores = (m: Map<string, [number, number, number]>) =>
    Object.fromEntries([...GUM_TYPES, 'overall'].map((t) => [t, score(m.get(t)?.[2] ?? 0, m.get(t)?.[0] ?? 0, m.get(t)?.[1] ?? 0)])) as Record<GumType | 'overall', Score>;
  return { documents: names.length, strict: toScores(counts.strict), lenient: toScores(counts.lenient) };
}
