/**
 * KnowledgeGraph: the everyday questions as typed methods and SPARQL for the rest, over a graph
 * built in memory or loaded from a build folder. The RDF lives in an Oxigraph store (WASM), the
 * graph in graphology; both come from the same build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import oxigraph from 'oxigraph';
import type { BuildOptions } from '../pipeline/index.js';
import { InputError, NewskgError, NotFoundError, QueryError } from '../errors.js';
import type { EntityGraph, NodeAttributes } from '../graph/index.js';
import { CATEGORY_OF, classLineage, EVENT_CATEGORY_OF, EVENT_ROLES, type ArticleEvidence, type EntityClass, type EventRole, type EventType, type RawArticle } from '../types.js';
import { DEFAULT_BASE, EDGE_FAMILY_OF_PREDICATE, EVENT_ROLE_PROPERTY, EVENT_TYPE_OF_CLASS, PREFIXES, localName, toNQuads } from '../rdf/index.js';

/** The graph's predicate of each event role ("hasActor"). */
const EVENT_ROLE_PREDICATE = Object.fromEntries(EVENT_ROLES.map((r) => [r, localName(EVENT_ROLE_PROPERTY[r].value)])) as Record<EventRole, string>;
import { normaliseName } from '../resolve/index.js';
import { declaredPrefixes, projectedVariables, queryForm, usedPrefixes } from './sparql-text.js';
import { LazyStore, rdfSourceOf } from './lazy-store.js';
import { predicatesOf } from './query-predicates.js';

export interface EntityInfo {
  iri: string;
  label: string;
  /** The entity's class: Person, GovernmentOrganization, City, Event … */
  class: EntityClass;
  aliases: string[];
  mentionCount: number;
}

/** Where a relation was read: the article, the sentence's text, the words that state it, the rule. */
export type RelationEvidence = Pick<ArticleEvidence, 'articleId' | 'sentenceText' | 'start' | 'end' | 'confidence' | 'rule'>;

export interface RelationInfo {
  subject: EntityInfo;
  predicate: string;
  object: EntityInfo;
  confidence: number;
  evidence: RelationEvidence[];
}

export interface EventInfo extends EntityInfo {
  eventTypes: EventType[];
  earliest?: string;
  latest?: string;
  places: EntityInfo[];
  actors: EntityInfo[];
  targets: EntityInfo[];
  /** Present when the event has any: who received, where to, where from, what about. */
  recipients?: EntityInfo[];
  destinations?: EntityInfo[];
  origins?: EntityInfo[];
  topics?: EntityInfo[];
  killed?: number;
  injured?: number;
}

export type TermValue =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; datatype?: string; language?: string; /** numbers, booleans and dates as JS values */ native?: number | boolean | string };

export type SparqlResult =
  | { type: 'select'; variables: string[]; bindings: Record<string, TermValue>[] }
  | { type: 'ask'; boolean: boolean }
  | { type: 'graph'; turtle: string; triples: number };

/** Every query gets the ontology's prefixes unless it declares its own. */
export const QUERY_PREFIXES = Object.entries(PREFIXES)
  .map(([p, iri]) => `PREFIX ${p}: <${iri}>`)
  .join('\n');

/** Names compare as the resolver compares them: case, accents, a possessive and a leading "the" ignored. */
const fold = normaliseName;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

export class KnowledgeGraph {
  private readonly byName = new Map<string, string[]>();
  private undirected?: UndirectedGraph;

  private constructor(
    /** The RDF, loaded as queries need it. */
    private readonly rdf: LazyStore,
    /** The graph, as graphology holds it (entities, events, relation edges). */
    readonly graph: EntityGraph,
  ) {
    graph.forEachNode((node, a) => {
      for (const name of [a.label, ...a.aliases]) {
        const key = fold(name);
        const list = this.byName.get(key) ?? [];
        if (!list.includes(node)) list.push(node);
        this.byName.set(key, list);
      }
    });
  }

  /** The RDF, as an RDF/JS store (Oxigraph), with every quad (loaded at first use). */
  get store(): oxigraph.Store {
    return this.rdf.all();
  }

  /** Builds the graph of articles (paths to files and folders, or articles in memory) without writing files. */
  static async build(input: string[] | RawArticle[], options: Partial<Omit<BuildOptions, 'paths' | 'articles' | 'formats' | 'out'>> = {}): Promise<KnowledgeGraph> {
    const paths = input.filter((x): x is string => typeof x === 'string');
    const articles = input.filter((x): x is RawArticle => typeof x !== 'string');
    const out = mkdtempSync(join(tmpdir(), 'newskg-kg-'));
    try {
      // Loaded here, not at the top: a process that only reads a built folder never loads the NLP stages.
      const { build } = await import('../pipeline/index.js');
      const result = await build({ ...options, paths, articles, out, base: options.base ?? DEFAULT_BASE, formats: [], collect: true });
      if (result.articles === 0) throw new InputError(`nothing could be built${result.problems.length ? `: ${result.problems[0].origin}: ${result.problems[0].message}` : ''}`);
      return new KnowledgeGraph(new LazyStore({}, toNQuads(result.dataset!)), result.graph);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  /**
   * Loads a build folder (graph.json, and its RDF through the query index, else graph.trig, .nt or
   * .ttl), or one RDF or graph.json file. The RDF is loaded as queries need it.
   */
  static async load(path: string): Promise<KnowledgeGraph> {
    if (!existsSync(path)) throw new NewskgError('query', `${path}: no such file or folder`);
    const isDir = statSync(path).isDirectory();
    const source = isDir ? rdfSourceOf(path) : /\.(trig|ttl|nt|nq)$/.test(path) ? { file: path } : {};
    const jsonFile = isDir ? join(path, 'graph.json') : extname(path) === '.json' ? path : undefined;
    const rdf = new LazyStore(source);
    let graph: EntityGraph;
    if (jsonFile && existsSync(jsonFile)) {
      try {
        graph = MultiDirectedGraph.from(JSON.parse(readFileSync(jsonFile, 'utf8'))) as EntityGraph;
      } catch (err) {
        throw new NewskgError('query', `${jsonFile}: not a graph (${(err as Error).message.split('\n')[0]})`);
      }
    } else if (source.index || source.file) {
      graph = graphFromStore(rdf.all());
    } else {
      throw new NewskgError('query', `${path}: no graph.trig, graph.nt, graph.ttl or graph.json`);
    }
    return new KnowledgeGraph(rdf, graph);
  }

  private info(iri: string): EntityInfo {
    const a = this.graph.getNodeAttributes(iri);
    return { iri, label: a.label, class: a.class, aliases: a.aliases, mentionCount: a.mentionCount };
  }

  /** Entities, optionally of a class or category ("Person", "organization", "City"), matching a name, mentioned at least so often. */
  entities(filter: { class?: string; name?: string; minMentions?: number } = {}): EntityInfo[] {
    const cls = filter.class?.toLowerCase();
    const name = filter.name ? fold(filter.name) : undefined;
    return this.graph
      .filterNodes((_n, a) => (!cls || a.class.toLowerCase() === cls || a.category === cls) && (!name || [a.label, ...a.aliases].some((x) => fold(x).includes(name))) && a.mentionCount >= (filter.minMentions ?? 0))
      .map((n) => this.info(n))
      .sort((a, b) => b.mentionCount - a.mentionCount || a.label.localeCompare(b.label));
  }

  /** The entity with this IRI, label or alias (case and accents ignored); NotFoundError with the closest names otherwise. */
  entity(nameOrIri: string): EntityInfo {
    if (this.graph.hasNode(nameOrIri)) return this.info(nameOrIri);
    const key = fold(nameOrIri);
    const mostMentioned = (nodes: string[]) => this.info([...nodes].sort((a, b) => this.graph.getNodeAttribute(b, 'mentionCount') - this.graph.getNodeAttribute(a, 'mentionCount'))[0]);
    // Several entities share the name: the most mentioned.
    const hits = this.byName.get(key);
    if (hits?.length) return mostMentioned(hits);
    // A surname or other whole word of a name ("Bajolet"): the most mentioned entity it names.
    if (key.length >= 3 && !key.includes(' ')) {
      const byWord = this.graph.filterNodes((_n, a) => fold(a.label).split(/[\s-]+/).includes(key));
      if (byWord.length) return mostMentioned(byWord);
    }
    const closest = [...this.byName.keys()]
      .map((k) => [k, editDistance(key, k) / Math.max(key.length, k.length)] as const)
      .filter(([, d]) => d <= 0.5)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map(([k]) => this.graph.getNodeAttribute(this.byName.get(k)![0], 'label'));
    throw new NotFoundError(nameOrIri, [...new Set(closest)]);
  }

  /** Stated relations (not co-mentions) with their evidence; subject and object by name or IRI, predicate by local name ("warned") or IRI. */
  relations(filter: { subject?: string; predicate?: string; object?: string } = {}): RelationInfo[] {
    const s = filter.subject ? this.entity(filter.subject).iri : undefined;
    const o = filter.object ? this.entity(filter.object).iri : undefined;
    const p = filter.predicate ? localName(filter.predicate) : undefined;
    const out: RelationInfo[] = [];
    this.graph.forEachEdge((_e, a, source, target) => {
      if (a.weak || (s && source !== s) || (o && target !== o) || (p && a.predicate !== p)) return;
      out.push({
        subject: this.info(source),
        predicate: a.predicate,
        object: this.info(target),
        confidence: a.confidence,
        evidence: a.evidence.map((e) => ({ articleId: e.articleId, sentenceText: e.sentenceText, start: e.start ?? e.sentenceStart, end: e.end ?? e.sentenceStart + e.sentenceText.length, confidence: a.confidence, rule: e.rule ?? '' })),
      });
    });
    return out.sort((x, y) => y.confidence - x.confidence || x.subject.label.localeCompare(y.subject.label));
  }

  /** Entities within `depth` steps (either direction) over stated relations, or over one predicate. */
  neighbors(entity: string, options: { depth?: number; predicate?: string } = {}): (EntityInfo & { distance: number })[] {
    const start = this.entity(entity).iri;
    const depth = options.depth ?? 1;
    const p = options.predicate ? localName(options.predicate) : undefined;
    const seen = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const next: string[] = [];
      for (const node of frontier) {
        this.graph.forEachEdge(node, (_e, a, source, target) => {
          if ((p ? a.predicate !== p : a.weak)) return;
          const other = source === node ? target : source;
          if (seen.has(other)) return;
          seen.set(other, d);
          next.push(other);
        });
      }
      frontier = next;
    }
    seen.delete(start);
    return [...seen].map(([n, distance]) => ({ ...this.info(n), distance })).sort((a, b) => a.distance - b.distance || b.mentionCount - a.mentionCount);
  }

  /** The shortest chain of stated relations between two entities (either direction), up to maxLength steps; [] when none. */
  paths(a: string, b: string, options: { maxLength?: number } = {}): { nodes: EntityInfo[]; predicates: string[] }[] {
    const from = this.entity(a).iri;
    const to = this.entity(b).iri;
    if (!this.undirected) {
      const u = new UndirectedGraph();
      this.graph.forEachNode((n) => u.addNode(n));
      this.graph.forEachEdge((_e, attrs, s, t) => {
        if (!attrs.weak && s !== t && !u.hasEdge(s, t)) u.addEdge(s, t, { predicate: attrs.predicate });
      });
      this.undirected = u;
    }
    const path = bidirectional(this.undirected, from, to);
    if (!path || path.length - 1 > (options.maxLength ?? 4)) return [];
    const predicates = path.slice(1).map((n, i) => this.undirected!.getEdgeAttribute(this.undirected!.edge(path[i], n)!, 'predicate') as string);
    return [{ nodes: path.map((n) => this.info(n)), predicates }];
  }

  /**
   * Events, filtered by type (a kind such as "transfer-ownership", or an ACE type above kinds
   * such as "justice"), place, actor, any participant, and date range (YYYY-MM-DD), ordered by date.
   */
  events(filter: { eventType?: string; type?: string; place?: string; actor?: string; participant?: string; from?: string; to?: string } = {}): EventInfo[] {
    const place = filter.place ? this.entity(filter.place).iri : undefined;
    const actor = filter.actor ? this.entity(filter.actor).iri : undefined;
    const participant = filter.participant ? this.entity(filter.participant).iri : undefined;
    const wanted = (filter.type ?? filter.eventType)?.toLowerCase();
    const out: EventInfo[] = [];
    this.graph.forEachNode((node, a) => {
      if (a.category !== 'event') return;
      const eventTypes: EventType[] = a.eventTypes ?? [];
      if (wanted && !eventTypes.some((t) => t === wanted || EVENT_CATEGORY_OF[t]?.toLowerCase() === wanted)) return;
      const roles = Object.fromEntries(EVENT_ROLES.map((r) => [EVENT_ROLE_PREDICATE[r], [] as EntityInfo[]])) as Record<string, EntityInfo[]>;
      this.graph.forEachOutEdge(node, (_e, attrs, _s, target) => {
        if (attrs.predicate in roles) roles[attrs.predicate].push(this.info(target));
      });
      const of = (r: EventRole) => roles[EVENT_ROLE_PREDICATE[r]];
      if (place && !of('place').some((p) => p.iri === place)) return;
      if (actor && !of('actor').some((p) => p.iri === actor)) return;
      if (participant && !Object.values(roles).some((list) => list.some((p) => p.iri === participant))) return;
      if (filter.from && (!a.dateLatest || a.dateLatest < filter.from)) return;
      if (filter.to && (!a.dateEarliest || a.dateEarliest > filter.to)) return;
      const more = { recipients: of('recipient'), destinations: of('destination'), origins: of('origin'), topics: of('topic') };
      out.push({
        ...this.info(node),
        eventTypes,
        earliest: a.dateEarliest,
        latest: a.dateLatest,
        places: of('place'),
        actors: of('actor'),
        targets: of('target'),
        ...Object.fromEntries(Object.entries(more).filter(([, list]) => list.length)),
        ...(a.killed !== undefined ? { killed: a.killed } : {}),
        ...(a.injured !== undefined ? { injured: a.injured } : {}),
      });
    });
    return out.sort((x, y) => (x.earliest ?? '9999').localeCompare(y.earliest ?? '9999') || x.label.localeCompare(y.label));
  }

  /** Runs a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) with the ontology's prefixes declared; updates are refused. */
  sparql(query: string): SparqlResult {
    const text = withPrefixes(query);
    let result: ReturnType<oxigraph.Store['query']>;
    const store = this.storeFor(text);
    try {
      result = store.query(text, { use_default_graph_as_union: true });
    } catch (err) {
      throw new QueryError(`the query does not parse or cannot run: ${userPosition((err as Error).message.split('\n')[0])}`);
    }
    if (typeof result === 'boolean') return { type: 'ask', boolean: result };
    if (Array.isArray(result) && (result.length === 0 ? queryForm(query) === 'select' : result[0] instanceof Map)) {
      const rows = result as Map<string, oxigraph.Term>[];
      const variables = selectVariables(text, rows);
      return { type: 'select', variables, bindings: rows.map((row) => Object.fromEntries([...row].map(([k, v]) => [k, termValue(v)]))) };
    }
    const quads = result as oxigraph.Quad[];
    const triples = new oxigraph.Store(quads);
    return { type: 'graph', turtle: triples.dump({ format: 'text/turtle', from_graph_name: oxigraph.defaultGraph() }), triples: quads.length };
  }

  /** A query's result in a standard format: SPARQL results JSON/XML/CSV/TSV, or Turtle/N-Triples for graphs. */
  serialise(query: string, mediaType: string): string {
    const text = withPrefixes(query);
    const store = this.storeFor(text);
    try {
      const out = store.query(text, { use_default_graph_as_union: true, results_format: mediaType });
      return typeof out === 'string' ? out : String(out);
    } catch (err) {
      throw new QueryError(`the query does not parse or cannot run: ${userPosition((err as Error).message.split('\n')[0])}`);
    }
  }

  /** A store holding what this query can match: on a big build, far less than everything. */
  private storeFor(query: string): oxigraph.Store {
    return this.rdf.isComplete ? this.rdf.store : this.rdf.for(predicatesOf(query));
  }

  toTurtle(): string {
    return this.store.dump({ format: 'text/turtle', from_graph_name: oxigraph.defaultGraph() }) + this.namedGraphsAsTurtle();
  }

  toTriG(): string {
    return this.store.dump({ format: 'application/trig' });
  }

  private namedGraphsAsTurtle(): string {
    // Turtle holds one graph: the union of the named graphs follows the default graph's triples.
    const union = new oxigraph.Store(this.store.match(null, null, null, null).filter((q) => q.graph.termType !== 'DefaultGraph').map((q) => oxigraph.quad(q.subject, q.predicate, q.object, oxigraph.defaultGraph())));
    return union.size ? `\n${union.dump({ format: 'text/turtle', from_graph_name: oxigraph.defaultGraph() })}` : '';
  }
}

/** Error positions as the user wrote the query, without the prefix lines added in front. */
export const userPosition = (message: string) => message.replace(/at (\d+):(\d+)/, (_m, line: string, col: string) => `at line ${Math.max(1, Number(line) - QUERY_PREFIXES.split('\n').length)}, column ${col}`);

const PREDECLARED = new Set(Object.keys(PREFIXES));

/** The query with the ontology's prefixes declared in front; updates and unknown prefixes refused with a plain message. */
export function withPrefixes(query: string): string {
  const form = queryForm(query);
  if (form === 'update') throw new QueryError('updates are refused: this graph is read-only');
  const declared = new Set([...PREDECLARED, ...declaredPrefixes(query)]);
  const unknown = usedPrefixes(query).filter((p) => !declared.has(p));
  // (The engine would name every character it expected instead.)
  if (unknown.length) throw new QueryError(`unknown prefix ${unknown.map((p) => `"${p}:"`).join(', ')}: declare it with PREFIX, or use one of ${[...PREDECLARED].map((p) => `${p}:`).join(' ')}`);
  return `${QUERY_PREFIXES}\n${query}`;
}

/** The projected variables in query order, or in first-seen order for SELECT *. */
function selectVariables(query: string, rows: Map<string, unknown>[]): string[] {
  const listed = projectedVariables(query);
  if (listed) return listed;
  const seen: string[] = [];
  for (const row of rows) for (const k of row.keys()) if (!seen.includes(k)) seen.push(k);
  return seen;
}

/**
 * A literal as query results give it: the datatype only when not xsd:string, and numbers,
 * booleans (lexical "true" or "1") and dates also as JS values. Local and remote results share it.
 */
export function literalValue(value: string, datatype = `${PREFIXES.xsd}string`, language?: string): TermValue {
  const out: TermValue = { type: 'literal', value };
  if (language) out.language = language;
  else if (datatype !== `${PREFIXES.xsd}string`) out.datatype = datatype;
  if (/#(integer|decimal|double|float|int|long)$/.test(datatype)) out.native = Number(value);
  else if (datatype.endsWith('#boolean')) out.native = value === 'true' || value === '1';
  else if (datatype.endsWith('#date')) out.native = value;
  return out;
}

function termValue(t: oxigraph.Term): TermValue {
  if (t.termType === 'NamedNode') return { type: 'uri', value: t.value };
  if (t.termType === 'BlankNode') return { type: 'bnode', value: t.value };
  if (t.termType === 'Literal') return literalValue(t.value, t.datatype.value, t.language || undefined);
  return { type: 'literal', value: String((t as { value?: string }).value ?? '') };
}

/** The ontology's entity classes (its local names) and the event classes. */
const ENTITY_CLASSES = new Set(Object.keys(CATEGORY_OF));
const isEventClass = (name: string) => name === 'Event' || EVENT_TYPE_OF_CLASS.has(name);

/** A graphology graph read back from the RDF, for stores loaded without graph.json. */
function graphFromStore(store: oxigraph.Store): EntityGraph {
  const graph = new MultiDirectedGraph() as EntityGraph;
  const q = (query: string) => store.query(withPrefixes(query), { use_default_graph_as_union: true }) as Map<string, oxigraph.Term>[];
  for (const row of q('SELECT ?e ?label ?type WHERE { ?e skos:prefLabel ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(nkg:))) }')) {
    const iri = row.get('e')!.value;
    const name = localName(row.get('type')!.value);
    if (!ENTITY_CLASSES.has(name) && !isEventClass(name)) continue;
    const cls: EntityClass = isEventClass(name) ? 'Event' : (name as EntityClass);
    if (!graph.hasNode(iri)) {
      const a: NodeAttributes = { label: row.get('label')!.value, class: cls, category: CATEGORY_OF[cls] ?? 'organization', aliases: [], handles: [], mentionCount: 0, articles: 0, x: 0, y: 0, size: 3 };
      graph.addNode(iri, a);
    }
    const a = graph.getNodeAttributes(iri);
    const eventType = EVENT_TYPE_OF_CLASS.get(name);
    if (eventType) graph.mergeNodeAttributes(iri, { class: 'Event', category: 'event', eventTypes: [...(a.eventTypes ?? []), eventType] });
    // The most specific class wins: nkg:Country over nkg:Place, nkg:Court over nkg:GovernmentOrganization.
    else if (!isEventClass(name) && classLineage(cls).length > classLineage(a.class).length) graph.mergeNodeAttributes(iri, { class: cls, category: CATEGORY_OF[cls]! });
  }
  const nodeOf = (row: Map<string, oxigraph.Term>) => (graph.hasNode(row.get('e')!.value) ? row.get('e')!.value : undefined);
  for (const row of q('SELECT ?e ?from ?to WHERE { ?e sem:hasEarliestBeginTimeStamp ?from ; sem:hasLatestEndTimeStamp ?to }')) {
    const e = nodeOf(row);
    if (e && !graph.getNodeAttribute(e, 'dateEarliest')) graph.mergeNodeAttributes(e, { dateEarliest: row.get('from')!.value, dateLatest: row.get('to')!.value });
  }
  for (const row of q('SELECT ?e (MAX(?n) AS ?killed) WHERE { ?e nkg:deathCount ?n } GROUP BY ?e')) {
    const e = nodeOf(row);
    if (e) graph.setNodeAttribute(e, 'killed', Number(row.get('killed')!.value));
  }
  for (const row of q('SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }')) {
    const e = nodeOf(row);
    if (e) graph.updateNodeAttribute(e, 'aliases', (l) => [...(l ?? []), row.get('alias')!.value]);
  }
  for (const row of q('SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m nkg:refersTo ?e } GROUP BY ?e')) {
    const e = nodeOf(row);
    if (e) graph.setNodeAttribute(e, 'mentionCount', Number(row.get('n')!.value));
  }
  for (const row of q('SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(nkg:)) || STRSTARTS(STR(?p), STR(sem:))) FILTER(isIRI(?o)) }')) {
    const [s, p, o] = ['s', 'p', 'o'].map((k) => row.get(k)!.value);
    const predicate = localName(p);
    const family = EDGE_FAMILY_OF_PREDICATE.get(predicate);
    if (!graph.hasNode(s) || !graph.hasNode(o) || !family) continue;
    graph.addEdge(s, o, { predicate, family, weak: false, confidence: 0.5, evidenceCount: 0, evidence: [] });
  }
  return graph;
}
