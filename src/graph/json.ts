/**
 * The shapes of graph.json (graphology's export of the knowledge graph) and of the server's
 * entity details: the contract between the build, the server and the viewer. Types only, from
 * src/types.ts alone, so the browser app can share them.
 */
import type { ArticleEvidence, EntityCategory, EntityClass, EventRole, EventType, RelationFamily } from '../types.js';

export interface NodeAttributes {
  label: string;
  /** The entity's class (Person, City, …; Event for events) and its category. */
  class: EntityClass;
  category: EntityCategory;
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
  /** Events: their types ("attack", "warrant"), first and last day they can have happened, casualty counts (the highest reported). */
  eventTypes?: EventType[];
  dateEarliest?: string;
  dateLatest?: string;
  killed?: number;
  injured?: number;
  /** Louvain community over the graph's edges, numbered by size (0: the largest). */
  community?: number;
}

export interface EdgeAttributes {
  /** The ontology property, without its namespace ("warned", "hasPlace", "coMentionedWith"). */
  predicate: string;
  /** What the edge states, for colouring: a relation family ("warn", "lead"), an event role ("place", "actor", "target"), or "co-mention" for the weak edges between names that share a sentence. */
  family: EdgeFamily;
  weak: boolean;
  confidence: number;
  evidenceCount: number;
  /** Up to three evidence sentences. */
  evidence: EdgeEvidence[];
}

export type EdgeFamily = RelationFamily | EventRole | 'co-mention';

/** Where an edge's fact was read: article id, sentence text and its offset in the article, the fact's offsets in the article and the rule (stated relations only). */
export type EdgeEvidence = Pick<ArticleEvidence, 'articleId' | 'sentenceText' | 'sentenceStart'> & Partial<Pick<ArticleEvidence, 'start' | 'end' | 'rule'>>;

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
  family: EdgeFamily;
  direction: 'out' | 'in';
  other: { id: string; label: string; class: EntityClass };
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

/** A name or event word in an article's text: its offsets, the graph node it refers to (when the graph has it) and that node's class. */
export interface ArticleSpan {
  start: number;
  end: number;
  class: EntityClass;
  node?: string;
  /** A pronoun or description that coreference joined to the entity, not its name. */
  referring?: boolean;
}

/** What `GET /api/article?id=` answers: an article's text, its sentences' offsets and its entity spans in text order, none overlapping. */
export interface ArticleView extends ArticleSummary {
  id: string;
  text: string;
  sentences: { start: number; end: number }[];
  spans: ArticleSpan[];
}

/** What the viewer draws an edge by: graph.json's edge without its evidence (the panel asks the server for that). */
export type ViewEdgeAttributes = Pick<EdgeAttributes, 'predicate' | 'family' | 'weak' | 'confidence'>;

/**
 * What `GET /api/view` answers: the graph as the viewer draws it, a fraction of graph.json's
 * size. Nodes as in graph.json; each edge is [source, target] as indices into `nodes`, its
 * predicate and family as indices into `predicates` and `families`, 1 when weak, and its confidence.
 */
export interface GraphView {
  nodes: { key: string; attributes: NodeAttributes }[];
  predicates: string[];
  families: EdgeFamily[];
  edges: [number, number, number, number, 0 | 1, number][];
}
