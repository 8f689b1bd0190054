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
import { byIri } from './iri.js';
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

/**
 * What an event is called: a clause says who did what to whom, as written ("Chelsea beat Arsenal");
 * a trigger-word event is its kind, place and date ("attack in Paris, 2015-11-13").
 */
function eventLabel(e: Facts['events'][number], labelOf: Map<string, string>, place: ResolvedArgument | undefined, time: { earliest: string; latest: string } | undefined, actor: ResolvedArgument | undefined, patient: ResolvedArgument | undefined): string {
  const name = (a: ResolvedArgument | undefined) => (a ? labelOf.get(a.iri) : undefined);
  const placeName = name(place);
  if (e.predicate !== undefined) {
    const trigger = e.mentions[0].text;
    // An event noun reads "acquisition of YouTube by Google", a clause "Google bought YouTube".
    const isNoun = !!patient && !!actor && e.nominal === true;
    // With no agent the patient leads: "Tomas Vrell born in Norway", "Frank Arnesen appointed".
    const words = isNoun ? [trigger, `of ${name(patient)}`, `by ${name(actor)}`] : actor ? [name(actor), trigger, name(patient)] : [name(patient), trigger];
    const text = words.filter((w): w is string => !!w).join(' ');
    return `${text}${placeName && (!patient || !actor) ? ` in ${placeName}` : ''}`;
  }
  const when = time ? (time.earliest === time.latest ? time.earliest : `${time.earliest} – ${time.latest}`) : undefined;
  return `${e.eventType}${placeName ? ` in ${placeName}` : ''}${when ? `, ${when}` : ''}`;
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
    // A clause event is its sentence's own: two clauses of one kind, place and day are not one event.
    const key = e.predicate === undefined ? eventKey(e.eventType, places[0]?.iri, times[0]) : undefined;
    const iri = namedIri ?? (key ? `${base}event/${key}` : `${base}event/${article.id}-${i + 1}`);
    const actors = args(e.actors);
    const targets = args(e.targets);
    const recipients = args(e.recipients);
    const count = (c: CountArgument) => ({ value: c.value, atLeast: c.atLeast, evidence: evidence(c) });
    const reportedBy = e.reportedBy ? args([e.reportedBy])[0] : undefined;
    return {
      iri,
      ...(namedIri && key ? { sameAs: `${base}event/${key}` } : {}),
      eventType: e.eventType,
      ...(e.predicate ? { predicate: e.predicate } : {}),
      label: (namedIri && labelOf.get(namedIri)) || eventLabel(e, labelOf, places[0], times[0], actors[0], targets[0] ?? recipients[0]),
      isNamed: namedIri !== undefined,
      mentions: e.mentions,
      places,
      actors,
      targets,
      recipients,
      destinations: args(e.destinations),
      origins: args(e.origins),
      topics: args(e.topics),
      times,
      killed: e.killed.map(count),
      injured: e.injured.map(count),
      amounts: e.amounts.map((a) => ({ text: a.text, evidence: evidence(a) })),
      ...(e.factuality ? { factuality: e.factuality } : {}),
      ...(reportedBy ? { reportedBy } : {}),
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
 * Named events by their key IRI, gathered over a build. An unnamed report whose key IRI a named
 * event also has ("attacks in Paris" in one article, "the Paris attacks" in another, same place
 * and date) is that named event: `rename` gives such a report the named event's IRI.
 */
export class NamedEvents {
  private readonly byKey = new Map<string, string>();

  add(r: ResolvedArticle): void {
    for (const e of r.events) if (e.sameAs) this.byKey.set(e.sameAs, e.iri);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The article with its events (and the relations and posts that name them) renamed, as a new value. */
  rename(r: ResolvedArticle): ResolvedArticle {
    if (this.byKey.size === 0) return r;
    const rename = (iri: string) => this.byKey.get(iri) ?? iri;
    return {
      ...r,
      events: r.events.map((e) => ({ ...e, iri: rename(e.iri) })),
      relations: r.relations.map((rel) => ({ ...rel, subject: rename(rel.subject), object: rename(rel.object) })),
      posts: r.posts.map((p) => ({ ...p, events: [...new Set(p.events.map(rename))] })),
    };
  }
}

/** The articles of a build with every report of a named event renamed to it (see NamedEvents). */
export function unifyEvents(resolved: ResolvedArticle[]): ResolvedArticle[] {
  const named = new NamedEvents();
  for (const r of resolved) named.add(r);
  return named.size === 0 ? resolved : resolved.map((r) => named.rename(r));
}

/** The events of a build, one node per IRI, merged as (renamed) articles arrive. */
export class EventIndex {
  private readonly byIri = new Map<string, EventNode>();

  add(r: ResolvedArticle): void {
    for (const e of r.events) {
      let node = this.byIri.get(e.iri);
      if (!node) this.byIri.set(e.iri, (node = { iri: e.iri, eventTypes: [], label: e.label, isNamed: e.isNamed, sameAs: [], articles: [], mentionCount: 0 }));
      if (!node.eventTypes.includes(e.eventType)) node.eventTypes.push(e.eventType);
      if (e.sameAs && !node.sameAs.includes(e.sameAs)) node.sameAs.push(e.sameAs);
      if (node.articles.at(-1) !== r.article.id && !node.articles.includes(r.article.id)) node.articles.push(r.article.id);
      node.mentionCount += e.mentions.length;
    }
  }

  events(): EventNode[] {
    return [...this.byIri.values()].sort((a, b) => byIri(a.iri, b.iri));
  }
}

export function mergeEvents(resolved: readonly ResolvedArticle[]): EventNode[] {
  const index = new EventIndex();
  for (const r of resolved) index.add(r);
  return index.events();
}
