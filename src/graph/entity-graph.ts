/**
 * The entity graph: entities and their relations as a graphology MultiDirectedGraph with
 * ForceAtlas2 positions computed at build time, exported as graph.json (the viewer's input),
 * GEXF and GraphML (for Gephi and other tools).
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { EVENT_ROLES, EVENT_ROLE_FIELDS, type ArticleEvidence, type EntityNode, type EventNode, type ResolvedArticle } from '../types.js';
import { mergeEvents } from '../resolve/index.js';
import { CO_MENTION_FAMILY, CO_MENTION_PREDICATE, EVENT_ROLE_PROPERTY, RELATION_PROPERTY, localName } from '../rdf/index.js';
import type { ArticleSummary, EdgeAttributes, EdgeFamily, GraphAttributes, NodeAttributes } from './json.js';
import { assignCommunities } from './communities.js';
import { computeLayout, computeLayoutInWorker, type LayoutInput } from './layout.js';

/** The build's entities, events and relations as graphology holds them (graph.json is its export). */
export type EntityGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The graph of entities, events and their relations, with ForceAtlas2 positions unless `layout` is false. */
export function buildGraph(entities: readonly EntityNode[], resolved: readonly ResolvedArticle[], options: { layout?: boolean; events?: readonly EventNode[] } = {}): EntityGraph {
  const builder = new GraphBuilder();
  for (const r of resolved) builder.addArticle(r);
  return builder.finish(entities, options.events ?? mergeEvents(resolved), options);
}

/** A node's size grows with the number of articles that name it: what the news keeps returning to stands out. */
const nodeSize = (articles: number) => 3 + 3 * Math.log2(Math.max(1, articles));

interface PendingEdge {
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** What the articles say of an event node: its first date and its largest counts. */
type EventFacts = Pick<NodeAttributes, 'dateEarliest' | 'dateLatest' | 'killed' | 'injured'>;

/**
 * The graph, gathered an article at a time: one edge per (subject, predicate, object), counting its
 * evidence across sentences and articles, and keeping three. The nodes come at the end, from the
 * build's merged entities and events, so the articles themselves need not be kept.
 */
export class GraphBuilder {
  private readonly articles: Record<string, ArticleSummary> = {};
  private readonly edges = new Map<string, PendingEdge>();
  private readonly eventFacts = new Map<string, EventFacts>();

  addArticle(r: ResolvedArticle): void {
    const a = r.article;
    this.articles[a.id] = { ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}), ...(a.url ? { url: a.url } : {}), ...(a.source ? { source: a.source } : {}) };
    // The graph holds what the articles state: a question, a negation or a possibility is no edge.
    for (const rel of r.relations) if (!rel.evidence.factuality) this.connect(rel.subject, rel.object, localName(RELATION_PROPERTY[rel.family].value), rel.family, rel.evidence);
    for (const ev of r.events) {
      for (const role of EVENT_ROLES) for (const p of ev[EVENT_ROLE_FIELDS[role]]) this.connect(ev.iri, p.iri, localName(EVENT_ROLE_PROPERTY[role].value), role, p.evidence);
      let facts = this.eventFacts.get(ev.iri);
      if (!facts) this.eventFacts.set(ev.iri, (facts = {}));
      const t = ev.times[0];
      if (t && !facts.dateEarliest) Object.assign(facts, { dateEarliest: t.earliest, dateLatest: t.latest });
      for (const c of ev.killed) if (c.value > (facts.killed ?? -1)) facts.killed = c.value;
      for (const c of ev.injured) if (c.value > (facts.injured ?? -1)) facts.injured = c.value;
    }
    for (const c of r.coMentions) {
      this.connect(c.a, c.b, CO_MENTION_PREDICATE, CO_MENTION_FAMILY, { articleId: c.articleId, sentenceIndex: c.sentenceIndex, sentenceText: c.sentenceText, sentenceStart: c.start, sentenceEnd: c.end, start: c.start, end: c.end, confidence: 0.2, rule: 'co-mention-in-sentence' }, true);
    }
  }

  private connect(source: string, target: string, predicate: string, family: EdgeFamily, ev: ArticleEvidence, weak = false): void {
    if (source === target) return;
    const key = `${source}\u0000${predicate}\u0000${target}`;
    const evidence = { articleId: ev.articleId, sentenceText: ev.sentenceText, sentenceStart: ev.sentenceStart, ...(weak ? {} : { start: ev.start, end: ev.end, rule: ev.rule }) };
    const existing = this.edges.get(key);
    if (existing) {
      const attrs = existing.attributes;
      attrs.evidenceCount++;
      attrs.confidence = Math.min(0.95, Math.max(attrs.confidence, ev.confidence) + 0.05);
      if (attrs.evidence.length < 3) attrs.evidence.push(evidence);
      return;
    }
    this.edges.set(key, { source, target, attributes: { predicate, family, weak, confidence: ev.confidence, evidenceCount: 1, evidence: [evidence] } });
  }

  /** The graph of the given entities and events, with the edges between them (laid out unless `layout` is false). */
  finish(entities: readonly EntityNode[], events: readonly EventNode[], options: { layout?: boolean } = {}): EntityGraph {
    const graph: EntityGraph = new MultiDirectedGraph({ allowSelfLoops: false });
    graph.replaceAttributes({ articles: this.articles });
    for (const e of entities) {
      graph.addNode(e.iri, {
        label: e.label,
        class: e.class,
        category: e.category,
        aliases: e.aliases,
        handles: e.handles,
        mentionCount: e.mentionCount,
        articles: e.articles.length,
        x: 0,
        y: 0,
        size: nodeSize(e.articles.length),
        ...(e.geonamesId !== undefined ? { geonamesId: e.geonamesId } : {}),
        ...(e.lat !== undefined ? { lat: e.lat, lon: e.lon } : {}),
      });
    }
    // Events: named ones are entity nodes already; the others become nodes here.
    for (const ev of events) {
      if (!graph.hasNode(ev.iri)) {
        graph.addNode(ev.iri, { label: ev.label, class: 'Event', category: 'event', aliases: [], handles: [], mentionCount: ev.mentionCount, articles: ev.articles.length, x: 0, y: 0, size: nodeSize(ev.articles.length) });
      }
      graph.mergeNodeAttributes(ev.iri, { eventTypes: ev.eventTypes });
    }
    for (const [iri, facts] of this.eventFacts) {
      if (!graph.hasNode(iri)) continue;
      for (const [k, v] of Object.entries(facts)) if (v !== undefined) graph.setNodeAttribute(iri, k as keyof EventFacts, v);
    }
    // Keys by order of creation, so identical builds write identical graph files.
    for (const { source, target, attributes } of this.edges.values()) {
      if (graph.hasNode(source) && graph.hasNode(target)) graph.addEdgeWithKey(`e${graph.size}`, source, target, attributes);
    }
    assignCommunities(graph);
    if (options.layout !== false) layout(graph);
    return graph;
  }
}

/** The graph's shape as the layout sees it: nodes by index in iteration order, edges as index pairs. */
function layoutInput(graph: EntityGraph, seed: number): LayoutInput {
  const index = new Map<string, number>();
  graph.forEachNode((node) => index.set(node, index.size));
  const edges = new Int32Array(graph.size * 2);
  let e = 0;
  graph.forEachEdge((_edge, _attrs, source, target) => {
    edges[e++] = index.get(source)!;
    edges[e++] = index.get(target)!;
  });
  return { order: graph.order, edges, seed };
}

function applyPositions(graph: EntityGraph, positions: Float64Array): void {
  let i = 0;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: positions[2 * i], y: positions[2 * i + 1] });
    i++;
  });
}

/** Deterministic ForceAtlas2 layout: seeded initial positions, iterations scaled to the graph. */
export function layout(graph: EntityGraph, seed = 7): void {
  applyPositions(graph, computeLayout(layoutInput(graph, seed)));
}

/** The same layout computed on a worker thread, leaving this one free meanwhile; resolves to the id of the thread that computed it (0: this one, for small graphs). */
export async function layoutAsync(graph: EntityGraph, seed = 7): Promise<number> {
  const { positions, threadId } = await computeLayoutInWorker(layoutInput(graph, seed));
  applyPositions(graph, positions);
  return threadId;
}

/** Where graph.json goes, a chunk at a time. */
export interface JsonSink {
  write(chunk: string): void;
  end(): void;
}

/**
 * graph.json, node by node and edge by edge: the text of JSON.stringify(graph.export()) (tested),
 * without building the export's copy of the graph or its text in memory at once.
 */
export function writeGraphJson(graph: EntityGraph, sink: JsonSink): void {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  sink.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  let first = true;
  graph.forEachNode((key, attributes) => {
    const node = Object.keys(attributes).length ? { key, attributes } : { key };
    sink.write(`${first ? '' : ','}${JSON.stringify(node)}`);
    first = false;
  });
  sink.write('],"edges":[');
  first = true;
  graph.forEachEdge((key, attributes, source, target) => {
    const edge = Object.keys(attributes).length ? { key, source, target, attributes } : { key, source, target };
    sink.write(`${first ? '' : ','}${JSON.stringify(edge)}`);
    first = false;
  });
  sink.write(']}\n');
  sink.end();
}

export function toGraphJson(graph: EntityGraph): string {
  const chunks: string[] = [];
  writeGraphJson(graph, { write: (c) => chunks.push(c), end: () => undefined });
  return chunks.join('');
}

export function toGexf(graph: EntityGraph): string {
  return writeGexf(graph, {
    formatNode: (_key, attrs) => ({
      label: xmlSafe(attrs.label),
      attributes: { class: attrs.class, category: attrs.category, mentionCount: attrs.mentionCount, aliases: xmlSafe(attrs.aliases.join('; ')) },
      viz: { x: attrs.x, y: attrs.y, size: attrs.size },
    }),
    formatEdge: (_key, attrs) => ({ attributes: { predicate: attrs.predicate, family: attrs.family, confidence: attrs.confidence, evidenceCount: attrs.evidenceCount } }),
  });
}

/** Characters XML 1.0 forbids, whatever the escaping (ingest already replaces them; graphs built by other code may not). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (s: string) => s.replace(NOT_XML, '\uFFFD');
const escapeXml = (s: string) => xmlSafe(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** GraphML (graphology-graphml only parses): keys declared once, values escaped. */
export function toGraphMl(graph: EntityGraph): string {
  const nodeKeys: [string, string][] = [['label', 'string'], ['class', 'string'], ['category', 'string'], ['mentionCount', 'int'], ['x', 'double'], ['y', 'double'], ['size', 'double']];
  const edgeKeys: [string, string][] = [['predicate', 'string'], ['family', 'string'], ['confidence', 'double'], ['evidenceCount', 'int']];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const [k, t] of nodeKeys) lines.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) lines.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  lines.push('  <graph edgedefault="directed">');
  graph.forEachNode((node, attrs) => {
    lines.push(`    <node id="${escapeXml(node)}">`);
    for (const [k] of nodeKeys) lines.push(`      <data key="n_${k}">${escapeXml(String((attrs as unknown as Record<string, unknown>)[k]))}</data>`);
    lines.push('    </node>');
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    lines.push(`    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`);
    for (const [k] of edgeKeys) lines.push(`      <data key="e_${k}">${escapeXml(String((attrs as unknown as Record<string, unknown>)[k]))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
