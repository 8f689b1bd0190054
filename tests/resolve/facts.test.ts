/**
 * An article's facts onto its entities (resolve/facts.ts): event IRIs (named, keyed by kind,
 * place and date, or the article's own), relations and posts onto IRIs, evidence; then
 * unifyEvents and mergeEvents over a build. Made-up sentences through the nlp stage, typed
 * mentions placed by hand, resolved with resolveArticle.
 */
import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { analyze } from '../../src/nlp/index.js';
import { mergeEvents, resolveArticle, unifyEvents } from '../../src/resolve/index.js';
import { typedMentions } from '../helpers/mentions.js';
import type { EntityClass, ResolvedArticle, ResolvedEvent, TypedMention } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const local = (iri: string | undefined) => iri?.slice(BASE.length);

/** Resolves a made-up article; `names` are typed mentions in text order ("Velmora@0" searches from the start again, for a name inside a name). */
function resolve(id: string, text: string, names: [string, EntityClass][] = [], published = '2021-03-15'): ResolvedArticle {
  const doc = analyze(text);
  const typed = typedMentions(doc, names);
  return resolveArticle({ id, text, origin: 'test', published }, doc, typed, BASE, extractFacts(doc, typed, published));
}

const summary = (e: ResolvedEvent) => ({ iri: local(e.iri), sameAs: local(e.sameAs), eventType: e.eventType, isNamed: e.isNamed, label: e.label });

const NAMED = (id = 'n1') => resolve(id, 'The Velmora attacks on Friday killed 12 people.', [['Velmora attacks', 'Event'], ['Velmora@0', 'City']]);
const UNNAMED = (id = 'u1') => resolve(id, 'The Red Hand ordered an attack in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]);

describe('event IRIs', () => {
  test.each<[string, [string, EntityClass][], string, ReturnType<typeof summary>]>([
    ['Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']], '2021-03-15', { iri: 'event/attack-velmora-2021-03-12', sameAs: undefined, eventType: 'attack', isNamed: false, label: 'attack in Velmora, 2021-03-12' }],
    // acts of violence are one kind of key
    ['A bombing in Velmora on Friday killed three.', [['Velmora', 'City']], '2021-03-15', { iri: 'event/attack-velmora-2021-03-12', sameAs: undefined, eventType: 'bombing', isNamed: false, label: 'bombing in Velmora, 2021-03-12' }],
    ['Police arrested Tomas Brel in Velmora on Monday.', [['Tomas Brel', 'Person'], ['Velmora', 'City']], '2021-03-15', { iri: 'event/arrest-velmora-2021-03-08', sameAs: undefined, eventType: 'arrest', isNamed: false, label: 'arrest in Velmora, 2021-03-08' }],
    // a month is date enough
    ['Gunmen attacked a market in Velmora in March.', [['Velmora', 'City']], '2021-03-15', { iri: 'event/attack-velmora-2021-03', sameAs: undefined, eventType: 'attack', isNamed: false, label: 'attack in Velmora, 2021-03-01 – 2021-03-31' }],
    // a span across two months is not: the article's own IRI
    ['Gunmen attacked a market in Velmora last week.', [['Velmora', 'City']], '2021-04-05', { iri: 'event/a1-1', sameAs: undefined, eventType: 'attack', isNamed: false, label: 'attack in Velmora, 2021-03-29 – 2021-04-04' }],
    // no date, or no place: the article's own IRI
    ['Gunmen attacked a market in Velmora.', [['Velmora', 'City']], '2021-03-15', { iri: 'event/a1-1', sameAs: undefined, eventType: 'attack', isNamed: false, label: 'attack in Velmora' }],
    ['The Red Hand ordered an attack.', [['Red Hand', 'ArmedGroup']], '2021-03-15', { iri: 'event/a1-1', sameAs: undefined, eventType: 'attack', isNamed: false, label: 'attack' }],
  ])('%s', (text, names, published, expected) => {
    const r = resolve('a1', text, names, published);
    expect(r.events.map(summary)).toEqual([expected]);
  });

  test('a named event is its name\'s entity, with its key IRI as sameAs', () => {
    const r = NAMED();
    expect(r.events.map(summary)).toEqual([{ iri: 'event/velmora-attacks', sameAs: 'event/attack-velmora-2021-03-12', eventType: 'attack', isNamed: true, label: 'Velmora attacks' }]);
    expect(r.entities.map((e) => local(e.iri))).toContain('event/velmora-attacks');
  });

  test('a long place name is cut so the date stays in the key', () => {
    const place = 'Upper Velmora Valley of the Seven Winding Rivers and the Old Mountains';
    const r = resolve('a1', `A bombing in ${place} on Friday killed three.`, [[place, 'Region']]);
    expect(r.events[0].places.map((p) => local(p.iri))).toEqual(['place/upper-velmora-valley-of-the-seven-winding-rivers-and-the-old-mountains']);
    expect(local(r.events[0].iri)).toBe('event/attack-upper-velmora-valley-of-the-seven-winding-rivers-and-the-old-2021-03-12');
  });

  test('two events without a key in one article are numbered', () => {
    const r = resolve('a7', 'The Red Hand ordered an attack. Officials said the Red Hand ordered a bombing.', [['Red Hand', 'ArmedGroup'], ['Red Hand', 'ArmedGroup']]);
    expect(r.events.map((e) => [local(e.iri), e.eventType])).toEqual([
      ['event/a7-1', 'attack'],
      ['event/a7-2', 'bombing'],
    ]);
  });
});

describe('arguments, counts and relations onto IRIs, with evidence', () => {
  test('places, actors, counts and times carry the article and the sentence they were read in', () => {
    const text = 'Officials met on Sunday. The Red Hand attacked a market in Velmora on Friday, killing five people.';
    const r = resolve('a2', text, [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]);
    const attack = r.events.find((e) => e.eventType === 'attack')!;
    expect(attack.places.map((p) => local(p.iri))).toEqual(['place/velmora']);
    expect(attack.actors.map((p) => local(p.iri))).toEqual(['organization/red-hand']);
    expect(attack.killed.map((k) => [k.value, k.atLeast])).toEqual([[5, false]]);
    const sentence = 'The Red Hand attacked a market in Velmora on Friday, killing five people.';
    for (const ev of [attack.places[0].evidence, attack.killed[0].evidence, attack.times[0].evidence]) {
      expect(ev).toMatchObject({ articleId: 'a2', sentenceIndex: 1, sentenceText: sentence, sentenceStart: text.indexOf(sentence), sentenceEnd: text.length });
      expect(ev.start).toBeGreaterThanOrEqual(ev.sentenceStart);
      expect(ev.end).toBeLessThanOrEqual(ev.sentenceEnd);
    }
    expect(text.slice(attack.killed[0].evidence.start, attack.killed[0].evidence.end)).toBe('killing five');
  });

  test('a relation to an event points at the event\'s IRI', () => {
    const r = UNNAMED();
    expect(r.relations.map((x) => [local(x.subject), x.family, local(x.object), x.evidence.articleId])).toEqual([['organization/red-hand', 'order', 'event/attack-velmora-2021-03-12', 'u1']]);
  });

  test('a post resolves to its author, the entities and the events it mentions', () => {
    const text = 'Gunmen attacked a market in Darnoc on Friday. #Darnoc\n— Lina Varga (@linavarga) March 12, 2021';
    const r = resolve('p1', text, [['Darnoc', 'City'], ['Lina Varga', 'Person']]);
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0]).toMatchObject({
      iri: `${BASE}post/p1-0`,
      text: 'Gunmen attacked a market in Darnoc on Friday. #Darnoc',
      authorName: 'Lina Varga',
      author: `${BASE}person/lina-varga`,
      handle: '@linavarga',
      date: '2021-03-12',
      mentions: [`${BASE}place/darnoc`],
      events: [`${BASE}event/attack-darnoc-2021-03-12`],
      hashtags: ['#Darnoc'],
    });
  });
});

describe('unifyEvents', () => {
  test('an unnamed report with the key IRI of a named event becomes that event, in its relations too', () => {
    const [named, unnamed] = unifyEvents([NAMED(), UNNAMED()]);
    expect(named.events.map((e) => local(e.iri))).toEqual(['event/velmora-attacks']);
    expect(unnamed.events.map((e) => local(e.iri))).toEqual(['event/velmora-attacks']);
    expect(unnamed.relations.map((x) => local(x.object))).toEqual(['event/velmora-attacks']);
  });

  test('returns new values and leaves its input as it was', () => {
    const input = [NAMED(), UNNAMED()];
    const out = unifyEvents(input);
    expect(out[1]).not.toBe(input[1]);
    expect(local(input[1].events[0].iri)).toBe('event/attack-velmora-2021-03-12');
  });

  test('with no named event it returns its input', () => {
    const input = [UNNAMED('u1'), UNNAMED('u2')];
    expect(unifyEvents(input)).toBe(input);
  });

  test('a report with another key is not renamed', () => {
    const other = resolve('u3', 'The Red Hand ordered an attack in Velmora on Monday.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]);
    const [, out] = unifyEvents([NAMED(), other]);
    expect(out.events.map((e) => local(e.iri))).toEqual(['event/attack-velmora-2021-03-08']);
  });
});

describe('mergeEvents', () => {
  test('one node per IRI with the types, articles, sameAs and mention counts of every report', () => {
    const a = resolve('m1', 'Gunmen attacked a market in Velmora on Friday. The attacks were condemned.', [['Velmora', 'City']]);
    const b = resolve('m2', 'A bombing in Velmora on Friday killed three.', [['Velmora', 'City']]);
    const nodes = mergeEvents(unifyEvents([NAMED('m3'), a, b]));
    expect(nodes.map((n) => ({ ...n, iri: local(n.iri), sameAs: n.sameAs.map(local) }))).toEqual([
      {
        iri: 'event/velmora-attacks',
        eventTypes: ['attack', 'bombing'],
        label: 'Velmora attacks',
        isNamed: true,
        sameAs: ['event/attack-velmora-2021-03-12'],
        articles: ['m3', 'm1', 'm2'],
        mentionCount: 4,
      },
    ]);
  });

  // BUG (src/resolve/facts.ts, mergeEvents): a node takes isNamed and label from the first report
  // it meets. When an unnamed report that unifyEvents renamed to a named event comes before the
  // named report, the named event's node is unnamed with the report's label, and rdf/quads.ts
  // then describes the named entity a second time (a second rdfs:label and skos:prefLabel).
  test.fails('a named event\'s node is named and labelled by its name whatever the order of the articles', () => {
    const a = resolve('m1', 'Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']]);
    const [node] = mergeEvents(unifyEvents([a, NAMED('m2')]));
    expect(local(node.iri)).toBe('event/velmora-attacks');
    expect([node.isNamed, node.label]).toEqual([true, 'Velmora attacks']);
  });

  test('nodes are sorted by IRI and an article counts once per event', () => {
    const a = resolve('m1', 'Police arrested Tomas Brel in Velmora on Monday. Gunmen attacked a market in Darnoc on Friday.', [['Tomas Brel', 'Person'], ['Velmora', 'City'], ['Darnoc', 'City']]);
    const b = resolve('m2', 'Gunmen attacked a market in Darnoc on Friday.', [['Darnoc', 'City']]);
    const nodes = mergeEvents([b, a, b]);
    expect(nodes.map((n) => [local(n.iri), n.articles, n.mentionCount])).toEqual([
      ['event/arrest-velmora-2021-03-08', ['m1'], 1],
      ['event/attack-darnoc-2021-03-12', ['m2', 'm1'], 3],
    ]);
  });
});
