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
import type { Entity, ResolvedArticle } from '../resolve/index.js';
import { geo, geonames, nkg, owl, prov, rdf, rdfs, schema, skos, xsd } from './vocab.js';

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
export function buildQuads(resolved: ResolvedArticle[], entities: Entity[], base: string): Quad[] {
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad_Object, g: Quad_Graph = defaultGraph()) => out.push(quad(s, p, o, g));
  const ints = new Map<number, Literal>();
  const int = (n: number) => {
    let lit = ints.get(n);
    if (!lit) ints.set(n, (lit = literal(String(n), xsd('integer'))));
    return lit;
  };
  const dec = (n: number) => literal(String(n), xsd('decimal'));
  // Direct co-mention triples live in the default graph, once however many sentences support them.
  const directTriples = new Set<string>();

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
    for (const e of r.entities) {
      for (const m of e.mentions) {
        const mi = mentionIri(base, a.id, m.start, m.end);
        add(mi, nkg('refersTo'), namedNode(e.iri), g);
        // A span that names two entities is one mention referring to both.
        if (spans.has(mi.value)) continue;
        spans.add(mi.value);
        add(mi, rdf('type'), nkg('Mention'), g);
        add(mi, nkg('inArticle'), art, g);
        add(mi, nkg('anchorOf'), literal(m.text), g);
        add(mi, nkg('beginIndex'), int(m.start), g);
        add(mi, nkg('endIndex'), int(m.end), g);
        add(mi, nkg('sentenceIndex'), int(m.sentence), g);
        add(mi, nkg('confidence'), dec(Math.round(m.confidence * 1000) / 1000), g);
      }
    }
    // Co-mentions: the weak relation of this stage, as a direct triple and a statement with evidence.
    const sentences = new Map<number, Literal>();
    for (const c of r.coMentions) {
      const st = namedNode(`${base}statement/${hashOf(c.a, 'coMentionedWith', c.b, a.id, c.sentence)}`);
      if (!directTriples.has(`${c.a} ${c.b}`)) {
        directTriples.add(`${c.a} ${c.b}`);
        add(namedNode(c.a), nkg('coMentionedWith'), namedNode(c.b));
      }
      let sentence = sentences.get(c.sentence);
      if (!sentence) sentences.set(c.sentence, (sentence = literal(c.sentenceText)));
      add(st, rdf('type'), nkg('Statement'), g);
      add(st, rdf('subject'), namedNode(c.a), g);
      add(st, rdf('predicate'), nkg('coMentionedWith'), g);
      add(st, rdf('object'), namedNode(c.b), g);
      add(st, nkg('inArticle'), art, g);
      add(st, nkg('evidenceText'), sentence, g);
      add(st, nkg('beginIndex'), int(c.start), g);
      add(st, nkg('endIndex'), int(c.end), g);
      add(st, nkg('confidence'), dec(0.2), g);
      add(st, nkg('extractedBy'), literal('co-mention-in-sentence'), g);
      add(st, prov('wasDerivedFrom'), art, g);
    }
  }
  return out;
}
