/**
 * Everything an article states beyond its names: events with their arguments, relations
 * between entities, the sources it cites, and the social-media posts it embeds.
 */
import { EVENT_ROLES, EVENT_ROLE_FIELDS, type Doc, type ExtractedPost, type Facts, type TypedMention } from '../types.js';
import { addClauseArguments, clauseEvents } from './clauses.js';
import { extractEvents } from './events.js';
import { familyAndOwnership } from './family-ownership.js';
import { findSocialPosts } from './posts.js';
import { factualityBetween } from './factuality.js';
import { learnedRelations } from './learned-relations.js';
import { extractRelations } from './relations.js';
import { ArticleView, spanHead } from './sentence-view.js';

export function extractFacts(doc: Doc, typed: readonly TypedMention[], published: string | undefined): Facts {
  const view = new ArticleView(doc, typed);
  const articleEvents = extractEvents(view, published);
  // The parse fills the roles the trigger words' patterns left empty.
  for (const [tok, ev] of articleEvents.eventAtToken) {
    const e = articleEvents.events[ev];
    const token = doc.tokens[tok];
    const si = e.mentions.find((m) => m.start <= token.start && token.end <= m.end)?.sentenceIndex;
    if (si === undefined) continue;
    addClauseArguments(view, tok, si, e);
    articleEvents.reported[ev] ||= EVENT_ROLES.some((r) => e[EVENT_ROLE_FIELDS[r]].length > 0);
  }
  // Clause events come after the trigger-word events, so the indices relations hold stay valid.
  for (const e of clauseEvents(view, published, articleEvents.eventAtToken)) {
    articleEvents.events.push(e);
    articleEvents.reported.push(true);
  }
  const { relations, sources } = extractRelations(view, articleEvents);
  relations.push(...familyAndOwnership(view));
  relations.push(...learnedRelations(doc, typed, relations));
  for (const r of relations) {
    if (r.subjectMention === undefined || r.objectMention === undefined) continue;
    const factuality = factualityBetween(doc, r.sentenceIndex, spanHead(doc, typed[r.subjectMention].tokenStart, typed[r.subjectMention].tokenEnd), spanHead(doc, typed[r.objectMention].tokenStart, typed[r.objectMention].tokenEnd));
    if (factuality) r.factuality = factuality;
  }
  // Events nothing is said of stay only when a relation points at them ("ordered an attack").
  const keep = articleEvents.events.map((_, i) => articleEvents.reported[i] || relations.some((r) => r.objectEvent === i || r.subjectEvent === i));
  const renumber = new Map<number, number>();
  keep.forEach((k, i) => k && renumber.set(i, renumber.size));
  for (const r of relations) {
    if (r.objectEvent !== undefined) r.objectEvent = renumber.get(r.objectEvent);
    if (r.subjectEvent !== undefined) r.subjectEvent = renumber.get(r.subjectEvent);
  }
  const eventAtToken = new Map<number, number>();
  for (const [tok, ev] of articleEvents.eventAtToken) if (renumber.has(ev)) eventAtToken.set(tok, renumber.get(ev)!);
  const posts = findSocialPosts(doc.text).map((post): ExtractedPost => {
    const inside = (start: number, end: number) => start >= post.start && end <= post.end;
    const mentionIndices = typed.flatMap((m, i) => (m.class !== 'Other' && inside(m.start, m.end) ? [i] : []));
    const author = typed.findIndex((m) => m.start >= post.authorStart && m.end <= post.authorEnd && m.class !== 'Other');
    const events = new Set<number>();
    for (const [tok, ev] of eventAtToken) if (inside(doc.tokens[tok].start, doc.tokens[tok].end)) events.add(ev);
    return { post, ...(author >= 0 ? { authorMention: author } : {}), mentionIndices, eventIndices: [...events] };
  });
  return { events: articleEvents.events.filter((_, i) => keep[i]), relations, sources, posts };
}
