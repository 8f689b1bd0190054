/**
 * Every clause as an event: predicates and their arguments read from the parse, through the real
 * pipeline on made-up sentences (names no seed uses).
 */
import { describe, expect, test } from 'vitest';
import { processArticle } from '../../src/pipeline/article.js';
import type { ResolvedArticle, ResolvedEvent } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const read = (text: string): ResolvedArticle => processArticle({ id: 'a0', text, origin: 'test', published: '2021-03-15' }, BASE);
const ids = (list: { iri: string }[]) => list.map((a) => a.iri.slice(BASE.length));
const only = (text: string): ResolvedEvent => {
  const events = read(text).events;
  expect(events).toHaveLength(1);
  return events[0];
};

describe('clause events', () => {
  test('the agent is the subject, the patient the object, and the kind comes from the lemma', () => {
    const e = only('Velmora Holdings bought Tarsk Media on Monday.');
    expect(e).toMatchObject({ eventType: 'transfer-ownership', predicate: 'buy', label: 'Velmora Holdings bought Tarsk Media' });
    expect(ids(e.actors)).toEqual(['organization/velmora-holdings']);
    expect(ids(e.targets)).toEqual(['organization/tarsk-media']);
    expect(e.times.map((t) => t.earliest)).toEqual(['2021-03-08']);
  });

  test('in the passive, the "by" phrase acts and the subject undergoes', () => {
    const e = only('Marco Teixeira was appointed by the Lisbon Police.');
    expect(e.eventType).toBe('start-position');
    expect(ids(e.actors)).toEqual(['organization/lisbon-police']);
    expect(ids(e.targets)).toEqual(['person/marco-teixeira']);
    expect(e.label).toBe('Lisbon Police appointed Marco Teixeira');
  });

  test('an event noun takes its arguments from the verb it is the object of and from "of"', () => {
    const e = only('Velmora Holdings completed the acquisition of Tarsk Media.');
    expect(e).toMatchObject({ eventType: 'transfer-ownership', predicate: 'acquisition', label: 'acquisition of Tarsk Media by Velmora Holdings' });
  });

  test('obliques go by their preposition: "with" is the other side of a meeting, "in" its place', () => {
    const e = only('Joana Vieira met with Rui Costa in Porto.');
    expect(e.eventType).toBe('meeting');
    expect(ids(e.actors)).toEqual(['person/joana-vieira']);
    expect(ids(e.targets)).toEqual(['person/rui-costa']);
    expect(ids(e.places)).toEqual(['place/porto']);
  });

  test('amounts keep their words', () => {
    expect(only('Velmora Holdings paid $2bn for Tarsk Media.').amounts.map((a) => a.text)).toEqual(['$2bn']);
  });

  test('negated and planned events are kept and marked, and their roles are never asserted', () => {
    for (const [text, factuality] of [
      ['Velmora Holdings did not buy Tarsk Media.', 'negated'],
      ['Velmora Holdings plans to buy Tarsk Media.', 'hypothetical'],
    ] as const) {
      const e = only(text);
      expect(e.factuality).toBe(factuality);
      for (const a of [...e.actors, ...e.targets]) expect(a.evidence.factuality).toBe(factuality);
    }
  });

  test('a reported event names who reports it', () => {
    const [e] = read('Rui Costa said that Velmora Holdings bought Tarsk Media.').events.filter((x) => x.eventType === 'transfer-ownership');
    expect(e.reportedBy?.iri).toBe(`${BASE}person/rui-costa`);
  });

  test('the sense decides: a manager is fired, a rocket is not; a tribute is no payment; a band named Massive Attack attacks no one', () => {
    expect(only('Velmora Holdings fired Marco Teixeira.').eventType).toBe('end-position');
    expect(read('The Lisbon Police fired rockets at Porto.').events.filter((e) => e.eventType === 'end-position')).toEqual([]);
    expect(read('The Velmora Party paid tribute to Rui Costa.').events.filter((e) => e.eventType === 'transfer-money')).toEqual([]);
    expect(read('The band Massive Attack played in Lisbon.').events.filter((e) => e.eventType === 'attack')).toEqual([]);
  });

  test('a clause with no kind is an event of its lemma only with two participants of its own', () => {
    const e = only('Joana Vieira praised Rui Costa.');
    expect(e).toMatchObject({ eventType: 'occurrence', predicate: 'praise' });
    expect(read('Joana Vieira smiled.').events).toEqual([]);
  });

  test('an untyped clause needs someone named who acts (or, in the passive, is acted on), and one subject', () => {
    // "the administration" brokered the deals: nothing is said of what the two countries did.
    expect(read('This followed deals the administration brokered between Velmora and Tessaland in recent months.').events.filter((e) => e.predicate === 'broker')).toEqual([]);
    // Two subjects on one verb are a misparse of a possessive: the person nearest the verb attended.
    const meeting = only("Wikinews' Nicholas Moreau met Marco Teixeira in Lisbon.");
    expect(ids(meeting.actors)).toEqual(['person/nicholas-moreau']);
  });

  test('a long sentence of many names reads in one pass', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Velmora${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} Holdings`);
    const r = read(`${names.join(' bought ')} on Monday.`);
    expect(r.events.length).toBeGreaterThan(0);
  });
});
