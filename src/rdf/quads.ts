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
import { DataFactory, type Literal, type Quad, type Quad_Graph, type Quad_Object, type Quad_Subject } from 'n3';
import type { FineType } from '../extract/index.js';
import { mergeEvents, type Entity, type EventNode, type Evidence, type ResolvedArticle } from '../resolve/index.js';
import { EVENT_CLASS, RELATION_PROPERTY, geo, geonames, nkg, owl, prov, rdf, rdfs, schema, sem, skos, xsd } from './vocab.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

const CLASSES: Record<FineType, string[]> = {
  Person: ['Person'],
  Organization: ['Organization'],
  GovernmentOrganization: ['Organization', 'GovernmentOrganization'],
  NewsMediaOrganization: ['Organization', 'NewsMediaOrganization'],
  ArmedGroup: ['Organization', 'ArmedGroup'],
  Company: ['Organization', 'Company'],
  Place: ['Place'],
  Country: ['Place', 'Country'],
  Region: ['Place', 'Region'],
  City: ['Place', 'City'],
  Event: ['Event'],
  Other: [],
};

export const articleIri = (base: string, id: string) => namedNode(`${base}article/${id}`);
const mentionIri = (base: string, articleId: string, start: number, end: number) => namedNode(`${base}mention/${articleId}/${start}-${end}`);
const hashOf = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);

/** Whether a string can serve as the base of minted IRIs (absolute, no characters IRIs forbid). */
export function isValidBase(base: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/i.test(base);
}

/**
 * The quads of a build. No triple occurs twice, in any graph or across graphs, so the union of
 * the graphs (Turtle, N-Triples) is the quads with their graphs dropped.
 */
export function buildQuads(resolved: ResolvedArticle[], entities: Entity[], base: string, events: EventNode[] = mergeEvents(resolved)): Quad[] {
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad_Object, g: Quad_Graph = defaultGraph()) => out.push(quad(s, p, o, g));
  // Facts several articles state go to the default graph once; their evidence stays per article.
  const direct = new Set<string>();
  const addOnce = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad_Object) => {
    const key = `${s.id} ${p.id} ${o.id}`;
    if (direct.has(key)) return;
    direct.add(key);
    add(s, p, o);
  };
  const ints = new Map<number, Literal>();
  const int = (n: number) => {
    let lit = ints.get(n);
    if (!lit) ints.set(n, (lit = literal(String(n), xsd('integer'))));
    return lit;
  };
  const dec = (n: number) => literal(String(n), xsd('decimal'));

  for (const e of entities) {
    const s = namedNode(e.iri);
    for (const c of CLASSES[e.fine]) add(s, rdf('type'), nkg(c));
    add(s, rdfs('label'), literal(e.label));
    add(s, skos('prefLabel'), literal(e.label, 'en'));
    for (const a of e.aliases) add(s, skos('altLabel'), literal(a, 'en'));
    for (const h of e.handles) add(s, nkg('handle'), literal(h));
    if (e.countryCode) add(s, nkg('countryCode'), literal(e.countryCode));
    if (e.country) add(s, nkg('country'), namedNode(e.country));
    if (e.containedIn) add(s, nkg('containedInPlace'), namedNode(e.containedIn));
    if (e.geonamesId !== undefined) add(s, owl('sameAs'), geonames(e.geonamesId));
    if (e.lat !== undefined && e.lon !== undefined) {
      add(s, geo('lat'), dec(e.lat));
      add(s, geo('long'), dec(e.lon));
    }
    for (const articleId of new Set(e.mentions.map((m) => m.articleId))) add(s, prov('wasDerivedFrom'), articleIri(base, articleId));
  }

  // Events: a named one is an entity already and gains its kind; an unnamed one is described here.
  for (const ev of events) {
    const s = namedNode(ev.iri);
    if (!ev.named) {
      addOnce(s, rdf('type'), nkg('Event'));
      add(s, rdfs('label'), literal(ev.label));
      add(s, skos('prefLabel'), literal(ev.label, 'en'));
      for (const articleId of ev.articles) add(s, prov('wasDerivedFrom'), articleIri(base, articleId));
    }
    for (const type of ev.types) addOnce(s, rdf('type'), nkg(EVENT_CLASS[type]));
    for (const other of ev.sameAs) addOnce(s, owl('sameAs'), namedNode(other));
  }

  for (const r of resolved) {
    const a = r.article;
    const art = articleIri(base, a.id);
    const g = art;
    add(art, rdf('type'), schema('NewsArticle'), g);
    if (a.title) add(art, schema('headline'), literal(a.title), g);
    if (a.published) {
      add(art, schema('datePublished'), literal(a.published, xsd(a.published.length === 10 ? 'date' : 'dateTime')), g);
      if (a.publishedInferred) add(art, nkg('datePublishedInferred'), literal('true', xsd('boolean')), g);
    }
    if (a.url) add(art, schema('url'), literal(a.url, xsd('anyURI')), g);
    if (a.source) add(art, nkg('sourceName'), literal(a.source), g);
    const spans = new Set<string>();
    const references = new Set<string>();
    /** A span of the article naming `iri`: a span that names two things is one mention referring to both. */
    const mention = (iri: string, m: { start: number; end: number; text: string; sentence: number }, confidence: number) => {
      const mi = mentionIri(base, a.id, m.start, m.end);
      if (references.has(`${mi.value} ${iri}`)) return;
      references.add(`${mi.value} ${iri}`);
      add(mi, nkg('refersTo'), namedNode(iri), g);
      if (spans.has(mi.value)) return;
      spans.add(mi.value);
      add(mi, rdf('type'), nkg('Mention'), g);
      add(mi, nkg('inArticle'), art, g);
      add(mi, nkg('anchorOf'), literal(m.text), g);
      add(mi, nkg('beginIndex'), int(m.start), g);
      add(mi, nkg('endIndex'), int(m.end), g);
      add(mi, nkg('sentenceIndex'), int(m.sentence), g);
      add(mi, nkg('confidence'), dec(Math.round(confidence * 1000) / 1000), g);
    };
    for (const e of r.entities) for (const m of e.mentions) mention(e.iri, m, m.confidence);
    const sentences = new Map<number, Literal>();
    const sentenceLiteral = (index: number, text: string) => {
      let lit = sentences.get(index);
      if (!lit) sentences.set(index, (lit = literal(text)));
      return lit;
    };
    const statements = new Set<string>();
    /** A fact's statement node with its evidence, in the article's graph; once per fact and sentence. */
    const statement = (s: string, p: ReturnType<typeof namedNode>, o: Quad_Object, ev: Evidence, extra?: (st: ReturnType<typeof namedNode>) => void) => {
      const st = namedNode(`${base}statement/${hashOf(s, p.value, o.id, a.id, ev.sentence)}`);
      if (statements.has(st.value)) return;
      statements.add(st.value);
      add(st, rdf('type'), nkg('Statement'), g);
      add(st, rdf('subject'), namedNode(s), g);
      add(st, rdf('predicate'), p, g);
      add(st, rdf('object'), o, g);
      add(st, nkg('inArticle'), art, g);
      add(st, nkg('evidenceText'), sentenceLiteral(ev.sentence, ev.sentenceText), g);
      add(st, nkg('beginIndex'), int(ev.sentenceStart), g);
      add(st, nkg('endIndex'), int(ev.sentenceEnd), g);
      if (ev.end > ev.start) {
        add(st, nkg('factBeginIndex'), int(ev.start), g);
        add(st, nkg('factEndIndex'), int(ev.end), g);
      }
      add(st, nkg('confidence'), dec(Math.round(ev.confidence * 1000) / 1000), g);
      add(st, nkg('extractedBy'), literal(ev.rule), g);
      add(st, prov('wasDerivedFrom'), art, g);
      extra?.(st);
    };
    /** A fact between two resources: the direct triple (once per build) and its statement. */
    const fact = (s: string, p: ReturnType<typeof namedNode>, o: string, ev: Evidence, extra?: (st: ReturnType<typeof namedNode>) => void) => {
      addOnce(namedNode(s), p, namedNode(o));
      statement(s, p, namedNode(o), ev, extra);
    };

    // Relations read from constructions.
    for (const rel of r.relations) fact(rel.subject, nkg(RELATION_PROPERTY[rel.family]), rel.object, rel.evidence, rel.role ? (st) => add(st, nkg('role'), literal(rel.role!), g) : undefined);

    // Events: their mentions, arguments and counts, each with evidence.
    for (const ev of r.events) {
      // A named event's name is already its mention.
      for (const m of ev.mentions) mention(ev.iri, m, 0.6);
      for (const p of ev.places) fact(ev.iri, sem('hasPlace'), p.iri, p.evidence);
      for (const p of ev.actors) fact(ev.iri, sem('hasActor'), p.iri, p.evidence);
      for (const p of ev.targets) fact(ev.iri, nkg('hasTarget'), p.iri, p.evidence);
      for (const t of ev.times) {
        const begin = literal(t.earliest, xsd('date'));
        const end = literal(t.latest, xsd('date'));
        addOnce(namedNode(ev.iri), sem('hasEarliestBeginTimeStamp'), begin);
        addOnce(namedNode(ev.iri), sem('hasLatestEndTimeStamp'), end);
        statement(ev.iri, sem('hasEarliestBeginTimeStamp'), begin, t.evidence, (st) => add(st, nkg('timeExpression'), literal(t.text), g));
        statement(ev.iri, sem('hasLatestEndTimeStamp'), end, t.evidence, (st) => add(st, nkg('timeExpression'), literal(t.text), g));
      }
      for (const [counts, property] of [[ev.killed, 'deathCount'], [ev.injured, 'injuryCount']] as const) {
        for (const c of counts) {
          addOnce(namedNode(ev.iri), nkg(property), int(c.value));
          statement(ev.iri, nkg(property), int(c.value), c.evidence, c.atLeast ? (st) => add(st, nkg('lowerBound'), literal('true', xsd('boolean')), g) : undefined);
        }
      }
    }

    // Sources the article cites.
    const cited = new Set<string>();
    for (const src of r.sources) {
      if (!cited.has(src.iri)) add(art, nkg('citesSource'), namedNode(src.iri), g);
      cited.add(src.iri);
      statement(art.value, nkg('citesSource'), namedNode(src.iri), src.evidence);
    }

    // Social-media posts embedded in the article.
    for (const post of r.posts) {
      const p = namedNode(post.iri);
      add(p, rdf('type'), nkg('SocialMediaPosting'), g);
      add(p, schema('isPartOf'), art, g);
      add(p, schema('text'), literal(post.text), g);
      add(p, nkg('beginIndex'), int(post.start), g);
      add(p, nkg('endIndex'), int(post.end), g);
      add(p, nkg('authorName'), literal(post.authorName), g);
      add(p, nkg('handle'), literal(post.handle), g);
      if (post.author) add(p, schema('author'), namedNode(post.author), g);
      if (post.date) add(p, schema('datePublished'), literal(post.date, xsd('date')), g);
      for (const m of [...post.mentions, ...post.events]) add(p, schema('mentions'), namedNode(m), g);
      for (const h of post.hashtags) add(p, nkg('hashtag'), literal(h), g);
    }

    // Co-mentions: the weak relation (same sentence, nothing said of how they relate), with evidence.
    for (const c of r.coMentions) {
      const ev: Evidence = { articleId: a.id, sentence: c.sentence, sentenceText: c.sentenceText, sentenceStart: c.start, sentenceEnd: c.end, start: c.start, end: c.start, confidence: 0.2, rule: 'co-mention-in-sentence' };
      fact(c.a, nkg('coMentionedWith'), c.b, ev);
    }
  }
  return out;
}
