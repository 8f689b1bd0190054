/**
 * Resolved articles and entities → RDF quads. Entity descriptions go to the default graph; each
 * article's description, mentions and statements go to a named graph of their own (the
 * article's IRI), so TriG keeps provenance and Turtle is their union.
 *
 * Nothing here depends on which other articles are in the build (no counts over the build), so
 * the outputs of separate builds merge by plain union into what one build of all would give.
 *
 * Text from articles only ever becomes literals; IRIs are minted from hashes, hex ids and
 * [a-z0-9-] slugs, and an article's own URL is kept as an xsd:anyURI literal.
 */
import { createHash } from 'node:crypto';
import { DataFactory, type Literal, type NamedNode, type Quad, type Quad_Graph, type Quad_Object, type Quad_Subject } from 'n3';
import { EVENT_CATEGORY_OF, EVENT_ROLES, EVENT_ROLE_FIELDS, type ArticleEvidence, type Entity, type EventMention, type EventNode, type MentionRef, type ResolvedArticle } from '../types.js';
import { mergeEvents } from '../resolve/index.js';
import { ENTITY_CLASS_TERMS, EVENT_CATEGORY_CLASS, EVENT_CLASS, EVENT_ROLE_PROPERTY, GEO, NKG, OWL, PROV, RDF, RDFS, RELATION_PROPERTY, SCHEMA, SEM, SKOS, XSD, geonames } from './vocab.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

export const articleIri = (base: string, id: string) => namedNode(`${base}article/${id}`);
const mentionIri = (base: string, articleId: string, start: number, end: number) => namedNode(`${base}mention/${articleId}/${start}-${end}`);
const hashOf = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);

/** Whether a string can serve as the base of minted IRIs (absolute, no characters IRIs forbid). */
export function isValidBase(base: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/i.test(base);
}

/** The quads of a build as they are written, and the helpers every part of it shares. */
class QuadWriter {
  readonly out: Quad[] = [];
  /** Facts several articles state go to the default graph once; their evidence stays per article. */
  private readonly direct = new Set<string>();
  private readonly ints = new Map<number, Literal>();

  add(s: Quad_Subject, p: NamedNode, o: Quad_Object, g: Quad_Graph = defaultGraph()): void {
    this.out.push(quad(s, p, o, g));
  }

  addOnce(s: Quad_Subject, p: NamedNode, o: Quad_Object): void {
    const key = `${s.id} ${p.id} ${o.id}`;
    if (this.direct.has(key)) return;
    this.direct.add(key);
    this.add(s, p, o);
  }

  int(n: number): Literal {
    let lit = this.ints.get(n);
    if (!lit) this.ints.set(n, (lit = literal(String(n), XSD.integer)));
    return lit;
  }

  dec(n: number): Literal {
    return literal(String(n), XSD.decimal);
  }
}

/**
 * The quads of a build. No triple occurs twice, in any graph or across graphs, so the union of
 * the graphs (Turtle, N-Triples) is the quads with their graphs dropped.
 */
export function buildQuads(resolved: ResolvedArticle[], entities: Entity[], base: string, events: EventNode[] = mergeEvents(resolved)): Quad[] {
  const w = new QuadWriter();
  for (const e of entities) writeEntity(w, e, base);
  for (const ev of events) writeEventNode(w, ev, base);
  for (const r of resolved) new ArticleGraph(w, r, base).write();
  return w.out;
}

function writeEntity(w: QuadWriter, e: Entity, base: string): void {
  const s = namedNode(e.iri);
  for (const c of ENTITY_CLASS_TERMS[e.class]) w.add(s, RDF.type, c);
  w.add(s, RDFS.label, literal(e.label));
  w.add(s, SKOS.prefLabel, literal(e.label, 'en'));
  for (const a of e.aliases) w.add(s, SKOS.altLabel, literal(a, 'en'));
  for (const h of e.handles) w.add(s, NKG.handle, literal(h));
  if (e.countryCode) w.add(s, NKG.countryCode, literal(e.countryCode));
  if (e.country) w.add(s, NKG.country, namedNode(e.country));
  if (e.containedIn) w.add(s, NKG.containedInPlace, namedNode(e.containedIn));
  if (e.geonamesId !== undefined) w.add(s, OWL.sameAs, geonames(e.geonamesId));
  if (e.lat !== undefined && e.lon !== undefined) {
    w.add(s, GEO.lat, w.dec(e.lat));
    w.add(s, GEO.long, w.dec(e.lon));
  }
  for (const articleId of new Set(e.mentions.map((m) => m.articleId))) w.add(s, PROV.wasDerivedFrom, articleIri(base, articleId));
}

/** An event: a named one is an entity already and gains its types; an unnamed one is described here. */
function writeEventNode(w: QuadWriter, ev: EventNode, base: string): void {
  const s = namedNode(ev.iri);
  if (!ev.isNamed) {
    w.addOnce(s, RDF.type, NKG.Event);
    w.add(s, RDFS.label, literal(ev.label));
    w.add(s, SKOS.prefLabel, literal(ev.label, 'en'));
    for (const articleId of ev.articles) w.add(s, PROV.wasDerivedFrom, articleIri(base, articleId));
  }
  for (const eventType of ev.eventTypes) {
    w.addOnce(s, RDF.type, EVENT_CLASS[eventType]);
    // The ACE type above the subtype, so that a query for every justice event needs no reasoner.
    const category = EVENT_CATEGORY_OF[eventType];
    if (category) w.addOnce(s, RDF.type, EVENT_CATEGORY_CLASS[category]);
  }
  for (const other of ev.sameAs) w.addOnce(s, OWL.sameAs, namedNode(other));
}

/** One article's named graph: its description, mentions, facts with their statements, sources and posts. */
class ArticleGraph {
  private readonly art: NamedNode;
  private readonly spans = new Set<string>();
  private readonly references = new Set<string>();
  private readonly statements = new Set<string>();
  private readonly sentences = new Map<number, Literal>();

  constructor(
    private readonly w: QuadWriter,
    private readonly r: ResolvedArticle,
    private readonly base: string,
  ) {
    this.art = articleIri(base, r.article.id);
  }

  private add(s: Quad_Subject, p: NamedNode, o: Quad_Object): void {
    this.w.add(s, p, o, this.art);
  }

  write(): void {
    this.describeArticle();
    for (const e of this.r.entities) for (const m of e.mentions) this.mention(e.iri, m, m.confidence);
    for (const rel of this.r.relations) this.fact(rel.subject, RELATION_PROPERTY[rel.family], rel.object, rel.evidence, rel.role ? (st) => this.add(st, NKG.role, literal(rel.role!)) : undefined);
    this.writeEvents();
    this.writeSources();
    this.writePosts();
    // Co-mentions: the weak relation (same sentence, nothing said of how they relate), with evidence.
    for (const c of this.r.coMentions) {
      const ev: ArticleEvidence = { articleId: c.articleId, sentenceIndex: c.sentenceIndex, sentenceText: c.sentenceText, sentenceStart: c.start, sentenceEnd: c.end, start: c.start, end: c.start, confidence: 0.2, rule: 'co-mention-in-sentence' };
      this.fact(c.a, NKG.coMentionedWith, c.b, ev);
    }
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
  }

  /** A span of the article naming `iri`: a span that names two things is one mention referring to both. */
  private mention(iri: string, m: Pick<EventMention, 'start' | 'end' | 'text' | 'sentenceIndex'> & Pick<MentionRef, 'coref'>, confidence: number): void {
    const mi = mentionIri(this.base, this.r.article.id, m.start, m.end);
    if (this.references.has(`${mi.value} ${iri}`)) return;
    this.references.add(`${mi.value} ${iri}`);
    this.add(mi, NKG.refersTo, namedNode(iri));
    if (this.spans.has(mi.value)) return;
    this.spans.add(mi.value);
    this.add(mi, RDF.type, NKG.Mention);
    this.add(mi, NKG.inArticle, this.art);
    this.add(mi, NKG.anchorOf, literal(m.text));
    this.add(mi, NKG.beginIndex, this.w.int(m.start));
    this.add(mi, NKG.endIndex, this.w.int(m.end));
    this.add(mi, NKG.sentenceIndex, this.w.int(m.sentenceIndex));
    this.add(mi, NKG.confidence, this.w.dec(Math.round(confidence * 1000) / 1000));
    // How coreference joined it to the entity: the sieve, the earlier mention, and what kind of words refer.
    if (m.coref) {
      this.add(mi, NKG.linkedBy, literal(m.coref.sieve));
      this.add(mi, NKG.antecedent, mentionIri(this.base, this.r.article.id, m.coref.antecedentStart, m.coref.antecedentEnd));
      if (m.coref.referring) this.add(mi, NKG.mentionType, literal(m.coref.referring));
    }
  }

  private sentenceLiteral(index: number, text: string): Literal {
    let lit = this.sentences.get(index);
    if (!lit) this.sentences.set(index, (lit = literal(text)));
    return lit;
  }

  /** A fact's statement node with its evidence, in the article's graph; once per fact and sentence. */
  private statement(s: string, p: NamedNode, o: Quad_Object, ev: ArticleEvidence, extra?: (st: NamedNode) => void): void {
    const st = namedNode(`${this.base}statement/${hashOf(s, p.value, o.id, this.r.article.id, ev.sentenceIndex)}`);
    if (this.statements.has(st.value)) return;
    this.statements.add(st.value);
    this.add(st, RDF.type, NKG.Statement);
    this.add(st, RDF.subject, namedNode(s));
    this.add(st, RDF.predicate, p);
    this.add(st, RDF.object, o);
    this.add(st, NKG.inArticle, this.art);
    this.add(st, NKG.evidenceText, this.sentenceLiteral(ev.sentenceIndex, ev.sentenceText));
    this.add(st, NKG.beginIndex, this.w.int(ev.sentenceStart));
    this.add(st, NKG.endIndex, this.w.int(ev.sentenceEnd));
    if (ev.end > ev.start) {
      this.add(st, NKG.factBeginIndex, this.w.int(ev.start));
      this.add(st, NKG.factEndIndex, this.w.int(ev.end));
    }
    this.add(st, NKG.confidence, this.w.dec(Math.round(ev.confidence * 1000) / 1000));
    this.add(st, NKG.extractedBy, literal(ev.rule));
    if (ev.factuality) this.add(st, NKG.factuality, literal(ev.factuality));
    this.add(st, PROV.wasDerivedFrom, this.art);
    extra?.(st);
  }

  /** A fact between two resources: the direct triple (once per build) and its statement. */
  private fact(s: string, p: NamedNode, o: string, ev: ArticleEvidence, extra?: (st: NamedNode) => void): void {
    // A question, a negation or a possibility is kept as what the article says, not as a fact.
    if (!ev.factuality) this.w.addOnce(namedNode(s), p, namedNode(o));
    this.statement(s, p, namedNode(o), ev, extra);
  }

  /** Events: their mentions, participants, times and counts, each with evidence. */
  private writeEvents(): void {
    for (const ev of this.r.events) {
      // A named event's name is already its mention.
      for (const m of ev.mentions) this.mention(ev.iri, m, 0.6);
      for (const role of EVENT_ROLES) for (const p of ev[EVENT_ROLE_FIELDS[role]]) this.fact(ev.iri, EVENT_ROLE_PROPERTY[role], p.iri, p.evidence);
      const s = namedNode(ev.iri);
      if (ev.predicate) this.w.addOnce(s, NKG.predicateLemma, literal(ev.predicate));
      // Kept and marked: a denied or planned event is described, and its roles are statements only.
      if (ev.factuality) this.w.addOnce(s, NKG.factuality, literal(ev.factuality));
      if (ev.reportedBy) this.fact(ev.iri, NKG.reportedBy, ev.reportedBy.iri, ev.reportedBy.evidence);
      for (const a of ev.amounts) this.statement(ev.iri, NKG.amount, literal(a.text), a.evidence);
      for (const t of ev.times) {
        const begin = literal(t.earliest, XSD.date);
        const end = literal(t.latest, XSD.date);
        this.w.addOnce(s, SEM.hasEarliestBeginTimeStamp, begin);
        this.w.addOnce(s, SEM.hasLatestEndTimeStamp, end);
        this.statement(ev.iri, SEM.hasEarliestBeginTimeStamp, begin, t.evidence, (st) => this.add(st, NKG.timeExpression, literal(t.text)));
        this.statement(ev.iri, SEM.hasLatestEndTimeStamp, end, t.evidence, (st) => this.add(st, NKG.timeExpression, literal(t.text)));
      }
      for (const [counts, property] of [[ev.killed, NKG.deathCount], [ev.injured, NKG.injuryCount]] as const) {
        for (const c of counts) {
          this.w.addOnce(s, property, this.w.int(c.value));
          this.statement(ev.iri, property, this.w.int(c.value), c.evidence, c.atLeast ? (st) => this.add(st, NKG.lowerBound, literal('true', XSD.boolean)) : undefined);
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
      this.add(p, NKG.beginIndex, this.w.int(post.start));
      this.add(p, NKG.endIndex, this.w.int(post.end));
      this.add(p, NKG.authorName, literal(post.authorName));
      this.add(p, NKG.handle, literal(post.handle));
      if (post.author) this.add(p, SCHEMA.author, namedNode(post.author));
      if (post.date) this.add(p, SCHEMA.datePublished, literal(post.date, XSD.date));
      for (const m of [...post.mentions, ...post.events]) this.add(p, SCHEMA.mentions, namedNode(m));
      for (const h of post.hashtags) this.add(p, NKG.hashtag, literal(h));
    }
  }
}
