/**
 * A token-level view of one article for the relation and event patterns: which entity mention
 * covers each token, and small helpers for walking from a verb to its subject and object.
 */
import type { Doc, TypedMention } from '../types.js';
import { findTimes, type TimeSpan } from './dates.js';
import { AGENT_NOUNS, AUXILIARIES } from './lexicon.js';

/** The syntactic head of the tokens [start, end): the last one whose head lies outside the span (else the last token). */
export function spanHead(doc: Doc, start: number, end: number): number {
  for (let t = end - 1; t >= start; t--) if (doc.heads[t] < start || doc.heads[t] >= end) return t;
  return end - 1;
}

const dependentsCache = new WeakMap<Doc, number[][]>();
/** Each token's dependents in the parse, built once per Doc: a sentence with many relations stays linear. */
export function dependentsOf(doc: Doc): number[][] {
  let children = dependentsCache.get(doc);
  if (!children) {
    children = doc.tokens.map(() => []);
    doc.heads.forEach((h, t) => h >= 0 && children![h].push(t));
    dependentsCache.set(doc, children);
  }
  return children;
}

export class ArticleView {
  /** Index of the (longest) entity mention covering each token, or -1. */
  readonly at: Int32Array;
  readonly lower: string[];
  /** Each sentence's time expressions per publication date, read when first asked for (chrono is a good part of an article's cost). */
  private readonly times = new Map<string, TimeSpan[]>();

  constructor(
    readonly doc: Doc,
    readonly mentions: readonly TypedMention[],
  ) {
    this.at = new Int32Array(doc.tokens.length).fill(-1);
    this.lower = doc.tokens.map((t) => t.text.toLowerCase());
    mentions.forEach((m, i) => {
      // Demonyms ("Mexican President …") stand for their country; other modifiers ("ISIS-backed") for nothing.
      if (m.class === 'Other' && !(m.tag === 'MISC' && /^\p{Lu}\p{Ll}+$/u.test(m.text))) return;
      for (let t = m.tokenStart; t < m.tokenEnd; t++) {
        const prev = this.at[t];
        if (prev < 0 || mentions[prev].tokenEnd - mentions[prev].tokenStart < m.tokenEnd - m.tokenStart) this.at[t] = i;
      }
    });
  }

  /** The time expressions of sentence `si`, resolved against the publication date. */
  timesOf(si: number, published: string | undefined): TimeSpan[] {
    // Keyed by the date as well: the same sentence read against another date resolves differently.
    const key = `${si} ${published ?? ''}`;
    let spans = this.times.get(key);
    if (!spans) {
      const s = this.doc.sentences[si];
      this.times.set(key, (spans = findTimes(this.doc.text, published, s.start, s.end)));
    }
    return spans;
  }

  pos(t: number): string {
    return this.doc.pos[t] ?? '';
  }

  word(t: number): string {
    return this.lower[t] ?? '';
  }

  /** The mention that starts at token t, if any. */
  startingAt(t: number): number {
    const m = this.at[t];
    return m >= 0 && this.mentions[m].tokenStart === t ? m : -1;
  }

  /** The mention that ends just before token t, if any. */
  endingBefore(t: number): number {
    const m = this.at[t - 1] ?? -1;
    return m >= 0 && this.mentions[m].tokenEnd === t ? m : -1;
  }

  /**
   * The entity a clause is about, read leftwards from token `t` (exclusive): past auxiliaries
   * and adverbs, a mention ending there ("Iraq warned"), or one followed by a noun for the
   * people it acts through ("Iraqi intelligence officials told"). Stops at anything else.
   */
  subjectBefore(t: number, sentenceStart: number): number {
    let j = t - 1;
    while (j >= sentenceStart && (AUXILIARIES.has(this.word(j)) || this.pos(j) === 'RB')) j--;
    if (j < sentenceStart) return -1;
    const direct = this.endingBefore(j + 1);
    if (direct >= 0) return direct;
    if (AGENT_NOUNS.has(this.word(j))) {
      const owner = this.endingBefore(j);
      if (owner >= 0) return owner;
      // "French intelligence operatives", "senior Iraq intelligence officials": one more noun in between.
      if (this.pos(j - 1).startsWith('NN') || this.pos(j - 1).startsWith('JJ')) {
        const further = this.endingBefore(j - 1);
        if (further >= 0) return further;
      }
    }
    return -1;
  }

  /**
   * The entity right after token t (inclusive): past a determiner and up to `skip` lowercase
   * words ("the Associated Press", "satirical newspaper Charlie Hebdo").
   */
  objectAt(t: number, sentenceEnd: number, skip = 0): number {
    let k = t;
    if (k < sentenceEnd && (this.pos(k) === 'DT' || this.pos(k) === 'PRP$')) k++;
    for (let n = 0; n <= skip && k < sentenceEnd; n++, k++) {
      const m = this.startingAt(k);
      if (m >= 0) return m;
      if (!/^\p{Ll}/u.test(this.doc.tokens[k].text) || !/^(JJ|NN|VBN|VBG|CD)/.test(this.pos(k))) return -1;
    }
    return -1;
  }

  /**
   * The entity a role or relation is "of": after "of", past a determiner, adjectives and
   * demonyms and a "city of" / "state of" ("mayor of the Polish city of Gdańsk"); a possessive
   * points on to what is owned ("commander of Iran's Quds Force").
   */
  ofObject(k: number, sentenceEnd: number): number {
    let j = k;
    for (let guard = 0; guard < 6 && j < sentenceEnd; guard++) {
      const m = this.startingAt(j);
      if (m >= 0 && this.mentions[m].class !== 'Other') {
        const after = this.mentions[m].tokenEnd;
        if (/^[’']s$/.test(this.word(after))) {
          const owned = this.objectAt(after + 1, sentenceEnd, 2);
          if (owned >= 0) return owned;
        }
        return m;
      }
      if (this.pos(j) === 'DT' || this.pos(j).startsWith('JJ') || m >= 0) j = m >= 0 ? this.mentions[m].tokenEnd : j + 1;
      else if (/^(city|town|village|state|province|region|county|district|country|island|republic)$/.test(this.word(j)) && this.word(j + 1) === 'of') j += 2;
      else return -1;
    }
    return -1;
  }

  /** Whether token t is a clause boundary the patterns do not look across. */
  isBoundary(t: number): boolean {
    const w = this.word(t);
    return w === ';' || w === ':' || w === '—' || w === '–' || w === '“' || w === '”' || w === '"' || w === '(' || w === ')' || ((w === 'that' || w === 'which' || w === 'who') && /^W/.test(this.pos(t)));
  }
}
