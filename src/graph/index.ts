/** The graph stage: entities and relations as a graphology graph with a ForceAtlas2 layout, and its exports (graph.json, GEXF, GraphML). */
export { assignCommunities } from './communities.js';
export { GraphBuilder, buildGraph, layout, layoutAsync, toGexf, toGraphJson, toGraphMl, writeGraphJson, type EntityGraph, type JsonSink } from './entity-graph.js';
export { computeLayout, computeLayoutInWorker, iterationsFor, type LayoutInput } from './layout.js';
export type { ArticleSpan, ArticleSummary, ArticleView, GraphView, ViewEdgeAttributes, EdgeAttributes, EdgeEvidence, EdgeFamily, EntityDetails, EntityRelation, GraphAttributes, NodeAttributes } from './json.js';
