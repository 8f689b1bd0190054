/**
 * The shapes of graph.json (graphology's export of the knowledge graph) and of the server's
 * entity details: the contract between the build, the server and the viewer. Types only, with no
 * imports, so the browser app can share them.
 */

export interface NodeAttributes {
  label: string;
  type: string;
  cls: string;
  aliases: string[];
  handles: string[];
  mentionCount: number;
  articles: number;
  x: number;
  y: number;
  size: number;
  geonamesId?: number;
  lat?: number;
  lon?: number;
  /** Events: their kinds ("attack", "warrant"), first and last day they can have happened, casualty counts (the highest reported). */
  eventTypes?: string[];
  dateEarliest?: string;
  dateLatest?: string;
  killed?: number;
  injured?: number;
}

export interface EdgeAttributes {
  /** The ontology property, without its namespace ("warned", "hasPlace", "coMentionedWith"). */
  predicate: string;
  /** Relation family for colouring: a relation family ("warn", "lead"), an event role ("place", "actor", "target"), or "co-mention" for the weak edges between names that share a sentence. */
  family: string;
  weak: boolean;
  confidence: number;
  evidenceCount: number;
  /** Up to three evidence sentences. */
  evidence: EdgeEvidence[];
}

/** Where an edge's fact was read: article id, sentence text and its offset in the article, the fact's offsets in the article (stated relations only), the rule. */
export interface EdgeEvidence {
  articleId: string;
  sentence: string;
  sentenceStart: number;
  start?: number;
  end?: number;
  rule?: string;
}

/** What the viewer shows of each article an edge's evidence comes from. */
export interface ArticleSummary {
  title?: string;
  published?: string;
  url?: string;
  source?: string;
}

export interface GraphAttributes {
  /** Article id → title, date, URL, source. */
  articles: Record<string, ArticleSummary>;
}

/** One relation of an entity as `GET /api/entity` gives it, evidence joined with its article. */
export interface EntityRelation {
  predicate: string;
  family: string;
  direction: 'out' | 'in';
  other: { id: string; label: string; type: string };
  confidence: number;
  weak: boolean;
  evidence: (EdgeEvidence & { article: ArticleSummary & { id: string } })[];
}

/** What `GET /api/entity?id=` answers. */
export interface EntityDetails {
  id: string;
  attributes: NodeAttributes;
  relations: EntityRelation[];
}
