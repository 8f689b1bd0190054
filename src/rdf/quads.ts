/**
 * Resolved articles and entities → RDF quads. Entity descriptions go to the default graph; each
 * article's description, sentences, mentions and statements go to a named graph of their own (the
 * article's IRI), so TriG keeps provenance and Turtle is their union.
 *
 * Nothing here depends on which other articles are in the build (no counts over the build), so
 * the outputs of separate builds merge by plain union into what one build of all would give.
 *
 * Text from articles only ever becomes literals; IRIs are minted from hashes, hex ids and
 * [a-z0-9-] slugs, and an article's own URL is kept as an xsd:anyURI literal. */
import { createHash } from 'node:crypto';
import { DataFactory, type Literal, type NamedNode, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { EVENT_CATEGORY_OF, EVENT_ROLES, EVENT_ROLE_FIELDS, type ArticleEvidence, type EntityNode, type EventMention, type EventNode, type MentionRef, type ResolvedArticle } from '../types.js';
import { mergeEvents } from '../resolve/index.js';
import { ENTITY_CLASS_TERMS, EVENT_CATEGORY_CLASS, EVENT_CLASS, EVENT_ROLE_PROPERTY, GEO, NKG, OWL, PROV, RDF, RELATION_PROPERTY, SCHEMA, SEM, SKOS, XSD, geonames } from './vocab.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

export const articleIri = (base: string, id: string) => namedNode(`${base}article/${id}`);
// NIF's RFC 5147 style: the article's IRI with the span's offsets as its fragment, so a mention's
// article is the part of its IRI before '#'.
const mentionIri = (base: string, articleId: string, start: number, end: number) => namedNode(`${base}article/${articleId}#char=${start},${end}`);
const hashOf = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);

/** Whether a string can serve as the base of minted IRIs (absolute, no characters IRIs forbid). */
export function isValidBase(base: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/i.test(base);
}

/**
 * The RDF of a build, written an article at a time. `article` gives an article's named graph
 * and remembers the facts it states directly; `shared` gives the default graph at the end:
 * entities, events and those direct facts, each once. Nothing else is kept, so a build can
 * stream each article's quads to its files and forget them.
 */
export class RdfBuilder {
  private readonly direct: Quad[] = [];
  private readonly directKeys = new Set<string>();
  private readonly ints = new Map<number, Literal>();

  constructor(readonly base: string) {}

  /** The quads of one article's named graph. */
  article(r: ResolvedArticle): Quad[] {
    const out: Quad[] = [];
    new ArticleGraph(this, r, out).write();
    return out;
  }

  /** The default graph: the entities and events of the build, and every direct fact its articles stated. */
  shared(entities: readonly EntityNode[], events: readonly EventNode[]): Quad[] {
    const out: Quad[] = [];
    for (const e of entities) writeEntity(out, e, this.base);
    const typed = new Set<string>();
    for (const ev of events) writeEventNode(out, typed, ev, this.base);
    out.push(...this.direct);
    return out;
  }

  /** A direct fact, in the default graph, once however many articles state it. */
  addDirect(s: Quad_Subject, p: NamedNode, o: Quad_Object): void {
    const key = `${s.id} ${p.id} ${o.id}`;
    if (this.directKeys.has(key)) return;
    this.directKeys.add(key);
    this.direct.push(quad(s, p, o, defaultGraph()));
  }

  int(n: number): Literal {
    let lit = this.ints.get(n);
    if (!lit) this.ints.set(n, (lit = literal(String(n), XSD.integer)));
    return lit;
  }
}

const dec = (n: number): Literal => literal(String(n), XSD.decimal);

/**
 * The quads of a build (default graph first, then each article's graph). No triple occurs twice,
 * in any graph or across graphs, so the union of the graphs (Turtle, N-Triples) is the quads with
 * their graphs dropped.
 */
export function buildQuads(resolved: readonly ResolvedArticle[], entities: readonly EntityNode[], base: string, events: readonly EventNode[] = mergeEvents(resolved)): Quad[] {
  const rdf = new RdfBuilder(base);
  const perArticle = resolved.flatMap((r) => rdf.article(r));
  return [...rdf.shared(entities, events), ...perArticle];
}

function writeEntity(out: Quad[], e: EntityNode, base: string): void {
  const s = namedNode(e.iri);
  const add = (p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o));
  for (const c of ENTITY_CLASS_TERMS[e.class]) add(RDF.type, c);
  // skos:prefLabel is a sub-property of rdfs:label (SKOS, and the ontology says so): one label, not two.
  add(SKOS.prefLabel, literal(e.label, 'en'));
  for (const a of e.aliases) add(SKOS.altLabel, literal(a, 'en'));
  for (const h of e.handles) add(NKG.handle, literal(h));
  if (e.countryCode) add(NKG.countryCode, literal(e.countryCode));
  if (e.country) add(NKG.country, namedNode(e.country));
  if (e.containedIn) add(NKG.containedInPlace, namedNode(e.containedIn));
  if (e.geonamesId !== undefined) add(OWL.sameAs, geonames(e.geonamesId));
  if (e.lat !== undefined && e.lon !== undefined) {
    add(GEO.lat, dec(e.lat));
    add(GEO.long, dec(e.lon));
  }
  for (const articleId of e.articles) add(PROV.wasDerivedFrom, articleIri(base, articleId));
}

/** An event: a named one is an entity already and gains its types; an unnamed one is described here. */
function writeEventNode(out: Quad[], typed: Set<string>, ev: EventNode, base: string): void {
  const s = namedNode(ev.iri);
  const type = (c: NamedNode) => {
    const key = `${ev.iri} ${c.value}`;
    if (typed.has(key)) return;
    typed.add(key);
    out.push(quad(s, RDF.type, c));
  };
  if (!ev.isNamed) {
    type(NKG.Event);
    out.push(quad(s, SKOS.prefLabel, literal(ev.label, 'en')));
    for (const articleId of ev.articles) out.push(quad(s, PROV.wasDerivedFrom, articleIri(base, articleId)));
  }
  for (const eventType of ev.eventTypes) {
    type(EVENT_CLASS[eventType]);
    // The ACE type above the subtype, so that a query for every justice event needs no reasoner.
    const category = EVENT_CATEGORY_OF[eventType];
    if (category) type(EVENT_CATEGORY_CLASS[category]);
  }
  for (const other of ev.sameAs) out.push(quad(s, OWL.sameAs, namedNode(other)));
}

/**
 * One article's named graph: its description and text, the sentences its statements point to,
 * mentions, facts with their statements, sources and posts. A sentence's text is written once,
 * on its node; statements point to it. Co-mentions are not facts and stay out of the
 * RDF (graph.json counts them).
 */
class ArticleGraph {
  private readonly art: NamedNode;
  private readonly spans = new Set<string>();
  private readonly references = new Set<string>();
  private readonly statements = new Set<string>();
  private readonly sentenceNodes = new Map<number, NamedNode>();

  constructor(
    private readonly rdf: RdfBuilder,
    private readonly r: ResolvedArticle,
    private readonly out: Quad[],
  ) {
    this.art = articleIri(rdf.base, r.article.id);
  }

  private add(s: Quad_Subject, p: NamedNode, o: Quad_Object): void {
    this.out.push(quad(s, p, o, this.art));
  }

  write(): void {
    this.describeArticle();
    for (const e of this.r.entities) for (const m of e.mentions) this.mention(e.iri, m);
    for (const rel of this.r.relations) this.fact(rel.subject, RELATION_PROPERTY[rel.family], rel.object, rel.evidence, rel.role ? (st) => this.add(st, NKG.role, literal(rel.role!)) : undefined);
    this.writeEvents();
    this.writeSources();
    this.writePosts();
  }

  private describeArticle(): void {
    const a = this.r.article;
    const art = this.art;
    this.add(art, RDF.type, SCHEMA.NewsArticle);
    if (a.title) this.add(art, SCHEMA.headline, literal(a.title));
    if (a.published) {
      this.add(art, SCHEMA.datePublished, literal(a.published, a.published.length === 10 ? XSD.date : XSD.dateTime));
      if (a.publishedInferred) this.add(art, NKG.datePublishedInferred, literal('true', XSD.boolean));
    }
    if (a.url) this.add(art, SCHEMA.url, literal(a.url, XSD.anyURI));
    if (a.source) this.add(art, NKG.sourceName, literal(a.source));
    // The text once, so that every span's offsets (mentions, sentences, statements) can be read in the graph.
    if (a.text) this.add(art, SCHEMA.articleBody, literal(a.text));
  }

  /** The node of sentence `index`: its offsets and text, written the first time anything points to it. */
  private sentence(index: number): NamedNode {
    let node = this.sentenceNodes.get(index);
    if (node) return node;
    node = namedNode(`${this.rdf.base}sentence/${this.r.article.id}/${index}`);
    this.sentenceNodes.set(index, node);
    const { start, end } = this.r.sentences[index];
    this.add(node, NKG.inArticle, this.art);
    this.add(node, NKG.beginIndex, this.rdf.int(start));
    this.add(node, NKG.endIndex, this.rdf.int(end));
    this.add(node, NKG.anchorOf, literal(this.r.article.text.slice(start, end)));
    return node;
  }

  /**
   * A span of the article naming `iri`: its IRI is the article's with the offsets as fragment
   * (article/ARTICLE#char=START,END); it points to its entity, and to the coreference sieve that
   * joined it when not the name alone. Its text is in the article's schema:articleBody; only the
   * sentences that statements point to are nodes. A span that names two things is one mention
   * referring to both.
   */
  private mention(iri: string, m: Pick<EventMention, 'start' | 'end'> & Pick<MentionRef, 'coref'>): void {
    const mi = mentionIri(this.rdf.base, this.r.article.id, m.start, m.end);
    if (this.references.has(`${mi.value} ${iri}`)) return;
    this.references.add(`${mi.value} ${iri}`);
    this.add(mi, NKG.refersTo, namedNode(iri));
    if (this.spans.has(mi.value)) return;
    this.spans.add(mi.value);
    if (m.coref) this.add(mi, NKG.linkedBy, literal(m.coref.sieve));
  }

  /** A fact's statement node with its evidence (sentence, offsets, confidence, rule), in the article's graph; once per fact and sentence. */
  private statement(s: string, p: NamedNode, o: Quad_Object, ev: ArticleEvidence, extra?: (st: NamedNode) => void): void {
    const st = namedNode(`${this.rdf.base}statement/${hashOf(s, p.value, o.id, this.r.article.id, ev.sentenceIndex)}`);
    if (this.statements.has(st.value)) return;
    this.statements.add(st.value);
    this.add(st, RDF.type, NKG.Statement);
    this.add(st, RDF.subject, namedNode(s));
    this.add(st, RDF.predicate, p);
    this.add(st, RDF.object, o);
    this.add(st, NKG.sentence, this.sentence(ev.sentenceIndex));
    if (ev.end > ev.start) {
      this.add(st, NKG.beginIndex, this.rdf.int(ev.start));
      this.add(st, NKG.endIndex, this.rdf.int(ev.end));
    }
    this.add(st, NKG.confidence, dec(Math.round(ev.confidence * 1000) / 1000));
    this.add(st, NKG.extractedBy, literal(ev.rule));
    if (ev.factuality) this.add(st, NKG.factuality, literal(ev.factuality));
    extra?.(st);
  }

  /** A fact between two resources: the direct triple (once per build) and its statement. */
  private fact(s: string, p: NamedNode, o: string, ev: ArticleEvidence, extra?: (st: NamedNode) => void): void {
    // A question, a negation or a possibility is kept as what the article says, not as a fact.
    if (!ev.factuality) this.rdf.addDirect(namedNode(s), p, namedNode(o));
    this.statement(s, p, namedNode(o), ev, extra);
  }

  /** Events: their mentions, participants, times and counts, each with evidence. */
  private writeEvents(): void {
    for (const ev of this.r.events) {
      // A named event's name is already its mention.
      for (const m of ev.mentions) this.mention(ev.iri, m);
      for (const role of EVENT_ROLES) for (const p of ev[EVENT_ROLE_FIELDS[role]]) this.fact(ev.iri, EVENT_ROLE_PROPERTY[role], p.iri, p.evidence);
      const s = namedNode(ev.iri);
      if (ev.predicate) this.rdf.addDirect(s, NKG.predicateLemma, literal(ev.predicate));
      // Kept and marked: a denied or planned event is described, and its roles are statements only.
      if (ev.factuality) this.rdf.addDirect(s, NKG.factuality, literal(ev.factuality));
      if (ev.reportedBy) this.fact(ev.iri, NKG.reportedBy, ev.reportedBy.iri, ev.reportedBy.evidence);
      for (const a of ev.amounts) this.statement(ev.iri, NKG.amount, literal(a.text), a.evidence);
      for (const t of ev.times) {
        const begin = literal(t.earliest, XSD.date);
        const end = literal(t.latest, XSD.date);
        this.rdf.addDirect(s, SEM.hasEarliestBeginTimeStamp, begin);
        this.rdf.addDirect(s, SEM.hasLatestEndTimeStamp, end);
        this.statement(ev.iri, SEM.hasEarliestBeginTimeStamp, begin, t.evidence, (st) => this.add(st, NKG.timeExpression, literal(t.text)));
        this.statement(ev.iri, SEM.hasLatestEndTimeStamp, end, t.evidence, (st) => this.add(st, NKG.timeExpression, literal(t.text)));
      }
      for (const [counts, property] of [[ev.killed, NKG.deathCount], [ev.injured, NKG.injuryCount]] as const) {
        for (const c of counts) {
          this.rdf.addDirect(s, property, this.rdf.int(c.value));
          this.statement(ev.iri, property, this.rdf.int(c.value), c.evidence, c.atLeast ? (st) => this.add(st, NKG.lowerBound, literal('true', XSD.boolean)) : undefined);
        }
      }
    }
  }

  private writeSources(): void {
    const cited = new Set<string>();
    for (const src of this.r.sources) {
      if (!cited.has(src.iri)) this.add(this.art, NKG.citesSource, namedNode(src.iri));
      cited.add(src.iri);
      this.statement(this.art.value, NKG.citesSource, namedNode(src.iri), src.evidence);
    }
  }

  /** Social-media posts embedded in the article. */
  private writePosts(): void {
    for (const post of this.r.posts) {
      const p = namedNode(post.iri);
      this.add(p, RDF.type, NKG.SocialMediaPosting);
      this.add(p, SCHEMA.isPartOf, this.art);
      this.add(p, SCHEMA.text, literal(post.text));
      this.add(p, NKG.beginIndex, this.rdf.int(post.start));
      this.add(p, NKG.endIndex, this.rdf.int(post.end));
      this.add(p, NKG.authorName, literal(post.authorName));
      this.add(p, NKG.handle, literal(post.handle));
      if (post.author) this.add(p, SCHEMA.author, namedNode(post.author));
      if (post.date) this.add(p, SCHEMA.datePublished, literal(post.date, XSD.date));
      for (const m of [...post.mentions, ...post.events]) this.add(p, SCHEMA.mentions, namedNode(m));
      for (const h of post.hashtags) this.add(p, NKG.hashtag, literal(h));
    }
  }
}
