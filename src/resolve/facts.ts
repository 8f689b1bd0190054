/**
 * An article's facts onto its entities: relation participants become entity IRIs, events get
 * IRIs of their own, and every fact keeps its evidence (sentence, offsets, confidence, rule).
 *
 * Event IRIs: a named event is its name's entity ("the Paris attacks"); an unnamed one with a
 * place and a date is minted from its kind, place and date, so that two articles reporting the
 * same attack in the same place on the same day (or month) give one node; any other event is
 * the article's own.
 */
import { VIOLENT } from '../extract/index.js';
import type { Article, ArticleEvidence, CountArgument, Doc, EventArgument, EventNode, EventType, Evidence, Facts, ResolvedArgument, ResolvedArticle, ResolvedEvent, ResolvedPost, ResolvedRelation, ResolvedSource } from '../types.js';

/** The key an unnamed event is minted from: its kind (acts of violence are one kind), place and date. */
function eventKey(eventType: EventType, place: string | undefined, time: { earliest: string; latest: string } | undefined): string | undefined {
  if (!place || !time) return undefined;
  const kind = VIOLENT.has(eventType) ? 'attack' : eventType;
  const date = time.earliest === time.latest ? time.earliest : time.earliest.slice(0, 7) === time.latest.slice(0, 7) ? time.earliest.slice(0, 7) : undefined;
  if (!date) return undefined;
  // The place's IRI ends in a slug already; shortened so the date always stays in the key.
  return `${kind}-${place.slice(place.lastIndexOf('/') + 1).slice(0, 60).replace(/-+$/, '')}-${date}`;
}

export function resolveFacts(article: Article, doc: Doc, facts: Facts, iriOfTyped: (string | undefined)[], labelOf: Map<string, string>, base: string): Pick<ResolvedArticle, 'relations' | 'events' | 'sources' | 'posts'> {
  const evidence = (e: Evidence): ArticleEvidence => {
    const s = doc.sentences[e.sentenceIndex];
    return { articleId: article.id, sentenceIndex: e.sentenceIndex, sentenceText: doc.text.slice(s.start, s.end), sentenceStart: s.start, sentenceEnd: s.end, start: e.start, end: e.end, confidence: e.confidence, rule: e.rule, ...(e.factuality ? { factuality: e.factuality } : {}) };
  };
  const args = (list: EventArgument[]): ResolvedArgument[] => {
    const out: ResolvedArgument[] = [];
    for (const a of list) {
      const iri = iriOfTyped[a.mention];
      if (iri && !out.some((o) => o.iri === iri)) out.push({ iri, evidence: evidence(a) });
    }
    return out;
  };

  const events: ResolvedEvent[] = facts.events.map((e, i) => {
    const places = args(e.places);
    const times = e.times.map((t) => ({ earliest: t.earliest, latest: t.latest, text: t.text, evidence: evidence(t) }));
    const namedIri = e.nameMention !== undefined ? iriOfTyped[e.nameMention] : undefined;
    const key = eventKey(e.eventType, places[0]?.iri, times[0]);
    const iri = namedIri ?? (key ? `${base}event/${key}` : `${base}event/${article.id}-${i + 1}`);
    const place = places[0] ? labelOf.get(places[0].iri) : undefined;
    const when = times[0] ? (times[0].earliest === times[0].latest ? times[0].earliest : `${times[0].earliest} – ${times[0].latest}`) : undefined;
    const label = (namedIri && labelOf.get(namedIri)) || `${e.eventType}${place ? ` in ${place}` : ''}${when ? `, ${when}` : ''}`;
    const count = (c: CountArgument) => ({ value: c.value, atLeast: c.atLeast, evidence: evidence(c) });
    return {
      iri,
      ...(namedIri && key ? { sameAs: `${base}event/${key}` } : {}),
      eventType: e.eventType,
      label,
      isNamed: namedIri !== undefined,
      mentions: e.mentions,
      places,
      actors: args(e.actors),
      targets: args(e.targets),
      times,
      killed: e.killed.map(count),
      injured: e.injured.map(count),
    };
  });

  const relations: ResolvedRelation[] = [];
  for (const r of facts.relations) {
    const subject = r.subjectMention !== undefined ? iriOfTyped[r.subjectMention] : r.subjectEvent !== undefined ? events[r.subjectEvent]?.iri : undefined;
    const object = r.objectMention !== undefined ? iriOfTyped[r.objectMention] : r.objectEvent !== undefined ? events[r.objectEvent]?.iri : undefined;
    // A fact between an entity and itself says nothing.
    if (!subject || !object || subject === object) continue;
    relations.push({ family: r.family, subject, object, ...(r.role ? { role: r.role } : {}), evidence: evidence(r) });
  }

  const sources: ResolvedSource[] = [];
  for (const c of facts.sources) {
    const iri = iriOfTyped[c.mention];
    if (iri) sources.push({ iri, evidence: evidence(c) });
  }

  const posts: ResolvedPost[] = facts.posts.map(({ post, authorMention: author, mentionIndices, eventIndices }) => ({
    iri: `${base}post/${article.id}-${post.blockStart}`,
    text: post.text,
    start: post.start,
    end: post.end,
    authorName: post.author,
    ...(author !== undefined && iriOfTyped[author] ? { author: iriOfTyped[author] } : {}),
    handle: post.handle,
    ...(post.date ? { date: post.date } : {}),
    mentions: [...new Set(mentionIndices.flatMap((m) => (iriOfTyped[m] && m !== author ? [iriOfTyped[m]!] : [])))],
    events: [...new Set(eventIndices.map((e) => events[e].iri))],
    hashtags: post.hashtags,
    links: post.links,
  }));
  return { relations, events, sources, posts };
}

/**
 * The events of a build, one per IRI. An unnamed report whose key IRI a named event also has
 * ("attacks in Paris" in one article, "the Paris attacks" in another, same place and date) is
 * that named event: such reports are renamed, in new ResolvedArticle values.
 */
export function unifyEvents(resolved: ResolvedArticle[]): ResolvedArticle[] {
  const named = new Map<string, string>();
  for (const r of resolved) for (const e of r.events) if (e.sameAs) named.set(e.sameAs, e.iri);
  if (named.size === 0) return resolved;
  const rename = (iri: string) => named.get(iri) ?? iri;
  return resolved.map((r) => ({
    ...r,
    events: r.events.map((e) => ({ ...e, iri: rename(e.iri) })),
    relations: r.relations.map((rel) => ({ ...rel, subject: rename(rel.subject), object: rename(rel.object) })),
    posts: r.posts.map((p) => ({ ...p, events: [...new Set(p.events.map(rename))] })),
  }));
}

export function mergeEvents(resolved: ResolvedArticle[]): EventNode[] {
  const byIri = new Map<string, EventNode>();
  for (const r of resolved) {
    for (const e of r.events) {
      let node = byIri.get(e.iri);
      if (!node) byIri.set(e.iri, (node = { iri: e.iri, eventTypes: [], label: e.label, isNamed: e.isNamed, sameAs: [], articles: [], mentionCount: 0 }));
      if (!node.eventTypes.includes(e.eventType)) node.eventTypes.push(e.eventType);
      if (e.sameAs && !node.sameAs.includes(e.sameAs)) node.sameAs.push(e.sameAs);
      if (!node.articles.includes(r.article.id)) node.articles.push(r.article.id);
      node.mentionCount += e.mentions.length;
    }
  }
  return [...byIri.values()].sort((a, b) => a.iri.localeCompare(b.iri));
}
