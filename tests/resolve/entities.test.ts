/** Resolution inside an article (aliases, acronyms, partial names, demonyms, handles); slugs and IRIs are in iri.test.ts. */
import { describe, expect, test } from 'vitest';
import { places } from '../../src/pipeline/article.js';
import { typeMentions } from '../../src/extract/index.js';
import { analyze } from '../../src/nlp/index.js';
import { resolveArticle } from '../../src/resolve/index.js';
import type { Entity } from '../../src/types.js';

const BASE = 'https://example.org/kg/';

function resolve(text: string): Entity[] {
  const doc = analyze(text);
  return resolveArticle({ id: 'a1', text, origin: 'test' }, doc, typeMentions(doc, places), BASE).entities;
}

const byIri = (entities: Entity[], iri: string) => entities.find((e) => e.iri === `${BASE}${iri}`);

describe('resolution inside an article', () => {
  test('a surname alone joins the one full name that has it', () => {
    const entities = resolve('Police in Belgium are hunting Karim Dassouli after the raid. Dassouli was last seen in Brussels on Monday.');
    expect(byIri(entities, 'person/karim-dassouli')?.aliases).toEqual(['Dassouli']);
    expect(byIri(entities, 'person/dassouli')).toBeUndefined();
  });

  test('an acronym joins the name it abbreviates', () => {
    const entities = resolve('The National Liberation Army said on Friday that it would disarm. An NLA commander confirmed the plan.');
    const nla = entities.find((e) => e.aliases.includes('NLA'));
    expect(nla?.label).toBe('National Liberation Army');
    expect(entities.filter((e) => e.label === 'NLA')).toEqual([]);
  });

  test("a country's name, possessive and demonym are one place with the gazetteer's name", () => {
    const entities = resolve("Spain's government met on Tuesday. Spanish officials said Spain would respond.");
    const spain = byIri(entities, 'place/spain')!;
    expect(spain.class).toBe('Country');
    expect(spain.countryCode).toBe('ES');
    expect(spain.mentions.length).toBeGreaterThanOrEqual(2);
    expect(entities.filter((e) => e.category === 'place')).toHaveLength(1);
  });

  test('a handle in brackets after a name belongs to that name', () => {
    const entities = resolve('Floods closed the road.\n— Channel 9 News (@Channel9News) May 1, 2020');
    expect(byIri(entities, 'organization/channel-9-news')?.handles).toEqual(['@Channel9News']);
  });

  test('the same name typed in two articles gets the same IRI (minted, not numbered)', () => {
    const a = resolve('Officials in Lisbon said the storm passed.');
    const b = resolve('The mayor of Lisbon spoke on Sunday.');
    expect(byIri(a, 'place/lisbon')).toBeDefined();
    expect(byIri(b, 'place/lisbon')).toBeDefined();
  });
});
