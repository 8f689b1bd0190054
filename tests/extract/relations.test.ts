/**
 * Relations from general constructions, through the real pipeline on made-up sentences (names
 * no seed uses), and none where a sentence merely lists names.
 */
import { describe, expect, test } from 'vitest';
import { processArticle } from '../../src/pipeline/article.js';
import type { ResolvedArticle } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const read = (text: string, published = '2021-03-15'): ResolvedArticle => processArticle({ id: 'a0', text, origin: 'test', published }, BASE);
const facts = (r: ResolvedArticle) => r.relations.map((x) => `${x.subject.slice(BASE.length)} ${x.family} ${x.object.slice(BASE.length)}`);

describe('relations', () => {
  test.each([
    ['Portugal warned Spain of a flood risk on Tuesday.', 'place/portugal warn place/spain'],
    ['The Lisbon Police arrested Marco Teixeira on Monday.', 'organization/lisbon-police arrest person/marco-teixeira'],
    ['Marco Teixeira was arrested by the Lisbon Police on Monday.', 'organization/lisbon-police arrest person/marco-teixeira'],
    ['Joana Vieira, the president of the Red Cross, visited the camp.', 'person/joana-vieira lead organization/red-cross'],
    ['Portuguese President Joana Vieira visited the camp.', 'person/joana-vieira lead place/portugal'],
    ['Joana Vieira, the mayor of the Portuguese city of Porto, spoke.', 'person/joana-vieira lead place/porto'],
    ['The rebels were training fighters in Mosul, Iraq, officials said.', 'place/mosul located place/iraq'],
    ['Rui Costa of the Lisbon Police said the road was closed.', 'person/rui-costa member organization/lisbon-police'],
    // Modifiers before the body's name, adjectives, participles or nouns as a tagger may tag "founding".
    ['Mira Holt, a founding Velmora Party member, spoke on Monday.', 'person/mira-holt member organization/velmora-party'],
    ['Mira Holt, a senior Velmora Party member, spoke on Monday.', 'person/mira-holt member organization/velmora-party'],
  ])('%s → %s', (text, fact) => {
    expect(facts(read(text))).toContain(fact);
  });

  test('a list of regions is no containment, a chain from a city to its country is', () => {
    const located = (text: string) => facts(read(text)).filter((f) => f.includes(' located '));
    expect(located('Members came from Alabama, Arkansas, Connecticut, Florida, Georgia, Kansas and Ohio.')).toEqual([]);
    expect(located('Voters in Florida, Georgia and Kansas went to the polls.')).toEqual([]);
    expect(located('The bombs hit a market in Sulu, Philippines, on Sunday.')).toEqual(['place/sulu located place/philippines']);
  });

  test('attribution: "according to", "is reporting", "told" name the sources the article cites', () => {
    const r = read('The bridge collapsed on Monday, according to the Daily Clarion. Officials told the Associated Press that it was old.');
    expect(r.sources.map((s) => s.iri.slice(BASE.length)).sort()).toEqual(['organization/associated-press', 'organization/daily-clarion']);
  });

  test('suspicion: "a suspect in the attack, identified as X" ties X to the attack', () => {
    const r = read('Gunmen attacked a market in Porto on Friday, killing five people. Police are searching for a suspect in the attack, identified as Rui Costa.');
    const attack = r.events.find((e) => e.eventType === 'attack');
    // The attack's own count and date are tested in events.test.ts.
    expect(attack).toBeDefined();
    expect(facts(r)).toContain(`person/rui-costa suspect ${attack!.iri.slice(BASE.length)}`);
  });

  test('a summit the leaders of a list of countries attend has them all for actors, and relates them to one another in nothing else', () => {
    const r = read('Leaders from Portugal, Spain, Italy and Greece attended the summit.');
    expect(r.relations).toEqual([]);
    const [summit] = r.events;
    expect(summit.eventType).toBe('meeting');
    expect(summit.actors.map((a) => a.iri.slice(BASE.length)).sort()).toEqual(['place/greece', 'place/italy', 'place/portugal', 'place/spain']);
  });

  test.each([
    'Marco Teixeira, Joana Vieira and Rui Costa were present, along with officials from the Red Cross and the United Nations.',
    'The list included Lisbon, Porto, Madrid and the European Union.',
    'Portugal and Spain, Italy and Greece: four countries, one currency.',
  ])('a sentence that merely lists names relates none of them: %s', (text) => {
    const r = read(text);
    expect(r.entities.length).toBeGreaterThanOrEqual(3);
    expect(r.relations).toEqual([]);
    for (const e of r.events) expect([...e.actors, ...e.targets]).toEqual([]);
  });
});
