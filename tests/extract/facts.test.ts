/**
 * extractFacts (extract/facts.ts): events nothing is said of are dropped unless a relation points
 * at them, event indices are renumbered after the drop, and embedded posts carry the typed
 * mentions and events inside them. Made-up sentences; the typed mentions are placed by hand.
 */
import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../src/extract/facts.js';
import { analyze } from '../../src/nlp/index.js';
import { typedMentions } from '../helpers/mentions.js';
import type { EntityClass, Facts, TypedMention } from '../../src/types.js';

function read(text: string, names: [string, EntityClass][] = []): { facts: Facts; typed: TypedMention[] } {
  const doc = analyze(text);
  const typed = typedMentions(doc, names);
  return { facts: extractFacts(doc, typed, '2021-03-15'), typed };
}

const POST = 'Officials discussed bombings. Gunmen attacked a bus in Velmora.\nGunmen attacked a market in Darnoc. #Darnoc\n— Lina Varga (@linavarga) March 12, 2021';

describe('which events are kept', () => {
  test('an event nothing is said of ("discussed bombings") is dropped', () => {
    const { facts } = read('Officials discussed bombings. Gunmen attacked a bus in Velmora on Friday.', [['Velmora', 'City']]);
    expect(facts.events.map((e) => [e.eventType, e.mentions.map((m) => m.text)])).toEqual([['attack', ['attacked']]]);
  });

  test('an event nothing is said of stays when a relation points at it, and the relation is renumbered', () => {
    const { facts } = read('Officials discussed bombings. The Red Hand ordered an attack.', [['Red Hand', 'ArmedGroup']]);
    // "bombings" (event 0 before the drop) goes; "an attack" (event 1) stays as event 0.
    expect(facts.events.map((e) => e.eventType)).toEqual(['attack']);
    expect(facts.events[0].places).toEqual([]);
    expect(facts.relations.map((r) => [r.family, r.subjectMention, r.objectEvent])).toEqual([['order', 0, 0]]);
  });

  test('without a relation, the same bare event goes too', () => {
    const { facts } = read('Officials discussed bombings. Nobody mentioned an attack.');
    expect(facts.events).toEqual([]);
    expect(facts.relations).toEqual([]);
  });
});

describe('embedded posts', () => {
  const { facts, typed } = read(POST, [
    ['Velmora', 'City'],
    ['Darnoc', 'City'],
    ['Lina Varga', 'Person'],
  ]);

  test('a post carries its author mention, the mentions and the (renumbered) events inside its text', () => {
    expect(facts.posts).toHaveLength(1);
    const [p] = facts.posts;
    expect(p.post.text).toBe('Gunmen attacked a market in Darnoc. #Darnoc');
    expect(p.post.handle).toBe('@linavarga');
    expect(typed[p.authorMention!].text).toBe('Lina Varga');
    // The author's name is in the signature, not in the post's text.
    expect(p.mentionIndices.map((i) => typed[i].text)).toEqual(['Darnoc']);
    // "bombings" is dropped, so the attack in Darnoc is event 1, not 2.
    expect(facts.events.map((e) => e.places.map((a) => typed[a.mention].text))).toEqual([['Velmora'], ['Darnoc']]);
    expect(p.eventIndices).toEqual([1]);
  });

  test('a post whose author is not a typed mention has no authorMention', () => {
    const { facts: f } = read(POST, [['Velmora', 'City'], ['Darnoc', 'City']]);
    expect(f.posts).toHaveLength(1);
    expect('authorMention' in f.posts[0]).toBe(false);
    expect(f.posts[0].mentionIndices).toEqual([1]);
  });

  test('an "Other" mention in a post is not one of its mentions', () => {
    const { facts: f } = read(POST, [['Velmora', 'City'], ['Darnoc', 'Other'], ['Lina Varga', 'Person']]);
    expect(f.posts[0].mentionIndices).toEqual([]);
    expect(f.posts[0].authorMention).toBe(2);
  });

  test('an article without a signature has no posts', () => {
    expect(read('Gunmen attacked a bus in Velmora on Friday.', [['Velmora', 'City']]).facts.posts).toEqual([]);
  });
});
