/** Shared data types that travel between the stages (see DESIGN.md, "Data flow"). */

/** A token: `text === source.slice(start, end)` always holds. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A sentence: a half-open character range and the token index range [tokenStart, tokenEnd). */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A named-entity mention found by the tagger. Offsets are into the analysed text. */
export interface Mention {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd) in Doc.tokens. */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** Confidence in (0, 1]: the margin-based score of the tagger's decision. */
  score: number;
}

/** The output of the nlp stage. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Penn Treebank part-of-speech tag per token. */
  pos: string[];
  /** Chunk tag per token (IOB2, e.g. B-NP, I-VP, O). */
  chunks: string[];
  /** Entity tag per token (BIO, e.g. B-PER, I-PER, O). */
  ner: string[];
  mentions: Mention[];
}
