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

/** One news article as read by the ingest stage. Offsets of later stages are into `text`. */
export interface Article {
  /** Stable id: a hash of the article's URL (or title) and text, so re-reading gives the same id. */
  id: string;
  /** The body text (headline and metadata lines removed). */
  text: string;
  title?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD or a full timestamp). */
  published?: string;
  /** True when `published` was inferred from the dates the text mentions rather than read from metadata. */
  publishedInferred?: boolean;
  url?: string;
  /** Publisher or site name, when known. */
  source?: string;
  /** Where it was read from: a file path (with :line for JSON lines), or "<stdin>". */
  origin: string;
}
